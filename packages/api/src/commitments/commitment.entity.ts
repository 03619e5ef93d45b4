import { Collection, Entity, Enum, ManyToMany, ManyToOne, OneToMany, Property, type Rel, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../shared/db/base.entity';
import { Node } from '../shared/graphql/node';
import type { Translated } from '../shared/i18n/translated';
import { Program } from '../programs/program.entity';
import { PoliceUnit } from '../units/police-unit.entity';
import type { Indicator } from './indicator.entity';

export enum CommitmentArea {
  /** 警企共建 */
  PARTNERSHIP = 'PARTNERSHIP',
  /** 治安环境 */
  PUBLIC_ORDER = 'PUBLIC_ORDER',
  /** 服务环境 */
  SERVICE = 'SERVICE',
  /** 法治环境 */
  RULE_OF_LAW = 'RULE_OF_LAW',
}

export type { Translated };

registerEnumType(CommitmentArea, {
  name: 'CommitmentArea',
  description: 'The four areas the commitments serve.',
  valuesConfig: {
    PARTNERSHIP: { description: 'Police–enterprise partnership (警企共建).' },
    PUBLIC_ORDER: { description: 'Public order (治安环境).' },
    SERVICE: { description: 'Service environment (服务环境).' },
    RULE_OF_LAW: { description: 'Rule of law (法治环境).' },
  },
});

/** A published service commitment of a program (服务承诺 / 举措), judged by its indicators. */
@ObjectType({ implements: Node, description: 'A published service commitment of a program (服务承诺 / 举措), judged by its indicators.' })
@Entity({ tableName: 'commitment' })
@Unique({ properties: ['program', 'code'] })
export class Commitment extends BaseEntity<'sortOrder'> {
  @ManyToOne(() => Program, { deleteRule: 'restrict' })
  program!: Rel<Program>;

  @Field({ description: 'Short code, e.g. C01 (编号).' })
  @Property({ type: 'string', length: 10, check: "code ~ '^[A-Z][0-9A-Z]{1,9}$'" })
  code!: string;

  @Field(() => CommitmentArea, { description: 'The area it serves (领域).' })
  @Enum({ items: () => CommitmentArea })
  area!: CommitmentArea;

  @Property({ type: 'json', check: "title ? 'zh-CN'" })
  title!: Translated;

  @Property({ type: 'json', nullable: true })
  description?: Translated | null;

  /** 牵头单位 */
  @ManyToOne(() => PoliceUnit, { nullable: true, deleteRule: 'restrict' })
  leadUnit?: Rel<PoliceUnit> | null;

  /** 配合单位 */
  @ManyToMany({
    entity: () => PoliceUnit,
    pivotTable: 'commitment_supporting_unit',
    joinColumn: 'commitment_id',
    inverseJoinColumn: 'police_unit_id',
  })
  supportingUnits = new Collection<PoliceUnit>(this);

  @Field(() => Int, { description: 'Position in the published list.' })
  @Property({ type: 'integer', default: 0 })
  sortOrder: number = 0;

  @Field(() => Date, { nullable: true, description: 'When the commitment was retired; null while in force (停用时间).' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  retiredAt?: Date | null;

  @OneToMany('Indicator', 'commitment')
  indicators = new Collection<Indicator>(this);
}
