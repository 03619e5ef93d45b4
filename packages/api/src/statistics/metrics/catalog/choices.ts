/*
 * The values a metric's parameters may narrow a count to. They are the domain's enums, spelled here so
 * that the catalog depends on no entity; catalog-choices.test.ts keeps the two the same.
 */

/** ServiceRequestKind */
export const REQUEST_KINDS = [
  'VEHICLE_ACCESS',
  'HOUSEHOLD_REGISTRATION',
  'RESIDENCE_PERMIT',
  'ID_CARD',
  'VEHICLE_ADMINISTRATION',
  'LEGAL_AID',
  'EXIT_ENTRY',
  'SECURITY',
  'OTHER',
] as const;
/** ServiceChannel */
export const REQUEST_CHANNELS = ['ONLINE', 'NEARBY', 'CROSS_PROVINCE', 'ENTRUSTED', 'DOORSTEP', 'APPOINTMENT'] as const;
/** RequesterKind */
export const REQUESTER_KINDS = ['ENTERPRISE', 'PERSON', 'CHANNEL'] as const;
/** RequestSource */
export const REQUEST_SOURCES = ['VISIT', 'PHONE', 'WECHAT_GROUP', 'MEETING', 'WALK_IN', 'HOTLINE_12345', 'APP', 'MINI_PROGRAM'] as const;
/** DisputeCategory */
export const DISPUTE_CATEGORIES = [
  'WAGES',
  'CONTRACT',
  'NEIGHBOUR',
  'WORK_INJURY',
  'LAND',
  'LAND_TITLE',
  'FAMILY',
  'BUSINESS',
  'OTHER',
] as const;
/** MediationMode */
export const MEDIATION_MODES = ['CATEGORIZED', 'CONCENTRATED', 'DOORSTEP', 'ROVING', 'COUNSELLING'] as const;
/** TeamMemberKind */
export const STAFF_POSTS = [
  'OFFICER',
  'AUXILIARY_POLICE',
  'POLICE_ASSISTANT',
  'FIRE_AUXILIARY',
  'GRID_WORKER',
  'ENTERPRISE_GUARD',
  'COMMUNITY_MEMBER',
] as const;
/** IncidentType */
export const INCIDENT_TYPES = ['THEFT', 'FRAUD', 'FIGHT', 'TRAFFIC', 'FIRE_OR_CHEMICAL', 'LABOUR', 'DAMAGE', 'DRUGS', 'OTHER'] as const;
/** FacilityKind */
export const FACILITY_KINDS = [
  'CAMERA',
  'ALARM_BUTTON',
  'PERIMETER_ALARM',
  'ACCESS_CONTROL',
  'POLICE_OFFICE',
  'SENTRY_POST',
  'MEDIATION_ROOM',
  'OTHER',
] as const;
