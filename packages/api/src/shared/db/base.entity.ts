import { OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { toGlobalId } from '../graphql/global-id';

/**
 * Columns every table carries: a serial id, audit timestamps and an optimistic-lock version.
 * `Optional` names the subclass's properties that have defaults, so `em.create` need not be given them.
 * Not emitted in the GraphQL schema on its own; object types inherit its fields.
 */
@ObjectType()
export abstract class BaseEntity<Optional extends string = never> {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'version' | 'nodeId' | Optional;

  @Field(() => Int, { name: 'databaseId', description: 'Row id in its own table; use `id` to refer to the record in the API.' })
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Field({ description: 'When the record was created (创建时间).' })
  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Field({ description: 'When the record last changed (更新时间).' })
  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Field(() => Int, { description: 'Version for optimistic locking: send it back with an update; a stale one is a CONFLICT.' })
  @Property({ type: 'integer', version: true, default: 1 })
  version!: number;

  /** The global id of the `Node` interface. */
  get nodeId(): string {
    return toGlobalId(this.constructor.name, this.id);
  }
}
