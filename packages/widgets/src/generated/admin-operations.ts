import type * as Types from '@huhang/schema';
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const EnterpriseRowFragmentDoc = new TypedDocumentString(`
    fragment EnterpriseRow on Enterprise {
  id
  version
  name
  creditCode
  industry
  status
  employeeCount
  joinedOn
  hazardousChemicals
  keyEnterprise
  zone {
    id
    name
  }
  liaisonOfficer {
    id
    name
  }
}
    `, {"fragmentName":"EnterpriseRow"}) as unknown as TypedDocumentString<Types.EnterpriseRowFragment, unknown>;
export const SessionUserFragmentDoc = new TypedDocumentString(`
    fragment SessionUser on User {
  id
  username
  displayName
  role
  officer {
    id
    name
  }
  parks {
    id
    name
  }
  programs {
    id
    name
  }
}
    `, {"fragmentName":"SessionUser"}) as unknown as TypedDocumentString<Types.SessionUserFragment, unknown>;
export const DisputeCardFragmentDoc = new TypedDocumentString(`
    fragment DisputeCard on Dispute {
  id
  version
  status
  category
  summary
  escalationRisk
  riskOutcome
  identifiedOn
  enterprises {
    id
    name
  }
}
    `, {"fragmentName":"DisputeCard"}) as unknown as TypedDocumentString<Types.DisputeCardFragment, unknown>;
export const ServiceRequestRowFragmentDoc = new TypedDocumentString(`
    fragment ServiceRequestRow on ServiceRequest {
  id
  version
  status
  kind
  channel
  source
  requesterKind
  requesterName
  description
  receivedAt
  dueAt
  resolvedInTime
  satisfaction
  enterprise {
    id
    name
  }
  assignedUnit {
    id
    name
  }
}
    `, {"fragmentName":"ServiceRequestRow"}) as unknown as TypedDocumentString<Types.ServiceRequestRowFragment, unknown>;
export const EmbedKeyRowFragmentDoc = new TypedDocumentString(`
    fragment EmbedKeyRow on EmbedKey {
  id
  version
  name
  prefix
  allowedOrigins
  lastUsedAt
  revokedAt
  createdAt
  park {
    id
    name
  }
  program {
    id
    name
  }
}
    `, {"fragmentName":"EmbedKeyRow"}) as unknown as TypedDocumentString<Types.EmbedKeyRowFragment, unknown>;
export const ZoneRowFragmentDoc = new TypedDocumentString(`
    fragment ZoneRow on Zone {
  id
  name
  version
  archivedAt
  enterprises(first: 1) {
    totalCount
  }
}
    `, {"fragmentName":"ZoneRow"}) as unknown as TypedDocumentString<Types.ZoneRowFragment, unknown>;
export const OfficerRowFragmentDoc = new TypedDocumentString(`
    fragment OfficerRow on Officer {
  id
  name
  title
  badgeNumber
  phone
  version
  unit {
    id
    name
  }
  liaisonAssignments(filter: {current: true}, first: 1) {
    totalCount
  }
}
    `, {"fragmentName":"OfficerRow"}) as unknown as TypedDocumentString<Types.OfficerRowFragment, unknown>;
export const TeamMemberRowFragmentDoc = new TypedDocumentString(`
    fragment TeamMemberRow on TeamMember {
  id
  version
  kind
  displayName
  joinedOn
  enterprise {
    id
    name
  }
}
    `, {"fragmentName":"TeamMemberRow"}) as unknown as TypedDocumentString<Types.TeamMemberRowFragment, unknown>;
export const TeamRowFragmentDoc = new TypedDocumentString(`
    fragment TeamRow on Team {
  id
  name
  type
  version
  zone {
    id
    name
  }
  members(filter: {current: true}, first: 50) {
    totalCount
    nodes {
      ...TeamMemberRow
    }
  }
}
    fragment TeamMemberRow on TeamMember {
  id
  version
  kind
  displayName
  joinedOn
  enterprise {
    id
    name
  }
}`, {"fragmentName":"TeamRow"}) as unknown as TypedDocumentString<Types.TeamRowFragment, unknown>;
export const PoliceUnitRowFragmentDoc = new TypedDocumentString(`
    fragment PoliceUnitRow on PoliceUnit {
  id
  name
  kind
  specialism
  version
  park {
    id
  }
  zones {
    id
    name
  }
  officers(first: 1) {
    totalCount
  }
}
    `, {"fragmentName":"PoliceUnitRow"}) as unknown as TypedDocumentString<Types.PoliceUnitRowFragment, unknown>;
export const UserRowFragmentDoc = new TypedDocumentString(`
    fragment UserRow on User {
  id
  username
  displayName
  role
  version
  disabledAt
  lastLoginAt
  twoFactorEnabled
  parks {
    id
    name
  }
  programs {
    id
    name
  }
  officer {
    id
    name
  }
}
    `, {"fragmentName":"UserRow"}) as unknown as TypedDocumentString<Types.UserRowFragment, unknown>;
export const IndicatorRowFragmentDoc = new TypedDocumentString(`
    fragment IndicatorRow on Indicator {
  id
  metric
  params
  comparator
  target
  period
  version
  label {
    zhCN
    zhTW
    en
  }
}
    `, {"fragmentName":"IndicatorRow"}) as unknown as TypedDocumentString<Types.IndicatorRowFragment, unknown>;
export const CommitmentRowFragmentDoc = new TypedDocumentString(`
    fragment CommitmentRow on Commitment {
  id
  code
  area
  version
  title {
    zhCN
    zhTW
    en
  }
  indicators(first: 20) {
    nodes {
      ...IndicatorRow
    }
  }
}
    fragment IndicatorRow on Indicator {
  id
  metric
  params
  comparator
  target
  period
  version
  label {
    zhCN
    zhTW
    en
  }
}`, {"fragmentName":"CommitmentRow"}) as unknown as TypedDocumentString<Types.CommitmentRowFragment, unknown>;
export const MetricChoiceFragmentDoc = new TypedDocumentString(`
    fragment MetricChoice on MetricInfo {
  name
  kind
  perPeriod
  label {
    zhCN
    zhTW
    en
  }
  description {
    zhCN
    zhTW
    en
  }
  unitLabel {
    zhCN
    zhTW
    en
  }
  parameters {
    name
    type
    defaultValue
    min
    max
    values
    description
  }
}
    `, {"fragmentName":"MetricChoice"}) as unknown as TypedDocumentString<Types.MetricChoiceFragment, unknown>;
export const ParticipantRowFragmentDoc = new TypedDocumentString(`
    fragment ParticipantRow on PlaceParticipant {
  id
  version
  role
  joinedOn
  leftOn
  organisation {
    id
    name
    creditCode
  }
  parent {
    id
  }
}
    `, {"fragmentName":"ParticipantRow"}) as unknown as TypedDocumentString<Types.ParticipantRowFragment, unknown>;
export const EnterpriseTableDocument = new TypedDocumentString(`
    query EnterpriseTable($filter: EnterpriseFilter, $orderBy: EnterpriseOrder, $first: Int, $after: String) {
  enterprises(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      ...EnterpriseRow
    }
  }
}
    fragment EnterpriseRow on Enterprise {
  id
  version
  name
  creditCode
  industry
  status
  employeeCount
  joinedOn
  hazardousChemicals
  keyEnterprise
  zone {
    id
    name
  }
  liaisonOfficer {
    id
    name
  }
}`) as unknown as TypedDocumentString<Types.EnterpriseTableQuery, Types.EnterpriseTableQueryVariables>;
export const EnterpriseExportDocument = new TypedDocumentString(`
    query EnterpriseExport($filter: EnterpriseFilter, $orderBy: EnterpriseOrder, $first: Int, $after: String) {
  enterprises(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      id
      name
      creditCode
      industry
      status
      joinedOn
      employeeCount
      hazardousChemicals
      keyEnterprise
      contactPerson
      contactPhone
      zone {
        name
      }
      liaisonOfficer {
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<Types.EnterpriseExportQuery, Types.EnterpriseExportQueryVariables>;
export const AssignLiaisonOfficerDocument = new TypedDocumentString(`
    mutation AssignLiaisonOfficer($input: AssignLiaisonOfficerInput!) {
  assignLiaisonOfficer(input: $input) {
    liaisonAssignment {
      id
      startsOn
      officer {
        id
        name
      }
      enterprise {
        ...EnterpriseRow
      }
    }
  }
}
    fragment EnterpriseRow on Enterprise {
  id
  version
  name
  creditCode
  industry
  status
  employeeCount
  joinedOn
  hazardousChemicals
  keyEnterprise
  zone {
    id
    name
  }
  liaisonOfficer {
    id
    name
  }
}`) as unknown as TypedDocumentString<Types.AssignLiaisonOfficerMutation, Types.AssignLiaisonOfficerMutationVariables>;
export const RecordVisitDocument = new TypedDocumentString(`
    mutation RecordVisit($input: RecordVisitInput!) {
  recordVisit(input: $input) {
    clientMutationId
    visit {
      id
      visitedOn
      activities
      findings
    }
  }
}
    `) as unknown as TypedDocumentString<Types.RecordVisitMutation, Types.RecordVisitMutationVariables>;
export const ReceiveServiceRequestDocument = new TypedDocumentString(`
    mutation ReceiveServiceRequest($input: ReceiveServiceRequestInput!) {
  receiveServiceRequest(input: $input) {
    clientMutationId
    serviceRequest {
      ...ServiceRequestRow
    }
  }
}
    fragment ServiceRequestRow on ServiceRequest {
  id
  version
  status
  kind
  channel
  source
  requesterKind
  requesterName
  description
  receivedAt
  dueAt
  resolvedInTime
  satisfaction
  enterprise {
    id
    name
  }
  assignedUnit {
    id
    name
  }
}`) as unknown as TypedDocumentString<Types.ReceiveServiceRequestMutation, Types.ReceiveServiceRequestMutationVariables>;
export const RecordPatrolDocument = new TypedDocumentString(`
    mutation RecordPatrol($input: RecordPatrolInput!) {
  recordPatrol(input: $input) {
    clientMutationId
    patrol {
      id
      patrolledOn
      kind
      personTimes
    }
  }
}
    `) as unknown as TypedDocumentString<Types.RecordPatrolMutation, Types.RecordPatrolMutationVariables>;
export const ReportHazardDocument = new TypedDocumentString(`
    mutation ReportHazard($input: ReportHazardInput!) {
  reportHazard(input: $input) {
    clientMutationId
    hazard {
      id
      state
      foundOn
      deadline
    }
  }
}
    `) as unknown as TypedDocumentString<Types.ReportHazardMutation, Types.ReportHazardMutationVariables>;
export const RectifyHazardDocument = new TypedDocumentString(`
    mutation RectifyHazard($input: RectifyHazardInput!) {
  rectifyHazard(input: $input) {
    hazard {
      id
      version
      state
      rectifiedOn
    }
  }
}
    `) as unknown as TypedDocumentString<Types.RectifyHazardMutation, Types.RectifyHazardMutationVariables>;
export const DisputeBoardDocument = new TypedDocumentString(`
    query DisputeBoard($parkId: ID, $closedSince: LocalDate!) {
  open: disputes(
    filter: {parkId: $parkId, statuses: [IDENTIFIED, MEDIATING]}
    first: 100
  ) {
    totalCount
    nodes {
      ...DisputeCard
    }
  }
  closed: disputes(
    filter: {parkId: $parkId, statuses: [ESCALATED, RESOLVED], identifiedOn: {from: $closedSince}}
    first: 100
  ) {
    totalCount
    nodes {
      ...DisputeCard
    }
  }
}
    fragment DisputeCard on Dispute {
  id
  version
  status
  category
  summary
  escalationRisk
  riskOutcome
  identifiedOn
  enterprises {
    id
    name
  }
}`) as unknown as TypedDocumentString<Types.DisputeBoardQuery, Types.DisputeBoardQueryVariables>;
export const ServiceRequestTableDocument = new TypedDocumentString(`
    query ServiceRequestTable($filter: ServiceRequestFilter, $orderBy: ServiceRequestOrder, $first: Int, $after: String) {
  serviceRequests(
    filter: $filter
    orderBy: $orderBy
    first: $first
    after: $after
  ) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      ...ServiceRequestRow
    }
  }
}
    fragment ServiceRequestRow on ServiceRequest {
  id
  version
  status
  kind
  channel
  source
  requesterKind
  requesterName
  description
  receivedAt
  dueAt
  resolvedInTime
  satisfaction
  enterprise {
    id
    name
  }
  assignedUnit {
    id
    name
  }
}`) as unknown as TypedDocumentString<Types.ServiceRequestTableQuery, Types.ServiceRequestTableQueryVariables>;
export const ServiceRequestExportDocument = new TypedDocumentString(`
    query ServiceRequestExport($filter: ServiceRequestFilter, $orderBy: ServiceRequestOrder, $first: Int, $after: String) {
  serviceRequests(
    filter: $filter
    orderBy: $orderBy
    first: $first
    after: $after
  ) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      id
      kind
      channel
      source
      status
      description
      receivedAt
      dueAt
      resolvedAt
      resolvedInTime
      resolution
      satisfaction
      requesterKind
      requesterName
      enterprise {
        name
        creditCode
      }
      assignedUnit {
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<Types.ServiceRequestExportQuery, Types.ServiceRequestExportQueryVariables>;
export const SignInDocument = new TypedDocumentString(`
    mutation SignIn($input: LoginInput!) {
  login(input: $input) {
    accessToken
    accessTokenExpiresAt
    refreshToken
    twoFactorEnrolmentRequired
    user {
      ...SessionUser
    }
  }
}
    fragment SessionUser on User {
  id
  username
  displayName
  role
  officer {
    id
    name
  }
  parks {
    id
    name
  }
  programs {
    id
    name
  }
}`) as unknown as TypedDocumentString<Types.SignInMutation, Types.SignInMutationVariables>;
export const RefreshSessionDocument = new TypedDocumentString(`
    mutation RefreshSession($input: RefreshTokenInput!) {
  refreshToken(input: $input) {
    accessToken
    accessTokenExpiresAt
    refreshToken
    twoFactorEnrolmentRequired
    user {
      ...SessionUser
    }
  }
}
    fragment SessionUser on User {
  id
  username
  displayName
  role
  officer {
    id
    name
  }
  parks {
    id
    name
  }
  programs {
    id
    name
  }
}`) as unknown as TypedDocumentString<Types.RefreshSessionMutation, Types.RefreshSessionMutationVariables>;
export const SignOutDocument = new TypedDocumentString(`
    mutation SignOut {
  logout {
    loggedOut
  }
}
    `) as unknown as TypedDocumentString<Types.SignOutMutation, Types.SignOutMutationVariables>;
export const TwoFactorStatusDocument = new TypedDocumentString(`
    query TwoFactorStatus {
  me {
    id
    twoFactorEnabled
  }
}
    `) as unknown as TypedDocumentString<Types.TwoFactorStatusQuery, Types.TwoFactorStatusQueryVariables>;
export const StartTwoFactorDocument = new TypedDocumentString(`
    mutation StartTwoFactor {
  startTwoFactorEnrolment {
    secret
    uri
  }
}
    `) as unknown as TypedDocumentString<Types.StartTwoFactorMutation, Types.StartTwoFactorMutationVariables>;
export const ConfirmTwoFactorDocument = new TypedDocumentString(`
    mutation ConfirmTwoFactor($input: ConfirmTwoFactorInput!) {
  confirmTwoFactorEnrolment(input: $input) {
    recoveryCodes
  }
}
    `) as unknown as TypedDocumentString<Types.ConfirmTwoFactorMutation, Types.ConfirmTwoFactorMutationVariables>;
export const FormChoicesDocument = new TypedDocumentString(`
    query FormChoices($parkId: ID) {
  enterprises(
    filter: {parkId: $parkId}
    first: 100
    orderBy: {field: NAME, direction: ASC}
  ) {
    nodes {
      id
      name
      park {
        id
      }
    }
  }
  officers(filter: {parkId: $parkId}, first: 100) {
    nodes {
      id
      name
      unit {
        id
        name
      }
    }
  }
  teams(filter: {parkId: $parkId}, first: 100) {
    nodes {
      id
      name
      type
      park {
        id
        zones(first: 100) {
          nodes {
            id
            name
          }
        }
      }
    }
  }
  policeUnits(first: 100) {
    nodes {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<Types.FormChoicesQuery, Types.FormChoicesQueryVariables>;
export const OpenHazardsDocument = new TypedDocumentString(`
    query OpenHazards($filter: HazardFilter, $first: Int) {
  hazards(filter: $filter, first: $first) {
    totalCount
    nodes {
      id
      version
      state
      severity
      description
      place
      foundOn
      deadline
      enterprise {
        id
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<Types.OpenHazardsQuery, Types.OpenHazardsQueryVariables>;
export const RecordDisputeDocument = new TypedDocumentString(`
    mutation RecordDispute($input: RecordDisputeInput!) {
  recordDispute(input: $input) {
    clientMutationId
    dispute {
      ...DisputeCard
    }
  }
}
    fragment DisputeCard on Dispute {
  id
  version
  status
  category
  summary
  escalationRisk
  riskOutcome
  identifiedOn
  enterprises {
    id
    name
  }
}`) as unknown as TypedDocumentString<Types.RecordDisputeMutation, Types.RecordDisputeMutationVariables>;
export const StartDisputeMediationDocument = new TypedDocumentString(`
    mutation StartDisputeMediation($input: DisputeStepInput!) {
  startDisputeMediation(input: $input) {
    dispute {
      ...DisputeCard
    }
  }
}
    fragment DisputeCard on Dispute {
  id
  version
  status
  category
  summary
  escalationRisk
  riskOutcome
  identifiedOn
  enterprises {
    id
    name
  }
}`) as unknown as TypedDocumentString<Types.StartDisputeMediationMutation, Types.StartDisputeMediationMutationVariables>;
export const ResolveDisputeDocument = new TypedDocumentString(`
    mutation ResolveDispute($input: ResolveDisputeInput!) {
  resolveDispute(input: $input) {
    dispute {
      ...DisputeCard
    }
  }
}
    fragment DisputeCard on Dispute {
  id
  version
  status
  category
  summary
  escalationRisk
  riskOutcome
  identifiedOn
  enterprises {
    id
    name
  }
}`) as unknown as TypedDocumentString<Types.ResolveDisputeMutation, Types.ResolveDisputeMutationVariables>;
export const EscalateDisputeDocument = new TypedDocumentString(`
    mutation EscalateDispute($input: DisputeStepInput!) {
  escalateDispute(input: $input) {
    dispute {
      ...DisputeCard
    }
  }
}
    fragment DisputeCard on Dispute {
  id
  version
  status
  category
  summary
  escalationRisk
  riskOutcome
  identifiedOn
  enterprises {
    id
    name
  }
}`) as unknown as TypedDocumentString<Types.EscalateDisputeMutation, Types.EscalateDisputeMutationVariables>;
export const ReopenDisputeDocument = new TypedDocumentString(`
    mutation ReopenDispute($input: DisputeStepInput!) {
  reopenDispute(input: $input) {
    dispute {
      ...DisputeCard
    }
  }
}
    fragment DisputeCard on Dispute {
  id
  version
  status
  category
  summary
  escalationRisk
  riskOutcome
  identifiedOn
  enterprises {
    id
    name
  }
}`) as unknown as TypedDocumentString<Types.ReopenDisputeMutation, Types.ReopenDisputeMutationVariables>;
export const AssignServiceRequestDocument = new TypedDocumentString(`
    mutation AssignServiceRequest($input: AssignServiceRequestInput!) {
  assignServiceRequest(input: $input) {
    serviceRequest {
      ...ServiceRequestRow
    }
  }
}
    fragment ServiceRequestRow on ServiceRequest {
  id
  version
  status
  kind
  channel
  source
  requesterKind
  requesterName
  description
  receivedAt
  dueAt
  resolvedInTime
  satisfaction
  enterprise {
    id
    name
  }
  assignedUnit {
    id
    name
  }
}`) as unknown as TypedDocumentString<Types.AssignServiceRequestMutation, Types.AssignServiceRequestMutationVariables>;
export const StartServiceRequestDocument = new TypedDocumentString(`
    mutation StartServiceRequest($input: ServiceRequestStepInput!) {
  startServiceRequest(input: $input) {
    serviceRequest {
      ...ServiceRequestRow
    }
  }
}
    fragment ServiceRequestRow on ServiceRequest {
  id
  version
  status
  kind
  channel
  source
  requesterKind
  requesterName
  description
  receivedAt
  dueAt
  resolvedInTime
  satisfaction
  enterprise {
    id
    name
  }
  assignedUnit {
    id
    name
  }
}`) as unknown as TypedDocumentString<Types.StartServiceRequestMutation, Types.StartServiceRequestMutationVariables>;
export const ResolveServiceRequestDocument = new TypedDocumentString(`
    mutation ResolveServiceRequest($input: ResolveServiceRequestInput!) {
  resolveServiceRequest(input: $input) {
    serviceRequest {
      ...ServiceRequestRow
    }
  }
}
    fragment ServiceRequestRow on ServiceRequest {
  id
  version
  status
  kind
  channel
  source
  requesterKind
  requesterName
  description
  receivedAt
  dueAt
  resolvedInTime
  satisfaction
  enterprise {
    id
    name
  }
  assignedUnit {
    id
    name
  }
}`) as unknown as TypedDocumentString<Types.ResolveServiceRequestMutation, Types.ResolveServiceRequestMutationVariables>;
export const EvaluateServiceRequestDocument = new TypedDocumentString(`
    mutation EvaluateServiceRequest($input: EvaluateServiceRequestInput!) {
  evaluateServiceRequest(input: $input) {
    serviceRequest {
      ...ServiceRequestRow
    }
  }
}
    fragment ServiceRequestRow on ServiceRequest {
  id
  version
  status
  kind
  channel
  source
  requesterKind
  requesterName
  description
  receivedAt
  dueAt
  resolvedInTime
  satisfaction
  enterprise {
    id
    name
  }
  assignedUnit {
    id
    name
  }
}`) as unknown as TypedDocumentString<Types.EvaluateServiceRequestMutation, Types.EvaluateServiceRequestMutationVariables>;
export const EmbedKeysDocument = new TypedDocumentString(`
    query EmbedKeys($first: Int) {
  embedKeys(first: $first) {
    totalCount
    nodes {
      ...EmbedKeyRow
    }
  }
  parks(first: 100) {
    nodes {
      id
      name
    }
  }
}
    fragment EmbedKeyRow on EmbedKey {
  id
  version
  name
  prefix
  allowedOrigins
  lastUsedAt
  revokedAt
  createdAt
  park {
    id
    name
  }
  program {
    id
    name
  }
}`) as unknown as TypedDocumentString<Types.EmbedKeysQuery, Types.EmbedKeysQueryVariables>;
export const EmbedKeyExportDocument = new TypedDocumentString(`
    query EmbedKeyExport($first: Int, $after: String) {
  embedKeys(first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      name
      prefix
      program {
        name
      }
      park {
        name
      }
      allowedOrigins
      createdAt
      lastUsedAt
      revokedAt
    }
  }
}
    `) as unknown as TypedDocumentString<Types.EmbedKeyExportQuery, Types.EmbedKeyExportQueryVariables>;
export const CreateEmbedKeyDocument = new TypedDocumentString(`
    mutation CreateEmbedKey($input: CreateEmbedKeyInput!) {
  createEmbedKey(input: $input) {
    key
    embedKey {
      ...EmbedKeyRow
    }
  }
}
    fragment EmbedKeyRow on EmbedKey {
  id
  version
  name
  prefix
  allowedOrigins
  lastUsedAt
  revokedAt
  createdAt
  park {
    id
    name
  }
  program {
    id
    name
  }
}`) as unknown as TypedDocumentString<Types.CreateEmbedKeyMutation, Types.CreateEmbedKeyMutationVariables>;
export const RotateEmbedKeyDocument = new TypedDocumentString(`
    mutation RotateEmbedKey($input: EmbedKeyStepInput!) {
  rotateEmbedKey(input: $input) {
    key
    embedKey {
      ...EmbedKeyRow
    }
  }
}
    fragment EmbedKeyRow on EmbedKey {
  id
  version
  name
  prefix
  allowedOrigins
  lastUsedAt
  revokedAt
  createdAt
  park {
    id
    name
  }
  program {
    id
    name
  }
}`) as unknown as TypedDocumentString<Types.RotateEmbedKeyMutation, Types.RotateEmbedKeyMutationVariables>;
export const RevokeEmbedKeyDocument = new TypedDocumentString(`
    mutation RevokeEmbedKey($input: EmbedKeyStepInput!) {
  revokeEmbedKey(input: $input) {
    embedKey {
      ...EmbedKeyRow
    }
  }
}
    fragment EmbedKeyRow on EmbedKey {
  id
  version
  name
  prefix
  allowedOrigins
  lastUsedAt
  revokedAt
  createdAt
  park {
    id
    name
  }
  program {
    id
    name
  }
}`) as unknown as TypedDocumentString<Types.RevokeEmbedKeyMutation, Types.RevokeEmbedKeyMutationVariables>;
export const AuditTrailDocument = new TypedDocumentString(`
    query AuditTrail($filter: AuditFilter, $first: Int!, $after: String) {
  auditLog(filter: $filter, first: $first, after: $after) {
    endCursor
    nodes {
      id
      at
      actorType
      actorId
      actorName
      action
      entity
      entityId
      outcome
      before
      after
      related
      clientAddress
      requestId
    }
  }
}
    `) as unknown as TypedDocumentString<Types.AuditTrailQuery, Types.AuditTrailQueryVariables>;
export const AuditActorsDocument = new TypedDocumentString(`
    query AuditActors {
  users(first: 100) {
    nodes {
      id
      databaseId
      username
      displayName
    }
  }
}
    `) as unknown as TypedDocumentString<Types.AuditActorsQuery, Types.AuditActorsQueryVariables>;
export const RecordEngagementDocument = new TypedDocumentString(`
    mutation RecordEngagement($input: RecordEngagementInput!) {
  recordEngagement(input: $input) {
    clientMutationId
    engagement {
      id
      type
      title
      heldOn
      attendees
    }
  }
}
    `) as unknown as TypedDocumentString<Types.RecordEngagementMutation, Types.RecordEngagementMutationVariables>;
export const RecordRecognitionDocument = new TypedDocumentString(`
    mutation RecordRecognition($input: RecordRecognitionInput!) {
  recordRecognition(input: $input) {
    clientMutationId
    recognition {
      id
      kind
      receivedOn
      message
    }
  }
}
    `) as unknown as TypedDocumentString<Types.RecordRecognitionMutation, Types.RecordRecognitionMutationVariables>;
export const RecordIncidentDocument = new TypedDocumentString(`
    mutation RecordIncident($input: RecordIncidentInput!) {
  recordIncident(input: $input) {
    clientMutationId
    incident {
      id
      type
      receivedAt
      dispatchedAt
      arrivedAt
      closedAt
      responseMinutes
    }
  }
}
    `) as unknown as TypedDocumentString<Types.RecordIncidentMutation, Types.RecordIncidentMutationVariables>;
export const ZonesAdminDocument = new TypedDocumentString(`
    query ZonesAdmin {
  parks(first: 100) {
    nodes {
      id
      name
      zones(first: 100) {
        nodes {
          ...ZoneRow
        }
      }
    }
  }
}
    fragment ZoneRow on Zone {
  id
  name
  version
  archivedAt
  enterprises(first: 1) {
    totalCount
  }
}`) as unknown as TypedDocumentString<Types.ZonesAdminQuery, Types.ZonesAdminQueryVariables>;
export const CreateZoneDocument = new TypedDocumentString(`
    mutation CreateZone($input: CreateZoneInput!) {
  createZone(input: $input) {
    zone {
      ...ZoneRow
    }
  }
}
    fragment ZoneRow on Zone {
  id
  name
  version
  archivedAt
  enterprises(first: 1) {
    totalCount
  }
}`) as unknown as TypedDocumentString<Types.CreateZoneMutation, Types.CreateZoneMutationVariables>;
export const UpdateZoneDocument = new TypedDocumentString(`
    mutation UpdateZone($input: UpdateZoneInput!) {
  updateZone(input: $input) {
    zone {
      ...ZoneRow
    }
  }
}
    fragment ZoneRow on Zone {
  id
  name
  version
  archivedAt
  enterprises(first: 1) {
    totalCount
  }
}`) as unknown as TypedDocumentString<Types.UpdateZoneMutation, Types.UpdateZoneMutationVariables>;
export const ArchiveZoneDocument = new TypedDocumentString(`
    mutation ArchiveZone($input: ArchiveInput!) {
  archiveZone(input: $input) {
    zone {
      ...ZoneRow
    }
  }
}
    fragment ZoneRow on Zone {
  id
  name
  version
  archivedAt
  enterprises(first: 1) {
    totalCount
  }
}`) as unknown as TypedDocumentString<Types.ArchiveZoneMutation, Types.ArchiveZoneMutationVariables>;
export const OfficerRosterDocument = new TypedDocumentString(`
    query OfficerRoster($filter: OfficerFilter, $orderBy: OfficerOrder, $first: Int, $after: String) {
  officers(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      ...OfficerRow
    }
  }
  policeUnits(first: 100) {
    nodes {
      id
      name
    }
  }
}
    fragment OfficerRow on Officer {
  id
  name
  title
  badgeNumber
  phone
  version
  unit {
    id
    name
  }
  liaisonAssignments(filter: {current: true}, first: 1) {
    totalCount
  }
}`) as unknown as TypedDocumentString<Types.OfficerRosterQuery, Types.OfficerRosterQueryVariables>;
export const OfficerExportDocument = new TypedDocumentString(`
    query OfficerExport($filter: OfficerFilter, $orderBy: OfficerOrder, $first: Int, $after: String) {
  officers(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      ...OfficerRow
    }
  }
}
    fragment OfficerRow on Officer {
  id
  name
  title
  badgeNumber
  phone
  version
  unit {
    id
    name
  }
  liaisonAssignments(filter: {current: true}, first: 1) {
    totalCount
  }
}`) as unknown as TypedDocumentString<Types.OfficerExportQuery, Types.OfficerExportQueryVariables>;
export const CreateOfficerDocument = new TypedDocumentString(`
    mutation CreateOfficer($input: CreateOfficerInput!) {
  createOfficer(input: $input) {
    officer {
      ...OfficerRow
    }
  }
}
    fragment OfficerRow on Officer {
  id
  name
  title
  badgeNumber
  phone
  version
  unit {
    id
    name
  }
  liaisonAssignments(filter: {current: true}, first: 1) {
    totalCount
  }
}`) as unknown as TypedDocumentString<Types.CreateOfficerMutation, Types.CreateOfficerMutationVariables>;
export const ArchiveOfficerDocument = new TypedDocumentString(`
    mutation ArchiveOfficer($input: ArchiveInput!) {
  archiveOfficer(input: $input) {
    officer {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<Types.ArchiveOfficerMutation, Types.ArchiveOfficerMutationVariables>;
export const ImportScopesDocument = new TypedDocumentString(`
    query ImportScopes {
  parks(first: 100) {
    nodes {
      id
      name
      program {
        id
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<Types.ImportScopesQuery, Types.ImportScopesQueryVariables>;
export const ImportRecordsDocument = new TypedDocumentString(`
    mutation ImportRecords($input: ImportInput!) {
  importRecords(input: $input) {
    kind
    dryRun
    committed
    rowCount
    created
    updated
    unchanged
    problems {
      row
      column
      field
      code
      reason
      message
    }
  }
}
    `) as unknown as TypedDocumentString<Types.ImportRecordsMutation, Types.ImportRecordsMutationVariables>;
export const TeamParksDocument = new TypedDocumentString(`
    query TeamParks {
  parks(first: 100) {
    nodes {
      id
      name
      zones(first: 100) {
        nodes {
          id
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<Types.TeamParksQuery, Types.TeamParksQueryVariables>;
export const TeamsOfParkDocument = new TypedDocumentString(`
    query TeamsOfPark($parkId: ID!) {
  teams(filter: {parkId: $parkId}, first: 100) {
    nodes {
      ...TeamRow
    }
  }
}
    fragment TeamMemberRow on TeamMember {
  id
  version
  kind
  displayName
  joinedOn
  enterprise {
    id
    name
  }
}
fragment TeamRow on Team {
  id
  name
  type
  version
  zone {
    id
    name
  }
  members(filter: {current: true}, first: 50) {
    totalCount
    nodes {
      ...TeamMemberRow
    }
  }
}`) as unknown as TypedDocumentString<Types.TeamsOfParkQuery, Types.TeamsOfParkQueryVariables>;
export const CreateTeamDocument = new TypedDocumentString(`
    mutation CreateTeam($input: CreateTeamInput!) {
  createTeam(input: $input) {
    team {
      ...TeamRow
    }
  }
}
    fragment TeamMemberRow on TeamMember {
  id
  version
  kind
  displayName
  joinedOn
  enterprise {
    id
    name
  }
}
fragment TeamRow on Team {
  id
  name
  type
  version
  zone {
    id
    name
  }
  members(filter: {current: true}, first: 50) {
    totalCount
    nodes {
      ...TeamMemberRow
    }
  }
}`) as unknown as TypedDocumentString<Types.CreateTeamMutation, Types.CreateTeamMutationVariables>;
export const ArchiveTeamDocument = new TypedDocumentString(`
    mutation ArchiveTeam($input: ArchiveInput!) {
  archiveTeam(input: $input) {
    team {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<Types.ArchiveTeamMutation, Types.ArchiveTeamMutationVariables>;
export const AddTeamMemberDocument = new TypedDocumentString(`
    mutation AddTeamMember($input: AddTeamMemberInput!) {
  addTeamMember(input: $input) {
    teamMember {
      ...TeamMemberRow
    }
  }
}
    fragment TeamMemberRow on TeamMember {
  id
  version
  kind
  displayName
  joinedOn
  enterprise {
    id
    name
  }
}`) as unknown as TypedDocumentString<Types.AddTeamMemberMutation, Types.AddTeamMemberMutationVariables>;
export const RemoveTeamMemberDocument = new TypedDocumentString(`
    mutation RemoveTeamMember($input: RemoveTeamMemberInput!) {
  removeTeamMember(input: $input) {
    teamMember {
      id
      leftOn
    }
  }
}
    `) as unknown as TypedDocumentString<Types.RemoveTeamMemberMutation, Types.RemoveTeamMemberMutationVariables>;
export const PoliceUnitsAdminDocument = new TypedDocumentString(`
    query PoliceUnitsAdmin {
  parks(first: 100) {
    nodes {
      id
      name
      program {
        id
        name
      }
      zones(first: 100) {
        nodes {
          id
          name
        }
      }
    }
  }
  policeUnits(first: 100) {
    nodes {
      ...PoliceUnitRow
      program {
        id
      }
    }
  }
}
    fragment PoliceUnitRow on PoliceUnit {
  id
  name
  kind
  specialism
  version
  park {
    id
  }
  zones {
    id
    name
  }
  officers(first: 1) {
    totalCount
  }
}`) as unknown as TypedDocumentString<Types.PoliceUnitsAdminQuery, Types.PoliceUnitsAdminQueryVariables>;
export const CreatePoliceUnitDocument = new TypedDocumentString(`
    mutation CreatePoliceUnit($input: CreatePoliceUnitInput!) {
  createPoliceUnit(input: $input) {
    policeUnit {
      ...PoliceUnitRow
    }
  }
}
    fragment PoliceUnitRow on PoliceUnit {
  id
  name
  kind
  specialism
  version
  park {
    id
  }
  zones {
    id
    name
  }
  officers(first: 1) {
    totalCount
  }
}`) as unknown as TypedDocumentString<Types.CreatePoliceUnitMutation, Types.CreatePoliceUnitMutationVariables>;
export const UpdatePoliceUnitDocument = new TypedDocumentString(`
    mutation UpdatePoliceUnit($input: UpdatePoliceUnitInput!) {
  updatePoliceUnit(input: $input) {
    policeUnit {
      ...PoliceUnitRow
    }
  }
}
    fragment PoliceUnitRow on PoliceUnit {
  id
  name
  kind
  specialism
  version
  park {
    id
  }
  zones {
    id
    name
  }
  officers(first: 1) {
    totalCount
  }
}`) as unknown as TypedDocumentString<Types.UpdatePoliceUnitMutation, Types.UpdatePoliceUnitMutationVariables>;
export const ArchivePoliceUnitDocument = new TypedDocumentString(`
    mutation ArchivePoliceUnit($input: ArchiveInput!) {
  archivePoliceUnit(input: $input) {
    policeUnit {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<Types.ArchivePoliceUnitMutation, Types.ArchivePoliceUnitMutationVariables>;
export const UsersAdminDocument = new TypedDocumentString(`
    query UsersAdmin($filter: UserFilter, $orderBy: UserOrder, $first: Int!, $after: String) {
  users(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      ...UserRow
    }
  }
  parks(first: 100) {
    nodes {
      id
      name
    }
  }
  programs(first: 20) {
    nodes {
      id
      name
    }
  }
}
    fragment UserRow on User {
  id
  username
  displayName
  role
  version
  disabledAt
  lastLoginAt
  twoFactorEnabled
  parks {
    id
    name
  }
  programs {
    id
    name
  }
  officer {
    id
    name
  }
}`) as unknown as TypedDocumentString<Types.UsersAdminQuery, Types.UsersAdminQueryVariables>;
export const OfficersOfParkDocument = new TypedDocumentString(`
    query OfficersOfPark($parkId: ID!) {
  officers(filter: {parkId: $parkId}, first: 100) {
    nodes {
      id
      name
      badgeNumber
    }
  }
}
    `) as unknown as TypedDocumentString<Types.OfficersOfParkQuery, Types.OfficersOfParkQueryVariables>;
export const CreateUserDocument = new TypedDocumentString(`
    mutation CreateUser($input: CreateUserInput!) {
  createUser(input: $input) {
    user {
      ...UserRow
    }
  }
}
    fragment UserRow on User {
  id
  username
  displayName
  role
  version
  disabledAt
  lastLoginAt
  twoFactorEnabled
  parks {
    id
    name
  }
  programs {
    id
    name
  }
  officer {
    id
    name
  }
}`) as unknown as TypedDocumentString<Types.CreateUserMutation, Types.CreateUserMutationVariables>;
export const DisableUserDocument = new TypedDocumentString(`
    mutation DisableUser($input: DisableUserInput!) {
  disableUser(input: $input) {
    user {
      ...UserRow
    }
  }
}
    fragment UserRow on User {
  id
  username
  displayName
  role
  version
  disabledAt
  lastLoginAt
  twoFactorEnabled
  parks {
    id
    name
  }
  programs {
    id
    name
  }
  officer {
    id
    name
  }
}`) as unknown as TypedDocumentString<Types.DisableUserMutation, Types.DisableUserMutationVariables>;
export const ResetTwoFactorDocument = new TypedDocumentString(`
    mutation ResetTwoFactor($input: ResetTwoFactorInput!) {
  resetTwoFactor(input: $input) {
    ...UserRow
  }
}
    fragment UserRow on User {
  id
  username
  displayName
  role
  version
  disabledAt
  lastLoginAt
  twoFactorEnabled
  parks {
    id
    name
  }
  programs {
    id
    name
  }
  officer {
    id
    name
  }
}`) as unknown as TypedDocumentString<Types.ResetTwoFactorMutation, Types.ResetTwoFactorMutationVariables>;
export const CommitmentsAdminDocument = new TypedDocumentString(`
    query CommitmentsAdmin($programId: ID) {
  programs(first: 20) {
    nodes {
      id
      name
    }
  }
  commitments(first: 100, filter: {programId: $programId}) {
    nodes {
      ...CommitmentRow
      program {
        id
      }
    }
  }
  metrics {
    ...MetricChoice
  }
}
    fragment IndicatorRow on Indicator {
  id
  metric
  params
  comparator
  target
  period
  version
  label {
    zhCN
    zhTW
    en
  }
}
fragment CommitmentRow on Commitment {
  id
  code
  area
  version
  title {
    zhCN
    zhTW
    en
  }
  indicators(first: 20) {
    nodes {
      ...IndicatorRow
    }
  }
}
fragment MetricChoice on MetricInfo {
  name
  kind
  perPeriod
  label {
    zhCN
    zhTW
    en
  }
  description {
    zhCN
    zhTW
    en
  }
  unitLabel {
    zhCN
    zhTW
    en
  }
  parameters {
    name
    type
    defaultValue
    min
    max
    values
    description
  }
}`) as unknown as TypedDocumentString<Types.CommitmentsAdminQuery, Types.CommitmentsAdminQueryVariables>;
export const CommitmentExportDocument = new TypedDocumentString(`
    query CommitmentExport($programId: ID, $first: Int, $after: String) {
  commitments(filter: {programId: $programId}, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      code
      title {
        zhCN
        zhTW
        en
      }
      area
      leadUnit {
        name
      }
      indicators(first: 20) {
        nodes {
          metric
          comparator
          target
          period
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<Types.CommitmentExportQuery, Types.CommitmentExportQueryVariables>;
export const CreateCommitmentDocument = new TypedDocumentString(`
    mutation CreateCommitment($input: CreateCommitmentInput!) {
  createCommitment(input: $input) {
    commitment {
      ...CommitmentRow
    }
  }
}
    fragment IndicatorRow on Indicator {
  id
  metric
  params
  comparator
  target
  period
  version
  label {
    zhCN
    zhTW
    en
  }
}
fragment CommitmentRow on Commitment {
  id
  code
  area
  version
  title {
    zhCN
    zhTW
    en
  }
  indicators(first: 20) {
    nodes {
      ...IndicatorRow
    }
  }
}`) as unknown as TypedDocumentString<Types.CreateCommitmentMutation, Types.CreateCommitmentMutationVariables>;
export const RetireCommitmentDocument = new TypedDocumentString(`
    mutation RetireCommitment($input: ArchiveInput!) {
  retireCommitment(input: $input) {
    commitment {
      id
      retiredAt
    }
  }
}
    `) as unknown as TypedDocumentString<Types.RetireCommitmentMutation, Types.RetireCommitmentMutationVariables>;
export const AddIndicatorDocument = new TypedDocumentString(`
    mutation AddIndicator($input: AddIndicatorInput!) {
  addIndicator(input: $input) {
    indicator {
      ...IndicatorRow
    }
  }
}
    fragment IndicatorRow on Indicator {
  id
  metric
  params
  comparator
  target
  period
  version
  label {
    zhCN
    zhTW
    en
  }
}`) as unknown as TypedDocumentString<Types.AddIndicatorMutation, Types.AddIndicatorMutationVariables>;
export const RemoveIndicatorDocument = new TypedDocumentString(`
    mutation RemoveIndicator($input: RemoveInput!) {
  removeIndicator(input: $input) {
    indicator {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<Types.RemoveIndicatorMutation, Types.RemoveIndicatorMutationVariables>;
export const UserExportDocument = new TypedDocumentString(`
    query UserExport($filter: UserFilter, $orderBy: UserOrder, $first: Int, $after: String) {
  users(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      ...UserRow
    }
  }
}
    fragment UserRow on User {
  id
  username
  displayName
  role
  version
  disabledAt
  lastLoginAt
  twoFactorEnabled
  parks {
    id
    name
  }
  programs {
    id
    name
  }
  officer {
    id
    name
  }
}`) as unknown as TypedDocumentString<Types.UserExportQuery, Types.UserExportQueryVariables>;
export const DisputeExportDocument = new TypedDocumentString(`
    query DisputeExport($filter: DisputeFilter, $first: Int, $after: String) {
  disputes(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      summary
      category
      status
      identifiedOn
      mediationStartedOn
      resolvedOn
      escalatedOn
      enterprises {
        name
      }
      zone {
        name
      }
      partiesCount
      amountInvolved
      escalationRisk
    }
  }
}
    `) as unknown as TypedDocumentString<Types.DisputeExportQuery, Types.DisputeExportQueryVariables>;
export const HazardExportDocument = new TypedDocumentString(`
    query HazardExport($filter: HazardFilter, $first: Int, $after: String) {
  hazards(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      description
      severity
      state
      source
      place
      foundOn
      deadline
      rectifiedOn
      enterprise {
        name
      }
      zone {
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<Types.HazardExportQuery, Types.HazardExportQueryVariables>;
export const PoliceUnitExportDocument = new TypedDocumentString(`
    query PoliceUnitExport($filter: PoliceUnitFilter, $first: Int, $after: String) {
  policeUnits(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      name
      kind
      specialism
      park {
        name
      }
      zones {
        name
      }
      officers(first: 1) {
        totalCount
      }
    }
  }
}
    `) as unknown as TypedDocumentString<Types.PoliceUnitExportQuery, Types.PoliceUnitExportQueryVariables>;
export const TeamExportDocument = new TypedDocumentString(`
    query TeamExport($filter: TeamFilter, $first: Int, $after: String) {
  teams(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      name
      type
      zone {
        name
      }
      members(filter: {current: true}, first: 100) {
        totalCount
        nodes {
          displayName
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<Types.TeamExportQuery, Types.TeamExportQueryVariables>;
export const ZoneExportDocument = new TypedDocumentString(`
    query ZoneExport($filter: ZoneFilter, $first: Int, $after: String) {
  zones(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      name
      enterprises(first: 1) {
        totalCount
      }
    }
  }
}
    `) as unknown as TypedDocumentString<Types.ZoneExportQuery, Types.ZoneExportQueryVariables>;
export const VisitRegisterDocument = new TypedDocumentString(`
    query VisitRegister($filter: VisitFilter, $first: Int, $after: String) {
  list: visits(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      id
      visitedOn
      enterprise {
        name
      }
      officer {
        name
      }
      activities
      findings
    }
  }
}
    `) as unknown as TypedDocumentString<Types.VisitRegisterQuery, Types.VisitRegisterQueryVariables>;
export const PatrolRegisterDocument = new TypedDocumentString(`
    query PatrolRegister($filter: PatrolFilter, $first: Int, $after: String) {
  list: patrols(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      id
      patrolledOn
      team {
        name
      }
      zone {
        name
      }
      kind
      personTimes
      suspiciousPersonsChecked
      suspiciousVehiclesChecked
      peopleAssisted
      hazardsFound
      notes
    }
  }
}
    `) as unknown as TypedDocumentString<Types.PatrolRegisterQuery, Types.PatrolRegisterQueryVariables>;
export const IncidentRegisterDocument = new TypedDocumentString(`
    query IncidentRegister($filter: IncidentFilter, $first: Int, $after: String) {
  list: incidents(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      id
      receivedAt
      type
      enterprise {
        name
      }
      zone {
        name
      }
      dispatchedAt
      arrivedAt
      closedAt
      responseMinutes
      quickResponse
      jointUnits {
        name
      }
      summary
      outcome
    }
  }
}
    `) as unknown as TypedDocumentString<Types.IncidentRegisterQuery, Types.IncidentRegisterQueryVariables>;
export const EngagementRegisterDocument = new TypedDocumentString(`
    query EngagementRegister($filter: EngagementFilter, $first: Int, $after: String) {
  list: engagements(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      id
      heldOn
      type
      title
      attendees
      organizer {
        name
      }
      enterprises {
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<Types.EngagementRegisterQuery, Types.EngagementRegisterQueryVariables>;
export const RecognitionRegisterDocument = new TypedDocumentString(`
    query RecognitionRegister($filter: RecognitionFilter, $first: Int, $after: String) {
  list: recognitions(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      id
      receivedOn
      kind
      enterprise {
        name
      }
      officer {
        name
      }
      unit {
        name
      }
      message
    }
  }
}
    `) as unknown as TypedDocumentString<Types.RecognitionRegisterQuery, Types.RecognitionRegisterQueryVariables>;
export const PlaceParticipantsParksDocument = new TypedDocumentString(`
    query PlaceParticipantsParks {
  parks(first: 100) {
    nodes {
      id
      name
      program {
        id
      }
    }
  }
}
    `) as unknown as TypedDocumentString<Types.PlaceParticipantsParksQuery, Types.PlaceParticipantsParksQueryVariables>;
export const PlacesAndRegisterDocument = new TypedDocumentString(`
    query PlacesAndRegister($parkId: ID!, $programId: ID!) {
  enterprises(first: 100, filter: {parkId: $parkId}) {
    nodes {
      id
      name
      kind
    }
  }
  organisations(first: 100, filter: {programId: $programId}) {
    nodes {
      id
      name
      creditCode
    }
  }
}
    `) as unknown as TypedDocumentString<Types.PlacesAndRegisterQuery, Types.PlacesAndRegisterQueryVariables>;
export const PlaceParticipantsOfPlaceDocument = new TypedDocumentString(`
    query PlaceParticipantsOfPlace($placeId: ID!) {
  placeParticipants(first: 100, filter: {enterpriseId: $placeId}) {
    nodes {
      ...ParticipantRow
    }
  }
}
    fragment ParticipantRow on PlaceParticipant {
  id
  version
  role
  joinedOn
  leftOn
  organisation {
    id
    name
    creditCode
  }
  parent {
    id
  }
}`) as unknown as TypedDocumentString<Types.PlaceParticipantsOfPlaceQuery, Types.PlaceParticipantsOfPlaceQueryVariables>;
export const AddPlaceParticipantDocument = new TypedDocumentString(`
    mutation AddPlaceParticipant($input: AddPlaceParticipantInput!) {
  addPlaceParticipant(input: $input) {
    placeParticipant {
      ...ParticipantRow
    }
  }
}
    fragment ParticipantRow on PlaceParticipant {
  id
  version
  role
  joinedOn
  leftOn
  organisation {
    id
    name
    creditCode
  }
  parent {
    id
  }
}`) as unknown as TypedDocumentString<Types.AddPlaceParticipantMutation, Types.AddPlaceParticipantMutationVariables>;
export const EndPlaceParticipantDocument = new TypedDocumentString(`
    mutation EndPlaceParticipant($input: EndPlaceParticipantInput!) {
  endPlaceParticipant(input: $input) {
    placeParticipant {
      ...ParticipantRow
    }
  }
}
    fragment ParticipantRow on PlaceParticipant {
  id
  version
  role
  joinedOn
  leftOn
  organisation {
    id
    name
    creditCode
  }
  parent {
    id
  }
}`) as unknown as TypedDocumentString<Types.EndPlaceParticipantMutation, Types.EndPlaceParticipantMutationVariables>;
export const CreateOrganisationDocument = new TypedDocumentString(`
    mutation CreateOrganisation($input: CreateOrganisationInput!) {
  createOrganisation(input: $input) {
    organisation {
      id
      name
      creditCode
    }
  }
}
    `) as unknown as TypedDocumentString<Types.CreateOrganisationMutation, Types.CreateOrganisationMutationVariables>;