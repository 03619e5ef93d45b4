import { html } from 'lit';
import { execute, forgetSharedAnswers, type Document } from './client';
import { HuhangElement } from './huhang-element';
import { SESSION_CHANGE, Session } from './session';
import { formStyles } from './styles';

/**
 * What the back-office widgets share: they act as the user signed in with `<huhang-sign-in>` on
 * the same API (or with a `token` attribute), and forget shared answers after every write.
 */
export class HuhangAdminElement extends HuhangElement {
  static override styles = [...HuhangElement.styles, formStyles];

  override connectedCallback(): void {
    super.connectedCallback();
    const update = () => this.requestUpdate();
    window.addEventListener(SESSION_CHANGE, update);
    this.unsubscribe.push(() => window.removeEventListener(SESSION_CHANGE, update));
  }

  get session(): Session {
    return Session.for(this.resolvedEndpoint);
  }

  get signedIn(): boolean {
    return Boolean(this.setting('token') || this.session.user);
  }

  override get identity(): unknown {
    return [this.resolvedEndpoint, this.setting('token') ?? this.session.user?.id ?? null];
  }

  override run<R, V>(document: Document<R, V>, variables: V, options: { fresh?: boolean } = {}): Promise<R> {
    const token = this.setting('token');
    return token
      ? execute({ endpoint: this.resolvedEndpoint, token }, document, variables, options)
      : this.session.execute(document, variables, options);
  }

  /** A write: never shared; afterwards every list asks the API again. */
  async mutate<R, V>(document: Document<R, V>, variables: V): Promise<R> {
    const result = await this.run(document, variables);
    forgetSharedAnswers();
    return result;
  }

  /** The frame, or a request to sign in first. */
  protected adminFrame(title: string, body: () => unknown, options: Parameters<HuhangElement['frame']>[2] = {}) {
    if (!this.signedIn) return this.frame(title, html`<p class="state muted" part="signed-out">${this.t.signIn.required}</p>`);
    return this.frame(title, body(), options);
  }
}
