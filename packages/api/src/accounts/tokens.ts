import { AccountErrorReason } from './account.errors';
import { createHash, randomBytes } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import type { EntityManager } from '@mikro-orm/postgresql';

export const ACCESS_TOKEN_SECONDS = 15 * 60;
export const REFRESH_TOKEN_DAYS = 30;
const ISSUER = 'huhang';
const AUDIENCE = 'huhang-api';

/** SHA-256 in hex: how refresh tokens and embed keys are stored. */
export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A random opaque token with a readable prefix, e.g. `hkr_…` for refresh tokens, `hk_pub_…` for embed keys. */
export function opaqueToken(prefix: string): string {
  return `${prefix}${randomBytes(24).toString('base64url')}`;
}

/**
 * The key that signs access tokens: HUHANG_JWT_SECRET when set (production, several servers), else
 * one made once and kept in the database, so tokens outlive a restart.
 */
export async function loadSigningKey(em: EntityManager): Promise<Uint8Array> {
  const configured = process.env.HUHANG_JWT_SECRET;
  if (configured) {
    if (configured.length < 32) throw new Error('HUHANG_JWT_SECRET must be at least 32 characters long');
    return new TextEncoder().encode(configured);
  }
  // In `em`'s transaction when it has one: a sign-in holds its connection (and its user's row) while
  // it signs, and a second connection from the pool would wait on sign-ins that wait on it.
  const connection = em.getConnection();
  const trx = em.getTransactionContext();
  await connection.execute(
    `INSERT INTO auth_secret (name, secret) VALUES ('jwt', ?) ON CONFLICT (name) DO NOTHING`,
    [randomBytes(48).toString('base64url')],
    'run',
    trx,
  );
  const [row] = await connection.execute<Array<{ secret: string }>>(`SELECT secret FROM auth_secret WHERE name = 'jwt'`, [], 'all', trx);
  return new TextEncoder().encode(row.secret);
}

export interface AccessClaims {
  userId: number;
  sessionId: string;
  /** When the token expires (ms since the epoch); set on verified claims. */
  expiresAt?: number;
}

export async function signAccessToken(
  key: Uint8Array,
  claims: AccessClaims,
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const expiresAt = new Date((issuedAt + ACCESS_TOKEN_SECONDS) * 1000);
  const token = await new SignJWT({ sid: claims.sessionId })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(String(claims.userId))
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(key);
  return { token, expiresAt };
}

/** Why an access token was refused. */
export type TokenProblem = AccountErrorReason.TOKEN_EXPIRED | AccountErrorReason.TOKEN_INVALID;

export async function verifyAccessToken(key: Uint8Array, token: string): Promise<AccessClaims | TokenProblem> {
  try {
    // A token without an expiry would never expire: `exp` (and `sub`, `iat`) are required.
    const { payload } = await jwtVerify(token, key, {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ['HS256'],
      requiredClaims: ['exp', 'iat', 'sub'],
    });
    const userId = Number(payload.sub);
    if (!Number.isSafeInteger(userId) || typeof payload.sid !== 'string') return AccountErrorReason.TOKEN_INVALID;
    return { userId, sessionId: payload.sid, expiresAt: (payload.exp ?? 0) * 1000 };
  } catch (error) {
    return error instanceof errors.JWTExpired ? AccountErrorReason.TOKEN_EXPIRED : AccountErrorReason.TOKEN_INVALID;
  }
}
