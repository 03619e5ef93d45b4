import { Program } from './programs/program.entity';
import { Park } from './parks/park.entity';
import { Zone } from './parks/zone.entity';
import { PoliceUnit } from './units/police-unit.entity';
import { Enterprise } from './enterprises/enterprise.entity';
import { Officer } from './officers/officer.entity';
import { LiaisonAssignment } from './liaisons/liaison-assignment.entity';
import { Team } from './teams/team.entity';
import { TeamMember } from './teams/team-member.entity';
import { Visit } from './activities/visits/visit.entity';
import { Patrol } from './activities/patrols/patrol.entity';
import { Hazard } from './activities/hazards/hazard.entity';
import { Dispute } from './activities/disputes/dispute.entity';
import { Incident } from './activities/incidents/incident.entity';
import { ServiceRequest } from './activities/service-requests/service-request.entity';
import { Engagement } from './activities/engagements/engagement.entity';
import { Recognition } from './activities/recognitions/recognition.entity';
import { Facility } from './facilities/facility.entity';
import { Organisation, PlaceParticipant } from './organisations/organisation.entity';
import { WorkerRegistration } from './registrations/worker-registration.entity';
import { Commitment } from './commitments/commitment.entity';
import { Indicator } from './commitments/indicator.entity';
import { User } from './accounts/user.entity';
import { EmbedKey } from './accounts/embed-key.entity';
import { CalendarDay } from './calendar/calendar-day.entity';

/** Every entity the ORM maps, in dependency order. */
export const ENTITIES = [
  Program,
  Park,
  Zone,
  PoliceUnit,
  Enterprise,
  Officer,
  LiaisonAssignment,
  Team,
  TeamMember,
  Visit,
  Patrol,
  Hazard,
  Dispute,
  Incident,
  ServiceRequest,
  Engagement,
  Recognition,
  Facility,
  Organisation,
  PlaceParticipant,
  WorkerRegistration,
  Commitment,
  Indicator,
  User,
  EmbedKey,
  CalendarDay,
];

/** Entities reachable through `node(id:)`, by their GraphQL type name (every entity is a Node). */
export const NODE_TYPES: ReadonlyMap<string, (typeof ENTITIES)[number]> = new Map(ENTITIES.map((entity) => [entity.name, entity]));
