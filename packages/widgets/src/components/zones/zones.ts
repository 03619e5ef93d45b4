import { CreateZoneInputLimits, type ZoneRowFragment } from '@huhang/schema';
import { html, nothing, type PropertyValues } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import {
  ArchiveZoneDocument,
  CreateZoneDocument,
  UpdateZoneDocument,
  ZoneExportDocument,
  ZonesAdminDocument,
} from '../../generated/admin-operations';
import { HuhangAdminElement } from '../../internal/admin-element';
import { FormModel, banner, field, rules, rowAction } from '../../internal/form';
import { ListExporter } from '../../internal/list-exporter';
import { today } from '../../internal/period';
import { parkPicker, parkToShow } from '../../internal/park-choice';
import { QueryController } from '../../internal/query';
import { rowActionStyles } from '../../internal/styles';
import { sortRows, sortableHeader, type TableSort } from '../../internal/table';
import { adminFrame, renderQuery, statusOf } from '../../internal/views';

type ZoneSort = TableSort<'NAME' | 'ENTERPRISES'>;
const ZONE_KEYS = { NAME: (z: ZoneRowFragment) => z.name, ENTERPRISES: (z: ZoneRowFragment) => z.enterprises.totalCount };

/**
 * @summary The zones (片区) of a park: how many enterprises each holds; a new zone, a zone renamed, a
 * zone archived (its records are kept). The park is the page's, else the one chosen among the
 * administrator's parks.
 *
 * @csspart base - The frame.
 * @csspart title - The heading.
 * @csspart table - The zones.
 * @csspart banner - The outcome of adding a zone.
 */
@customElement('huhang-zones')
export class HuhangZones extends HuhangAdminElement {
  static override styles = [...HuhangAdminElement.styles, rowActionStyles];

  /** The park shown when the page names none. */
  @state() private parkId = '';
  /** Names being typed for renames, by zone. */
  @state() private renames: Record<string, string> = {};
  @state() private announcement = '';
  @state() private failure = '';
  /** The order chosen by a column header; the API's (by name) until one is. */
  @state() private sort: ZoneSort | null = null;

  private readonly zones = new QueryController(this, ZonesAdminDocument, () => (this.signedIn ? {} : 'sign-in'));

  private readonly form = new FormModel(
    this,
    () => ({ name: '' }),
    () => {
      const r = rules(this.t);
      return { name: [r.required, r.within(CreateZoneInputLimits.name)] };
    },
  );

  private readonly onSort = (next: ZoneSort) => (this.sort = next);

  /** The park's zones with their enterprises, as CSV or Excel. */
  private readonly exporter = new ListExporter(
    this,
    this.sessions,
    (format) => {
      const tz = this.t.zones;
      return {
        format,
        document: ZoneExportDocument as never,
        variables: { filter: { parkId: this.parkId } },
        columns: [
          { header: tz.name, path: 'name' },
          { header: tz.enterprises, path: 'enterprises.totalCount' },
        ],
        filename: `huhang-zones-${today()}`,
        sheet: tz.title,
      };
    },
    (text) => (this.announcement = text),
  );

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.parkId = parkToShow(this.zones.data?.parks.nodes ?? [], this.setting('park'), this.parkId);
  }

  private async add(e: Event) {
    e.preventDefault();
    const v = this.form.values;
    const saved = await this.form.submit(
      this.t,
      (idempotencyKey) => this.mutate(CreateZoneDocument, { input: { parkId: this.parkId, name: String(v.name).trim(), idempotencyKey } }),
      this.shadowRoot,
    );
    if (saved) {
      this.announcement = this.t.zones.added(saved.createZone.zone.name);
      await this.zones.retry();
    }
  }

  private async rename(zone: ZoneRowFragment) {
    const name = (this.renames[zone.id] ?? '').trim();
    const tz = this.t.zones;
    if (!name) {
      this.failure = `${tz.name}：${this.t.form.required}`;
      return;
    }
    if ([...name].length > CreateZoneInputLimits.name.maxLength) {
      this.failure = `${tz.name}：${this.t.form.tooLong(CreateZoneInputLimits.name.maxLength)}`;
      return;
    }
    await this.act(async () => {
      const { updateZone } = await this.mutate(UpdateZoneDocument, { input: { id: zone.id, version: zone.version, name } });
      const { [zone.id]: _done, ...rest } = this.renames;
      this.renames = rest;
      this.announcement = tz.renamed(zone.name, updateZone.zone.name);
    });
  }

  private async archive(zone: ZoneRowFragment) {
    const tz = this.t.zones;
    if (!confirm(tz.confirmArchive(zone.name))) return;
    await this.act(async () => {
      await this.mutate(ArchiveZoneDocument, { input: { id: zone.id, version: zone.version } });
      this.announcement = tz.archived(zone.name);
    });
  }

  private act(work: () => Promise<void>) {
    return rowAction(
      this.t,
      (failure) => (this.failure = failure),
      work,
      () => this.zones.retry(),
    );
  }

  override render() {
    const t = this.t;
    const tz = t.zones;
    const parks = this.zones.data?.parks.nodes ?? [];
    const park = parks.find((p) => p.id === this.parkId);
    return adminFrame(
      this,
      tz.title,
      () =>
        html`${parkPicker(tz.park, parks, this.parkId, this.setting('park'), (id) => (this.parkId = id))}
          ${this.failure ? html`<p class="field-error" role="alert">${this.failure}</p>` : nothing}
          ${renderQuery(this, this.zones, () => {
            const zones = sortRows(park?.zones.nodes.filter((z) => !z.archivedAt) ?? [], this.sort, ZONE_KEYS, t.$code);
            return zones.length === 0
              ? html`<p class="muted" data-empty>${tz.none}</p>`
              : html`<div class="scroll">
                  <table part="table">
                    <caption class="sr-only">
                      ${tz.title}
                    </caption>
                    <thead>
                      <tr>
                        ${sortableHeader(tz.name, 'NAME', this.sort, this.onSort)}
                        ${sortableHeader(tz.enterprises, 'ENTERPRISES', this.sort, this.onSort, { first: 'DESC', numeric: true })}
                        <th scope="col">${tz.actions}</th>
                      </tr>
                    </thead>
                    <tbody>
                      ${zones.map(
                        (zone) =>
                          html`<tr data-id=${zone.id}>
                            <th scope="row">${zone.name}</th>
                            <td class="number">${zone.enterprises.totalCount}</td>
                            <td>
                              <div class="act">
                                <label class="sr-only" for="rename-${zone.id}">${tz.newName(zone.name)}</label>
                                <input
                                  id="rename-${zone.id}"
                                  name="rename"
                                  placeholder=${tz.newNameHint}
                                  maxlength=${CreateZoneInputLimits.name.maxLength}
                                  .value=${this.renames[zone.id] ?? ''}
                                  @input=${(e: Event) =>
                                    (this.renames = { ...this.renames, [zone.id]: (e.target as HTMLInputElement).value })}
                                />
                                <button class="secondary" aria-label="${tz.rename}: ${zone.name}" @click=${() => this.rename(zone)}>
                                  ${tz.rename}
                                </button>
                                <button class="secondary" aria-label="${tz.archive}: ${zone.name}" @click=${() => this.archive(zone)}>
                                  ${tz.archive}
                                </button>
                              </div>
                            </td>
                          </tr>`,
                      )}
                    </tbody>
                  </table>
                </div>`;
          })}
          <form @submit=${this.add} novalidate aria-label=${tz.add}>
            ${field(this.form, 'name', tz.name, 'text', { required: true, t, hint: tz.nameHint })} ${banner(this.form)}
            <div class="actions">
              <button type="submit" ?disabled=${this.form.submitting}>${this.form.submitting ? t.form.saving : tz.add}</button>
            </div>
          </form>`,
      {
        status: this.announcement || statusOf(this, this.zones, tz.title),
        actions: this.parkId ? html`<div class="export">${this.exporter.buttons()}</div>` : nothing,
      },
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'huhang-zones': HuhangZones;
  }
}
