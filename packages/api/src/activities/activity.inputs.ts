import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { ArrayMaxSize, IsOptional, ValidateNested } from 'class-validator';
import { DateRangeInput, TimeRangeInput } from '../shared/graphql/inputs';
import { PatrolKind } from './patrols/patrol.entity';
import { HazardSeverity } from './hazards/hazard.entity';
import { DisputeCategory, DisputeStatus, EscalationRisk } from './disputes/dispute.entity';
import { IncidentType } from './incidents/incident.entity';
import { ServiceChannel, ServiceRequestKind, ServiceRequestStatus } from './service-requests/service-request.entity';
import { EngagementType } from './engagements/engagement.entity';
import { RecognitionKind } from './recognitions/recognition.entity';

export enum HazardState {
  /** Not rectified, deadline not passed. */
  OPEN = 'OPEN',
  /** Not rectified, deadline passed. */
  OVERDUE = 'OVERDUE',
  RECTIFIED = 'RECTIFIED',
}
registerEnumType(HazardState, {
  name: 'HazardState',
  description: 'Where a hazard stands, in the Asia/Shanghai calendar.',
  valuesConfig: {
    OPEN: { description: 'Not yet rectified, within its deadline (整改中).' },
    OVERDUE: { description: 'Not rectified and past its deadline (逾期未整改).' },
    RECTIFIED: { description: 'Rectified (已整改).' },
  },
});

@InputType({ description: 'Which visits to list.' })
export class VisitFilter {
  @Field(() => ID, { nullable: true, description: 'Only visits to enterprises of this park.' })
  @IsOptional()
  parkId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only visits to this enterprise.' })
  @IsOptional()
  enterpriseId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only visits by this officer.' })
  @IsOptional()
  officerId?: string | null;

  @Field(() => DateRangeInput, { nullable: true, description: 'Only visits on these days.' })
  @IsOptional()
  @ValidateNested()
  on?: DateRangeInput | null;
}

@InputType({ description: 'Which patrols to list.' })
export class PatrolFilter {
  @Field(() => ID, { nullable: true, description: 'Only patrols of teams of this park.' })
  @IsOptional()
  parkId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only patrols of this team.' })
  @IsOptional()
  teamId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only patrols of this zone.' })
  @IsOptional()
  zoneId?: string | null;

  @Field(() => [PatrolKind], { nullable: true, description: 'Only patrols of these kinds.' })
  @IsOptional()
  @ArrayMaxSize(20)
  kinds?: PatrolKind[] | null;

  @Field(() => DateRangeInput, { nullable: true, description: 'Only patrols on these days.' })
  @IsOptional()
  @ValidateNested()
  on?: DateRangeInput | null;
}

@InputType({ description: 'Which hazards to list.' })
export class HazardFilter {
  @Field(() => ID, { nullable: true, description: 'Only hazards in this park.' })
  @IsOptional()
  parkId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only hazards in this zone.' })
  @IsOptional()
  zoneId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only hazards at this enterprise.' })
  @IsOptional()
  enterpriseId?: string | null;

  @Field(() => [HazardState], { nullable: true, description: 'Only hazards in these states.' })
  @IsOptional()
  @ArrayMaxSize(20)
  states?: HazardState[] | null;

  @Field(() => [HazardSeverity], { nullable: true, description: 'Only hazards of these severities.' })
  @IsOptional()
  @ArrayMaxSize(20)
  severities?: HazardSeverity[] | null;

  @Field(() => DateRangeInput, { nullable: true, description: 'Only hazards found on these days.' })
  @IsOptional()
  @ValidateNested()
  foundOn?: DateRangeInput | null;
}

@InputType({ description: 'Which disputes to list.' })
export class DisputeFilter {
  @Field(() => ID, { nullable: true, description: 'Only disputes in this park.' })
  @IsOptional()
  parkId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only disputes in this zone.' })
  @IsOptional()
  zoneId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only disputes involving this enterprise.' })
  @IsOptional()
  enterpriseId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only disputes handled by this team.' })
  @IsOptional()
  teamId?: string | null;

  @Field(() => [DisputeStatus], { nullable: true, description: 'Only disputes in these statuses.' })
  @IsOptional()
  @ArrayMaxSize(20)
  statuses?: DisputeStatus[] | null;

  @Field(() => [DisputeCategory], { nullable: true, description: 'Only disputes of these categories.' })
  @IsOptional()
  @ArrayMaxSize(20)
  categories?: DisputeCategory[] | null;

  @Field(() => [EscalationRisk], { nullable: true, description: 'Only disputes with these escalation risks.' })
  @IsOptional()
  @ArrayMaxSize(20)
  escalationRisks?: EscalationRisk[] | null;

  @Field(() => DateRangeInput, { nullable: true, description: 'Only disputes found on these days.' })
  @IsOptional()
  @ValidateNested()
  identifiedOn?: DateRangeInput | null;
}

@InputType({ description: 'Which incidents to list.' })
export class IncidentFilter {
  @Field(() => ID, { nullable: true, description: 'Only incidents in this park.' })
  @IsOptional()
  parkId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only incidents in this zone.' })
  @IsOptional()
  zoneId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only incidents at this enterprise.' })
  @IsOptional()
  enterpriseId?: string | null;

  @Field(() => [IncidentType], { nullable: true, description: 'Only incidents of these types.' })
  @IsOptional()
  @ArrayMaxSize(20)
  types?: IncidentType[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Only open (true) or only closed (false) incidents.' })
  @IsOptional()
  open?: boolean | null;

  @Field(() => TimeRangeInput, { nullable: true, description: 'Only incidents received in this span.' })
  @IsOptional()
  @ValidateNested()
  receivedAt?: TimeRangeInput | null;
}

@InputType({ description: 'Which serviceRequests to list.' })
export class ServiceRequestFilter {
  @Field(() => ID, { nullable: true, description: 'Only requests in this park.' })
  @IsOptional()
  parkId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only requests of this enterprise.' })
  @IsOptional()
  enterpriseId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only requests assigned to this unit.' })
  @IsOptional()
  unitId?: string | null;

  @Field(() => [ServiceRequestStatus], { nullable: true, description: 'Only requests in these statuses.' })
  @IsOptional()
  @ArrayMaxSize(20)
  statuses?: ServiceRequestStatus[] | null;

  @Field(() => [ServiceRequestKind], { nullable: true, description: 'Only requests of these kinds.' })
  @IsOptional()
  @ArrayMaxSize(20)
  kinds?: ServiceRequestKind[] | null;

  @Field(() => [ServiceChannel], { nullable: true, description: 'Only requests served through these channels.' })
  @IsOptional()
  @ArrayMaxSize(20)
  channels?: ServiceChannel[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Only unresolved requests past (true) or still within (false) their time limit.' })
  @IsOptional()
  overdue?: boolean | null;

  @Field(() => TimeRangeInput, { nullable: true, description: 'Only requests received in this span.' })
  @IsOptional()
  @ValidateNested()
  receivedAt?: TimeRangeInput | null;
}

@InputType({ description: 'Which engagements to list.' })
export class EngagementFilter {
  @Field(() => ID, { nullable: true, description: 'Only engagements in this park.' })
  @IsOptional()
  parkId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only engagements this enterprise took part in.' })
  @IsOptional()
  enterpriseId?: string | null;

  @Field(() => [EngagementType], { nullable: true, description: 'Only engagements of these types.' })
  @IsOptional()
  @ArrayMaxSize(20)
  types?: EngagementType[] | null;

  @Field(() => DateRangeInput, { nullable: true, description: 'Only engagements held on these days.' })
  @IsOptional()
  @ValidateNested()
  heldOn?: DateRangeInput | null;
}

@InputType({ description: 'Which recognitions to list.' })
export class RecognitionFilter {
  @Field(() => ID, { nullable: true, description: 'Only recognitions from enterprises of this park.' })
  @IsOptional()
  parkId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only recognitions from this enterprise.' })
  @IsOptional()
  enterpriseId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only recognitions naming this officer.' })
  @IsOptional()
  officerId?: string | null;

  @Field(() => [RecognitionKind], { nullable: true, description: 'Only recognitions of these kinds.' })
  @IsOptional()
  @ArrayMaxSize(20)
  kinds?: RecognitionKind[] | null;

  @Field(() => DateRangeInput, { nullable: true, description: 'Only recognitions received on these days.' })
  @IsOptional()
  @ValidateNested()
  receivedOn?: DateRangeInput | null;
}
