import { RecordRecognitionInputLimits, type RecognitionKind } from '@huhang/schema';
import zhCN from '../../translations/zh-CN';
import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { HuhangEvent } from '../../events/events';
import { RecordRecognitionDocument } from '../../generated/admin-operations';
import { HuhangAdminElement } from '../../internal/admin-element';
import { choicesQuery, keysOf } from '../../internal/choices';
import { FormModel, banner, field, rules } from '../../internal/form';
import { today } from '../../internal/period';
import { adminFrame, renderQuery } from '../../internal/views';

const KINDS = keysOf(zhCN.recognitionForm.kinds);

/**
 * @summary Records a recognition an enterprise gave (锦旗、感谢信): a pennant or a letter, the day it was
 * received, what it says, and the officer or unit it names. It counts in the service figures at once.
 * Validates as the user types; a failed network keeps what was typed and a retry records it once.
 *
 * @event huhang-recognition-recorded - The recognition was recorded; `detail` is the recognition.
 *
 * @csspart base - The frame.
 * @csspart title - The heading.
 * @csspart banner - The success or failure message.
 * @csspart field-error - A field's error.
 */
@customElement('huhang-recognition-form')
export class HuhangRecognitionForm extends HuhangAdminElement {
  private readonly choices = choicesQuery(this);

  private readonly form = new FormModel(
    this,
    () => ({ enterpriseId: '', kind: 'PENNANT', receivedOn: today(), message: '', officerId: '', unitId: '' }),
    () => {
      const r = rules(this.t);
      return {
        enterpriseId: [r.required],
        kind: [r.required],
        receivedOn: [r.required, r.date, r.notFuture],
        message: [r.within(RecordRecognitionInputLimits.message)],
      };
    },
  );

  private async save(e: Event) {
    e.preventDefault();
    const v = this.form.values;
    const saved = await this.form.submit(
      this.t,
      (idempotencyKey) =>
        this.mutate(RecordRecognitionDocument, {
          input: {
            enterpriseId: String(v.enterpriseId),
            kind: v.kind as RecognitionKind,
            receivedOn: String(v.receivedOn),
            message: String(v.message).trim(),
            officerId: v.officerId ? String(v.officerId) : null,
            unitId: v.unitId ? String(v.unitId) : null,
            idempotencyKey,
          },
        }),
      this.shadowRoot,
    );
    const recognition = saved?.recordRecognition.recognition;
    if (recognition) this.dispatchEvent(new HuhangEvent('huhang-recognition-recorded', recognition));
  }

  override render() {
    const t = this.t;
    const tr = t.recognitionForm;
    return adminFrame(this, tr.title, () =>
      renderQuery(
        this,
        this.choices,
        ({ enterprises, officers, policeUnits }) =>
          html`<form @submit=${this.save} novalidate>
            <div class="row">
              ${field(this.form, 'enterpriseId', tr.enterprise, 'select', {
                choices: enterprises.nodes.map((n) => ({ value: n.id, label: n.name })),
                required: true,
                t,
              })}
              ${field(this.form, 'receivedOn', tr.receivedOn, 'date', { required: true, t })}
            </div>
            ${field(this.form, 'kind', tr.kind, 'radios', {
              choices: KINDS.map((kind) => ({ value: kind, label: tr.kinds[kind] })),
              required: true,
              t,
            })}
            ${field(this.form, 'message', tr.message, 'textarea', { t, hint: tr.messageHint })}
            <div class="row">
              ${field(this.form, 'officerId', tr.officer, 'select', {
                choices: officers.nodes.map((n) => ({ value: n.id, label: `${n.name}（${n.unit.name}）` })),
                t,
              })}
              ${field(this.form, 'unitId', tr.unit, 'select', {
                choices: policeUnits.nodes.map((n) => ({ value: n.id, label: n.name })),
                t,
              })}
            </div>
            ${banner(this.form)}
            <div class="actions">
              <button type="submit" ?disabled=${this.form.submitting}>${this.form.submitting ? t.form.saving : tr.record}</button>
            </div>
          </form>`,
      ),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'huhang-recognition-form': HuhangRecognitionForm;
  }
}
