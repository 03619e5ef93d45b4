import { Collection, Entity, Enum, Index, ManyToOne, OneToMany, Property, type Rel } from '@mikro-orm/core';
import { BaseEntity } from '../shared/db/base.entity';
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

/** One of the three police–enterprise teams that work a park or a zone. */
@Entity({ tableName: 'team' })
export class Team extends BaseEntity {
  @Index()
  @ManyToOne(() => Park, { deleteRule: 'restrict' })
  park!: Rel<Park>;

  /** Zone the team works; null when it works the whole park. */
  @ManyToOne(() => Zone, { nullable: true, deleteRule: 'restrict' })
  zone?: Rel<Zone> | null;

  @Property({ type: 'string', length: 100 })
  name!: string;

  @Enum({ items: () => TeamType })
  type!: TeamType;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  archivedAt?: Date | null;

  @OneToMany('TeamMember', 'team')
  members = new Collection<TeamMember>(this);
}
