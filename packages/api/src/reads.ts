import type { FilterQuery } from '@mikro-orm/core';
import type { ListSpec, ReadSpecs } from './shared/graphql/one-statement';
import type { Ordering } from './shared/pagination';
import { NODE_TYPES } from './entities';
import { parkWhere, PARK_ORDER } from './parks/park.service';
import { officerOrdering, officerWhere } from './officers/officer.service';
import { enterpriseOrdering, enterpriseWhere } from './enterprises/enterprise.service';
import { visitWhere, VISIT_ORDER } from './activities/visits/visit.filters';
import { serviceRequestOrdering, serviceRequestWhere } from './activities/service-requests/service-request.filters';

type Args = Record<string, unknown>;

/** A list as its resolver reads it: the same filter and ordering functions, over the same arguments. */
function list(
  entity: string,
  parent: string | undefined,
  where: (args: Args) => FilterQuery<object>,
  ordering: (args: Args) => Ordering,
): ListSpec {
  return { entity, parent, list: (args) => ({ where: where(args), ordering: ordering(args) }) };
}

const enterprises = (parent?: string) =>
  list(
    'Enterprise',
    parent,
    (args) => enterpriseWhere(args.filter as never) as FilterQuery<object>,
    (args) => enterpriseOrdering(args.orderBy as never),
  );
const visits = (parent?: string) =>
  list(
    'Visit',
    parent,
    (args) => visitWhere(args.filter as never) as FilterQuery<object>,
    () => VISIT_ORDER,
  );
const serviceRequests = (parent?: string): ListSpec => ({
  ...list(
    'ServiceRequest',
    parent,
    (args) => serviceRequestWhere(args.filter as never) as FilterQuery<object>,
    (args) => serviceRequestOrdering(args.orderBy as never),
  ),
  // "Overdue" compares the due time with now.
  readsClock: (args) => (args.filter as { overdue?: boolean | null } | undefined)?.overdue != null,
});

/**
 * The reads one SQL statement may answer (shared/graphql/one-statement.ts), each the same as the
 * resolver it stands for: a new entry names the resolver's own filter and ordering functions, and
 * `one-statement.test.ts` compares both answers for every viewer.
 */
export const READ_SPECS: ReadSpecs = {
  byId: { park: 'Park', officer: 'Officer', enterprise: 'Enterprise' },
  lists: {
    parks: list(
      'Park',
      undefined,
      (args) => parkWhere(args.filter as never) as FilterQuery<object>,
      () => PARK_ORDER,
    ),
    officers: list(
      'Officer',
      undefined,
      (args) => officerWhere(args.filter as never) as FilterQuery<object>,
      (args) => officerOrdering(args.orderBy as never),
    ),
    enterprises: enterprises(),
    visits: visits(),
    serviceRequests: serviceRequests(),
  },
  nodeTypes: new Map([...NODE_TYPES.keys()].map((name) => [name, name])),
  relations: {
    Park: ['program'],
    Zone: ['park'],
    Team: ['park', 'zone'],
    TeamMember: ['team', 'officer', 'enterprise'],
    Officer: ['unit'],
    PoliceUnit: ['program', 'park'],
    Engagement: ['park', 'organizer'],
    Hazard: ['park', 'zone', 'enterprise', 'patrol', 'visit'],
    ServiceRequest: ['park', 'enterprise', 'assignedUnit'],
    Incident: ['park', 'zone', 'enterprise'],
    Dispute: ['park', 'zone', 'team'],
    Patrol: ['team', 'zone'],
    Recognition: ['enterprise', 'officer', 'unit'],
    Visit: ['officer', 'enterprise'],
    Commitment: ['program', 'leadUnit'],
    Indicator: ['commitment'],
    Enterprise: ['park', 'zone'],
  },
  children: {
    Park: { enterprises: enterprises('park') },
    Zone: { enterprises: enterprises('zone') },
    Officer: { visits: visits('officer') },
    Enterprise: { visits: visits('enterprise'), serviceRequests: serviceRequests('enterprise') },
  },
  through: {
    Enterprise: { liaisonOfficer: { entity: 'LiaisonAssignment', from: 'enterprise', where: { endsOn: null }, pick: 'officer' } },
  },
};
