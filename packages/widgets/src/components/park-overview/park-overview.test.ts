import { axeViolations, countOperations, describeInBrowser, settled, startWidgetWorld, type WidgetWorld } from '../../test-support/browser';
import { parsePeriod } from '../../internal/period';
import { formatMeasured } from '../../internal/format';

describeInBrowser('<huhang-park-overview>', () => {
  let world: WidgetWorld;
  const month = parsePeriod('last-month')!.month!;

  beforeAll(async () => {
    world = await startWidgetWorld();
  });
  afterAll(() => world?.close());

  it('shows the park’s facts and figures as the API returns them, sharing requests with the tiles', async () => {
    const p = await world.open(`<huhang-config key="${world.key}" park="${world.parkId}" period="${month}"></huhang-config>
      <huhang-park-overview figures="visits,patrols"></huhang-park-overview><huhang-service-stats></huhang-service-stats>`);
    // The first load's requests are done before counting starts: only the reloaded page's are counted.
    await settled(p);
    const requests = countOperations(p);
    await p.reload();
    await settled(p);
    const gql = world.api.as({ key: world.key, origin: world.api.server.url });
    const { park } = (
      await gql(`query ($id: ID!) { park(id: $id) { name level region program { name bureau } zones { nodes { name } } } }`, {
        id: world.parkId,
      })
    ).data;
    const { figures } = (
      await gql(
        `query ($scope: ID!, $period: PeriodInput!) { serviceStatistics(scope: $scope, period: $period) { figures { key value { value display applicable suppressed unit unitLabel { text } } } } }`,
        {
          scope: world.parkId,
          period: { month },
        },
      )
    ).data.serviceStatistics;
    const overview = p.locator('huhang-park-overview');
    expect(await overview.locator('h2').textContent()).toBe(park.name);
    const facts = await overview.locator('[part="facts"] dd').allTextContents();
    expect(facts.map((f) => f.trim().replace(/\s+/g, ' '))).toEqual([
      park.program.name,
      park.program.bureau,
      park.level,
      park.region,
      park.zones.nodes.map((z: any) => z.name).join(''),
    ]);
    for (const key of ['visits', 'patrols']) {
      expect(await overview.locator(`[data-key="${key}"] dd`).textContent()).toBe(
        formatMeasured(figures.find((f: any) => f.key === key).value, 'zh-CN'),
      );
    }
    expect(requests.get('ServiceFigures')).toBe(1);
    expect(requests.get('ParkOverview')).toBe(1);
    expect(await axeViolations(p)).toEqual([]);
  });
});
