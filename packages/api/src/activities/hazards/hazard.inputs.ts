import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { ArrayMaxSize, IsOptional, ValidateNested, MaxLength, MinLength } from 'class-validator';
import { DateRangeInput, ChangeInput, CreateInput } from '../../shared/graphql/inputs';
import { HazardSeverity, HazardSource } from './hazard.entity';
import { LocalDate } from '../../shared/graphql/scalars';

@InputType({ description: 'A hazard found in an enterprise or a place of a park.' })
export class ReportHazardInput extends CreateInput {
  @Field(() => ID, { nullable: true, description: 'The enterprise it is in; its park and zone follow.' })
  @IsOptional()
  enterpriseId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The organisation answerable for putting it right (a site’s subcontractor), on the register of the park’s program.',
  })
  @IsOptional()
  organisationId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The park, for a hazard outside any enterprise.' })
  @IsOptional()
  parkId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The zone, for a hazard outside any enterprise.' })
  @IsOptional()
  zoneId?: string | null;

  @Field({ defaultValue: '', description: 'Where it is, when not inside an enterprise (e.g. a road).' })
  @MaxLength(200)
  place!: string;

  @Field(() => HazardSource, { description: 'How it was found.' })
  source!: HazardSource;

  @Field(() => ID, { nullable: true, description: 'The patrol that found it (source PATROL).' })
  @IsOptional()
  patrolId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The visit that found it (source VISIT).' })
  @IsOptional()
  visitId?: string | null;

  @Field(() => HazardSeverity, { defaultValue: HazardSeverity.GENERAL, description: 'General or major.' })
  severity!: HazardSeverity;

  @Field({ description: 'What the hazard is.' })
  @MinLength(1)
  @MaxLength(2000)
  description!: string;

  @Field(() => LocalDate, { description: 'Day it was found; not in the future.' })
  foundOn!: string;

  @Field(() => LocalDate, { description: 'Day by which it must be rectified; not before it was found.' })
  deadline!: string;

  @Field({ defaultValue: false, description: 'Ordered and rectified on the spot: rectified the day it was found.' })
  rectifiedOnSite!: boolean;
}

@InputType({ description: 'Record that a hazard was rectified; a hazard is rectified once.' })
export class RectifyHazardInput extends ChangeInput {
  @Field(() => LocalDate, { description: 'Day it was rectified; not before it was found, not in the future.' })
  rectifiedOn!: string;
}

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

@InputType({ description: 'Which hazards to list.' })
export class HazardFilter {
  @Field(() => ID, { nullable: true, description: 'Only hazards in this park.' })
  @IsOptional()
  parkId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only hazards in this zone.' })
  @IsOptional()
  zoneId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only hazards this organisation is answerable for.' })
  @IsOptional()
  organisationId?: string | null;

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
