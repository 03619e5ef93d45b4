import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import {
  axeViolations,
  describeInBrowser,
  expectApiOrdering,
  settled,
  signInThroughWidget,
  startWidgetWorld,
  type WidgetWorld,
} from '../../test-support/browser';

interface ApiUser {
  id: string;
  username: string;
  role: string;
  disabledAt: string | null;
  parks: Array<{ id: string }>;
  officer: { id: string } | null;
}

const USER_FIELDS = `id username role disabledAt parks { id } officer { id }`;

describeInBrowser('<huhang-users>', () => {
  let world: WidgetWorld;

  beforeAll(async () => {
    world = await startWidgetWorld();
  });
  afterAll(() => world?.close());

  /** The users the program administrator manages, as the API lists them to that administrator. */
  const bureauUsers = async (filter: Record<string, unknown> = {}): Promise<ApiUser[]> => {
    const token = await world.api.signIn('wengan-bureau', 'Huhang-demo-2026');
    const { data, errors } = await world.api.as({ token })(
      `query ($filter: UserFilter) { users(first: 100, filter: $filter) { nodes { ${USER_FIELDS} } } }`,
      { filter },
    );
    expect(errors).toBeUndefined();
    return data.users.nodes;
  };
  const everyone = async (): Promise<ApiUser[]> => (await world.api.ok(`{ users(first: 100) { nodes { ${USER_FIELDS} } } }`)).users.nodes;

  it('lists the users a program administrator manages as the API does, filters them by role, creates a park administrator and an officer, and disables one', async () => {
    const p = await world.open(`<huhang-sign-in></huhang-sign-in><huhang-users></huhang-users>`);
    await signInThroughWidget(p, 'wengan-bureau');
    await settled(p);
    const widget = p.locator('huhang-users');
    const rowIds = () => widget.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-id')));

    const listed = await bureauUsers();
    expect(listed.length).toBeGreaterThan(1);
    expect(await rowIds()).toEqual(listed.map((u) => u.id));
    expect(await widget.locator('[part="pager"] .muted').textContent()).toContain(`共 ${listed.length} 个用户`);

    // Filtered by role: the park administrators only, as the API filters them.
    await widget.locator('#role-filter').selectOption('PARK_ADMIN');
    const parkAdmins = await bureauUsers({ role: 'PARK_ADMIN' });
    await p.waitForFunction(
      (n) => document.querySelector('huhang-users')!.shadowRoot!.querySelectorAll('tbody tr[data-role="PARK_ADMIN"]').length === n,
      parkAdmins.length,
    );
    await settled(p);
    expect(await rowIds()).toEqual(parkAdmins.map((u) => u.id));

    // A program administrator gives the roles it may: park administrators and officers.
    const form = widget.locator('form[aria-labelledby="user-heading"]');
    expect(await form.locator('select[name="role"] option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual([
      '',
      'PARK_ADMIN',
      'OFFICER',
    ]);

    // Required fields, as typed; a park administrator needs its parks.
    await form.locator('select[name="role"]').selectOption('PARK_ADMIN');
    await form.locator('button[type="submit"]').click();
    for (const name of ['username', 'displayName', 'password', 'parkIds']) {
      expect({ name, errors: await widget.locator(`#f-${name}-error`).count() }).toEqual({ name, errors: 1 });
    }

    // The API's own refusal of a weak password lands beside the password.
    const username = `park-${Date.now() % 100000}`;
    await form.locator('input[name="username"]').fill(username);
    await form.locator('input[name="displayName"]').fill('园区值班管理员');
    await form.locator('input[name="password"]').fill('short');
    await form.locator(`input[name="parkIds"]`).check();
    await form.locator('input[name="password"]').press('Enter');
    await widget.locator('#f-password-error', { hasText: '10 至 128' }).waitFor();
    expect((await everyone()).some((u) => u.username === username)).toBe(false);

    await form.locator('input[name="password"]').fill('Duty-desk-2026');
    await form.locator('input[name="password"]').press('Enter');
    await form.locator('[part="banner"]').filter({ hasText: '已保存' }).waitFor();
    const made = (await everyone()).find((u) => u.username === username)!;
    expect(made).toMatchObject({ role: 'PARK_ADMIN', disabledAt: null, parks: [{ id: world.parkId }], officer: null });
    await widget.locator(`tr[data-id="${made.id}"]`).waitFor();
    // The new user signs in with the password given.
    expect(await world.api.signIn(username, 'Duty-desk-2026')).toEqual(expect.any(String));

    // An officer's account: chosen among the officers of a park, each of whom has at most one.
    const withAccount = new Set((await everyone()).map((u) => u.officer?.id).filter(Boolean));
    const { officers } = await world.api.ok(`query ($park: ID!) { officers(first: 100, filter: { parkId: $park }) { nodes { id } } }`, {
      park: world.parkId,
    });
    const free = (officers.nodes as Array<{ id: string }>).find((o) => !withAccount.has(o.id))!;
    const officerName = `officer-${Date.now() % 100000}`;
    await form.locator('select[name="role"]').selectOption('OFFICER');
    await form.locator('select[name="officerPark"]').selectOption(world.parkId);
    await form.locator(`select[name="officerId"] option[value="${free.id}"]`).waitFor({ state: 'attached' });
    await form.locator('select[name="officerId"]').selectOption(free.id);
    await form.locator('input[name="username"]').fill(officerName);
    await form.locator('input[name="displayName"]').fill('护航警官');
    await form.locator('input[name="password"]').fill('Officer-phone-2026');
    await form.locator('input[name="password"]').press('Enter');
    await form.locator('[part="banner"]').filter({ hasText: '已保存' }).waitFor();
    expect((await everyone()).find((u) => u.username === officerName)).toMatchObject({ role: 'OFFICER', officer: { id: free.id } });

    expect(await axeViolations(p)).toEqual([]);

    // Disabled: refused at sign-in from now on; the row says so and offers nothing more.
    const row = widget.locator(`tr[data-id="${made.id}"]`);
    p.once('dialog', (dialog) => void dialog.accept());
    await row.locator('button', { hasText: '停用' }).click();
    await row.locator('.disabled').waitFor();
    expect((await everyone()).find((u) => u.id === made.id)!.disabledAt).not.toBeNull();
    await expect(world.api.signIn(username, 'Duty-desk-2026')).rejects.toThrow();
    expect(await row.locator('button').count()).toBe(0);
    expect(await widget.locator('p.sr-only[role="status"]').textContent()).toContain('已停用');
  });

  it('orders the users by username and by display name, each way, from the column headers, as the API orders them', async () => {
    const asBureau = world.api.as({ token: await world.api.signIn('wengan-bureau', 'Huhang-demo-2026') });
    const p = await world.open(`<huhang-sign-in></huhang-sign-in><huhang-users page-size="100"></huhang-users>`);
    await signInThroughWidget(p, 'wengan-bureau');
    await settled(p);
    const columns = [
      { field: 'USERNAME', first: 'DESC' as const },
      { field: 'DISPLAY_NAME', first: 'ASC' as const },
    ];
    await expectApiOrdering(p, 'huhang-users', columns, async (orderBy) => {
      const page = (
        await asBureau(`query ($orderBy: UserOrder) { users(first: 100, orderBy: $orderBy) { pageInfo { hasNextPage } nodes { id } } }`, {
          orderBy,
        })
      ).data.users;
      return { ids: page.nodes.map((u: { id: string }) => u.id), complete: !page.pageInfo.hasNextPage };
    });
  });

  it('exports the users as filtered, as CSV and Excel, as the API lists them to the same administrator', async () => {
    const token = await world.api.signIn('wengan-bureau', 'Huhang-demo-2026');
    const { data } = await world.api.as({ token })(
      `{ users(first: 100, filter: { role: PARK_ADMIN }) { nodes { username displayName role programs { name } parks { name } officer { name } lastLoginAt disabledAt } } }`,
    );
    const expected = data.users.nodes as Array<Record<string, any>>;
    expect(expected.length).toBeGreaterThan(0);
    const beijing = (iso: string | null) =>
      iso ? new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ') : '';
    const names = (list: Array<{ name: string }>) => list.map((x) => x.name).join('、');
    const asCells = (u: Record<string, any>) => [
      u.username,
      u.displayName,
      '园区管理员',
      names(u.programs),
      names(u.parks),
      u.officer?.name ?? '',
      beijing(u.lastLoginAt),
      beijing(u.disabledAt),
    ];

    const p = await world.open(`<huhang-sign-in></huhang-sign-in><huhang-users></huhang-users>`);
    await signInThroughWidget(p, 'wengan-bureau');
    await settled(p);
    const widget = p.locator('huhang-users');
    await widget.locator('#role-filter').selectOption('PARK_ADMIN');
    await settled(p);
    const [csv] = await Promise.all([p.waitForEvent('download'), widget.locator('[part="export-button"]').click()]);
    expect(csv.suggestedFilename()).toMatch(/^huhang-users-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = readFileSync((await csv.path())!, 'utf8')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('用户名,姓名,角色,管理的机制,管理的园区,民警,最近登录,停用时间');
    // The bureau's own sign-in above may be newer than the list read before it: compare without the times.
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 6))).toEqual(expected.map((u) => asCells(u).slice(0, 6)));
    expect(await widget.locator('[role="status"]').textContent()).toContain(`已导出 ${expected.length} 个用户`);

    const [xlsx] = await Promise.all([p.waitForEvent('download'), widget.locator('[part="export-xlsx-button"]').click()]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await xlsx.path())!);
    const cells: unknown[][] = [];
    workbook.worksheets[0]!.eachRow((row) => cells.push([1, 2, 3, 4, 5, 6, 8].map((i) => row.getCell(i).value ?? '')));
    expect(cells.slice(1)).toEqual(expected.map((u) => [...asCells(u).slice(0, 6), beijing(u.disabledAt)]));
    expect(await axeViolations(p)).toEqual([]);
  });

  it('tells a park administrator that only program and system administrators manage users', async () => {
    const p = await world.open(`<huhang-sign-in></huhang-sign-in><huhang-users></huhang-users>`);
    await signInThroughWidget(p);
    await settled(p);
    const widget = p.locator('huhang-users');
    expect(await widget.locator('[part="not-permitted"]').textContent()).toContain('只有机制管理员和系统管理员可以管理用户');
    expect(await widget.locator('form').count()).toBe(0);
    expect(await axeViolations(p)).toEqual([]);
  });

  it('reads in English for a system administrator, who gives every role, never acts on itself, and passes axe', async () => {
    const p = await world.open(`<huhang-sign-in></huhang-sign-in><huhang-users locale="en"></huhang-users>`);
    await signInThroughWidget(p, 'admin');
    await settled(p);
    const widget = p.locator('huhang-users');
    expect(await widget.locator('[part="title"]').textContent()).toContain('Users');
    const self = widget.locator('tbody tr', { hasText: 'admin (you)' });
    expect(await self.count()).toBe(1);
    expect(await self.locator('button').count()).toBe(0);
    expect(await widget.locator('select[name="role"] option').count()).toBe(5);
    await widget.locator('select[name="role"]').selectOption('PROGRAM_ADMIN');
    expect(await widget.locator('fieldset', { hasText: 'Programs administered' }).count()).toBe(1);
    expect(await axeViolations(p)).toEqual([]);
  });
});
