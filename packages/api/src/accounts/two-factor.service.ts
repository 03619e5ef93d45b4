import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Secret, TOTP } from 'otpauth';
import { AccountErrorReason } from './account.errors';
import { sha256 } from './tokens';
import type { Context } from '../access/context';
import { Role } from '../shared/auth/role';
import { conflict } from '../shared/errors/domain-error';
import { SettingError } from '../shared/errors/setting-error';
import { DomainValidationError } from '../shared/validation';

/**
 * Two-factor sign-in (双因素认证): a time-based one-time password (TOTP, RFC 6238: HMAC-SHA1, six
 * digits, 30-second steps, one step of clock drift either way) from an authenticator app, or one of
 * ten one-time recovery codes. A code works once: the last step used is kept.
 */
export const TOTP_SETTINGS = { digits: 6, period: 30, window: 1, recoveryCodes: 10, issuer: '护航 Huhang' } as const;

/** The roles that must sign in with two factors by default in production. */
export const DEFAULT_TWO_FACTOR_ROLES: readonly Role[] = [Role.SYSTEM_ADMIN, Role.PROGRAM_ADMIN];

/**
 * `HUHANG_TWO_FACTOR_ROLES`: a comma-separated list of roles, or `none`. Unset: SYSTEM_ADMIN and
 * PROGRAM_ADMIN in production, none elsewhere (the demo signs in with a password).
 */
export function twoFactorRolesFromEnvironment(production: boolean, env: Partial<Record<string, string>> = process.env): Set<Role> {
  const text = env.HUHANG_TWO_FACTOR_ROLES?.trim();
  if (!text) return new Set(production ? DEFAULT_TWO_FACTOR_ROLES : []);
  if (text.toLowerCase() === 'none') return new Set();
  const roles = text.split(',').map((part) => part.trim().toUpperCase());
  for (const role of roles) {
    if (!(Object.values(Role) as string[]).includes(role)) {
      throw new SettingError(`HUHANG_TWO_FACTOR_ROLES names an unknown role "${role}"; use ${Object.values(Role).join(', ')} or none`);
    }
  }
  return new Set(roles as Role[]);
}

function totp(username: string, secret: string): TOTP {
  return new TOTP({
    issuer: TOTP_SETTINGS.issuer,
    label: username,
    algorithm: 'SHA1',
    digits: TOTP_SETTINGS.digits,
    period: TOTP_SETTINGS.period,
    secret: Secret.fromBase32(secret),
  });
}

/** The time step a code belongs to, when it is valid now (within the window); null otherwise. */
function stepOf(username: string, secret: string, code: string, now = Date.now()): number | null {
  const delta = totp(username, secret).validate({ token: code, window: TOTP_SETTINGS.window, timestamp: now });
  if (delta === null) return null;
  return Math.floor(now / 1000 / TOTP_SETTINGS.period) + delta;
}

/** A recovery code as typed: upper case, without spaces or hyphens. */
function normalizeRecoveryCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

const RECOVERY_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

function newRecoveryCode(): string {
  const bytes = randomBytes(10);
  const characters = [...bytes].map((byte) => RECOVERY_ALPHABET[byte % RECOVERY_ALPHABET.length]).join('');
  return `${characters.slice(0, 5)}-${characters.slice(5)}`;
}

/** Whether the user signs in with a second factor. */
export async function twoFactorOn(em: EntityManager, userId: number): Promise<boolean> {
  const [row] = await em.execute<Array<{ on: boolean }>>('SELECT confirmed_at IS NOT NULL AS on FROM user_totp WHERE user_id = ?', [
    userId,
  ]);
  return row?.on ?? false;
}

/**
 * Checks a second factor at sign-in: a code of the current step (not used before) or an unused
 * recovery code, which is then used up. Runs in the sign-in's transaction.
 */
export async function secondFactorValid(em: EntityManager, user: { id: number; username: string }, otp: string): Promise<boolean> {
  const code = otp.trim();
  if (/^\d{6}$/.test(code)) {
    const [row] = await em.execute<Array<{ secret: string; last_step: string | null }>>(
      'SELECT secret, last_step FROM user_totp WHERE user_id = ? AND confirmed_at IS NOT NULL FOR UPDATE',
      [user.id],
    );
    if (!row) return false;
    const step = stepOf(user.username, row.secret, code);
    if (step === null || (row.last_step !== null && step <= Number(row.last_step))) return false;
    await em.execute('UPDATE user_totp SET last_step = ? WHERE user_id = ?', [step, user.id]);
    return true;
  }
  const used = await em.execute<Array<{ id: number }>>(
    'UPDATE user_recovery_code SET used_at = now() WHERE user_id = ? AND code_hash = ? AND used_at IS NULL RETURNING id',
    [user.id, sha256(normalizeRecoveryCode(code))],
  );
  return used.length > 0;
}

async function audit(
  ctx: Context,
  em: EntityManager,
  action: string,
  userId: number,
  after: Record<string, unknown> | null,
): Promise<void> {
  await em.execute(
    `INSERT INTO audit_log (actor_type, actor_id, actor_name, action, entity, entity_id, outcome, after, client_address, request_id)
     VALUES (?, ?, ?, ?, 'User', ?, 'SUCCESS', ?::jsonb, ?, ?::uuid)`,
    [
      ctx.actor.type,
      ctx.actor.id,
      ctx.actor.name,
      action,
      userId,
      after ? JSON.stringify(after) : null,
      ctx.actor.clientAddress,
      ctx.actor.requestId,
    ],
  );
}

/** Starts (or starts again) the viewer's enrolment: a new secret, to be confirmed with a code from it. */
export async function startEnrolment(ctx: Context): Promise<{ secret: string; uri: string }> {
  const userId = ctx.viewer.grants.userId as number;
  const username = ctx.viewer.grants.username as string;
  return ctx.em.transactional(async (tx) => {
    if (await twoFactorOn(tx, userId)) {
      throw conflict('双因素认证已开启 (two-factor sign-in is on already)', { reason: AccountErrorReason.TWO_FACTOR_ALREADY_ON });
    }
    const secret = new Secret({ size: 20 }).base32;
    await tx.execute(
      `INSERT INTO user_totp (user_id, secret) VALUES (?, ?)
       ON CONFLICT (user_id) DO UPDATE SET secret = excluded.secret, confirmed_at = NULL, last_step = NULL, created_at = now()`,
      [userId, secret],
    );
    await audit(ctx, tx, 'startTwoFactorEnrolment', userId, null);
    return { secret, uri: totp(username, secret).toString() };
  });
}

/**
 * Confirms the enrolment with a code from the new secret: two-factor sign-in is on, ten recovery
 * codes are made (returned once, kept as hashes) and the viewer's session, if it was waiting for
 * this, may do everything its role allows.
 */
export async function confirmEnrolment(ctx: Context, code: string): Promise<string[]> {
  const userId = ctx.viewer.grants.userId as number;
  const username = ctx.viewer.grants.username as string;
  return ctx.em.transactional(async (tx) => {
    const [row] = await tx.execute<Array<{ secret: string; confirmed_at: Date | null }>>(
      'SELECT secret, confirmed_at FROM user_totp WHERE user_id = ? FOR UPDATE',
      [userId],
    );
    if (!row) throw conflict('请先开始绑定 (start the enrolment first)', { reason: AccountErrorReason.TWO_FACTOR_NOT_STARTED });
    if (row.confirmed_at) {
      throw conflict('双因素认证已开启 (two-factor sign-in is on already)', { reason: AccountErrorReason.TWO_FACTOR_ALREADY_ON });
    }
    const step = stepOf(username, row.secret, code.trim());
    if (step === null) {
      throw new DomainValidationError(
        'input.code',
        '验证码不正确或已过期 (the code is wrong or expired)',
        AccountErrorReason.TWO_FACTOR_INVALID,
      );
    }
    await tx.execute('UPDATE user_totp SET confirmed_at = now(), last_step = ? WHERE user_id = ?', [step, userId]);
    await tx.execute('DELETE FROM user_recovery_code WHERE user_id = ?', [userId]);
    const codes = Array.from({ length: TOTP_SETTINGS.recoveryCodes }, newRecoveryCode);
    for (const recovery of codes) {
      await tx.execute('INSERT INTO user_recovery_code (user_id, code_hash) VALUES (?, ?)', [
        userId,
        sha256(normalizeRecoveryCode(recovery)),
      ]);
    }
    await tx.execute('UPDATE auth_session SET second_factor_pending = false WHERE user_id = ? AND second_factor_pending', [userId]);
    await audit(ctx, tx, 'confirmTwoFactorEnrolment', userId, { recoveryCodes: codes.length });
    return codes;
  });
}

/** A system administrator turns a user's second factor off (a lost phone); the user's sessions end. */
export async function resetTwoFactor(ctx: Context, userId: number): Promise<void> {
  await ctx.em.transactional(async (tx) => {
    await tx.execute('DELETE FROM user_totp WHERE user_id = ?', [userId]);
    await tx.execute('DELETE FROM user_recovery_code WHERE user_id = ?', [userId]);
    await tx.execute(
      `UPDATE auth_session SET revoked_at = now(), revoked_reason = 'TWO_FACTOR_RESET' WHERE user_id = ? AND revoked_at IS NULL`,
      [userId],
    );
    await audit(ctx, tx, 'resetTwoFactor', userId, null);
  });
}
