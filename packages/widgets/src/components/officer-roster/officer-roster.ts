import { CreateOfficerInputLimits, type OfficerRowFragment } from '@huhang/schema';
import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  ArchiveOfficerDocument,
  CreateOfficerDocument,
  OfficerExportDocument,
  OfficerRosterDocument,
} from '../../generated/admin-operations';
import { exportButtons, exportWithProgress, type ExportFormat, type ExportProgress } from '../../internal/list-export';
import { today } from '../../internal/period';
import { HuhangAdminElement } from '../../internal/admin-element';
import { FormModel, banner, describeFailure, field, rules } from '../../internal/form';
import { CursorPages } from '../../internal/pager';
import { QueryController } from '../../internal/query';
import { sortableHeader, type TableSort } from '../../internal/table';
import { adminFrame, renderQuery, statusOf } from '../../internal/views';
import { officerRosterStyles } from './officer-roster.styles';

/**
 * @summary The officers (民警) of the park's units: title, unit, badge number and phone (personal
 * data: shown whole to administrators of the officer's unit and masked to others, as the API decides,
 * and every read of them is audited), and how many enterprises each is the liaison officer of; an
 * officer added to a unit, or archived (the records are kept). Searchable by name, ordered by name
 * each way from the column header, paged.
 *
 * @csspart base - The frame.
 * @csspart title - The heading.
 * @csspart table - The officers.
 * @csspart pager - The paging buttons.
 * @csspart export-button - The button that downloads every officer of the roster, as searched, as CSV.
 * @csspart export-xlsx-button - The same roster as an Excel workbook (XLSX).
 * @csspart export-progress - How far an export has come, while it runs.
 * @csspart banner - The outcome of adding an officer.
 */
@customElement('huhang-officer-roster')
export class HuhangOfficerRoster extends HuhangAdminElement {
  static override styles = [...HuhangAdminElement.styles, officerRosterStyles];

  /** Rows per page (5 to 100). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;

  @state() private search = '';
  /** By name, in pinyin order, each way (badge numbers and phones are masked for most readers, so the list is not ordered by them). */
  @state() private sort: TableSort<'NAME'> = { field: 'NAME', direction: 'ASC' };
  @state() private announcement = '';
  @state() private failure = '';
  /** How far an export has come; undefined when none runs. */
  @state() private exporting?: ExportProgress;

  private readonly pages = new CursorPages(() => this.requestUpdate());
  private readonly roster = new QueryController(this, OfficerRosterDocument, () =>
    this.signedIn
      ? {
          filter: this.filter(),
          orderBy: this.sort,
          first: Math.max(5, Math.min(100, this.pageSize || 20)),
          after: this.pages.after,
        }
      : 'sign-in',
  );

  private readonly form = new FormModel(
    this,
    () => ({ name: '', badgeNumber: '', title: '', unitId: '', phone: '' }),
    () => {
      const r = rules(this.t);
      return {
        name: [r.required, r.within(CreateOfficerInputLimits.name)],
        badgeNumber: [r.required, (v) => (/^[0-9A-Z]{6,8}$/.test(String(v).trim()) ? undefined : this.t.officers.badBadge)],
        title: [r.within(CreateOfficerInputLimits.title)],
        unitId: [r.required],
        phone: [
          r.within(CreateOfficerInputLimits.phone),
          (v) => (!String(v).trim() || /^[0-9+\- ]{5,20}$/.test(String(v).trim()) ? undefined : this.t.officers.badPhone),
        ],
      };
    },
  );

  private async add(e: Event) {
    e.preventDefault();
    const v = this.form.values;
    const saved = await this.form.submit(
      this.t,
      (idempotencyKey) =>
        this.mutate(CreateOfficerDocument, {
          input: {
            name: String(v.name).trim(),
            badgeNumber: String(v.badgeNumber).trim(),
            title: String(v.title).trim(),
            unitId: String(v.unitId),
            phone: String(v.phone).trim() || null,
            idempotencyKey,
          },
        }),
      this.shadowRoot,
    );
    if (saved) {
      this.announcement = this.t.officers.added(saved.createOfficer.officer.name);
      await this.roster.retry();
    }
  }

  private async archive(officer: OfficerRowFragment) {
    const to = this.t.officers;
    if (!confirm(to.confirmArchive(officer.name))) return;
    this.failure = '';
    try {
      await this.mutate(ArchiveOfficerDocument, { input: { id: officer.id, version: officer.version } });
      this.announcement = to.archived(officer.name);
      await this.roster.retry();
    } catch (error) {
      this.failure = describeFailure(error, this.t);
    }
  }

  private readonly onSort = (next: TableSort<'NAME'>) => {
    this.sort = next;
    this.pages.restart();
  };

  /** The roster's filter, as the table and the export ask for it. */
  private filter() {
    return { parkId: this.setting('park') ?? null, search: this.search.trim() || null };
  }

  /**
   * Every officer of the roster as searched, as CSV or Excel, from the API's /export: badge numbers
   * and phones as the API shows them to the signed-in user (masked where they may not see them, and
   * audited where they may).
   */
  private async exportAs(format: ExportFormat) {
    if (this.exporting) return;
    const to = this.t.officers;
    const [name, title, unit, badge, phone, liaisons] = to.exportColumns;
    await exportWithProgress(
      this.sessions,
      {
        format,
        document: OfficerExportDocument as never,
        variables: { filter: this.filter(), orderBy: this.sort },
        columns: [
          { header: name!, path: 'name' },
          { header: title!, path: 'title' },
          { header: unit!, path: 'unit.name' },
          { header: badge!, path: 'badgeNumber' },
          { header: phone!, path: 'phone' },
          { header: liaisons!, path: 'liaisonAssignments.totalCount' },
        ],
        filename: `huhang-officers-${today()}`,
        sheet: to.title,
      },
      to,
      (error) => describeFailure(error, this.t),
      (progress, announcement) => {
        this.exporting = progress;
        if (announcement) this.announcement = announcement;
      },
    );
  }

  override render() {
    const t = this.t;
    const to = t.officers;
    const units = this.roster.data?.policeUnits.nodes ?? [];
    return adminFrame(
      this,
      to.title,
      () =>
        html`<div class="toolbar">
            <div class="field">
              <label for="search">${to.search}</label>
              <input
                id="search"
                type="search"
                .value=${this.search}
                @change=${(e: Event) => {
                  this.search = (e.target as HTMLInputElement).value;
                  this.pages.restart();
                }}
              />
            </div>
            ${exportButtons(to, this.exporting, (format) => void this.exportAs(format))}
          </div>
          ${this.failure ? html`<p class="field-error" role="alert">${this.failure}</p>` : nothing}
          ${renderQuery(this, this.roster, ({ officers }) =>
            officers.nodes.length === 0
              ? html`<p class="muted" data-empty>${to.none}</p>`
              : html`<div class="scroll">
                    <table part="table">
                      <caption class="sr-only">
                        ${to.title}
                      </caption>
                      <thead>
                        <tr>
                          ${sortableHeader(to.name, 'NAME', this.sort, this.onSort)}
                          <th scope="col">${to.unit}</th>
                          <th scope="col">${to.badge}</th>
                          <th scope="col">${to.phone}</th>
                          <th scope="col" class="number">${to.liaisons}</th>
                          <th scope="col"><span class="sr-only">${to.actions}</span></th>
                        </tr>
                      </thead>
                      <tbody>
                        ${officers.nodes.map(
                          (o) =>
                            html`<tr data-id=${o.id}>
                              <th scope="row">${o.name}${o.title ? html`<br /><span class="muted">${o.title}</span>` : nothing}</th>
                              <td>${o.unit.name}</td>
                              <td class="code" data-badge>${o.badgeNumber}</td>
                              <td class="code" data-phone>${o.phone ?? ''}</td>
                              <td class="number" data-liaisons>${o.liaisonAssignments.totalCount}</td>
                              <td>
                                <button class="secondary" aria-label="${to.archive}: ${o.name}" @click=${() => this.archive(o)}>
                                  ${to.archive}
                                </button>
                              </td>
                            </tr>`,
                        )}
                      </tbody>
                    </table>
                  </div>
                  ${this.pages.render(t, officers, this.pageSize, to.count(officers.totalCount))}`,
          )}
          <form @submit=${this.add} novalidate aria-label=${to.add}>
            <div class="row">
              ${field(this.form, 'name', to.name, 'text', { required: true, t })}
              ${field(this.form, 'badgeNumber', to.badge, 'text', { required: true, t, hint: to.badgeHint })}
            </div>
            <div class="row">
              ${field(this.form, 'unitId', to.unit, 'select', {
                choices: units.map((u) => ({ value: u.id, label: u.name })),
                required: true,
                t,
              })}
              ${field(this.form, 'title', to.officerTitle, 'text', { t, hint: to.titleHint })}
            </div>
            ${field(this.form, 'phone', to.phone, 'text', { t, autocomplete: 'off' })} ${banner(this.form)}
            <div class="actions">
              <button type="submit" ?disabled=${this.form.submitting}>${this.form.submitting ? t.form.saving : to.add}</button>
            </div>
          </form>`,
      { status: this.announcement || statusOf(this, this.roster, to.title) },
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'huhang-officer-roster': HuhangOfficerRoster;
  }
}
