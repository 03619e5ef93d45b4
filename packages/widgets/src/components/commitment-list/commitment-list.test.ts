import { axeViolations, describeInBrowser, settled, startWidgetWorld, type WidgetWorld } from '../../test-support/browser';
import { parsePeriod } from '../../internal/period';
import { formatMeasured } from '../../internal/format';

describeInBrowser('<huhang-commitment-list>', () => {
  let world: WidgetWorld;
  const quarter = (() => {
    const month = parsePeriod('last-month')!.month!;
    return `${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5, 7)) / 3)}`;
  })();

  beforeAll(async () => {
    world = await startWidgetWorld();
  });
  afterAll(() => world?.close());

  it('shows each commitment’s progress and each indicator’s value and status as the API reports them, for a quarter', async () => {
    const p = await world.open(
      `<huhang-commitment-list key="${world.key}" scope="${world.programId}" period="${quarter}" locale="en"></huhang-commitment-list>`,
    );
    await settled(p);
    const { complianceReport } = (
      await world.api.as({ key: world.key, origin: world.api.server.url })(
        `query ($scope: ID!, $period: PeriodInput!) { complianceReport(scope: $scope, period: $period) { commitments { code status title { text(locale: EN) }
          indicators { status provisional label { text(locale: EN) } value { value display applicable suppressed unit unitLabel { text(locale: EN) } } } } } }`,
        { scope: world.programId, period: { quarter } },
      )
    ).data;
    const shown = await p.locator('huhang-commitment-list li.commitment').evaluateAll((items) =>
      items.map((li) => ({
        code: li.getAttribute('data-code'),
        title: li.querySelector('h3')!.textContent!.replace(li.getAttribute('data-code')!, ''),
        progress: li.querySelector(':scope > .muted')!.textContent,
        indicators: [...li.querySelectorAll('.indicator')].map((i) => {
          const badge = i.querySelector('[data-status]')!;
          return {
            value: i.querySelector('.value')!.textContent,
            status: badge.getAttribute('data-status'),
            // The words beside the icon, which is hidden from screen readers.
            words: [...badge.childNodes]
              .filter((node) => node.nodeType === Node.TEXT_NODE || (node instanceof Element && !node.getAttribute('aria-hidden')))
              .map((node) => node.textContent)
              .join('')
              .trim(),
          };
        }),
      })),
    );
    // Statuses in words, pending and provisional ones too (an unfinished quarter has them).
    const WORDS: Record<string, string> = { MET: 'Met', NOT_MET: 'Not met', PENDING: 'Pending', NOT_APPLICABLE: 'Not applicable' };
    expect(shown).toEqual(
      complianceReport.commitments.map((c: any) => {
        const judged = c.indicators.filter((i: any) => i.status === 'MET' || i.status === 'NOT_MET');
        return {
          code: c.code,
          title: c.title.text,
          progress: `${judged.filter((i: any) => i.status === 'MET').length} of ${judged.length} indicators met`,
          indicators: c.indicators.map((i: any) => ({
            value: formatMeasured(i.value, 'en'),
            status: i.status,
            words: `${WORDS[i.status]}${i.provisional ? ' (provisional)' : ''}`,
          })),
        };
      }),
    );
    // A percentage over too few cases is withheld by the API, and the list says why beside it.
    const suppressed = complianceReport.commitments.flatMap((c: any) => c.indicators).filter((i: any) => i.value.suppressed).length;
    expect(await p.locator('huhang-commitment-list [part="suppressed"]').count()).toBe(suppressed);
    expect(await axeViolations(p)).toEqual([]);
  });
});
