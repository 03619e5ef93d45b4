import { PHONE_SQL_PATTERN } from '../shared/validation/phone';
import {
  BeforeCreate,
  Check,
  BeforeUpdate,
  Collection,
  Entity,
  Enum,
  Index,
  ManyToOne,
  OneToMany,
  Property,
  type Rel,
  Unique,
} from '@mikro-orm/core';
import type { Visit } from '../activities/visits/visit.entity';
import type { LiaisonAssignment } from '../liaisons/liaison-assignment.entity';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../shared/db/base.entity';
import { Node } from '../shared/graphql/node';
import { LocalDate } from '../shared/graphql/scalars';
import { Park } from '../parks/park.entity';
import { Zone } from '../parks/zone.entity';
import { assertCreditCode, assertNonNegativeInteger, assertNotBlank, assertPhone } from '../shared/validation';

export enum EnterpriseStatus {
  UNDER_CONSTRUCTION = 'UNDER_CONSTRUCTION',
  OPERATING = 'OPERATING',
  SUSPENDED = 'SUSPENDED',
  CLOSED = 'CLOSED',
}
registerEnumType(EnterpriseStatus, {
  name: 'EnterpriseStatus',
  description: 'Operating status of an enterprise (经营状态).',
  valuesConfig: {
    UNDER_CONSTRUCTION: { description: 'Project under construction (在建).' },
    OPERATING: { description: 'In production or business (在营).' },
    SUSPENDED: { description: 'Production suspended (停产).' },
    CLOSED: { description: 'Closed down (关停).' },
  },
});

/** What kind of place a program serves: the word a portal uses for it follows (企业, 工地, 厂区, 社区, 辖区). */
export enum PlaceKind {
  ENTERPRISE = 'ENTERPRISE',
  CONSTRUCTION_PROJECT = 'CONSTRUCTION_PROJECT',
  CAMPUS = 'CAMPUS',
  COMMUNITY = 'COMMUNITY',
  AREA = 'AREA',
}
registerEnumType(PlaceKind, {
  name: 'PlaceKind',
  description: 'The kind of a served place (服务对象类型).',
  valuesConfig: {
    ENTERPRISE: { description: 'An enterprise, named by its own unified social credit code (企业).' },
    CONSTRUCTION_PROJECT: {
      description: 'A construction project (在建工地): its builders, general contractor first, are its participants.',
    },
    CAMPUS: { description: 'A factory or company campus with its production units and dispatch firms (厂区).' },
    COMMUNITY: { description: 'A residential community (社区、安置点).' },
    AREA: { description: 'A street or area of a district (街道、片区).' },
  },
});

@ObjectType({ implements: Node, description: 'An enterprise in a park, served by a dedicated liaison officer (园区企业).' })
@Entity({ tableName: 'enterprise' })
@Index({ properties: ['park', 'zone'] })
@Check({ name: 'enterprise_credit_code_check', expression: 'huhang_credit_code_valid(credit_code)' })
@Check({ name: 'enterprise_contact_phone_check', expression: `contact_phone ~ ${PHONE_SQL_PATTERN}` })
export class Enterprise extends BaseEntity<'employeeCount' | 'hazardousChemicals' | 'keyEnterprise' | 'status' | 'kind'> {
  @Index()
  @ManyToOne(() => Park, { deleteRule: 'restrict' })
  park!: Rel<Park>;

  @Index()
  @ManyToOne(() => Zone, { deleteRule: 'restrict' })
  zone!: Rel<Zone>;

  @Field({ description: 'Registered name (企业名称).' })
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => PlaceKind, {
    description: 'What kind of place it is; ENTERPRISE for every record made before places had kinds (服务对象类型).',
  })
  @Enum({ items: () => PlaceKind, default: PlaceKind.ENTERPRISE })
  kind: PlaceKind = PlaceKind.ENTERPRISE;

  @Field({
    description:
      'Unified social credit code, 18 characters, GB 32100-2015 (统一社会信用代码): the enterprise’s own; for a place of another kind, that of the unit answerable for it (a project’s project company, a campus’s operator). The builders and firms working there have theirs on `participants`.',
  })
  @Property({ type: 'string', length: 18, columnType: 'char(18)' })
  @Unique()
  creditCode!: string;

  @Field({ description: 'Industry, e.g. 磷化工, 新材料 (所属行业).' })
  @Property({ type: 'string', length: 100 })
  industry!: string;

  @Field(() => Int, { description: 'Number of employees (员工人数).' })
  @Property({ type: 'integer', default: 0, check: 'employee_count >= 0' })
  employeeCount: number = 0;

  @Field({ description: 'Produces, stores or uses hazardous chemicals (危化品企业).' })
  @Property({ type: 'boolean', default: false })
  hazardousChemicals: boolean = false;

  @Field({ description: 'Key enterprise under closer protection (重点企业).' })
  @Property({ type: 'boolean', default: false })
  keyEnterprise: boolean = false;

  @Field(() => EnterpriseStatus, { description: 'Operating status (经营状态).' })
  @Enum({ items: () => EnterpriseStatus, default: EnterpriseStatus.OPERATING })
  status: EnterpriseStatus = EnterpriseStatus.OPERATING;

  /** Personal data: shown only to those entitled. */
  @Property({ type: 'string', length: 50, nullable: true })
  contactPerson?: string | null;

  /** Personal data: shown only to those entitled. */
  @Property({ type: 'string', length: 20, nullable: true })
  contactPhone?: string | null;

  @Field(() => LocalDate, { description: 'Day the enterprise joined the program (纳入服务日期).' })
  @Property({ type: 'date' })
  joinedOn!: string;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'Day the enterprise joined its police–enterprise liaison group (加入警企联络群日期).',
  })
  @Property({ type: 'date', nullable: true })
  liaisonGroupJoinedOn?: string | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When the enterprise was archived; archived enterprises keep their records (归档时间).',
  })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  archivedAt?: Date | null;

  @OneToMany('Visit', 'enterprise')
  visits = new Collection<Visit>(this);

  @OneToMany('LiaisonAssignment', 'enterprise')
  liaisonAssignments = new Collection<LiaisonAssignment>(this);

  @BeforeCreate()
  @BeforeUpdate()
  validate(): void {
    assertNotBlank(this.name, 'name');
    assertCreditCode(this.creditCode, 'creditCode');
    assertNonNegativeInteger(this.employeeCount, 'employeeCount');
    if (this.contactPhone) this.contactPhone = assertPhone(this.contactPhone, 'contactPhone');
  }
}
