import { readFileSync } from 'node:fs';
import {
  axeViolations,
  describeInBrowser,
  settled,
  signInThroughWidget,
  startWidgetWorld,
  type WidgetWorld,
} from '../../test-support/browser';

const TRAIL = `query ($filter: AuditFilter, $first: Int!, $after: String) {
  auditLog(filter: $filter, first: $first, after: $after) { endCursor nodes { id at action actorName entity entityId before after } }
}`;

describeInBrowser('<huhang-audit-trail>', () => {
  let world: WidgetWorld;
  let enterprise: { id: string; name: string };

  beforeAll(async () => {
    world = await startWidgetWorld();
    const { data } = await world.api.gql(
      `query ($park: ID) { enterprises(filter: { parkId: $park }, first: 1) { nodes { id name version } } }`,
      {
        park: world.parkId,
      },
    );
    const first = data.enterprises.nodes[0];
    enterprise = first;
    // Seven changes of one enterprise's head count: 101, 102, … 107.
    let version: number = first.version;
    for (let n = 101; n <= 107; n++) {
      const changed = await world.api.gql(
        `mutation ($input: UpdateEnterpriseInput!) { updateEnterprise(input: $input) { enterprise { version } } }`,
        { input: { id: first.id, version, employeeCount: n } },
      );
      expect(changed.errors).toBeUndefined();
      version = changed.data.updateEnterprise.enterprise.version;
    }
  });
  afterAll(() => world?.close());

  const trail = async (filter: Record<string, unknown>, first = 100, after: string | null = null) =>
    (await world.api.gql(TRAIL, { filter, first, after })).data.auditLog as {
      endCursor: string | null;
      nodes: Array<{ id: string; at: string; action: string; actorName: string; entityId: number; before: any; after: any }>;
    };
  const shownIds = (p: import('playwright-core').Page) =>
    p.locator('huhang-audit-trail tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-id')));

  it('shows a record’s history as the API has it, page by page, with each change before and after, and exports it', async () => {
    const p = await world.open(`<huhang-sign-in></huhang-sign-in><huhang-audit-trail page-size="5"></huhang-audit-trail>`);
    await signInThroughWidget(p, 'admin');
    await settled(p);
    const widget = p.locator('huhang-audit-trail');

    // A record id that is not one is refused beside the field, as typed.
    await widget.locator('input[name="record"]').fill('not-an-id');
    await widget.locator('button[type="submit"]').click();
    expect(await widget.locator('#record-error').textContent()).toContain('不是记录的全局 ID');

    await widget.locator('input[name="record"]').fill(enterprise.id);
    await widget.locator('button[type="submit"]').click();
    await settled(p);
    const all = await trail({ record: enterprise.id });
    expect(all.nodes.filter((row) => row.action === 'updateEnterprise')).toHaveLength(7);
    const firstPage = await trail({ record: enterprise.id }, 5);
    expect(await shownIds(p)).toEqual(firstPage.nodes.map((row) => row.id));
    // The newest change: head count 106 → 107, by the test's administrator.
    const newest = widget.locator(`tr[data-id="${all.nodes[0]!.id}"]`);
    expect(await newest.getAttribute('data-action')).toBe('updateEnterprise');
    expect((await newest.locator('[data-field="employeeCount"]').textContent())!.replace(/\s+/g, ' ')).toContain('106 → 107');
    expect(await newest.textContent()).toContain(all.nodes[0]!.actorName);
    expect(await newest.textContent()).toContain(`Enterprise #${all.nodes[0]!.entityId}`);

    // The next page is the API's page after the first one's cursor; previous goes back.
    await widget.locator('[part="pager"] button', { hasText: '下一页' }).click();
    await settled(p);
    const secondPage = await trail({ record: enterprise.id }, 5, firstPage.endCursor);
    expect(await shownIds(p)).toEqual(secondPage.nodes.map((row) => row.id));
    await widget.locator('[part="pager"] button', { hasText: '上一页' }).click();
    await settled(p);
    expect(await shownIds(p)).toEqual(firstPage.nodes.map((row) => row.id));

    // Every row of the search as CSV: Beijing times, the changes as JSON.
    const [download] = await Promise.all([p.waitForEvent('download'), widget.locator('[part="export-button"]').click()]);
    expect(download.suggestedFilename()).toMatch(/^huhang-audit-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = readFileSync((await download.path())!, 'utf8')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('时间,操作人类型,操作人,操作,记录类型,记录编号,结果,变更前,变更后,客户端地址,请求编号');
    expect(lines).toHaveLength(all.nodes.length + 1);
    const beijing = (iso: string) => {
      const t = new Date(Date.parse(iso) + 8 * 3_600_000).toISOString();
      return `${t.slice(0, 10)} ${t.slice(11, 16)}`;
    };
    expect(lines[1]!.startsWith(`${beijing(all.nodes[0]!.at)},用户,${all.nodes[0]!.actorName},updateEnterprise,Enterprise,`)).toBe(true);
    expect(lines[1]).toContain('""employeeCount"":107');
    expect(await widget.locator('[role="status"]').textContent()).toContain(`已导出 ${all.nodes.length} 条审计记录`);
    expect(await axeViolations(p)).toEqual([]);
  });

  it('filters by who, action and Beijing days as the API does, and refuses a range that ends before it starts', async () => {
    const p = await world.open(`<huhang-sign-in></huhang-sign-in><huhang-audit-trail page-size="50"></huhang-audit-trail>`);
    await signInThroughWidget(p, 'admin');
    await settled(p);
    const widget = p.locator('huhang-audit-trail');
    const { data } = await world.api.gql(`{ users(first: 100) { nodes { databaseId username } } }`);
    const admin = data.users.nodes.find((u: { username: string }) => u.username === 'admin');

    await widget.locator('select[name="userId"]').selectOption(String(admin.databaseId));
    await widget.locator('input[name="action"]').fill('login');
    await widget.locator('button[type="submit"]').click();
    await settled(p);
    const logins = await trail({ userId: admin.databaseId, action: 'login' }, 50);
    expect(logins.nodes.length).toBeGreaterThan(0);
    expect(await shownIds(p)).toEqual(logins.nodes.map((row) => row.id));

    // Today, Beijing time, from its first instant to the next day's.
    const todayInBeijing = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    await widget.locator('select[name="userId"]').selectOption('');
    await widget.locator('input[name="action"]').fill('updateEnterprise');
    await widget.locator('input[name="from"]').fill(todayInBeijing);
    await widget.locator('input[name="to"]').fill(todayInBeijing);
    await widget.locator('button[type="submit"]').click();
    await settled(p);
    const from = new Date(`${todayInBeijing}T00:00:00+08:00`);
    const today = await trail(
      { action: 'updateEnterprise', from: from.toISOString(), to: new Date(from.getTime() + 86_400_000).toISOString() },
      50,
    );
    expect(today.nodes).toHaveLength(7);
    expect(await shownIds(p)).toEqual(today.nodes.map((row) => row.id));

    // An end before the start is refused beside the field; the table keeps the last search.
    await widget.locator('input[name="to"]').fill('2020-01-01');
    await widget.locator('button[type="submit"]').click();
    expect(await widget.locator('#to-error').textContent()).toContain('截止日期不能早于起始日期');
    expect(await shownIds(p)).toEqual(today.nodes.map((row) => row.id));

    // Nothing matches: the table says so.
    await widget.locator('button', { hasText: '清除条件' }).click();
    await widget.locator('input[name="action"]').fill('noSuchAction');
    await widget.locator('button[type="submit"]').click();
    await settled(p);
    expect(await widget.locator('[data-empty]').textContent()).toContain('没有符合条件的审计记录');
    expect(await axeViolations(p)).toEqual([]);
  });

  it('reads in English, passes axe, and tells a park administrator the trail is not theirs to read', async () => {
    const p = await world.open(`<huhang-sign-in></huhang-sign-in><huhang-audit-trail locale="en" page-size="5"></huhang-audit-trail>`);
    await signInThroughWidget(p, 'admin');
    await settled(p);
    const widget = p.locator('huhang-audit-trail');
    expect(await widget.locator('[part="title"]').textContent()).toContain('Audit trail');
    expect(await widget.locator('tbody tr').count()).toBe(5);
    expect(await axeViolations(p)).toEqual([]);

    const parkAdmin = await world.open(`<huhang-sign-in></huhang-sign-in><huhang-audit-trail></huhang-audit-trail>`);
    await signInThroughWidget(parkAdmin);
    await settled(parkAdmin);
    expect(await parkAdmin.locator('huhang-audit-trail [part="error"]').count()).toBe(0);
    expect(await parkAdmin.locator('huhang-audit-trail [part="not-permitted"]').textContent()).toContain('审计日志仅系统管理员可以查看');
    expect(await axeViolations(parkAdmin)).toEqual([]);
  });
});
