import { maskName, maskPhone } from '../shared/auth/masking';
import { startTestApi, statementsDuring, TEST_PASSWORD, type GraphqlResult, type TestApi } from '../test-support/api';
import { generateDemo } from '../demo/generator';
import { toGlobalId } from '../shared/graphql/global-id';
import { ACCESS_TOKEN_SECONDS, loadSigningKey, signAccessToken, verifyAccessToken } from './tokens';
import { THROTTLE } from './session.service';
import { createAdministrator } from './user.service';
import { SignJWT } from 'jose';
import { randomBytes, scryptSync } from 'node:crypto';

let api: TestApi;
let parkId: number;

const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { accessToken accessTokenExpiresAt refreshToken refreshTokenExpiresAt user { username role } } }`;
const REFRESH = `mutation ($input: RefreshTokenInput!) { refreshToken(input: $input) { accessToken refreshToken } }`;
const ME = '{ me { username role parks { databaseId } } }';
const extensions = (result: GraphqlResult) => result.errors?.[0]?.extensions;
const anonymous = () => api.as({});
const auditRows = async () => Number((await api.db.sql.query('SELECT count(*) FROM audit_log')).rows[0].count);

/** Statements the API sends while `run` runs. */
const statementsOf = (run: () => Promise<unknown>) => statementsDuring(api, run);

beforeAll(async () => {
  api = await startTestApi((db) => generateDemo(db.sql, { months: 1, endDate: '2026-10-20' }));
  parkId = (await api.db.sql.query('SELECT id FROM park LIMIT 1')).rows[0].id;
  await api.createUser({ username: 'park-admin', role: 'PARK_ADMIN', parkIds: [parkId] });
});

afterAll(async () => {
  await api.close();
});

describe('signing in', () => {
  it('returns an access token, a refresh token and the user; `me` answers with them', async () => {
    const result = await anonymous()(LOGIN, { input: { username: 'PARK-ADMIN', password: TEST_PASSWORD } });
    expect(result.errors).toBeUndefined();
    const login = result.data.login;
    expect(login.user).toEqual({ username: 'park-admin', role: 'PARK_ADMIN' });
    const minutes = (Date.parse(login.accessTokenExpiresAt) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);
    const me = await api.as({ token: login.accessToken })(ME);
    expect(me.data.me).toEqual({ username: 'park-admin', role: 'PARK_ADMIN', parks: [{ databaseId: parkId }] });
    const { rows } = await api.db.sql.query(`SELECT password_hash FROM app_user WHERE username = 'park-admin'`);
    expect(rows[0].password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
  });

  it('answers a sign-in and a refresh with who the user is: the officer record, parks and programs, and nothing past them', async () => {
    // Not the first officer, whose account a test below makes.
    const officerId = (await api.db.sql.query('SELECT id FROM officer ORDER BY id DESC LIMIT 1')).rows[0].id;
    const programId = (await api.db.sql.query('SELECT program_id FROM park WHERE id = $1', [parkId])).rows[0].program_id;
    await api.createUser({ username: 'own-officer', role: 'OFFICER', officerId });
    await api.createUser({ username: 'own-program', role: 'PROGRAM_ADMIN', programIds: [programId] });
    const WHO = `user { username officer { databaseId phone } parks { databaseId zones { nodes { name } } } programs { databaseId } }`;
    const signIn = async (username: string) => {
      const result = await anonymous()(`mutation ($input: LoginInput!) { login(input: $input) { refreshToken ${WHO} } }`, {
        input: { username, password: TEST_PASSWORD },
      });
      expect(result.errors).toBeUndefined();
      return result.data.login;
    };
    const officer = await signIn('own-officer');
    // The phone is the officer's own, but the answer is read as the caller was: masked, as to anyone.
    const { rows } = await api.db.sql.query('SELECT phone FROM officer WHERE id = $1', [officerId]);
    expect(officer.user).toEqual({
      username: 'own-officer',
      officer: { databaseId: officerId, phone: maskPhone(rows[0].phone) },
      parks: [],
      programs: [],
    });
    // The park's zones are past who the user is: read with the caller's grants, none.
    const parkAdmin = await signIn('park-admin');
    expect(parkAdmin.user).toEqual({
      username: 'park-admin',
      officer: null,
      parks: [{ databaseId: parkId, zones: { nodes: [] } }],
      programs: [],
    });
    expect((await api.db.sql.query('SELECT count(*)::int AS n FROM zone WHERE park_id = $1', [parkId])).rows[0].n).toBeGreaterThan(0);
    const program = await signIn('own-program');
    expect(program.user).toMatchObject({ officer: null, parks: [], programs: [{ databaseId: programId }] });
    const refreshed = await anonymous()(`mutation ($input: RefreshTokenInput!) { refreshToken(input: $input) { ${WHO} } }`, {
      input: { refreshToken: parkAdmin.refreshToken },
    });
    expect(refreshed.errors).toBeUndefined();
    expect(refreshed.data.refreshToken.user).toEqual(parkAdmin.user);
  });

  it('answers more sign-ins at once than the database pool has connections, each with who the user is', async () => {
    const LOGIN_PARKS = `mutation ($input: LoginInput!) { login(input: $input) { user { parks { databaseId } } } }`;
    const answers = await Promise.all(
      Array.from({ length: 24 }, () => anonymous()(LOGIN_PARKS, { input: { username: 'park-admin', password: TEST_PASSWORD } })),
    );
    expect(answers.map((answer) => answer.errors ?? answer.data.login.user.parks)).toEqual(answers.map(() => [{ databaseId: parkId }]));
  });

  it('signs the tokens of a sign-in and a refresh with the key the server holds, without reading it again', async () => {
    let token = '';
    const seen = await statementsOf(async () => {
      const login = await anonymous()(LOGIN, { input: { username: 'park-admin', password: TEST_PASSWORD } });
      expect(login.errors).toBeUndefined();
      const refreshed = await anonymous()(REFRESH, { input: { refreshToken: login.data.login.refreshToken } });
      expect(refreshed.errors).toBeUndefined();
      token = refreshed.data.refreshToken.accessToken;
    });
    expect(seen.filter((sql) => sql.includes('auth_session')).length).toBeGreaterThanOrEqual(2);
    expect(seen.filter((sql) => sql.includes('auth_secret'))).toEqual([]);
    // The key the server checks tokens with is the one the database keeps: tokens outlive a restart.
    const claims = await verifyAccessToken(await loadSigningKey(api.db.orm.em.fork()), token);
    expect(claims).toMatchObject({ userId: (await api.db.sql.query(`SELECT id FROM app_user WHERE username = 'park-admin'`)).rows[0].id });
    expect((await api.as({ token })(ME)).data.me.username).toBe('park-admin');
  });

  it('makes a hash of older parameters again at the next sign-in, from the password that was right', async () => {
    await api.createUser({ username: 'old-hash', role: 'PARK_ADMIN', parkIds: [parkId] });
    const salt = randomBytes(16);
    const key = scryptSync(TEST_PASSWORD.normalize('NFKC'), salt, 32, { N: 16384, r: 8, p: 1 });
    const old = ['scrypt', 16384, 8, 1, salt.toString('base64url'), key.toString('base64url')].join('$');
    await api.db.sql.query(`UPDATE app_user SET password_hash = $1 WHERE username = 'old-hash'`, [old]);
    const stored = async () =>
      (await api.db.sql.query(`SELECT password_hash FROM app_user WHERE username = 'old-hash'`)).rows[0].password_hash as string;

    const wrong = await anonymous()(LOGIN, { input: { username: 'old-hash', password: 'wrong-password-1' } });
    expect(extensions(wrong)).toMatchObject({ reason: 'INVALID_CREDENTIALS' });
    expect(await stored()).toBe(old);

    const first = await anonymous()(LOGIN, { input: { username: 'old-hash', password: TEST_PASSWORD } });
    expect(first.errors).toBeUndefined();
    const made = await stored();
    expect(made).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(made.split('$')[4]).not.toBe(salt.toString('base64url'));
    const again = await anonymous()(LOGIN, { input: { username: 'old-hash', password: TEST_PASSWORD } });
    expect(again.errors).toBeUndefined();
    expect(await stored()).toBe(made);
  });

  it('refuses a wrong password and an unknown user alike, and slows failures down per address without locking the owner out', async () => {
    await api.createUser({ username: 'lock-me', role: 'PARK_ADMIN', parkIds: [parkId] });
    // Signing in from two client addresses: IPv4 and IPv6 loopback.
    const port = new URL(api.server.url).port;
    const signInFrom =
      (host: string) =>
      async (input: { username: string; password: string }): Promise<GraphqlResult> => {
        const response = await fetch(`http://${host}:${port}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: LOGIN, variables: { input } }),
        });
        return { status: response.status, ...((await response.json()) as object) };
      };
    const here = signInFrom('127.0.0.1');
    const elsewhere = signInFrom('[::1]');
    const unknown = await here({ username: 'nobody', password: 'whatever-1' });
    expect(extensions(unknown)).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'INVALID_CREDENTIALS' });
    // The first failures cost nothing.
    for (let i = 1; i <= THROTTLE.free; i++) {
      const wrong = await here({ username: 'lock-me', password: `wrong-${i}` });
      expect(extensions(wrong)).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'INVALID_CREDENTIALS' });
    }
    // Then each failure makes the next attempt from this address wait twice as long: 1 s, 2 s, 4 s, …
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      const wrong = await here({ username: 'lock-me', password: 'wrong-again' });
      if (i === 0) expect(extensions(wrong)).toMatchObject({ reason: 'INVALID_CREDENTIALS' });
      // The wait this failure set, as stored: from the failure to the time the next attempt is allowed.
      const { rows: set } = await api.db.sql.query(
        `SELECT floor(extract(epoch FROM next_allowed_at - last_failure_at))::int AS wait FROM auth_throttle WHERE username = 'lock-me'`,
      );
      const wait = set[0].wait as number;
      waits.push(wait);
      // A busy machine may take longer than that wait to send the next request: the wait is made a minute
      // longer from now, so the right password is held back however slow the machine, and the answer
      // says how long is left.
      await api.db.sql.query(`UPDATE auth_throttle SET next_allowed_at = now() + make_interval(secs => $1) WHERE username = 'lock-me'`, [
        wait + 60,
      ]);
      const held = await here({ username: 'LOCK-ME', password: TEST_PASSWORD });
      expect(extensions(held)).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'ACCOUNT_LOCKED' });
      const retryAfter = extensions(held)!.retryAfter as number;
      expect(retryAfter).toBeLessThanOrEqual(wait + 60);
      expect(retryAfter).toBeGreaterThan(wait + 45);
      // Time passes: the wait runs out (the attempt that follows fails again).
      await api.db.sql.query(`UPDATE auth_throttle SET next_allowed_at = now() - interval '1 second' WHERE username = 'lock-me'`);
    }
    expect(waits).toEqual([1, 2, 4, 8]);
    // The owner, from another address, is not held back at all.
    expect((await elsewhere({ username: 'lock-me', password: TEST_PASSWORD })).errors).toBeUndefined();
    // A success from the throttled address, once its wait is over, starts its count again.
    expect((await here({ username: 'lock-me', password: TEST_PASSWORD })).errors).toBeUndefined();
    const { rows } = await api.db.sql.query(`SELECT client_address FROM auth_throttle WHERE username = 'lock-me'`);
    expect(rows).toEqual([]);
    // The account itself was never locked: its row has no lock to clear.
    const user = await api.db.sql.query(`SELECT locked_until FROM app_user WHERE username = 'lock-me'`);
    expect(user.rows[0]).toEqual({ locked_until: null });
  });

  it('trades a refresh token once: the old one then fails and closes the session', async () => {
    const login = (await anonymous()(LOGIN, { input: { username: 'park-admin', password: TEST_PASSWORD } })).data.login;
    const next = await anonymous()(REFRESH, { input: { refreshToken: login.refreshToken } });
    expect(next.errors).toBeUndefined();
    expect(next.data.refreshToken.refreshToken).not.toBe(login.refreshToken);
    expect((await api.as({ token: next.data.refreshToken.accessToken })(ME)).data.me.username).toBe('park-admin');
    // The first refresh token again: a sign of theft. The session closes, the new tokens stop working too.
    const reused = await anonymous()(REFRESH, { input: { refreshToken: login.refreshToken } });
    expect(extensions(reused)).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'TOKEN_REUSED' });
    const after = await api.as({ token: next.data.refreshToken.accessToken })(ME);
    expect(after.status).toBe(401);
    expect(extensions(after)).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_REVOKED' });
    expect(extensions(await anonymous()(REFRESH, { input: { refreshToken: next.data.refreshToken.refreshToken } }))).toMatchObject({
      reason: 'SESSION_REVOKED',
    });
    expect(extensions(await anonymous()(REFRESH, { input: { refreshToken: 'hkr_made_up' } }))).toMatchObject({ reason: 'TOKEN_INVALID' });
  });

  it('closes the session when any refresh token it traded in comes back, however many rotations ago', async () => {
    const login = (await anonymous()(LOGIN, { input: { username: 'park-admin', password: TEST_PASSWORD } })).data.login;
    const second = (await anonymous()(REFRESH, { input: { refreshToken: login.refreshToken } })).data.refreshToken;
    const third = (await anonymous()(REFRESH, { input: { refreshToken: second.refreshToken } })).data.refreshToken;
    expect((await api.as({ token: third.accessToken })(ME)).errors).toBeUndefined();
    // The token of the sign-in, two rotations old.
    const replayed = await anonymous()(REFRESH, { input: { refreshToken: login.refreshToken } });
    expect(extensions(replayed)).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'TOKEN_REUSED' });
    expect(extensions(await api.as({ token: third.accessToken })(ME))).toMatchObject({ reason: 'SESSION_REVOKED' });
    expect(extensions(await anonymous()(REFRESH, { input: { refreshToken: third.refreshToken } }))).toMatchObject({
      reason: 'SESSION_REVOKED',
    });
  });

  it('signs out: the access and refresh tokens of that session stop working at once', async () => {
    const login = (await anonymous()(LOGIN, { input: { username: 'park-admin', password: TEST_PASSWORD } })).data.login;
    const out = await api.as({ token: login.accessToken })('mutation { logout { loggedOut } }');
    expect(out.data.logout.loggedOut).toBe(true);
    expect(extensions(await api.as({ token: login.accessToken })(ME))).toMatchObject({ reason: 'SESSION_REVOKED' });
    expect(extensions(await anonymous()(REFRESH, { input: { refreshToken: login.refreshToken } }))).toMatchObject({
      reason: 'SESSION_REVOKED',
    });
  });

  it('refuses the access tokens of a session whose refresh token has expired', async () => {
    const token = await api.signIn('park-admin');
    expect((await api.as({ token })(ME)).errors).toBeUndefined();
    await api.db.sql.query(
      `UPDATE auth_session SET expires_at = now() - interval '1 second' WHERE id = (SELECT id FROM auth_session ORDER BY created_at DESC LIMIT 1)`,
    );
    // Changed by another connection: it takes effect when the database notifies the server (milliseconds).
    const started = Date.now();
    while (!extensions(await api.as({ token })(ME)) && Date.now() - started < 2_000) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(extensions(await api.as({ token })(ME))).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_REVOKED' });
  });

  it('refuses bad, forged and expired access tokens with 401 and a reason, and stays healthy', async () => {
    const cases: Array<[string, string]> = [
      ['Bearer not.a.jwt', 'TOKEN_INVALID'],
      ['Basic dXNlcjpwYXNz', 'TOKEN_INVALID'],
      [`Bearer ${api.adminToken.slice(0, -4)}AAAA`, 'TOKEN_INVALID'],
    ];
    // A token signed with another key, and one that expired.
    const forged = await signAccessToken(new TextEncoder().encode('x'.repeat(48)), { userId: 1, sessionId: crypto.randomUUID() });
    cases.push([`Bearer ${forged.token}`, 'TOKEN_INVALID']);
    const key = await loadSigningKey(api.db.orm.em.fork());
    const [session] = (await api.db.sql.query(`SELECT id, user_id FROM auth_session LIMIT 1`)).rows;
    const expired = await signAccessToken(key, { userId: session.user_id, sessionId: session.id }, new Date(Date.now() - 16 * 60_000));
    cases.push([`Bearer ${expired.token}`, 'TOKEN_EXPIRED']);
    // Signed with the right key but without an expiry: it would never expire, so it is refused.
    const endless = await new SignJWT({ sid: session.id })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(String(session.user_id))
      .setIssuer('huhang')
      .setAudience('huhang-api')
      .setIssuedAt()
      .sign(key);
    cases.push([`Bearer ${endless}`, 'TOKEN_INVALID']);
    for (const [authorization, reason] of cases) {
      const response = await fetch(`${api.server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization },
        body: JSON.stringify({ query: '{ parks { totalCount } }' }),
      });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/Bearer/);
      const body = (await response.json()) as { data?: unknown; errors: Array<{ extensions: Record<string, unknown>; message: string }> };
      expect({ authorization: authorization.slice(0, 12), ext: body.errors[0].extensions }).toEqual({
        authorization: authorization.slice(0, 12),
        ext: { code: 'UNAUTHENTICATED', reason },
      });
      expect(body.data).toBeUndefined();
    }
    expect((await fetch(`${api.server.url}/healthz`)).status).toBe(200);
    expect((await api.ok('{ parks { totalCount } }')).parks.totalCount).toBe(1);
  });
});

describe('a verified access token', () => {
  it('is refused once it expires, though it was accepted (and kept as verified) before', async () => {
    const key = await loadSigningKey(api.db.orm.em.fork());
    const [session] = (
      await api.db.sql.query(`SELECT id, user_id FROM auth_session WHERE revoked_at IS NULL AND expires_at > now() LIMIT 1`)
    ).rows;
    // Issued so that it has about two seconds left.
    const issued = new Date(Date.now() - ACCESS_TOKEN_SECONDS * 1000 + 2_000);
    const { token, expiresAt } = await signAccessToken(key, { userId: session.user_id, sessionId: session.id }, issued);
    const ask = api.as({ token });
    expect((await ask('{ __typename }')).errors).toBeUndefined();
    expect((await ask('{ __typename }')).errors).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, expiresAt.getTime() - Date.now()) + 50));
    expect((await ask('{ __typename }')).errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'TOKEN_EXPIRED' });
  });
});

describe('the first administrator', () => {
  it('is made by a command, checked, audited, and signs in', async () => {
    const em = api.db.orm.em.fork();
    await expect(createAdministrator(em, { username: 'root-admin', password: 'short' })).rejects.toThrow(/too weak/);
    const id = await createAdministrator(em, { username: 'root-admin', displayName: '首位管理员', password: 'First-admin-pass-1' });
    await expect(createAdministrator(em, { username: 'ROOT-admin', password: 'First-admin-pass-1' })).rejects.toThrow(/exists already/);
    const me = await api.as({ token: await api.signIn('root-admin', 'First-admin-pass-1') })(ME);
    expect(me.data.me).toMatchObject({ username: 'root-admin', role: 'SYSTEM_ADMIN' });
    const { rows } = await api.db.sql.query(`SELECT actor_type FROM audit_log WHERE action = 'createAdministrator' AND entity_id = $1`, [
      id,
    ]);
    expect(rows).toEqual([{ actor_type: 'SYSTEM' }]);
  });
});

describe('users', () => {
  const CREATE = `mutation ($input: CreateUserInput!) { createUser(input: $input) { user { id version username role parks { databaseId } } } }`;

  it('are made by administrators with the grants of their role, checked and audited without secrets', async () => {
    const before = await auditRows();
    const weak = await api.gql(CREATE, {
      input: {
        username: 'new-park',
        displayName: '新管理员',
        password: 'short',
        role: 'PARK_ADMIN',
        parkIds: [toGlobalId('Park', parkId)],
      },
    });
    expect(extensions(weak)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.password', reason: 'WEAK_PASSWORD' });
    const missing = await api.gql(CREATE, {
      input: { username: 'new-park', displayName: '新管理员', password: 'Long-enough-1', role: 'PARK_ADMIN' },
    });
    expect(extensions(missing)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.parkIds', reason: 'REQUIRED' });
    expect(await auditRows()).toBe(before);
    const made = await api.gql(CREATE, {
      input: {
        username: 'new-park',
        displayName: '新管理员',
        password: 'Long-enough-1',
        role: 'PARK_ADMIN',
        parkIds: [toGlobalId('Park', parkId)],
        idempotencyKey: 'create-user-new-park',
      },
    });
    expect(made.errors).toBeUndefined();
    expect(made.data.createUser.user).toMatchObject({ username: 'new-park', role: 'PARK_ADMIN', parks: [{ databaseId: parkId }] });
    const duplicate = await api.gql(CREATE, {
      input: {
        username: 'NEW-PARK',
        displayName: 'x',
        password: 'Long-enough-1',
        role: 'PARK_ADMIN',
        parkIds: [toGlobalId('Park', parkId)],
      },
    });
    expect(extensions(duplicate)).toMatchObject({ code: 'CONFLICT', field: 'input.username' });
    const { rows } = await api.db.sql.query(`SELECT after::text FROM audit_log WHERE action = 'createUser'`);
    expect(rows).toHaveLength(1);
    expect(rows[0].after).toContain('[redacted]');
    expect(rows[0].after).not.toContain('scrypt');
    expect((await api.as({ token: await api.signIn('new-park', 'Long-enough-1') })(ME)).data.me.username).toBe('new-park');

    // A park administrator may not make users; a disabled user cannot sign in and loses its sessions.
    const parkToken = await api.signIn('park-admin');
    expect(
      extensions(
        await api.as({ token: parkToken })(CREATE, {
          input: { username: 'x-user', displayName: 'x', password: 'Long-enough-1', role: 'SYSTEM_ADMIN' },
        }),
      ),
    ).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'ROLE',
    });
    const newToken = await api.signIn('new-park', 'Long-enough-1');
    const disabled = await api.gql(`mutation ($input: DisableUserInput!) { disableUser(input: $input) { user { disabledAt } } }`, {
      input: { id: made.data.createUser.user.id, version: made.data.createUser.user.version },
    });
    expect(disabled.data.disableUser.user.disabledAt).toBeTruthy();
    expect(extensions(await api.as({ token: newToken })(ME))).toMatchObject({ reason: 'SESSION_REVOKED' });
    expect(extensions(await anonymous()(LOGIN, { input: { username: 'new-park', password: 'Long-enough-1' } }))).toMatchObject({
      reason: 'ACCOUNT_DISABLED',
    });
  });

  it('include officers, each signing in as its officer record, one account per officer', async () => {
    const officerId = (await api.db.sql.query('SELECT id FROM officer ORDER BY id LIMIT 1')).rows[0].id;
    const input = (username: string) => ({
      username,
      displayName: '护航警官',
      password: 'Long-enough-1',
      role: 'OFFICER',
      officerId: toGlobalId('Officer', officerId),
    });
    const OFFICER = `mutation ($input: CreateUserInput!) { createUser(input: $input) { user { username role officer { databaseId } } } }`;
    const made = await api.gql(OFFICER, { input: input('new-officer') });
    expect(made.errors).toBeUndefined();
    expect(made.data.createUser.user).toEqual({ username: 'new-officer', role: 'OFFICER', officer: { databaseId: officerId } });
    const again = await api.gql(OFFICER, { input: input('second-officer') });
    expect(extensions(again)).toMatchObject({ code: 'CONFLICT', field: 'input.officerId', reason: 'DUPLICATE' });
    const { rows } = await api.db.sql.query(`SELECT username FROM app_user WHERE officer_id = $1`, [officerId]);
    expect(rows).toEqual([{ username: 'new-officer' }]);
  });

  it('change their own password; other sessions end', async () => {
    await api.createUser({ username: 'changer', role: 'PARK_ADMIN', parkIds: [parkId] });
    const first = await api.signIn('changer');
    const second = await api.signIn('changer');
    const CHANGE = `mutation ($input: ChangePasswordInput!) { changePassword(input: $input) { username } }`;
    const wrong = await api.as({ token: first })(CHANGE, { input: { currentPassword: 'nope', newPassword: 'Brand-new-pass-2' } });
    expect(extensions(wrong)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.currentPassword' });
    const changed = await api.as({ token: first })(CHANGE, { input: { currentPassword: TEST_PASSWORD, newPassword: 'Brand-new-pass-2' } });
    expect(changed.data.changePassword.username).toBe('changer');
    expect((await api.as({ token: first })(ME)).data.me.username).toBe('changer');
    expect(extensions(await api.as({ token: second })(ME))).toMatchObject({ reason: 'SESSION_REVOKED' });
    expect(await api.signIn('changer', 'Brand-new-pass-2')).toBeTruthy();
  });
});

describe('embed keys', () => {
  const CREATE = `mutation ($input: CreateEmbedKeyInput!) { createEmbedKey(input: $input) { key embedKey { id version prefix allowedOrigins park { databaseId } } } }`;
  const STEP = (name: string) =>
    `mutation ($input: EmbedKeyStepInput!) { ${name}(input: $input) { key embedKey { id version revokedAt } } }`;
  const FIGURES = `query ($scope: ID!) { serviceStatistics(scope: $scope, period: { year: 2026 }) { disclosure figures { key } } }`;
  const ORIGIN = 'https://www.wengan.gov.cn';

  it('are bound to a scope and to origins; rotated and revoked keys stop working', async () => {
    const parkToken = await api.signIn('park-admin');
    const park = toGlobalId('Park', parkId);
    const bad = await api.as({ token: parkToken })(CREATE, {
      input: { name: '门户', scope: park, allowedOrigins: ['https://www.wengan.gov.cn/page'] },
    });
    expect(extensions(bad)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.allowedOrigins.0', reason: 'FORMAT' });
    const made = await api.as({ token: parkToken })(CREATE, {
      input: { name: '瓮安县政府门户', scope: park, allowedOrigins: ['HTTPS://www.wengan.gov.cn/', 'https://*.gzwa.gov.cn'] },
    });
    expect(made.errors).toBeUndefined();
    const { key, embedKey } = made.data.createEmbedKey;
    expect(key).toMatch(/^hk_pub_/);
    expect(embedKey).toMatchObject({
      prefix: key.slice(0, 12),
      allowedOrigins: ['https://www.wengan.gov.cn', 'https://*.gzwa.gov.cn'],
      park: { databaseId: parkId },
    });
    expect((await api.db.sql.query(`SELECT count(*) FROM embed_key WHERE key_hash = $1`, [key])).rows[0].count).toBe('0');

    const figures = await api.as({ key, origin: ORIGIN })(FIGURES, { scope: park });
    expect(figures.errors).toBeUndefined();
    expect(figures.data.serviceStatistics.disclosure).toBe('PUBLIC');
    // Commitments name lead units, which a key may not read: the join that filters them must still be valid SQL.
    const report = await api.as({ key, origin: ORIGIN })(
      `query ($scope: ID!) { complianceReport(scope: $scope, period: { month: "2026-09" }) { score commitments { code status } } }`,
      { scope: park },
    );
    expect(report.errors).toBeUndefined();
    expect(report.data.complianceReport.commitments).toHaveLength(13);
    expect((await api.as({ key, origin: 'https://news.gzwa.gov.cn' })(FIGURES, { scope: park })).errors).toBeUndefined();
    for (const origin of ['https://evil.example', 'http://www.wengan.gov.cn', 'https://gzwa.gov.cn.evil.example', null]) {
      const refused = await api.as({ key, origin })(FIGURES, { scope: park });
      expect({ origin, status: refused.status, ext: extensions(refused) }).toMatchObject({
        origin,
        status: 403,
        ext: { code: 'FORBIDDEN', reason: 'ORIGIN_NOT_ALLOWED' },
      });
    }
    // Read-only, public figures only.
    expect(extensions(await api.as({ key, origin: ORIGIN })('{ enterprises { totalCount } }'))).toMatchObject({
      reason: 'PUBLIC_FIGURES_ONLY',
    });
    expect(
      extensions(await api.as({ key, origin: ORIGIN })(STEP('revokeEmbedKey'), { input: { id: embedKey.id, version: embedKey.version } })),
    ).toMatchObject({
      reason: 'READ_ONLY_KEY',
    });
    // Both a key and a token: refused as ambiguous.
    expect(extensions(await api.as({ key, origin: ORIGIN, token: parkToken })(FIGURES, { scope: park }))).toMatchObject({
      reason: 'AMBIGUOUS_CREDENTIALS',
    });

    const rotated = await api.as({ token: parkToken })(STEP('rotateEmbedKey'), { input: { id: embedKey.id, version: embedKey.version } });
    const newKey = rotated.data.rotateEmbedKey.key;
    expect(newKey).not.toBe(key);
    expect(extensions(await api.as({ key, origin: ORIGIN })(FIGURES, { scope: park }))).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'KEY_INVALID',
    });
    expect((await api.as({ key: newKey, origin: ORIGIN })(FIGURES, { scope: park })).errors).toBeUndefined();

    const revoked = await api.as({ token: parkToken })(STEP('revokeEmbedKey'), {
      input: { id: embedKey.id, version: rotated.data.rotateEmbedKey.embedKey.version },
    });
    expect(revoked.data.revokeEmbedKey.embedKey.revokedAt).toBeTruthy();
    const after = await api.as({ key: newKey, origin: ORIGIN })(FIGURES, { scope: park });
    expect(after.status).toBe(401);
    expect(extensions(after)).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'KEY_REVOKED' });
    expect(
      extensions(
        await api.as({ token: parkToken })(STEP('revokeEmbedKey'), {
          input: { id: embedKey.id, version: revoked.data.revokeEmbedKey.embedKey.version },
        }),
      ),
    ).toMatchObject({
      code: 'INVALID_TRANSITION',
    });
    expect(extensions(await api.as({ key: 'hk_pub_never_issued', origin: ORIGIN })(FIGURES, { scope: park }))).toMatchObject({
      reason: 'KEY_INVALID',
    });
    expect((await fetch(`${api.server.url}/healthz`)).status).toBe(200);
  });

  it('answers browsers of other origins (CORS), and updates a key’s origins', async () => {
    const preflight = await fetch(`${api.server.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, x-huhang-key' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('x-huhang-key');
    expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();

    const made = (
      await api.gql(CREATE, { input: { name: '园区网站', scope: toGlobalId('Park', parkId), allowedOrigins: ['https://a.example'] } })
    ).data.createEmbedKey;
    const updated = await api.gql(
      `mutation ($input: UpdateEmbedKeyInput!) { updateEmbedKey(input: $input) { key embedKey { allowedOrigins } } }`,
      { input: { id: made.embedKey.id, version: made.embedKey.version, allowedOrigins: ['https://b.example'] } },
    );
    expect(updated.data.updateEmbedKey).toEqual({ key: null, embedKey: { allowedOrigins: ['https://b.example'] } });
    expect((await api.as({ key: made.key, origin: 'https://a.example' })('{ metrics { name } }')).status).toBe(403);
    expect((await api.as({ key: made.key, origin: 'https://b.example' })('{ metrics { name } }')).errors).toBeUndefined();
  });
});

describe('the audit trail of access', () => {
  it('holds sign-ins and reads of personal data, queried by system administrators only', async () => {
    const token = await api.signIn('park-admin');
    const read = await api.as({ token })('{ enterprises(first: 3) { nodes { databaseId contactPerson } } }');
    const ids = read.data.enterprises.nodes.map((e: { databaseId: number }) => e.databaseId);
    const trail = await api.ok(
      `{ auditLog(first: 20, filter: { action: "READ_PERSONAL" }) { nodes { actorName entity entityId after } } }`,
    );
    const mine = trail.auditLog.nodes.filter((row: { actorName: string }) => row.actorName === 'park-admin');
    expect(mine.map((row: { entityId: number }) => row.entityId).sort()).toEqual([...ids].sort());
    expect(mine[0]).toMatchObject({ entity: 'Enterprise', after: { fields: ['contactPerson'] } });
    // Latest first: this test's own sign-in is there, whatever ran before it.
    const logins = await api.ok(`{ auditLog(filter: { action: "login" }) { nodes { actorName at } } }`);
    expect(logins.auditLog.nodes.map((row: { actorName: string }) => row.actorName)).toContain('park-admin');
    // Newest first, by row id as a number (ids of one and two digits and more in this file's trail).
    const rowIds = (await api.ok(`{ auditLog(first: 100) { nodes { id } } }`)).auditLog.nodes.map((row: { id: string }) => Number(row.id));
    expect(rowIds.length).toBeGreaterThan(10);
    expect(rowIds).toEqual([...rowIds].sort((a, b) => b - a));
    // Each row's time, as an instant of the last minutes.
    for (const { at } of logins.auditLog.nodes as Array<{ at: string }>) {
      expect(at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(Math.abs(Date.parse(at) - Date.now())).toBeLessThan(10 * 60_000);
    }
    expect(extensions(await api.as({ token })('{ auditLog { nodes { id } } }'))).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE' });
    // A failed sign-in writes no row.
    const before = await auditRows();
    await anonymous()(LOGIN, { input: { username: 'park-admin', password: 'wrong-password' } });
    expect(await auditRows()).toBe(before);
  });
});

describe('personal data that cannot be audited', () => {
  it('goes out masked, with PERSONAL_DATA_MASKED, when its READ_PERSONAL row cannot be written', async () => {
    const token = await api.signIn('park-admin');
    const query = '{ enterprises(first: 3) { nodes { databaseId contactPerson contactPhone } } }';
    const whole = (await api.as({ token })(query)).data.enterprises.nodes as Array<{ contactPerson: string; contactPhone: string }>;
    expect(whole.every((e) => e.contactPerson && !e.contactPerson.includes('*'))).toBe(true);
    const before = await auditRows();
    // The audit trail refuses the API's rows (as a full disk or a broken grant would).
    await api.db.sql.query('REVOKE INSERT ON audit_log FROM huhang_api');
    try {
      const refused = await api.as({ token })(query);
      expect(refused.status).toBe(200);
      expect(refused.errors?.map((e) => e.extensions.code)).toEqual(['PERSONAL_DATA_MASKED']);
      expect(refused.data.enterprises.nodes).toEqual(
        whole.map((e) => ({ ...e, contactPerson: maskName(e.contactPerson), contactPhone: maskPhone(e.contactPhone) })),
      );
      expect(await auditRows()).toBe(before);
    } finally {
      await api.db.sql.query('GRANT INSERT ON audit_log TO huhang_api');
    }
    expect((await api.as({ token })(query)).data.enterprises.nodes).toEqual(whole);
    expect(await auditRows()).toBe(before + 3);
  });

  it('includes the personal fields inside the audit trail: reading them is audited, and masked when it cannot be', async () => {
    await api.db.sql.query(
      `INSERT INTO audit_log (actor_type, action, entity, entity_id, before, after)
       VALUES ('SYSTEM', 'updateOfficer', 'Officer', 999001, '{"phone": "13812341234"}', '{"phone": "13900001111", "title": "所长"}')`,
    );
    const query = `{ auditLog(first: 1, filter: { action: "updateOfficer" }) { nodes { id before after } } }`;
    const shown = (await api.ok(query)).auditLog.nodes[0];
    expect(shown).toMatchObject({ before: { phone: '13812341234' }, after: { phone: '13900001111', title: '所长' } });
    const { rows: reads } = await api.db.sql.query(
      `SELECT after FROM audit_log WHERE action = 'READ_PERSONAL' AND entity = 'AuditEntry' AND entity_id = $1`,
      [Number(shown.id)],
    );
    expect(reads).toEqual([{ after: { fields: ['after.phone', 'before.phone'] } }]);
    await api.db.sql.query('REVOKE INSERT ON audit_log FROM huhang_api');
    try {
      const masked = await api.gql(query);
      expect(masked.errors?.map((e) => e.extensions.code)).toEqual(['PERSONAL_DATA_MASKED']);
      expect(masked.data.auditLog.nodes[0]).toMatchObject({
        before: { phone: '138****1234' },
        after: { phone: '139****1111', title: '所长' },
      });
    } finally {
      await api.db.sql.query('GRANT INSERT ON audit_log TO huhang_api');
    }
  });
});

describe('signed-in viewers kept between requests', () => {
  /** Asks until `check` holds; how long it took, in ms. */
  async function within(ms: number, check: () => Promise<boolean>): Promise<number> {
    const started = Date.now();
    while (!(await check())) {
      if (Date.now() - started > ms) throw new Error(`not within ${ms} ms`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return Date.now() - started;
  }

  const watchConnections = async () =>
    Number(
      (
        await api.db.sql.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'huhang access watch' AND datname = current_database()`,
        )
      ).rows[0].n,
    );

  it('are read once per session, then cost no statement', async () => {
    await api.createUser({ username: 'kept-reader', role: 'PARK_ADMIN', parkIds: [parkId] });
    const ask = api.as({ token: await api.signIn('kept-reader') });
    const first = await statementsOf(() => ask('{ __typename }'));
    expect(first.some((sql) => sql.includes('auth_session'))).toBe(true);
    // The sign-in's own notification may reach the watch after the first request (a busy machine):
    // once it has, the viewer is kept and a request costs no statement.
    await within(2_000, async () => (await statementsOf(() => ask('{ __typename }'))).length === 0);
    expect(await statementsOf(() => ask('{ __typename }'))).toEqual([]);
  });

  it('are kept across a mutation that changes no access, and dropped by one that does before its answer leaves', async () => {
    await api.createUser({ username: 'kept-writer', role: 'PARK_ADMIN', parkIds: [parkId] });
    const ask = api.as({ token: await api.signIn('kept-writer') });
    const park = toGlobalId('Park', parkId);
    // Kept once the sign-in's own notification has been heard (it may come a request late).
    await within(2_000, async () => (await statementsOf(() => ask('{ __typename }'))).length === 0);
    const zone = await ask(`mutation { createZone(input: { parkId: "${park}", name: "保留会话的园区" }) { zone { id } } }`);
    expect(zone.errors).toBeUndefined();
    // A zone is not what a viewer's grants are read from: the viewer is still kept.
    expect(await statementsOf(() => ask('{ __typename }'))).toEqual([]);
    const { version } = (await ask(`{ park(id: "${park}") { version } }`)).data.park;
    const renamed = await ask(`mutation { updatePark(input: { id: "${park}", version: ${version}, level: "省级" }) { park { id } } }`);
    expect(renamed.errors).toBeUndefined();
    // Parks are: the next request reads the session again.
    expect((await statementsOf(() => ask('{ __typename }'))).some((sql) => sql.includes('auth_session'))).toBe(true);
  });

  it('are dropped by any process’s change to users, sessions or grants as soon as the database tells', async () => {
    await api.createUser({ username: 'kept-changed', role: 'PARK_ADMIN', parkIds: [parkId] });
    const ask = api.as({ token: await api.signIn('kept-changed') });
    expect((await ask(ME)).data.me.parks).toEqual([{ databaseId: parkId }]);
    // Another connection, as a tool or another API process would write.
    await api.db.sql.query(`DELETE FROM app_user_park WHERE app_user_id = (SELECT id FROM app_user WHERE username = 'kept-changed')`);
    const regranted = await within(2_000, async () => (await ask(ME)).data?.me.parks.length === 0);
    await api.db.sql.query(`UPDATE app_user SET disabled_at = now() WHERE username = 'kept-changed'`);
    const disabled = await within(2_000, async () => extensions(await ask(ME))?.reason === 'ACCOUNT_DISABLED');
    console.log(`[access] a change by another connection took effect after ${regranted} ms and ${disabled} ms`);
  });

  it('are not kept while the database cannot tell of changes, and are kept again once it can', async () => {
    await api.createUser({ username: 'kept-unwatched', role: 'PARK_ADMIN', parkIds: [parkId] });
    const ask = api.as({ token: await api.signIn('kept-unwatched') });
    await ask('{ __typename }');
    expect(await watchConnections()).toBe(1);
    await api.db.sql.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'huhang access watch' AND datname = current_database()`,
    );
    // Until the watch listens again, every request reads its session.
    await within(2_000, async () => (await statementsOf(() => ask('{ __typename }'))).length > 0);
    await within(5_000, async () => (await watchConnections()) === 1);
    await ask('{ __typename }');
    await within(2_000, async () => (await statementsOf(() => ask('{ __typename }'))).length === 0);
    // And changes are heard again.
    await api.db.sql.query(`UPDATE app_user SET disabled_at = now() WHERE username = 'kept-unwatched'`);
    await within(2_000, async () => extensions(await ask(ME))?.reason === 'ACCOUNT_DISABLED');
  });
});
