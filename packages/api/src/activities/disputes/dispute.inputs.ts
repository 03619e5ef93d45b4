import { Field, ID, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, IsOptional, ValidateNested, ArrayUnique, IsInt, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { DateRangeInput, ChangeInput, CreateInput } from '../../shared/graphql/inputs';
import { DisputeCategory, DisputeStatus, EscalationRisk, MediationMode, RiskOutcome } from './dispute.entity';
import { LocalDate } from '../../shared/graphql/scalars';

const AMOUNT = /^(0|[1-9][0-9]{0,11})(\.[0-9]{1,2})?$/;

@InputType({ description: 'A dispute found by the mediation team.' })
export class RecordDisputeInput extends CreateInput {
  @Field(() => ID, { description: 'The park.' })
  parkId!: string;

  @Field(() => ID, { nullable: true, description: 'The zone, if it is local to one.' })
  @IsOptional()
  zoneId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The mediation team handling it.' })
  @IsOptional()
  teamId?: string | null;

  @Field(() => [ID], { defaultValue: [], description: 'Enterprises involved; they must be in the park.' })
  @ArrayMaxSize(50)
  @ArrayUnique()
  enterpriseIds!: string[];

  @Field(() => [ID], {
    defaultValue: [],
    description: 'Organisations involved (a subcontractor owing wages, a work team); on the register of the park’s program.',
  })
  @ArrayMaxSize(50)
  @ArrayUnique()
  organisationIds!: string[];

  @Field(() => DisputeCategory, { description: 'Kind of dispute.' })
  category!: DisputeCategory;

  @Field({ description: 'What it is about.' })
  @MinLength(1)
  @MaxLength(2000)
  summary!: string;

  @Field(() => Int, { defaultValue: 2, description: 'Number of parties, 1–100000.' })
  @IsInt()
  @Min(1)
  @Max(100000)
  partiesCount!: number;

  @Field(() => String, { nullable: true, description: 'Money at stake in yuan, e.g. "125000.50".' })
  @IsOptional()
  @Matches(AMOUNT, { message: 'amountInvolved must be a non-negative amount in yuan with at most 2 decimals' })
  amountInvolved?: string | null;

  @Field(() => String, { nullable: true, description: 'Money recovered for a party in yuan, e.g. wages paid after mediation.' })
  @IsOptional()
  @Matches(AMOUNT, { message: 'amountRecovered must be a non-negative amount in yuan with at most 2 decimals' })
  amountRecovered?: string | null;

  @Field(() => MediationMode, { nullable: true, description: 'How it is (or was) mediated.' })
  @IsOptional()
  mediationMode?: MediationMode | null;

  @Field(() => EscalationRisk, { defaultValue: EscalationRisk.NONE, description: 'Risk that it turns criminal or deadly.' })
  escalationRisk!: EscalationRisk;

  @Field(() => LocalDate, { description: 'Day it was found; not in the future.' })
  identifiedOn!: string;
}

@InputType({ description: 'Corrections to a dispute’s facts; its status changes through the transition mutations.' })
export class UpdateDisputeInput extends ChangeInput {
  @Field(() => DisputeCategory, { nullable: true, description: 'Kind of dispute.' })
  @IsOptional()
  category?: DisputeCategory;

  @Field(() => String, { nullable: true, description: 'What it is about.' })
  @IsOptional()
  @MinLength(1)
  @MaxLength(2000)
  summary?: string;

  @Field(() => Int, { nullable: true, description: 'Number of parties.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100000)
  partiesCount?: number;

  @Field(() => String, { nullable: true, description: 'Money at stake in yuan.' })
  @IsOptional()
  @Matches(AMOUNT, { message: 'amountInvolved must be a non-negative amount in yuan with at most 2 decimals' })
  amountInvolved?: string;

  @Field(() => String, { nullable: true, description: 'Money recovered for a party in yuan, e.g. wages paid after mediation.' })
  @IsOptional()
  @Matches(AMOUNT, { message: 'amountRecovered must be a non-negative amount in yuan with at most 2 decimals' })
  amountRecovered?: string;

  @Field(() => MediationMode, { nullable: true, description: 'How it is (or was) mediated.' })
  @IsOptional()
  mediationMode?: MediationMode;

  @Field(() => EscalationRisk, { nullable: true, description: 'Escalation risk as now assessed.' })
  @IsOptional()
  escalationRisk?: EscalationRisk;

  @Field(() => RiskOutcome, { nullable: true, description: 'What became of the risk, e.g. UNDER_CONTROL while mediation goes on.' })
  @IsOptional()
  riskOutcome?: RiskOutcome;

  @Field(() => ID, { nullable: true, description: 'The mediation team handling it.' })
  @IsOptional()
  teamId?: string;
}

@InputType({ description: 'A step of a dispute on a day: mediation starts, it is escalated, or it is reopened.' })
export class DisputeStepInput extends ChangeInput {
  @Field(() => LocalDate, { description: 'Day of the step; not before it was found, not in the future.' })
  on!: string;
}

@InputType({ description: 'A dispute is resolved (化解).' })
export class ResolveDisputeInput extends DisputeStepInput {
  @Field(() => RiskOutcome, {
    nullable: true,
    description: 'For a dispute with an escalation risk: what became of it (DEFUSED by default).',
  })
  @IsOptional()
  riskOutcome?: RiskOutcome | null;
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

  @Field(() => ID, { nullable: true, description: 'Only disputes involving this organisation.' })
  @IsOptional()
  organisationId?: string | null;

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

  @Field(() => [MediationMode], { nullable: true, description: 'Only disputes mediated in these ways.' })
  @IsOptional()
  @ArrayMaxSize(20)
  mediationModes?: MediationMode[] | null;

  @Field(() => [EscalationRisk], { nullable: true, description: 'Only disputes with these escalation risks.' })
  @IsOptional()
  @ArrayMaxSize(20)
  escalationRisks?: EscalationRisk[] | null;

  @Field(() => DateRangeInput, { nullable: true, description: 'Only disputes found on these days.' })
  @IsOptional()
  @ValidateNested()
  identifiedOn?: DateRangeInput | null;
}
