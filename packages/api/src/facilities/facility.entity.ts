import { Entity, Enum, Index, ManyToOne, Property, type Rel } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../shared/db/base.entity';
import { Node } from '../shared/graphql/node';
import { LocalDate } from '../shared/graphql/scalars';
import { Park } from '../parks/park.entity';

/** What is installed to protect a place (技防、物防设施) and where the police are on post. */
export enum FacilityKind {
  /** 视频监控（路） */
  CAMERA = 'CAMERA',
  /** 一键报警 */
  ALARM_BUTTON = 'ALARM_BUTTON',
  /** 周界报警 */
  PERIMETER_ALARM = 'PERIMETER_ALARM',
  /** 智能门禁、人脸识别通道 */
  ACCESS_CONTROL = 'ACCESS_CONTROL',
  /** 警务室、警务站 */
  POLICE_OFFICE = 'POLICE_OFFICE',
  /** 治安岗亭、执勤点 */
  SENTRY_POST = 'SENTRY_POST',
  /** 调解室 */
  MEDIATION_ROOM = 'MEDIATION_ROOM',
  OTHER = 'OTHER',
}
registerEnumType(FacilityKind, {
  name: 'FacilityKind',
  description: 'Kind of facility (设施类型).',
  valuesConfig: {
    CAMERA: { description: 'Video cameras, counted in channels (视频监控, 路).' },
    ALARM_BUTTON: { description: 'One-touch alarm buttons (一键报警).' },
    PERIMETER_ALARM: { description: 'Perimeter alarms (周界报警).' },
    ACCESS_CONTROL: { description: 'Smart access control and face-recognition gates (智能门禁).' },
    POLICE_OFFICE: { description: 'Police offices on site (警务室, 警务站).' },
    SENTRY_POST: { description: 'Sentry and duty posts (治安岗亭, 执勤点).' },
    MEDIATION_ROOM: { description: 'Mediation rooms (调解室).' },
    OTHER: { description: 'Anything else.' },
  },
});

/**
 * Facilities installed in a place, in service from one day until they are taken out: e.g. 48 camera
 * channels along a site's fence, a police office at a community's gate. `quantity` counts the units
 * (channels for cameras); a later addition is a record of its own.
 */
@ObjectType({
  implements: Node,
  description: 'Facilities installed in a place (技防、物防设施, 警务室), in service from a day until taken out.',
})
@Entity({ tableName: 'facility' })
@Index({ properties: ['park', 'kind'] })
export class Facility extends BaseEntity<'location' | 'removedOn'> {
  @ManyToOne(() => Park, { deleteRule: 'restrict' })
  park!: Rel<Park>;

  @Field(() => FacilityKind, { description: 'What it is (设施类型).' })
  @Enum({ items: () => FacilityKind })
  kind!: FacilityKind;

  @Field(() => Int, { description: 'How many units: camera channels (路), buttons, offices … (数量).' })
  @Property({ type: 'integer' })
  quantity!: number;

  @Field({ description: 'Where it is (位置), e.g. 东门 or 3号楼.' })
  @Property({ type: 'varchar', length: 200, default: '' })
  location: string = '';

  @Field(() => LocalDate, { description: 'Day it came into service (投用日期).' })
  @Property({ type: 'date' })
  installedOn!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Day it was taken out of service (停用日期); null while in service.' })
  @Property({ type: 'date', nullable: true })
  removedOn?: string | null = null;
}
