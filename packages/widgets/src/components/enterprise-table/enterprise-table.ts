import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { HuhangEvent } from '../../events/events';
import { AssignLiaisonOfficerDocument, EnterpriseExportDocument, EnterpriseTableDocument } from '../../generated/admin-operations';
import { exportButtons, exportWithProgress, type ExportFormat } from '../../internal/list-export';
import { HuhangAdminElement } from '../../internal/admin-element';
import { choicesQuery } from '../../internal/choices';
import { FormModel, banner, describeFailure, field, filterCheckbox, rules } from '../../internal/form';
import { sortableHeader, type TableSort } from '../../internal/table';
import { today } from '../../internal/period';
import { CursorPages } from '../../internal/pager';
import { QueryController } from '../../internal/query';
import { enterpriseTableStyles } from './enterprise-table.styles';
import { adminFrame, renderQuery, statusOf } from '../../internal/views';

/**
 * @summary The enterprises of the administrator's parks: search by name or credit code, order by
 * name, day joined or employees, page through them, export the list as CSV, and assign or change
 * each one's liaison officer (护航警官).
 *
 * @event huhang-liaison-assigned - A liaison officer was assigned; `detail` is the assignment.
 *
 * @csspart base - The frame.
 * @csspart title - The heading.
 * @csspart table - The table.
 * @csspart pager - The paging buttons.
 * @csspart banner - The outcome of an assignment.
 * @csspart export-button - The button that downloads every enterprise of the list, as filtered and ordered, as CSV.
 * @csspart export-xlsx-button - The same list as an Excel workbook (XLSX).
 * @csspart export-progress - How far an export has come, while it runs.
 */
@customElement('huhang-enterprise-table')
export class HuhangEnterpriseTable extends HuhangAdminElement {
  static override styles = [...HuhangAdminElement.styles, enterpriseTableStyles];

  /** Rows per page (5 to 100). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;
  /** Enterprises the server reads per request while exporting (5 to 100). */
  @property({ type: Number, attribute: 'export-batch' }) exportBatch = 100;
  /** How far an export has come; undefined when none runs. */
  @state() private exporting?: { done: number; total: number };

  @state() private search = '';
  @state() private unassignedOnly = false;
  /** Only enterprises without a visit since the first of this month (Asia/Shanghai): the monthly-visit commitment's gaps. */
  @state() private notVisitedThisMonth = false;
  @state() private sort: TableSort<'NAME' | 'JOINED_ON' | 'EMPLOYEE_COUNT'> = { field: 'NAME', direction: 'ASC' };
  @state() private assigning?: { id: string; name: string };
  @state() private announcement = '';
  private searchTimer?: ReturnType<typeof setTimeout>;

  private readonly pages = new CursorPages(() => this.requestUpdate());
  private readonly choices = choicesQuery(this);
  private readonly table = new QueryController(this, EnterpriseTableDocument, () => {
    if (!this.signedIn) return 'sign-in';
    const first = Math.max(5, Math.min(100, this.pageSize || 20));
    return { filter: this.filter(), orderBy: this.sort, first, after: this.pages.after };
  });

  /** The list's filter, as the table and the export ask for it. */
  private filter() {
    return {
      search: this.search || null,
      hasLiaisonOfficer: this.unassignedOnly ? false : null,
      notVisitedSince: this.notVisitedThisMonth ? `${today().slice(0, 7)}-01` : null,
      parkId: this.setting('park') ?? null,
    };
  }

  /**
   * Every enterprise of the list as filtered and ordered, as CSV or Excel: the API's /export runs the
   * list page by page as the signed-in user (so scoped to what they may read, with personal data as
   * the API shows it to them, and audited) and streams the file. Progress is announced; a failure says
   * why and offers no half-written file.
   */
  private async exportAs(format: ExportFormat) {
    if (this.exporting) return;
    const te = this.t.enterprises;
    const [name, creditCode, industry, zone, status, joinedOn, employees, hazardous, key, officer, person, phone] = te.exportColumns;
    const yesNo = { true: te.yes, false: te.no };
    await exportWithProgress(
      this.sessions,
      {
        format,
        document: EnterpriseExportDocument as never,
        variables: { filter: this.filter(), orderBy: this.sort },
        columns: [
          { header: name!, path: 'name' },
          { header: creditCode!, path: 'creditCode' },
          { header: industry!, path: 'industry' },
          { header: zone!, path: 'zone.name' },
          { header: status!, path: 'status', labels: te.statuses },
          { header: joinedOn!, path: 'joinedOn' },
          { header: employees!, path: 'employeeCount' },
          { header: hazardous!, path: 'hazardousChemicals', labels: yesNo },
          { header: key!, path: 'keyEnterprise', labels: yesNo },
          { header: officer!, path: 'liaisonOfficer.name' },
          { header: person!, path: 'contactPerson' },
          { header: phone!, path: 'contactPhone' },
        ],
        filename: `huhang-enterprises-${today()}`,
        sheet: te.title,
        pageSize: Math.max(5, Math.min(100, this.exportBatch || 100)),
      },
      te,
      (error) => describeFailure(error, this.t),
      (progress, announcement) => {
        this.exporting = progress;
        if (announcement) this.announcement = announcement;
      },
    );
  }

  private readonly assignment = new FormModel(
    this,
    () => ({ officerId: '', startsOn: today() }),
    () => {
      const r = rules(this.t);
      return { officerId: [r.required], startsOn: [r.required, r.date] };
    },
  );

  private readonly onSort = (next: TableSort<'NAME' | 'JOINED_ON' | 'EMPLOYEE_COUNT'>) => {
    this.sort = next;
    this.pages.restart();
  };

  private onSearch(e: Event) {
    const value = (e.target as HTMLInputElement).value.trim();
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => {
      this.search = value;
      this.pages.restart();
    }, 300);
  }

  private openAssign(row: { id: string; name: string }) {
    this.assigning = row;
    this.assignment.values = { officerId: '', startsOn: today() };
    this.assignment.errors = {};
    this.assignment.banner = undefined;
    void this.updateComplete.then(() => (this.shadowRoot?.querySelector('[name="officerId"]') as HTMLElement | null)?.focus());
  }

  private async assign(e: Event) {
    e.preventDefault();
    const enterprise = this.assigning;
    if (!enterprise) return;
    const v = this.assignment.values;
    const result = await this.assignment.submit(
      this.t,
      (idempotencyKey) =>
        this.mutate(AssignLiaisonOfficerDocument, {
          input: { enterpriseId: enterprise.id, officerId: String(v.officerId), startsOn: String(v.startsOn), idempotencyKey },
        }),
      this.shadowRoot,
    );
    const made = result?.assignLiaisonOfficer.liaisonAssignment;
    if (made) {
      this.announcement = this.t.enterprises.assigned(enterprise.name, made.officer.name);
      this.assigning = undefined;
      this.dispatchEvent(new HuhangEvent('huhang-liaison-assigned', made));
      await this.table.retry();
      (this.shadowRoot?.querySelector(`tr[data-id="${enterprise.id}"] button`) as HTMLElement | null)?.focus();
    }
  }

  override render() {
    const t = this.t;
    const te = t.enterprises;
    return adminFrame(
      this,
      te.title,
      () =>
        html`<div class="toolbar">
            <div class="field">
              <label for="search">${te.search}</label>
              <input id="search" type="search" name="search" .value=${this.search} @input=${this.onSearch} />
            </div>
            ${filterCheckbox('unassignedOnly', this.unassignedOnly, te.unassignedOnly, (on) => {
              this.unassignedOnly = on;
              this.pages.restart();
            })}
            ${filterCheckbox('notVisitedThisMonth', this.notVisitedThisMonth, te.notVisitedThisMonth, (on) => {
              this.notVisitedThisMonth = on;
              this.pages.restart();
            })}
            ${exportButtons(te, this.exporting, (format) => void this.exportAs(format))}
          </div>
          ${renderQuery(this, this.table, ({ enterprises }) => {
            const pageCount = Math.max(1, Math.ceil(enterprises.totalCount / this.pageSize));
            const officers = this.choices.data?.officers.nodes ?? [];
            return html`<div class="scroll">
                <table part="table">
                  <caption class="sr-only">
                    ${te.count(enterprises.totalCount)}
                  </caption>
                  <thead>
                    <tr>
                      ${sortableHeader(te.name, 'NAME', this.sort, this.onSort)}
                      <th scope="col">${te.creditCode}</th>
                      <th scope="col">${te.zone}</th>
                      <th scope="col">${te.status}</th>
                      ${sortableHeader(te.joinedOn, 'JOINED_ON', this.sort, this.onSort, { first: 'DESC' })}
                      ${sortableHeader(te.employees, 'EMPLOYEE_COUNT', this.sort, this.onSort, { first: 'DESC', numeric: true })}
                      <th scope="col">${te.officer}</th>
                      <th scope="col"><span class="sr-only">${te.assign}</span></th>
                    </tr>
                  </thead>
                  <tbody>
                    ${enterprises.nodes.map(
                      (row) =>
                        html`<tr data-id=${row.id}>
                            <th scope="row">${row.name}</th>
                            <td class="code">${row.creditCode}</td>
                            <td>${row.zone?.name ?? ''}</td>
                            <td>${te.statuses[row.status] ?? row.status}</td>
                            <td data-joined>${row.joinedOn}</td>
                            <td class="number" data-employees>${row.employeeCount}</td>
                            <td data-officer>${row.liaisonOfficer?.name ?? html`<span class="muted">${te.none}</span>`}</td>
                            <td>
                              <button
                                class="secondary"
                                aria-label="${row.liaisonOfficer ? te.reassign : te.assign}: ${row.name}"
                                @click=${() => this.openAssign(row)}
                              >
                                ${row.liaisonOfficer ? te.reassign : te.assign}
                              </button>
                            </td>
                          </tr>
                          ${this.assigning?.id === row.id
                            ? html`<tr class="assigning">
                                <td colspan="8">
                                  <form class="assign" @submit=${this.assign} novalidate aria-label=${te.assignTo(row.name)}>
                                    ${field(this.assignment, 'officerId', te.officer, 'select', {
                                      choices: officers.map((o) => ({ value: o.id, label: `${o.name} · ${o.unit.name}` })),
                                      required: true,
                                      t,
                                    })}
                                    ${field(this.assignment, 'startsOn', te.startsOn, 'date', { required: true, t })}
                                    <button type="submit" ?disabled=${this.assignment.submitting}>${te.assign}</button>
                                    <button type="button" class="secondary" @click=${() => (this.assigning = undefined)}>
                                      ${te.cancel}
                                    </button>
                                    ${banner(this.assignment)}
                                  </form>
                                </td>
                              </tr>`
                            : nothing}`,
                    )}
                  </tbody>
                </table>
              </div>
              ${this.pages.render(
                t,
                enterprises,
                this.pageSize,
                te.count(enterprises.totalCount) + ' · ' + t.pager.page(this.pages.page, pageCount),
              )}`;
          })}`,
      { status: this.announcement || statusOf(this, this.table, te.title) },
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'huhang-enterprise-table': HuhangEnterpriseTable;
  }
}
