import { PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';

/** Columns every table carries: a serial id, audit timestamps and an optimistic-lock version. */
// Not emitted in the schema on its own; object types inherit its fields.
@ObjectType()
export abstract class BaseEntity {
  @Field(() => ID, { description: 'Identifier of the record.' })
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Property({ type: 'integer', version: true, default: 1 })
  version!: number;
}
