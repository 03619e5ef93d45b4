import { Field, ID, InputType, Int } from 'type-graphql';
import { IsInt, IsOptional, Matches, MaxLength, Min } from 'class-validator';
import { LocalDate } from './scalars';

/** Base of record-creating inputs: Relay's `clientMutationId` and an idempotency key for retries. */
@InputType()
export abstract class CreateInput {
  @Field(() => String, { nullable: true, description: 'Any string; echoed in the payload (Relay).' })
  @IsOptional()
  @MaxLength(100)
  clientMutationId?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'A key the client makes once per record (e.g. a UUID) and resends on every retry: the same key with the same input returns the first result and writes nothing new; with other input it is a CONFLICT.',
  })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_.:-]{8,100}$/, { message: 'idempotencyKey must be 8–100 letters, digits or _ . : -' })
  idempotencyKey?: string | null;
}

/** Base of inputs that change one record: its id and the version the client last saw. */
@InputType()
export abstract class ChangeInput {
  @Field(() => String, { nullable: true, description: 'Any string; echoed in the payload (Relay).' })
  @IsOptional()
  @MaxLength(100)
  clientMutationId?: string | null;

  @Field(() => ID, { description: 'Global id of the record.' })
  @MaxLength(100)
  id!: string;

  @Field(() => Int, { description: 'The version the client last read; a stale version is a CONFLICT.' })
  @IsInt()
  @Min(1)
  version!: number;
}

@InputType({ description: 'Archive a record: it leaves the active lists and keeps its history.' })
export class ArchiveInput extends ChangeInput {}

@InputType({ description: 'A span of calendar days; either end may be left open. Both ends are included.' })
export class DateRangeInput {
  @Field(() => LocalDate, { nullable: true, description: 'First day, included.' })
  from?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Last day, included.' })
  to?: string | null;
}

@InputType({ description: 'A span of time; either end may be left open. `from` is included, `to` excluded.' })
export class TimeRangeInput {
  @Field(() => Date, { nullable: true, description: 'Start, included.' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'End, excluded.' })
  to?: Date | null;
}

@InputType({ description: 'Remove a record for good.' })
export class RemoveInput extends ChangeInput {}
