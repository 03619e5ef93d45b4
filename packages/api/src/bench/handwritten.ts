import { createServer } from 'node:http';
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

/** One enterprise by row id. */
const NODE = `SELECT json_build_object('node', json_build_object('name', name, 'creditCode', credit_code)) AS data FROM enterprise WHERE id = $1`;

const ROUTES: Record<string, string> = { '/nested': NESTED, '/node': NODE };

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const sql = ROUTES[url.pathname];
  if (!sql) {
    res.writeHead(404).end();
    return;
  }
  pool.query<{ data: unknown }>(sql, [Number(url.searchParams.get('id'))]).then(
    (result) => {
      const body = JSON.stringify({ data: result.rows[0]?.data ?? null });
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    },
    (error: Error) => {
      res.writeHead(500).end(error.message);
    },
  );
});

server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('ready'));
process.on('SIGTERM', () => server.close(() => void pool.end().then(() => process.exit(0))));
