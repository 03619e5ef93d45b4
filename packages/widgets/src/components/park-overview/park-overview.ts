import { html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { ParkOverviewDocument } from '../../generated/public-operations';
import { formatMeasured, formatNumber, formatPeriod } from '../../internal/format';
import { HuhangElement } from '../../internal/huhang-element';
import { QueryController } from '../../internal/query';
import { complianceQuery, serviceFiguresQuery } from '../../internal/figure-queries';
import { parkOverviewStyles } from './park-overview.styles';
import { frame, renderQuery, statusOf } from '../../internal/views';

/**
 * @summary A park at a glance: its program and bureau, level, region and zones, its compliance
 * score and a few service figures for the period.
 *
 * @csspart base - The frame.
 * @csspart title - The park's name.
 * @csspart facts - Program, bureau, level, region and zones.
 * @csspart figures - The score and the chosen figures.
 * @csspart error - The error message, with its retry button.
 */
@customElement('huhang-park-overview')
export class HuhangParkOverview extends HuhangElement {
  static override styles = [...HuhangElement.styles, parkOverviewStyles];

  /** Global id of the park; else the page's `park` or `scope`. */
  @property() park?: string;
  /** `last-month` (default), `2026-10`, `2026-Q3`, `2026` or `2026-01-01/2026-06-30`. */
  @property() period?: string;
  /** Figures shown beside the score, by key. */
  @property() figures = 'visits,patrols,problemsSolved';

  /** The compliance and figure queries read the scope from here: the park. */
  get scope(): string | undefined {
    return this.park || this.setting('park') || this.setting('scope');
  }

  private readonly overview = new QueryController(this, ParkOverviewDocument, () => (this.scope ? { parkId: this.scope } : 'park'));
  private readonly report = complianceQuery(this);
  private readonly statistics = serviceFiguresQuery(this);

  override render() {
    const t = this.t;
    const locale = this.resolvedLocale;
    const park = this.overview.data?.park;
    const report = this.report.data?.complianceReport;
    const figures = this.statistics.data?.serviceStatistics.figures ?? [];
    const keys = this.figures.split(',').map((k) => k.trim());
    return frame(
      this,
      park?.name ?? t.park.title,
      renderQuery(this, this.overview, ({ park }) =>
        park
          ? html`<div class="layout">
              <dl class="facts" part="facts">
                <dt>${t.park.program}</dt>
                <dd>${park.program.name}</dd>
                <dt>${t.park.bureau}</dt>
                <dd>${park.program.bureau}</dd>
                <dt>${t.park.level}</dt>
                <dd>${t.park.levels[park.level] ?? park.level}</dd>
                <dt>${t.park.region}</dt>
                <dd>${park.region}</dd>
                <dt>${t.park.zones}</dt>
                <dd>
                  <ul class="zones">
                    ${park.zones.nodes.map((z) => html`<li>${z.name}</li>`)}
                  </ul>
                </dd>
              </dl>
              <dl class="figures" part="figures">
                <div data-key="score">
                  <dt>${t.park.score}</dt>
                  <dd>${report ? (report.score === null ? '—' : formatNumber(report.score, locale, 1)) : '…'}</dd>
                </div>
                ${keys.map((key) => {
                  const figure = figures.find((f) => f.key === key);
                  return figure
                    ? html`<div data-key=${key}>
                        <dt>${figure.label.text}</dt>
                        <dd>${formatMeasured(figure.value, locale)}</dd>
                      </div>`
                    : nothing;
                })}
              </dl>
            </div>`
          : html`<p class="state muted" part="empty">${t.errors.notFound}</p>`,
      ),
      {
        subtitle: report ? formatPeriod(report.period, locale, t.range) : undefined,
        status: statusOf(this, this.overview, park?.name ?? t.park.title),
      },
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'huhang-park-overview': HuhangParkOverview;
  }
}
