import { Field, ID, InputType } from 'type-graphql';
import { IsOptional } from 'class-validator';
import { ChangeInput, CreateInput } from '../shared/graphql/inputs';
import { LocalDate } from '../shared/graphql/scalars';

@InputType({ description: 'A worker registered at a place.' })
export class RegisterWorkerInput extends CreateInput {
  @Field(() => ID, { description: 'The place (site, campus, community …).' })
  parkId!: string;

  @Field(() => ID, { nullable: true, description: 'The organisation they work for, where it is on record.' })
  @IsOptional()
  enterpriseId?: string | null;

  @Field(() => LocalDate, { description: 'Day registered; not in the future.' })
  registeredOn!: string;
}

@InputType({ description: 'The result of checking a registration against the person on site.' })
export class CheckWorkerRegistrationInput extends ChangeInput {
  @Field(() => LocalDate, { description: 'Day checked: not before the registration, not in the future.' })
  checkedOn!: string;

  @Field({ description: 'Whether the "一标三实" data were accurate.' })
  accurate!: boolean;
}

@InputType({ description: 'A registered worker has left the place.' })
export class EndWorkerRegistrationInput extends ChangeInput {
  @Field(() => LocalDate, { description: 'Day left: not before the registration, not in the future.' })
  leftOn!: string;
}

@InputType({ description: 'Which registrations to list.' })
export class WorkerRegistrationFilter {
  @Field(() => ID, { nullable: true, description: 'Only registrations at this place.' })
  @IsOptional()
  parkId?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Only people at the place on this day.' })
  @IsOptional()
  presentOn?: string | null;
}
