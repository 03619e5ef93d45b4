import { Client } from 'pg';
import { mutationSuite } from '../test-support/mutations';
import { buildWorld, type World } from '../test-support/world';
import { parseGlobalId } from '../shared/graphql/global-id';
import { startServer, type RunningServer } from '../server';
import { Viewer } from './viewer';
import { asLogin, checkRole } from '../shared/db/roles';

/**
 * Row-level security (migration 1900) as the second wall behind `Viewer.readScope`: the API's login
 * reads only the parks the request's viewer may read, even where the API's own filter is missing.
 */
const suite = mutationSuite();
let a: World;
let b: World;
let parkA: number;
let parkB: number;
let token: string;

const TABLES = ['park', 'zone', 'enterprise', 'police_unit', 'officer', 'liaison_assignment', 'visit', 'team', 'team_member'];
const GRANTS = `SELECT set_config('huhang.viewer_parks', $1, true), set_config('huhang.viewer_programs', $2, true)`;

beforeAll(async () => {
  a = await buildWorld(suite.m);
  b = await buildWorld(suite.m);
  for (const w of [a, b]) {
    await suite.m.ok('addTeamMember', { teamId: w.patrolTeam, kind: 'OFFICER', officerId: w.officer, joinedOn: '2025-03-01' });
    await suite.m.ok('recordVisit', {
      officerId: w.officer2,
      enterpriseId: w.enterprise,
      visitedOn: '2025-03-03',
      activities: ['SAFETY_INSPECTION'],
    });
  }
  parkA = parseGlobalId(a.park, 'id').id;
  parkB = parseGlobalId(b.park, 'id').id;
  await suite.api.createUser({ username: 'rls-park-admin', role: 'PARK_ADMIN', parkIds: [parkA] });
  token = await suite.api.signIn('rls-park-admin');
});

async function appClient(): Promise<Client> {
  const client = new Client({ connectionString: suite.api.db.appUrl });
  await client.connect();
  return client;
}

const count = async (client: Client, sql: string, params: unknown[] = []) => Number((await client.query(sql, params)).rows[0].n);
const ownerCount = (sql: string, params: unknown[] = []) => count(suite.api.db.sql, sql, params);

/** How many rows of `table` lie in `parkId`, as the owner counts them. */
function inPark(table: string): string {
  switch (table) {
    case 'park':
      return 'SELECT count(*) AS n FROM park WHERE id = $1';
    case 'police_unit':
      return 'SELECT count(*) AS n FROM police_unit WHERE park_id = $1 OR (park_id IS NULL AND program_id = (SELECT program_id FROM park WHERE id = $1))';
    case 'officer':
      return `SELECT count(*) AS n FROM officer o JOIN police_unit u ON u.id = o.unit_id
               WHERE u.park_id = $1 OR (u.park_id IS NULL AND u.program_id = (SELECT program_id FROM park WHERE id = $1))`;
    case 'liaison_assignment':
    case 'visit':
      return `SELECT count(*) AS n FROM ${table} l JOIN enterprise e ON e.id = l.enterprise_id WHERE e.park_id = $1`;
    case 'team_member':
      return 'SELECT count(*) AS n FROM team_member m JOIN team t ON t.id = m.team_id WHERE t.park_id = $1';
    default:
      return `SELECT count(*) AS n FROM ${table} WHERE park_id = $1`;
  }
}

describe('the policies in the database', () => {
  it('let the API login read none of the park-scoped rows until a transaction says whose they are', async () => {
    const client = await appClient();
    try {
      for (const table of TABLES) {
        expect({ table, owner: (await ownerCount(`SELECT count(*) AS n FROM ${table}`)) > 0 }).toEqual({ table, owner: true });
        expect({ table, rows: await count(client, `SELECT count(*) AS n FROM ${table}`) }).toEqual({ table, rows: 0 });
      }
    } finally {
      await client.end();
    }
  });

  it('show a transaction granted one park exactly that park’s rows, and forget the grant when it ends', async () => {
    const client = await appClient();
    try {
      const programA = parseGlobalId(a.program, 'id').id;
      await client.query('BEGIN');
      await client.query(GRANTS, [`{${parkA}}`, `{${programA}}`]);
      for (const table of TABLES) {
        const expected = await ownerCount(inPark(table), [parkA]);
        expect({ table, some: expected > 0 }).toEqual({ table, some: true });
        expect({ table, rows: await count(client, `SELECT count(*) AS n FROM ${table}`) }).toEqual({ table, rows: expected });
      }
      expect(await count(client, 'SELECT count(*) AS n FROM enterprise WHERE park_id = $1', [parkB])).toBe(0);
      await client.query('COMMIT');
      expect(await count(client, 'SELECT count(*) AS n FROM enterprise')).toBe(0);
    } finally {
      await client.end();
    }
  });

  it('refuse a write into another park, and the API login cannot switch them off', async () => {
    const client = await appClient();
    const refusal = async (sql: string, params: unknown[] = []) => {
      try {
        await client.query(sql, params);
        return 'done';
      } catch (error) {
        return (error as { code: string }).code;
      }
    };
    try {
      await client.query('BEGIN');
      await client.query(GRANTS, [`{${parkA}}`, '{}']);
      expect(await refusal(`INSERT INTO zone (park_id, name) VALUES ($1, 'RLS 片区')`, [parkB])).toBe('42501');
      await client.query('ROLLBACK');
      expect(await refusal('ALTER TABLE enterprise DISABLE ROW LEVEL SECURITY')).toBe('42501');
      expect(await refusal('DROP POLICY viewer_scope ON enterprise')).toBe('42501');
      await client.query('SET row_security = off');
      // With row security off, a query the policies would filter fails rather than read every row.
      expect(await refusal('SELECT count(*) FROM enterprise')).toBe('42501');
    } finally {
      await client.end();
    }
  });
});

describe('the park of an enterprise’s rows (migration 2900)', () => {
  const ENTERPRISE_ROWS = ['visit', 'liaison_assignment'];
  const parksOf = async (client: Client, table: string, enterpriseId: number) =>
    (await client.query(`SELECT DISTINCT park_id FROM ${table} WHERE enterprise_id = $1`, [enterpriseId])).rows.map((row) => row.park_id);

  it('is its enterprise’s park, whatever a writer gives', async () => {
    const enterpriseId = parseGlobalId(a.enterprise, 'id').id;
    const client = await appClient();
    try {
      await client.query('BEGIN');
      await client.query(GRANTS, [`{${parkA},${parkB}}`, '{}']);
      for (const table of ENTERPRISE_ROWS) {
        expect({ table, parks: await parksOf(client, table, enterpriseId) }).toEqual({ table, parks: [parkA] });
        const updated = await client.query(`UPDATE ${table} SET park_id = $1 WHERE enterprise_id = $2 RETURNING park_id`, [
          parkB,
          enterpriseId,
        ]);
        expect(updated.rowCount).toBeGreaterThan(0);
        expect({ table, parks: updated.rows.map((row) => row.park_id) }).toEqual({ table, parks: updated.rows.map(() => parkA) });
      }
    } finally {
      await client.query('ROLLBACK');
      await client.end();
    }
  });

  it('moves with the enterprise, so the new park’s administrators read them and the old park’s do not', async () => {
    const enterpriseId = parseGlobalId(a.enterprise, 'id').id;
    const zoneB = parseGlobalId(b.zones.basic, 'id').id;
    const client = await appClient();
    const before = await ownerCount('SELECT count(*) AS n FROM visit WHERE enterprise_id = $1', [enterpriseId]);
    expect(before).toBeGreaterThan(0);
    try {
      // Moved through the API's login, as a system administrator, in a transaction that is rolled back: the other tests keep their world.
      await client.query('BEGIN');
      await client.query(`SELECT set_config('huhang.viewer_all', 'on', true)`);
      await client.query('UPDATE enterprise SET park_id = $1, zone_id = $2 WHERE id = $3', [parkB, zoneB, enterpriseId]);
      for (const table of ENTERPRISE_ROWS)
        expect({ table, parks: await parksOf(client, table, enterpriseId) }).toEqual({ table, parks: [parkB] });
      await client.query(GRANTS, [`{${parkB}}`, '{}']);
      await client.query(`SELECT set_config('huhang.viewer_all', 'off', true)`);
      expect(await count(client, 'SELECT count(*) AS n FROM visit WHERE enterprise_id = $1', [enterpriseId])).toBe(before);
      await client.query(GRANTS, [`{${parkA}}`, '{}']);
      expect(await count(client, 'SELECT count(*) AS n FROM visit WHERE enterprise_id = $1', [enterpriseId])).toBe(0);
    } finally {
      await client.query('ROLLBACK');
      await client.end();
    }
    expect(await ownerCount('SELECT count(*) AS n FROM visit WHERE enterprise_id = $1 AND park_id = $2', [enterpriseId, parkA])).toBe(
      before,
    );
  });
});

describe('the park and program of an officer’s unit (migration 3100)', () => {
  const scopeOf = async (client: Client, officer: string) =>
    (
      await client.query('SELECT unit_park_id AS park, unit_program_id AS program FROM officer WHERE id = $1', [
        parseGlobalId(officer, 'id').id,
      ])
    ).rows[0];
  const sees = async (client: Client, parks: number[], programs: number[], officer: string) => {
    await client.query(GRANTS, [`{${parks.join(',')}}`, `{${programs.join(',')}}`]);
    await client.query(`SELECT set_config('huhang.viewer_all', 'off', true)`);
    const n = await count(client, 'SELECT count(*) AS n FROM officer WHERE id = $1', [parseGlobalId(officer, 'id').id]);
    await client.query(`SELECT set_config('huhang.viewer_all', 'on', true)`);
    return n === 1;
  };
  const id = (globalId: string) => parseGlobalId(globalId, 'id').id;

  it('are its unit’s, whatever a writer gives', async () => {
    const client = await appClient();
    try {
      await client.query('BEGIN');
      await client.query(`SELECT set_config('huhang.viewer_all', 'on', true)`);
      // officer2 serves at the park's workstation; officer at the county's station, which has no park.
      expect(await scopeOf(client, a.officer2)).toEqual({ park: parkA, program: id(a.program) });
      expect(await scopeOf(client, a.officer)).toEqual({ park: null, program: id(a.program) });
      const updated = await client.query(
        'UPDATE officer SET unit_park_id = $1, unit_program_id = $2 WHERE id = $3 RETURNING unit_park_id AS park, unit_program_id AS program',
        [parkB, id(b.program), id(a.officer2)],
      );
      expect(updated.rows).toEqual([{ park: parkA, program: id(a.program) }]);
    } finally {
      await client.query('ROLLBACK');
      await client.end();
    }
  });

  it('move with the officer and with the unit, so the new park’s administrators read the officer and the old park’s do not', async () => {
    const client = await appClient();
    try {
      // Through the API's login, as a system administrator, in a transaction that is rolled back: the other tests keep their world.
      await client.query('BEGIN');
      await client.query(`SELECT set_config('huhang.viewer_all', 'on', true)`);
      expect([await sees(client, [parkA], [id(a.program)], a.officer2), await sees(client, [parkB], [id(b.program)], a.officer2)]).toEqual([
        true,
        false,
      ]);
      await client.query('UPDATE officer SET unit_id = $1 WHERE id = $2', [id(b.workstation), id(a.officer2)]);
      expect(await scopeOf(client, a.officer2)).toEqual({ park: parkB, program: id(b.program) });
      expect([await sees(client, [parkA], [id(a.program)], a.officer2), await sees(client, [parkB], [id(b.program)], a.officer2)]).toEqual([
        false,
        true,
      ]);

      // The county's station is read by its program's viewers, not by a park's alone, until it is given the park.
      expect([await sees(client, [parkA], [], a.officer), await sees(client, [], [id(a.program)], a.officer)]).toEqual([false, true]);
      await client.query('UPDATE police_unit SET park_id = $1 WHERE id = $2', [parkA, id(a.station)]);
      expect(await scopeOf(client, a.officer)).toEqual({ park: parkA, program: id(a.program) });
      expect([await sees(client, [parkA], [], a.officer), await sees(client, [], [id(a.program)], a.officer)]).toEqual([true, false]);
    } finally {
      await client.query('ROLLBACK');
      await client.end();
    }
    expect(await ownerCount('SELECT count(*) AS n FROM officer WHERE id = $1 AND unit_park_id = $2', [id(a.officer2), parkA])).toBe(1);
  });
});

describe('the start', () => {
  it('tells a login that bypasses row-level security from the API’s own (production then refuses it)', async () => {
    expect((await checkRole(suite.api.db.appUrl)).bypassesRls).toBe(false);
    await suite.api.db.sql.query(
      `DROP ROLE IF EXISTS rls_bypass_login; CREATE ROLE rls_bypass_login LOGIN PASSWORD 'bypass-1' BYPASSRLS IN ROLE huhang_api`,
    );
    try {
      const role = await checkRole(asLogin(suite.api.db.url, 'rls_bypass_login', 'bypass-1'));
      expect(role).toMatchObject({ superuser: false, ownsAudit: false, mayRewriteAudit: false, bypassesRls: true });
    } finally {
      await suite.api.db.sql.query('DROP ROLE rls_bypass_login');
    }
  });
});

describe('the API with its own filter missing', () => {
  const ENTERPRISES = '{ enterprises(first: 100) { totalCount nodes { id park { databaseId } } } }';
  const IDS = '{ enterprises(first: 100) { nodes { id } } }';
  let spy: jest.SpyInstance;
  let ownerServer: RunningServer;

  beforeAll(async () => {
    // A second server on the same database, connected as the owner, whom the policies do not bind.
    ownerServer = await startServer({
      orm: suite.api.db.orm,
      port: 0,
      twoFactorRoles: [],
      rateLimit: { requests: 1_000_000, windowSeconds: 60 },
    });
    const readScope = Viewer.prototype.readScope;
    // The bug the policies guard against: the enterprise list forgets the viewer's filter.
    spy = jest.spyOn(Viewer.prototype, 'readScope').mockImplementation(function (this: Viewer, entity: string) {
      return entity === 'Enterprise' ? undefined : readScope.call(this, entity);
    });
  });

  afterAll(async () => {
    spy.mockRestore();
    await ownerServer.close();
  });

  const ask = async (url: string, query: string, variables: Record<string, unknown> = {}) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data?: any; errors?: unknown[] };
  };

  it('leaks another park’s enterprises where nothing else stands in the way (the owner’s connection)', async () => {
    const leaked = await ask(ownerServer.url, IDS);
    expect(leaked.errors).toBeUndefined();
    const ids = leaked.data.enterprises.nodes.map((node: { id: string }) => node.id);
    expect(ids).toEqual(expect.arrayContaining([a.enterprise, b.enterprise, b.enterprise2]));
  });

  it('shows the park administrator only its own park’s enterprises through the API’s login', async () => {
    const held = await ask(suite.api.server.url, ENTERPRISES);
    expect(held.errors).toBeUndefined();
    const expected = await ownerCount('SELECT count(*) AS n FROM enterprise WHERE park_id = $1', [parkA]);
    expect(held.data.enterprises.totalCount).toBe(expected);
    expect(held.data.enterprises.nodes).toHaveLength(expected);
    for (const node of held.data.enterprises.nodes) expect(node.park.databaseId).toBe(parkA);
    const other = await ask(suite.api.server.url, 'query ($id: ID!) { node(id: $id) { id } }', { id: b.enterprise });
    expect(other.errors).toBeUndefined();
    expect(other.data.node).toBeNull();
  });
});
