import 'reflect-metadata';
import { buildSchema } from 'type-graphql';
import { GraphQLSchema } from 'graphql';
import { errorReasonTypes } from './shared/errors/reasons';
import { NodeResolver } from './node.resolver';
import { ProgramResolver } from './programs/program.resolver';
import { ParkResolver, ZoneResolver, ProgramParksResolver } from './parks/park.resolver';
import { PoliceUnitResolver, ProgramPoliceUnitsResolver, ParkPoliceUnitsResolver } from './units/police-unit.resolver';
import { OfficerResolver, PoliceUnitOfficersResolver } from './officers/officer.resolver';
import { EnterpriseResolver, ParkEnterprisesResolver, ZoneEnterprisesResolver } from './enterprises/enterprise.resolver';
import {
  LiaisonAssignmentResolver,
  OfficerLiaisonAssignmentsResolver,
  EnterpriseLiaisonResolver,
} from './liaisons/liaison-assignment.resolver';
import { TeamResolver, TeamMemberResolver, ParkTeamsResolver } from './teams/team.resolver';
import { VisitResolver, OfficerVisitsResolver, EnterpriseVisitsResolver } from './activities/visits/visit.resolver';
import { PatrolResolver, TeamPatrolsResolver } from './activities/patrols/patrol.resolver';
import { HazardResolver, EnterpriseHazardsResolver } from './activities/hazards/hazard.resolver';
import { DisputeResolver } from './activities/disputes/dispute.resolver';
import { IncidentResolver } from './activities/incidents/incident.resolver';
import { ServiceRequestResolver, EnterpriseServiceRequestsResolver } from './activities/service-requests/service-request.resolver';
import { EngagementResolver } from './activities/engagements/engagement.resolver';
import {
  RecognitionResolver,
  OfficerRecognitionsResolver,
  EnterpriseRecognitionsResolver,
} from './activities/recognitions/recognition.resolver';
import { CommitmentResolver, IndicatorResolver, ProgramCommitmentsResolver } from './commitments/commitment.resolver';
import { StatisticsResolver } from './statistics/statistics.resolver';
import { AccessResolver } from './accounts/access.resolver';
import { AuditResolver } from './accounts/audit.resolver';
import { EmbedKeyResolver } from './accounts/embed-key.resolver';
import { TwoFactorResolver } from './accounts/two-factor.resolver';
import { UserResolver } from './accounts/user.resolver';
import { authChecker } from './accounts/auth-checker';
import { ENTITIES } from './entities';
import { CalendarResolver } from './calendar/calendar.resolver';
import { hardenTextScalars } from './shared/graphql/text-scalars';

import { ImportResolver } from './imports/import.resolver';
import { FacilityResolver, ParkFacilitiesResolver } from './facilities/facility.resolver';
import { OrganisationResolver, PlaceParticipantResolver, PlaceParticipantsResolver } from './organisations/organisation.resolver';
import { WorkerRegistrationResolver } from './registrations/worker-registration.resolver';
import { FiledReportResolver } from './reports/filed-report.resolver';

export const RESOLVERS = [
  NodeResolver,
  CalendarResolver,
  ProgramResolver,
  ParkResolver,
  ZoneResolver,
  ProgramParksResolver,
  PoliceUnitResolver,
  ProgramPoliceUnitsResolver,
  ParkPoliceUnitsResolver,
  OfficerResolver,
  PoliceUnitOfficersResolver,
  EnterpriseResolver,
  ParkEnterprisesResolver,
  ZoneEnterprisesResolver,
  LiaisonAssignmentResolver,
  OfficerLiaisonAssignmentsResolver,
  EnterpriseLiaisonResolver,
  TeamResolver,
  TeamMemberResolver,
  ParkTeamsResolver,
  VisitResolver,
  OfficerVisitsResolver,
  EnterpriseVisitsResolver,
  PatrolResolver,
  TeamPatrolsResolver,
  HazardResolver,
  EnterpriseHazardsResolver,
  DisputeResolver,
  IncidentResolver,
  ServiceRequestResolver,
  EnterpriseServiceRequestsResolver,
  EngagementResolver,
  RecognitionResolver,
  OfficerRecognitionsResolver,
  EnterpriseRecognitionsResolver,
  FacilityResolver,
  OrganisationResolver,
  PlaceParticipantResolver,
  PlaceParticipantsResolver,
  ParkFacilitiesResolver,
  WorkerRegistrationResolver,
  CommitmentResolver,
  IndicatorResolver,
  ProgramCommitmentsResolver,
  StatisticsResolver,
  FiledReportResolver,
  AccessResolver,
  AuditResolver,
  EmbedKeyResolver,
  UserResolver,
  TwoFactorResolver,
  ImportResolver,
] as const;

/**
 * Builds the executable schema from the resolvers; the SDL in packages/schema is emitted from it.
 * Inputs are checked with class-validator inside each resolver path (`runMutation`, `planPage`), so
 * errors can name the field as `input.creditCode`; type-graphql's own validation stays off.
 */
export async function createSchema(): Promise<GraphQLSchema> {
  hardenTextScalars();
  const built = await buildSchema({ resolvers: RESOLVERS, orphanedTypes: [...ENTITIES], validate: false, authChecker });
  // The error reasons of every domain: no field returns them (they travel in `extensions.reason`),
  // so they are added to the schema's types for clients to generate types from.
  const config = built.toConfig();
  const schema = new GraphQLSchema({ ...config, types: [...config.types, ...errorReasonTypes()] });
  const query = schema.getQueryType();
  const mutation = schema.getMutationType();
  if (query) query.description = 'Reads: records by id, and cursor-paged, filtered lists of every kind of record.';
  if (mutation) {
    mutation.description =
      'Writes. Each runs in one transaction, so a failure writes nothing; record-creating ones accept an idempotency key, changes carry a version.';
  }
  return schema;
}
