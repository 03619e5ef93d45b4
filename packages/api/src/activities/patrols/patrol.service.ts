import { ActivityErrorReason } from '../common/activity.errors';
import type { EntityManager } from '@mikro-orm/postgresql';
import { findActive } from '../../shared/graphql/records';
import { assertDayNotFuture } from '../../shared/time/rules';
import { DomainValidationError } from '../../shared/validation';
import { Team, TeamType } from '../../teams/team.entity';
import { Zone } from '../../parks/zone.entity';
import { Patrol } from './patrol.entity';
import type { RecordPatrolInput } from './patrol.inputs';

export async function recordPatrol(em: EntityManager, input: RecordPatrolInput): Promise<Patrol> {
  assertDayNotFuture(input.patrolledOn, 'patrolledOn');
  const team = await findActive(em, Team, input.teamId, 'teamId');
  if (team.type !== TeamType.PATROL) {
    throw new DomainValidationError('teamId', '巡逻须由巡逻联防队记录 (patrols belong to a patrol team)', ActivityErrorReason.WRONG_TEAM);
  }
  const zone = input.zoneId ? await findActive(em, Zone, input.zoneId, 'zoneId') : null;
  if (zone && zone.park.id !== team.park.id) {
    throw new DomainValidationError(
      'zoneId',
      '片区不在该队所在园区 (the zone lies outside the team’s park)',
      ActivityErrorReason.OUTSIDE_PARK,
    );
  }
  const { patrolledOn, kind, personTimes, hazardsFound, suspiciousPersonsChecked, suspiciousVehiclesChecked, peopleAssisted, notes } =
    input;
  return em.create(Patrol, {
    team,
    zone: zone ?? team.zone ?? null,
    patrolledOn,
    kind,
    personTimes,
    hazardsFound,
    suspiciousPersonsChecked,
    suspiciousVehiclesChecked,
    peopleAssisted,
    notes,
  });
}
