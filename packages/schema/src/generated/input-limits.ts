// Emitted from the API's validation rules by `npm run schema`; do not edit by hand.

/** What the API accepts in `AddIndicatorInput`. */
export const AddIndicatorInputLimits = {
  "clientMutationId": {
    "maxLength": 100
  },
  "metric": {
    "maxLength": 64
  },
  "target": {
    "max": 10000000,
    "min": -10000000
  }
} as const;

/** What the API accepts in `AddPlaceParticipantInput`. */
export const AddPlaceParticipantInputLimits = {
  "clientMutationId": {
    "maxLength": 100
  }
} as const;

/** What the API accepts in `AddTeamMemberInput`. */
export const AddTeamMemberInputLimits = {
  "clientMutationId": {
    "maxLength": 100
  },
  "name": {
    "maxLength": 50,
    "minLength": 1
  },
  "phone": {
    "maxLength": 20
  }
} as const;

/** What the API accepts in `AssignLiaisonOfficerInput`. */
export const AssignLiaisonOfficerInputLimits = {
  "clientMutationId": {
    "maxLength": 100
  },
  "supportingBranchIds": {
    "maxItems": 20
  }
} as const;

/** What the API accepts in `AuditFilter`. */
export const AuditFilterLimits = {
  "action": {
    "maxLength": 100
  },
  "record": {
    "maxLength": 100
  }
} as const;

/** What the API accepts in `ChangePasswordInput`. */
export const ChangePasswordInputLimits = {
  "currentPassword": {
    "maxLength": 128,
    "minLength": 1
  },
  "newPassword": {
    "maxLength": 128
  }
} as const;

/** What the API accepts in `CommitmentFilter`. */
export const CommitmentFilterLimits = {
  "areas": {
    "maxItems": 4
  }
} as const;

/** What the API accepts in `ConfirmTwoFactorInput`. */
export const ConfirmTwoFactorInputLimits = {
  "code": {
    "maxLength": 6,
    "minLength": 6
  }
} as const;

/** What the API accepts in `CreateCommitmentInput`. */
export const CreateCommitmentInputLimits = {
  "clientMutationId": {
    "maxLength": 100
  },
  "sortOrder": {
    "max": 1000,
    "min": 0
  },
  "supportingUnitIds": {
    "maxItems": 30
  }
} as const;

/** What the API accepts in `CreateEmbedKeyInput`. */
export const CreateEmbedKeyInputLimits = {
  "allowedOrigins": {
    "maxItems": 20,
    "minItems": 1
  },
  "clientMutationId": {
    "maxLength": 100
  },
  "name": {
    "maxLength": 100,
    "minLength": 1
  },
  "scope": {
    "maxLength": 100
  }
} as const;

/** What the API accepts in `CreateEnterpriseInput`. */
export const CreateEnterpriseInputLimits = {
  "clientMutationId": {
    "maxLength": 100
  },
  "contactPerson": {
    "maxLength": 50
  },
  "contactPhone": {
    "maxLength": 20
  },
  "employeeCount": {
    "min": 0
  },
  "industry": {
    "maxLength": 100,
    "minLength": 1
  },
  "name": {
    "maxLength": 200,
    "minLength": 1
  }
} as const;

/** What the API accepts in `CreateOfficerInput`. */
export const CreateOfficerInputLimits = {
  "clientMutationId": {
    "maxLength": 100
  },
  "name": {
    "maxLength": 50,
    "minLength": 1
  },
  "phone": {
    "maxLength": 20
  },
  "title": {
    "maxLength": 50
  }
} as const;

/** What the API accepts in `CreateOrganisationInput`. */
export const CreateOrganisationInputLimits = {
  "clientMutationId": {
    "maxLength": 100
  },
  "name": {
    "maxLength": 200,
    "minLength": 1
  }
} as const;

/** What the API accepts in `CreateParkInput`. */
export const CreateParkInputLimits = {
  "clientMutationId": {
    "maxLength": 100
  },
  "level": {
    "maxLength": 100
  },
  "name": {
    "maxLength": 200,
    "minLength": 1
  },
  "region": {
    "maxLength": 100,
    "minLength": 1
  }
} as const;

/** What the API accepts in `CreatePoliceUnitInput`. */
export const CreatePoliceUnitInputLimits = {
  "clientMutationId": {
    "maxLength": 100
  },
  "name": {
    "maxLength": 200,
    "minLength": 1
  },
  "specialism": {
    "maxLength": 50
  },
  "zoneIds": {
    "maxItems": 100
  }
} as const;

/** What the API accepts in `CreateProgramInput`. */
export const CreateProgramInputLimits = {
  "bureau": {
    "maxLength": 200,
    "minLength": 1
  },
  "clientMutationId": {
    "maxLength": 100
  },
  "description": {
    "maxLength": 4000
  },
  "name": {
    "maxLength": 200,
    "minLength": 1
  },
  "region": {
    "maxLength": 100,
    "minLength": 1
  },
  "timeZone": {
    "maxLength": 64
  }
} as const;

/** What the API accepts in `CreateTeamInput`. */
export const CreateTeamInputLimits = {
  "clientMutationId": {
    "maxLength": 100
  },
  "name": {
    "maxLength": 100,
    "minLength": 1
  }
} as const;

/** What the API accepts in `CreateUserInput`. */
export const CreateUserInputLimits = {
  "clientMutationId": {
    "maxLength": 100
  },
  "displayName": {
    "maxLength": 100,
    "minLength": 1
  },
  "parkIds": {
    "maxItems": 50,
    "minItems": 1
  },
  "password": {
    "maxLength": 128
  },
  "programIds": {
    "maxItems": 20,
    "minItems": 1
  },
  "username": {
    "maxLength": 50,
    "minLength": 3
  }
} as const;

/** What the API accepts in `CreateZoneInput`. */
export const CreateZoneInputLimits = {
  "clientMutationId": {
    "maxLength": 100
  },
  "name": {
    "maxLength": 100,
    "minLength": 1
  }
} as const;

/** What the API accepts in `DisputeFilter`. */
export const DisputeFilterLimits = {
  "categories": {
    "maxItems": 20
  },
  "escalationRisks": {
    "maxItems": 20
  },
  "mediationModes": {
    "maxItems": 20
  },
  "statuses": {
    "maxItems": 20
  }
} as const;

/** What the API accepts in `EngagementFilter`. */
export const EngagementFilterLimits = {
  "types": {
    "maxItems": 20
  }
} as const;

/** What the API accepts in `EnterpriseFilter`. */
export const EnterpriseFilterLimits = {
  "kinds": {
    "maxItems": 10
  },
  "search": {
    "maxLength": 100
  },
  "statuses": {
    "maxItems": 10
  }
} as const;

/** What the API accepts in `EvaluateServiceRequestInput`. */
export const EvaluateServiceRequestInputLimits = {
  "clientMutationId": {
    "maxLength": 100
  },
  "id": {
    "maxLength": 100
  },
  "satisfaction": {
    "max": 5,
    "min": 1
  },
  "version": {
    "min": 1
  }
} as const;

/** What the API accepts in `FacilityFilter`. */
export const FacilityFilterLimits = {
  "kinds": {
    "maxItems": 20
  }
} as const;

/** What the API accepts in `HazardFilter`. */
export const HazardFilterLimits = {
  "severities": {
    "maxItems": 20
  },
  "states": {
    "maxItems": 20
  }
} as const;

/** What the API accepts in `ImportInput`. */
export const ImportInputLimits = {
  "clientMutationId": {
    "maxLength": 100
  },
  "header": {
    "maxItems": 60
  }
} as const;

/** What the API accepts in `IncidentFilter`. */
export const IncidentFilterLimits = {
  "types": {
    "maxItems": 20
  }
} as const;

/** What the API accepts in `LoginInput`. */
export const LoginInputLimits = {
  "otp": {
    "maxLength": 32
  },
  "password": {
    "maxLength": 128,
    "minLength": 1
  },
  "username": {
    "maxLength": 50,
    "minLength": 1
  }
} as const;

/** What the API accepts in `OfficerFilter`. */
export const OfficerFilterLimits = {
  "search": {
    "maxLength": 50
  }
} as const;

/** What the API accepts in `OrganisationFilter`. */
export const OrganisationFilterLimits = {
  "search": {
    "maxLength": 100
  }
} as const;

/** What the API accepts in `ParkFilter`. */
export const ParkFilterLimits = {
  "search": {
    "maxLength": 100
  }
} as const;

/** What the API accepts in `PatrolFilter`. */
export const PatrolFilterLimits = {
  "kinds": {
    "maxItems": 20
  }
} as const;

/** What the API accepts in `PoliceUnitFilter`. */
export const PoliceUnitFilterLimits = {
  "kinds": {
    "maxItems": 10
  },
  "search": {
    "maxLength": 100
  }
} as const;

/** What the API accepts in `ProgramFilter`. */
export const ProgramFilterLimits = {
  "search": {
    "maxLength": 100
  }
} as const;

/** What the API accepts in `ReceiveServiceRequestInput`. */
export const ReceiveServiceRequestInputLimits = {
  "clientMutationId": {
    "maxLength": 100
  },
  "description": {
    "maxLength": 2000,
    "minLength": 1
  },
  "requesterName": {
    "maxLength": 50,
    "minLength": 1
  },
  "requesterPhone": {
    "maxLength": 20
  }
} as const;

/** What the API accepts in `RecognitionFilter`. */
export const RecognitionFilterLimits = {
  "kinds": {
    "maxItems": 20
  }
} as const;

/** What the API accepts in `RecordDisputeInput`. */
export const RecordDisputeInputLimits = {
  "clientMutationId": {
    "maxLength": 100
  },
  "enterpriseIds": {
    "maxItems": 50
  },
  "organisationIds": {
    "maxItems": 50
  },
  "partiesCount": {
    "max": 100000,
    "min": 1
  },
  "summary": {
    "maxLength": 2000,
    "minLength": 1
  }
} as const;

/** What the API accepts in `RecordEngagementInput`. */
export const RecordEngagementInputLimits = {
  "attendees": {
    "max": 100000,
    "min": 0
  },
  "clientMutationId": {
    "maxLength": 100
  },
  "enterpriseIds": {
    "maxItems": 1000
  },
  "title": {
    "maxLength": 200,
    "minLength": 1
  }
} as const;

/** What the API accepts in `RecordFacilityInput`. */
export const RecordFacilityInputLimits = {
  "clientMutationId": {
    "maxLength": 100
  },
  "location": {
    "maxLength": 200
  },
  "quantity": {
    "max": 100000,
    "min": 1
  }
} as const;

/** What the API accepts in `RecordIncidentInput`. */
export const RecordIncidentInputLimits = {
  "clientMutationId": {
    "maxLength": 100
  },
  "jointUnitIds": {
    "maxItems": 20
  },
  "outcome": {
    "maxLength": 4000
  },
  "summary": {
    "maxLength": 4000
  }
} as const;

/** What the API accepts in `RecordPatrolInput`. */
export const RecordPatrolInputLimits = {
  "clientMutationId": {
    "maxLength": 100
  },
  "hazardsFound": {
    "max": 1000,
    "min": 0
  },
  "notes": {
    "maxLength": 4000
  },
  "peopleAssisted": {
    "max": 1000,
    "min": 0
  },
  "personTimes": {
    "max": 1000,
    "min": 0
  },
  "suspiciousPersonsChecked": {
    "max": 1000,
    "min": 0
  },
  "suspiciousVehiclesChecked": {
    "max": 1000,
    "min": 0
  }
} as const;

/** What the API accepts in `RecordRecognitionInput`. */
export const RecordRecognitionInputLimits = {
  "clientMutationId": {
    "maxLength": 100
  },
  "message": {
    "maxLength": 2000
  }
} as const;

/** What the API accepts in `RecordVisitInput`. */
export const RecordVisitInputLimits = {
  "activities": {
    "maxItems": 10,
    "minItems": 1
  },
  "clientMutationId": {
    "maxLength": 100
  },
  "findings": {
    "maxLength": 4000
  }
} as const;

/** What the API accepts in `RefreshTokenInput`. */
export const RefreshTokenInputLimits = {
  "refreshToken": {
    "maxLength": 200,
    "minLength": 1
  }
} as const;

/** What the API accepts in `RegisterWorkerInput`. */
export const RegisterWorkerInputLimits = {
  "clientMutationId": {
    "maxLength": 100
  }
} as const;

/** What the API accepts in `ReportHazardInput`. */
export const ReportHazardInputLimits = {
  "clientMutationId": {
    "maxLength": 100
  },
  "description": {
    "maxLength": 2000,
    "minLength": 1
  },
  "place": {
    "maxLength": 200
  }
} as const;

/** What the API accepts in `ResetTwoFactorInput`. */
export const ResetTwoFactorInputLimits = {
  "userId": {
    "maxLength": 100,
    "minLength": 1
  }
} as const;

/** What the API accepts in `ResolveDisputeInput`. */
export const ResolveDisputeInputLimits = {
  "clientMutationId": {
    "maxLength": 100
  },
  "id": {
    "maxLength": 100
  },
  "version": {
    "min": 1
  }
} as const;

/** What the API accepts in `ResolveServiceRequestInput`. */
export const ResolveServiceRequestInputLimits = {
  "clientMutationId": {
    "maxLength": 100
  },
  "id": {
    "maxLength": 100
  },
  "resolution": {
    "maxLength": 4000,
    "minLength": 1
  },
  "version": {
    "min": 1
  }
} as const;

/** What the API accepts in `ServiceRequestFilter`. */
export const ServiceRequestFilterLimits = {
  "channels": {
    "maxItems": 20
  },
  "kinds": {
    "maxItems": 20
  },
  "statuses": {
    "maxItems": 20
  }
} as const;

/** What the API accepts in `SetCalendarDayInput`. */
export const SetCalendarDayInputLimits = {
  "clientMutationId": {
    "maxLength": 100
  },
  "name": {
    "maxLength": 100
  }
} as const;

/** What the API accepts in `TeamFilter`. */
export const TeamFilterLimits = {
  "types": {
    "maxItems": 3
  }
} as const;

/** What the API accepts in `TeamMemberFilter`. */
export const TeamMemberFilterLimits = {
  "kinds": {
    "maxItems": 4
  }
} as const;

/** What the API accepts in `TranslatedTextInput`. */
export const TranslatedTextInputLimits = {
  "en": {
    "maxLength": 2000
  },
  "zhCN": {
    "maxLength": 2000,
    "minLength": 1
  },
  "zhTW": {
    "maxLength": 2000
  }
} as const;

/** What the API accepts in `UpdateCommitmentInput`. */
export const UpdateCommitmentInputLimits = {
  "clientMutationId": {
    "maxLength": 100
  },
  "id": {
    "maxLength": 100
  },
  "sortOrder": {
    "max": 1000,
    "min": 0
  },
  "supportingUnitIds": {
    "maxItems": 30
  },
  "version": {
    "min": 1
  }
} as const;

/** What the API accepts in `UpdateDisputeInput`. */
export const UpdateDisputeInputLimits = {
  "clientMutationId": {
    "maxLength": 100
  },
  "id": {
    "maxLength": 100
  },
  "partiesCount": {
    "max": 100000,
    "min": 1
  },
  "summary": {
    "maxLength": 2000,
    "minLength": 1
  },
  "version": {
    "min": 1
  }
} as const;

/** What the API accepts in `UpdateEmbedKeyInput`. */
export const UpdateEmbedKeyInputLimits = {
  "allowedOrigins": {
    "maxItems": 20,
    "minItems": 1
  },
  "clientMutationId": {
    "maxLength": 100
  },
  "id": {
    "maxLength": 100
  },
  "name": {
    "maxLength": 100,
    "minLength": 1
  },
  "version": {
    "min": 1
  }
} as const;

/** What the API accepts in `UpdateEnterpriseInput`. */
export const UpdateEnterpriseInputLimits = {
  "clientMutationId": {
    "maxLength": 100
  },
  "contactPerson": {
    "maxLength": 50
  },
  "contactPhone": {
    "maxLength": 20
  },
  "employeeCount": {
    "min": 0
  },
  "id": {
    "maxLength": 100
  },
  "industry": {
    "maxLength": 100,
    "minLength": 1
  },
  "name": {
    "maxLength": 200,
    "minLength": 1
  },
  "version": {
    "min": 1
  }
} as const;

/** What the API accepts in `UpdateIncidentInput`. */
export const UpdateIncidentInputLimits = {
  "clientMutationId": {
    "maxLength": 100
  },
  "id": {
    "maxLength": 100
  },
  "jointUnitIds": {
    "maxItems": 20
  },
  "outcome": {
    "maxLength": 4000
  },
  "summary": {
    "maxLength": 4000
  },
  "version": {
    "min": 1
  }
} as const;

/** What the API accepts in `UpdateIndicatorInput`. */
export const UpdateIndicatorInputLimits = {
  "clientMutationId": {
    "maxLength": 100
  },
  "id": {
    "maxLength": 100
  },
  "target": {
    "max": 10000000,
    "min": -10000000
  },
  "version": {
    "min": 1
  }
} as const;

/** What the API accepts in `UpdateOfficerInput`. */
export const UpdateOfficerInputLimits = {
  "clientMutationId": {
    "maxLength": 100
  },
  "id": {
    "maxLength": 100
  },
  "name": {
    "maxLength": 50,
    "minLength": 1
  },
  "phone": {
    "maxLength": 20
  },
  "title": {
    "maxLength": 50
  },
  "version": {
    "min": 1
  }
} as const;

/** What the API accepts in `UpdateOrganisationInput`. */
export const UpdateOrganisationInputLimits = {
  "clientMutationId": {
    "maxLength": 100
  },
  "id": {
    "maxLength": 100
  },
  "name": {
    "maxLength": 200,
    "minLength": 1
  },
  "version": {
    "min": 1
  }
} as const;

/** What the API accepts in `UpdateParkInput`. */
export const UpdateParkInputLimits = {
  "clientMutationId": {
    "maxLength": 100
  },
  "id": {
    "maxLength": 100
  },
  "level": {
    "maxLength": 100
  },
  "name": {
    "maxLength": 200,
    "minLength": 1
  },
  "region": {
    "maxLength": 100,
    "minLength": 1
  },
  "version": {
    "min": 1
  }
} as const;

/** What the API accepts in `UpdatePoliceUnitInput`. */
export const UpdatePoliceUnitInputLimits = {
  "clientMutationId": {
    "maxLength": 100
  },
  "id": {
    "maxLength": 100
  },
  "name": {
    "maxLength": 200,
    "minLength": 1
  },
  "specialism": {
    "maxLength": 50
  },
  "version": {
    "min": 1
  },
  "zoneIds": {
    "maxItems": 100
  }
} as const;

/** What the API accepts in `UpdateProgramInput`. */
export const UpdateProgramInputLimits = {
  "bureau": {
    "maxLength": 200,
    "minLength": 1
  },
  "clientMutationId": {
    "maxLength": 100
  },
  "description": {
    "maxLength": 4000
  },
  "id": {
    "maxLength": 100
  },
  "name": {
    "maxLength": 200,
    "minLength": 1
  },
  "region": {
    "maxLength": 100,
    "minLength": 1
  },
  "timeZone": {
    "maxLength": 64
  },
  "version": {
    "min": 1
  }
} as const;

/** What the API accepts in `UpdateTeamInput`. */
export const UpdateTeamInputLimits = {
  "clientMutationId": {
    "maxLength": 100
  },
  "id": {
    "maxLength": 100
  },
  "name": {
    "maxLength": 100,
    "minLength": 1
  },
  "version": {
    "min": 1
  }
} as const;

/** What the API accepts in `UpdateVisitInput`. */
export const UpdateVisitInputLimits = {
  "activities": {
    "maxItems": 10,
    "minItems": 1
  },
  "clientMutationId": {
    "maxLength": 100
  },
  "findings": {
    "maxLength": 4000
  },
  "id": {
    "maxLength": 100
  },
  "version": {
    "min": 1
  }
} as const;

/** What the API accepts in `UpdateZoneInput`. */
export const UpdateZoneInputLimits = {
  "clientMutationId": {
    "maxLength": 100
  },
  "id": {
    "maxLength": 100
  },
  "name": {
    "maxLength": 100,
    "minLength": 1
  },
  "version": {
    "min": 1
  }
} as const;

/** What the API accepts in `UserFilter`. */
export const UserFilterLimits = {
  "search": {
    "maxLength": 50
  }
} as const;

/** What the API accepts in `ZoneFilter`. */
export const ZoneFilterLimits = {
  "search": {
    "maxLength": 100
  }
} as const;
