import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { execute, forgetSharedAnswers, type Credentials, type Document } from './client';
import { SESSION_CHANGE, Session } from './session';
import type { SettingsController } from './settings-controller';

/**
 * Who a back-office widget acts as: the user signed in with `<huhang-sign-in>` on the same API, or a
 * `token` attribute. The host updates when anyone signs in or out; writes forget shared answers.
 */
export class SessionController implements ReactiveController {
  private readonly update = () => this.host.requestUpdate();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly settings: SettingsController,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener(SESSION_CHANGE, this.update);
  }

  hostDisconnected(): void {
    window.removeEventListener(SESSION_CHANGE, this.update);
  }

  get session(): Session {
    return Session.for(this.settings.endpoint);
  }

  get signedIn(): boolean {
    return Boolean(this.settings.get('token') || this.session.user);
  }

  /** Who asks, part of what makes a query's answer its own. */
  get identity(): unknown {
    return [this.settings.endpoint, this.settings.get('token') ?? this.session.user?.id ?? null];
  }

  run<R, V>(document: Document<R, V>, variables: V, options: { fresh?: boolean } = {}): Promise<R> {
    const token = this.settings.get('token');
    return token
      ? execute({ endpoint: this.settings.endpoint, token }, document, variables, options)
      : this.session.execute(document, variables, options);
  }

  /** `work` with the credentials `run` would use (the access token renewed once if it had expired). */
  withCredentials<R>(work: (credentials: Credentials) => Promise<R>): Promise<R> {
    const token = this.settings.get('token');
    return token ? work({ endpoint: this.settings.endpoint, token }) : this.session.withCredentials(work);
  }

  /** A write: never shared; afterwards every list asks the API again. */
  async mutate<R, V>(document: Document<R, V>, variables: V): Promise<R> {
    const result = await this.run(document, variables);
    forgetSharedAnswers();
    return result;
  }
}
