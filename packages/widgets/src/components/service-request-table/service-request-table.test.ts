import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import {
  axeViolations,
  describeInBrowser,
  settled,
  signInThroughWidget,
  startWidgetWorld,
  waitForListed,
  type WidgetWorld,
} from '../../test-support/browser';

describeInBrowser('<huhang-service-request-table>', () => {
  let world: WidgetWorld;

  beforeAll(async () => {
    world = await startWidgetWorld();
  });
  afterAll(() => world?.close());

  it('takes a request through its lifecycle — assigned, in progress, resolved, evaluated — as the API records it', async () => {
    const { data } = await world.api.gql(`query ($park: ID) { enterprises(filter: { parkId: $park }, first: 1) { nodes { id } } }`, {
      park: world.parkId,
    });
    const received = await world.api.gql(
      `mutation ($input: ReceiveServiceRequestInput!) { receiveServiceRequest(input: $input) { serviceRequest { id } } }`,
      {
        input: {
          enterpriseId: data.enterprises.nodes[0].id,
          kind: 'VEHICLE_ACCESS',
          channel: 'ONLINE',
          source: 'PHONE',
          description: '货车进园通行证办理（测试）',
          receivedAt: new Date(Date.now() - 3_600_000).toISOString(),
        },
      },
    );
    expect(received.errors).toBeUndefined();
    const id = received.data.receiveServiceRequest.serviceRequest.id;
    const api = async () =>
      (
        await world.api.gql(
          `query ($id: ID!) { node(id: $id) { ... on ServiceRequest { status satisfaction resolvedInTime assignedUnit { id } } } }`,
          {
            id,
          },
        )
      ).data.node;

    const p = await world.open(
      `<huhang-sign-in></huhang-sign-in><huhang-service-request-table page-size="50"></huhang-service-request-table>`,
    );
    await signInThroughWidget(p);
    await settled(p);
    const table = p.locator('huhang-service-request-table');
    await table.locator('select#status').selectOption('RECEIVED');
    await settled(p);
    const row = () => table.locator(`tr[data-id="${id}"]`);
    const { serviceRequests } = (
      await world.api.gql(
        `query ($park: ID) { serviceRequests(filter: { parkId: $park, statuses: [RECEIVED] }, first: 50) { nodes { id } } }`,
        {
          park: world.parkId,
        },
      )
    ).data;
    expect(await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-id')))).toEqual(
      serviceRequests.nodes.map((n: any) => n.id),
    );

    // Assigning without a unit is refused beside the row, without a request.
    await row().locator('button', { hasText: '分派' }).click();
    expect(await row().locator('.field-error').textContent()).toContain('承办单位');
    const unit = await row().locator('select option').nth(1).getAttribute('value');
    await row().locator('select').selectOption(unit!);
    await row().locator('button', { hasText: '分派' }).click();
    await table.locator('select#status').selectOption('');
    await p.waitForFunction(
      (rid) =>
        document
          .querySelector('huhang-service-request-table')!
          .shadowRoot!.querySelector(`tr[data-id="${rid}"]`)
          ?.getAttribute('data-status') === 'ASSIGNED',
      id,
    );
    expect(await api()).toMatchObject({ status: 'ASSIGNED', assignedUnit: { id: unit } });

    for (const [button, status] of [
      ['开始办理', 'IN_PROGRESS'],
      ['办结', 'RESOLVED'],
      ['评价', 'EVALUATED'],
    ] as const) {
      if (button === '办结') await row().locator('input').fill('已为企业办理临时通行证');
      if (button === '评价') await row().locator('select').selectOption('5');
      await row().locator('button', { hasText: button }).click();
      await p.waitForFunction(
        ([rid, s]) =>
          document
            .querySelector('huhang-service-request-table')!
            .shadowRoot!.querySelector(`tr[data-id="${rid}"]`)
            ?.getAttribute('data-status') === s,
        [id, status],
      );
      expect((await api()).status).toBe(status);
    }
    expect(await api()).toMatchObject({ satisfaction: 5, resolvedInTime: true });
    expect(await row().locator('td').nth(3).textContent()).toContain('已评价');
    expect(await axeViolations(p)).toEqual([]);
  });

  it('calls an open request past its due time overdue, never "resolved late", and sums up the list under it', async () => {
    const p = await world.open(
      `<huhang-sign-in></huhang-sign-in><huhang-service-request-table page-size="10"></huhang-service-request-table>`,
    );
    await signInThroughWidget(p);
    await settled(p);
    const table = p.locator('huhang-service-request-table');
    const { serviceRequests } = (
      await world.api.gql(
        `query ($park: ID) { serviceRequests(filter: { parkId: $park }, first: 10) { totalCount nodes { id status dueAt resolvedInTime } } }`,
        { park: world.parkId },
      )
    ).data;
    const shown = await table.locator('tbody tr').evaluateAll((rows) =>
      rows.map((tr) => ({
        id: tr.getAttribute('data-id'),
        timeliness: tr.querySelector('[data-timeliness]')?.getAttribute('data-timeliness') ?? null,
      })),
    );
    const expected = serviceRequests.nodes.map((r: { id: string; status: string; dueAt: string; resolvedInTime: boolean | null }) => {
      const resolved = r.status === 'RESOLVED' || r.status === 'EVALUATED';
      const timeliness = resolved ? (r.resolvedInTime ? 'in-time' : 'late') : new Date(r.dueAt) < new Date() ? 'overdue' : null;
      return { id: r.id, timeliness };
    });
    expect(shown).toEqual(expected);
    // The demo has open requests past their due time: the case this is about.
    expect(shown.some((row) => row.timeliness === 'overdue')).toBe(true);
    for (const late of await table.locator('[data-timeliness="late"]').all()) {
      expect(await late.evaluate((el) => el.closest('tr')!.getAttribute('data-status'))).toMatch(/RESOLVED|EVALUATED/);
    }
    const pages = Math.ceil(serviceRequests.totalCount / 10);
    expect((await table.locator('[part="pager"] .muted').textContent())!.trim()).toBe(
      `共 ${serviceRequests.totalCount} 件诉求 · 第 1 页，共 ${pages} 页`,
    );
  });

  it('shows only the open requests past their time limit when asked, as the API finds them', async () => {
    const p = await world.open(
      `<huhang-sign-in></huhang-sign-in><huhang-service-request-table page-size="50"></huhang-service-request-table>`,
    );
    await signInThroughWidget(p);
    await settled(p);
    const table = p.locator('huhang-service-request-table');
    const { serviceRequests } = (
      await world.api.gql(
        `query ($park: ID) { serviceRequests(filter: { parkId: $park, overdue: true }, first: 50) { totalCount nodes { id } } }`,
        { park: world.parkId },
      )
    ).data;
    expect(serviceRequests.totalCount).toBeGreaterThan(0);
    await table.locator('input[name="overdueOnly"]').check();
    await waitForListed(
      p,
      'huhang-service-request-table',
      'tbody tr[data-id]',
      serviceRequests.nodes.map((n: { id: string }) => n.id),
    );
    const words = await table.locator('tbody [data-timeliness]').evaluateAll((els) => els.map((el) => el.getAttribute('data-timeliness')));
    expect(words.length).toBe(serviceRequests.nodes.length);
    expect(words.every((w) => w === 'overdue')).toBe(true);
    expect(await axeViolations(p)).toEqual([]);
  });

  it.each([
    ['zh-CN', '办结时限'],
    ['en', 'Due'],
  ])('orders the requests by their time limit from its header, soonest first, then latest first (%s)', async (lang, label) => {
    const p = await world.open(
      `<huhang-sign-in></huhang-sign-in><huhang-service-request-table page-size="10"></huhang-service-request-table>`,
      { lang },
    );
    await signInThroughWidget(p);
    await settled(p);
    const table = p.locator('huhang-service-request-table');
    const header = table.locator('th button[data-sort="DUE_AT"]');
    expect((await header.textContent())?.trim()).toContain(label);
    const apiOrder = async (direction: 'ASC' | 'DESC') =>
      (
        await world.api.gql(
          `query ($park: ID, $direction: OrderDirection!) { serviceRequests(filter: { parkId: $park }, first: 10, orderBy: { field: DUE_AT, direction: $direction }) { nodes { id dueAt } } }`,
          { park: world.parkId, direction },
        )
      ).data.serviceRequests.nodes as Array<{ id: string; dueAt: string }>;
    await header.click();
    const soonest = await apiOrder('ASC');
    await waitForListed(
      p,
      'huhang-service-request-table',
      'tbody tr[data-id]',
      soonest.map((n) => n.id),
    );
    const shown = await table.locator('tbody td[data-due]').evaluateAll((tds) => tds.map((td) => td.getAttribute('data-due')));
    expect(shown).toEqual(soonest.map((n) => n.dueAt));
    expect(shown).toEqual([...shown].sort());
    expect(await table.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('ascending');
    expect(await axeViolations(p)).toEqual([]);
    await header.focus();
    await p.keyboard.press('Enter');
    const latest = await apiOrder('DESC');
    await waitForListed(
      p,
      'huhang-service-request-table',
      'tbody tr[data-id]',
      latest.map((n) => n.id),
    );
    expect(await table.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('descending');
  });

  it('exports the open requests past their limit, ordered by time limit, page by page, as the API lists them', async () => {
    const p = await world.open(
      `<huhang-sign-in></huhang-sign-in><huhang-service-request-table page-size="5" export-batch="5"></huhang-service-request-table>`,
    );
    await signInThroughWidget(p);
    await settled(p);
    const table = p.locator('huhang-service-request-table');
    await table.locator('input[name="overdueOnly"]').check();
    await table.locator('th button[data-sort="DUE_AT"]').click();
    await settled(p);
    const expected: any[] = [];
    for (let after: string | null = null; ; ) {
      const page: any = (
        await world.api.gql(
          `query ($park: ID, $after: String) { serviceRequests(filter: { parkId: $park, overdue: true }, orderBy: { field: DUE_AT, direction: ASC }, first: 100, after: $after) {
            pageInfo { hasNextPage endCursor } nodes { enterprise { name creditCode } description receivedAt dueAt status assignedUnit { name } } } }`,
          { park: world.parkId, after },
        )
      ).data.serviceRequests;
      expected.push(...page.nodes);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(expected.length).toBeGreaterThan(0);
    const [download] = await Promise.all([p.waitForEvent('download'), table.locator('[part="export-button"]').click()]);
    expect(download.suggestedFilename()).toMatch(/^huhang-service-requests-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = readFileSync((await download.path())!, 'utf8');
    const lines = text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      '企业,统一社会信用代码,诉求类型,办理方式,诉求来源,诉求内容,受理时间,办结时限,状态,办结时间,是否按时,承办单位,办理结果,满意度,诉求人类别,诉求人',
    );
    expect(lines).toHaveLength(expected.length + 1);
    // Beijing time, as a spreadsheet reads it: 2025-06-06 10:00 for 02:00 UTC.
    const beijing = (iso: string) => {
      const t = new Date(Date.parse(iso) + 8 * 3_600_000).toISOString();
      return `${t.slice(0, 10)} ${t.slice(11, 16)}`;
    };
    lines.slice(1).forEach((line, i) => {
      const e = expected[i];
      expect(line.startsWith(`${e.enterprise.name},${e.enterprise.creditCode},`)).toBe(true);
      expect(line).toContain(`,${beijing(e.receivedAt)},${beijing(e.dueAt)},`);
      expect(line.endsWith(',企业,')).toBe(true);
    });
    expect(await table.locator('[role="status"]').textContent()).toContain(`已导出 ${expected.length} 件诉求`);
    expect(await axeViolations(p)).toEqual([]);

    // As an Excel workbook: the same rows, the same Beijing times, the status in words.
    const [xlsx] = await Promise.all([p.waitForEvent('download'), table.locator('[part="export-xlsx-button"]').click()]);
    expect(xlsx.suggestedFilename()).toMatch(/^huhang-service-requests-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await xlsx.path())!);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(expected.length + 1);
    expected.forEach((e, i) => {
      const row = sheet.getRow(i + 2);
      expect([row.getCell(1).value, row.getCell(2).value, row.getCell(7).value, row.getCell(8).value]).toEqual([
        e.enterprise.name,
        e.enterprise.creditCode,
        beijing(e.receivedAt),
        beijing(e.dueAt),
      ]);
      expect(['已受理', '已分派', '办理中']).toContain(row.getCell(9).value);
    });
  });
});
