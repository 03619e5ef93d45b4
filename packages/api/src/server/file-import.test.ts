import ExcelJS from 'exceljs';
import { mutationSuite, testCreditCode } from '../test-support/mutations';
import { buildWorld, worldCreditCode, type World } from '../test-support/world';

const t = mutationSuite();

const HEADER = [
  '企业名称',
  '统一社会信用代码',
  '片区',
  '所属行业',
  '员工人数',
  '危化品企业',
  '经营状态',
  '联系人',
  '联系电话',
  '纳入服务日期',
];

type Cell = string | number | Date | { formula: string; result?: unknown } | null;

async function xlsx(header: string[], rows: Cell[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('企业');
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function csv(header: string[], rows: string[][]): Buffer {
  const line = (cells: string[]) => cells.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
  return Buffer.from(`\uFEFF${[header, ...rows].map(line).join('\r\n')}\r\n`, 'utf8');
}

async function importFile(token: string | null, query: Record<string, string>, body: Buffer): Promise<{ status: number; body: any }> {
  const response = await fetch(`${t.api.server.url}/import?${new URLSearchParams(query)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  });
  return { status: response.status, body: await response.json() };
}

async function count(sql: string, values: unknown[] = []): Promise<number> {
  const { rows } = await t.api.db.sql.query(`SELECT count(*)::int AS n FROM (${sql}) x`, values);
  return rows[0].n;
}

async function parkEnterprises(token: string, parkId: string): Promise<any[]> {
  const data = (
    await t.api.as({ token })(
      `query ($parkId: ID!) { enterprises(filter: { parkId: $parkId }, first: 100) {
        nodes { name creditCode industry employeeCount hazardousChemicals status contactPerson contactPhone joinedOn zone { name } } } }`,
      { parkId },
    )
  ).data;
  return data.enterprises.nodes;
}

let w: World;
let other: World;
let parkAdmin: { id: number; token: string };

beforeAll(async () => {
  w = await buildWorld(t.m, 'assignments');
  other = await buildWorld(t.m, 'enterprises');
  const park = (await t.api.ok(`query ($id: ID!) { node(id: $id) { ... on Park { databaseId } } }`, { id: w.park })).node.databaseId;
  const id = await t.api.createUser({ username: `import-park-${w.n}`, role: 'PARK_ADMIN', parkIds: [park] });
  parkAdmin = { id, token: await t.api.signIn(`import-park-${w.n}`) };
});

describe('GET /import/template', () => {
  it('gives the enterprise template as XLSX (headers, an example row that imports, notes) and as CSV', async () => {
    const response = await fetch(`${t.api.server.url}/import/template?kind=enterprises&format=xlsx`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain('enterprises-template.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['导入 Import', '说明 Notes']);
    const sheet = workbook.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(
      [
        ...HEADER.slice(0, 5),
        '危化品企业',
        '重点企业',
        '经营状态',
        '联系人',
        '联系电话',
        '纳入服务日期',
        '加入警企联络群日期',
        '场所类型',
      ].filter((h, i, all) => all.indexOf(h) === i),
    );
    expect(sheet.getColumn(2).numFmt).toBe('@');
    expect(workbook.worksheets[1]!.rowCount).toBeGreaterThan(12);

    const text = Buffer.from(await (await fetch(`${t.api.server.url}/import/template?kind=officers&format=csv`)).arrayBuffer()).toString(
      'utf8',
    );
    expect(text).toBe('\uFEFF姓名,警号,所属单位,职务,联系电话\r\n李华,065321,城关派出所,社区民警,13812345678\r\n');

    const bad = await fetch(`${t.api.server.url}/import/template?kind=visits`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as any).errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'kind' });
  });
});

describe('POST /import of enterprises', () => {
  const code = (k: number) => worldCreditCode(w, 40 + k);

  it('checks a good XLSX in a dry run, writes it in one go, and a second import of the same file changes nothing', async () => {
    const file = await xlsx(HEADER, [
      ['导入一号化工有限公司', code(1), '基础工业园', '化工', 120, '是', '在营', '赵一', '13900001111', new Date(Date.UTC(2026, 0, 5))],
      ['导入二号材料有限公司', code(2), '循环工业园', '新材料', '35', '否', '在建', '', '0854 2621110', '2026/2/1'],
      [],
      // The stored 磷都化工 with another head count and industry: an update.
      [
        '磷都化工有限公司',
        worldCreditCode(w, 1),
        '精细化工园',
        '磷化工（精细）',
        900,
        '是',
        '在营',
        '张经理',
        '0854-2345678',
        '2025-01-06',
      ],
    ]);
    const enterprisesBefore = await count('SELECT 1 FROM enterprise');
    const dry = await importFile(parkAdmin.token, { kind: 'enterprises', parkId: w.park }, file);
    expect(dry.status).toBe(200);
    expect(dry.body).toEqual({
      kind: 'ENTERPRISES',
      dryRun: true,
      committed: false,
      rowCount: 3,
      created: 2,
      updated: 1,
      unchanged: 0,
      problems: [],
    });
    expect(await count('SELECT 1 FROM enterprise')).toBe(enterprisesBefore);

    const done = await importFile(parkAdmin.token, { kind: 'enterprises', parkId: w.park, dryRun: 'false' }, file);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ committed: true, created: 2, updated: 1, unchanged: 0, problems: [] });

    const byCode = new Map((await parkEnterprises(parkAdmin.token, w.park)).map((e) => [e.creditCode, e]));
    expect(byCode.get(code(1))).toEqual({
      name: '导入一号化工有限公司',
      creditCode: code(1),
      industry: '化工',
      employeeCount: 120,
      hazardousChemicals: true,
      status: 'OPERATING',
      contactPerson: '赵一',
      contactPhone: '13900001111',
      joinedOn: '2026-01-05',
      zone: { name: '基础工业园' },
    });
    expect(byCode.get(code(2))).toMatchObject({
      employeeCount: 35,
      hazardousChemicals: false,
      status: 'UNDER_CONSTRUCTION',
      contactPerson: null,
      contactPhone: '0854-2621110',
      joinedOn: '2026-02-01',
    });
    expect(byCode.get(worldCreditCode(w, 1))).toMatchObject({ industry: '磷化工（精细）', employeeCount: 900 });

    // One audit row per record written, as the park administrator; the update with its before and after.
    const { rows: audit } = await t.api.db.sql.query(
      `SELECT entity, before, after FROM audit_log WHERE action = 'importEnterprises' AND actor_id = $1 ORDER BY id`,
      [parkAdmin.id],
    );
    expect(audit).toHaveLength(3);
    const update = audit.find((row: any) => row.before !== null);
    expect(update.before).toEqual({ industry: '磷化工', employeeCount: 820, updatedAt: expect.any(String) });
    expect(update.after).toMatchObject({ industry: '磷化工（精细）', employeeCount: 900 });

    const again = await importFile(parkAdmin.token, { kind: 'enterprises', parkId: w.park, dryRun: 'false' }, file);
    expect(again.body).toMatchObject({ committed: true, rowCount: 3, created: 0, updated: 0, unchanged: 3, problems: [] });
    expect(await count(`SELECT 1 FROM audit_log WHERE action = 'importEnterprises'`)).toBe(3);
    expect(await count('SELECT 1 FROM enterprise')).toBe(enterprisesBefore + 2);
  });

  it('reports every bad row and column with the API’s message, and a refused import writes nothing', async () => {
    const wrongCheck = code(10).slice(0, 17) + (code(10)[17] === 'A' ? 'B' : 'A');
    const file = await xlsx(HEADER, [
      ['好企业', code(11), '基础工业园', '化工', 1, '否', '在营', '', '', '2026-03-01'],
      ['校验位错误', wrongCheck, '基础工业园', '化工', 1, '否', '在营', '', '', '2026-03-01'],
      ['片区不存在', code(12), '不存在的片区', '化工', 1, '否', '在营', '', '', '2026-03-01'],
      ['重复代码', code(11), '基础工业园', '化工', 1, '否', '在营', '', '', '2026-03-01'],
      ['他园企业', worldCreditCode(other, 1), '基础工业园', '化工', 1, '否', '在营', '', '', '2026-03-01'],
      ['电话错误', code(13), '基础工业园', '化工', 1, '否', '在营', '钱二', '12345', '2026-03-01'],
      ['', code(14), '基础工业园', '化工', 1, '否', '在营', '', '', '2026-03-01'],
      ['公式', code(15), '基础工业园', '化工', { formula: 'SUM(1,2)', result: 3 }, '否', '在营', '', '', '2026-03-01'],
      ['人数为负', code(16), '基础工业园', '化工', -3, '也许', '营业中', '', '', '2026-02-30'],
    ]);
    const enterprisesBefore = await count('SELECT 1 FROM enterprise');
    const auditBefore = await count('SELECT 1 FROM audit_log');
    const result = await importFile(parkAdmin.token, { kind: 'enterprises', parkId: w.park, dryRun: 'false' }, file);
    expect(result.status).toBe(422);
    expect(result.body).toMatchObject({ dryRun: false, committed: false, rowCount: 9 });
    const problems = result.body.problems.map((p: any) => [p.row, p.column, p.code, p.reason, p.message]);
    expect(problems).toEqual([
      [
        3,
        '统一社会信用代码',
        'BAD_USER_INPUT',
        'CHECK_DIGIT',
        '统一社会信用代码校验位错误 (the check character of the unified social credit code is wrong)',
      ],
      [4, '片区', 'NOT_FOUND', 'NOT_FOUND', '本园区没有片区「不存在的片区」(no zone in this park named "不存在的片区")'],
      [5, '统一社会信用代码', 'CONFLICT', 'DUPLICATE', '与第 2 行重复 (the same as row 2)'],
      [6, '统一社会信用代码', 'CONFLICT', 'DUPLICATE', '该统一社会信用代码已在别处登记 (already registered elsewhere)'],
      [
        7,
        '联系电话',
        'BAD_USER_INPUT',
        'FORMAT',
        '电话号码格式不正确，应为 11 位手机号或带区号的固话，如 0854-2621110 (not a mobile or landline number)',
      ],
      [8, '企业名称', 'BAD_USER_INPUT', 'REQUIRED', '此项必填 (a value is needed)'],
      [
        9,
        '员工人数',
        'BAD_USER_INPUT',
        'FORMULA',
        '单元格是公式，请复制后“粘贴为数值”再导入 (the cell holds a formula; paste its value instead)',
      ],
      [10, '员工人数', 'BAD_USER_INPUT', 'MIN', 'employeeCount must not be less than 0'],
      [10, '危化品企业', 'BAD_USER_INPUT', 'INVALID', '应为 是 或 否 (yes or no)'],
      [10, '经营状态', 'BAD_USER_INPUT', 'ISIN', '应为 在建、在营、停产、关停 之一 (not one of the allowed values)'],
      [10, '纳入服务日期', 'BAD_USER_INPUT', 'FORMAT', '日期应为 2026-01-05 这样的形式 (a day, e.g. 2026-01-05)'],
    ]);
    expect(result.body.problems[0].field).toBe('creditCode');
    // The good first row was not written either.
    expect(await count('SELECT 1 FROM enterprise')).toBe(enterprisesBefore);
    expect(await count('SELECT 1 FROM enterprise WHERE credit_code = $1', [code(11)])).toBe(0);
    expect(await count('SELECT 1 FROM audit_log')).toBe(auditBefore);
  });

  it('reads a CSV, in UTF-8 or as Excel saves it on a Chinese Windows (GB 18030), and names a missing column', async () => {
    const rows = [['CSV企业', code(20), '精细化工园', '化工', '8', '否', '停产', '孙三', '+86 139 0000 2222', '2026年3月9日']];
    const utf8 = await importFile(parkAdmin.token, { kind: 'enterprises', parkId: w.park }, csv(HEADER, rows));
    expect(utf8.body).toMatchObject({ rowCount: 1, created: 1, problems: [] });
    const { rows: encoded } = await t.api.db.sql.query(`SELECT convert_to($1, 'GB18030') AS bytes`, [
      [HEADER, ...rows].map((line) => line.join(',')).join('\r\n'),
    ]);
    const gbResult = await importFile(parkAdmin.token, { kind: 'enterprises', parkId: w.park }, encoded[0].bytes);
    expect(gbResult.body).toMatchObject({ rowCount: 1, created: 1, problems: [] });

    const missing = await importFile(
      parkAdmin.token,
      { kind: 'enterprises', parkId: w.park },
      csv(['企业名称', '备注'], [['某企业', 'x']]),
    );
    expect(missing.body.problems.map((p: any) => [p.row, p.column, p.reason])).toEqual([
      [1, null, 'INVALID'],
      [1, '统一社会信用代码', 'REQUIRED'],
      [1, '片区', 'REQUIRED'],
      [1, '所属行业', 'REQUIRED'],
      [1, '纳入服务日期', 'REQUIRED'],
    ]);
  });

  it('takes the kind of each place: construction sites beside enterprises, a word it does not know named by column', async () => {
    const header = [...HEADER, '场所类型'];
    const rows = [
      ['城北安置房项目', code(40), '基础工业园', '房屋建筑', '0', '否', '在建', '', '', '2026-02-01', '在建工地'],
      ['园区物流有限公司', code(41), '基础工业园', '物流', '30', '否', '在营', '', '', '2026-02-01', ''],
    ];
    const result = await importFile(parkAdmin.token, { kind: 'enterprises', parkId: w.park, dryRun: 'false' }, csv(header, rows));
    expect(result.body).toMatchObject({ committed: true, rowCount: 2, created: 2, problems: [] });
    const { rows: stored } = await t.api.db.sql.query(
      `SELECT credit_code, kind FROM enterprise WHERE credit_code = ANY ($1) ORDER BY credit_code`,
      [[code(40), code(41)]],
    );
    expect(stored).toEqual([
      { credit_code: code(40), kind: 'CONSTRUCTION_PROJECT' },
      { credit_code: code(41), kind: 'ENTERPRISE' },
    ]);
    const bad = await importFile(
      parkAdmin.token,
      { kind: 'enterprises', parkId: w.park, dryRun: 'false' },
      csv(header, [['城南学校项目', code(42), '基础工业园', '房屋建筑', '0', '否', '在建', '', '', '2026-02-01', '学校']]),
    );
    expect(bad.body.problems.map((p: any) => [p.row, p.column, p.reason])).toEqual([[2, '场所类型', 'ISIN']]);
    expect(await count('SELECT 1 FROM enterprise WHERE credit_code = $1', [code(42)])).toBe(0);
  });

  it('refuses what it cannot take, with a code and the parameter it names', async () => {
    const file = csv(HEADER, [['x', code(30), '基础工业园', '化工', '1', '否', '在营', '', '', '2026-01-01']]);
    const anonymous = await importFile(null, { kind: 'enterprises', parkId: w.park }, file);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');

    const otherPark = await importFile(parkAdmin.token, { kind: 'enterprises', parkId: other.park }, file);
    expect(otherPark.status).toBe(404);
    expect(otherPark.body.errors[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'parkId' });

    const noPark = await importFile(parkAdmin.token, { kind: 'enterprises' }, file);
    expect(noPark.status).toBe(400);
    expect(noPark.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'parkId', reason: 'REQUIRED' });

    const kind = await importFile(parkAdmin.token, { kind: 'visits', parkId: w.park }, file);
    expect(kind.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'kind' });

    const notASheet = await importFile(
      parkAdmin.token,
      { kind: 'enterprises', parkId: w.park },
      Buffer.from('PK\u0003\u0004garbage', 'latin1'),
    );
    expect(notASheet.status).toBe(400);
    expect(notASheet.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file', reason: 'FORMAT' });

    const empty = await importFile(parkAdmin.token, { kind: 'enterprises', parkId: w.park }, Buffer.alloc(0));
    expect(empty.body.errors[0].extensions).toMatchObject({ field: 'file' });

    const get = await fetch(`${t.api.server.url}/import?kind=enterprises`, { headers: { authorization: `Bearer ${parkAdmin.token}` } });
    expect(get.status).toBe(405);
  });

  it('imports 10,000 rows in one transaction, and the same 10,000 again change nothing', async () => {
    const rows = Array.from({ length: 10_000 }, (_, k) => [
      `万行企业${String(k).padStart(5, '0')}`,
      testCreditCode(5_000_000 + w.n * 20_000 + k),
      ['基础工业园', '循环工业园', '精细化工园'][k % 3]!,
      '制造',
      String(k % 500),
      k % 7 === 0 ? '是' : '否',
      '在营',
      `联系人${k}`,
      `139${String(k).padStart(8, '0')}`,
      '2026-04-01',
    ]);
    const file = await xlsx(HEADER, rows);
    const started = performance.now();
    const done = await importFile(t.api.adminToken, { kind: 'enterprises', parkId: w.park, dryRun: 'false' }, file);
    const seconds = (performance.now() - started) / 1000;
    expect(done.body).toMatchObject({ committed: true, rowCount: 10_000, created: 10_000, problems: [] });
    console.log(`10,000-row XLSX import: ${seconds.toFixed(1)} s (${file.length} bytes)`);
    expect(await count(`SELECT 1 FROM enterprise WHERE name LIKE '万行企业%'`)).toBe(10_000);
    expect(
      await count(`SELECT 1 FROM audit_log WHERE action = 'importEnterprises' AND actor_type = 'USER' AND after->>'name' LIKE '万行企业%'`),
    ).toBe(10_000);

    const startedAgain = performance.now();
    const again = await importFile(t.api.adminToken, { kind: 'enterprises', parkId: w.park, dryRun: 'false' }, file);
    console.log(`the same file again: ${((performance.now() - startedAgain) / 1000).toFixed(1)} s`);
    expect(again.body).toMatchObject({ committed: true, created: 0, updated: 0, unchanged: 10_000 });
  }, 120_000);
});

describe('POST /import of officers and liaison assignments', () => {
  it('adds and updates officers by badge number, then reassigns an enterprise from a day on; again changes nothing', async () => {
    const officers = csv(
      ['姓名', '警号', '所属单位', '职务', '联系电话'],
      [
        ['周新', `7${String(w.n).padStart(5, '0')}`, '雍阳派出所', '社区民警', '13700001234'],
        ['李华', w.badges.officer2, '基础工业园区警务站', '警务站站长', ''],
        ['错单位', `8${String(w.n).padStart(5, '0')}`, '不存在的派出所', '', ''],
        ['短警号', '123', '雍阳派出所', '', ''],
      ],
    );
    const refused = await importFile(t.api.adminToken, { kind: 'officers', programId: w.program, dryRun: 'false' }, officers);
    expect(refused.status).toBe(422);
    expect(refused.body.problems.map((p: any) => [p.row, p.column, p.reason])).toEqual([
      [4, '所属单位', 'NOT_FOUND'],
      [5, '警号', 'MATCHES'],
    ]);
    const good = csv(
      ['姓名', '警号', '所属单位', '职务', '联系电话'],
      [
        ['周新', `7${String(w.n).padStart(5, '0')}`, '雍阳派出所', '社区民警', '13700001234'],
        ['李华', w.badges.officer2, '基础工业园区警务站', '警务站站长', ''],
      ],
    );
    const done = await importFile(t.api.adminToken, { kind: 'officers', programId: w.program, dryRun: 'false' }, good);
    expect(done.body).toMatchObject({ committed: true, created: 1, updated: 1, unchanged: 0, problems: [] });
    const li = (await t.api.ok(`query ($id: ID!) { node(id: $id) { ... on Officer { title } } }`, { id: w.officer2 })).node;
    expect(li.title).toBe('警务站站长');

    const assignments = csv(
      ['统一社会信用代码', '警号', '开始日期', '支撑警种'],
      [
        [worldCreditCode(w, 2), `7${String(w.n).padStart(5, '0')}`, '2026-05-01', '治安管理大队'],
        [worldCreditCode(w, 1), w.badges.officer2, '2026-05-01', ''],
      ],
    );
    const assigned = await importFile(
      t.api.adminToken,
      { kind: 'liaison-assignments', programId: w.program, dryRun: 'false' },
      assignments,
    );
    expect(assigned.body).toMatchObject({ committed: true, created: 1, updated: 1, unchanged: 1, problems: [] });
    const history = (
      await t.api.ok(
        `query ($id: ID!) { node(id: $id) { ... on Enterprise { liaisonAssignments(first: 5) { nodes { startsOn endsOn officer { name } supportingBranches { name } } } } } }`,
        { id: w.enterprise2 },
      )
    ).node.liaisonAssignments.nodes;
    expect(history).toEqual([
      { startsOn: '2026-05-01', endsOn: null, officer: { name: '周新' }, supportingBranches: [{ name: '治安管理大队' }] },
      { startsOn: '2025-02-01', endsOn: '2026-04-30', officer: { name: '王建国' }, supportingBranches: [] },
    ]);
    const again = await importFile(t.api.adminToken, { kind: 'liaison-assignments', programId: w.program, dryRun: 'false' }, assignments);
    expect(again.body).toMatchObject({ committed: true, created: 0, updated: 0, unchanged: 2 });
  });
});

describe('the importRecords mutation', () => {
  const REPORT = 'kind dryRun committed rowCount created updated unchanged problems { row column field code reason }';
  const rows = (name: string) => [[name, worldCreditCode(w, 60), '基础工业园', '化工', '12', '否', '在营', '', '', '2026-04-01']];

  it('takes the rows as text, checks them in a dry run and writes them when asked, echoing the clientMutationId', async () => {
    const input = { kind: 'ENTERPRISES', parkId: w.park, header: HEADER, rows: rows('变更导入有限公司'), clientMutationId: 'imp-1' };
    const dry = await t.m.ok('importRecords', input, REPORT);
    expect(dry).toEqual({
      clientMutationId: 'imp-1',
      kind: 'ENTERPRISES',
      dryRun: true,
      committed: false,
      rowCount: 1,
      created: 1,
      updated: 0,
      unchanged: 0,
      problems: [],
    });
    expect(await count('SELECT 1 FROM enterprise WHERE credit_code = $1', [worldCreditCode(w, 60)])).toBe(0);
    const done = await t.m.ok('importRecords', { ...input, dryRun: false }, REPORT);
    expect(done).toMatchObject({ committed: true, created: 1, updated: 0, unchanged: 0 });
    const again = await t.m.ok('importRecords', { ...input, dryRun: false }, REPORT);
    expect(again).toMatchObject({ committed: true, created: 0, updated: 0, unchanged: 1 });
    expect(await count('SELECT 1 FROM enterprise WHERE credit_code = $1', [worldCreditCode(w, 60)])).toBe(1);
  });

  it('refuses a sheet without its park, or with a program it does not need, naming the field', async () => {
    const input = { kind: 'ENTERPRISES', header: HEADER, rows: rows('缺园区有限公司') };
    expect(await t.m.refuse('importRecords', input)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.parkId', reason: 'REQUIRED' });
    expect(await t.m.refuse('importRecords', { ...input, parkId: w.park, programId: w.program })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.programId',
    });
    expect(await t.m.refuse('importRecords', { kind: 'OFFICERS', header: ['姓名'], rows: [['周新']] })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.programId',
    });
  });
});
