import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '../test-support/database';
import { repoRoot } from '../shared/db/database';
import { start, stop, type Started } from '../bench/processes';

/**
 * OpenTelemetry tracing switched on by its standard variables: `npm start`'s entry point sends its
 * spans (OTLP over HTTP, JSON) to a collector of the test's own.
 */
interface Span {
  name: string;
  traceId: string;
  attributes?: Array<{ key: string; value: { stringValue?: string } }>;
}

let db: TestDatabase;
let collector: Server;
let api: Started | undefined;
const spans: Span[] = [];
const resources: string[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  collector = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      if (req.url === '/v1/traces') {
        const payload = JSON.parse(body) as {
          resourceSpans: Array<{ resource: { attributes: Span['attributes'] }; scopeSpans: Array<{ spans: Span[] }> }>;
        };
        for (const resource of payload.resourceSpans) {
          for (const attribute of resource.resource.attributes ?? []) {
            if (attribute.key === 'service.name' && attribute.value.stringValue) resources.push(attribute.value.stringValue);
          }
          for (const scope of resource.scopeSpans) spans.push(...scope.spans);
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`;
  api = await start(
    'Huhang with tracing',
    [join(repoRoot(), 'packages/api/dist/main.js')],
    {
      DATABASE_URL: db.url,
      HUHANG_SEED: 'false',
      HUHANG_LOG_LEVEL: 'silent',
      OTEL_TRACES_EXPORTER: 'otlp',
      OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_BSP_SCHEDULE_DELAY: '100',
      OTEL_METRICS_EXPORTER: 'none',
      OTEL_LOGS_EXPORTER: 'none',
    },
    /is running/,
  );
}, 120_000);

afterAll(async () => {
  await stop(api);
  await new Promise<void>((resolve) => collector.close(() => resolve()));
  await db.drop();
});

it('sends a trace per request: the HTTP request, the GraphQL operation and its SQL statements', async () => {
  const response = await fetch(`${api!.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'query ParkNames { parks(first: 5) { totalCount } }' }),
  });
  expect(response.status).toBe(200);
  const until = Date.now() + 15_000;
  const operation = () => spans.find((span) => /ParkNames/.test(span.name));
  const trace = () => spans.filter((span) => span.traceId === operation()?.traceId).map((span) => span.name);
  // One trace: the HTTP server's span, the GraphQL operation's, and the statements of its transaction.
  // The server's span ends after the answer is sent, so it may come in a later batch than the others.
  const complete = () => trace().some((name) => /^POST/.test(name)) && trace().some((name) => /^pg\.query/.test(name));
  while (!(operation() && complete()) && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 100));
  expect(operation()).toBeDefined();
  expect(trace().some((name) => /^POST/.test(name))).toBe(true);
  expect(trace().some((name) => /^pg\.query/.test(name))).toBe(true);
  expect(resources).toContain('huhang');
});
