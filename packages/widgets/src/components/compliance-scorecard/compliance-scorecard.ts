import { html, nothing, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { formatNumber, formatPeriod } from '../../internal/format';
import { HuhangElement } from '../../internal/huhang-element';
import { complianceQuery } from '../../internal/figure-queries';
import { renderStatus, renderTrend } from '../../internal/trend';
import { scorecardStyles } from './compliance-scorecard.styles';
import { frame, renderQuery, statusOf } from '../../internal/views';
import { downloadCsv, toCsv } from '../../internal/csv';

/**
 * @summary The compliance scorecard: the overall score of a program, park, zone or unit for a
 * period, its trend, and whether each commitment was met.
 *
 * @csspart csv-button - The button that downloads the report shown as CSV.
 * @csspart base - The frame.
 * @csspart title - The heading.
 * @csspart score - The overall score.
 * @csspart trend - The change against the previous period.
 * @csspart commitment - One commitment in the list.
 * @csspart status - A met / not met / not applicable badge.
 * @csspart error - The error message, with its retry button.
 * @csspart retry-button - The retry button.
 *
 * @cssproperty --huhang-color-accent - The score ring.
 * @cssproperty --huhang-color-met - Met commitments.
 * @cssproperty --huhang-color-not-met - Commitments not met.
 */
@customElement('huhang-compliance-scorecard')
export class HuhangComplianceScorecard extends HuhangElement {
  static override styles = [...HuhangElement.styles, scorecardStyles];

  /** Global id of a program, park, zone or police unit; else the page's `scope` or `park`. */
  @property() scope?: string;
  /** `last-month` (default), `2026-10`, `2026-Q3`, `2026` or `2026-01-01/2026-06-30`. */
  @property() period?: string;

  private readonly report = complianceQuery(this);

  /**
   * The report shown, as a CSV file: a row per indicator with its commitment, the statuses in the
   * reader's words, the API's displayed value (a suppressed value stays suppressed) and the target.
   */
  private downloadReport(r: NonNullable<typeof this.report.data>['complianceReport']) {
    const t = this.t;
    const c = t.csv;
    const rows: Array<Array<string | number | null>> = [
      [c.commitment, c.title, c.commitmentStatus, c.indicator, c.indicatorStatus, c.display, c.target, c.from, c.to],
      ...r.commitments.flatMap((commitment) =>
        commitment.indicators.map((indicator) => [
          commitment.code,
          commitment.title.text,
          t.status[commitment.status],
          indicator.label.text,
          t.status[indicator.status],
          indicator.value.display,
          indicator.target,
          r.period.from,
          r.period.to,
        ]),
      ),
      [c.score, null, null, null, null, r.score === null ? null : formatNumber(r.score, 'en', 1), null, r.period.from, r.period.to],
    ];
    downloadCsv(`huhang-compliance-${r.period.from}-${r.period.to}.csv`, toCsv(rows));
  }

  override render() {
    const t = this.t;
    const data = this.report.data?.complianceReport;
    const subtitle = data
      ? html`${data.scope.name} ·
        ${formatPeriod(data.period, this.resolvedLocale, t.range)}${data.period.partial ? html` · ${t.partial}` : nothing}`
      : undefined;
    return frame(
      this,
      t.scorecard.title,
      renderQuery(this, this.report, ({ complianceReport: r }) => {
        const score = r.score === null ? '—' : formatNumber(r.score, this.resolvedLocale, 1);
        const previous = r.previousScore === null ? undefined : t.scorecard.previous(formatNumber(r.previousScore, this.resolvedLocale, 1));
        const yearAgo = r.yearAgoScore === null ? undefined : t.scorecard.yearAgo(formatNumber(r.yearAgoScore, this.resolvedLocale, 1));
        const fraction = r.score === null ? 0 : Math.max(0, Math.min(1, r.score / 100));
        return html`<div class="summary">
            <svg class="ring" viewBox="0 0 120 120" aria-hidden="true">
              <circle class="track" cx="60" cy="60" r="52" fill="none" stroke-width="12"></circle>
              ${svg`<circle class="value" cx="60" cy="60" r="52" fill="none" stroke-width="12" stroke-linecap="round"
                transform="rotate(-90 60 60)" stroke-dasharray="${fraction * 326.7} 326.7"></circle>`}
            </svg>
            <div class="facts">
              <span class="muted">${t.scorecard.score}</span>
              <span class="score" part="score" data-score=${r.score ?? ''}>${score}</span>
              <span class="muted">${t.scorecard.outOf}</span>
              ${renderTrend(r.trend, t, previous)} ${renderTrend(r.trendYearOnYear, t, yearAgo, true)}
              <span class="muted" part="indicators"
                >${t.scorecard.indicators(r.indicatorsMet, r.indicatorsJudged, r.indicatorsPending)}</span
              >
            </div>
          </div>
          <h3 class="sr-only">${t.scorecard.commitments}</h3>
          <ul>
            ${r.commitments.map(
              (c) =>
                html`<li part="commitment" data-code=${c.code}>
                  <span><span class="code">${c.code}</span>${c.title.text}</span>${renderStatus(c.status, t)}
                </li>`,
            )}
          </ul>
          <p class="actions">
            <button class="secondary" part="csv-button" @click=${() => this.downloadReport(r)}>${t.csv.download}</button>
          </p>`;
      }),
      { subtitle, status: statusOf(this, this.report, t.scorecard.title) },
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'huhang-compliance-scorecard': HuhangComplianceScorecard;
  }
}
