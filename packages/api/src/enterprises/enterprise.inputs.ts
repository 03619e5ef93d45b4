import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { ArrayMaxSize, IsInt, IsOptional, Matches, MaxLength, Min, MinLength } from 'class-validator';
import { ChangeInput, CreateInput } from '../shared/graphql/inputs';
import { LocalDate } from '../shared/graphql/scalars';
import { CREDIT_CODE_SHAPE, CREDIT_CODE_SHAPE_MESSAGE } from '../shared/validation/credit-code';
import { OrderDirection } from '../shared/pagination/order';
import { EnterpriseStatus, PlaceKind } from './enterprise.entity';

@InputType({ description: 'Which enterprises to list.' })
export class EnterpriseFilter {
  @Field(() => ID, { nullable: true, description: 'Only enterprises of this park.' })
  @IsOptional()
  parkId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only enterprises of this zone.' })
  @IsOptional()
  zoneId?: string | null;

  @Field(() => [PlaceKind], { nullable: true, description: 'Only places of these kinds.' })
  @IsOptional()
  @ArrayMaxSize(10)
  kinds?: PlaceKind[] | null;

  @Field(() => [EnterpriseStatus], { nullable: true, description: 'Only enterprises in these statuses.' })
  @IsOptional()
  @ArrayMaxSize(10)
  statuses?: EnterpriseStatus[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Only hazardous-chemicals enterprises (true) or only the others (false).' })
  @IsOptional()
  hazardousChemicals?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Only key enterprises (true) or only the others (false).' })
  @IsOptional()
  keyEnterprise?: boolean | null;

  @Field(() => ID, { nullable: true, description: 'Only enterprises whose current liaison officer is this officer.' })
  @IsOptional()
  liaisonOfficerId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only enterprises with (true) or without (false) a current liaison officer.' })
  @IsOptional()
  hasLiaisonOfficer?: boolean | null;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'Only enterprises with no visit on or after this day, e.g. the first of the month.',
  })
  @IsOptional()
  notVisitedSince?: string | null;

  @Field(() => String, { nullable: true, description: 'Part of the name or of the unified social credit code.' })
  @IsOptional()
  @MaxLength(100)
  search?: string | null;

  @Field({ defaultValue: false, description: 'Include archived enterprises.' })
  includeArchived!: boolean;
}

export enum EnterpriseOrderField {
  NAME = 'NAME',
  JOINED_ON = 'JOINED_ON',
  EMPLOYEE_COUNT = 'EMPLOYEE_COUNT',
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(EnterpriseOrderField, {
  name: 'EnterpriseOrderField',
  description: 'What enterprises can be ordered by.',
  valuesConfig: {
    NAME: { description: 'Registered name.' },
    JOINED_ON: { description: 'Day they joined the program.' },
    EMPLOYEE_COUNT: { description: 'Number of employees.' },
    CREATED_AT: { description: 'When the record was created.' },
  },
});

@InputType({ description: 'Order of an enterprise list; ties are broken by id.' })
export class EnterpriseOrder {
  @Field(() => EnterpriseOrderField, { description: 'What to order by.' })
  field!: EnterpriseOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: 'Direction.' })
  direction!: OrderDirection;
}

@InputType({ description: 'A new enterprise in a zone of a park.' })
export class CreateEnterpriseInput extends CreateInput {
  @Field(() => ID, { description: 'The zone it is in; its park follows from the zone.' })
  zoneId!: string;

  @Field({ description: 'Registered name.' })
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @Field(() => PlaceKind, { defaultValue: PlaceKind.ENTERPRISE, description: 'What kind of place it is.' })
  kind!: PlaceKind;

  @Field({ description: 'Unified social credit code: 18 characters with a valid GB 32100-2015 check character.' })
  @Matches(CREDIT_CODE_SHAPE, { message: CREDIT_CODE_SHAPE_MESSAGE })
  creditCode!: string;

  @Field({ description: 'Industry, e.g. 磷化工.' })
  @MinLength(1)
  @MaxLength(100)
  industry!: string;

  @Field(() => Int, { defaultValue: 0, description: 'Number of employees.' })
  @IsInt()
  @Min(0)
  employeeCount!: number;

  @Field({ defaultValue: false, description: 'Produces, stores or uses hazardous chemicals.' })
  hazardousChemicals!: boolean;

  @Field({ defaultValue: false, description: 'Key enterprise under closer protection.' })
  keyEnterprise!: boolean;

  @Field(() => EnterpriseStatus, { defaultValue: EnterpriseStatus.OPERATING, description: 'Operating status.' })
  status!: EnterpriseStatus;

  @Field(() => String, { nullable: true, description: 'Contact person (personal data).' })
  @IsOptional()
  @MaxLength(50)
  contactPerson?: string | null;

  @Field(() => String, { nullable: true, description: 'Contact phone, mobile or landline (personal data).' })
  @IsOptional()
  @MaxLength(20)
  contactPhone?: string | null;

  @Field(() => LocalDate, { description: 'Day it joined the program.' })
  joinedOn!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Day it joined its police–enterprise liaison group.' })
  @IsOptional()
  liaisonGroupJoinedOn?: string | null;
}

@InputType({ description: 'Changes to an enterprise; fields left out stay as they are.' })
export class UpdateEnterpriseInput extends ChangeInput {
  @Field(() => ID, { nullable: true, description: 'Move to this zone (and its park).' })
  @IsOptional()
  zoneId?: string;

  @Field(() => String, { nullable: true, description: 'New name.' })
  @IsOptional()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @Field(() => PlaceKind, { nullable: true, description: 'Corrected kind of place.' })
  @IsOptional()
  kind?: PlaceKind;

  @Field(() => String, { nullable: true, description: 'Corrected credit code.' })
  @IsOptional()
  @Matches(CREDIT_CODE_SHAPE, { message: CREDIT_CODE_SHAPE_MESSAGE })
  creditCode?: string;

  @Field(() => String, { nullable: true, description: 'New industry.' })
  @IsOptional()
  @MinLength(1)
  @MaxLength(100)
  industry?: string;

  @Field(() => Int, { nullable: true, description: 'New number of employees.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  employeeCount?: number;

  @Field(() => Boolean, { nullable: true, description: 'Hazardous-chemicals flag.' })
  @IsOptional()
  hazardousChemicals?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Key-enterprise flag.' })
  @IsOptional()
  keyEnterprise?: boolean;

  @Field(() => EnterpriseStatus, { nullable: true, description: 'New operating status.' })
  @IsOptional()
  status?: EnterpriseStatus;

  @Field(() => String, { nullable: true, description: 'Contact person (personal data); empty string clears it.' })
  @IsOptional()
  @MaxLength(50)
  contactPerson?: string;

  @Field(() => String, { nullable: true, description: 'Contact phone (personal data); empty string clears it.' })
  @IsOptional()
  @MaxLength(20)
  contactPhone?: string;

  @Field(() => LocalDate, { nullable: true, description: 'Day it joined its police–enterprise liaison group.' })
  @IsOptional()
  liaisonGroupJoinedOn?: string;
}
