import { RecordEngagementInputLimits, type EngagementType } from '@huhang/schema';
import zhCN from '../../translations/zh-CN';
import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { HuhangEvent } from '../../events/events';
import { RecordEngagementDocument } from '../../generated/admin-operations';
import { HuhangAdminElement } from '../../internal/admin-element';
import { choicesQuery, keysOf } from '../../internal/choices';
import { FormModel, banner, field, rules } from '../../internal/form';
import { today } from '../../internal/period';
import { adminFrame, renderQuery } from '../../internal/views';

const TYPES = keysOf(zhCN.engagementForm.types);

/**
 * @summary Records a police–enterprise engagement (警企活动): a forum, a quarterly meeting, a training,
 * a security bulletin, legal services brought to enterprises, a party-building event or a dispute
 * analysis meeting; the day it was held, how many attended, the unit that organised it and the
 * enterprises that took part. It counts in the service figures at once. Validates as the user
 * types; a failed network keeps what was typed and a retry records it once.
 *
 * @event huhang-engagement-recorded - The engagement was recorded; `detail` is the engagement.
 *
 * @csspart base - The frame.
 * @csspart title - The heading.
 * @csspart banner - The success or failure message.
 * @csspart field-error - A field's error.
 */
@customElement('huhang-engagement-form')
export class HuhangEngagementForm extends HuhangAdminElement {
  private readonly choices = choicesQuery(this);

  private readonly form = new FormModel(
    this,
    () => ({ type: '', title: '', heldOn: today(), attendees: '0', organizerId: '', enterpriseIds: [] as string[] }),
    () => {
      const r = rules(this.t);
      return {
        type: [r.required],
        title: [r.required, r.within(RecordEngagementInputLimits.title)],
        heldOn: [r.required, r.date, r.notFuture],
        attendees: [r.required, r.within(RecordEngagementInputLimits.attendees)],
        enterpriseIds: [r.within(RecordEngagementInputLimits.enterpriseIds)],
      };
    },
  );

  /** The park it was held in: the page's park, else the first enterprise's, else the user's first. */
  private parkOf(choices: { enterprises: { nodes: { id: string; park: { id: string } }[] } }) {
    const chosen = this.form.values.enterpriseIds as string[];
    return (
      this.setting('park') ??
      choices.enterprises.nodes.find((e) => chosen.includes(e.id))?.park.id ??
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
    const saved = await this.form.submit(
      this.t,
      (idempotencyKey) =>
        this.mutate(RecordEngagementDocument, {
          input: {
            parkId: this.parkOf(choices),
            type: v.type as EngagementType,
            title: String(v.title).trim(),
            heldOn: String(v.heldOn),
            attendees: Number(v.attendees),
            organizerId: v.organizerId ? String(v.organizerId) : null,
            enterpriseIds: [...(v.enterpriseIds as string[])],
            idempotencyKey,
          },
        }),
      this.shadowRoot,
    );
    const engagement = saved?.recordEngagement.engagement;
    if (engagement) this.dispatchEvent(new HuhangEvent('huhang-engagement-recorded', engagement));
  }

  override render() {
    const t = this.t;
    const te = t.engagementForm;
    return adminFrame(this, te.title, () =>
      renderQuery(
        this,
        this.choices,
        ({ enterprises, policeUnits }) =>
          html`<form @submit=${this.save} novalidate>
            <div class="row">
              ${field(this.form, 'type', te.type, 'select', {
                choices: TYPES.map((type) => ({ value: type, label: te.types[type] })),
                required: true,
                t,
              })}
              ${field(this.form, 'heldOn', te.heldOn, 'date', { required: true, t })}
            </div>
            ${field(this.form, 'title', te.name, 'text', { required: true, t, hint: te.nameHint })}
            <div class="row">
              ${field(this.form, 'attendees', te.attendees, 'number', { required: true, t })}
              ${field(this.form, 'organizerId', te.organizer, 'select', {
                choices: policeUnits.nodes.map((unit) => ({ value: unit.id, label: unit.name })),
                t,
              })}
            </div>
            <div class="choices-scroll">
              ${field(this.form, 'enterpriseIds', te.enterprises, 'checkboxes', {
                choices: enterprises.nodes.map((n) => ({ value: n.id, label: n.name })),
                t,
              })}
            </div>
            ${banner(this.form)}
            <div class="actions">
              <button type="submit" ?disabled=${this.form.submitting}>${this.form.submitting ? t.form.saving : te.record}</button>
            </div>
          </form>`,
      ),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'huhang-engagement-form': HuhangEngagementForm;
  }
}
