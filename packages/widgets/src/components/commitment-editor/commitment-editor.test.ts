import {
  axeViolations,
  describeInBrowser,
  settled,
  signInThroughWidget,
  startWidgetWorld,
  type WidgetWorld,
} from '../../test-support/browser';
import { downloadCsv, downloadXlsx } from '../../test-support/downloads';
import { today } from '../../internal/period';

interface ApiCommitment {
  id: string;
  code: string;
  area: string;
  retiredAt: string | null;
  title: { zhCN: string; en: string | null };
  indicators: {
    nodes: Array<{ id: string; metric: string; params: Record<string, unknown>; comparator: string; target: number; period: string }>;
  };
}

describeInBrowser('<huhang-commitment-editor>', () => {
  let world: WidgetWorld;

  beforeAll(async () => {
    world = await startWidgetWorld();
  });
  afterAll(() => world?.close());

  const commitments = async (includeRetired = false): Promise<ApiCommitment[]> =>
    (
      await world.api.ok(
        `query ($program: ID!, $retired: Boolean!) { commitments(first: 100, filter: { programId: $program, includeRetired: $retired }) { nodes {
          id code area retiredAt title { zhCN en } indicators(first: 20) { nodes { id metric params comparator target period } } } } }`,
        { program: world.programId, retired: includeRetired },
      )
    ).commitments.nodes;

  it('lists the program’s commitments and indicators as the API has them; publishes a commitment, adds an indicator from the metric catalog with its parameter, removes it and retires the commitment', async () => {
    const p = await world.open(`<huhang-sign-in></huhang-sign-in><huhang-commitment-editor></huhang-commitment-editor>`);
    await signInThroughWidget(p, 'wengan-bureau');
    await settled(p);
    const widget = p.locator('huhang-commitment-editor');

    const published = await commitments();
    expect(published.length).toBeGreaterThan(3);
    expect(await widget.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-id')))).toEqual(
      published.map((c) => c.id),
    );
    for (const c of published) {
      const row = widget.locator(`tr[data-id="${c.id}"]`);
      expect((await row.locator('th .code').textContent())!.trim()).toBe(c.code);
      expect(await row.locator('li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-metric')))).toEqual(
        c.indicators.nodes.map((i) => i.metric),
      );
    }

    // A commitment: code, title and area are required, as typed.
    const commitmentForm = widget.locator('form[aria-labelledby="commitment-heading"]');
    await commitmentForm.locator('button[type="submit"]').click();
    for (const name of ['code', 'titleZhCN', 'area']) {
      expect({ name, errors: await widget.locator(`#f-${name}-error`).count() }).toEqual({ name, errors: 1 });
    }
    // The API's own refusal of a code already published lands beside the code.
    await commitmentForm.locator('input[name="code"]').fill(published[0]!.code);
    await commitmentForm.locator('input[name="titleZhCN"]').fill('重大警情 20 分钟内到场');
    await commitmentForm.locator('input[name="titleEn"]').fill('Arrive at major incidents within 20 minutes');
    await commitmentForm.locator('select[name="area"]').selectOption('PUBLIC_ORDER');
    await commitmentForm.locator('input[name="titleEn"]').press('Enter');
    await widget.locator('#f-code-error', { hasText: `该机制已有编号为 ${published[0]!.code} 的承诺` }).waitFor();
    expect((await commitments()).length).toBe(published.length);

    const code = `C${90 + (Date.now() % 9)}`;
    await commitmentForm.locator('input[name="code"]').fill(code);
    await commitmentForm.locator('input[name="titleEn"]').press('Enter');
    await commitmentForm.locator('[part="banner"]').filter({ hasText: '已保存' }).waitFor();
    const made = (await commitments()).find((c) => c.code === code)!;
    expect(made).toMatchObject({
      area: 'PUBLIC_ORDER',
      title: { zhCN: '重大警情 20 分钟内到场', en: 'Arrive at major incidents within 20 minutes' },
    });
    const row = widget.locator(`tr[data-id="${made.id}"]`);
    await row.waitFor();
    expect(await row.locator('td .muted').textContent()).toContain('还没有考核指标');

    // An indicator from the catalog: the metric's parameter appears with its default and its range.
    const form = widget.locator('form[aria-labelledby="indicator-heading"]');
    await form.locator('select[name="commitmentId"]').selectOption(made.id);
    await form.locator('select[name="metric"]').selectOption('incidentArrivalWithin');
    const minutes = form.locator('input[name="param-minutes"]');
    await minutes.waitFor();
    expect(await minutes.inputValue()).toBe('15');
    await minutes.fill('999');
    await minutes.blur();
    expect(await widget.locator('#f-param-minutes-error').textContent()).toContain('240');
    await minutes.fill('20');
    await form.locator('input[name="target"]').fill('九十');
    await form.locator('input[name="target"]').blur();
    expect(await widget.locator('#f-target-error').textContent()).toContain('请输入数字');
    await form.locator('input[name="target"]').fill('92.5');
    await form.locator('select[name="period"]').selectOption('QUARTER');
    await form.locator('input[name="target"]').press('Enter');
    await form.locator('[part="banner"]').filter({ hasText: '已保存' }).waitFor();
    const [indicator] = (await commitments()).find((c) => c.id === made.id)!.indicators.nodes;
    expect(indicator).toMatchObject({
      metric: 'incidentArrivalWithin',
      params: { minutes: 20 },
      comparator: 'GTE',
      target: 92.5,
      period: 'QUARTER',
    });
    const item = row.locator(`li[data-id="${indicator!.id}"]`);
    await item.waitFor();
    const shown = (await item.locator('.what').innerText()).replace(/\s+/g, ' ').trim();
    expect(shown).toBe('按时到场率 ≥ 92.5 % · 每季度考核 · minutes = 20');

    expect(await axeViolations(p)).toEqual([]);

    p.once('dialog', (dialog) => void dialog.accept());
    await item.locator('button', { hasText: '删除' }).click();
    await item.waitFor({ state: 'detached' });
    expect((await commitments()).find((c) => c.id === made.id)!.indicators.nodes).toEqual([]);

    p.once('dialog', (dialog) => void dialog.accept());
    await row.locator('button', { hasText: '停用承诺' }).click();
    await row.waitFor({ state: 'detached' });
    expect((await commitments(true)).find((c) => c.id === made.id)!.retiredAt).not.toBeNull();
    expect(await widget.locator('p.sr-only[role="status"]').textContent()).toContain(`承诺 ${code} 已停用`);
  });

  it('exports the program’s commitments with their indicators as CSV and Excel, equal to the API’s list and the metric catalog', async () => {
    const { commitments: listed, metrics } = await world.api.ok(
      `query ($program: ID!) { commitments(first: 100, filter: { programId: $program }) { nodes {
        code title { zhCN zhTW en } area leadUnit { name } indicators(first: 20) { nodes { metric comparator target period } } } }
        metrics { name label { zhCN } } }`,
      { program: world.programId },
    );
    const nodes = listed.nodes as Array<Record<string, any>>;
    expect(nodes.length).toBeGreaterThan(3);
    const metricLabel = new Map((metrics as Array<{ name: string; label: { zhCN: string } }>).map((m) => [m.name, m.label.zhCN]));
    const areas: Record<string, string> = {
      PUBLIC_ORDER: '治安环境',
      SERVICE: '服务环境',
      RULE_OF_LAW: '法治环境',
      PARTNERSHIP: '警企共建',
    };
    const comparators: Record<string, string> = { GTE: '≥', GT: '>', EQ: '=', LT: '<', LTE: '≤' };
    const periods: Record<string, string> = { WEEK: '每周', MONTH: '每月', QUARTER: '每季度', YEAR: '每年' };
    const each = (c: Record<string, any>, pick: (i: Record<string, any>) => string) => c.indicators.nodes.map(pick).join('、');

    const p = await world.open(`<huhang-sign-in></huhang-sign-in><huhang-commitment-editor></huhang-commitment-editor>`);
    await signInThroughWidget(p, 'wengan-bureau');
    await settled(p);
    const widget = p.locator('huhang-commitment-editor');
    const csv = await downloadCsv(p, widget);
    expect(csv.filename).toBe(`huhang-commitments-${today()}.csv`);
    expect(csv.rows[0]).toEqual([
      '编号',
      '标题（简体中文）',
      '标题（繁体中文）',
      '标题（英文）',
      '领域',
      '牵头单位',
      '统计口径',
      '比较',
      '目标值',
      '考核周期',
    ]);
    expect(csv.rows.slice(1)).toEqual(
      nodes.map((c) => [
        c.code,
        c.title.zhCN,
        c.title.zhTW ?? '',
        c.title.en ?? '',
        areas[c.area],
        c.leadUnit?.name ?? '',
        each(c, (i) => metricLabel.get(i.metric)!),
        each(c, (i) => comparators[i.comparator]!),
        each(c, (i) => String(i.target)),
        each(c, (i) => periods[i.period]!),
      ]),
    );
    // Every indicator of the program is in the file, once.
    const indicators = nodes.reduce((n, c) => n + c.indicators.nodes.length, 0);
    expect(csv.rows.slice(1).reduce((n, row) => n + (row[8] ? row[8].split('、').length : 0), 0)).toBe(indicators);
    const xlsx = await downloadXlsx(p, widget);
    expect(xlsx.rows).toEqual(csv.rows);
    expect(await axeViolations(p)).toEqual([]);
  });

  it('shows a park administrator the commitments in English without changing them, and passes axe', async () => {
    const p = await world.open(`<huhang-sign-in></huhang-sign-in><huhang-commitment-editor locale="en"></huhang-commitment-editor>`);
    await signInThroughWidget(p);
    await settled(p);
    const widget = p.locator('huhang-commitment-editor');
    expect(await widget.locator('[part="title"]').textContent()).toContain('Commitments and indicators');
    const published = await commitments();
    const first = published[0]!;
    expect(await widget.locator(`tr[data-id="${first.id}"] th`).textContent()).toContain(first.title.en ?? first.title.zhCN);
    expect(await widget.locator('[part="read-only"]').textContent()).toContain('Only program and system administrators');
    expect(await widget.locator('form').count()).toBe(0);
    // Nothing to press but the two downloads: reading them is what a park administrator may do.
    expect(await widget.locator('button:not([part^="export"])').count()).toBe(0);
    expect(await widget.locator('button[part^="export"]').count()).toBe(2);
    expect(await axeViolations(p)).toEqual([]);
  });
});
