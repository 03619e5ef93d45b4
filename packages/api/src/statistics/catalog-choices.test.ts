import { DisputeCategory, MediationMode } from '../activities/disputes/dispute.entity';
import { RequesterKind, RequestSource, ServiceChannel, ServiceRequestKind } from '../activities/service-requests/service-request.entity';
import { TeamMemberKind } from '../teams/team-member.entity';
import { IncidentType } from '../activities/incidents/incident.entity';
import { FacilityKind } from '../facilities/facility.entity';
import * as choices from './metrics/catalog/choices';

describe('the values metric parameters narrow to', () => {
  it.each([
    ['REQUEST_KINDS', ServiceRequestKind],
    ['REQUEST_CHANNELS', ServiceChannel],
    ['REQUESTER_KINDS', RequesterKind],
    ['REQUEST_SOURCES', RequestSource],
    ['DISPUTE_CATEGORIES', DisputeCategory],
    ['MEDIATION_MODES', MediationMode],
    ['STAFF_POSTS', TeamMemberKind],
    ['INCIDENT_TYPES', IncidentType],
    ['FACILITY_KINDS', FacilityKind],
  ] as const)('%s are the values of the domain enum', (name, values) => {
    expect([...choices[name]].sort()).toEqual(Object.values(values).sort());
  });
});
