import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { OrderDirection } from '../../shared/pagination/order';
import { ArrayMaxSize, IsOptional, ValidateNested, IsInt, Max, MaxLength, Min, MinLength } from 'class-validator';
import { TimeRangeInput, ChangeInput, CreateInput } from '../../shared/graphql/inputs';
import { RequesterKind, ServiceChannel, ServiceRequestKind, ServiceRequestStatus, RequestSource } from './service-request.entity';

@InputType({ description: 'A request of an enterprise or a person, received into the closed loop.' })
export class ReceiveServiceRequestInput extends CreateInput {
  @Field(() => RequesterKind, {
    defaultValue: RequesterKind.ENTERPRISE,
    description: 'Who asks: an enterprise (the default), a person or only a channel.',
  })
  requesterKind!: RequesterKind;

  @Field(() => ID, {
    nullable: true,
    description:
      'The enterprise asking; required when requesterKind is ENTERPRISE. For a person it may name the enterprise the request concerns.',
  })
  @IsOptional()
  enterpriseId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The organisation asking or concerned at the place (a site’s general contractor), on the register of the park’s program.',
  })
  @IsOptional()
  organisationId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'The park (place served) the request belongs to; required without an enterprise, and must be the enterprise’s park with one.',
  })
  @IsOptional()
  parkId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Name of the person asking, only when the request needs it; personal data, for PERSON only.',
  })
  @IsOptional()
  @MinLength(1)
  @MaxLength(50)
  requesterName?: string | null;

  @Field(() => String, { nullable: true, description: 'Phone of the person asking; personal data, for PERSON only.' })
  @IsOptional()
  @MaxLength(20)
  requesterPhone?: string | null;

  @Field(() => ServiceRequestKind, { description: 'What is asked for.' })
  kind!: ServiceRequestKind;

  @Field(() => ServiceChannel, { description: 'How it will be served.' })
  channel!: ServiceChannel;

  @Field(() => RequestSource, { description: 'Where the request came from.' })
  source!: RequestSource;

  @Field({ description: 'The request.' })
  @MinLength(1)
  @MaxLength(2000)
  description!: string;

  @Field({ defaultValue: false, description: 'Complex: 7 working days instead of 3.' })
  complex!: boolean;

  @Field({ description: 'When it was received.' })
  receivedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'Time limit; by default 3 working days after receipt, 7 for a complex request.' })
  @IsOptional()
  dueAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Booked appointment; required for the APPOINTMENT channel.' })
  @IsOptional()
  appointmentAt?: Date | null;
}

@InputType({ description: 'A step of a service request at a time.' })
export class ServiceRequestStepInput extends ChangeInput {
  @Field({ description: 'When the step happened; not in the future.' })
  at!: Date;
}

@InputType({ description: 'Assign (or reassign) a request to a police unit.' })
export class AssignServiceRequestInput extends ServiceRequestStepInput {
  @Field(() => ID, { description: 'The unit that handles it.' })
  unitId!: string;
}

@InputType({ description: 'A request is resolved (办结).' })
export class ResolveServiceRequestInput extends ServiceRequestStepInput {
  @Field({ description: 'How it was resolved.' })
  @MinLength(1)
  @MaxLength(4000)
  resolution!: string;

  @Field(() => Date, { nullable: true, description: 'When an appointment was actually served.' })
  @IsOptional()
  servedAt?: Date | null;
}

@InputType({ description: 'The requester evaluates a resolved request.' })
export class EvaluateServiceRequestInput extends ServiceRequestStepInput {
  @Field(() => Int, { description: 'Satisfaction, 1 (very dissatisfied) to 5 (very satisfied).' })
  @IsInt()
  @Min(1)
  @Max(5)
  satisfaction!: number;
}

@InputType({ description: 'Which serviceRequests to list.' })
export class ServiceRequestFilter {
  @Field(() => ID, { nullable: true, description: 'Only requests in this park.' })
  @IsOptional()
  parkId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only requests of or concerning this organisation.' })
  @IsOptional()
  organisationId?: string | null;

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

export enum ServiceRequestOrderField {
  RECEIVED_AT = 'RECEIVED_AT',
  DUE_AT = 'DUE_AT',
}
registerEnumType(ServiceRequestOrderField, {
  name: 'ServiceRequestOrderField',
  description: 'What service requests can be ordered by.',
  valuesConfig: {
    RECEIVED_AT: { description: 'When the request was received.' },
    DUE_AT: { description: 'When it is due: its time limit (办结时限).' },
  },
});

@InputType({ description: 'Order of a service request list; ties are broken by id. Latest received first by default.' })
export class ServiceRequestOrder {
  @Field(() => ServiceRequestOrderField, { description: 'What to order by.' })
  field!: ServiceRequestOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.DESC, description: 'Direction.' })
  direction!: OrderDirection;
}
