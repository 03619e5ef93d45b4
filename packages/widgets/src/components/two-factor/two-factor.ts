import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { HuhangEvent } from '../../events/events';
import { ConfirmTwoFactorDocument, StartTwoFactorDocument, TwoFactorStatusDocument } from '../../generated/admin-operations';
import { HuhangAdminElement } from '../../internal/admin-element';
import { ApiError } from '../../internal/client';
import { FormModel, banner, describeFailure, field, rules } from '../../internal/form';
import { QueryController } from '../../internal/query';
import { adminFrame, renderQuery } from '../../internal/views';

/**
 * @summary The signed-in user's two-factor sign-in (双因素认证): whether it is on, and setting it up
 * with an authenticator app — the key to type (or a link that opens the app on a phone), a code to
 * confirm, then the one-time recovery codes, shown once.
 *
 * @event huhang-two-factor-enabled - Two-factor sign-in was turned on.
 *
 * @csspart base - The frame.
 * @csspart title - The heading.
 * @csspart secret - The key to type into the app.
 * @csspart recovery-codes - The list of recovery codes.
 * @csspart banner - The outcome.
 * @csspart field-error - A field's error.
 */
@customElement('huhang-two-factor')
export class HuhangTwoFactor extends HuhangAdminElement {
  static override styles = [
    ...HuhangAdminElement.styles,
    css`
      .secret {
        font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
        font-size: 1.1em;
        letter-spacing: 0.08em;
        word-break: break-all;
        user-select: all;
      }
      input[name='code'] {
        max-width: 10em;
        letter-spacing: 0.2em;
      }
      h3 {
        margin: 1rem 0 0.25rem;
        font-size: 1em;
      }
      .codes {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(9em, 1fr));
        gap: 0.25rem 1rem;
        padding: 0;
        list-style: none;
        font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
      }
    `,
  ];

  @state() private enrolment?: { secret: string; uri: string };
  @state() private recoveryCodes?: string[];
  @state() private starting = false;
  @state() private failure?: string;

  private readonly status = new QueryController(this, TwoFactorStatusDocument, () => (this.signedIn ? {} : 'sign-in'));

  private readonly form = new FormModel(
    this,
    () => ({ code: '' }),
    () => {
      const r = rules(this.t);
      return { code: [r.required, (v) => (/^\d{6}$/.test(String(v).trim()) ? undefined : this.t.signIn.codeWrong)] };
    },
  );

  private async start() {
    this.starting = true;
    this.failure = undefined;
    try {
      this.enrolment = (await this.mutate(StartTwoFactorDocument, {})).startTwoFactorEnrolment;
      await this.updateComplete;
      (this.shadowRoot?.querySelector('[name="code"]') as HTMLInputElement | null)?.focus();
    } catch (error) {
      this.failure = describeFailure(error, this.t);
    } finally {
      this.starting = false;
    }
  }

  private async confirm(e: Event) {
    e.preventDefault();
    const code = String(this.form.values.code).trim();
    const confirmed = await this.form.submit(
      this.t,
      () =>
        this.mutate(ConfirmTwoFactorDocument, { input: { code } }).catch((error: unknown) => {
          if (error instanceof ApiError && error.reason === 'TWO_FACTOR_INVALID') {
            throw new ApiError('api', this.t.signIn.codeWrong, 'BAD_USER_INPUT', { field: 'input.code', reason: 'TWO_FACTOR_INVALID' });
          }
          throw error;
        }),
      this.shadowRoot,
    );
    if (!confirmed) return;
    this.recoveryCodes = confirmed.confirmTwoFactorEnrolment.recoveryCodes;
    this.enrolment = undefined;
    this.form.banner = { kind: 'success', text: this.t.twoFactor.enabled };
    this.session.enrolled();
    this.dispatchEvent(new HuhangEvent('huhang-two-factor-enabled', null));
  }

  private finish() {
    this.recoveryCodes = undefined;
    this.form.banner = undefined;
    void this.status.retry();
  }

  override render() {
    const t = this.t;
    return adminFrame(this, t.twoFactor.title, () => {
      if (this.recoveryCodes) {
        return html`${banner(this.form)}
          <h3>${t.twoFactor.recoveryTitle}</h3>
          <p>${t.twoFactor.recoveryNote}</p>
          <ul class="codes" part="recovery-codes">
            ${this.recoveryCodes.map((code) => html`<li>${code}</li>`)}
          </ul>
          <div class="actions"><button @click=${this.finish}>${t.twoFactor.done}</button></div>`;
      }
      if (this.enrolment) {
        const grouped = this.enrolment.secret.replace(/(.{4})/g, '$1 ').trim();
        return html`<ol>
          <li>
            <p>${t.twoFactor.step1}</p>
            <p class="secret" part="secret">${grouped}</p>
            <p><a href=${this.enrolment.uri}>${t.twoFactor.openInApp}</a></p>
          </li>
          <li>
            <p>${t.twoFactor.step2}</p>
            <form @submit=${this.confirm} novalidate>
              ${banner(this.form)}
              <div class="row">
                ${field(this.form, 'code', t.twoFactor.code, 'text', { required: true, autocomplete: 'one-time-code' })}
              </div>
              <div class="actions">
                <button type="submit" ?disabled=${this.form.submitting}>
                  ${this.form.submitting ? t.twoFactor.confirming : t.twoFactor.confirm}
                </button>
              </div>
            </form>
          </li>
        </ol>`;
      }
      return renderQuery(this, this.status, (data) => {
        const on = data.me.twoFactorEnabled === true;
        return html`<p part="status">${on ? t.twoFactor.on : t.twoFactor.off}</p>
          ${this.failure ? html`<p class="banner error" role="alert" part="banner">${this.failure}</p>` : nothing}
          ${on
            ? nothing
            : html`<div class="actions">
                <button @click=${this.start} ?disabled=${this.starting}>${this.starting ? t.twoFactor.starting : t.twoFactor.start}</button>
              </div>`}`;
      });
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'huhang-two-factor': HuhangTwoFactor;
  }
}
