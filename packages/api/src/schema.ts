import 'reflect-metadata';
import { buildSchema } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import { NodeResolver } from './node.resolver';
import { ProgramResolver } from './programs/program.resolver';
import { ParkResolver, ZoneResolver } from './parks/park.resolver';
import { PoliceUnitResolver } from './units/police-unit.resolver';
import { EnterpriseResolver } from './enterprises/enterprise.resolver';
import { LiaisonAssignmentResolver, OfficerResolver } from './officers/officer.resolver';
import { TeamMemberResolver, TeamResolver } from './teams/team.resolver';
import { PatrolResolver, VisitResolver } from './activities/visits/visit.resolver';
import { HazardResolver } from './activities/hazards/hazard.resolver';
import { DisputeResolver } from './activities/disputes/dispute.resolver';
import { IncidentResolver } from './activities/incidents/incident.resolver';
import { ServiceRequestResolver } from './activities/service-requests/service-request.resolver';
import { EngagementResolver, RecognitionResolver } from './activities/engagements/engagement.resolver';
import { CommitmentResolver, IndicatorResolver } from './commitments/commitment.resolver';
import { StatisticsResolver } from './statistics/statistics.resolver';
import { ENTITIES } from './entities';
import { authChecker } from './accounts/auth-checker';
import { AccessResolver } from './accounts/access.resolver';
import { UserResolver } from './accounts/user.resolver';
import { EmbedKeyResolver } from './accounts/embed-key.resolver';
import { AuditResolver } from './accounts/audit.resolver';

export const RESOLVERS = [
  NodeResolver,
  ProgramResolver,
  ParkResolver,
  ZoneResolver,
  PoliceUnitResolver,
  EnterpriseResolver,
  OfficerResolver,
  LiaisonAssignmentResolver,
  TeamResolver,
  TeamMemberResolver,
  VisitResolver,
  PatrolResolver,
  HazardResolver,
  DisputeResolver,
  IncidentResolver,
  ServiceRequestResolver,
  EngagementResolver,
  RecognitionResolver,
  CommitmentResolver,
  IndicatorResolver,
  StatisticsResolver,
  AccessResolver,
  UserResolver,
  EmbedKeyResolver,
  AuditResolver,
] as const;

/**
 * Builds the executable schema from the resolvers; the SDL in packages/schema is emitted from it.
 * Inputs are checked with class-validator inside each resolver path (`runMutation`, `planPage`), so
 * errors can name the field as `input.creditCode`; type-graphql's own validation stays off.
 */
export async function createSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({ resolvers: RESOLVERS, orphanedTypes: [...ENTITIES], validate: false, authChecker });
  const query = schema.getQueryType();
  const mutation = schema.getMutationType();
  if (query) query.description = 'Reads: records by id, and cursor-paged, filtered lists of every kind of record.';
  if (mutation) {
    mutation.description =
      'Writes. Each runs in one transaction, so a failure writes nothing; record-creating ones accept an idempotency key, changes carry a version.';
  }
  return schema;
}
