/**
 * The columns of each import sheet: their headers in the three languages, the example row of the
 * template, and how a cell becomes a value of the create mutation's input.
 */
import { EnterpriseStatus, PlaceKind } from '../enterprises/enterprise.entity';
import { creditCodeCheckCharacter } from '../shared/validation/credit-code';
import type { ImportColumn } from './import.sheet';
import { ImportKind } from './import.types';

/** A valid credit code for the templates' example rows and for checking a row without one. */
export const EXAMPLE_CODE = ((first17: string) => first17 + creditCodeCheckCharacter(first17))('91522725MA6H2Q0A1');

const STATUS_WORDS: Record<string, string> = {
  在建: EnterpriseStatus.UNDER_CONSTRUCTION,
  在营: EnterpriseStatus.OPERATING,
  停产: EnterpriseStatus.SUSPENDED,
  关停: EnterpriseStatus.CLOSED,
  underconstruction: EnterpriseStatus.UNDER_CONSTRUCTION,
  operating: EnterpriseStatus.OPERATING,
  suspended: EnterpriseStatus.SUSPENDED,
  closed: EnterpriseStatus.CLOSED,
};

const KIND_WORDS: Record<string, string> = {
  企业: PlaceKind.ENTERPRISE,
  在建工地: PlaceKind.CONSTRUCTION_PROJECT,
  工地: PlaceKind.CONSTRUCTION_PROJECT,
  厂区: PlaceKind.CAMPUS,
  社区: PlaceKind.COMMUNITY,
  片区: PlaceKind.AREA,
  enterprise: PlaceKind.ENTERPRISE,
  constructionproject: PlaceKind.CONSTRUCTION_PROJECT,
  campus: PlaceKind.CAMPUS,
  community: PlaceKind.COMMUNITY,
  area: PlaceKind.AREA,
};

export type EnterpriseField =
  | 'name'
  | 'creditCode'
  | 'zone'
  | 'industry'
  | 'employeeCount'
  | 'hazardousChemicals'
  | 'keyEnterprise'
  | 'status'
  | 'contactPerson'
  | 'contactPhone'
  | 'joinedOn'
  | 'liaisonGroupJoinedOn'
  | 'kind';

export const ENTERPRISE_COLUMNS: ReadonlyArray<ImportColumn<EnterpriseField>> = [
  {
    field: 'name',
    headers: ['企业名称', 'Name'],
    required: true,
    kind: 'text',
    example: '示例新材料有限公司',
    note: '登记名称，不超过 200 字 (registered name)',
  },
  {
    field: 'creditCode',
    headers: ['统一社会信用代码', 'Credit code'],
    required: true,
    kind: 'creditCode',
    example: EXAMPLE_CODE,
    note: '18 位，含校验位；按此码匹配已有企业 (18 characters with the check character; matches stored enterprises)',
  },
  {
    field: 'zone',
    headers: ['片区', 'Zone'],
    required: true,
    kind: 'text',
    example: '化工片区',
    note: '园区内片区的名称 (name of a zone of the park)',
  },
  {
    field: 'industry',
    headers: ['所属行业', 'Industry'],
    required: true,
    kind: 'text',
    example: '新材料',
    note: '不超过 100 字 (up to 100 characters)',
  },
  {
    field: 'employeeCount',
    headers: ['员工人数', 'Employees'],
    required: false,
    kind: 'int',
    example: '120',
    note: '整数，空为 0 (a whole number; empty is 0)',
  },
  {
    field: 'hazardousChemicals',
    headers: ['危化品企业', 'Hazardous chemicals'],
    required: false,
    kind: 'boolean',
    example: '否',
    note: '是 / 否 (yes / no); 空为 否',
  },
  {
    field: 'keyEnterprise',
    headers: ['重点企业', 'Key enterprise'],
    required: false,
    kind: 'boolean',
    example: '是',
    note: '是 / 否 (yes / no); 空为 否',
  },
  {
    field: 'status',
    headers: ['经营状态', 'Status'],
    required: false,
    kind: 'text',
    words: STATUS_WORDS,
    example: '在营',
    note: '在建 / 在营 / 停产 / 关停; 空为 在营',
  },
  {
    field: 'contactPerson',
    headers: ['联系人', 'Contact person'],
    required: false,
    kind: 'text',
    example: '张三',
    note: '个人信息，不超过 50 字 (personal data)',
  },
  {
    field: 'contactPhone',
    headers: ['联系电话', 'Contact phone'],
    required: false,
    kind: 'phone',
    example: '0854-2621110',
    note: '手机号或带区号的固话 (mobile, or landline with area code)',
  },
  {
    field: 'joinedOn',
    headers: ['纳入服务日期', 'Joined on'],
    required: true,
    kind: 'date',
    example: '2026-01-05',
    note: '如 2026-01-05 (a day)',
  },
  {
    field: 'liaisonGroupJoinedOn',
    headers: ['加入警企联络群日期', 'Joined liaison group on'],
    required: false,
    kind: 'date',
    example: '2026-01-10',
    note: '如 2026-01-10，可空 (a day, or empty)',
  },
  {
    field: 'kind',
    headers: ['场所类型', 'Kind of place'],
    required: false,
    kind: 'text',
    words: KIND_WORDS,
    example: '企业',
    note: '企业 / 在建工地 / 厂区 / 社区 / 片区; 空为 企业 (empty is an enterprise)',
  },
];

type OfficerField = 'name' | 'badgeNumber' | 'unit' | 'title' | 'phone';

export const OFFICER_COLUMNS: ReadonlyArray<ImportColumn<OfficerField>> = [
  { field: 'name', headers: ['姓名', 'Name'], required: true, kind: 'text', example: '李华', note: '不超过 50 字 (up to 50 characters)' },
  {
    field: 'badgeNumber',
    headers: ['警号', 'Badge number'],
    required: true,
    kind: 'code',
    example: '065321',
    note: '6–8 位数字或大写字母；按警号匹配已有民警 (6–8 digits or capitals; matches stored officers)',
  },
  {
    field: 'unit',
    headers: ['所属单位', 'Unit'],
    required: true,
    kind: 'text',
    example: '城关派出所',
    note: '本项目内单位的名称 (name of a unit of the program)',
  },
  { field: 'title', headers: ['职务', 'Title'], required: false, kind: 'text', example: '社区民警', note: '可空 (may be empty)' },
  {
    field: 'phone',
    headers: ['联系电话', 'Phone'],
    required: false,
    kind: 'phone',
    example: '13812345678',
    note: '个人信息 (personal data)',
  },
];

type LiaisonField = 'creditCode' | 'badgeNumber' | 'startsOn' | 'supportingBranches';

export const LIAISON_COLUMNS: ReadonlyArray<ImportColumn<LiaisonField>> = [
  {
    field: 'creditCode',
    headers: ['统一社会信用代码', 'Credit code'],
    required: true,
    kind: 'creditCode',
    example: EXAMPLE_CODE,
    note: '企业的代码 (the enterprise’s code)',
  },
  {
    field: 'badgeNumber',
    headers: ['警号', 'Badge number'],
    required: true,
    kind: 'code',
    example: '065321',
    note: '护航警官的警号 (the liaison officer’s badge number)',
  },
  {
    field: 'startsOn',
    headers: ['开始日期', 'Starts on'],
    required: true,
    kind: 'date',
    example: '2026-02-01',
    note: '挂钩开始日；原挂钩于前一日结束 (first day; the current assignment ends the day before)',
  },
  {
    field: 'supportingBranches',
    headers: ['支撑警种', 'Supporting branches'],
    required: false,
    kind: 'list',
    example: '治安大队、刑侦大队',
    note: '本项目警种单位名称，用“、”分隔 (branch units of the program, separated by 、)',
  },
];

export const IMPORT_COLUMNS: Record<ImportKind, ReadonlyArray<ImportColumn>> = {
  [ImportKind.ENTERPRISES]: ENTERPRISE_COLUMNS,
  [ImportKind.OFFICERS]: OFFICER_COLUMNS,
  [ImportKind.LIAISON_ASSIGNMENTS]: LIAISON_COLUMNS,
};
