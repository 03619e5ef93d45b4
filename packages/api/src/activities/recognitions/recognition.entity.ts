import { Entity, Enum, Index, ManyToOne, Property, type Rel } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../shared/db/base.entity';
import { Node } from '../../shared/graphql/node';
import { LocalDate } from '../../shared/graphql/scalars';
import { Enterprise } from '../../enterprises/enterprise.entity';
import { Park } from '../../parks/park.entity';
import { Officer } from '../../officers/officer.entity';
import { PoliceUnit } from '../../units/police-unit.entity';

export enum RecognitionKind {
  /** 锦旗 */
  PENNANT = 'PENNANT',
  /** 感谢信 */
  LETTER = 'LETTER',
}
registerEnumType(RecognitionKind, {
  name: 'RecognitionKind',
  description: 'Kind of recognition.',
  valuesConfig: {
    PENNANT: { description: 'Pennant (锦旗).' },
    LETTER: { description: 'Thank-you letter (感谢信).' },
  },
});

/** A thank-you pennant or letter from an enterprise (锦旗, 感谢信). */
@ObjectType({ implements: Node, description: 'A thank-you pennant or letter from an enterprise (锦旗, 感谢信).' })
@Entity({ tableName: 'recognition' })
@Index({ properties: ['enterprise', 'receivedOn'] })
export class Recognition extends BaseEntity<'message'> {
  @ManyToOne(() => Enterprise, { deleteRule: 'restrict' })
  enterprise!: Rel<Enterprise>;

  /** Its enterprise's park, which the database keeps (migration 2900): what the read scope and row-level security ask. */
  @ManyToOne(() => Park, { persist: false })
  park?: Rel<Park>;

  @Field(() => RecognitionKind, { description: 'Pennant or letter.' })
  @Enum({ items: () => RecognitionKind })
  kind!: RecognitionKind;

  @Field(() => LocalDate, { description: 'Day it was received (收到日期).' })
  @Property({ type: 'date' })
  receivedOn!: string;

  @Index()
  @ManyToOne(() => Officer, { nullable: true, deleteRule: 'restrict' })
  officer?: Rel<Officer> | null;

  @ManyToOne(() => PoliceUnit, { nullable: true, deleteRule: 'restrict' })
  unit?: Rel<PoliceUnit> | null;

  @Field({ description: 'What it says (内容).' })
  @Property({ type: 'text', default: '' })
  message: string = '';
}
