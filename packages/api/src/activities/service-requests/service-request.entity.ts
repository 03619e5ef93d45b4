import { InputErrorReason } from '../../shared/errors/reasons';
import { PHONE_SQL_PATTERN } from '../../shared/validation/phone';
import { BeforeCreate, BeforeUpdate, Check, Entity, Enum, Index, ManyToOne, Property, type Rel } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../shared/db/base.entity';
import { Node } from '../../shared/graphql/node';
import { Park } from '../../parks/park.entity';
import { Enterprise } from '../../enterprises/enterprise.entity';
import { Organisation } from '../../organisations/organisation.entity';
import { PoliceUnit } from '../../units/police-unit.entity';
import { assertInOrder, assertNotBlank, assertPhone, DomainValidationError } from '../../shared/validation';

export enum ServiceRequestKind {
  /** 车辆通行 */
  VEHICLE_ACCESS = 'VEHICLE_ACCESS',
  /** 户籍 */
  HOUSEHOLD_REGISTRATION = 'HOUSEHOLD_REGISTRATION',
  /** 居住证 */
  RESIDENCE_PERMIT = 'RESIDENCE_PERMIT',
  /** 身份证 */
  ID_CARD = 'ID_CARD',
  /** 车管 */
  VEHICLE_ADMINISTRATION = 'VEHICLE_ADMINISTRATION',
  /** 法律援助 */
  LEGAL_AID = 'LEGAL_AID',
  /** 出入境 */
  EXIT_ENTRY = 'EXIT_ENTRY',
  /** 治安 (安保, 危爆物品许可 …) */
  SECURITY = 'SECURITY',
  OTHER = 'OTHER',
}
registerEnumType(ServiceRequestKind, {
  name: 'ServiceRequestKind',
  description: 'What is asked for.',
  valuesConfig: {
    VEHICLE_ACCESS: { description: 'Vehicle access (车辆通行).' },
    HOUSEHOLD_REGISTRATION: { description: 'Household registration (户籍).' },
    RESIDENCE_PERMIT: { description: 'Residence permit (居住证).' },
    ID_CARD: { description: 'Identity card (身份证).' },
    VEHICLE_ADMINISTRATION: { description: 'Vehicle administration (车管).' },
    LEGAL_AID: { description: 'Legal aid (法律援助).' },
    EXIT_ENTRY: { description: 'Exit and entry (出入境).' },
    SECURITY: { description: 'Security matters and permits (治安).' },
    OTHER: { description: 'Other (其他).' },
  },
});

export enum ServiceChannel {
  /** 网上办 */
  ONLINE = 'ONLINE',
  /** 就近办 */
  NEARBY = 'NEARBY',
  /** 跨省通办 */
  CROSS_PROVINCE = 'CROSS_PROVINCE',
  /** 委托办 */
  ENTRUSTED = 'ENTRUSTED',
  /** 上门办 */
  DOORSTEP = 'DOORSTEP',
  /** 预约办 */
  APPOINTMENT = 'APPOINTMENT',
}
registerEnumType(ServiceChannel, {
  name: 'ServiceChannel',
  description: 'The six service channels (放管服).',
  valuesConfig: {
    ONLINE: { description: 'Online (网上办).' },
    NEARBY: { description: 'Nearby (就近办).' },
    CROSS_PROVINCE: { description: 'Across provinces (跨省通办).' },
    ENTRUSTED: { description: 'Entrusted (委托办).' },
    DOORSTEP: { description: 'At the door (上门办).' },
    APPOINTMENT: { description: 'By appointment (预约办).' },
  },
});

export enum RequestSource {
  VISIT = 'VISIT',
  PHONE = 'PHONE',
  WECHAT_GROUP = 'WECHAT_GROUP',
  MEETING = 'MEETING',
  WALK_IN = 'WALK_IN',
  /** 12345 政务服务便民热线 */
  HOTLINE_12345 = 'HOTLINE_12345',
  APP = 'APP',
  /** 小程序 */
  MINI_PROGRAM = 'MINI_PROGRAM',
}
registerEnumType(RequestSource, {
  name: 'RequestSource',
  description: 'Where a request came from.',
  valuesConfig: {
    VISIT: { description: 'A liaison visit.' },
    PHONE: { description: 'A phone call.' },
    WECHAT_GROUP: { description: 'The liaison WeChat group.' },
    MEETING: { description: 'A meeting.' },
    WALK_IN: { description: 'In person, at a police office or service hall.' },
    HOTLINE_12345: { description: 'The 12345 government service hotline.' },
    APP: { description: 'A mobile app.' },
    MINI_PROGRAM: { description: 'A WeChat mini-program (小程序).' },
  },
});

/** Who asks: an enterprise, a person (a resident, a worker) or only a channel (an anonymous hotline call). */
export enum RequesterKind {
  ENTERPRISE = 'ENTERPRISE',
  PERSON = 'PERSON',
  CHANNEL = 'CHANNEL',
}
registerEnumType(RequesterKind, {
  name: 'RequesterKind',
  description: 'Who asks (诉求人类别).',
  valuesConfig: {
    ENTERPRISE: { description: 'An enterprise or other organisation (企业).' },
    PERSON: { description: 'A person: a resident, a worker (群众).' },
    CHANNEL: { description: 'Known only by the channel it came through, e.g. an anonymous hotline call (渠道).' },
  },
});

export enum ServiceRequestStatus {
  RECEIVED = 'RECEIVED',
  ASSIGNED = 'ASSIGNED',
  IN_PROGRESS = 'IN_PROGRESS',
  RESOLVED = 'RESOLVED',
  EVALUATED = 'EVALUATED',
}
registerEnumType(ServiceRequestStatus, {
  name: 'ServiceRequestStatus',
  description: 'The closed loop of a service request.',
  valuesConfig: {
    RECEIVED: { description: 'Received (受理).' },
    ASSIGNED: { description: 'Assigned to a unit (交办).' },
    IN_PROGRESS: { description: 'Being handled (办理中).' },
    RESOLVED: { description: 'Resolved (办结).' },
    EVALUATED: { description: 'Evaluated by the requester (已评价).' },
  },
});

/** A request or demand, of an enterprise or a person, handled in a closed loop (诉求 / 帮办). */
@ObjectType({ implements: Node, description: 'A request of an enterprise or a person handled in a closed loop (诉求 / 帮办).' })
@Entity({ tableName: 'service_request' })
@Index({ properties: ['park', 'receivedAt'] })
@Index({ properties: ['enterprise', 'receivedAt'] })
@Index({ properties: ['status'] })
@Check({ name: 'service_request_due_check', expression: 'due_at > received_at' })
@Check({
  name: 'service_request_timeline_check',
  expression:
    '(assigned_at IS NULL OR assigned_at >= received_at) AND (started_at IS NULL OR started_at >= coalesce(assigned_at, received_at)) AND (resolved_at IS NULL OR resolved_at >= coalesce(started_at, assigned_at, received_at)) AND (evaluated_at IS NULL OR evaluated_at >= resolved_at)',
})
@Check({ name: 'service_request_resolved_check', expression: "(status IN ('RESOLVED', 'EVALUATED')) = (resolved_at IS NOT NULL)" })
@Check({
  name: 'service_request_evaluated_check',
  expression: "(status = 'EVALUATED') = (evaluated_at IS NOT NULL AND satisfaction IS NOT NULL)",
})
@Check({ name: 'service_request_requester_phone_check', expression: `requester_phone ~ ${PHONE_SQL_PATTERN}` })
@Check({
  name: 'service_request_requester_check',
  expression:
    "(requester_kind <> 'ENTERPRISE' OR enterprise_id IS NOT NULL) AND (requester_kind = 'PERSON' OR (requester_name IS NULL AND requester_phone IS NULL))",
})
@Check({ name: 'service_request_appointment_check', expression: "channel <> 'APPOINTMENT' OR appointment_at IS NOT NULL" })
export class ServiceRequest extends BaseEntity<'complex' | 'status' | 'resolution' | 'requesterKind'> {
  @ManyToOne(() => Park, { deleteRule: 'restrict' })
  park!: Rel<Park>;

  /** The enterprise asking, or the one a person's request concerns; null for a person's own matter. */
  @ManyToOne(() => Enterprise, { nullable: true, deleteRule: 'restrict' })
  enterprise?: Rel<Enterprise> | null;

  /** The organisation asking or concerned at the place, where one is: a site's general contractor, say. */
  @Index()
  @ManyToOne(() => Organisation, { nullable: true, deleteRule: 'restrict' })
  organisation?: Rel<Organisation> | null;

  @Field(() => RequesterKind, { description: 'Who asks (诉求人类别).' })
  @Enum({ items: () => RequesterKind, default: RequesterKind.ENTERPRISE })
  requesterKind: RequesterKind = RequesterKind.ENTERPRISE;

  /** Personal data: the name of the person asking, only as far as the request needs it. */
  @Property({ type: 'string', length: 50, nullable: true })
  requesterName?: string | null;

  /** Personal data. */
  @Property({ type: 'string', length: 20, nullable: true })
  requesterPhone?: string | null;

  @Field(() => ServiceRequestKind, { description: 'What is asked for (诉求类型).' })
  @Enum({ items: () => ServiceRequestKind })
  kind!: ServiceRequestKind;

  @Field(() => ServiceChannel, { description: 'How it is served (办理渠道).' })
  @Enum({ items: () => ServiceChannel })
  channel!: ServiceChannel;

  @Field(() => RequestSource, { description: 'Where the request came from (诉求来源).' })
  @Enum({ items: () => RequestSource })
  source!: RequestSource;

  @Field({ description: 'The request (诉求内容).' })
  @Property({ type: 'text' })
  description!: string;

  /** Complex requests get the longer time limit (7 working days instead of 3). */
  @Field({ description: 'Complex: the longer time limit applies (复杂事项).' })
  @Property({ type: 'boolean', default: false })
  complex: boolean = false;

  @Index()
  @ManyToOne(() => PoliceUnit, { nullable: true, deleteRule: 'restrict' })
  assignedUnit?: Rel<PoliceUnit> | null;

  @Field(() => ServiceRequestStatus, { description: 'Where it stands in the closed loop (办理状态).' })
  @Enum({ items: () => ServiceRequestStatus, default: ServiceRequestStatus.RECEIVED })
  status: ServiceRequestStatus = ServiceRequestStatus.RECEIVED;

  @Field({ description: 'When it was received (受理时间).' })
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  receivedAt!: Date;

  /** Time limit for resolution (办结时限). */
  @Field({ description: 'Time limit for resolution (办结时限).' })
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  dueAt!: Date;

  /** Booked appointment (预约时间). */
  @Field(() => Date, { nullable: true, description: 'Booked appointment (预约时间).' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  appointmentAt?: Date | null;

  /** When the appointment was actually served. */
  @Field(() => Date, { nullable: true, description: 'When the appointment was served (实际办理时间).' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  servedAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was assigned to a unit (交办时间).' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  assignedAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When work began (办理开始时间).' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  startedAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was resolved (办结时间).' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  resolvedAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the enterprise evaluated it (评价时间).' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  evaluatedAt?: Date | null;

  /** Enterprise's satisfaction, 1 (very dissatisfied) to 5 (very satisfied). */
  @Field(() => Int, { nullable: true, description: 'Satisfaction, 1 (very dissatisfied) to 5 (very satisfied) (满意度).' })
  @Property({ type: 'smallint', nullable: true, check: 'satisfaction BETWEEN 1 AND 5' })
  satisfaction?: number | null;

  @Field({ description: 'How it was resolved (办理结果).' })
  @Property({ type: 'text', default: '' })
  resolution: string = '';

  @BeforeCreate()
  @BeforeUpdate()
  validate(): void {
    assertNotBlank(this.description, 'description', 2000);
    assertInOrder([
      ['receivedAt', this.receivedAt],
      ['assignedAt', this.assignedAt],
      ['startedAt', this.startedAt],
      ['resolvedAt', this.resolvedAt],
      ['evaluatedAt', this.evaluatedAt],
    ]);
    if (this.requesterPhone) this.requesterPhone = assertPhone(this.requesterPhone, 'requesterPhone');
    if (this.dueAt <= this.receivedAt) {
      throw new DomainValidationError(
        'dueAt',
        'dueAt 必须晚于 receivedAt (the time limit must be after the request)',
        InputErrorReason.ORDER,
      );
    }
    if (this.satisfaction != null && !(Number.isInteger(this.satisfaction) && this.satisfaction >= 1 && this.satisfaction <= 5)) {
      throw new DomainValidationError(
        'satisfaction',
        'satisfaction 应为 1 至 5 的整数 (a whole number from 1 to 5)',
        InputErrorReason.RANGE,
      );
    }
  }
}
