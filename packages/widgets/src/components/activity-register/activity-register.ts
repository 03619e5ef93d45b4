import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { HuhangAdminElement } from '../../internal/admin-element';
import { formatDate, formatDateTime, formatNumber } from '../../internal/format';
import { ListExporter } from '../../internal/list-exporter';
import type { LocaleCode } from '../../internal/locale';
import { CursorPages } from '../../internal/pager';
import { today } from '../../internal/period';
import { QueryController } from '../../internal/query';
import { adminFrame, renderQuery, statusOf } from '../../internal/views';
import { activityRegisterStyles } from './activity-register.styles';
import { REGISTER_KINDS, exportColumn, valuesAt, type RegisterColumn, type RegisterData } from './activity-register.columns';
import { ACTIVITY_REGISTER_WORDS, REGISTERS, type ActivityRegisterWords, type Register } from './activity-register.words';

/**
 * @summary The registers (台账) of what was recorded in the park: liaison visits, patrols, incidents
 * with their response timeline and response time, police–enterprise engagements, and pennants and
 * letters of thanks; one register at a time, newest first, for a month or all of them, paged, and the
 * whole register as filtered as CSV or Excel. Each column reads as the form that records it.
 *
 * @csspart base - The frame.
 * @csspart title - The heading.
 * @csspart table - The records.
 * @csspart pager - The paging buttons with the count.
 * @csspart export-button - The button that downloads the register as filtered, as CSV.
 * @csspart export-xlsx-button - The same register as an Excel workbook (XLSX).
 */
@customElement('huhang-activity-register')
export class HuhangActivityRegister extends HuhangAdminElement {
  static override styles = [...HuhangAdminElement.styles, activityRegisterStyles];

  /** The register shown first: `VISITS`, `PATROLS`, `INCIDENTS`, `ENGAGEMENTS` or `RECOGNITIONS`. */
  @property() register: Register = 'VISITS';
  /** Rows per page (5 to 100). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;

  /** `YYYY-MM`, or empty for every record. */
  @state() private month = '';
  @state() private announcement = '';

  private readonly pages = new CursorPages(() => this.requestUpdate());

  /** One query per register; only the one shown asks. */
  private readonly lists = Object.fromEntries(
    REGISTERS.map((name) => [
      name,
      new QueryController(this, REGISTER_KINDS[name].document, () =>
        !this.signedIn
          ? 'sign-in'
          : this.shown !== name
            ? 'register'
            : { filter: this.filter(), first: Math.max(5, Math.min(100, this.pageSize || 20)), after: this.pages.after },
      ),
    ]),
  ) as Record<Register, QueryController<RegisterData, unknown>>;

  private readonly exporter = new ListExporter(
    this,
    this.sessions,
    (format) => ({
      format,
      document: REGISTER_KINDS[this.shown].document as never,
      variables: { filter: this.filter() },
      columns: this.columns.map(exportColumn),
      filename: `huhang-${this.shown.toLowerCase()}-${this.month || today()}`,
      sheet: this.words.registers[this.shown],
    }),
    (text) => (this.announcement = text),
  );

  private get words(): ActivityRegisterWords {
    return ACTIVITY_REGISTER_WORDS[this.t.$code as LocaleCode] ?? ACTIVITY_REGISTER_WORDS['zh-CN'];
  }

  /** The register asked for, or visits when the attribute names none of them. */
  private get shown(): Register {
    return REGISTERS.includes(this.register) ? this.register : 'VISITS';
  }

  private get columns(): RegisterColumn[] {
    return REGISTER_KINDS[this.shown].columns(this.t, this.words);
  }

  private filter() {
    return REGISTER_KINDS[this.shown].filter(this.setting('park') ?? null, this.month || null);
  }

  /** A cell as the reader reads it: words for codes, dates and times in the reader's language, numbers through Intl. */
  private cell(record: unknown, column: RegisterColumn): string {
    const locale = this.resolvedLocale;
    return valuesAt(record, column.path.split('.'))
      .map((value) => {
        if (column.labels && Object.hasOwn(column.labels, String(value))) return column.labels[String(value)]!;
        if (column.as === 'date') return formatDate(String(value), locale);
        if (column.as === 'time')
          return column.sameDayAs && beijingDay(valuesAt(record, [column.sameDayAs])[0]) === beijingDay(value)
            ? formatDate(String(value), locale, { timeStyle: 'short' })
            : formatDateTime(String(value), locale);
        if (column.as === 'number' && typeof value === 'number') return formatNumber(value, locale, Number.isInteger(value) ? 0 : 1);
        return String(value);
      })
      .join(this.words.listSeparator);
  }

  override render() {
    const w = this.words;
    const query = this.lists[this.shown];
    const columns = this.columns;
    return adminFrame(
      this,
      w.title,
      () =>
        html`<div class="toolbar">
            <div class="field">
              <label for="register">${w.register}</label>
              <select
                id="register"
                @change=${(e: Event) => {
                  this.register = (e.target as HTMLSelectElement).value as Register;
                  this.pages.restart();
                }}
              >
                ${REGISTERS.map((name) => html`<option value=${name} ?selected=${name === this.shown}>${w.registers[name]}</option>`)}
              </select>
            </div>
            <div class="field">
              <label for="month">${w.month}</label>
              <input
                id="month"
                type="month"
                aria-describedby="month-hint"
                .value=${this.month}
                @change=${(e: Event) => {
                  this.month = (e.target as HTMLInputElement).value;
                  this.pages.restart();
                }}
              />
              <span class="muted" id="month-hint">${w.monthHint}</span>
            </div>
          </div>
          ${renderQuery(this, query, ({ list }) =>
            list.nodes.length === 0
              ? html`<p class="muted" data-empty>${w.none}</p>`
              : html`<div class="scroll" tabindex="0" role="region" aria-label=${w.registers[this.shown]}>
                    <table part="table" data-register=${this.shown}>
                      <caption class="sr-only">
                        ${w.registers[this.shown]}
                      </caption>
                      <thead>
                        <tr>
                          ${columns.map((c) => html`<th scope="col" class=${c.as === 'number' ? 'number' : nothing}>${c.header}</th>`)}
                        </tr>
                      </thead>
                      <tbody>
                        ${list.nodes.map(
                          (record) =>
                            html`<tr data-id=${record.id}>
                              ${columns.map((c, i) =>
                                i === 0
                                  ? html`<th scope="row" class="nowrap">${this.cell(record, c)}</th>`
                                  : html`<td class=${cellClass(c)}>${this.cell(record, c)}</td>`,
                              )}
                            </tr>`,
                        )}
                      </tbody>
                    </table>
                  </div>
                  ${this.pages.render(this.t, list, this.pageSize, w.count(list.totalCount))}`,
          )}`,
      {
        status: this.announcement || statusOf(this, query, w.registers[this.shown]),
        actions: query.data?.list.nodes.length ? html`<div class="export">${this.exporter.buttons()}</div>` : nothing,
      },
    );
  }
}

/** The Beijing calendar day of an instant. */
const beijingDay = (value: unknown) =>
  typeof value === 'string' ? new Date(Date.parse(value) + 8 * 3600_000).toISOString().slice(0, 10) : null;

/** Numbers align right; days and times stay on one line; names and free text get room to wrap. */
function cellClass(column: RegisterColumn): string {
  if (column.as === 'number') return 'number';
  if (column.as === 'date' || column.as === 'time') return 'nowrap';
  if (column.labels) return '';
  return column.path.endsWith('.name') ? 'name' : 'text';
}

declare global {
  interface HTMLElementTagNameMap {
    'huhang-activity-register': HuhangActivityRegister;
  }
}
