import { AccountErrorReason } from './account.errors';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { unauthenticated } from '../shared/errors/domain-error';
import type { Actor } from '../shared/audit/audit';
import { decoyHash, verifyPassword } from './password';
import { loadSigningKey, opaqueToken, REFRESH_TOKEN_DAYS, sha256, signAccessToken } from './tokens';

/** Failed sign-ins in a row that lock the account, and for how long. */
export const LOCKOUT = { attempts: 5, minutes: 15 };

export interface Tokens {
  userId: number;
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
}

const INVALID_CREDENTIALS = () =>
  unauthenticated('用户名或密码不正确 (wrong username or password)', AccountErrorReason.INVALID_CREDENTIALS);

function locked(until: Date) {
  const seconds = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000));
  return unauthenticated(
    `登录失败次数过多，账户已锁定，请于 ${Math.ceil(seconds / 60)} 分钟后再试 (too many failed sign-ins; try again in ${Math.ceil(seconds / 60)} minutes)`,
    AccountErrorReason.ACCOUNT_LOCKED,
    { retryAfter: seconds },
  );
}

async function audit(em: EntityManager, actor: Actor, action: string, userId: number, username: string): Promise<void> {
  await em.execute(
    `INSERT INTO audit_log (actor_type, actor_id, actor_name, action, entity, entity_id, outcome, client_address, request_id)
     VALUES ('USER', ?, ?, ?, 'User', ?, 'SUCCESS', ?, ?::uuid)`,
    [userId, username, action, userId, actor.clientAddress, actor.requestId],
  );
}

async function issue(em: EntityManager, userId: number, sessionId: string, refreshToken: string): Promise<Tokens> {
  const [session] = await em.execute<Array<{ expires_at: Date }>>('SELECT expires_at FROM auth_session WHERE id = ?::uuid', [sessionId]);
  const access = await signAccessToken(await loadSigningKey(em), { userId, sessionId });
  return {
    userId,
    accessToken: access.token,
    accessTokenExpiresAt: access.expiresAt,
    refreshToken,
    refreshTokenExpiresAt: new Date(session.expires_at),
  };
}

/**
 * Signs in: checks the password (as slowly for an unknown user as for a known one), counts failures
 * and locks the account for a while after too many, opens a session and returns its tokens.
 */
export async function login(em: EntityManager, username: string, password: string, actor: Actor): Promise<Tokens> {
  const [user] = await em.execute<
    Array<{ id: number; username: string; password_hash: string; locked_until: Date | null; disabled_at: Date | null }>
  >('SELECT id, username, password_hash, locked_until, disabled_at FROM app_user WHERE lower(username) = lower(?)', [username.trim()]);
  if (!user) {
    await verifyPassword(password, await decoyHash());
    throw INVALID_CREDENTIALS();
  }
  if (user.locked_until && new Date(user.locked_until) > new Date()) throw locked(new Date(user.locked_until));
  if (!(await verifyPassword(password, user.password_hash))) {
    // A lock that has run out starts the count again.
    const [after] = await em.execute<Array<{ locked_until: Date | null }>>(
      `UPDATE app_user
          SET failed_logins = CASE WHEN locked_until IS NOT NULL AND locked_until <= now() THEN 1 ELSE failed_logins + 1 END,
              locked_until = CASE
                WHEN (CASE WHEN locked_until IS NOT NULL AND locked_until <= now() THEN 1 ELSE failed_logins + 1 END) >= ?
                THEN now() + make_interval(mins => ?) ELSE NULL END
        WHERE id = ? RETURNING locked_until`,
      [LOCKOUT.attempts, LOCKOUT.minutes, user.id],
    );
    if (after?.locked_until) throw locked(new Date(after.locked_until));
    throw INVALID_CREDENTIALS();
  }
  if (user.disabled_at) throw unauthenticated('该用户已停用 (this user is disabled)', AccountErrorReason.ACCOUNT_DISABLED);
  return em.transactional(async (tx) => {
    await tx.execute('UPDATE app_user SET failed_logins = 0, locked_until = NULL, last_login_at = now() WHERE id = ?', [user.id]);
    const sessionId = randomUUID();
    const refreshToken = opaqueToken('hkr_');
    await tx.execute(
      `INSERT INTO auth_session (id, user_id, refresh_hash, expires_at, client_address)
       VALUES (?::uuid, ?, ?, now() + make_interval(days => ?), ?)`,
      [sessionId, user.id, sha256(refreshToken), REFRESH_TOKEN_DAYS, actor.clientAddress],
    );
    await audit(tx, actor, 'login', user.id, user.username);
    return issue(tx, user.id, sessionId, refreshToken);
  });
}

/**
 * Trades a refresh token for new tokens; the old refresh token stops working (rotation). A token that
 * was already traded in, however many rotations ago, is a sign of theft: its session is closed.
 */
export async function refresh(em: EntityManager, refreshToken: string, actor: Actor): Promise<Tokens> {
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
    return issue(tx, session.user_id, session.id, next);
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
