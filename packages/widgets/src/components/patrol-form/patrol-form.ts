import { RecordPatrolInputLimits } from '@huhang/schema';
import zhCN from '../../translations/zh-CN';
import { keysOf } from '../../internal/choices';
import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { HuhangEvent } from '../../events/events';
import { RecordPatrolDocument } from '../../generated/admin-operations';
import { HuhangAdminElement } from '../../internal/admin-element';
import { choicesQuery } from '../../internal/choices';
import { FormModel, banner, field, rules } from '../../internal/form';
import { today } from '../../internal/period';
import { adminFrame, renderQuery } from '../../internal/views';

/** The API's patrol kinds, in the order the default translation lists them. */
const PATROL_KINDS = keysOf(zhCN.patrol.kinds);
const COUNTS = ['personTimes', 'suspiciousPersonsChecked', 'suspiciousVehiclesChecked', 'peopleAssisted', 'hazardsFound'] as const;

/**
 * @summary Records a patrol (巡逻) of a police–enterprise team: on site or by video, the zone, and
 * its figures (person-times, persons and vehicles checked, people assisted, hazards found).
 *
 * @event huhang-patrol-saved - The patrol was recorded; `detail` is the patrol.
 *
 * @csspart base - The frame.
 * @csspart title - The heading.
 * @csspart banner - The success or failure message.
 * @csspart field-error - A field's error.
 */
@customElement('huhang-patrol-form')
export class HuhangPatrolForm extends HuhangAdminElement {
  private readonly choices = choicesQuery(this);

  private readonly form = new FormModel(
    this,
    () => ({
      teamId: '',
      zoneId: '',
      patrolledOn: today(),
      kind: 'ON_SITE',
      notes: '',
      ...Object.fromEntries(COUNTS.map((c) => [c, '0'])),
    }),
    () => {
      const r = rules(this.t);
      return {
        teamId: [r.required],
        zoneId: [],
        patrolledOn: [r.required, r.date, r.notFuture],
        kind: [r.required],
        notes: [r.within(RecordPatrolInputLimits.notes)],
        ...Object.fromEntries(COUNTS.map((c) => [c, [r.within(RecordPatrolInputLimits[c])]])),
      };
    },
  );

  private async save(e: Event) {
    e.preventDefault();
    const v = this.form.values;
    const saved = await this.form.submit(
      this.t,
      (idempotencyKey) =>
        this.mutate(RecordPatrolDocument, {
          input: {
            teamId: String(v.teamId),
            zoneId: v.zoneId ? String(v.zoneId) : null,
            patrolledOn: String(v.patrolledOn),
            kind: v.kind as 'ON_SITE' | 'VIDEO',
            notes: String(v.notes).trim(),
            ...Object.fromEntries(COUNTS.map((c) => [c, Number(v[c] || 0)])),
            idempotencyKey,
          },
        }),
      this.shadowRoot,
    );
    if (saved?.recordPatrol.patrol) this.dispatchEvent(new HuhangEvent('huhang-patrol-saved', saved.recordPatrol.patrol));
  }

  override render() {
    const t = this.t;
    return adminFrame(this, t.patrol.title, () =>
      renderQuery(this, this.choices, ({ teams: all }) => {
        // Patrols are the patrol teams' records (巡逻联防队), not the mediation or service teams'.
        const teams = all.nodes.filter((n) => n.type === 'PATROL');
        const team = teams.find((n) => n.id === this.form.values.teamId);
        return html`<form @submit=${this.save} novalidate>
          <div class="row">
            ${field(this.form, 'teamId', t.patrol.team, 'select', {
              choices: teams.map((n) => ({ value: n.id, label: n.name })),
              required: true,
              t,
            })}
            ${field(this.form, 'zoneId', t.patrol.zone, 'select', {
              choices: (team?.park.zones.nodes ?? []).map((z) => ({ value: z.id, label: z.name })),
              t,
            })}
            ${field(this.form, 'patrolledOn', t.patrol.patrolledOn, 'date', { required: true, t })}
          </div>
          ${field(this.form, 'kind', t.patrol.kind, 'radios', {
            choices: PATROL_KINDS.map((k) => ({ value: k, label: t.patrol.kinds[k] })),
            required: true,
            t,
          })}
          <div class="row">${COUNTS.map((c) => field(this.form, c, t.patrol[c], 'number', { required: true, t }))}</div>
          ${field(this.form, 'notes', t.patrol.notes, 'textarea', { t })} ${banner(this.form)}
          <div class="actions">
            <button type="submit" ?disabled=${this.form.submitting}>${this.form.submitting ? t.form.saving : t.form.save}</button>
          </div>
        </form>`;
      }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'huhang-patrol-form': HuhangPatrolForm;
  }
}
