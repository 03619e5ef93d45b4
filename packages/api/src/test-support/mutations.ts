import { creditCodeCheckCharacter } from '../shared/validation/credit-code';
import { startTestApi, type GraphqlResult, type TestApi } from './api';

/** Every mutation: its input type and the payload field that carries the record ('' when the payload is the result itself). */
export const MUTATIONS: Record<string, [input: string, field: string]> = {
  createProgram: ['CreateProgramInput', 'program'],
  updateProgram: ['UpdateProgramInput', 'program'],
  archiveProgram: ['ArchiveInput', 'program'],
  createPark: ['CreateParkInput', 'park'],
  updatePark: ['UpdateParkInput', 'park'],
  archivePark: ['ArchiveInput', 'park'],
  createZone: ['CreateZoneInput', 'zone'],
  updateZone: ['UpdateZoneInput', 'zone'],
  archiveZone: ['ArchiveInput', 'zone'],
  createPoliceUnit: ['CreatePoliceUnitInput', 'policeUnit'],
  updatePoliceUnit: ['UpdatePoliceUnitInput', 'policeUnit'],
  archivePoliceUnit: ['ArchiveInput', 'policeUnit'],
  createEnterprise: ['CreateEnterpriseInput', 'enterprise'],
  updateEnterprise: ['UpdateEnterpriseInput', 'enterprise'],
  archiveEnterprise: ['ArchiveInput', 'enterprise'],
  createOfficer: ['CreateOfficerInput', 'officer'],
  updateOfficer: ['UpdateOfficerInput', 'officer'],
  archiveOfficer: ['ArchiveInput', 'officer'],
  assignLiaisonOfficer: ['AssignLiaisonOfficerInput', 'liaisonAssignment'],
  endLiaisonAssignment: ['EndLiaisonAssignmentInput', 'liaisonAssignment'],
  createTeam: ['CreateTeamInput', 'team'],
  updateTeam: ['UpdateTeamInput', 'team'],
  archiveTeam: ['ArchiveInput', 'team'],
  addTeamMember: ['AddTeamMemberInput', 'teamMember'],
  removeTeamMember: ['RemoveTeamMemberInput', 'teamMember'],
  createCommitment: ['CreateCommitmentInput', 'commitment'],
  updateCommitment: ['UpdateCommitmentInput', 'commitment'],
  retireCommitment: ['ArchiveInput', 'commitment'],
  addIndicator: ['AddIndicatorInput', 'indicator'],
  updateIndicator: ['UpdateIndicatorInput', 'indicator'],
  removeIndicator: ['RemoveInput', 'indicator'],
  recordVisit: ['RecordVisitInput', 'visit'],
  updateVisit: ['UpdateVisitInput', 'visit'],
  recordPatrol: ['RecordPatrolInput', 'patrol'],
  reportHazard: ['ReportHazardInput', 'hazard'],
  rectifyHazard: ['RectifyHazardInput', 'hazard'],
  recordDispute: ['RecordDisputeInput', 'dispute'],
  updateDispute: ['UpdateDisputeInput', 'dispute'],
  startDisputeMediation: ['DisputeStepInput', 'dispute'],
  resolveDispute: ['ResolveDisputeInput', 'dispute'],
  escalateDispute: ['DisputeStepInput', 'dispute'],
  reopenDispute: ['DisputeStepInput', 'dispute'],
  recordIncident: ['RecordIncidentInput', 'incident'],
  updateIncident: ['UpdateIncidentInput', 'incident'],
  receiveServiceRequest: ['ReceiveServiceRequestInput', 'serviceRequest'],
  setCalendarDay: ['SetCalendarDayInput', 'calendarDay'],
  assignServiceRequest: ['AssignServiceRequestInput', 'serviceRequest'],
  startServiceRequest: ['ServiceRequestStepInput', 'serviceRequest'],
  resolveServiceRequest: ['ResolveServiceRequestInput', 'serviceRequest'],
  evaluateServiceRequest: ['EvaluateServiceRequestInput', 'serviceRequest'],
  recordEngagement: ['RecordEngagementInput', 'engagement'],
  recordRecognition: ['RecordRecognitionInput', 'recognition'],
  recordFacility: ['RecordFacilityInput', 'facility'],
  removeFacility: ['RemoveFacilityInput', 'facility'],
  registerWorker: ['RegisterWorkerInput', 'workerRegistration'],
  checkWorkerRegistration: ['CheckWorkerRegistrationInput', 'workerRegistration'],
  endWorkerRegistration: ['EndWorkerRegistrationInput', 'workerRegistration'],
  createOrganisation: ['CreateOrganisationInput', 'organisation'],
  updateOrganisation: ['UpdateOrganisationInput', 'organisation'],
  addPlaceParticipant: ['AddPlaceParticipantInput', 'placeParticipant'],
  endPlaceParticipant: ['EndPlaceParticipantInput', 'placeParticipant'],
  importRecords: ['ImportInput', ''],
};

/** The mutations of access control, tested in accounts/access.test.ts and accounts/two-factor.test.ts. */
export const ACCESS_MUTATIONS = [
  'startTwoFactorEnrolment',
  'confirmTwoFactorEnrolment',
  'resetTwoFactor',
  'login',
  'refreshToken',
  'logout',
  'changePassword',
  'createUser',
  'disableUser',
  'createEmbedKey',
  'updateEmbedKey',
  'rotateEmbedKey',
  'revokeEmbedKey',
];

export interface Outcome {
  record: any;
  clientMutationId?: string | null;
  errors?: GraphqlResult['errors'];
}

/** Which mutations a test file saw succeed and be refused. */
export class MutationLog {
  readonly succeeded = new Set<string>();
  readonly refused = new Set<string>();

  constructor(private readonly api: TestApi) {}

  /**
   * Runs a mutation and returns the record (with `id version` and `selection`) or the errors; a
   * mutation whose payload is its result (importRecords) returns the payload's `selection`.
   */
  async run(name: string, input: Record<string, unknown>, selection = ''): Promise<Outcome> {
    const [type, field] = MUTATIONS[name];
    const payload = field ? `${field} { id version ${selection} }` : selection;
    const result = await this.api.gql(`mutation ($input: ${type}!) { ${name}(input: $input) { clientMutationId ${payload} } }`, {
      input,
    });
    if (result.errors) {
      this.refused.add(name);
      return { record: null, errors: result.errors };
    }
    this.succeeded.add(name);
    const data = result.data[name];
    return { record: field ? data[field] : data, clientMutationId: data.clientMutationId };
  }

  /** Runs a mutation that must succeed; returns the record. */

  async ok(name: string, input: Record<string, unknown>, selection = ''): Promise<any> {
    const outcome = await this.run(name, input, selection);
    if (outcome.errors) throw new Error(`${name} was refused: ${JSON.stringify(outcome.errors)}`);
    return outcome.record;
  }

  /** Runs a mutation that must be refused; returns the first error's extensions. */
  async refuse(name: string, input: Record<string, unknown>): Promise<Record<string, unknown>> {
    const outcome = await this.run(name, input);
    if (!outcome.errors) throw new Error(`${name} was expected to be refused, but succeeded`);
    return outcome.errors[0].extensions;
  }
}

/** A valid unified social credit code numbered `n` (GB 32100 check character computed). */
export function testCreditCode(n: number): string {
  const first17 = `91520000MA${String(n).padStart(7, '0')}`;
  return first17 + creditCodeCheckCharacter(first17);
}

/**
 * A test file's API and mutation log: a real server on a database of the file's own, started before
 * its tests and closed after them. Tests build what they need with `buildWorld` and run alone.
 */
export function mutationSuite(): { readonly api: TestApi; readonly m: MutationLog } {
  const suite = {} as { api: TestApi; m: MutationLog };
  beforeAll(async () => {
    suite.api = await startTestApi();
    suite.m = new MutationLog(suite.api);
  });
  afterAll(async () => {
    await suite.api.close();
  });
  return suite;
}
