import { startTestApi, type TestApi } from '../test-support/api';
import { generateDemo } from '../demo/generator';
import { createLogger } from './observability';

/** The server's own log lines, as JSON objects. */
const lines: Array<Record<string, any>> = [];
let api: TestApi;
const ORIGIN = 'https://www.wengan.gov.cn';

beforeAll(async () => {
  const level = process.env.HUHANG_LOG_LEVEL;
  process.env.HUHANG_LOG_LEVEL = 'info';
  const log = createLogger({ write: (line: string) => void lines.push(JSON.parse(line)) });
  if (level === undefined) delete process.env.HUHANG_LOG_LEVEL;
  else process.env.HUHANG_LOG_LEVEL = level;
  api = await startTestApi((db) => generateDemo(db.sql, { enterprises: 5, months: 1, endDate: '2026-10-20' }), { log });
});

afterAll(async () => {
  await api.close();
});

async function post(body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${api.server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${api.adminToken}`, ...headers },
    body: JSON.stringify(body),
  });
  await response.text();
  return response.status;
}

describe('operators see', () => {
  it('one JSON log line per request: request id, viewer, operation, duration and outcome, and no personal data', async () => {
    lines.length = 0;
    expect(await post({ query: 'query ParkNames { parks { nodes { name } } }', operationName: 'ParkNames' })).toBe(200);
    expect(await post({ query: 'query Broken { node(id: "not-a-global-id") { id } }' })).toBe(200);
    expect(await post({ query: '{ parks { totalCount } }' }, { authorization: 'Bearer not-a-token' })).toBe(401);
    // The log line is written once the answer is sent.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const requests = lines.filter((line) => line.msg === 'request');
    expect(requests).toHaveLength(3);
    const userId = (await api.db.sql.query(`SELECT id FROM app_user WHERE username = 'test-admin'`)).rows[0].id;
    expect(requests[0]).toMatchObject({
      level: 30,
      service: 'huhang',
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      method: 'POST',
      path: '/graphql',
      status: 200,
      durationMs: expect.any(Number),
      viewer: `USER:${userId}`,
      operation: 'ParkNames',
      outcome: 'ok',
    });
    expect(requests[1]).toMatchObject({ operation: 'Broken', outcome: 'BAD_USER_INPUT', status: 200 });
    expect(requests[2]).toMatchObject({ status: 401, outcome: 'HTTP_401' });
    expect(requests[2].viewer).toBeUndefined();
    // The request id in the log is the one in the audit trail.
    await post({
      query: 'mutation { createProgram(input: { name: "日志机制", region: "某县", bureau: "某县公安局" }) { program { id } } }',
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const created = lines.filter((line) => line.msg === 'request').at(-1)!;
    const { rows } = await api.db.sql.query(`SELECT request_id FROM audit_log WHERE action = 'createProgram' ORDER BY id DESC LIMIT 1`);
    expect(rows[0].request_id).toBe(created.requestId);
    expect(JSON.stringify(lines)).not.toMatch(/Bearer|password|1[3-9]\d{9}/);
  });

  it('Prometheus metrics at /metrics: requests, latency, pool, public cache and rate-limit refusals', async () => {
    const park = (await api.ok('{ parks { nodes { id } } }')).parks.nodes[0].id;
    const key = (
      await api.ok(`mutation ($input: CreateEmbedKeyInput!) { createEmbedKey(input: $input) { key } }`, {
        input: { name: '门户', scope: park, allowedOrigins: [ORIGIN] },
      })
    ).createEmbedKey.key;
    const figures = {
      query: `query Figures($scope: ID!) { serviceStatistics(scope: $scope, period: { year: 2026 }) { figures { key } } }`,
      variables: { scope: park },
    };
    for (let i = 0; i < 2; i++) expect(await post(figures, { authorization: '', 'x-huhang-key': key, origin: ORIGIN })).toBe(200);

    const response = await fetch(`${api.server.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(text).toMatch(/^huhang_requests_total\{route="graphql",operation="ParkNames",outcome="ok"\} [1-9]/m);
    expect(text).toMatch(/^huhang_requests_total\{route="graphql",operation="Broken",outcome="BAD_USER_INPUT"\} 1$/m);
    // The latency histogram holds the requests, whatever they took (a loaded machine may take over 0.5 s).
    expect(text).toMatch(/^huhang_request_duration_seconds_bucket\{le="0\.5",route="graphql",operation="ParkNames",outcome="ok"\} \d+$/m);
    expect(text).toMatch(/^huhang_request_duration_seconds_bucket\{le="\+Inf",route="graphql",operation="ParkNames",outcome="ok"\} [1-9]/m);
    expect(text).toMatch(/^huhang_request_duration_seconds_count\{route="graphql",operation="ParkNames",outcome="ok"\} [1-9]/m);
    expect(text).toMatch(/^huhang_public_cache_requests_total\{result="miss"\} 1$/m);
    expect(text).toMatch(/^huhang_public_cache_requests_total\{result="hit"\} 1$/m);
    expect(text).toMatch(/^huhang_db_pool_connections\{state="used"\} \d+$/m);
    expect(text).toMatch(/^huhang_db_pool_connections\{state="free"\} \d+$/m);
    expect(text).toMatch(/^# TYPE huhang_rate_limit_refusals_total counter$/m);
    expect(text).toMatch(/^huhang_process_resident_memory_bytes \d+/m);
  });

  it('metrics only to the local machine, unless a token is set', async () => {
    const token = process.env.HUHANG_METRICS_TOKEN;
    process.env.HUHANG_METRICS_TOKEN = 'scrape-secret';
    try {
      // Each answer read to its end: an unread body holds its connection open past the file.
      const status = async (headers: Record<string, string> = {}) => {
        const response = await fetch(`${api.server.url}/metrics`, { headers });
        await response.arrayBuffer();
        return response.status;
      };
      expect(await status()).toBe(403);
      expect(await status({ authorization: 'Bearer scrape-secret' })).toBe(200);
    } finally {
      if (token === undefined) delete process.env.HUHANG_METRICS_TOKEN;
      else process.env.HUHANG_METRICS_TOKEN = token;
    }
  });
});
