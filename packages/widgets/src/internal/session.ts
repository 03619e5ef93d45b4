import { RefreshSessionDocument, SignInDocument, SignOutDocument } from '../generated/admin-operations';
import type { SessionUserFragment } from '@huhang/schema';
import { ApiError, execute, forgetSharedAnswers, type Credentials, type Document } from './client';

export type SessionUser = SessionUserFragment;

interface Stored {
  accessToken: string;
  refreshToken: string;
  user: SessionUser;
  /** The role signs in with two factors and the user has none yet: nothing but enrolment works. */
  enrolmentRequired?: boolean;
}

/** Fired on `window` when someone signs in or out, so that every admin widget of the page follows. */
export const SESSION_CHANGE = 'huhang-session-change';

const storageKey = (endpoint: string) => `huhang.session:${endpoint}`;

/**
 * The signed-in user of one API, shared by the admin widgets of a tab. Kept in sessionStorage (the
 * tab's lifetime); the 15-minute access token is renewed with the refresh token when it expires.
 */
export class Session {
  private static readonly sessions = new Map<string, Session>();
  private refreshing?: Promise<void>;

  static for(endpoint: string): Session {
    let session = Session.sessions.get(endpoint);
    if (!session) Session.sessions.set(endpoint, (session = new Session(endpoint)));
    return session;
  }

  private constructor(readonly endpoint: string) {}

  private get stored(): Stored | undefined {
    try {
      const text = sessionStorage.getItem(storageKey(this.endpoint));
      return text ? (JSON.parse(text) as Stored) : undefined;
    } catch {
      return undefined;
    }
  }

  private set stored(value: Stored | undefined) {
    if (value) sessionStorage.setItem(storageKey(this.endpoint), JSON.stringify(value));
    else sessionStorage.removeItem(storageKey(this.endpoint));
    forgetSharedAnswers();
    window.dispatchEvent(new CustomEvent(SESSION_CHANGE, { detail: { endpoint: this.endpoint } }));
  }

  get user(): SessionUser | undefined {
    return this.stored?.user;
  }

  /** Whether this session may only enrol a second factor, as its role requires. */
  get enrolmentRequired(): boolean {
    return this.stored?.enrolmentRequired ?? false;
  }

  /** Signs in; `otp` is the second factor of users who have one (a code from the app or a recovery code). */
  async signIn(username: string, password: string, otp?: string): Promise<SessionUser> {
    const { login } = await execute({ endpoint: this.endpoint }, SignInDocument, { input: { username, password, otp: otp || null } });
    this.stored = {
      accessToken: login.accessToken,
      refreshToken: login.refreshToken,
      user: login.user,
      enrolmentRequired: login.twoFactorEnrolmentRequired,
    };
    return login.user;
  }

  /** The second factor is confirmed: the session may do what its role allows. */
  enrolled(): void {
    const stored = this.stored;
    if (stored) this.stored = { ...stored, enrolmentRequired: false };
  }

  async signOut(): Promise<void> {
    const stored = this.stored;
    this.stored = undefined;
    if (stored) await execute({ endpoint: this.endpoint, token: stored.accessToken }, SignOutDocument, {}).catch(() => undefined);
  }

  private refresh(): Promise<void> {
    this.refreshing ??= (async () => {
      const stored = this.stored;
      if (!stored) throw new ApiError('api', 'signed out', 'UNAUTHENTICATED');
      try {
        const { refreshToken } = await execute({ endpoint: this.endpoint }, RefreshSessionDocument, {
          input: { refreshToken: stored.refreshToken },
        });
        this.stored = {
          accessToken: refreshToken.accessToken,
          refreshToken: refreshToken.refreshToken,
          user: refreshToken.user,
          enrolmentRequired: refreshToken.twoFactorEnrolmentRequired,
        };
      } catch (error) {
        if (error instanceof ApiError && error.kind === 'api') this.stored = undefined;
        throw error;
      }
    })().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  /** Runs an operation as the signed-in user, renewing the access token once when it has expired. */
  execute<R, V>(document: Document<R, V>, variables: V, options: { fresh?: boolean } = {}): Promise<R> {
    return this.withCredentials((credentials) => execute(credentials, document, variables, options));
  }

  /** `work` with the signed-in user's credentials, once more after renewing the access token if it had expired. */
  async withCredentials<R>(work: (credentials: Credentials) => Promise<R>): Promise<R> {
    const credentials = (): Credentials => ({ endpoint: this.endpoint, token: this.stored?.accessToken });
    if (!this.stored) throw new ApiError('api', 'signed out', 'UNAUTHENTICATED');
    try {
      return await work(credentials());
    } catch (error) {
      if (!(error instanceof ApiError) || error.code !== 'UNAUTHENTICATED' || error.reason !== 'TOKEN_EXPIRED') throw error;
      await this.refresh();
      return work(credentials());
    }
  }
}
