import { Collection, Entity, Enum, ManyToMany, ManyToOne, Property, type Rel } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../shared/db/base.entity';
import { Node } from '../shared/graphql/node';
import { Park } from '../parks/park.entity';
import { Program } from '../programs/program.entity';
import { Officer } from '../officers/officer.entity';
import { Role } from '../shared/auth/role';

@ObjectType({ implements: Node, description: 'A person who signs in: an administrator or a liaison officer (用户).' })
@Entity({ tableName: 'app_user' })
export class User extends BaseEntity<'failedLogins'> {
  @Field({ description: 'Sign-in name, unique regardless of case (用户名).' })
  @Property({ type: 'string', length: 50 })
  username!: string;

  @Field({ description: 'Name shown to people (显示名).' })
  @Property({ type: 'string', length: 100 })
  displayName!: string;

  @Field(() => Role, { description: 'What the user may do (角色).' })
  @Enum({ items: () => Role })
  role!: Role;

  /** scrypt hash; never leaves the server. */
  @Property({ type: 'string', length: 200, lazy: true })
  passwordHash!: string;

  /** For an officer: the officer record the user signs in as. */
  @ManyToOne(() => Officer, { nullable: true, deleteRule: 'restrict' })
  officer?: Rel<Officer> | null;

  /** Parks a park administrator administers. */
  @ManyToMany({ entity: () => Park, pivotTable: 'app_user_park', joinColumn: 'app_user_id', inverseJoinColumn: 'park_id' })
  parks = new Collection<Park>(this);

  /** Programs a program administrator administers. */
  @ManyToMany({ entity: () => Program, pivotTable: 'app_user_program', joinColumn: 'app_user_id', inverseJoinColumn: 'program_id' })
  programs = new Collection<Program>(this);

  @Property({ type: 'integer', default: 0 })
  failedLogins: number = 0;

  @Field(() => Date, { nullable: true, description: 'Signing in is refused until then, after too many failed tries (锁定至).' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  lockedUntil?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Last successful sign-in (最近登录).' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  lastLoginAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the user was disabled; a disabled user cannot sign in (停用时间).' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  disabledAt?: Date | null;
}
