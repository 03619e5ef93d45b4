import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { AuditTrailQuery } from '@huhang/schema';
import { AuditActorsDocument, AuditTrailDocument } from '../../generated/admin-operations';
import { HuhangAdminElement } from '../../internal/admin-element';
import { ApiError } from '../../internal/client';
import { describeFailure } from '../../internal/form';
import { formatDate } from '../../internal/format';
import { csvTime, downloadCsv, toCsv } from '../../internal/csv';
import { today } from '../../internal/period';
import { CursorPages } from '../../internal/pager';
import { QueryController } from '../../internal/query';
import { adminFrame, renderQuery, statusOf } from '../../internal/views';
import { auditTrailStyles } from './audit-trail.styles';

type AuditRow = AuditTrailQuery['auditLog']['nodes'][number];

/** The filter as typed: days are Beijing calendar days, `to` included. */
interface AuditCriteria {
  userId: string;
  action: string;
  record: string;
  from: string;
  to: string;
}

const NO_CRITERIA: AuditCriteria = { userId: '', action: '', record: '', from: '', to: '' };

/** The first instant of a Beijing day, and of the day after it. */
const dayStart = (day: string) => new Date(`${day}T00:00:00+08:00`).toISOString();
const dayAfter = (day: string) => new Date(new Date(`${day}T00:00:00+08:00`).getTime() + 86_400_000).toISOString();

/** The API's filter for the criteria. */
export function auditFilter(criteria: AuditCriteria) {
  return {
    userId: criteria.userId ? Number(criteria.userId) : null,
    action: criteria.action.trim() || null,
    record: criteria.record.trim() || null,
    from: criteria.from ? dayStart(criteria.from) : null,
    to: criteria.to ? dayAfter(criteria.to) : null,
  };
}

/** A global id as the API makes them: base64url of `Type:rowId`. */
function isGlobalId(value: string): boolean {
  if (!/^[A-Za-z0-9_-]+={0,2}$/.test(value)) return false;
  try {
    return /^[A-Z][A-Za-z]*:[1-9][0-9]*$/.test(atob(value.replace(/-/g, '+').replace(/_/g, '/')));
  } catch {
    return false;
  }
}

/** A value of a change as one short line. */
function shortValue(value: unknown): string {
  const text = value === null || value === undefined ? '∅' : typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

/** Rows of the trail asked for at once while exporting, and at most this many in one file. */
const EXPORT_BATCH = 100;
const EXPORT_MOST = 50_000;

/**
 * @summary The audit trail (审计日志) for system administrators: who did what to which record and
 * when, newest first, with each change's fields before and after; filtered by who, action, record and
 * Beijing days, paged, and exported as CSV. Personal fields inside a change are shown as the API
 * shows them to the viewer (masked where it must), and reading them is itself audited.
 *
 * @csspart base - The frame.
 * @csspart title - The heading.
 * @csspart filters - The search form.
 * @csspart table - The rows.
 * @csspart pager - The paging buttons.
 * @csspart export-button - The button that downloads every row of the search as CSV.
 * @csspart not-permitted - What other users see: the trail is for system administrators.
 */
@customElement('huhang-audit-trail')
export class HuhangAuditTrail extends HuhangAdminElement {
  static override styles = [...HuhangAdminElement.styles, auditTrailStyles];

  /** Rows per page (5 to 100). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;
  /** Only the rows of one record (its global id), for a record's own history. */
  @property() record = '';

  /** What the form holds, and what the table was last asked for. */
  @state() private draft: AuditCriteria = { ...NO_CRITERIA };
  @state() private applied: AuditCriteria = { ...NO_CRITERIA };
  @state() private rangeError = '';
  @state() private recordError = '';
  @state() private announcement = '';
  @state() private exporting?: { done: number };

  private readonly pages = new CursorPages(() => this.requestUpdate());
  private readonly actors = new QueryController(this, AuditActorsDocument, () => (this.signedIn ? {} : 'sign-in'));
  private readonly trail = new QueryController(this, AuditTrailDocument, () =>
    this.signedIn ? { filter: this.filter(), first: Math.max(5, Math.min(100, this.pageSize || 20)), after: this.pages.after } : 'sign-in',
  );

  private filter() {
    return auditFilter({ ...this.applied, record: this.applied.record || this.record });
  }

  private search(e: Event) {
    e.preventDefault();
    const d = this.draft;
    this.recordError = d.record.trim() && !isGlobalId(d.record.trim()) ? this.t.audit.badRecord : '';
    this.rangeError = d.from && d.to && d.to < d.from ? this.t.audit.badRange : '';
    if (this.recordError || this.rangeError) return;
    this.applied = { ...d };
    this.pages.restart();
  }

  private clear() {
    this.draft = { ...NO_CRITERIA };
    this.applied = { ...NO_CRITERIA };
    this.rangeError = '';
    this.recordError = '';
    this.pages.restart();
  }

  /** Every row of the search, newest first, read page by page as the signed-in administrator, as CSV. */
  private async exportCsv() {
    if (this.exporting) return;
    const ta = this.t.audit;
    this.exporting = { done: 0 };
    try {
      const rows: AuditRow[] = [];
      for (let after: string | null = null; rows.length < EXPORT_MOST; ) {
        const page: AuditTrailQuery['auditLog'] = (
          await this.run(AuditTrailDocument, { filter: this.filter(), first: EXPORT_BATCH, after }, { fresh: true })
        ).auditLog;
        rows.push(...page.nodes);
        this.exporting = { done: rows.length };
        this.announcement = ta.exporting(rows.length);
        if (!page.endCursor) break;
        after = page.endCursor;
      }
      const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));
      downloadCsv(
        `huhang-audit-${today()}.csv`,
        toCsv([
          ta.exportColumns,
          ...rows.map((r) => [
            csvTime(r.at),
            ta.actorTypes[r.actorType] ?? r.actorType,
            r.actorName ?? null,
            r.action,
            r.entity ?? null,
            r.entityId ?? null,
            r.outcome,
            json(r.before),
            json(r.after),
            r.clientAddress ?? null,
            r.requestId ?? null,
          ]),
        ]),
      );
      this.announcement = ta.exported(rows.length);
    } catch (error) {
      this.announcement = describeFailure(error, this.t);
    } finally {
      this.exporting = undefined;
    }
  }

  /** What changed: each field's value before and after; for a read of personal data, the fields shown. */
  private changes(row: AuditRow) {
    const ta = this.t.audit;
    const before = (row.before ?? {}) as Record<string, unknown>;
    const after = (row.after ?? {}) as Record<string, unknown>;
    if (row.action === 'READ_PERSONAL') {
      const fields = Array.isArray(after.fields) ? (after.fields as unknown[]).join('、') : '';
      return html`<span data-personal>${ta.personalShown(fields)}</span>`;
    }
    const keys = [...new Set([...Object.keys(after), ...Object.keys(before)])].filter(
      (key) => key !== 'createdAt' && key !== 'updatedAt' && key !== 'version',
    );
    const shown = keys.slice(0, 6);
    return html`<ul class="changes">
      ${shown.map(
        (key) =>
          html`<li data-field=${key}>
            <code>${key}</code>: ${key in before ? html`<del>${shortValue(before[key])}</del> → ` : nothing}<ins
              >${shortValue(after[key])}</ins
            >
          </li>`,
      )}
      ${keys.length > shown.length ? html`<li class="muted">${ta.more(keys.length - shown.length)}</li>` : nothing}
    </ul>`;
  }

  private renderFilters() {
    const ta = this.t.audit;
    const d = this.draft;
    const set = (key: keyof AuditCriteria) => (e: Event) => {
      this.draft = { ...this.draft, [key]: (e.target as HTMLInputElement | HTMLSelectElement).value };
    };
    const users = this.actors.data?.users.nodes ?? [];
    return html`<form class="filters" part="filters" @submit=${(e: Event) => this.search(e)}>
      <div class="field">
        <label for="actor">${ta.actor}</label>
        <select id="actor" name="userId" .value=${d.userId} @change=${set('userId')}>
          <option value="">${ta.anyActor}</option>
          ${users.map((u) => html`<option value=${String(u.databaseId)}>${u.displayName}（${u.username}）</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="action">${ta.action}</label>
        <input id="action" name="action" .value=${d.action} placeholder=${ta.actionHint} maxlength="100" @input=${set('action')} />
      </div>
      ${this.record
        ? nothing
        : html`<div class="field">
            <label for="record">${ta.record}</label>
            <input
              id="record"
              name="record"
              .value=${d.record}
              placeholder=${ta.recordHint}
              maxlength="100"
              aria-invalid=${this.recordError ? 'true' : 'false'}
              aria-describedby=${this.recordError ? 'record-error' : nothing}
              @input=${set('record')}
            />
            ${this.recordError ? html`<p class="field-error" id="record-error" role="alert">${this.recordError}</p>` : nothing}
          </div>`}
      <div class="field">
        <label for="from">${ta.from}</label>
        <input id="from" name="from" type="date" .value=${d.from} @input=${set('from')} />
      </div>
      <div class="field">
        <label for="to">${ta.to}</label>
        <input
          id="to"
          name="to"
          type="date"
          .value=${d.to}
          aria-invalid=${this.rangeError ? 'true' : 'false'}
          aria-describedby=${this.rangeError ? 'to-error' : nothing}
          @input=${set('to')}
        />
        ${this.rangeError ? html`<p class="field-error" id="to-error" role="alert">${this.rangeError}</p>` : nothing}
      </div>
      <div class="buttons">
        <button type="submit">${ta.apply}</button>
        <button type="button" class="secondary" @click=${() => this.clear()}>${ta.clear}</button>
        <button type="button" class="secondary" part="export-button" ?disabled=${!!this.exporting} @click=${() => this.exportCsv()}>
          ${this.exporting ? ta.exporting(this.exporting.done) : ta.export}
        </button>
      </div>
    </form>`;
  }

  override render() {
    const t = this.t;
    const ta = t.audit;
    const locale = this.resolvedLocale;
    const refused = this.trail.status === 'error' && this.trail.error instanceof ApiError && this.trail.error.code === 'FORBIDDEN';
    return adminFrame(
      this,
      ta.title,
      () =>
        refused
          ? html`<p class="state muted" part="not-permitted">${ta.systemAdminsOnly}</p>`
          : html`${this.renderFilters()}
            ${renderQuery(
              this,
              this.trail,
              ({ auditLog }) =>
                html`${auditLog.nodes.length === 0
                  ? html`<p class="state muted" data-empty>${ta.none}</p>`
                  : html`<div class="scroll">
                      <table part="table">
                        <thead>
                          <tr>
                            <th scope="col">${ta.time}</th>
                            <th scope="col">${ta.actor}</th>
                            <th scope="col">${ta.action}</th>
                            <th scope="col">${ta.record}</th>
                            <th scope="col">${ta.changes}</th>
                            <th scope="col">${ta.source}</th>
                          </tr>
                        </thead>
                        <tbody>
                          ${auditLog.nodes.map(
                            (row) =>
                              html`<tr data-id=${row.id} data-action=${row.action}>
                                <td class="nowrap" data-at=${row.at}>
                                  ${formatDate(row.at, locale, { dateStyle: 'short', timeStyle: 'medium' })}
                                </td>
                                <td>
                                  ${ta.actorTypes[row.actorType] ?? row.actorType}<br /><span class="muted">${row.actorName ?? ''}</span>
                                </td>
                                <th scope="row"><code>${row.action}</code></th>
                                <td class="nowrap">${row.entity ?? ''}${row.entityId ? html` #${row.entityId}` : nothing}</td>
                                <td>${this.changes(row)}</td>
                                <td class="muted">${row.clientAddress ?? ''}<br /><span class="request">${row.requestId ?? ''}</span></td>
                              </tr>`,
                          )}
                        </tbody>
                      </table>
                    </div>`}
                ${this.pages.renderOpenEnded(t, auditLog.endCursor ?? null, ta.page(this.pages.page), ta.page(this.pages.page))}`,
            )}`,
      { status: this.announcement || statusOf(this, this.trail, ta.title) },
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'huhang-audit-trail': HuhangAuditTrail;
  }
}
