import { RecordDisputeInputLimits, type DisputeCategory, type EscalationRisk } from '@huhang/schema';
import zhCN from '../../translations/zh-CN';
import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { HuhangEvent } from '../../events/events';
import { RecordDisputeDocument } from '../../generated/admin-operations';
import { HuhangAdminElement } from '../../internal/admin-element';
import { choicesQuery, keysOf } from '../../internal/choices';
import { FormModel, banner, field, rules } from '../../internal/form';
import { today } from '../../internal/period';
import { adminFrame, renderQuery } from '../../internal/views';

const CATEGORIES = keysOf(zhCN.disputes.categories);
const RISKS = keysOf(zhCN.disputes.risks);

/**
 * @summary Records a dispute found in the park (矛盾纠纷排查): what it is about, its kind, the day it was
 * found, the parties, the money at stake, the risk that it escalates, the enterprise involved and the
 * mediation team that takes it. It then appears in `<huhang-dispute-board>`'s first lane. Validates as
 * the user types; a failed network keeps what was typed and a retry records it once.
 *
 * @event huhang-dispute-recorded - The dispute was recorded; `detail` is the dispute.
 *
 * @csspart base - The frame.
 * @csspart title - The heading.
 * @csspart banner - The success or failure message.
 * @csspart field-error - A field's error.
 */
@customElement('huhang-dispute-form')
export class HuhangDisputeForm extends HuhangAdminElement {
  private readonly choices = choicesQuery(this);

  private readonly form = new FormModel(
    this,
    () => ({
      summary: '',
      category: '',
      identifiedOn: today(),
      partiesCount: '2',
      amountInvolved: '',
      escalationRisk: 'NONE',
      enterpriseId: '',
      teamId: '',
    }),
    () => {
      const r = rules(this.t);
      return {
        summary: [r.required, r.within(RecordDisputeInputLimits.summary)],
        category: [r.required],
        identifiedOn: [r.required, r.date, r.notFuture],
        partiesCount: [r.required, r.within(RecordDisputeInputLimits.partiesCount)],
        amountInvolved: [
          (v) => (!String(v).trim() || /^\d{1,12}(\.\d{1,2})?$/.test(String(v).trim()) ? undefined : this.t.disputeForm.badAmount),
        ],
        escalationRisk: [r.required],
      };
    },
  );

  /** The park the dispute is in: the page's park, else the enterprise's or the team's, else the user's first. */
  private parkOf(choices: {
    enterprises: { nodes: { id: string; park: { id: string } }[] };
    teams: { nodes: { id: string; park: { id: string } }[] };
  }) {
    const v = this.form.values;
    return (
      this.setting('park') ??
      choices.enterprises.nodes.find((e) => e.id === v.enterpriseId)?.park.id ??
      choices.teams.nodes.find((t) => t.id === v.teamId)?.park.id ??
      this.session.user?.parks[0]?.id ??
      choices.enterprises.nodes[0]?.park.id ??
      ''
    );
  }

  private async save(e: Event) {
    e.preventDefault();
    const v = this.form.values;
    const choices = this.choices.data;
    if (!choices) return;
    const parkId = this.parkOf(choices);
    const saved = await this.form.submit(
      this.t,
      (idempotencyKey) =>
        this.mutate(RecordDisputeDocument, {
          input: {
            parkId,
            summary: String(v.summary).trim(),
            category: v.category as DisputeCategory,
            identifiedOn: String(v.identifiedOn),
            partiesCount: Number(v.partiesCount),
            amountInvolved: String(v.amountInvolved).trim() || null,
            escalationRisk: v.escalationRisk as EscalationRisk,
            enterpriseIds: v.enterpriseId ? [String(v.enterpriseId)] : [],
            teamId: v.teamId ? String(v.teamId) : null,
            idempotencyKey,
          },
        }),
      this.shadowRoot,
    );
    const dispute = saved?.recordDispute.dispute;
    if (dispute) this.dispatchEvent(new HuhangEvent('huhang-dispute-recorded', dispute));
  }

  override render() {
    const t = this.t;
    const tf = t.disputeForm;
    const td = t.disputes;
    return adminFrame(this, tf.title, () =>
      renderQuery(this, this.choices, ({ enterprises, teams }) => {
        const mediation = teams.nodes.filter((team) => team.type === 'MEDIATION');
        return html`<form @submit=${this.save} novalidate>
          ${field(this.form, 'summary', tf.summary, 'textarea', { required: true, t })}
          <div class="row">
            ${field(this.form, 'category', tf.category, 'select', {
              choices: CATEGORIES.map((c) => ({ value: c, label: td.categories[c] })),
              required: true,
              t,
            })}
            ${field(this.form, 'identifiedOn', tf.identifiedOn, 'date', { required: true, t })}
            ${field(this.form, 'escalationRisk', td.risk, 'select', {
              choices: RISKS.map((r) => ({ value: r, label: td.risks[r] })),
              required: true,
              t,
            })}
          </div>
          <div class="row">
            ${field(this.form, 'partiesCount', tf.partiesCount, 'number', { required: true, t })}
            ${field(this.form, 'amountInvolved', tf.amountInvolved, 'text', { t, hint: tf.amountHint })}
          </div>
          <div class="row">
            ${field(this.form, 'enterpriseId', tf.enterprise, 'select', {
              choices: enterprises.nodes.map((n) => ({ value: n.id, label: n.name })),
              t,
            })}
            ${field(this.form, 'teamId', tf.team, 'select', { choices: mediation.map((n) => ({ value: n.id, label: n.name })), t })}
          </div>
          ${banner(this.form)}
          <div class="actions">
            <button type="submit" ?disabled=${this.form.submitting}>${this.form.submitting ? t.form.saving : tf.record}</button>
          </div>
        </form>`;
      }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'huhang-dispute-form': HuhangDisputeForm;
  }
}
