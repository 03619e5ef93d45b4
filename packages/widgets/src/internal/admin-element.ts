import type { Document } from './client';
import { HuhangElement } from './huhang-element';
import type { Session } from './session';
import { SessionController } from './session-controller';
import { formStyles } from './styles';

/**
 * The base of the back-office widgets: they act as the user signed in with `<huhang-sign-in>` on
 * the same API (or with a `token` attribute), through their `SessionController`.
 */
export class HuhangAdminElement extends HuhangElement {
  static override styles = [...HuhangElement.styles, formStyles];

  protected readonly sessions = new SessionController(this, this.settings);

  get session(): Session {
    return this.sessions.session;
  }

  get signedIn(): boolean {
    return this.sessions.signedIn;
  }

  override get identity(): unknown {
    return this.sessions.identity;
  }

  override run<R, V>(document: Document<R, V>, variables: V, options: { fresh?: boolean } = {}): Promise<R> {
    return this.sessions.run(document, variables, options);
  }

  /** A write: never shared; afterwards every list asks the API again. */
  mutate<R, V>(document: Document<R, V>, variables: V): Promise<R> {
    return this.sessions.mutate(document, variables);
  }
}
