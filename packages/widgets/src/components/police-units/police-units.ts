import { CreatePoliceUnitInputLimits, type PoliceUnitKind, type PoliceUnitRowFragment } from '@huhang/schema';
import { html, nothing, type PropertyValues } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { HuhangEvent } from '../../events/events';
import {
  ArchivePoliceUnitDocument,
  CreatePoliceUnitDocument,
  PoliceUnitExportDocument,
  PoliceUnitsAdminDocument,
  UpdatePoliceUnitDocument,
} from '../../generated/admin-operations';
import { HuhangAdminElement } from '../../internal/admin-element';
import { keysOf } from '../../internal/choices';
import { ListExporter } from '../../internal/list-exporter';
import { today } from '../../internal/period';
import { FormModel, banner, field, rules, rowAction } from '../../internal/form';
import { parkPicker, parkToShow } from '../../internal/park-choice';
import { QueryController } from '../../internal/query';
import { rowActionStyles } from '../../internal/styles';
import { sortRows, sortableHeader, type TableSort } from '../../internal/table';
import { adminFrame, renderQuery, statusOf } from '../../internal/views';
import { policeUnitsStyles } from './police-units.styles';
import { POLICE_UNITS_WORDS, type PoliceUnitsWords } from './police-units.words';

const KINDS = keysOf(POLICE_UNITS_WORDS['zh-CN']!.kinds);

type UnitSort = TableSort<'NAME' | 'OFFICERS'>;
const UNIT_KEYS = {
  NAME: (u: PoliceUnitRowFragment) => u.name,
  OFFICERS: (u: PoliceUnitRowFragment) => u.officers.totalCount,
};

/**
 * @summary The police units (警务单位) that serve a park: the stations, workstations and monitoring
 * centres stationed in it and the county bureau's specialised branches (警种) of its program, with
 * the zones each covers (辖区) and its officers; a unit added, renamed, given its zones, or archived
 * (refused while it has active officers). The park is the page's, else the one chosen among the
 * administrator's parks.
 *
 * @event huhang-police-unit-changed - A unit was added, renamed, archived or given other zones; `detail` is the unit's id.
 *
 * @csspart base - The frame.
 * @csspart title - The heading.
 * @csspart table - The units.
 * @csspart banner - The outcome of adding a unit.
 * @csspart field-error - A field's error.
 */
@customElement('huhang-police-units')
export class HuhangPoliceUnits extends HuhangAdminElement {
  static override styles = [...HuhangAdminElement.styles, rowActionStyles, policeUnitsStyles];

  /** The park shown when the page names none. */
  @state() private parkId = '';
  /** Names being typed for renames, by unit. */
  @state() private renames: Record<string, string> = {};
  /** Zones being chosen, by unit. */
  @state() private zoneEdits: Record<string, string[]> = {};
  @state() private announcement = '';
  @state() private failure = '';
  /** The order chosen by a column header; the API's until one is. */
  @state() private sort: UnitSort | null = null;

  private readonly units = new QueryController(this, PoliceUnitsAdminDocument, () => (this.signedIn ? {} : 'sign-in'));

  private get words(): PoliceUnitsWords {
    return POLICE_UNITS_WORDS[this.t.$code] ?? POLICE_UNITS_WORDS['zh-CN']!;
  }

  private readonly form = new FormModel(
    this,
    () => ({ name: '', kind: '', specialism: '', inPark: 'true', zoneIds: [] as string[] }),
    () => {
      const r = rules(this.t);
      return {
        name: [r.required, r.within(CreatePoliceUnitInputLimits.name)],
        kind: [r.required],
        specialism: [r.within(CreatePoliceUnitInputLimits.specialism)],
        zoneIds: [r.within(CreatePoliceUnitInputLimits.zoneIds)],
      };
    },
  );

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.parkId = parkToShow(this.units.data?.parks.nodes ?? [], this.setting('park'), this.parkId);
  }

  /** A county unit (stationed in no park) is the program's: only its administrators add one. */
  private get mayAddCountyUnits(): boolean {
    const role = this.session.user?.role;
    return role === 'PROGRAM_ADMIN' || role === 'SYSTEM_ADMIN';
  }

  private get park() {
    return this.units.data?.parks.nodes.find((p) => p.id === this.parkId);
  }

  /** The units stationed in the park, then the county units of its program. */
  private get shown(): PoliceUnitRowFragment[] {
    const park = this.park;
    if (!park) return [];
    const all = this.units.data?.policeUnits.nodes ?? [];
    return [...all.filter((u) => u.park?.id === park.id), ...all.filter((u) => !u.park && u.program.id === park.program.id)];
  }

  /** Every unit of the park's program the user may read (the park's own and the county's, and other parks'), as CSV or Excel. */
  private readonly exporter = new ListExporter(
    this,
    this.sessions,
    (format) => {
      const w = this.words;
      return {
        format,
        document: PoliceUnitExportDocument as never,
        variables: { filter: { programId: this.park?.program.id ?? null } },
        columns: [
          { header: w.unit, path: 'name' },
          { header: w.kind, path: 'kind', labels: w.kinds },
          { header: w.specialism, path: 'specialism' },
          { header: w.stationed, path: 'park.name' },
          { header: w.zones, path: 'zones.name' },
          { header: w.officers, path: 'officers.totalCount' },
        ],
        filename: `huhang-police-units-${today()}`,
        sheet: w.title,
      };
    },
    (text) => (this.announcement = text),
  );

  private changed(id: string) {
    this.dispatchEvent(new HuhangEvent('huhang-police-unit-changed', id));
  }

  private async add(e: Event) {
    e.preventDefault();
    const v = this.form.values;
    const park = this.park;
    if (!park) return;
    const inPark = v.inPark === 'true' || !this.mayAddCountyUnits;
    const kind = v.kind as PoliceUnitKind;
    const saved = await this.form.submit(
      this.t,
      (idempotencyKey) =>
        this.mutate(CreatePoliceUnitDocument, {
          input: {
            programId: park.program.id,
            parkId: inPark ? park.id : null,
            name: String(v.name).trim(),
            kind,
            specialism: kind === 'BRANCH' ? String(v.specialism).trim() || null : null,
            zoneIds: inPark ? [...(v.zoneIds as string[])] : [],
            idempotencyKey,
          },
        }),
      this.shadowRoot,
    );
    if (saved) {
      const unit = saved.createPoliceUnit.policeUnit;
      this.announcement = this.words.created(unit.name);
      this.changed(unit.id);
      await this.units.retry();
    }
  }

  private async rename(unit: PoliceUnitRowFragment) {
    const w = this.words;
    const name = (this.renames[unit.id] ?? '').trim();
    if (!name) {
      this.failure = `${w.name}：${this.t.form.required}`;
      return;
    }
    if ([...name].length > CreatePoliceUnitInputLimits.name.maxLength) {
      this.failure = `${w.name}：${this.t.form.tooLong(CreatePoliceUnitInputLimits.name.maxLength)}`;
      return;
    }
    await this.act(unit, async () => {
      const { updatePoliceUnit } = await this.mutate(UpdatePoliceUnitDocument, { input: { id: unit.id, version: unit.version, name } });
      const { [unit.id]: _done, ...rest } = this.renames;
      this.renames = rest;
      this.announcement = w.renamed(unit.name, updatePoliceUnit.policeUnit.name);
    });
  }

  private async saveZones(unit: PoliceUnitRowFragment) {
    const zoneIds = this.zoneEdits[unit.id] ?? unit.zones.map((z) => z.id);
    await this.act(unit, async () => {
      await this.mutate(UpdatePoliceUnitDocument, { input: { id: unit.id, version: unit.version, zoneIds } });
      const { [unit.id]: _done, ...rest } = this.zoneEdits;
      this.zoneEdits = rest;
      this.announcement = this.words.zonesSaved(unit.name);
    });
  }

  private async archive(unit: PoliceUnitRowFragment) {
    const w = this.words;
    if (!confirm(w.confirmArchive(unit.name))) return;
    await this.act(unit, async () => {
      await this.mutate(ArchivePoliceUnitDocument, { input: { id: unit.id, version: unit.version } });
      this.announcement = w.archived(unit.name);
    });
  }

  private act(unit: PoliceUnitRowFragment, work: () => Promise<void>) {
    return rowAction(
      this.t,
      (failure) => (this.failure = failure),
      work,
      () => {
        this.changed(unit.id);
        return this.units.retry();
      },
    );
  }

  private renderZoneEditor(unit: PoliceUnitRowFragment) {
    const w = this.words;
    const zones = this.park?.zones.nodes ?? [];
    const chosen = this.zoneEdits[unit.id] ?? unit.zones.map((z) => z.id);
    const toggle = (id: string, on: boolean) =>
      (this.zoneEdits = { ...this.zoneEdits, [unit.id]: on ? [...chosen, id] : chosen.filter((z) => z !== id) });
    return html`<details>
      <summary>${w.zones}</summary>
      <fieldset>
        <legend class="sr-only">${w.editZones(unit.name)}</legend>
        ${zones.map(
          (zone) =>
            html`<label
              ><input
                type="checkbox"
                name="zone-${unit.id}"
                value=${zone.id}
                .checked=${chosen.includes(zone.id)}
                @change=${(e: Event) => toggle(zone.id, (e.target as HTMLInputElement).checked)}
              />${zone.name}</label
            >`,
        )}
      </fieldset>
      <button class="secondary" @click=${() => this.saveZones(unit)}>${w.saveZones}</button>
    </details>`;
  }

  private readonly onSort = (next: UnitSort) => (this.sort = next);

  private renderUnits(shown: PoliceUnitRowFragment[]) {
    const w = this.words;
    const units = sortRows(shown, this.sort, UNIT_KEYS, this.t.$code);
    if (units.length === 0) return html`<p class="muted" data-empty>${w.none}</p>`;
    return html`<div class="scroll">
      <table part="table">
        <caption class="sr-only">
          ${w.title}
        </caption>
        <thead>
          <tr>
            ${sortableHeader(w.unit, 'NAME', this.sort, this.onSort)}
            <th scope="col">${w.stationed}</th>
            <th scope="col">${w.zones}</th>
            ${sortableHeader(w.officers, 'OFFICERS', this.sort, this.onSort, { first: 'DESC', numeric: true })}
            <th scope="col">${w.actions}</th>
          </tr>
        </thead>
        <tbody>
          ${units.map(
            (unit) =>
              html`<tr data-id=${unit.id}>
                <th scope="row">
                  ${unit.name}<span class="muted kind">${w.kinds[unit.kind]}${unit.specialism ? ` · ${unit.specialism}` : ''}</span>
                </th>
                <td>${unit.park ? w.inPark : w.county}</td>
                <td class="zones">
                  ${unit.zones.length ? unit.zones.map((z) => z.name).join('、') : html`<span class="muted">${w.noZones}</span>`}
                </td>
                <td class="number">${unit.officers.totalCount}</td>
                <td>
                  <div class="act">
                    <label class="sr-only" for="rename-${unit.id}">${w.newName(unit.name)}</label>
                    <input
                      id="rename-${unit.id}"
                      name="rename"
                      placeholder=${w.newNameHint}
                      maxlength=${CreatePoliceUnitInputLimits.name.maxLength}
                      .value=${this.renames[unit.id] ?? ''}
                      @input=${(e: Event) => (this.renames = { ...this.renames, [unit.id]: (e.target as HTMLInputElement).value })}
                    />
                    <button class="secondary" aria-label="${w.rename}: ${unit.name}" @click=${() => this.rename(unit)}>${w.rename}</button>
                    <button class="secondary" aria-label="${w.archive}: ${unit.name}" @click=${() => this.archive(unit)}>
                      ${w.archive}
                    </button>
                  </div>
                  ${unit.park ? this.renderZoneEditor(unit) : nothing}
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  override render() {
    const t = this.t;
    const w = this.words;
    const parks = this.units.data?.parks.nodes ?? [];
    const v = this.form.values;
    return adminFrame(
      this,
      w.title,
      () =>
        html`${parkPicker(w.park, parks, this.parkId, this.setting('park'), (id) => (this.parkId = id))}
          ${this.failure ? html`<p class="field-error" role="alert">${this.failure}</p>` : nothing}
          ${renderQuery(this, this.units, () => this.renderUnits(this.shown))}
          <form @submit=${this.add} novalidate aria-labelledby="unit-heading">
            <h3 id="unit-heading">${w.newUnit}</h3>
            <div class="row">
              ${field(this.form, 'name', w.name, 'text', { required: true, t, hint: w.nameHint })}
              ${field(this.form, 'kind', w.kind, 'select', {
                choices: KINDS.map((k) => ({ value: k, label: w.kinds[k] })),
                required: true,
                t,
              })}
            </div>
            ${v.kind === 'BRANCH' ? field(this.form, 'specialism', w.specialism, 'text', { t, hint: w.specialismHint }) : nothing}
            ${this.mayAddCountyUnits ? field(this.form, 'inPark', w.inThisPark, 'checkbox') : nothing}
            ${v.inPark === 'true' || !this.mayAddCountyUnits
              ? html`<div class="choices-scroll">
                  ${field(this.form, 'zoneIds', w.zones, 'checkboxes', {
                    choices: (this.park?.zones.nodes ?? []).map((z) => ({ value: z.id, label: z.name })),
                    t,
                  })}
                </div>`
              : nothing}
            ${banner(this.form)}
            <div class="actions">
              <button type="submit" ?disabled=${this.form.submitting}>${this.form.submitting ? t.form.saving : w.create}</button>
            </div>
          </form>`,
      {
        status: this.announcement || statusOf(this, this.units, w.title),
        actions: this.park ? html`<div class="export">${this.exporter.buttons()}</div>` : nothing,
      },
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'huhang-police-units': HuhangPoliceUnits;
  }
}
