import { Secret, TOTP } from 'otpauth';
import { startTestApi, TEST_PASSWORD, type GraphqlResult, type TestApi } from '../test-support/api';
import { generateDemo } from '../demo/generator';
import { toGlobalId } from '../shared/graphql/global-id';
import { Role } from '../shared/auth/role';

let api: TestApi;
let programId: number;
let parkId: number;

beforeAll(async () => {
  // Program administrators must sign in with two factors here; system administrators (the tests' own) need not.
  api = await startTestApi((db) => generateDemo(db.sql, { enterprises: 5, months: 1, endDate: '2026-10-20' }), {
    twoFactorRoles: [Role.PROGRAM_ADMIN],
  });
  programId = (await api.db.sql.query('SELECT id FROM program LIMIT 1')).rows[0].id;
  parkId = (await api.db.sql.query('SELECT id FROM park LIMIT 1')).rows[0].id;
});

afterAll(async () => {
  await api.close();
});

const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { accessToken twoFactorEnrolmentRequired user { username } } }`;
const START = `mutation { startTwoFactorEnrolment { secret uri } }`;
const CONFIRM = `mutation ($input: ConfirmTwoFactorInput!) { confirmTwoFactorEnrolment(input: $input) { recoveryCodes } }`;
const extensions = (result: GraphqlResult) => result.errors?.[0]?.extensions;
const signIn = (input: { username: string; password?: string; otp?: string }) =>
  api.as({})(LOGIN, { input: { password: TEST_PASSWORD, ...input } });

/** The code an authenticator app shows for `secret`, `steps` time steps from now. */
function code(secret: string, username: string, steps = 0): string {
  return new TOTP({ issuer: '护航 Huhang', label: username, secret: Secret.fromBase32(secret) }).generate({
    timestamp: Date.now() + steps * 30_000,
  });
}

/** Enrols the user of `token`; returns the secret and the recovery codes. */
async function enrol(token: string, username: string): Promise<{ secret: string; recoveryCodes: string[]; confirmedWith: string }> {
  const started = await api.as({ token })(START);
  expect(started.errors).toBeUndefined();
  const { secret, uri } = started.data.startTwoFactorEnrolment;
  expect(uri).toMatch(new RegExp(`^otpauth://totp/.+${username}\\?.*secret=${secret}.*&digits=6&period=30`));
  const confirmedWith = code(secret, username);
  const confirmed = await api.as({ token })(CONFIRM, { input: { code: confirmedWith } });
  expect(confirmed.errors).toBeUndefined();
  return { secret, recoveryCodes: confirmed.data.confirmTwoFactorEnrolment.recoveryCodes, confirmedWith };
}

describe('two-factor sign-in', () => {
  it('is enrolled with a code from the app, then asked for at every sign-in; a code and a recovery code work once', async () => {
    await api.createUser({ username: 'tf-park', role: 'PARK_ADMIN', parkIds: [parkId] });
    const first = await signIn({ username: 'tf-park' });
    expect(first.data.login).toMatchObject({ twoFactorEnrolmentRequired: false });
    const token = first.data.login.accessToken as string;
    const me = `{ me { twoFactorEnabled } }`;
    expect((await api.as({ token })(me)).data.me.twoFactorEnabled).toBe(false);

    // A wrong code does not confirm; the field is named.
    const started = (await api.as({ token })(START)).data.startTwoFactorEnrolment;
    const wrong = await api.as({ token })(CONFIRM, { input: { code: '000000' === code(started.secret, 'tf-park') ? '111111' : '000000' } });
    expect(extensions(wrong)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.code', reason: 'TWO_FACTOR_INVALID' });
    const { secret, recoveryCodes, confirmedWith } = await enrol(token, 'tf-park');
    expect(secret).not.toBe(started.secret);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect(recoveryCodes[0]).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    // Enrolling twice is refused; the audit trail has both steps, and neither the secret nor a code.
    expect(extensions(await api.as({ token })(START))).toMatchObject({ code: 'CONFLICT', reason: 'TWO_FACTOR_ALREADY_ON' });
    const { rows: trail } = await api.db.sql.query(
      `SELECT action, after::text AS after FROM audit_log WHERE action LIKE '%TwoFactor%' AND entity_id = (SELECT id FROM app_user WHERE username = 'tf-park') ORDER BY id`,
    );
    expect(trail.map((row) => row.action)).toEqual(['startTwoFactorEnrolment', 'startTwoFactorEnrolment', 'confirmTwoFactorEnrolment']);
    expect(JSON.stringify(trail)).not.toContain(secret);
    expect(JSON.stringify(trail)).not.toContain(recoveryCodes[0]);

    // From now on the password alone is not enough, and says so.
    expect(extensions(await signIn({ username: 'tf-park' }))).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'TWO_FACTOR_REQUIRED' });
    expect(extensions(await signIn({ username: 'tf-park', otp: '12345' }))).toMatchObject({ reason: 'TWO_FACTOR_INVALID' });
    // The code used to confirm cannot be used again (replay); the next step's code works, once.
    expect(extensions(await signIn({ username: 'tf-park', otp: confirmedWith }))).toMatchObject({ reason: 'TWO_FACTOR_INVALID' });
    // The step after the one used (even if a 30-second boundary passed meanwhile, still in the window).
    const next = code(secret, 'tf-park', 1);
    const withCode = await signIn({ username: 'tf-park', otp: next });
    expect(withCode.errors).toBeUndefined();
    expect((await api.as({ token: withCode.data.login.accessToken })(me)).data.me.twoFactorEnabled).toBe(true);
    expect(extensions(await signIn({ username: 'tf-park', otp: next }))).toMatchObject({ reason: 'TWO_FACTOR_INVALID' });
    // A recovery code, typed loosely, works once.
    const recovery = recoveryCodes[3]!.toLowerCase().replace('-', ' ');
    expect((await signIn({ username: 'tf-park', otp: recovery })).errors).toBeUndefined();
    expect(extensions(await signIn({ username: 'tf-park', otp: recoveryCodes[3] }))).toMatchObject({ reason: 'TWO_FACTOR_INVALID' });
    // A wrong password with a right code is still a wrong password.
    expect(extensions(await signIn({ username: 'tf-park', password: 'Wrong-password-1', otp: recoveryCodes[4] }))).toMatchObject({
      reason: 'INVALID_CREDENTIALS',
    });
  });

  it('holds a required role’s first session to enrolment, then opens it', async () => {
    await api.createUser({ username: 'tf-program', role: 'PROGRAM_ADMIN', programIds: [programId] });
    const login = await signIn({ username: 'tf-program' });
    expect(login.data.login).toMatchObject({ twoFactorEnrolmentRequired: true });
    const token = login.data.login.accessToken as string;
    const held = await api.as({ token })('{ parks { totalCount } }');
    expect(extensions(held)).toMatchObject({ code: 'FORBIDDEN', reason: 'TWO_FACTOR_ENROLMENT_REQUIRED' });
    // It may sign out.
    expect((await api.as({ token })('mutation { logout { loggedOut } }')).data.logout.loggedOut).toBe(true);
    // Signed in again, it enrols from the held session.
    const again = (await signIn({ username: 'tf-program' })).data.login.accessToken as string;
    expect((await api.as({ token: again })('{ me { username } }')).data.me.username).toBe('tf-program');
    const { secret } = await enrol(again, 'tf-program');
    // The same session may now do what the role allows (the server learns of the change at once).
    let parks: GraphqlResult | undefined;
    for (let i = 0; i < 40; i++) {
      parks = await api.as({ token: again })('{ parks { totalCount } }');
      if (!parks.errors) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(parks!.errors).toBeUndefined();
    expect(parks!.data.parks.totalCount).toBeGreaterThan(0);
    // Later sign-ins ask for the code and are not held.
    const later = await signIn({ username: 'tf-program', otp: code(secret, 'tf-program', 1) });
    expect(later.data.login.twoFactorEnrolmentRequired).toBe(false);
  });

  it('is reset by a system administrator only; the user’s sessions end and the password works again', async () => {
    await api.createUser({ username: 'tf-lost', role: 'PARK_ADMIN', parkIds: [parkId] });
    const token = (await signIn({ username: 'tf-lost' })).data.login.accessToken as string;
    await enrol(token, 'tf-lost');
    const userId = toGlobalId('User', (await api.db.sql.query(`SELECT id FROM app_user WHERE username = 'tf-lost'`)).rows[0].id);
    const RESET = `mutation ($input: ResetTwoFactorInput!) { resetTwoFactor(input: $input) { username twoFactorEnabled } }`;
    // Not by the user, nor by a park administrator.
    expect(extensions(await api.as({ token })(RESET, { input: { userId } }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await api.ok(RESET, { input: { userId } })).toEqual({ resetTwoFactor: { username: 'tf-lost', twoFactorEnabled: false } });
    expect(extensions(await api.as({ token })('{ me { username } }'))).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await signIn({ username: 'tf-lost' })).errors).toBeUndefined();
  });
});
