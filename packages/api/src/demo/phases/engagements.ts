import type { DemoRun } from '../run';

import { EngagementType } from '../../activities/engagements/engagement.entity';
import { type EnterpriseInfo } from '../run';
import { addDays } from '../../shared/time/calendar';
import { lastDayOfMonth } from '../../shared/time/calendar';
/** Engagements: bulletins monthly, meetings and party-building quarterly, trainings, analysis meetings, legal publicity. */
export async function writeEngagements(run: DemoRun): Promise<void> {
  const { def, monthCount, end, figures, random, writer, totals, randomDay, parkId, frontlineUnits, enterprises, months } = run;
  run.phase = 'engagements';
  const engagementRows: Array<{ type: EngagementType; title: string; day: string; enterprises: EnterpriseInfo[] }> = [];
  for (const month of months) {
    const monthEnd = lastDayOfMonth(month) < end ? lastDayOfMonth(month) : end;
    engagementRows.push({
      type: EngagementType.SECURITY_BULLETIN,
      title: `${month.slice(0, 7)} ${def.park.name}治安形势通报`,
      day: randomDay(month, monthEnd),
      enterprises: [],
    });
    if (['01', '04', '07', '10'].includes(month.slice(5, 7)) || month === months[0]) {
      const quarterEnd = addDays(month, 80) < end ? addDays(month, 80) : end;
      engagementRows.push({
        type: EngagementType.QUARTERLY_MEETING,
        title: '警企季度恳谈会',
        day: randomDay(month, quarterEnd),
        enterprises: random.sample(enterprises, Math.min(enterprises.length, 30)),
      });
      engagementRows.push({
        type: EngagementType.PARTY_BUILDING,
        title: '警企党建联谊活动',
        day: randomDay(month, quarterEnd),
        enterprises: random.sample(enterprises, Math.min(enterprises.length, 8)),
      });
      // Legal publicity sessions cover every enterprise each quarter, in groups of about twenty.
      const shuffled = random.sample(enterprises, enterprises.length);
      for (let i = 0; i < shuffled.length; i += 20)
        engagementRows.push({
          type: EngagementType.LEGAL_PUBLICITY,
          title: '法律服务进企业',
          day: randomDay(month, quarterEnd),
          enterprises: shuffled.slice(i, i + 20),
        });
    }
  }
  for (let i = 0; i < figures.trainings; i++)
    engagementRows.push({
      type: EngagementType.TRAINING,
      title: '企业保安及内保人员培训',
      day: randomDay(),
      enterprises: random.sample(enterprises, 10),
    });
  for (let i = 0; i < figures.analysisMeetings; i++)
    engagementRows.push({ type: EngagementType.ANALYSIS_MEETING, title: '矛盾纠纷研判会', day: randomDay(), enterprises: [] });
  for (let i = 0; i < Math.max(1, Math.round((3 * monthCount) / 12)); i++)
    engagementRows.push({ type: EngagementType.FORUM, title: '警企座谈会', day: randomDay(), enterprises: random.sample(enterprises, 12) });
  const engagementIds = await writer.reserveIds('engagement', engagementRows.length);
  for (const [i, row] of engagementRows.entries()) {
    await writer.add(
      'engagement',
      ['id', 'park_id', 'type', 'title', 'held_on', 'organizer_id', 'attendees'],
      [
        engagementIds[i],
        parkId,
        row.type,
        row.title,
        row.day,
        random.pick(frontlineUnits),
        row.enterprises.length * random.int(1, 3) + random.int(3, 10),
      ],
    );
    totals.engagements += 1;
  }
  await writer.flush();
  for (const [i, row] of engagementRows.entries()) {
    for (const enterprise of row.enterprises)
      await writer.add('engagement_enterprise', ['engagement_id', 'enterprise_id'], [engagementIds[i], enterprise.id]);
  }
  await writer.flush();
}

/** Recognitions: pennants and letters of thanks. */
export async function writeRecognitions(run: DemoRun): Promise<void> {
  const { figures, random, writer, totals, randomDay, officerAt, enterprises } = run;
  run.phase = 'recognitions';
  const letters = Math.max(1, Math.round(figures.pennants * 0.4));
  for (let i = 0; i < figures.pennants + letters; i++) {
    const enterprise = random.pick(enterprises);
    const day = randomDay();
    await writer.add(
      'recognition',
      ['enterprise_id', 'kind', 'received_on', 'officer_id', 'unit_id', 'message'],
      [
        enterprise.id,
        i < figures.pennants ? 'PENNANT' : 'LETTER',
        day,
        officerAt(enterprise.id, day),
        null,
        random.pick(['警企同心 护航发展', '人民警察为人民 排忧解难暖人心', '服务企业 情系百姓']),
      ],
    );
    totals.recognitions += 1;
  }
  await writer.flush();
}
