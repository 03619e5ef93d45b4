import { Entity, ManyToOne, Property, type Rel } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../shared/db/base.entity';
import { Node } from '../shared/graphql/node';
import { Park } from '../parks/park.entity';
import { Program } from '../programs/program.entity';
import type { User } from './user.entity';

@ObjectType({
  implements: Node,
  description:
    'A publishable key for the public widgets of a portal (嵌入密钥): read-only, public aggregated figures of one program or park, from its allowed origins only.',
})
@Entity({ tableName: 'embed_key' })
export class EmbedKey extends BaseEntity {
  @Field({ description: 'What the key is for, e.g. the portal it is issued to (名称).' })
  @Property({ type: 'string', length: 100 })
  name!: string;

  @Field({ description: 'The first characters of the key, to recognise it; the whole key is shown once, when made.' })
  @Property({ type: 'string', length: 20 })
  prefix!: string;

  /** SHA-256 of the key. */
  @Property({ type: 'string', length: 64, columnType: 'char(64)', lazy: true })
  keyHash!: string;

  @ManyToOne(() => Program, { deleteRule: 'restrict' })
  program!: Rel<Program>;

  /** Null: the whole program. */
  @ManyToOne(() => Park, { nullable: true, deleteRule: 'restrict' })
  park?: Rel<Park> | null;

  @Field(() => [String], { description: 'Origins whose pages may use the key, e.g. https://www.example.gov.cn (允许的来源).' })
  @Property({ type: 'text[]', columnType: 'text[]' })
  allowedOrigins!: string[];

  @ManyToOne('User', { nullable: true, deleteRule: 'set null' })
  createdBy?: Rel<User> | null;

  @Field(() => Date, { nullable: true, description: 'Last request made with the key (最近使用).' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  lastUsedAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the key was revoked; a revoked key is refused (吊销时间).' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  revokedAt?: Date | null;
}
