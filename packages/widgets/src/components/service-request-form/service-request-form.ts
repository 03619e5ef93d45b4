import { ReceiveServiceRequestInputLimits, type RequestSource, type ServiceChannel, type ServiceRequestKind } from '@huhang/schema';
import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { REQUEST_WORDS, type RequestWords } from '../../internal/request-words';
import { HuhangEvent } from '../../events/events';
import { ReceiveServiceRequestDocument } from '../../generated/admin-operations';
import { HuhangAdminElement } from '../../internal/admin-element';
import { choicesQuery, keysOf } from '../../internal/choices';
import { FormModel, banner, field, rules } from '../../internal/form';
import { adminFrame, renderQuery } from '../../internal/views';

const KINDS = keysOf(REQUEST_WORDS['zh-CN']!.requests.kinds);
/** Appointments are booked with a time, which the table's own workflow sets; this form takes the others. */
const CHANNELS = keysOf(REQUEST_WORDS['zh-CN']!.requests.channels).filter((channel) => channel !== 'APPOINTMENT');
const SOURCES = keysOf(REQUEST_WORDS['zh-CN']!.requestForm.sources);

/**
 * @summary Receives an enterprise's request into the closed loop (受理企业诉求): what is asked, how it
 * will be served and where it came from; its time limit follows from the working calendar (3 working
 * days, 7 for a complex request). Validates as the user types; a failed network keeps what was typed
 * and a retry records it once.
 *
 * @event huhang-service-request-received - The request was received; `detail` is the request.
 *
 * @csspart base - The frame.
 * @csspart title - The heading.
 * @csspart banner - The success or failure message.
 * @csspart field-error - A field's error.
 */
@customElement('huhang-service-request-form')
export class HuhangServiceRequestForm extends HuhangAdminElement {
  private readonly choices = choicesQuery(this);
  /** When each attempt was received, by its idempotency key: a retry sends the same time, so the API sees the same request. */
  private readonly receivedAt = new Map<string, string>();

  private readonly form = new FormModel(
    this,
    () => ({ enterpriseId: '', kind: '', channel: '', source: '', description: '', complex: 'false' }),
    () => {
      const r = rules(this.t);
      return {
        enterpriseId: [r.required],
        kind: [r.required],
        channel: [r.required],
        source: [r.required],
        description: [r.required, r.within(ReceiveServiceRequestInputLimits.description)],
      };
    },
  );

  private async save(e: Event) {
    e.preventDefault();
    const v = this.form.values;
    const saved = await this.form.submit(
      this.t,
      (idempotencyKey) => {
        const receivedAt = this.receivedAt.get(idempotencyKey) ?? new Date().toISOString();
        this.receivedAt.set(idempotencyKey, receivedAt);
        return this.mutate(ReceiveServiceRequestDocument, {
          input: {
            enterpriseId: String(v.enterpriseId),
            kind: v.kind as ServiceRequestKind,
            channel: v.channel as ServiceChannel,
            source: v.source as RequestSource,
            description: String(v.description).trim(),
            complex: v.complex === 'true',
            receivedAt,
            idempotencyKey,
          },
        });
      },
      this.shadowRoot,
    );
    const request = saved?.receiveServiceRequest.serviceRequest;
    if (request) {
      this.receivedAt.clear();
      this.dispatchEvent(new HuhangEvent('huhang-service-request-received', request));
    }
  }

  /** The widget's own words, in the reader's language. */
  private get rw(): RequestWords {
    return REQUEST_WORDS[this.t.$code] ?? REQUEST_WORDS['zh-CN']!;
  }

  override render() {
    const t = this.t;
    const tf = this.rw.requestForm;
    return adminFrame(this, tf.title, () =>
      renderQuery(this, this.choices, ({ enterprises }) => {
        return html`<form @submit=${this.save} novalidate>
          <div class="row">
            ${field(this.form, 'enterpriseId', tf.enterprise, 'select', {
              choices: enterprises.nodes.map((n) => ({ value: n.id, label: n.name })),
              required: true,
              t,
            })}
            ${field(this.form, 'kind', tf.kind, 'select', {
              choices: KINDS.map((k) => ({ value: k, label: this.rw.requests.kinds[k] })),
              required: true,
              t,
            })}
          </div>
          <div class="row">
            ${field(this.form, 'channel', tf.channel, 'select', {
              choices: CHANNELS.map((c) => ({ value: c, label: this.rw.requests.channels[c] })),
              required: true,
              t,
            })}
            ${field(this.form, 'source', tf.source, 'select', {
              choices: SOURCES.map((s) => ({ value: s, label: tf.sources[s] })),
              required: true,
              t,
            })}
          </div>
          ${field(this.form, 'description', tf.description, 'textarea', { required: true, t })}
          ${field(this.form, 'complex', tf.complex, 'checkbox', { t })} ${banner(this.form)}
          <div class="actions">
            <button type="submit" ?disabled=${this.form.submitting}>${this.form.submitting ? t.form.saving : tf.receive}</button>
          </div>
        </form>`;
      }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'huhang-service-request-form': HuhangServiceRequestForm;
  }
}
