import ExcelJS from 'exceljs';
import { request } from 'node:http';
import { mutationSuite, testCreditCode } from '../test-support/mutations';
import { buildWorld, type World } from '../test-support/world';

const t = mutationSuite();

const ENTERPRISES = `query Export($filter: EnterpriseFilter, $orderBy: EnterpriseOrder, $first: Int, $after: String) {
  enterprises(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { databaseId name creditCode status employeeCount hazardousChemicals contactPerson contactPhone zone { name } }
  }
}`;
const ENTERPRISE_COLUMNS = [
  { header: '企业名称', path: 'name' },
  { header: '统一社会信用代码', path: 'creditCode' },
  { header: '片区', path: 'zone.name' },
  { header: '经营状态', path: 'status', labels: { OPERATING: '正常经营', UNDER_CONSTRUCTION: '在建', SUSPENDED: '停产', CLOSED: '关停' } },
  { header: '员工人数', path: 'employeeCount' },
  { header: '危化品企业', path: 'hazardousChemicals', labels: { true: '是', false: '否' } },
  { header: '联系人', path: 'contactPerson' },
  { header: '联系电话', path: 'contactPhone' },
];

/** The cells of a CSV as the export writes it (RFC 4180: quoted cells may hold commas, line breaks and doubled quotes). */
function parseCsv(text: string): string[][] {
  expect(text.startsWith('\uFEFF')).toBe(true);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 1; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (quoted && c === '"') {
      quoted = false;
    } else if (quoted) {
      cell += c;
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else {
      cell += c;
    }
  }
  expect(row).toEqual([]);
  return rows;
}

async function exportList(token: string | null, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  const response = await fetch(`${t.api.server.url}/export`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

async function xlsxRows(bytes: Buffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

async function personalReads(userId: number, entity: string): Promise<number[]> {
  const { rows } = await t.api.db.sql.query(
    `SELECT entity_id FROM audit_log WHERE action = 'READ_PERSONAL' AND entity = $1 AND actor_type = 'USER' AND actor_id = $2 ORDER BY entity_id`,
    [entity, userId],
  );
  return rows.map((row: { entity_id: number }) => row.entity_id);
}

let w: World;
let parkAdmin: { id: number; token: string };

beforeAll(async () => {
  w = await buildWorld(t.m, 'assignments');
  // Twelve more, so that a page of five leaves three pages; one without a contact phone.
  for (let k = 0; k < 12; k++) {
    await t.m.ok('createEnterprise', {
      zoneId: k % 2 ? w.zones.basic : w.zones.circular,
      name: `导出测试企业${String(k).padStart(2, '0')}，有限公司`,
      creditCode: testCreditCode(9_000 + w.n * 20 + k),
      industry: '化工',
      employeeCount: 10 + k,
      hazardousChemicals: k % 3 === 0,
      contactPerson: k === 5 ? null : `联系人${k}`,
      contactPhone: k === 5 ? null : `1390000${String(1000 + k)}`,
      joinedOn: '2025-03-01',
    });
  }
  const park = (await t.api.ok(`query ($id: ID!) { node(id: $id) { ... on Park { databaseId } } }`, { id: w.park })).node.databaseId;
  const id = await t.api.createUser({ username: `export-park-${w.n}`, role: 'PARK_ADMIN', parkIds: [park] });
  parkAdmin = { id, token: await t.api.signIn(`export-park-${w.n}`) };
});

/** The API's list for the same viewer, filter and order: every page. */
async function apiList(token: string): Promise<any[]> {
  const nodes: any[] = [];
  for (let after: string | null = null; ; ) {
    const page: any = (
      await t.api.as({ token })(ENTERPRISES, {
        filter: { parkId: w.park },
        orderBy: { field: 'EMPLOYEE_COUNT', direction: 'DESC' },
        first: 100,
        after,
      })
    ).data.enterprises;
    nodes.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) return nodes;
    after = page.pageInfo.endCursor;
  }
}

const asRow = (e: any) => [
  e.name,
  e.creditCode,
  e.zone.name,
  ({ OPERATING: '正常经营', UNDER_CONSTRUCTION: '在建', SUSPENDED: '停产', CLOSED: '关停' } as Record<string, string>)[e.status as string],
  e.employeeCount,
  e.hazardousChemicals ? '是' : '否',
  e.contactPerson,
  e.contactPhone,
];

describe('POST /export', () => {
  it('writes a CSV of the whole list as the park administrator reads it, page by page, with an audit row per personal read', async () => {
    const before = await personalReads(parkAdmin.id, 'Enterprise');
    expect(before).toEqual([]);
    const { status, headers, bytes } = await exportList(parkAdmin.token, {
      query: ENTERPRISES,
      variables: { filter: { parkId: w.park }, orderBy: { field: 'EMPLOYEE_COUNT', direction: 'DESC' } },
      format: 'csv',
      columns: ENTERPRISE_COLUMNS,
      filename: 'enterprises-2026-12-01',
      pageSize: 5,
    });
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(headers.get('content-disposition')).toContain('filename="enterprises-2026-12-01.csv"');
    expect(headers.get('cache-control')).toBe('no-store');
    expect(headers.get('x-total-count')).toBe('14');
    const [header, ...rows] = parseCsv(bytes.toString('utf8'));
    expect(header).toEqual(ENTERPRISE_COLUMNS.map((c) => c.header));

    const expected = await apiList(parkAdmin.token);
    expect(expected).toHaveLength(14);
    expect(rows).toEqual(expected.map((e) => asRow(e).map((cell) => (cell === null || cell === undefined ? '' : String(cell)))));
    // A name with a comma stays one cell.
    expect(rows.some((row) => row[0]!.includes('，有限公司'))).toBe(true);

    // Every enterprise whose contact was shown has its READ_PERSONAL row: 12 have one (the export's),
    // and the API read above added the same 12 again.
    const withContact = expected.filter((e) => e.contactPhone || e.contactPerson).map((e) => e.databaseId);
    expect(withContact).toHaveLength(12);
    const reads = await personalReads(parkAdmin.id, 'Enterprise');
    expect(reads).toEqual([...withContact, ...withContact].sort((a, b) => a - b));
  });

  it('writes the same list as XLSX, numbers as numbers, the header frozen', async () => {
    const { status, headers, bytes } = await exportList(parkAdmin.token, {
      query: ENTERPRISES,
      variables: { filter: { parkId: w.park }, orderBy: { field: 'EMPLOYEE_COUNT', direction: 'DESC' } },
      format: 'xlsx',
      sheet: '企业名册',
      columns: ENTERPRISE_COLUMNS,
    });
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(headers.get('content-disposition')).toContain('filename="huhang-export.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]!.name).toBe('企业名册');
    expect(workbook.worksheets[0]!.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const [header, ...rows] = await xlsxRows(bytes);
    expect(header).toEqual(ENTERPRISE_COLUMNS.map((c) => c.header));
    const expected = await apiList(parkAdmin.token);
    // ExcelJS leaves an empty cell out of `values`: undefined where the API has null.
    expect(rows.map((row) => ENTERPRISE_COLUMNS.map((_, i) => row[i] ?? null))).toEqual(expected.map((e) => asRow(e)));
    expect(typeof rows[0]![4]).toBe('number');
  });

  it('masks what the API masks for the viewer, and audits only what was shown whole', async () => {
    // The park administrator sees the badge and phone of officers of units in the park (李华, of the
    // park's workstation) and masked ones of others (王建国, of the county's station).
    const ROSTER = `query ($filter: OfficerFilter, $first: Int, $after: String) {
      officers(filter: $filter, first: $first, after: $after) { pageInfo { hasNextPage endCursor } nodes { databaseId name badgeNumber phone } }
    }`;
    const variables = { filter: { programId: w.program } };
    const { status, bytes } = await exportList(parkAdmin.token, {
      query: ROSTER,
      variables,
      format: 'csv',
      columns: [
        { header: '姓名', path: 'name' },
        { header: '警号', path: 'badgeNumber' },
        { header: '电话', path: 'phone' },
      ],
    });
    expect(status).toBe(200);
    const [, ...rows] = parseCsv(bytes.toString('utf8'));
    const answer = (await t.api.as({ token: parkAdmin.token })(ROSTER, { ...variables, first: 100 })).data.officers.nodes as any[];
    expect(rows).toEqual(answer.map((o) => [o.name, o.badgeNumber ?? '', o.phone ?? '']));
    const masked = rows.find((row) => row[0] === '王建国')!;
    expect(masked).toEqual(['王建国', `${w.badges.officer.slice(0, 2)}**${w.badges.officer.slice(-2)}`, '138****5678']);
    const whole = rows.find((row) => row[0] === '李华')!;
    expect(whole).toEqual(['李华', w.badges.officer2, '']);
    // Only 李华's record was shown whole: once by the export, once by the API read above.
    const li = answer.find((o) => o.name === '李华').databaseId;
    expect(await personalReads(parkAdmin.id, 'Officer')).toEqual([li, li]);
  });

  it('escapes text a spreadsheet would run as a formula, and joins a list in one cell', async () => {
    for (const [k, visitedOn] of ['2025-03-03', '2025-04-07'].entries())
      await t.m.ok('recordVisit', {
        idempotencyKey: `export-visit-${w.n}-${k}`,
        officerId: w.officer2,
        enterpriseId: w.enterprise,
        visitedOn,
        activities: ['SAFETY_INSPECTION'],
      });
    const { bytes } = await exportList(parkAdmin.token, {
      query: `query ($first: Int, $after: String, $park: ID!) { enterprises(filter: { parkId: $park }, first: $first, after: $after, orderBy: { field: NAME, direction: ASC }) {
        pageInfo { hasNextPage endCursor } nodes { id name status visits(first: 5) { nodes { visitedOn activities } } } } }`,
      variables: { park: w.park },
      format: 'csv',
      columns: [
        { header: '=企业', path: 'name' },
        { header: '状态', path: 'status', labels: { OPERATING: '=1+1' } },
        { header: '走访', path: 'visits.nodes.visitedOn' },
      ],
    });
    const [header, ...rows] = parseCsv(bytes.toString('utf8'));
    expect(header).toEqual(["'=企业", '状态', '走访']);
    expect(rows.every((row) => row[1] === "'=1+1")).toBe(true);
    // Latest first, as the API lists them; an enterprise without visits has an empty cell.
    expect(rows.find((row) => row[0] === '磷都化工有限公司')![2]).toBe('2025-04-07、2025-03-03');
    expect(rows.find((row) => row[0] === '瓮安新材料公司')![2]).toBe('');
  });

  it('refuses with a code and the field, and writes nothing', async () => {
    const body = { query: ENTERPRISES, variables: { filter: { parkId: w.park } }, format: 'csv', columns: ENTERPRISE_COLUMNS };
    const json = (bytes: Buffer) => JSON.parse(bytes.toString('utf8'));

    const anonymous = await exportList(null, body);
    expect(anonymous.status).toBe(401);
    expect(json(anonymous.bytes).errors[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'CREDENTIALS_REQUIRED' });

    const made = await t.api.ok(`mutation ($input: CreateEmbedKeyInput!) { createEmbedKey(input: $input) { key } }`, {
      input: { name: '门户', scope: w.park, allowedOrigins: ['https://www.example.gov.cn'] },
    });
    const keyed = await exportList(null, body, { 'x-huhang-key': made.createEmbedKey.key, origin: 'https://www.example.gov.cn' });
    expect(keyed.status).toBe(403);
    expect(json(keyed.bytes).errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'OPERATION_NOT_ALLOWED' });

    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ ...body, format: 'pdf' }, 'format', 'INVALID'],
      [{ ...body, columns: [] }, 'columns', 'RANGE'],
      [{ ...body, columns: [{ header: '名称', path: 'name; DROP' }] }, 'columns.0.path', 'FORMAT'],
      [{ ...body, filename: '../etc/passwd' }, 'filename', 'FORMAT'],
      [{ ...body, pageSize: 500 }, 'pageSize', 'RANGE'],
      [{ ...body, query: '{ enterprises(first: 5) { nodes { name } } }' }, 'query', 'RULE'],
      [{ ...body, query: 'mutation ($first: Int, $after: String) { logout { loggedOut } }' }, 'query', 'NOT_ALLOWED'],
      [{ ...body, query: '{ parks { name ' }, 'query', 'FORMAT'],
    ];
    for (const [bad, field, reason] of cases) {
      const refused = await exportList(parkAdmin.token, bad);
      expect({ field, status: refused.status }).toEqual({ field, status: 400 });
      expect(json(refused.bytes).errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field, reason });
    }

    // The API's own refusal of the first page: its code and field, not a file.
    const tooMany = await exportList(parkAdmin.token, { ...body, variables: { filter: { parkId: 'not-an-id' } } });
    expect(tooMany.status).toBe(400);
    expect(json(tooMany.bytes).errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(tooMany.bytes.toString('utf8')).not.toMatch(/stack|SELECT/i);

    // A root field that is not a list.
    const notList = await exportList(parkAdmin.token, {
      ...body,
      query: 'query ($first: Int, $after: String) { enterprises(first: $first, after: $after) { totalCount } }',
    });
    expect(notList.status).toBe(400);
    expect(json(notList.bytes).errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'query' });

    const get = await fetch(`${t.api.server.url}/export`, { headers: { authorization: `Bearer ${parkAdmin.token}` } });
    expect(get.status).toBe(405);
  });

  it('stops reading pages when the client leaves mid-download, and the next export is whole', async () => {
    // A park of its own with 5,000 enterprises, each with a contact: every page read is audited.
    const made = await t.m.ok('createPark', { programId: w.program, name: '导出中断园区', level: '县级园区', region: '瓮安县' });
    const zone = (await t.m.ok('createZone', { parkId: made.id, name: '中断片区' })).id;
    const ids = await t.api.ok(
      `query ($p: ID!, $z: ID!) { p: node(id: $p) { ... on Park { databaseId } } z: node(id: $z) { ... on Zone { databaseId } } }`,
      {
        p: made.id,
        z: zone,
      },
    );
    const total = 5_000;
    const codes = Array.from({ length: total }, (_, k) => testCreditCode(1_000_000 + w.n * 10_000 + k));
    await t.api.db.sql.query(
      `INSERT INTO enterprise (park_id, zone_id, name, credit_code, industry, contact_person, contact_phone, joined_on)
       SELECT $1, $2, '中断企业' || lpad(k::text, 5, '0'), code, '制造', '联系人' || k, '139' || lpad(k::text, 8, '0'), '2026-01-01'
       FROM unnest($3::text[]) WITH ORDINALITY AS c(code, k)`,
      [ids.p.databaseId, ids.z.databaseId, codes],
    );
    const id = await t.api.createUser({ username: `export-leaves-${w.n}`, role: 'PARK_ADMIN', parkIds: [ids.p.databaseId] });
    const token = await t.api.signIn(`export-leaves-${w.n}`);
    const body = {
      query: ENTERPRISES,
      variables: { filter: { parkId: made.id }, orderBy: { field: 'EMPLOYEE_COUNT', direction: 'DESC' } },
      format: 'xlsx',
      columns: ENTERPRISE_COLUMNS,
      pageSize: 100,
    };

    // The client takes the first bytes of the workbook and goes.
    const url = new URL(`${t.api.server.url}/export`);
    const firstBytes = await new Promise<Buffer>((resolve, reject) => {
      const req = request(
        url,
        { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` } },
        (res) => {
          expect(res.statusCode).toBe(200);
          res.once('data', (chunk: Buffer) => {
            req.destroy();
            resolve(chunk);
          });
        },
      );
      req.on('error', (error) => (req.destroyed ? undefined : reject(error)));
      req.end(JSON.stringify(body));
    });
    expect(firstBytes.subarray(0, 2).toString()).toBe('PK');

    // The export stops: the pages it read are audited, and no more come after a while.
    const settled = async () => {
      for (let last = -1; ; ) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        const now = (await personalReads(id, 'Enterprise')).length;
        if (now === last) return now;
        last = now;
      }
    };
    const read = await settled();
    expect(read).toBeGreaterThan(0);
    expect(read).toBeLessThan(total);
    expect(read % 100).toBe(0);

    // The server and its workbook process serve the next export whole.
    const whole = await exportList(token, { ...body, pageSize: undefined });
    expect(whole.status).toBe(200);
    const rows = await xlsxRows(whole.bytes);
    expect(rows).toHaveLength(total + 1);
    expect((await personalReads(id, 'Enterprise')).length).toBe(read + total);
  }, 60_000);
});
