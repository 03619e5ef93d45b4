import { RecordVisitInputLimits, type VisitActivity } from '@huhang/schema';
import zhCN from '../../translations/zh-CN';
import { keysOf } from '../../internal/choices';
import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { HuhangEvent } from '../../events/events';
import { RecordVisitDocument } from '../../generated/admin-operations';
import { HuhangAdminElement } from '../../internal/admin-element';
import { choicesQuery } from '../../internal/choices';
import { FormModel, banner, field, rules } from '../../internal/form';
import { today } from '../../internal/period';
import { adminFrame, renderQuery } from '../../internal/views';

/** The API's visit activities, in the order the default translation lists them. */
const ACTIVITIES = keysOf(zhCN.visit.activityNames);

/**
 * @summary Records a liaison officer's visit to an enterprise (走访): who, where, when, what was
 * done and what was found. Validates as the user types; a failed network keeps what was typed.
 *
 * @event huhang-visit-saved - The visit was recorded; `detail` is the visit.
 *
 * @csspart base - The frame.
 * @csspart title - The heading.
 * @csspart banner - The success or failure message.
 * @csspart field-error - A field's error.
 */
@customElement('huhang-visit-form')
export class HuhangVisitForm extends HuhangAdminElement {
  private readonly choices = choicesQuery(this);

  private readonly form = new FormModel(
    this,
    () => ({ enterpriseId: '', officerId: this.session.user?.officer?.id ?? '', visitedOn: today(), activities: [], findings: '' }),
    () => {
      const r = rules(this.t);
      return {
        enterpriseId: [r.required],
        officerId: [r.required],
        visitedOn: [r.required, r.date, r.notFuture],
        activities: [r.required, r.within(RecordVisitInputLimits.activities)],
        findings: [r.within(RecordVisitInputLimits.findings)],
      };
    },
  );

  private async save(e: Event) {
    e.preventDefault();
    const v = this.form.values;
    const saved = await this.form.submit(
      this.t,
      (idempotencyKey) =>
        this.mutate(RecordVisitDocument, {
          input: {
            enterpriseId: String(v.enterpriseId),
            officerId: String(v.officerId),
            visitedOn: String(v.visitedOn),
            activities: v.activities as VisitActivity[],
            findings: String(v.findings).trim(),
            idempotencyKey,
          },
        }),
      this.shadowRoot,
    );
    if (saved?.recordVisit.visit) this.dispatchEvent(new HuhangEvent('huhang-visit-saved', saved.recordVisit.visit));
  }

  override render() {
    const t = this.t;
    return adminFrame(this, t.visit.title, () =>
      renderQuery(this, this.choices, ({ enterprises, officers }) => {
        const choose = (nodes: { id: string; name: string }[]) => nodes.map((n) => ({ value: n.id, label: n.name }));
        return html`<form @submit=${this.save} novalidate>
          <div class="row">
            ${field(this.form, 'enterpriseId', t.visit.enterprise, 'select', { choices: choose(enterprises.nodes), required: true, t })}
            ${field(this.form, 'officerId', t.visit.officer, 'select', { choices: choose(officers.nodes), required: true, t })}
            ${field(this.form, 'visitedOn', t.visit.visitedOn, 'date', { required: true, t })}
          </div>
          ${field(this.form, 'activities', t.visit.activities, 'checkboxes', {
            choices: ACTIVITIES.map((a) => ({ value: a, label: t.visit.activityNames[a] })),
            required: true,
            t,
          })}
          ${field(this.form, 'findings', t.visit.findings, 'textarea', { t })} ${banner(this.form)}
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
    'huhang-visit-form': HuhangVisitForm;
  }
}
