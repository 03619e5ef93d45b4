import type { Db, DemoRun } from '../run';
import type { CommitmentSeed } from '../weng-an';

import { Comparator } from '../../commitments/indicator.entity';
import { TeamMemberKind } from '../../teams/team-member.entity';
import { TeamType } from '../../teams/team.entity';
import { addDays } from '../../shared/time/calendar';
import { daysBetween } from '../../shared/time/calendar';
import { mobile } from '../names';
import { personName } from '../names';
/** Liaison assignments (1+N); about one in ten enterprises changes officer during the window. */
export async function writeLiaisons(run: DemoRun): Promise<void> {
  const { end, start, random, writer, totals, randomDay, branchIds, officerIds, enterprises } = run;
  run.phase = 'liaison assignments';
  run.officerOn = new Map<number, Array<{ officerId: number; from: string; to: string | null }>>();
  const officerOn = run.officerOn;
  for (const enterprise of enterprises) {
    const spans: Array<{ officerId: number; from: string; to: string | null }> = [];
    const first = random.pick(officerIds);
    if (random.chance(0.1) && daysBetween(enterprise.joinedOn > start ? enterprise.joinedOn : start, end) > 40) {
      const change = randomDay(addDays(enterprise.joinedOn > start ? enterprise.joinedOn : start, 20), addDays(end, -10));
      let second = random.pick(officerIds);
      if (second === first) second = officerIds[(officerIds.indexOf(first) + 1) % officerIds.length]!;
      spans.push({ officerId: first, from: enterprise.joinedOn, to: addDays(change, -1) }, { officerId: second, from: change, to: null });
    } else {
      spans.push({ officerId: first, from: enterprise.joinedOn, to: null });
    }
    officerOn.set(enterprise.id, spans);
    const ids = await writer.reserveIds('liaison_assignment', spans.length);
    for (const [i, span] of spans.entries()) {
      await writer.add(
        'liaison_assignment',
        ['id', 'enterprise_id', 'officer_id', 'starts_on', 'ends_on'],
        [ids[i], enterprise.id, span.officerId, span.from, span.to],
      );
      totals.liaisonAssignments += 1;
      for (const branch of random.sample(branchIds, random.int(2, 4))) {
        await writer.add('liaison_assignment_branch', ['liaison_assignment_id', 'police_unit_id'], [ids[i], branch]);
      }
    }
  }
  await writer.flush();
}

/** Teams and their members. */
export async function writeTeams(run: DemoRun): Promise<void> {
  const { def, start, random, writer, one, parkId, officerIds, enterprises } = run;
  run.phase = 'teams';
  run.teamIds = {} as Record<TeamType, number>;
  const teamIds = run.teamIds;
  for (const [type, name] of [
    [TeamType.PATROL, def.teams[TeamType.PATROL]],
    [TeamType.MEDIATION, def.teams[TeamType.MEDIATION]],
    [TeamType.SERVICE, def.teams[TeamType.SERVICE]],
  ] as const) {
    teamIds[type] = await one('INSERT INTO team (park_id, name, type) VALUES ($1, $2, $3) RETURNING id', [parkId, name, type]);
    for (const officerId of random.sample(officerIds, 4)) {
      await writer.add(
        'team_member',
        ['team_id', 'kind', 'officer_id', 'joined_on'],
        [teamIds[type], TeamMemberKind.OFFICER, officerId, addDays(start, -random.int(0, 200))],
      );
    }
    const others: Array<[TeamMemberKind, number]> =
      type === TeamType.PATROL
        ? [
            [TeamMemberKind.POLICE_ASSISTANT, 6],
            [TeamMemberKind.ENTERPRISE_GUARD, 10],
            [TeamMemberKind.COMMUNITY_MEMBER, 4],
          ]
        : [
            [TeamMemberKind.POLICE_ASSISTANT, 2],
            [TeamMemberKind.COMMUNITY_MEMBER, 3],
          ];
    for (const [kind, count] of others) {
      for (let i = 0; i < count; i++) {
        await writer.add(
          'team_member',
          ['team_id', 'kind', 'enterprise_id', 'name', 'phone', 'joined_on'],
          [
            teamIds[type],
            kind,
            kind === TeamMemberKind.ENTERPRISE_GUARD ? random.pick(enterprises).id : null,
            personName(random),
            mobile(random),
            addDays(start, -random.int(0, 200)),
          ],
        );
      }
    }
  }
  await writer.flush();
}

/** Commitments and indicators. */
export async function writeCommitments(run: DemoRun): Promise<void> {
  const { db, def, random, totals, one, programId, unitIds, branchIds } = run;
  run.phase = 'commitments';
  for (const [i, commitment] of def.commitments.entries()) {
    const commitmentId = await one(
      'INSERT INTO commitment (program_id, code, area, title, lead_unit_id, sort_order) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
      [programId, commitment.code, commitment.area, JSON.stringify(commitment.title), unitIds.get(commitment.lead) ?? null, i + 1],
    );
    for (const support of random.sample(branchIds, 2))
      await db.query('INSERT INTO commitment_supporting_unit (commitment_id, police_unit_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
        commitmentId,
        support,
      ]);
    totals.indicators += await writeIndicators(db, commitmentId, commitment);
  }
}

/** A commitment's indicators, in order; returns how many. */
export async function writeIndicators(db: Db, commitmentId: number, commitment: CommitmentSeed): Promise<number> {
  for (const [j, indicator] of commitment.indicators.entries()) {
    await db.query(
      'INSERT INTO indicator (commitment_id, metric, params, target, comparator, period, label, sort_order) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
      [
        commitmentId,
        indicator.metric,
        JSON.stringify(indicator.params ?? {}),
        indicator.target,
        indicator.comparator ?? Comparator.GTE,
        indicator.period,
        JSON.stringify(indicator.label),
        j + 1,
      ],
    );
  }
  return commitment.indicators.length;
}
