import { startTestApi, TEST_PASSWORD, type TestApi } from '../test-support/api';
import { startServer, type RunningServer } from '../server';
import { ClientAddresses } from './client-address';
import type { IncomingMessage } from 'node:http';

/** The client's address behind a proxy (HUHANG_TRUSTED_PROXIES), as sign-in, limits and the audit trail see it. */
let api: TestApi;
let trusting: RunningServer;

beforeAll(async () => {
  api = await startTestApi();
  // A second server on the same database that trusts proxies on this machine.
  trusting = await startServer({
    orm: api.orm,
    port: 0,
    twoFactorRoles: [],
    rateLimit: { requests: 1_000_000, windowSeconds: 60 },
    trustedProxies: '127.0.0.1,::1',
  });
  await api.createUser({ username: 'behind-proxy', role: 'PARK_ADMIN' });
});

afterAll(async () => {
  await trusting.close();
  await api.close();
});

async function signInVia(url: string, forwardedFor: string): Promise<string> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
    body: JSON.stringify({
      query: 'mutation ($input: LoginInput!) { login(input: $input) { accessToken } }',
      variables: { input: { username: 'behind-proxy', password: TEST_PASSWORD } },
    }),
  });
  expect(response.status).toBe(200);
  const { rows } = await api.db.sql.query(
    `SELECT s.client_address::text AS client_address FROM auth_session s JOIN app_user u ON u.id = s.user_id
      WHERE u.username = 'behind-proxy' ORDER BY s.expires_at DESC LIMIT 1`,
  );
  return rows[0].client_address as string;
}

describe('the client address', () => {
  it('is the forwarded one when the request comes from a trusted proxy', async () => {
    expect(await signInVia(trusting.url, '198.51.100.20, 203.0.113.7')).toBe('203.0.113.7');
  });

  it('ignores X-Forwarded-For from anyone else', async () => {
    const address = await signInVia(api.server.url, '203.0.113.7');
    expect(address).not.toBe('203.0.113.7');
    expect(address).toMatch(/127\.0\.0\.1|::1/);
  });

  it('skips trusted hops, and refuses a list that is not addresses', () => {
    const addresses = new ClientAddresses('10.0.0.0/8, 127.0.0.1');
    const request = (peer: string, forwarded?: string) =>
      ({ socket: { remoteAddress: peer }, headers: forwarded ? { 'x-forwarded-for': forwarded } : {} }) as unknown as IncomingMessage;
    expect(addresses.of(request('::ffff:127.0.0.1', '203.0.113.7, 10.1.2.3'))).toBe('203.0.113.7');
    expect(addresses.of(request('192.0.2.1', '203.0.113.7'))).toBe('192.0.2.1');
    expect(addresses.of(request('127.0.0.1', 'not-an-address'))).toBe('127.0.0.1');
    expect(() => new ClientAddresses('proxy.example')).toThrow(/HUHANG_TRUSTED_PROXIES/);
  });
});
