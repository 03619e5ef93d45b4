import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { IsOptional, Matches, MaxLength, MinLength } from 'class-validator';
import { ChangeInput, CreateInput } from '../shared/graphql/inputs';
import { OrderDirection } from '../shared/pagination/order';

@InputType({ description: 'Which officers to list.' })
export class OfficerFilter {
  @Field(() => ID, { nullable: true, description: 'Only officers of this unit.' })
  @IsOptional()
  unitId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only officers of units of this program.' })
  @IsOptional()
  programId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only officers of units stationed in this park.' })
  @IsOptional()
  parkId?: string | null;

  @Field(() => String, { nullable: true, description: 'Part of the name or title.' })
  @IsOptional()
  @MaxLength(50)
  search?: string | null;

  @Field({ defaultValue: false, description: 'Include officers who left the program.' })
  includeArchived!: boolean;
}

/**
 * What officers can be ordered by: their own name only. Badge numbers and phones are masked for most
 * readers, and an order by a masked value would tell what the mask hides.
 */
export enum OfficerOrderField {
  NAME = 'NAME',
}
registerEnumType(OfficerOrderField, {
  name: 'OfficerOrderField',
  description: 'What officers can be ordered by (not by masked personal data, whose order would tell what the mask hides).',
  valuesConfig: { NAME: { description: 'Name, in pinyin order.' } },
});

@InputType({ description: 'Order of an officer list; ties are broken by id.' })
export class OfficerOrder {
  @Field(() => OfficerOrderField, { description: 'What to order by.' })
  field!: OfficerOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: 'Direction.' })
  direction!: OrderDirection;
}

@InputType({ description: 'A new officer of a police unit.' })
export class CreateOfficerInput extends CreateInput {
  @Field(() => ID, { description: 'The unit the officer belongs to.' })
  unitId!: string;

  @Field({ description: 'Full name.' })
  @MinLength(1)
  @MaxLength(50)
  name!: string;

  @Field({ description: 'Badge number (警号): 6–8 digits or capital letters, unique (personal data).' })
  @Matches(/^[0-9A-Z]{6,8}$/, { message: 'badgeNumber must be 6–8 digits or capital letters' })
  badgeNumber!: string;

  @Field(() => String, { nullable: true, description: 'Phone (personal data).' })
  @IsOptional()
  @MaxLength(20)
  phone?: string | null;

  @Field({ defaultValue: '', description: 'Rank or role, e.g. 社区民警.' })
  @MaxLength(50)
  title!: string;
}

@InputType({ description: 'Changes to an officer; fields left out stay as they are.' })
export class UpdateOfficerInput extends ChangeInput {
  @Field(() => ID, { nullable: true, description: 'Move to this unit.' })
  @IsOptional()
  unitId?: string;

  @Field(() => String, { nullable: true, description: 'New name.' })
  @IsOptional()
  @MinLength(1)
  @MaxLength(50)
  name?: string;

  @Field(() => String, { nullable: true, description: 'New phone (personal data); empty string clears it.' })
  @IsOptional()
  @MaxLength(20)
  phone?: string;

  @Field(() => String, { nullable: true, description: 'New rank or role.' })
  @IsOptional()
  @MaxLength(50)
  title?: string;
}
