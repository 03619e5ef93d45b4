import type { DemoRun } from '../run';
import { addDays } from '../../shared/time/calendar';
import { apportion } from '../places';

/**
 * Workers registered on the sites, for a program that counts them (DemoProgram.workers): those gone
 * since, checked in the first two months at the accuracy of then; those on site on the last day,
 * checked in the last two months at the accuracy of now. Then the wages recovered, shared over the
 * resolved wage disputes. Runs last: it draws on the random source after every other phase.
 */
export async function writeWorkers(run: DemoRun): Promise<void> {
  const figures = run.def.workers;
  if (!figures) return;
  run.phase = 'worker registrations';
  const { writer, random, randomDay, start, end, parkId } = run;
  const sites = run.enterprises.map((e) => e.id);
  const columns = ['park_id', 'enterprise_id', 'registered_on', 'left_on', 'checked_on', 'accurate'];
  // A short demo (a test's two months) keeps every day within its window.
  const latest = (a: string, b: string) => (a > b ? a : b);
  const earliest = (a: string, b: string) => (a < b ? a : b);
  const early = earliest(addDays(start, 59), end);
  const late = latest(addDays(end, -59), start);
  const accurateGone = Math.round(figures.gone * figures.accuracyBefore);
  for (let i = 0; i < figures.gone; i++) {
    const registered = randomDay(start, earliest(addDays(start, 29), early));
    const checked = randomDay(registered, early);
    const left = randomDay(earliest(addDays(early, 1), end), earliest(addDays(early, 60), end));
    await writer.add('worker_registration', columns, [
      parkId,
      sites[i % sites.length] ?? null,
      registered,
      left,
      checked,
      i < accurateGone,
    ]);
  }
  const accurateNow = Math.round(figures.present * figures.accuracyNow);
  for (let i = 0; i < figures.present; i++) {
    const registered = randomDay(start, late);
    const checked = randomDay(registered > late ? registered : late, end);
    await writer.add('worker_registration', columns, [parkId, sites[i % sites.length] ?? null, registered, null, checked, i < accurateNow]);
  }
  await writer.flush();
  run.totals.workersRegistered = figures.present;

  // The wages recovered, over the resolved wage disputes (each then involved at least what it recovered).
  const { rows } = await run.db.query<{ id: number }>(
    `SELECT id FROM dispute WHERE park_id = $1 AND category = 'WAGES' AND status = 'RESOLVED' ORDER BY id`,
    [parkId],
  );
  // A short demo may hold no resolved wage dispute: then nothing is recovered.
  const shares = rows.length
    ? apportion(
        figures.wagesRecovered,
        rows.map(() => random.int(1, 4)),
      )
    : [];
  for (const [i, { id }] of rows.entries()) {
    await run.db.query(
      'UPDATE dispute SET amount_recovered = $2, amount_involved = greatest(coalesce(amount_involved, 0), $2) WHERE id = $1',
      [id, shares[i]],
    );
  }
  run.totals.wagesRecovered = rows.length ? figures.wagesRecovered : 0;
}
