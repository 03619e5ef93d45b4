import { html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { formatMeasured, formatPeriod, type Measured } from '../../internal/format';
import { HuhangElement } from '../../internal/huhang-element';
import { renderStatus } from '../../internal/trend';
import { complianceQuery } from '../../internal/figure-queries';
import { commitmentListStyles } from './commitment-list.styles';
import { frame, renderQuery, statusOf } from '../../internal/views';

const COMPARATORS: Record<string, string> = { GTE: '≥', GT: '>', LTE: '≤', LT: '<', EQ: '=' };

/**
 * @summary The service commitments with the progress of each: how many of its indicators were met,
 * each indicator's value against its target.
 *
 * @csspart base - The frame.
 * @csspart title - The heading.
 * @csspart commitment - One commitment.
 * @csspart progress - The bar of met indicators (with the same figure in words).
 * @csspart indicator - One indicator with its value, target and status.
 * @csspart status - A met / not met / not applicable badge.
 * @csspart error - The error message, with its retry button.
 *
 * @cssproperty --huhang-color-met - The progress bar and met badges.
 * @cssproperty --huhang-color-not-met - Badges of indicators not met.
 */
@customElement('huhang-commitment-list')
export class HuhangCommitmentList extends HuhangElement {
  static override styles = [...HuhangElement.styles, commitmentListStyles];

  /** Global id of a program, park, zone or police unit; else the page's `scope` or `park`. */
  @property() scope?: string;
  /** `last-month` (default), `2026-10`, `2026-Q3`, `2026` or `2026-01-01/2026-06-30`. */
  @property() period?: string;

  private readonly report = complianceQuery(this);

  override render() {
    const t = this.t;
    const locale = this.resolvedLocale;
    const data = this.report.data?.complianceReport;
    return frame(
      this,
      t.commitments.title,
      renderQuery(
        this,
        this.report,
        ({ complianceReport: r }) =>
          html`<ol>
            ${r.commitments.map((c) => {
              const judged = c.indicators.filter((i) => i.status === 'MET' || i.status === 'NOT_MET').length;
              const met = c.indicators.filter((i) => i.status === 'MET').length;
              return html`<li class="commitment" part="commitment" data-code=${c.code}>
                <div class="head">
                  <h3><span class="code">${c.code}</span>${c.title.text}</h3>
                  ${renderStatus(c.status, t)}
                </div>
                <div class="bar" part="progress" aria-hidden="true"><span style="width:${judged ? (100 * met) / judged : 0}%"></span></div>
                <span class="muted">${t.commitments.progress(met, judged)}</span>
                <ul>
                  ${c.indicators.map(
                    (i) =>
                      html`<li class="indicator" part="indicator">
                        <span>${i.label.text}</span>
                        <span class="value" data-value=${i.value.value ?? ''}>${formatMeasured(i.value as Measured, locale)}</span>
                        ${i.value.suppressed ? html`<span class="muted" part="suppressed">${t.suppressedBase}</span>` : nothing}
                        ${i.target === null
                          ? nothing
                          : html`<span class="muted"
                              >${t.commitments.target} ${COMPARATORS[i.comparator ?? 'GTE']}
                              ${formatMeasured(
                                // The target with its own decimals, as the commitment states it.
                                {
                                  ...(i.value as Measured),
                                  value: i.target,
                                  display: String(i.target),
                                  suppressed: false,
                                  applicable: true,
                                },
                                locale,
                              )}</span
                            >`}
                        ${renderStatus(i.status, t, i.provisional)}
                      </li>`,
                  )}
                </ul>
              </li>`;
            })}
          </ol>`,
        (d) => d.complianceReport.commitments.length === 0,
      ),
      {
        subtitle: data ? `${data.scope.name} · ${formatPeriod(data.period, locale, t.range)}` : undefined,
        status: statusOf(this, this.report, t.commitments.title),
      },
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'huhang-commitment-list': HuhangCommitmentList;
  }
}
