import type { DemoRun } from '../run';
import { addDays } from '../../shared/time/calendar';
import { ParticipantRole } from '../../organisations/organisation.entity';
import { builderName, creditCode } from '../names';

/**
 * The builders of a construction program's sites (DemoProgram.sites), under 总包负责制: a register of
 * general contractors, subcontractors and work teams, each with a credit code of its own; every site
 * gets one general contractor (most contractors hold several sites), two subcontractors under it, and a
 * work team under each of the three. A site archived in the window sees them all leave that day.
 * A wage dispute at a site names one of its work teams and the participant that team works under.
 * Runs after every phase that draws on the random source for the figures.
 */
/** Builders registered in Chengdu (GB/T 2260: 510100). */
const CHENGDU = '510100';

export async function writeBuilders(run: DemoRun): Promise<void> {
  const figures = run.def.sites;
  if (!figures) return;
  run.phase = 'builders';
  const { db, writer, random, end, parkId, programId } = run;
  const names = new Set<string>();
  const codes = new Set(
    (await db.query<{ v: string }>('SELECT credit_code AS v FROM enterprise UNION SELECT credit_code FROM organisation')).rows.map(
      (r) => r.v,
    ),
  );
  const register = async (role: 'GENERAL_CONTRACTOR' | 'SUBCONTRACTOR' | 'WORK_TEAM', count: number): Promise<number[]> => {
    const ids = await writer.reserveIds('organisation', count);
    for (const id of ids) {
      await writer.add(
        'organisation',
        ['id', 'program_id', 'name', 'credit_code'],
        [id, programId, builderName(random, names, role), creditCode(random, codes, CHENGDU)],
      );
    }
    return ids;
  };
  const contractors = await register('GENERAL_CONTRACTOR', figures.generalContractors);
  const subcontractors = await register('SUBCONTRACTOR', figures.subcontractors);
  const workTeams = await register('WORK_TEAM', figures.workTeams);
  await writer.flush();

  const columns = ['id', 'park_id', 'enterprise_id', 'organisation_id', 'role', 'parent_id', 'joined_on', 'left_on'];
  const ids = await writer.reserveIds('place_participant', run.enterprises.length * 6);
  const later = (day: string, days: number) => {
    const next = addDays(day, random.int(0, days));
    return next > end ? day : next;
  };
  for (const [i, site] of run.enterprises.entries()) {
    const left = (joined: string) => (site.archivedOn ? (site.archivedOn < joined ? joined : site.archivedOn) : null);
    const row = async (organisation: number, role: ParticipantRole, parent: number | null, joined: string): Promise<number> => {
      const id = ids.shift()!;
      await writer.add('place_participant', columns, [id, parkId, site.id, organisation, role, parent, joined, left(joined)]);
      return id;
    };
    const general = await row(contractors[i % contractors.length]!, ParticipantRole.GENERAL_CONTRACTOR, null, site.joinedOn);
    const [teamOfGeneral, ...teams] = random.sample(workTeams, 3);
    await row(teamOfGeneral!, ParticipantRole.WORK_TEAM, general, later(site.joinedOn, 20));
    for (const [k, sub] of random.sample(subcontractors, 2).entries()) {
      const joined = later(site.joinedOn, 30);
      const subId = await row(sub, ParticipantRole.SUBCONTRACTOR, general, joined);
      await row(teams[k]!, ParticipantRole.WORK_TEAM, subId, later(joined, 20));
    }
  }
  await writer.flush();

  // A wage dispute at a site is with the work team that employed the workers and the one it works under.
  await db.query(
    `WITH team AS (
       SELECT DISTINCT ON (d.id) d.id AS dispute_id, p.organisation_id, p.parent_id
         FROM dispute d
         JOIN dispute_enterprise de ON de.dispute_id = d.id
         JOIN place_participant p ON p.enterprise_id = de.enterprise_id AND p.role = 'WORK_TEAM'
        WHERE d.park_id = $1 AND d.category = 'WAGES'
        ORDER BY d.id, p.id)
     INSERT INTO dispute_organisation (dispute_id, organisation_id)
     SELECT dispute_id, organisation_id FROM team
     UNION
     SELECT team.dispute_id, parent.organisation_id FROM team JOIN place_participant parent ON parent.id = team.parent_id`,
    [parkId],
  );
}
