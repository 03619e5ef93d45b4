import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { REQUEST_WORDS, type RequestWords } from '../../internal/request-words';
import type { ServiceRequestRowFragment, ServiceRequestStatus } from '@huhang/schema';
import { HuhangEvent } from '../../events/events';
import {
  AssignServiceRequestDocument,
  EvaluateServiceRequestDocument,
  ResolveServiceRequestDocument,
  ServiceRequestExportDocument,
  ServiceRequestTableDocument,
  StartServiceRequestDocument,
} from '../../generated/admin-operations';
import { HuhangAdminElement } from '../../internal/admin-element';
import { choicesQuery } from '../../internal/choices';
import { describeFailure, filterCheckbox } from '../../internal/form';
import { formatDateTime } from '../../internal/format';
import { exportButtons, exportWithProgress, type ExportFormat } from '../../internal/list-export';
import { today } from '../../internal/period';
import { CursorPages } from '../../internal/pager';
import { QueryController } from '../../internal/query';
import { sortableHeader, type TableSort } from '../../internal/table';
import { serviceRequestTableStyles } from './service-request-table.styles';
import { adminFrame, renderQuery, statusOf } from '../../internal/views';
import { keysOf } from '../../internal/choices';

/** The API's request statuses, in the order the default translation lists them. */
const STATUSES = keysOf(REQUEST_WORDS['zh-CN']!.requests.statuses);

interface RowDraft {
  unitId?: string;
  resolution?: string;
  satisfaction?: string;
  error?: string;
  busy?: boolean;
}

/**
 * @summary Requests (诉求) of enterprises and people through their lifecycle: received, assigned to a unit, in
 * progress, resolved within the time limit or not, and evaluated by the enterprise; ordered by the
 * time received or the time limit from the column headers.
 *
 * @event huhang-service-request-changed - A request took a step; `detail` is the request.
 *
 * @csspart base - The frame.
 * @csspart title - The heading.
 * @csspart table - The table.
 * @csspart pager - The paging buttons.
 * @csspart export-button - The button that downloads every request of the list, as filtered and ordered, as CSV.
 * @csspart export-xlsx-button - The same list as an Excel workbook (XLSX).
 * @csspart export-progress - How far an export has come, while it runs.
 */
@customElement('huhang-service-request-table')
export class HuhangServiceRequestTable extends HuhangAdminElement {
  static override styles = [...HuhangAdminElement.styles, serviceRequestTableStyles];

  /** Rows per page (5 to 100). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;
  /** Only requests in this status (`RECEIVED`, `ASSIGNED`, `IN_PROGRESS`, `RESOLVED`, `EVALUATED`). */
  @property() status = '';

  @state() private drafts: Record<string, RowDraft> = {};
  @state() private announcement = '';
  /** Only open requests past their time limit. */
  @state() private overdueOnly = false;
  /** Requests per request to the API while exporting (5 to 100): fewer for a slow network. */
  @property({ type: Number, attribute: 'export-batch' }) exportBatch = 100;
  /** How far an export has come; undefined when none runs. */
  @state() private exporting?: { done: number; total: number };
  /** Latest received first, until a column header says otherwise. */
  @state() private sort: TableSort<'RECEIVED_AT' | 'DUE_AT'> = { field: 'RECEIVED_AT', direction: 'DESC' };

  private readonly onSort = (next: TableSort<'RECEIVED_AT' | 'DUE_AT'>) => {
    this.sort = next;
    this.pages.restart();
  };

  private readonly pages = new CursorPages(() => this.requestUpdate());
  private readonly choices = choicesQuery(this);
  private readonly table = new QueryController(this, ServiceRequestTableDocument, () =>
    this.signedIn
      ? {
          filter: this.filter(),
          orderBy: this.sort,
          first: Math.max(5, Math.min(100, this.pageSize || 20)),
          after: this.pages.after,
        }
      : 'sign-in',
  );

  /** The list's filter, as the table and the export ask for it. */
  private filter() {
    return {
      statuses: this.status ? [this.status as ServiceRequestStatus] : null,
      parkId: this.setting('park') ?? null,
      overdue: this.overdueOnly ? true : null,
    };
  }

  /** Who asks, as a reader names them: the enterprise, the person (masked unless the reader handles it) or the channel. */
  private requester(row: ServiceRequestRowFragment): string {
    const tr = this.rw.requests;
    if (row.enterprise && row.requesterKind === 'ENTERPRISE') return row.enterprise.name;
    const who = row.requesterName ?? tr.requesterKinds[row.requesterKind];
    const via = this.rw.requestForm.sources[row.source];
    return row.enterprise ? `${who}（${row.enterprise.name}）· ${via}` : `${who} · ${via}`;
  }

  /**
   * Every request of the list as filtered and ordered, as CSV or Excel, from the API's /export (run
   * page by page as the signed-in user: scoped, masked and audited as any answer).
   */
  private async exportAs(format: ExportFormat) {
    if (this.exporting) return;
    const tr = this.rw.requests;
    const [
      enterprise,
      creditCode,
      kind,
      channel,
      source,
      description,
      received,
      due,
      status,
      resolved,
      inTime,
      unit,
      resolution,
      satisfaction,
    ] = tr.exportColumns;
    await exportWithProgress(
      this.sessions,
      {
        format,
        document: ServiceRequestExportDocument as never,
        variables: { filter: this.filter(), orderBy: this.sort },
        columns: [
          { header: enterprise!, path: 'enterprise.name' },
          { header: creditCode!, path: 'enterprise.creditCode' },
          { header: kind!, path: 'kind', labels: tr.kinds },
          { header: channel!, path: 'channel', labels: tr.channels },
          { header: source!, path: 'source', labels: this.rw.requestForm.sources },
          { header: description!, path: 'description' },
          { header: received!, path: 'receivedAt', time: 'beijing' },
          { header: due!, path: 'dueAt', time: 'beijing' },
          { header: status!, path: 'status', labels: tr.statuses },
          { header: resolved!, path: 'resolvedAt', time: 'beijing' },
          { header: inTime!, path: 'resolvedInTime', labels: { true: tr.inTimeWord, false: tr.lateWord } },
          { header: unit!, path: 'assignedUnit.name' },
          { header: resolution!, path: 'resolution' },
          { header: satisfaction!, path: 'satisfaction' },
          // Who asks, after the columns files of earlier exports already have: an enterprise's row names it above.
          { header: tr.requesterKind, path: 'requesterKind', labels: tr.requesterKinds },
          { header: tr.requester, path: 'requesterName' },
        ],
        filename: `huhang-service-requests-${today()}`,
        sheet: tr.title,
        pageSize: Math.max(5, Math.min(100, this.exportBatch || 100)),
      },
      tr,
      (error) => describeFailure(error, this.t),
      (progress, announcement) => {
        this.exporting = progress;
        if (announcement) this.announcement = announcement;
      },
    );
  }

  private draft(id: string, change: Partial<RowDraft>) {
    this.drafts = { ...this.drafts, [id]: { ...this.drafts[id], ...change } };
  }

  private async step(row: ServiceRequestRowFragment, step: 'assign' | 'start' | 'resolve' | 'evaluate') {
    const d = this.drafts[row.id] ?? {};
    const t = this.rw.requests;
    const base = { id: row.id, version: row.version, at: new Date().toISOString() };
    const missing = step === 'assign' && !d.unitId ? t.unit : step === 'resolve' && !d.resolution?.trim() ? t.resolution : undefined;
    if (missing || (step === 'evaluate' && !d.satisfaction)) {
      this.draft(row.id, { error: `${missing ?? t.satisfaction}：${this.t.form.required}` });
      return;
    }
    this.draft(row.id, { busy: true, error: undefined });
    try {
      let changed: ServiceRequestRowFragment;
      if (step === 'assign')
        changed = (await this.mutate(AssignServiceRequestDocument, { input: { ...base, unitId: d.unitId! } })).assignServiceRequest
          .serviceRequest;
      else if (step === 'start')
        changed = (await this.mutate(StartServiceRequestDocument, { input: base })).startServiceRequest.serviceRequest;
      else if (step === 'resolve')
        changed = (await this.mutate(ResolveServiceRequestDocument, { input: { ...base, resolution: d.resolution!.trim() } }))
          .resolveServiceRequest.serviceRequest;
      else
        changed = (await this.mutate(EvaluateServiceRequestDocument, { input: { ...base, satisfaction: Number(d.satisfaction) } }))
          .evaluateServiceRequest.serviceRequest;
      this.drafts = { ...this.drafts, [row.id]: {} };
      this.announcement = `${this.requester(changed)}：${t.statuses[changed.status]}`;
      this.dispatchEvent(new HuhangEvent('huhang-service-request-changed', changed));
      await this.table.retry();
    } catch (error) {
      this.draft(row.id, { busy: false, error: describeFailure(error, this.t) });
    }
  }

  /**
   * Beside the due time: a resolved request was resolved on time or late; an open one past its due
   * time is overdue (not "resolved late": it is not resolved).
   */
  private timeliness(row: ServiceRequestRowFragment) {
    const tr = this.rw.requests;
    const resolved = row.status === 'RESOLVED' || row.status === 'EVALUATED';
    if (resolved && row.resolvedInTime === false)
      return html`<br /><span class="overdue" data-timeliness="late"><span aria-hidden="true">⚠</span> ${tr.late}</span>`;
    if (resolved && row.resolvedInTime) return html`<br /><span class="muted" data-timeliness="in-time">✓ ${tr.inTime}</span>`;
    if (!resolved && new Date(row.dueAt) < new Date()) {
      return html`<br /><span class="overdue" data-timeliness="overdue"><span aria-hidden="true">⚠</span> ${tr.overdue}</span>`;
    }
    return nothing;
  }

  private renderActions(row: ServiceRequestRowFragment) {
    const t = this.rw.requests;
    const d = this.drafts[row.id] ?? {};
    const units = this.choices.data?.policeUnits.nodes ?? [];
    const id = (what: string) => `${what}-${row.id}`;
    const parts = [];
    if (row.status === 'RECEIVED' || row.status === 'ASSIGNED') {
      parts.push(
        html`<label class="sr-only" for=${id('unit')}>${t.unit}</label>
          <select
            id=${id('unit')}
            .value=${d.unitId ?? ''}
            @change=${(e: Event) => this.draft(row.id, { unitId: (e.target as HTMLSelectElement).value })}
          >
            <option value="">${t.unit}</option>
            ${units.map((u) => html`<option value=${u.id}>${u.name}</option>`)}
          </select>
          <button class="secondary" ?disabled=${d.busy} @click=${() => this.step(row, 'assign')}>${t.assign}</button>`,
      );
    }
    if (row.status === 'ASSIGNED')
      parts.push(html`<button ?disabled=${d.busy} @click=${() => this.step(row, 'start')}>${t.start}</button>`);
    if (row.status === 'ASSIGNED' || row.status === 'IN_PROGRESS') {
      parts.push(
        html`<label class="sr-only" for=${id('resolution')}>${t.resolution}</label>
          <input
            id=${id('resolution')}
            placeholder=${t.resolution}
            .value=${d.resolution ?? ''}
            @input=${(e: Event) => this.draft(row.id, { resolution: (e.target as HTMLInputElement).value })}
          />
          <button ?disabled=${d.busy} @click=${() => this.step(row, 'resolve')}>${t.resolve}</button>`,
      );
    }
    if (row.status === 'RESOLVED') {
      parts.push(
        html`<label class="sr-only" for=${id('satisfaction')}>${t.satisfaction}</label>
          <select
            id=${id('satisfaction')}
            .value=${d.satisfaction ?? ''}
            @change=${(e: Event) => this.draft(row.id, { satisfaction: (e.target as HTMLSelectElement).value })}
          >
            <option value="">${t.satisfaction}</option>
            ${[5, 4, 3, 2, 1].map((n) => html`<option value=${n}>${'★'.repeat(n)} ${n}</option>`)}
          </select>
          <button ?disabled=${d.busy} @click=${() => this.step(row, 'evaluate')}>${t.evaluate}</button>`,
      );
    }
    if (row.status === 'EVALUATED') parts.push(html`<span>${'★'.repeat(row.satisfaction ?? 0)} ${row.satisfaction ?? ''}</span>`);
    return html`<div class="act" role="group" aria-label="${t.action}: ${this.requester(row)}">
      ${parts} ${d.error ? html`<p class="field-error" role="alert">${d.error}</p>` : nothing}
    </div>`;
  }

  /** The widget's own words, in the reader's language. */
  private get rw(): RequestWords {
    return REQUEST_WORDS[this.t.$code] ?? REQUEST_WORDS['zh-CN']!;
  }

  override render() {
    const t = this.t;
    const tr = this.rw.requests;
    const locale = this.resolvedLocale;
    return adminFrame(
      this,
      tr.title,
      () =>
        html`<div class="toolbar">
            <div class="field">
              <label for="status">${tr.status}</label>
              <select
                id="status"
                .value=${this.status}
                @change=${(e: Event) => {
                  this.status = (e.target as HTMLSelectElement).value;
                  this.pages.restart();
                }}
              >
                <option value="">${tr.allStatuses}</option>
                ${STATUSES.map((s) => html`<option value=${s}>${tr.statuses[s]}</option>`)}
              </select>
            </div>
            ${filterCheckbox('overdueOnly', this.overdueOnly, tr.overdueOnly, (on) => {
              this.overdueOnly = on;
              this.pages.restart();
            })}
            ${exportButtons(tr, this.exporting, (format) => void this.exportAs(format))}
          </div>
          ${renderQuery(
            this,
            this.table,
            ({ serviceRequests }) =>
              html`<div class="scroll">
                  <table part="table">
                    <thead>
                      <tr>
                        <th scope="col">${tr.enterprise}</th>
                        <th scope="col">${tr.kind}</th>
                        ${sortableHeader(tr.received, 'RECEIVED_AT', this.sort, this.onSort, { first: 'DESC' })}
                        ${sortableHeader(tr.due, 'DUE_AT', this.sort, this.onSort, { first: 'ASC' })}
                        <th scope="col">${tr.status}</th>
                        <th scope="col">${tr.unit}</th>
                        <th scope="col">${tr.action}</th>
                      </tr>
                    </thead>
                    <tbody>
                      ${serviceRequests.nodes.map(
                        (row) =>
                          html`<tr data-id=${row.id} data-status=${row.status}>
                            <th scope="row">${this.requester(row)}<br /><span class="muted">${row.description}</span></th>
                            <td class="nowrap">
                              ${tr.kinds[row.kind] ?? row.kind}<br /><span class="muted">${tr.channels[row.channel] ?? row.channel}</span>
                            </td>
                            <td class="nowrap" data-received=${row.receivedAt}>${formatDateTime(row.receivedAt, locale)}</td>
                            <td class="nowrap" data-due=${row.dueAt}>${formatDateTime(row.dueAt, locale)} ${this.timeliness(row)}</td>
                            <td class="nowrap" data-status-cell>${tr.statuses[row.status]}</td>
                            <td>${row.assignedUnit?.name ?? ''}</td>
                            <td>${this.renderActions(row)}</td>
                          </tr>`,
                      )}
                    </tbody>
                  </table>
                </div>
                ${this.pages.render(
                  t,
                  serviceRequests,
                  this.pageSize,
                  `${tr.count(serviceRequests.totalCount)} · ${t.pager.page(this.pages.page, Math.max(1, Math.ceil(serviceRequests.totalCount / this.pageSize)))}`,
                )}`,
            (d) => d.serviceRequests.nodes.length === 0,
          )}`,
      { status: this.announcement || statusOf(this, this.table, tr.title) },
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'huhang-service-request-table': HuhangServiceRequestTable;
  }
}
