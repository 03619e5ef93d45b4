import type { DemoRun } from '../run';

import { PatrolKind } from '../../activities/patrols/patrol.entity';
import { TeamType } from '../../teams/team.entity';
import { VisitActivity } from '../../activities/visits/visit.entity';
import { addDays } from '../../shared/time/calendar';
import { daysBetween } from '../../shared/time/calendar';
import { lastDayOfMonth } from '../../shared/time/calendar';
import { monthsOf } from '../../shared/time/calendar';
/** Visits: the liaison officer visits each active enterprise most months; some get a second visit. */
export async function writeVisits(run: DemoRun): Promise<void> {
  const { end, start, random, writer, totals, randomDay, officerAt, activeOn, enterprises } = run;
  run.phase = 'visits';
  run.months = monthsOf(start, end);
  const months = run.months;
  const visitActivities = Object.values(VisitActivity);
  run.visitIds = [];
  const visitIds = run.visitIds;
  for (const month of months) {
    const monthEnd = lastDayOfMonth(month) < end ? lastDayOfMonth(month) : end;
    for (const enterprise of enterprises) {
      const visits = random.chance(0.94) ? (random.chance(0.12) ? 2 : 1) : 0;
      for (let v = 0; v < visits; v++) {
        const day = randomDay(month, monthEnd);
        if (!activeOn(enterprise, day)) continue;
        const [id] = await writer.reserveIds('visit', 1);
        const officerId = officerAt(enterprise.id, day);
        await writer.add(
          'visit',
          ['id', 'officer_id', 'enterprise_id', 'visited_on', 'activities', 'findings'],
          [
            id,
            officerId,
            enterprise.id,
            day,
            random.sample(visitActivities, random.int(1, 3)),
            random.chance(0.08) ? '发现安全隐患，已责令限期整改' : '',
          ],
        );
        visitIds.push({ id: id!, enterprise, day, officerId });
        totals.visits += 1;
      }
    }
  }
  await writer.flush();
}

/** Patrols: exact totals of patrols, person-times and checks, spread over the window and zones. */
export async function writePatrols(run: DemoRun): Promise<void> {
  const { figures, random, writer, totals, randomDay, zoneIds, teamIds } = run;
  run.phase = 'patrols';
  const patrolCount = figures.onSitePatrols + figures.videoPatrols;
  const patrolIds = await writer.reserveIds('patrol', patrolCount);
  const videoPersonTimes = Array.from({ length: figures.videoPatrols }, () => random.int(1, 2));
  const onSitePersonTimes = random.partition(
    figures.patrolPersonTimes - videoPersonTimes.reduce((a, b) => a + b, 0),
    figures.onSitePatrols,
    2,
  );
  const persons = random.scatter(figures.suspiciousPersonsChecked, figures.onSitePatrols);
  const vehicles = random.scatter(figures.suspiciousVehiclesChecked, figures.onSitePatrols);
  const assisted = random.scatter(figures.peopleAssisted, figures.onSitePatrols);
  const hazardPatrols = new Set(random.sample([...Array(figures.onSitePatrols).keys()], figures.hazardsFoundOnPatrol));
  run.patrolsWithHazard = [];
  const patrolsWithHazard = run.patrolsWithHazard;
  for (let i = 0; i < patrolCount; i++) {
    const onSite = i < figures.onSitePatrols;
    const day = randomDay();
    const zoneId = random.pick(zoneIds);
    const hazard = onSite && hazardPatrols.has(i);
    if (hazard) patrolsWithHazard.push({ id: patrolIds[i]!, day, zoneId });
    await writer.add(
      'patrol',
      [
        'id',
        'team_id',
        'zone_id',
        'patrolled_on',
        'kind',
        'person_times',
        'hazards_found',
        'suspicious_persons_checked',
        'suspicious_vehicles_checked',
        'people_assisted',
      ],
      onSite
        ? [
            patrolIds[i],
            teamIds[TeamType.PATROL],
            zoneId,
            day,
            PatrolKind.ON_SITE,
            onSitePersonTimes[i],
            hazard ? 1 : 0,
            persons[i],
            vehicles[i],
            assisted[i],
          ]
        : [patrolIds[i], teamIds[TeamType.PATROL], zoneId, day, PatrolKind.VIDEO, videoPersonTimes[i - figures.onSitePatrols], 0, 0, 0, 0],
    );
    totals.patrols += 1;
  }
  await writer.flush();
}

/** Hazards: those found on patrol were rectified on the spot; those found on visits get a deadline. */
export async function writeHazards(run: DemoRun): Promise<void> {
  const { end, random, writer, totals, parkId, visitIds, patrolsWithHazard } = run;
  run.phase = 'hazards';
  const hazardColumns = [
    'park_id',
    'zone_id',
    'enterprise_id',
    'place',
    'source',
    'patrol_id',
    'visit_id',
    'severity',
    'description',
    'found_on',
    'deadline',
    'rectified_on',
    'rectified_on_site',
  ];
  for (const patrol of patrolsWithHazard) {
    await writer.add('hazard', hazardColumns, [
      parkId,
      patrol.zoneId,
      null,
      random.pick(['园区主干道', '危化品运输通道', '园区停车场', '施工围挡']),
      'PATROL',
      patrol.id,
      null,
      'GENERAL',
      random.pick(['消防通道堵塞', '围挡破损', '车辆违规停放', '照明缺失']),
      patrol.day,
      patrol.day,
      patrol.day,
      true,
    ]);
    totals.hazards += 1;
  }
  for (const visit of visitIds) {
    if (!random.chance(visit.enterprise.hazardous ? 0.08 : 0.04)) continue;
    const deadline = addDays(visit.day, random.pick([7, 15, 30]));
    const outcome = random.weighted([
      ['onTime', 92],
      ['late', 4],
      ['open', 4],
    ] as const);
    let rectifiedOn: string | null =
      outcome === 'onTime'
        ? addDays(visit.day, random.int(1, daysBetween(visit.day, deadline)))
        : outcome === 'late'
          ? addDays(deadline, random.int(1, 10))
          : null;
    if (rectifiedOn && rectifiedOn > end) rectifiedOn = null;
    await writer.add('hazard', hazardColumns, [
      parkId,
      visit.enterprise.zoneId,
      visit.enterprise.id,
      '',
      'VISIT',
      null,
      visit.id,
      random.chance(0.1) ? 'MAJOR' : 'GENERAL',
      random.pick(['危化品储存不规范', '监控设备故障', '门卫登记制度未落实', '消防器材过期', '员工宿舍私拉电线']),
      visit.day,
      deadline,
      rectifiedOn,
      false,
    ]);
    totals.hazards += 1;
  }
  await writer.flush();
}
