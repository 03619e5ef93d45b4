import {
  axeViolations,
  describeInBrowser,
  settled,
  signInThroughWidget,
  startWidgetWorld,
  type WidgetWorld,
} from '../../test-support/browser';
import { today } from '../../internal/period';

describeInBrowser('<huhang-patrol-form>', () => {
  let world: WidgetWorld;

  beforeAll(async () => {
    world = await startWidgetWorld();
  });
  afterAll(() => world?.close());

  it('records a patrol with its figures, checked as typed, which the API then returns; in English too', async () => {
    const p = await world.open(`<huhang-sign-in></huhang-sign-in><huhang-patrol-form locale="en"></huhang-patrol-form>`);
    await signInThroughWidget(p);
    await settled(p);
    const form = p.locator('huhang-patrol-form');
    expect(await form.locator('h2').textContent()).toBe('Record a patrol');
    const team = await form.locator('select[name="teamId"] option').nth(1).getAttribute('value');
    await form.locator('select[name="teamId"]').selectOption(team!);
    // The zones offered are those of the team's park.
    await form.locator('select[name="zoneId"]').selectOption({ index: 1 });
    await form.locator('input[value="VIDEO"]').check();
    await form.locator('input[name="personTimes"]').fill('-3');
    await form.locator('input[name="personTimes"]').blur();
    expect(await form.locator('#f-personTimes-error').textContent()).toBe('Enter a whole number from 0 to 1000');
    await form.locator('input[name="personTimes"]').fill('12');
    await form.locator('input[name="suspiciousVehiclesChecked"]').fill('2');
    const notes = `夜间视频巡逻 ${Date.now()}`;
    await form.locator('textarea[name="notes"]').fill(notes);
    await form.locator('button[type="submit"]').click();
    await form.locator('[part="banner"]').waitFor();
    expect(await form.locator('[part="banner"]').textContent()).toContain('Saved.');
    const { patrols } = (
      await world.api.gql(
        `query ($team: ID!) { patrols(filter: { teamId: $team }, first: 100) { nodes { notes kind personTimes suspiciousVehiclesChecked patrolledOn zone { id } } } }`,
        {
          team,
        },
      )
    ).data;
    expect(patrols.nodes.filter((n: any) => n.notes === notes)).toEqual([
      expect.objectContaining({ kind: 'VIDEO', personTimes: 12, suspiciousVehiclesChecked: 2, patrolledOn: today() }),
    ]);
    expect(await axeViolations(p)).toEqual([]);
  });
});
