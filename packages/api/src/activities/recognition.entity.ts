import { Entity, Enum, Index, ManyToOne, Property, type Rel } from '@mikro-orm/core';
import { BaseEntity } from '../shared/db/base.entity';
import { Enterprise } from '../enterprises/enterprise.entity';
import { Officer } from '../officers/officer.entity';
import { PoliceUnit } from '../units/police-unit.entity';

export enum RecognitionKind {
  /** 锦旗 */
  PENNANT = 'PENNANT',
  /** 感谢信 */
  LETTER = 'LETTER',
}

/** A thank-you pennant or letter from an enterprise (锦旗, 感谢信). */
@Entity({ tableName: 'recognition' })
@Index({ properties: ['enterprise', 'receivedOn'] })
export class Recognition extends BaseEntity<'message'> {
  @ManyToOne(() => Enterprise, { deleteRule: 'restrict' })
  enterprise!: Rel<Enterprise>;

  @Enum({ items: () => RecognitionKind })
  kind!: RecognitionKind;

  @Property({ type: 'date' })
  receivedOn!: string;

  @Index()
  @ManyToOne(() => Officer, { nullable: true, deleteRule: 'restrict' })
  officer?: Rel<Officer> | null;

  @ManyToOne(() => PoliceUnit, { nullable: true, deleteRule: 'restrict' })
  unit?: Rel<PoliceUnit> | null;

  @Property({ type: 'text', default: '' })
  message: string = '';
}
