import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { HuhangEvent } from '../../events/events';
import { HuhangAdminElement } from '../../internal/admin-element';
import { ApiError } from '../../internal/client';
import { FormModel, banner, field, rules } from '../../internal/form';
import { frame } from '../../internal/views';

/**
 * @summary Signs a park administrator or officer in to the API; every admin widget on the page then
 * acts as that user. Asks for the second factor of accounts that have one, and walks a user whose
 * role requires one through setting it up (with `<huhang-two-factor>`, which `huhang.js` registers).
 * Shows who is signed in, with a button to sign out.
 *
 * @event huhang-signed-in - Signed in; `detail` is the user.
 * @event huhang-signed-out - Signed out.
 *
 * @csspart base - The frame.
 * @csspart title - The heading.
 * @csspart banner - The failure message.
 * @csspart who - Signed in: the username, and the officer, parks or programs the user is.
 * @csspart field-error - A field's error.
 */
@customElement('huhang-sign-in')
export class HuhangSignIn extends HuhangAdminElement {
  /** The account has a second factor: the form asks for its code too. */
  @state() private needsCode = false;

  private readonly form = new FormModel(
    this,
    () => ({ username: '', password: '', otp: '' }),
    () => {
      const r = rules(this.t);
      return { username: [r.required], password: [r.required], ...(this.needsCode ? { otp: [r.required] } : {}) };
    },
  );

  private async signIn(e: Event) {
    e.preventDefault();
    const t = this.t;
    const values = this.form.values;
    const user = await this.form.submit(
      t,
      () =>
        this.session
          .signIn(String(values.username).trim(), String(values.password), this.needsCode ? String(values.otp).trim() : undefined)
          .catch((error: unknown) => {
            if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') {
              if (error.reason === 'TWO_FACTOR_REQUIRED') this.needsCode = true;
              const text =
                error.reason === 'ACCOUNT_LOCKED'
                  ? t.signIn.locked(Math.max(1, Number(error.extensions.retryAfter ?? 1)))
                  : error.reason === 'TWO_FACTOR_REQUIRED'
                    ? t.signIn.codeRequired
                    : error.reason === 'TWO_FACTOR_INVALID'
                      ? t.signIn.codeWrong
                      : t.signIn.failed;
              throw new ApiError('api', text, 'BAD_CREDENTIALS');
            }
            throw error;
          }),
      this.shadowRoot,
    );
    if (this.needsCode && !user) {
      await this.updateComplete;
      (this.shadowRoot?.querySelector('[name="otp"]') as HTMLInputElement | null)?.focus();
    }
    if (user) {
      this.needsCode = false;
      this.form.banner = undefined;
      this.dispatchEvent(new HuhangEvent('huhang-signed-in', user));
    }
  }

  private async signOut() {
    await this.session.signOut();
    this.dispatchEvent(new HuhangEvent('huhang-signed-out', null));
  }

  override render() {
    const t = this.t;
    const user = this.session.user;
    if (user) {
      // Who the user is beside the username: the officer record, else the parks, else the programs
      // (a session kept in the tab from before programs were part of it has none).
      const places = [...user.parks, ...(user.programs ?? [])].map((g) => g.name).join('、');
      const who = [user.username, user.officer?.name ?? places].filter(Boolean).join(' · ');
      return frame(
        this,
        t.signIn.signedInAs(user.displayName),
        html`<div class="actions">
            <span class="muted" part="who">${who}</span>
            <button class="secondary" @click=${this.signOut}>${t.signIn.signOut}</button>
          </div>
          ${this.session.enrolmentRequired
            ? html`<p class="banner error" role="alert" part="banner">${t.signIn.enrolmentRequired}</p>
                <huhang-two-factor
                  endpoint=${this.settings.endpoint}
                  @huhang-two-factor-enabled=${() => this.requestUpdate()}
                ></huhang-two-factor>`
            : nothing}`,
        { status: t.signIn.signedInAs(user.displayName) },
      );
    }
    return frame(
      this,
      t.signIn.title,
      html`<form @submit=${this.signIn} novalidate>
        ${banner(this.form)}
        <div class="row">
          ${field(this.form, 'username', t.signIn.username, 'text', { required: true, autocomplete: 'username' })}
          ${field(this.form, 'password', t.signIn.password, 'password', { required: true, autocomplete: 'current-password' })}
          ${this.needsCode
            ? field(this.form, 'otp', t.signIn.code, 'text', { required: true, autocomplete: 'one-time-code', hint: t.signIn.codeHint })
            : nothing}
        </div>
        <div class="actions">
          <button type="submit" ?disabled=${this.form.submitting}>${this.form.submitting ? t.signIn.submitting : t.signIn.submit}</button>
        </div>
      </form>`,
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'huhang-sign-in': HuhangSignIn;
  }
}
