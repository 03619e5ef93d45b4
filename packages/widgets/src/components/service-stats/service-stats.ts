import { html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { formatMeasured, formatPeriod, unitBeside } from '../../internal/format';
import { HuhangElement } from '../../internal/huhang-element';
import { serviceFiguresQuery } from '../../internal/figure-queries';
import { renderTrend } from '../../internal/trend';
import { serviceStatsStyles } from './service-stats.styles';
import { frame, renderQuery, statusOf } from '../../internal/views';
import { downloadCsv, toCsv } from '../../internal/csv';

/**
 * @summary Service statistics tiles: patrols, person-times, disputes resolved, problems solved and
 * the other figures a bureau publishes, for a scope and period, each with its trend.
 *
 * @csspart csv-button - The button that downloads the figures shown as CSV.
 * @csspart base - The frame.
 * @csspart title - The heading.
 * @csspart tile - One figure.
 * @csspart value - A figure's number.
 * @csspart withheld - Beside a share withheld to protect people (its value reads —): the word that says so.
 * @csspart withheld-note - Under the figures when a share is withheld: why.
 * @csspart trend - The change against the previous period.
 * @csspart error - The error message, with its retry button.
 *
 * @cssproperty --huhang-color-accent - Numbers and the tiles' top rule.
 * @cssproperty --huhang-tile-min-width - The narrowest a tile gets before the grid wraps (150px).
 */
@customElement('huhang-service-stats')
export class HuhangServiceStats extends HuhangElement {
  static override styles = [...HuhangElement.styles, serviceStatsStyles];

  /** Global id of a program, park, zone or police unit; else the page's `scope` or `park`. */
  @property() scope?: string;
  /** `last-month` (default), `2026-10`, `2026-Q3`, `2026` or `2026-01-01/2026-06-30`. */
  @property() period?: string;
  /** Which figures, in order, by key (e.g. `patrols,patrolPersonTimes,disputesResolved`); all by default. */
  @property() figures?: string;
  /** The heading; "警务服务数据" in the reader's language by default. */
  @property() heading?: string;

  private readonly statistics = serviceFiguresQuery(this);

  /**
   * The figures shown, as a CSV file: each figure's key and label, the API's displayed value (a
   * suppressed figure stays suppressed: its display, never a number), the number, its unit, and the
   * previous period's and a year earlier's displayed values.
   */
  private downloadFigures(
    figures: NonNullable<typeof this.statistics.data>['serviceStatistics']['figures'],
    period: { from: string; to: string },
  ) {
    const c = this.t.csv;
    const plain = (v: { value: number | null; suppressed: boolean; applicable: boolean }) =>
      v.suppressed || !v.applicable ? null : v.value;
    const rows = [
      [c.key, c.label, c.display, c.value, c.unit, c.previous, c.yearAgo, c.from, c.to],
      ...figures.map((f) => [
        f.key,
        f.label.text,
        f.value.display,
        plain(f.value),
        f.value.unitLabel.text,
        f.previous?.display ?? null,
        f.yearAgo?.display ?? null,
        period.from,
        period.to,
      ]),
    ];
    downloadCsv(`huhang-figures-${period.from}-${period.to}.csv`, toCsv(rows));
  }

  override render() {
    const t = this.t;
    const locale = this.resolvedLocale;
    const data = this.statistics.data?.serviceStatistics;
    const wanted = this.figures
      ?.split(',')
      .map((key) => key.trim())
      .filter(Boolean);
    const title = this.heading || t.stats.title;
    return frame(
      this,
      title,
      renderQuery(this, this.statistics, ({ serviceStatistics: s }) => {
        const shown = wanted ? wanted.map((key) => s.figures.find((f) => f.key === key)!).filter(Boolean) : s.figures;
        // A withheld count reads "<3"; a withheld share reads "—", which alone would look like no data.
        const withheld = (f: (typeof shown)[number]) => f.value.suppressed && !/\d/.test(f.value.display);
        return html`<dl>
            ${shown.map(
              (f) =>
                html`<div class="tile" part="tile" data-key=${f.key}>
                  <dt>${f.label.text}</dt>
                  <dd>
                    <span class="value" part="value">${formatMeasured(f.value, locale)}</span
                    ><span class="unit">${unitBeside(f.value)}</span>
                    ${withheld(f) ? html`<span class="withheld" part="withheld">${t.withheld}</span>` : nothing} ${renderTrend(f.trend, t)}
                    ${renderTrend(f.trendYearOnYear, t, undefined, true)}
                  </dd>
                </div>`,
            )}
          </dl>
          ${shown.some((f) => f.value.suppressed && !withheld(f)) ? html`<p class="note muted">${t.suppressedNote}</p>` : nothing}
          ${shown.some(withheld) ? html`<p class="note muted" part="withheld-note">${t.withheldNote}</p>` : nothing}
          <p class="actions">
            <button class="secondary" part="csv-button" @click=${() => this.downloadFigures(shown, s.period)}>${t.csv.download}</button>
          </p>`;
      }),
      {
        subtitle: data ? formatPeriod({ ...data.period }, locale, t.range) : undefined,
        status: statusOf(this, this.statistics, title),
      },
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'huhang-service-stats': HuhangServiceStats;
  }
}
