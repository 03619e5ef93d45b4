import { AccountErrorReason } from './account.errors';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { unauthenticated } from '../shared/errors/domain-error';
import type { Actor } from '../shared/audit/audit';
import { decoyHash, hashPassword, needsRehash, verifyPassword } from './password';
import { loadSigningKey, opaqueToken, REFRESH_TOKEN_DAYS, sha256, signAccessToken } from './tokens';
import { secondFactorValid, twoFactorOn } from './two-factor.service';
import type { Role } from '../shared/auth/role';

/** Failed sign-ins in a row that lock the account, and for how long. */
/**
 * Failed sign-ins per username and client address: the first `free` cost nothing, then each waits
 * twice as long as the one before, from `firstDelaySeconds` up to `maxDelaySeconds`. A day without
 * failures starts the count again. Nothing locks the account itself.
 */
export const THROTTLE = { free: 3, firstDelaySeconds: 1, maxDelaySeconds: 15 * 60, forgetAfterHours: 24 };

export interface Tokens {
  userId: number;
  /** The session may only enrol a second factor (its role requires one and the user has none yet). */
  twoFactorEnrolmentRequired: boolean;
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
}

const INVALID_CREDENTIALS = () =>
  unauthenticated('用户名或密码不正确 (wrong username or password)', AccountErrorReason.INVALID_CREDENTIALS);

function throttled(seconds: number) {
  return unauthenticated(
    `登录失败次数过多，请于 ${seconds} 秒后再试 (too many failed sign-ins from here; try again in ${seconds} seconds)`,
    AccountErrorReason.ACCOUNT_LOCKED,
    { retryAfter: seconds },
  );
}

/** Seconds this username must still wait before signing in again from this address; 0 when free. */
async function waitFor(em: EntityManager, username: string, address: string): Promise<number> {
  const [row] = await em.execute<Array<{ wait: number }>>(
    `SELECT ceil(extract(epoch FROM next_allowed_at - now()))::int AS wait FROM auth_throttle
      WHERE username = ? AND client_address = ? AND next_allowed_at > now()`,
    [username, address],
  );
  return row?.wait ?? 0;
}

/** Counts a failed sign-in and returns the delay it sets. */
async function countFailure(em: EntityManager, username: string, address: string): Promise<number> {
  const { free, firstDelaySeconds, maxDelaySeconds, forgetAfterHours } = THROTTLE;
  const [row] = await em.execute<Array<{ failures: number }>>(
    `INSERT INTO auth_throttle AS t (username, client_address, failures) VALUES (?, ?, 1)
     ON CONFLICT (username, client_address) DO UPDATE
       SET failures = CASE WHEN t.last_failure_at < now() - make_interval(hours => ?) THEN 1 ELSE t.failures + 1 END,
           last_failure_at = now()
     RETURNING failures`,
    [username, address, forgetAfterHours],
  );
  const failures = row!.failures;
  const delay = failures <= free ? 0 : Math.min(maxDelaySeconds, firstDelaySeconds * 2 ** (failures - free - 1));
  await em.execute(
    `UPDATE auth_throttle SET next_allowed_at = now() + make_interval(secs => ?) WHERE username = ? AND client_address = ?`,
    [delay, username, address],
  );
  if (failures === 1) {
    await em.execute(`DELETE FROM auth_throttle WHERE last_failure_at < now() - make_interval(hours => ?)`, [forgetAfterHours]);
  }
  return delay;
}

async function audit(em: EntityManager, actor: Actor, action: string, userId: number, username: string): Promise<void> {
  await em.execute(
    `INSERT INTO audit_log (actor_type, actor_id, actor_name, action, entity, entity_id, outcome, client_address, request_id)
     VALUES ('USER', ?, ?, ?, 'User', ?, 'SUCCESS', ?, ?::uuid)`,
    [userId, username, action, userId, actor.clientAddress, actor.requestId],
  );
}

/** The session's tokens, the access token signed with `signingKey` (the server's), else with the key the database keeps. */
async function issue(
  em: EntityManager,
  userId: number,
  sessionId: string,
  refreshToken: string,
  signingKey: Uint8Array | undefined,
): Promise<Tokens> {
  const [session] = await em.execute<Array<{ expires_at: Date; second_factor_pending: boolean }>>(
    'SELECT expires_at, second_factor_pending FROM auth_session WHERE id = ?::uuid',
    [sessionId],
  );
  const access = await signAccessToken(signingKey ?? (await loadSigningKey(em)), { userId, sessionId });
  return {
    userId,
    twoFactorEnrolmentRequired: session.second_factor_pending,
    accessToken: access.token,
    accessTokenExpiresAt: access.expiresAt,
    refreshToken,
    refreshTokenExpiresAt: new Date(session.expires_at),
  };
}

export interface SignIn {
  username: string;
  password: string;
  /** The second factor: a code from the authenticator app or a recovery code. */
  otp?: string | null;
}

/**
 * Signs in: checks the password (as slowly for an unknown user as for a known one) and, when the user
 * has one, the second factor; slows failures down per username and address (THROTTLE); opens a
 * session and returns its tokens. A user whose role is in `twoFactorRoles` and who has no second
 * factor yet gets a session that may only enrol one.
 */
export async function login(
  em: EntityManager,
  input: SignIn,
  actor: Actor,
  twoFactorRoles: ReadonlySet<Role> = new Set(),
  signingKey?: Uint8Array,
): Promise<Tokens> {
  const { username, password } = input;
  const name = username.trim().toLowerCase();
  const address = actor.clientAddress ?? 'unknown';
  const wait = await waitFor(em, name, address);
  if (wait > 0) throw throttled(wait);
  const [user] = await em.execute<Array<{ id: number; username: string; role: Role; password_hash: string; disabled_at: Date | null }>>(
    'SELECT id, username, role, password_hash, disabled_at FROM app_user WHERE lower(username) = lower(?)',
    [name],
  );
  // An unknown user costs the same time and counts the same as a wrong password.
  const right = await verifyPassword(password, user ? user.password_hash : await decoyHash());
  if (!user || !right) {
    await countFailure(em, name, address);
    throw INVALID_CREDENTIALS();
  }
  if (user.disabled_at) throw unauthenticated('该用户已停用 (this user is disabled)', AccountErrorReason.ACCOUNT_DISABLED);
  const secondFactor = await twoFactorOn(em, user.id);
  if (secondFactor && !input.otp?.trim()) {
    // The password was right: not a failure, but nothing opens without the second factor.
    throw unauthenticated('请输入动态验证码 (enter the code from your authenticator app)', AccountErrorReason.TWO_FACTOR_REQUIRED);
  }
  // A hash made with older parameters is made again from the password that was just right.
  const rehashed = needsRehash(user.password_hash) ? await hashPassword(password) : null;
  return em
    .transactional(async (tx) => {
      if (secondFactor && !(await secondFactorValid(tx, user, input.otp!))) {
        throw Object.assign(new Error('second factor'), { secondFactorFailed: true });
      }
      if (rehashed) {
        // Not over a password changed in the meantime.
        await tx.execute(
          'UPDATE app_user SET last_login_at = now(), password_hash = CASE WHEN password_hash = ? THEN ? ELSE password_hash END WHERE id = ?',
          [user.password_hash, rehashed, user.id],
        );
      } else {
        await tx.execute('UPDATE app_user SET last_login_at = now() WHERE id = ?', [user.id]);
      }
      await tx.execute('DELETE FROM auth_throttle WHERE username = ? AND client_address = ?', [name, address]);
      const sessionId = randomUUID();
      const refreshToken = opaqueToken('hkr_');
      await tx.execute(
        `INSERT INTO auth_session (id, user_id, refresh_hash, expires_at, client_address, second_factor_pending)
       VALUES (?::uuid, ?, ?, now() + make_interval(days => ?), ?, ?)`,
        [sessionId, user.id, sha256(refreshToken), REFRESH_TOKEN_DAYS, actor.clientAddress, !secondFactor && twoFactorRoles.has(user.role)],
      );
      await audit(tx, actor, 'login', user.id, user.username);
      return issue(tx, user.id, sessionId, refreshToken, signingKey);
    })
    .catch(async (error: unknown) => {
      if (!(error as { secondFactorFailed?: boolean }).secondFactorFailed) throw error;
      await countFailure(em, name, address);
      throw unauthenticated('动态验证码不正确或已使用 (the code is wrong, expired or used already)', AccountErrorReason.TWO_FACTOR_INVALID);
    });
}

/**
 * Trades a refresh token for new tokens; the old refresh token stops working (rotation). A token that
 * was already traded in, however many rotations ago, is a sign of theft: its session is closed.
 */
export async function refresh(em: EntityManager, refreshToken: string, actor: Actor, signingKey?: Uint8Array): Promise<Tokens> {
  const hash = sha256(refreshToken.trim());
  const outcome = await em.transactional(async (tx) => {
    const [session] = await tx.execute<
      Array<{ id: string; user_id: number; username: string; expires_at: Date; revoked_at: Date | null; disabled_at: Date | null }>
    >(
      `SELECT s.id, s.user_id, u.username, s.expires_at, s.revoked_at, u.disabled_at
         FROM auth_session s JOIN app_user u ON u.id = s.user_id
        WHERE s.refresh_hash = ? FOR UPDATE OF s`,
      [hash],
    );
    if (!session) {
      const [used] = await tx.execute<Array<{ session_id: string }>>('SELECT session_id FROM auth_refresh_used WHERE hash = ?', [hash]);
      if (!used) return 'INVALID' as const;
      await tx.execute(
        `UPDATE auth_session SET revoked_at = now(), revoked_reason = 'REFRESH_TOKEN_REUSED' WHERE id = ?::uuid AND revoked_at IS NULL`,
        [used.session_id],
      );
      return 'REUSED' as const;
    }
    if (session.revoked_at) return 'REVOKED' as const;
    if (new Date(session.expires_at) < new Date()) return 'EXPIRED' as const;
    if (session.disabled_at) return 'DISABLED' as const;
    const next = opaqueToken('hkr_');
    await tx.execute('INSERT INTO auth_refresh_used (hash, session_id) VALUES (?, ?::uuid) ON CONFLICT DO NOTHING', [hash, session.id]);
    await tx.execute('UPDATE auth_session SET previous_hash = refresh_hash, refresh_hash = ?, refreshed_at = now() WHERE id = ?::uuid', [
      sha256(next),
      session.id,
    ]);
    await audit(tx, actor, 'refreshToken', session.user_id, session.username);
    return issue(tx, session.user_id, session.id, next, signingKey);
  });
  switch (outcome) {
    case 'INVALID':
      throw unauthenticated('刷新令牌无效 (the refresh token is not valid)', AccountErrorReason.TOKEN_INVALID);
    case 'REUSED':
      throw unauthenticated(
        '刷新令牌已被使用过，会话已关闭，请重新登录 (the refresh token was already used; the session is closed: sign in again)',
        AccountErrorReason.TOKEN_REUSED,
      );
    case 'REVOKED':
      throw unauthenticated('登录会话已结束，请重新登录 (the session has ended; sign in again)', AccountErrorReason.SESSION_REVOKED);
    case 'EXPIRED':
      throw unauthenticated('刷新令牌已过期，请重新登录 (the refresh token has expired; sign in again)', AccountErrorReason.TOKEN_EXPIRED);
    case 'DISABLED':
      throw unauthenticated('该用户已停用 (this user is disabled)', AccountErrorReason.ACCOUNT_DISABLED);
    default:
      return outcome;
  }
}

/** Closes the session of the access token: its refresh token and access tokens stop working at once. */
export async function logout(em: EntityManager, sessionId: string, actor: Actor): Promise<void> {
  await em.transactional(async (tx) => {
    const [row] = await tx.execute<Array<{ user_id: number; username: string }>>(
      `UPDATE auth_session s SET revoked_at = now(), revoked_reason = 'LOGOUT' FROM app_user u
        WHERE s.id = ?::uuid AND u.id = s.user_id AND s.revoked_at IS NULL RETURNING s.user_id, u.username`,
      [sessionId],
    );
    if (row) await audit(tx, actor, 'logout', row.user_id, row.username);
  });
}

/** Closes every session of a user (disabled, or a new password). */
export async function revokeSessions(em: EntityManager, userId: number, reason: string): Promise<void> {
  await em.execute(`UPDATE auth_session SET revoked_at = now(), revoked_reason = ? WHERE user_id = ? AND revoked_at IS NULL`, [
    reason,
    userId,
  ]);
}
