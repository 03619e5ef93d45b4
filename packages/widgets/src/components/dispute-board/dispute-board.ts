import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { DisputeCardFragment } from '@huhang/schema';
import { HuhangEvent } from '../../events/events';
import {
  DisputeBoardDocument,
  DisputeExportDocument,
  EscalateDisputeDocument,
  ReopenDisputeDocument,
  ResolveDisputeDocument,
  StartDisputeMediationDocument,
} from '../../generated/admin-operations';
import { HuhangAdminElement } from '../../internal/admin-element';
import { describeFailure } from '../../internal/form';
import { formatDate } from '../../internal/format';
import { today } from '../../internal/period';
import { QueryController } from '../../internal/query';
import { disputeBoardStyles } from './dispute-board.styles';
import { adminFrame, renderQuery, statusOf } from '../../internal/views';
import zhCN from '../../translations/zh-CN';
import { keysOf } from '../../internal/choices';
import { exportButtons, exportWithProgress, type ExportFormat, type ExportProgress } from '../../internal/list-export';
import { DISPUTE_REGISTER_WORDS, type DisputeRegisterWords } from './dispute-board.words';

/** The API's dispute statuses, one lane each, in the order the default translation lists them. */
const LANES = keysOf(zhCN.disputes.lanes);

/** The steps a dispute in each status can take, as the API allows them. */
const STEPS: Record<string, ('start' | 'resolve' | 'escalate' | 'reopen')[]> = {
  IDENTIFIED: ['start', 'resolve', 'escalate'],
  MEDIATING: ['resolve', 'escalate'],
  RESOLVED: ['reopen'],
  ESCALATED: ['reopen'],
};

const DOCUMENTS = {
  start: StartDisputeMediationDocument,
  resolve: ResolveDisputeDocument,
  escalate: EscalateDisputeDocument,
  reopen: ReopenDisputeDocument,
};

/**
 * @summary The dispute board (矛盾纠纷): one lane per status — identified, mediating, escalated,
 * resolved — with the steps each dispute can take next, as buttons. Open disputes are all shown;
 * escalated and resolved ones of the last `closed-days` days. A dispute recorded by a
 * `<huhang-dispute-form>` on the same page appears at once. The whole register (矛盾纠纷台账) of
 * every dispute the user may read downloads as CSV or Excel.
 *
 * @event huhang-dispute-moved - A dispute changed status; `detail` is the dispute.
 *
 * @csspart base - The frame.
 * @csspart title - The heading.
 * @csspart lane - One status lane.
 * @csspart card - One dispute.
 * @csspart export-button - Downloads the park's whole dispute register (every status, every day) as CSV.
 * @csspart export-xlsx-button - The same as Excel.
 *
 * @cssproperty --huhang-lane-max-height - How tall a lane grows before it scrolls (480px).
 */
@customElement('huhang-dispute-board')
export class HuhangDisputeBoard extends HuhangAdminElement {
  static override styles = [...HuhangAdminElement.styles, disputeBoardStyles];

  @state() private busy?: string;
  @state() private failure?: { id: string; text: string };
  @state() private announcement = '';
  @state() private exporting?: ExportProgress;

  /** How far back the escalated and resolved lanes reach, in days. */
  @property({ type: Number, attribute: 'closed-days' }) closedDays = 90;

  private readonly board = new QueryController(this, DisputeBoardDocument, () =>
    this.signedIn
      ? {
          parkId: this.setting('park') ?? null,
          closedSince: new Date(Date.now() - Math.max(1, this.closedDays) * 86_400_000).toISOString().slice(0, 10),
        }
      : 'sign-in',
  );

  /** A dispute recorded by a `<huhang-dispute-form>` on the page joins the first lane. */
  private readonly onRecorded = () => void this.board.retry();

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('huhang-dispute-recorded', this.onRecorded);
  }

  override disconnectedCallback(): void {
    document.removeEventListener('huhang-dispute-recorded', this.onRecorded);
    super.disconnectedCallback();
  }

  private async step(dispute: DisputeCardFragment, step: keyof typeof DOCUMENTS) {
    this.busy = dispute.id;
    this.failure = undefined;
    try {
      const input = { id: dispute.id, version: dispute.version, on: today() };
      const result = (await this.mutate(DOCUMENTS[step] as typeof StartDisputeMediationDocument, { input })) as unknown as Record<
        string,
        { dispute: DisputeCardFragment }
      >;
      const moved = Object.values(result)[0]!.dispute;
      this.announcement = this.t.disputes.moved(moved.summary, this.t.disputes.lanes[moved.status]!);
      this.dispatchEvent(new HuhangEvent('huhang-dispute-moved', moved));
      await this.board.retry();
      (this.shadowRoot?.querySelector(`[data-id="${moved.id}"] button`) as HTMLElement | null)?.focus();
    } catch (error) {
      this.failure = { id: dispute.id, text: describeFailure(error, this.t) };
    } finally {
      this.busy = undefined;
    }
  }

  private get registerWords(): DisputeRegisterWords {
    return DISPUTE_REGISTER_WORDS[this.t.$code] ?? DISPUTE_REGISTER_WORDS['zh-CN']!;
  }

  /** The whole register, as the API gives it to the signed-in user (scoped and audited as any answer). */
  private async exportAs(format: ExportFormat) {
    if (this.exporting) return;
    const td = this.t.disputes;
    const w = this.registerWords;
    const [summary, category, status, identified, started, resolved, escalated, enterprises, zone, parties, amount, risk] = w.columns;
    await exportWithProgress(
      this.sessions,
      {
        format,
        document: DisputeExportDocument as never,
        variables: { filter: { parkId: this.setting('park') ?? null } },
        columns: [
          { header: summary!, path: 'summary' },
          { header: category!, path: 'category', labels: td.categories },
          { header: status!, path: 'status', labels: td.lanes },
          { header: identified!, path: 'identifiedOn' },
          { header: started!, path: 'mediationStartedOn' },
          { header: resolved!, path: 'resolvedOn' },
          { header: escalated!, path: 'escalatedOn' },
          { header: enterprises!, path: 'enterprises.name' },
          { header: zone!, path: 'zone.name' },
          { header: parties!, path: 'partiesCount' },
          { header: amount!, path: 'amountInvolved' },
          { header: risk!, path: 'escalationRisk', labels: td.risks },
        ],
        filename: `huhang-disputes-${today()}`,
        sheet: w.sheet,
      },
      w,
      (error) => describeFailure(error, this.t),
      (progress, announcement) => {
        this.exporting = progress;
        if (announcement) this.announcement = announcement;
      },
    );
  }

  override render() {
    const t = this.t;
    const td = t.disputes;
    const locale = this.resolvedLocale;
    return adminFrame(
      this,
      td.title,
      () =>
        renderQuery(this, this.board, ({ open, closed }) => {
          return html`<div class="lanes">
            ${LANES.map((lane) => {
              const cards = [...open.nodes, ...closed.nodes].filter((d) => d.status === lane);
              return html`<section class="lane" part="lane" data-lane=${lane} aria-labelledby="lane-${lane}">
                <h3 id="lane-${lane}"><span>${td.lanes[lane]}</span><span class="muted">${cards.length}</span></h3>
                ${cards.length
                  ? html`<ul>
                      ${cards.map(
                        (d) =>
                          html`<li class="card" part="card" data-id=${d.id}>
                            <strong>${d.summary}</strong>
                            <span class="muted">${td.categories[d.category] ?? d.category} · ${formatDate(d.identifiedOn, locale)}</span>
                            <span class="muted">${d.enterprises.map((e) => e.name).join('、')}</span>
                            ${d.escalationRisk !== 'NONE'
                              ? html`<span class="risk"><span aria-hidden="true">⚠</span> ${td.risk}：${td.risks[d.escalationRisk]}</span>`
                              : nothing}
                            <div class="actions">
                              ${STEPS[d.status]!.map(
                                (step) =>
                                  html`<button
                                    class=${step === 'escalate' ? 'secondary' : ''}
                                    ?disabled=${this.busy === d.id}
                                    aria-label="${td.actions[step]}: ${d.summary}"
                                    @click=${() => this.step(d, step)}
                                  >
                                    ${td.actions[step]}
                                  </button>`,
                              )}
                            </div>
                            ${this.failure?.id === d.id ? html`<p class="field-error" role="alert">${this.failure.text}</p>` : nothing}
                          </li>`,
                      )}
                    </ul>`
                  : html`<p class="muted">${td.empty}</p>`}
              </section>`;
            })}
          </div>`;
        }),
      {
        status: this.announcement || statusOf(this, this.board, td.title),
        actions: html`<div class="export">
          ${exportButtons(this.registerWords, this.exporting, (format) => void this.exportAs(format))}
        </div>`,
      },
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'huhang-dispute-board': HuhangDisputeBoard;
  }
}
