import {
  BeforeCreate,
  BeforeUpdate,
  Check,
  Collection,
  Entity,
  Enum,
  Index,
  ManyToMany,
  ManyToOne,
  Property,
  type Rel,
} from '@mikro-orm/core';
import { BaseEntity } from '../shared/db/base.entity';
import { Park } from '../parks/park.entity';
import { Zone } from '../parks/zone.entity';
import { Enterprise } from '../enterprises/enterprise.entity';
import { PoliceUnit } from '../units/police-unit.entity';
import { assertInOrder } from '../shared/validation';

export enum IncidentType {
  THEFT = 'THEFT',
  FRAUD = 'FRAUD',
  FIGHT = 'FIGHT',
  TRAFFIC = 'TRAFFIC',
  FIRE_OR_CHEMICAL = 'FIRE_OR_CHEMICAL',
  LABOUR = 'LABOUR',
  DAMAGE = 'DAMAGE',
  OTHER = 'OTHER',
}

/** An enterprise-related police incident (涉企警情) with its response timeline. */
@Entity({ tableName: 'incident' })
@Index({ properties: ['park', 'receivedAt'] })
@Index({ properties: ['enterprise', 'receivedAt'] })
@Check({
  name: 'incident_timeline_check',
  expression:
    '(dispatched_at IS NULL OR dispatched_at >= received_at) AND (arrived_at IS NULL OR arrived_at >= coalesce(dispatched_at, received_at)) AND (closed_at IS NULL OR closed_at >= coalesce(arrived_at, dispatched_at, received_at))',
})
export class Incident extends BaseEntity<'summary' | 'quickResponse' | 'outcome'> {
  @ManyToOne(() => Park, { deleteRule: 'restrict' })
  park!: Rel<Park>;

  @ManyToOne(() => Zone, { nullable: true, deleteRule: 'restrict' })
  zone?: Rel<Zone> | null;

  @ManyToOne(() => Enterprise, { nullable: true, deleteRule: 'restrict' })
  enterprise?: Rel<Enterprise> | null;

  @Enum({ items: () => IncidentType })
  type!: IncidentType;

  @Property({ type: 'text', default: '' })
  summary: string = '';

  /** When the call or report was received (接警). */
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  receivedAt!: Date;

  /** When officers were dispatched (派警). */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  dispatchedAt?: Date | null;

  /** When officers arrived on the scene (到场). */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  arrivedAt?: Date | null;

  /** When the incident was closed (结案 / 处置完毕). */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  closedAt?: Date | null;

  /** Handled under the quick-response mechanism (快速反应机制). */
  @Property({ type: 'boolean', default: false })
  quickResponse: boolean = false;

  @ManyToMany({ entity: () => PoliceUnit, pivotTable: 'incident_unit', joinColumn: 'incident_id', inverseJoinColumn: 'police_unit_id' })
  jointUnits = new Collection<PoliceUnit>(this);

  @Property({ type: 'text', default: '' })
  outcome: string = '';

  @BeforeCreate()
  @BeforeUpdate()
  validate(): void {
    assertInOrder([
      ['receivedAt', this.receivedAt],
      ['dispatchedAt', this.dispatchedAt],
      ['arrivedAt', this.arrivedAt],
      ['closedAt', this.closedAt],
    ]);
  }
}
