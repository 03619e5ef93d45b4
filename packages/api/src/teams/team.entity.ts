import { Collection, Entity, Enum, Index, ManyToOne, OneToMany, Property, type Rel } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../shared/db/base.entity';
import { Node } from '../shared/graphql/node';
import { Park } from '../parks/park.entity';
import { Zone } from '../parks/zone.entity';
import type { TeamMember } from './team-member.entity';

export enum TeamType {
  /** 警企巡逻联防队 */
  PATROL = 'PATROL',
  /** 警企矛盾纠纷联调队 */
  MEDIATION = 'MEDIATION',
  /** 警企联合服务队 */
  SERVICE = 'SERVICE',
}

registerEnumType(TeamType, {
  name: 'TeamType',
  description: 'The three police–enterprise teams (三支队伍).',
  valuesConfig: {
    PATROL: { description: 'Patrol and joint-defence team (警企巡逻联防队).' },
    MEDIATION: { description: 'Dispute mediation team (警企矛盾纠纷联调队).' },
    SERVICE: { description: 'Joint service team (警企联合服务队).' },
  },
});

@ObjectType({ implements: Node, description: 'One of the three police–enterprise teams that work a park or a zone (警企队伍).' })
@Entity({ tableName: 'team' })
export class Team extends BaseEntity {
  @Index()
  @ManyToOne(() => Park, { deleteRule: 'restrict' })
  park!: Rel<Park>;

  /** Zone the team works; null when it works the whole park. */
  @ManyToOne(() => Zone, { nullable: true, deleteRule: 'restrict' })
  zone?: Rel<Zone> | null;

  @Field({ description: 'Name of the team (队伍名称).' })
  @Property({ type: 'string', length: 100 })
  name!: string;

  @Field(() => TeamType, { description: 'Which of the three teams (队伍类型).' })
  @Enum({ items: () => TeamType })
  type!: TeamType;

  @Field(() => Date, { nullable: true, description: 'When the team was disbanded (撤销时间); null while active.' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  archivedAt?: Date | null;

  @OneToMany('TeamMember', 'team')
  members = new Collection<TeamMember>(this);
}
