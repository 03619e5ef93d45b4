import { html, nothing, svg } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { MetricTrendDocument } from '../../generated/public-operations';
import { formatDate, formatMeasured, formatMonth, unitBeside } from '../../internal/format';
import { HuhangElement } from '../../internal/huhang-element';
import { monthsEnding, parsePeriod } from '../../internal/period';
import { QueryController } from '../../internal/query';
import { downloadCsv, toCsv } from '../../internal/csv';
import { trendChartStyles } from './trend-chart.styles';
import { frame, renderQuery, statusOf } from '../../internal/views';

const WIDTH = 600;
const HEIGHT = 220;
const PAD = { top: 12, right: 12, bottom: 28, left: 44 };

/** A round upper bound for the axis: 1, 2, 2.5 or 5 times a power of ten. */
function niceCeiling(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return ([1, 2, 2.5, 5, 10].find((step) => step * power >= value) ?? 10) * power;
}

/**
 * @summary A trend chart of any metric over months, drawn in SVG, with the same figures as a table
 * a button away.
 *
 * @csspart base - The frame.
 * @csspart title - The heading.
 * @csspart chart - The SVG chart.
 * @csspart withheld - The note naming the months whose values are withheld to protect people, when there are any.
 * @csspart table-toggle - The button that shows or hides the data table.
 * @csspart table - The data table.
 * @csspart csv-button - The button that downloads the series shown as CSV.
 * @csspart error - The error message, with its retry button.
 *
 * @cssproperty --huhang-color-accent - The line, its points and the area below it.
 */
@customElement('huhang-trend-chart')
export class HuhangTrendChart extends HuhangElement {
  static override styles = [...HuhangElement.styles, trendChartStyles];

  /** The metric's name (`metrics { name }` in the API), e.g. `patrolCount` or `visitCoverage`. */
  @property() metric = 'patrolCount';
  /** Global id of a program, park, zone or police unit; else the page's `scope` or `park`. */
  @property() scope?: string;
  /** How many months the chart spans (2 to 36). */
  @property({ type: Number }) months = 12;
  /** The last month shown, `YYYY-MM`; the page's `period` when it names a month, else the last complete month. */
  @property() until?: string;

  @state() private tableShown = false;

  private readonly series = new QueryController(this, MetricTrendDocument, () => {
    const scope = this.scope || this.setting('scope') || this.setting('park');
    if (!scope) return 'scope';
    if (!this.metric) return 'metric';
    if (!Number.isInteger(this.months) || this.months < 2 || this.months > 36) return 'months';
    const until = parsePeriod(this.until || this.setting('period'))?.month ?? parsePeriod('last-month')!.month!;
    const { from, to } = monthsEnding(until, this.months);
    return { metric: this.metric, scope, from, to, granularity: 'MONTH' as const, locale: this.apiLocale };
  });

  /**
   * The series shown, as a CSV file: a row per month with the metric, the API's displayed value (a
   * suppressed month stays suppressed: its display, never a number), the number and its unit.
   */
  private downloadSeries(s: NonNullable<typeof this.series.data>['metricSeries']) {
    const c = this.t.csv;
    const rows = [
      [c.key, c.label, c.from, c.to, c.display, c.value, c.unit],
      ...s.points.map((p) => [
        s.metric.name,
        s.metric.label.text,
        p.from,
        p.to,
        p.value.display,
        p.value.suppressed || !p.value.applicable ? null : p.value.value,
        p.value.unitLabel.text,
      ]),
    ];
    downloadCsv(`huhang-${s.metric.name}-${s.points[0]?.from ?? ''}-${s.points.at(-1)?.to ?? ''}.csv`, toCsv(rows));
  }

  override render() {
    const t = this.t;
    const locale = this.resolvedLocale;
    const metric = this.series.data?.metricSeries.metric.label.text;
    return frame(
      this,
      metric ?? t.chart.title,
      renderQuery(
        this,
        this.series,
        ({ metricSeries: s }) => {
          const points = s.points.map((p, i) => ({
            ...p,
            label: formatMonth(p.from, locale, 'short'),
            // Axis labels carry the year on the first point and on each January only.
            tick:
              i === 0 || p.from.slice(5, 7) === '01'
                ? formatMonth(p.from, locale, 'short')
                : formatDate(p.from, locale, { month: 'short' }),
            shown: formatMeasured(p.value, locale),
          }));
          const values = points.map((p) => (p.value.suppressed ? null : p.value.value));
          const max = niceCeiling(Math.max(0, ...values.filter((v): v is number => v !== null)));
          const innerW = WIDTH - PAD.left - PAD.right;
          const innerH = HEIGHT - PAD.top - PAD.bottom;
          const x = (i: number) => PAD.left + (points.length === 1 ? innerW / 2 : (i * innerW) / (points.length - 1));
          const y = (v: number) => PAD.top + innerH - (v / max) * innerH;
          // Lines break where a value is missing or suppressed.
          const segments: [number, number][][] = [[]];
          values.forEach((v, i) => {
            if (v === null) segments.push([]);
            else segments.at(-1)!.push([x(i), y(v)]);
          });
          const path = (run: [number, number][]) => run.map(([px, py], i) => `${i ? 'L' : 'M'}${px.toFixed(1)},${py.toFixed(1)}`).join('');
          const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * max);
          const tickText = (v: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1, notation: 'compact' }).format(v);
          const every = Math.ceil(points.length / 7);
          const latest = [...points].reverse().find((p) => p.value.value !== null) ?? points[points.length - 1];
          // A gap in the line says why when a month's value is withheld.
          const withheld = points.filter((p) => p.value.suppressed).map((p) => formatMonth(p.from, locale));
          const summary = points.length
            ? t.chart.summary(
                metric ?? '',
                `${points[0]!.label} ${points[0]!.shown}`,
                `${points.at(-1)!.label} ${points.at(-1)!.shown}`,
                points.length,
              )
            : '';
          return html`${latest
              ? html`<p class="latest">
                  <strong data-latest>${latest.shown}</strong><span class="muted">${unitBeside(latest.value)} · ${latest.label}</span>
                </p>`
              : nothing}
            <svg part="chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label=${summary}>
              <g class="grid axis">
                ${ticks.map(
                  (v) =>
                    svg`<line x1=${PAD.left} x2=${WIDTH - PAD.right} y1=${y(v)} y2=${y(v)}></line>
                    <text x=${PAD.left - 6} y=${y(v) + 4} text-anchor="end">${tickText(v)}</text>`,
                )}
              </g>
              <g class="axis">
                ${points.map((p, i) =>
                  (points.length - 1 - i) % every === 0
                    ? svg`<text x=${x(i)} y=${HEIGHT - 8} text-anchor=${i === 0 ? 'start' : i === points.length - 1 ? 'end' : 'middle'}>${p.tick}</text>`
                    : nothing,
                )}
              </g>
              ${segments
                .filter((run) => run.length)
                .map(
                  (
                    run,
                  ) => svg`<path class="area" d="${path(run)}L${run.at(-1)![0].toFixed(1)},${y(0)}L${run[0]![0].toFixed(1)},${y(0)}Z"></path>
                    <path class="line" d=${path(run)}></path>`,
                )}
              ${values.map((v, i) =>
                v === null
                  ? nothing
                  : svg`<circle class="point ${points[i]!.partial ? 'partial' : ''}" cx=${x(i)} cy=${y(v)} r="4"><title>${
                      points[i]!.label
                    }: ${points[i]!.shown}</title></circle>`,
              )}
            </svg>
            ${withheld.length
              ? html`<p class="note muted" part="withheld">${t.chart.withheld(new Intl.ListFormat(locale).format(withheld))}</p>`
              : nothing}
            <button
              class="secondary toggle"
              part="table-toggle"
              aria-expanded=${this.tableShown ? 'true' : 'false'}
              aria-controls="data"
              @click=${() => (this.tableShown = !this.tableShown)}
            >
              ${this.tableShown ? t.chart.hideTable : t.chart.showTable}
            </button>
            <button class="secondary toggle" part="csv-button" @click=${() => this.downloadSeries(s)}>${t.csv.download}</button>
            <table id="data" part="table" ?hidden=${!this.tableShown}>
              <caption>
                ${metric}
              </caption>
              <thead>
                <tr>
                  <th scope="col">${t.chart.period}</th>
                  <th scope="col" class="number">${t.chart.value}</th>
                </tr>
              </thead>
              <tbody>
                ${points.map(
                  (p) =>
                    html`<tr data-from=${p.from}>
                      <th scope="row">
                        ${formatMonth(p.from, locale)}${p.partial ? html` <span class="muted">(${t.toDate})</span>` : nothing}
                      </th>
                      <td class="number">${p.shown}${unitBeside(p.value)}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`;
        },
        (d) => d.metricSeries.points.length === 0,
      ),
      { status: statusOf(this, this.series, metric ?? t.chart.title) },
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'huhang-trend-chart': HuhangTrendChart;
  }
}
