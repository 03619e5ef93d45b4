import { testCreditCode } from '../../../../api/src/test-support/mutations';
import {
  axeViolations,
  describeInBrowser,
  settled,
  signInThroughWidget,
  startWidgetWorld,
  type WidgetWorld,
} from '../../test-support/browser';

const HEADER = '企业名称,统一社会信用代码,片区,所属行业,员工人数,纳入服务日期';

describeInBrowser('<huhang-import>', () => {
  let world: WidgetWorld;
  let parkToken: string;
  let zone: string;

  beforeAll(async () => {
    world = await startWidgetWorld();
    parkToken = await world.api.signIn('wengan-park', 'Huhang-demo-2026');
    const park = (await world.api.gql(`query ($id: ID!) { park(id: $id) { zones(first: 1) { nodes { name } } } }`, { id: world.parkId }))
      .data.park;
    zone = park.zones.nodes[0].name;
  });
  afterAll(() => world?.close());

  /** The API's own report for the same file, as the same user. */
  async function apiReport(file: string): Promise<any> {
    const response = await fetch(`${world.api.server.url}/import?kind=enterprises&parkId=${encodeURIComponent(world.parkId)}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${parkToken}` },
      body: Buffer.from(file, 'utf8'),
    });
    return response.json();
  }

  const upload = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${text}`, 'utf8') });

  it('checks a file, lists its problems as the API reports them, then imports a good one once', async () => {
    const good1 = testCreditCode(7_700_001);
    const good2 = testCreditCode(7_700_002);
    const wrong = `${good1.slice(0, 17)}${good1[17] === '0' ? '1' : '0'}`;
    const bad = `${HEADER}\r\n浏览器导入甲,${good1},${zone},化工,12,2026-06-01\r\n浏览器导入乙,${wrong},不存在的片区,化工,-1,2026-06-01\r\n`;
    const good = `${HEADER}\r\n浏览器导入甲,${good1},${zone},化工,12,2026-06-01\r\n浏览器导入乙,${good2},${zone},新材料,30,2026-06-02\r\n`;

    const p = await world.open(`<huhang-sign-in></huhang-sign-in><huhang-import></huhang-import>`);
    await signInThroughWidget(p);
    await settled(p);
    const widget = p.locator('huhang-import');
    const template = await widget.locator('[part="templates"] a').first().getAttribute('href');
    expect(template).toContain('/import/template?kind=enterprises&format=xlsx');
    const download = await fetch(template!);
    // Read to its end: an unread body holds its connection open past the file.
    expect({ status: download.status, bytes: (await download.arrayBuffer()).byteLength > 0 }).toEqual({ status: 200, bytes: true });
    expect(await widget.locator('[part="import-button"]').isDisabled()).toBe(true);

    await widget.locator('input[type="file"]').setInputFiles(upload('企业.csv', bad));
    await widget.locator('[part="check-button"]').click();
    await widget.locator('[part="problems"]').waitFor();
    const expected = (await apiReport(`\uFEFF${bad}`)).problems;
    expect(expected.length).toBe(3);
    const shown = await widget
      .locator('[part="problems"] tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim())));
    expect(shown).toEqual(expected.map((problem: any) => [String(problem.row), problem.column, problem.message]));
    expect(await widget.locator('[part="summary"]').textContent()).toContain('发现 3 个问题，未写入任何数据');
    expect(await widget.locator('[part="import-button"]').isDisabled()).toBe(true);
    expect(await axeViolations(p)).toEqual([]);

    await widget.locator('input[type="file"]').setInputFiles(upload('企业.csv', good));
    await widget.locator('[part="check-button"]').click();
    await widget.locator('[part="summary"]', { hasText: '检查通过：共 2 行，将新增 2 条、更新 0 条、0 条不变' }).waitFor();
    await widget.locator('[part="import-button"]').click();
    await widget.locator('[part="summary"][data-committed="true"]', { hasText: '已导入：新增 2 条' }).waitFor();
    const stored = await world.api.db.sql.query(
      `SELECT name, industry, employee_count FROM enterprise WHERE credit_code = ANY($1) ORDER BY credit_code`,
      [[good1, good2]],
    );
    expect(stored.rows).toEqual([
      { name: '浏览器导入甲', industry: '化工', employee_count: 12 },
      { name: '浏览器导入乙', industry: '新材料', employee_count: 30 },
    ]);
    // The same file again: nothing to add.
    await widget.locator('[part="check-button"]').click();
    await widget.locator('[part="summary"]', { hasText: '将新增 0 条、更新 0 条、2 条不变' }).waitFor();
    expect(await axeViolations(p)).toEqual([]);
  });

  it('reads in English and passes axe', async () => {
    const p = await world.open(`<huhang-sign-in></huhang-sign-in><huhang-import locale="en" kind="OFFICERS"></huhang-import>`);
    await signInThroughWidget(p);
    await settled(p);
    const widget = p.locator('huhang-import');
    expect(await widget.locator('[part="title"]').textContent()).toContain('Import');
    expect(await widget.locator('[part="templates"] a').first().getAttribute('href')).toContain('kind=officers');
    expect(await widget.locator('label[for="file"]').textContent()).toContain('Excel or CSV file');
    expect(await axeViolations(p)).toEqual([]);
  });
});
