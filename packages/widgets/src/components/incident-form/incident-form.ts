import { RecordIncidentInputLimits, type IncidentType } from '@huhang/schema';
import zhCN from '../../translations/zh-CN';
import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { HuhangEvent } from '../../events/events';
import { RecordIncidentDocument } from '../../generated/admin-operations';
import { HuhangAdminElement } from '../../internal/admin-element';
import { choicesQuery, keysOf } from '../../internal/choices';
import { FormModel, banner, field, rules, type Rule } from '../../internal/form';
import { adminFrame, renderQuery } from '../../internal/views';

const TYPES = keysOf(zhCN.incidentForm.types);

/** Now, as a `datetime-local` value on the Beijing clock: `2026-12-01T13:05`. */
function beijingNow(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 16);
}

/** A `datetime-local` value on the Beijing clock as an instant; null when empty. */
export function beijingInstant(local: string): string | null {
  return local ? new Date(`${local}:00+08:00`).toISOString() : null;
}

/**
 * @summary Records an incident (警情) and its response timeline: when the report came in, when officers
 * were dispatched, arrived and closed it (Beijing time, each no earlier than the step before), its
 * kind, the enterprise or zone, the units that responded jointly, whether the quick-response
 * mechanism handled it, what happened and how it ended. The response time follows from the
 * timeline. Validates as the user types; a failed network keeps what was typed and a retry records
 * it once.
 *
 * @event huhang-incident-recorded - The incident was recorded; `detail` is the incident with its response minutes.
 *
 * @csspart base - The frame.
 * @csspart title - The heading.
 * @csspart banner - The success or failure message.
 * @csspart field-error - A field's error.
 * @csspart response - The response time of the incident just recorded.
 */
@customElement('huhang-incident-form')
export class HuhangIncidentForm extends HuhangAdminElement {
  private readonly choices = choicesQuery(this);
  /** The response time of the incident just recorded (null: no arrival time); undefined before one is. */
  @state() private responseMinutes?: number | null;

  private readonly form = new FormModel(
    this,
    () => ({
      type: '',
      receivedAt: beijingNow(),
      dispatchedAt: '',
      arrivedAt: '',
      closedAt: '',
      enterpriseId: '',
      zoneId: '',
      quickResponse: 'false',
      jointUnitIds: [] as string[],
      summary: '',
      outcome: '',
    }),
    () => {
      const r = rules(this.t);
      const ti = this.t.incidentForm;
      const notFuture: Rule = (v) => (String(v) && String(v) > beijingNow() ? this.t.form.futureDate : undefined);
      return {
        type: [r.required],
        receivedAt: [r.required, notFuture],
        dispatchedAt: [notFuture, r.notBefore('receivedAt', ti.receivedAt)],
        arrivedAt: [notFuture, r.notBefore('dispatchedAt', ti.dispatchedAt), r.notBefore('receivedAt', ti.receivedAt)],
        closedAt: [notFuture, r.notBefore('arrivedAt', ti.arrivedAt), r.notBefore('receivedAt', ti.receivedAt)],
        jointUnitIds: [r.within(RecordIncidentInputLimits.jointUnitIds)],
        summary: [r.within(RecordIncidentInputLimits.summary)],
        outcome: [r.within(RecordIncidentInputLimits.outcome)],
      };
    },
  );

  /** The park, when neither an enterprise nor a zone names it: the page's, else the user's first. */
  private parkOf(choices: { enterprises: { nodes: { park: { id: string } }[] } }) {
    return this.setting('park') ?? this.session.user?.parks[0]?.id ?? choices.enterprises.nodes[0]?.park.id ?? null;
  }

  private async save(e: Event) {
    e.preventDefault();
    const v = this.form.values;
    const choices = this.choices.data;
    if (!choices) return;
    const enterpriseId = v.enterpriseId ? String(v.enterpriseId) : null;
    const zoneId = !enterpriseId && v.zoneId ? String(v.zoneId) : null;
    this.responseMinutes = undefined;
    const saved = await this.form.submit(
      this.t,
      (idempotencyKey) =>
        this.mutate(RecordIncidentDocument, {
          input: {
            type: v.type as IncidentType,
            receivedAt: beijingInstant(String(v.receivedAt))!,
            dispatchedAt: beijingInstant(String(v.dispatchedAt)),
            arrivedAt: beijingInstant(String(v.arrivedAt)),
            closedAt: beijingInstant(String(v.closedAt)),
            enterpriseId,
            zoneId,
            parkId: enterpriseId || zoneId ? null : this.parkOf(choices),
            quickResponse: v.quickResponse === 'true',
            jointUnitIds: [...(v.jointUnitIds as string[])],
            summary: String(v.summary).trim(),
            outcome: String(v.outcome).trim(),
            idempotencyKey,
          },
        }),
      this.shadowRoot,
    );
    const incident = saved?.recordIncident.incident;
    if (incident) {
      this.responseMinutes = incident.responseMinutes ?? null;
      this.dispatchEvent(new HuhangEvent('huhang-incident-recorded', incident));
    }
  }

  override render() {
    const t = this.t;
    const ti = t.incidentForm;
    return adminFrame(this, ti.title, () =>
      renderQuery(this, this.choices, ({ enterprises, teams, policeUnits }) => {
        const zones = teams.nodes[0]?.park.zones.nodes ?? [];
        return html`<form @submit=${this.save} novalidate>
          <div class="row">
            ${field(this.form, 'type', ti.type, 'select', {
              choices: TYPES.map((type) => ({ value: type, label: ti.types[type] })),
              required: true,
              t,
            })}
            ${field(this.form, 'quickResponse', ti.quickResponse, 'checkbox', { t })}
          </div>
          <fieldset class="timeline">
            <legend>${ti.timeline}</legend>
            <div class="row">
              ${field(this.form, 'receivedAt', ti.receivedAt, 'datetime-local', { required: true, t })}
              ${field(this.form, 'dispatchedAt', ti.dispatchedAt, 'datetime-local', { t })}
            </div>
            <div class="row">
              ${field(this.form, 'arrivedAt', ti.arrivedAt, 'datetime-local', { t })}
              ${field(this.form, 'closedAt', ti.closedAt, 'datetime-local', { t })}
            </div>
          </fieldset>
          <div class="row">
            ${field(this.form, 'enterpriseId', ti.enterprise, 'select', {
              choices: enterprises.nodes.map((n) => ({ value: n.id, label: n.name })),
              t,
            })}
            ${field(this.form, 'zoneId', ti.zone, 'select', {
              choices: zones.map((n) => ({ value: n.id, label: n.name })),
              t,
              hint: ti.zoneHint,
            })}
          </div>
          <div class="choices-scroll">
            ${field(this.form, 'jointUnitIds', ti.jointUnits, 'checkboxes', {
              choices: policeUnits.nodes.map((n) => ({ value: n.id, label: n.name })),
              t,
            })}
          </div>
          ${field(this.form, 'summary', ti.summary, 'textarea', { t })} ${field(this.form, 'outcome', ti.outcome, 'textarea', { t })}
          ${banner(this.form)}
          ${this.responseMinutes !== undefined && this.form.banner?.kind === 'success'
            ? html`<p class="muted" part="response">
                ${this.responseMinutes === null ? ti.noResponseTime : ti.responseTime(this.responseMinutes)}
              </p>`
            : nothing}
          <div class="actions">
            <button type="submit" ?disabled=${this.form.submitting}>${this.form.submitting ? t.form.saving : ti.record}</button>
          </div>
        </form>`;
      }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'huhang-incident-form': HuhangIncidentForm;
  }
}
