import { AccountErrorReason } from './account.errors';
import { AccessErrorReason } from '../access/access.errors';
import type { EntityManager } from '@mikro-orm/postgresql';
import { forbidden, unauthenticated, type DomainError } from '../shared/errors/domain-error';
import { Role } from '../shared/auth/role';
import { sha256, verifyAccessToken, type AccessClaims, type TokenProblem } from './tokens';
import { intArray } from '../shared/db/pg-array';
import { Viewer } from '../access/viewer';
import { SYSTEM_GRANTS, withRowGrants } from '../access/row-security';
import type { DataVersions } from '../access/data-versions';
import type { AccessWatch } from '../access/access-watch';

/** How long an embed key is trusted as read, when nothing is written to its program. */
const KEY_SECONDS = 60;
/** How long a signed-in viewer is kept at most, when nothing changes what it may read. */
const SESSION_SECONDS = 60;

/** What a request presents: the headers that carry credentials. */
export interface Credentials {
  authorization?: string | null;
  embedKey?: string | null;
  origin?: string | null;
}

const TOKEN_MESSAGES: Record<TokenProblem, string> = {
  TOKEN_EXPIRED: '访问令牌已过期，请用刷新令牌换取新令牌 (the access token has expired; refresh it)',
  TOKEN_INVALID: '访问令牌无效 (the access token is not valid)',
};

interface UserRow {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  officer_id: number | null;
  disabled_at: Date | null;
  revoked_at: Date | null;
  expires_at: Date;
  second_factor_pending: boolean;
  park_ids: number[];
  program_ids: number[];
}

interface KeyRow {
  id: number;
  name: string;
  program_id: number;
  park_id: number | null;
  allowed_origins: string[];
  revoked_at: Date | null;
}

/** `https://*.example.gov.cn` allows the subdomains of example.gov.cn; anything else must match exactly. */
export function originAllowed(origin: string, allowed: readonly string[]): boolean {
  const requested = origin.toLowerCase();
  let parsed: URL;
  try {
    parsed = new URL(requested);
  } catch {
    return false;
  }
  return allowed.some((entry) => {
    const pattern = entry.toLowerCase();
    if (pattern === requested) return true;
    const wildcard = /^(https?):\/\/\*\.(.+)$/.exec(pattern);
    return !!wildcard && parsed.protocol === `${wildcard[1]}:` && parsed.host.endsWith(`.${wildcard[2]}`);
  });
}

/**
 * Turns a request's credentials into its viewer: a bearer access token (a signed-in user, whose
 * session must still be open), an embed key (checked against the page's origin), or nobody.
 * Refusals are DomainErrors with the code UNAUTHENTICATED or FORBIDDEN and a reason.
 */
export class Authenticator {
  /** Embed keys as last read, by key hash, with the version of their program's data at that time. */
  private readonly keys = new Map<string, { row: KeyRow; parks: number[]; version: number; until: number }>();
  /** Access tokens whose signature and claims were verified, until they expire: verifying costs more than the rest of a small query. */
  private readonly verified = new Map<string, AccessClaims>();
  /** Signed-in viewers by session, with the access epoch they were read at. */
  private readonly sessions = new Map<string, { userId: number; viewer: Viewer; epoch: number; expiresAt: number; until: number }>();

  constructor(
    private readonly em: EntityManager,
    /** The key that signs and checks access tokens; sign-ins sign with it too (the request's `signingKey`). */
    readonly signingKey: Uint8Array,
    /** With the server's data versions, a key is read again only after a write to its program or a minute. */
    private readonly versions?: DataVersions,
    /**
     * With a live access watch, a session's viewer is read once and kept until anything that could
     * change it is written (or a minute passes); without one, it is read on every request.
     */
    private readonly watch?: AccessWatch,
  ) {}

  async viewerFor(credentials: Credentials): Promise<Viewer> {
    const authorization = credentials.authorization?.trim();
    const embedKey = credentials.embedKey?.trim();
    if (authorization && embedKey) {
      throw unauthenticated(
        '请只发送一种凭据：访问令牌或嵌入密钥 (send either an access token or an embed key, not both)',
        AccountErrorReason.AMBIGUOUS_CREDENTIALS,
      );
    }
    if (authorization) return this.userViewer(authorization);
    if (embedKey) return this.keyViewer(embedKey, credentials.origin ?? null);
    return Viewer.anonymous();
  }

  private async userViewer(authorization: string): Promise<Viewer> {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match)
      throw unauthenticated(
        'Authorization 头应为 "Bearer <访问令牌>" (expected "Bearer <access token>")',
        AccountErrorReason.TOKEN_INVALID,
      );
    const now = Date.now();
    const claims = await this.verify(match[1]!, now);
    if (typeof claims === 'string') throw unauthenticated(TOKEN_MESSAGES[claims], claims);
    const kept = this.sessions.get(claims.sessionId);
    const watch = this.watch;
    if (kept && watch?.live && kept.epoch === watch.epoch && kept.userId === claims.userId && kept.until > now && kept.expiresAt > now) {
      return kept.viewer;
    }
    this.sessions.delete(claims.sessionId);
    // The epoch before reading: a change while the viewer is read makes it stale at once.
    const epoch = watch?.live ? watch.epoch : null;
    const { viewer, expiresAt } = await this.readUserViewer(claims);
    if (epoch !== null) {
      this.sessions.set(claims.sessionId, { userId: claims.userId, viewer, epoch, expiresAt, until: now + SESSION_SECONDS * 1000 });
      if (this.sessions.size > 10_000) this.sessions.delete(this.sessions.keys().next().value as string);
    }
    return viewer;
  }

  /** The token's claims: verified once, then kept until the token expires (the session is still checked on each request). */
  private async verify(token: string, now: number): Promise<AccessClaims | TokenProblem> {
    const kept = this.verified.get(token);
    if (kept && kept.expiresAt !== undefined && kept.expiresAt > now) return kept;
    this.verified.delete(token);
    const claims = await verifyAccessToken(this.signingKey, token);
    if (typeof claims !== 'string') {
      this.verified.set(token, claims);
      if (this.verified.size > 10_000) this.verified.delete(this.verified.keys().next().value as string);
    }
    return claims;
  }

  /** The viewer of an open session, and when the session ends. */
  private async readUserViewer(claims: { userId: number; sessionId: string }): Promise<{ viewer: Viewer; expiresAt: number }> {
    const connection = this.em.getConnection();
    const [row] = await connection.execute<UserRow[]>(
      `SELECT u.id, u.username, u.display_name, u.role, u.officer_id, u.disabled_at, s.revoked_at, s.expires_at, s.second_factor_pending,
              array(SELECT park_id FROM app_user_park WHERE app_user_id = u.id) AS park_ids,
              array(SELECT program_id FROM app_user_program WHERE app_user_id = u.id) AS program_ids
         FROM app_user u JOIN auth_session s ON s.user_id = u.id AND s.id = ?::uuid
        WHERE u.id = ?`,
      [claims.sessionId, claims.userId],
    );
    if (!row) throw unauthenticated(TOKEN_MESSAGES.TOKEN_INVALID, AccountErrorReason.TOKEN_INVALID);
    if (row.revoked_at || new Date(row.expires_at) < new Date()) {
      throw unauthenticated('登录会话已结束，请重新登录 (the session has ended; sign in again)', AccountErrorReason.SESSION_REVOKED);
    }
    if (row.disabled_at) throw unauthenticated('该用户已停用 (this user is disabled)', AccountErrorReason.ACCOUNT_DISABLED);
    return { viewer: await this.grantsOf(row, claims.sessionId), expiresAt: new Date(row.expires_at).getTime() };
  }

  /** What the user of a session may read, by role. */
  private async grantsOf(row: UserRow, sessionId: string): Promise<Viewer> {
    const base = {
      userId: row.id,
      username: row.username,
      displayName: row.display_name,
      role: row.role,
      sessionId,
      secondFactorPending: row.second_factor_pending,
    };
    if (row.role === Role.SYSTEM_ADMIN) return Viewer.user(base);
    // The other roles' grants are read with every row visible: the viewer they make does not exist yet.
    return withRowGrants(this.em, SYSTEM_GRANTS, (connection) => this.grantsIn(connection, row, base));
  }

  private async grantsIn(connection: EntityManager, row: UserRow, base: Parameters<typeof Viewer.user>[0]): Promise<Viewer> {
    switch (row.role) {
      case Role.SYSTEM_ADMIN:
        return Viewer.user(base);
      case Role.PROGRAM_ADMIN: {
        const parks = await connection.execute<Array<{ id: number }>>('SELECT id FROM park WHERE program_id = any(?::int[])', [
          intArray(row.program_ids),
        ]);
        return Viewer.user({ ...base, programIds: row.program_ids, parkIds: parks.map((park) => park.id) });
      }
      case Role.PARK_ADMIN: {
        const programs = await connection.execute<Array<{ program_id: number }>>(
          'SELECT DISTINCT program_id FROM park WHERE id = any(?::int[])',
          [intArray(row.park_ids)],
        );
        return Viewer.user({ ...base, parkIds: row.park_ids, programIds: programs.map((program) => program.program_id) });
      }
      case Role.OFFICER: {
        const [officer] = await connection.execute<
          Array<{ program_id: number; park_ids: number[]; enterprise_ids: number[]; team_ids: number[] }>
        >(
          `SELECT u.program_id,
                  array(SELECT p.id FROM park p WHERE p.program_id = u.program_id) AS park_ids,
                  array(SELECT a.enterprise_id FROM liaison_assignment a WHERE a.officer_id = o.id AND a.ends_on IS NULL) AS enterprise_ids,
                  array(SELECT DISTINCT m.team_id FROM team_member m WHERE m.officer_id = o.id) AS team_ids
             FROM officer o JOIN police_unit u ON u.id = o.unit_id
            WHERE o.id = ?`,
          [row.officer_id],
        );
        return Viewer.user({
          ...base,
          officerId: row.officer_id,
          programIds: officer ? [officer.program_id] : [],
          referenceParkIds: officer?.park_ids ?? [],
          enterpriseIds: officer?.enterprise_ids ?? [],
          teamIds: officer?.team_ids ?? [],
        });
      }
    }
  }

  /**
   * An embed key's row and parks. Read from the database at most once a minute per key, and again
   * after any write to its program (rotating, revoking or changing a key is one), so that a page view
   * served from the public cache costs no statement; its use is recorded when it is read.
   */
  private async embedKey(hash: string): Promise<{ row: KeyRow; parks: number[] }> {
    const now = Date.now();
    const known = this.keys.get(hash);
    if (known && known.until > now && (!this.versions || this.versions.versionOf(known.row.program_id) === known.version)) return known;
    this.keys.delete(hash);
    const connection = this.em.getConnection();
    const [row] = await connection.execute<KeyRow[]>(
      'SELECT id, name, program_id, park_id, allowed_origins, revoked_at FROM embed_key WHERE key_hash = ?',
      [hash],
    );
    if (!row) throw unauthenticated('嵌入密钥无效 (the embed key is not valid)', AccountErrorReason.KEY_INVALID);
    const version = this.versions?.versionOf(row.program_id) ?? 0;
    const parks = row.park_id
      ? [row.park_id]
      : await withRowGrants(this.em, SYSTEM_GRANTS, async (tx) =>
          (await tx.execute<Array<{ id: number }>>('SELECT id FROM park WHERE program_id = ?', [row.program_id])).map((p) => p.id),
        );
    if (!row.revoked_at) {
      await connection.execute(
        `UPDATE embed_key SET last_used_at = now() WHERE id = ? AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
        [row.id],
      );
    }
    const entry = { row, parks, version, until: now + KEY_SECONDS * 1000 };
    this.keys.set(hash, entry);
    if (this.keys.size > 10_000) this.keys.delete(this.keys.keys().next().value as string);
    return entry;
  }

  private async keyViewer(key: string, origin: string | null): Promise<Viewer> {
    const { row, parks } = await this.embedKey(sha256(key));
    if (row.revoked_at) throw unauthenticated('嵌入密钥已吊销 (the embed key has been revoked)', AccountErrorReason.KEY_REVOKED);
    if (!origin || !originAllowed(origin, row.allowed_origins)) {
      throw forbidden(
        `此嵌入密钥不能在 ${origin ?? '没有 Origin 的请求'} 使用 (this embed key is not allowed from ${origin ?? 'a request without an Origin header'}; add the page's origin to the key)`,
        AccessErrorReason.ORIGIN_NOT_ALLOWED,
        { origin },
      );
    }
    return Viewer.key({ keyId: row.id, keyName: row.name, programIds: [row.program_id], parkIds: parks });
  }
}

/** The HTTP status a credential refusal is answered with. */
export function statusOf(error: DomainError): number {
  return error.code === 'FORBIDDEN' ? 403 : 401;
}
