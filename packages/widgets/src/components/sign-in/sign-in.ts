import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { HuhangEvent } from '../../events/events';
import { HuhangAdminElement } from '../../internal/admin-element';
import { ApiError } from '../../internal/client';
import { FormModel, banner, field, rules } from '../../internal/form';
import { frame } from '../../internal/views';

/**
 * @summary Signs a park administrator or officer in to the API; every admin widget on the page then
 * acts as that user. Shows who is signed in, with a button to sign out.
 *
 * @event huhang-signed-in - Signed in; `detail` is the user.
 * @event huhang-signed-out - Signed out.
 *
 * @csspart base - The frame.
 * @csspart title - The heading.
 * @csspart banner - The failure message.
 * @csspart field-error - A field's error.
 */
@customElement('huhang-sign-in')
export class HuhangSignIn extends HuhangAdminElement {
  private readonly form = new FormModel(
    this,
    () => ({ username: '', password: '' }),
    () => {
      const r = rules(this.t);
      return { username: [r.required], password: [r.required] };
    },
  );

  private async signIn(e: Event) {
    e.preventDefault();
    const t = this.t;
    const user = await this.form.submit(
      t,
      () =>
        this.session.signIn(String(this.form.values.username).trim(), String(this.form.values.password)).catch((error: unknown) => {
          if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') {
            const minutes = Number(error.extensions.retryAfter ?? 0) / 60;
            throw new ApiError(
              'api',
              error.reason === 'ACCOUNT_LOCKED' ? t.signIn.locked(Math.ceil(minutes) || 15) : t.signIn.failed,
              'BAD_CREDENTIALS',
            );
          }
          throw error;
        }),
      this.shadowRoot,
    );
    if (user) {
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
      return frame(
        this,
        t.signIn.signedInAs(user.displayName),
        html`<div class="actions">
          <span class="muted">${user.username} · ${user.parks.map((p) => p.name).join('、')}</span>
          <button class="secondary" @click=${this.signOut}>${t.signIn.signOut}</button>
        </div>`,
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
