import type {
  AssignLiaisonOfficerMutation,
  DisputeCardFragment,
  RecordEngagementMutation,
  RecordIncidentMutation,
  RecordPatrolMutation,
  RecordRecognitionMutation,
  RecordVisitMutation,
  RectifyHazardMutation,
  ReportHazardMutation,
  ServiceRequestRowFragment,
  SessionUserFragment,
} from '@huhang/schema';

/** A Huhang event: bubbles out of the shadow root, carries what changed in `detail`. */
export class HuhangEvent<T> extends Event {
  constructor(
    type: keyof HuhangEventMap,
    readonly detail: T,
  ) {
    super(type, { bubbles: true, composed: true });
  }
}

type Saved<M, K extends keyof M> = NonNullable<M[K]>;

/** Every event the widgets fire, by name, with what it carries. */
export interface HuhangEventMap {
  'huhang-signed-in': HuhangEvent<SessionUserFragment>;
  'huhang-signed-out': HuhangEvent<null>;
  'huhang-two-factor-enabled': HuhangEvent<null>;
  'huhang-visit-saved': HuhangEvent<Saved<RecordVisitMutation['recordVisit'], 'visit'>>;
  'huhang-patrol-saved': HuhangEvent<Saved<RecordPatrolMutation['recordPatrol'], 'patrol'>>;
  'huhang-hazard-saved': HuhangEvent<Saved<ReportHazardMutation['reportHazard'], 'hazard'>>;
  'huhang-hazard-rectified': HuhangEvent<Saved<RectifyHazardMutation['rectifyHazard'], 'hazard'>>;
  'huhang-liaison-assigned': HuhangEvent<Saved<AssignLiaisonOfficerMutation['assignLiaisonOfficer'], 'liaisonAssignment'>>;
  'huhang-dispute-moved': HuhangEvent<DisputeCardFragment>;
  'huhang-dispute-recorded': HuhangEvent<DisputeCardFragment>;
  'huhang-service-request-changed': HuhangEvent<ServiceRequestRowFragment>;
  'huhang-service-request-received': HuhangEvent<ServiceRequestRowFragment>;
  'huhang-engagement-recorded': HuhangEvent<Saved<RecordEngagementMutation['recordEngagement'], 'engagement'>>;
  'huhang-incident-recorded': HuhangEvent<Saved<RecordIncidentMutation['recordIncident'], 'incident'>>;
  'huhang-recognition-recorded': HuhangEvent<Saved<RecordRecognitionMutation['recordRecognition'], 'recognition'>>;
  /** A team was created or disbanded, or its members changed: the team's id. */
  'huhang-team-changed': HuhangEvent<string>;
  /** A police unit was added, renamed, archived or given other zones: the unit's id. */
  'huhang-police-unit-changed': HuhangEvent<string>;
  /** A user was created, disabled or had its second factor reset: the user's id. */
  'huhang-user-changed': HuhangEvent<string>;
  /** A commitment was published or retired, or its indicators changed: the commitment's id. */
  'huhang-commitment-changed': HuhangEvent<string>;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalEventHandlersEventMap extends HuhangEventMap {}
}
