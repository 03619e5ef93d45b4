import { createHash } from 'node:crypto';
import { createServer, type ServerResponse } from 'node:http';
import { Pool } from 'pg';

/**
 * The baseline of `npm run bench:api`: node:http and pg, one SQL statement per request, answering
 * with the same JSON as the GraphQL servers' `data`. DATABASE_URL and PORT come from the benchmark.
 */
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10, options: '-c jit=off' });

/** A park's first 50 active enterprises by name, with zone, current liaison officer and the officer's 3 latest visits. */
const NESTED = `
SELECT json_build_object('park', json_build_object('enterprises', json_build_object('nodes', coalesce(json_agg(
         json_build_object(
           'name', e.name,
           'creditCode', e.credit_code,
           'zone', json_build_object('name', z.name),
           'liaisonOfficer', CASE WHEN o.id IS NULL THEN NULL ELSE json_build_object(
             'name', o.name,
             'visits', json_build_object('nodes', coalesce(v.visits, '[]'::json))) END)
         ORDER BY e.name, e.id), '[]'::json)))) AS data
  FROM (SELECT id, name, credit_code, zone_id FROM enterprise
         WHERE park_id = $1 AND archived_at IS NULL ORDER BY name, id LIMIT 50) e
  JOIN zone z ON z.id = e.zone_id
  LEFT JOIN liaison_assignment a ON a.enterprise_id = e.id AND a.ends_on IS NULL
  LEFT JOIN officer o ON o.id = a.officer_id
  LEFT JOIN LATERAL (
    SELECT json_agg(json_build_object('visitedOn', x.visited_on, 'activities', x.activities) ORDER BY x.visited_on DESC, x.id DESC) AS visits
      FROM (SELECT id, visited_on, activities FROM visit WHERE officer_id = o.id ORDER BY visited_on DESC, id DESC LIMIT 3) x) v ON true`;

/** A park's resolved service requests received in a month, first 50, latest first, with enterprise and assigned unit. */
const LIST = `
SELECT json_build_object('serviceRequests', json_build_object('nodes', coalesce(json_agg(
         json_build_object(
           'kind', r.kind, 'status', r.status, 'receivedAt', r.received_at,
           'enterprise', json_build_object('name', e.name),
           'assignedUnit', CASE WHEN u.id IS NULL THEN NULL ELSE json_build_object('name', u.name) END)
         ORDER BY r.received_at DESC, r.id DESC), '[]'::json))) AS data
  FROM (SELECT id, kind, status, received_at, enterprise_id, assigned_unit_id FROM service_request
         WHERE park_id = $1 AND status = 'RESOLVED' AND received_at >= $2 AND received_at < $3
         ORDER BY received_at DESC, id DESC LIMIT 50) r
  JOIN enterprise e ON e.id = r.enterprise_id
  LEFT JOIN police_unit u ON u.id = r.assigned_unit_id`;

/** One enterprise by row id. */
const NODE = `SELECT json_build_object('node', json_build_object('name', name, 'creditCode', credit_code)) AS data FROM enterprise WHERE id = $1`;

const ROUTES: Record<string, { sql: string; params: string[] }> = {
  '/nested': { sql: NESTED, params: ['id'] },
  '/node': { sql: NODE, params: ['id'] },
  '/list': { sql: LIST, params: ['id', 'from', 'to'] },
};

/**
 * A visit as recordVisit writes it, in one transaction: the idempotency key claimed, the visit, the
 * key's result and one audit row.
 */
async function recordVisit(input: { key: string; officerId: number; enterpriseId: number; visitedOn: string }): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const claimed = await client.query(
      `INSERT INTO idempotency_key (owner, key, operation, request_hash) VALUES ('USER:1', $1, 'recordVisit', $2) ON CONFLICT (owner, key) DO NOTHING RETURNING key`,
      [
        input.key,
        createHash('sha256')
          .update(JSON.stringify(['recordVisit', input]))
          .digest('hex'),
      ],
    );
    if (claimed.rowCount === 0) throw new Error('the key was used before');
    const { rows } = await client.query<{ id: number }>(
      `INSERT INTO visit (officer_id, enterprise_id, visited_on, activities, findings) VALUES ($1, $2, $3, '{SAFETY_INSPECTION}', 'bench') RETURNING id`,
      [input.officerId, input.enterpriseId, input.visitedOn],
    );
    const id = rows[0]!.id;
    await client.query(`UPDATE idempotency_key SET result_type = 'Visit', result_id = $2 WHERE owner = 'USER:1' AND key = $1`, [
      input.key,
      id,
    ]);
    await client.query(
      `INSERT INTO audit_log (actor_type, actor_id, actor_name, action, entity, entity_id, after) VALUES ('USER', 1, 'bench-admin', 'recordVisit', 'Visit', $1, $2)`,
      [id, JSON.stringify({ officer: input.officerId, enterprise: input.enterpriseId, visitedOn: input.visitedOn })],
    );
    await client.query('COMMIT');
    return id;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

function sendData(res: ServerResponse, data: unknown): void {
  const body = JSON.stringify({ data });
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/visit' && req.method === 'POST') {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      recordVisit(JSON.parse(Buffer.concat(chunks).toString()) as Parameters<typeof recordVisit>[0]).then(
        (id) => sendData(res, { recordVisit: { visit: { id } } }),
        (error: Error) => res.writeHead(500).end(error.message),
      );
    });
    return;
  }
  const route = ROUTES[url.pathname];
  if (!route) {
    res.writeHead(404).end();
    return;
  }
  const params = route.params.map((name) => (name === 'id' ? Number(url.searchParams.get(name)) : url.searchParams.get(name)));
  pool.query<{ data: unknown }>(route.sql, params).then(
    (result) => sendData(res, result.rows[0]?.data ?? null),
    (error: Error) => {
      res.writeHead(500).end(error.message);
    },
  );
});

server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('ready'));
process.on('SIGTERM', () => server.close(() => void pool.end().then(() => process.exit(0))));
