import type { ParticipantRole, PlaceKind } from '@huhang/schema';

/**
 * The place participants widget's words. They live with the widget, not in the shared translations,
 * so that the public bundle a portal loads does not carry them.
 */
export interface ParticipantsWords {
  title: string;
  park: string;
  place: string;
  kinds: Record<PlaceKind, string>;
  noPlaces: string;
  none: string;
  roles: Record<ParticipantRole, string>;
  creditCode: string;
  joined(day: string): string;
  left(day: string): string;
  leftOn(name: string): string;
  end: string;
  confirmEnd(name: string): string;
  ended(name: string): string;
  add: string;
  organisation: string;
  role: string;
  parent: string;
  parentHint: string;
  joinedOn: string;
  added(name: string): string;
  register: string;
  name: string;
  nameHint: string;
  creditCodeHint: string;
  registered(name: string): string;
}

const zhCN: ParticipantsWords = {
  title: '参建单位',
  park: '园区',
  place: '服务场所',
  kinds: { ENTERPRISE: '企业', CONSTRUCTION_PROJECT: '在建工地', CAMPUS: '厂区', COMMUNITY: '社区', AREA: '片区' },
  noPlaces: '这里还没有服务场所。',
  none: '这个场所还没有登记参建单位。',
  roles: { GENERAL_CONTRACTOR: '总包', SUBCONTRACTOR: '分包', WORK_TEAM: '班组', LABOUR_DISPATCH: '劳务派遣' },
  creditCode: '统一社会信用代码',
  joined: (day) => `${day} 进场`,
  left: (day) => `${day} 退场`,
  leftOn: (name) => `“${name}”的退场日期`,
  end: '退场',
  confirmEnd: (name) => `登记“${name}”退场？在其下的单位同日一并退场。`,
  ended: (name) => `“${name}”已登记退场`,
  add: '登记单位进场',
  organisation: '单位',
  role: '身份',
  parent: '所属上级',
  parentHint: '总包不选；分包选总包；班组选总包或分包',
  joinedOn: '进场日期',
  added: (name) => `“${name}”已登记进场`,
  register: '登记新单位',
  name: '单位名称',
  nameHint: '如：某某建设工程有限公司',
  creditCodeHint: '18 位，含校验位',
  registered: (name) => `“${name}”已登记`,
};

const zhTW: ParticipantsWords = {
  title: '參建單位',
  park: '園區',
  place: '服務場所',
  kinds: { ENTERPRISE: '企業', CONSTRUCTION_PROJECT: '在建工地', CAMPUS: '廠區', COMMUNITY: '社區', AREA: '片區' },
  noPlaces: '這裡還沒有服務場所。',
  none: '這個場所還沒有登記參建單位。',
  roles: { GENERAL_CONTRACTOR: '總包', SUBCONTRACTOR: '分包', WORK_TEAM: '班組', LABOUR_DISPATCH: '勞務派遣' },
  creditCode: '統一社會信用代碼',
  joined: (day) => `${day} 進場`,
  left: (day) => `${day} 退場`,
  leftOn: (name) => `「${name}」的退場日期`,
  end: '退場',
  confirmEnd: (name) => `登記「${name}」退場？在其下的單位同日一併退場。`,
  ended: (name) => `「${name}」已登記退場`,
  add: '登記單位進場',
  organisation: '單位',
  role: '身分',
  parent: '所屬上級',
  parentHint: '總包不選；分包選總包；班組選總包或分包',
  joinedOn: '進場日期',
  added: (name) => `「${name}」已登記進場`,
  register: '登記新單位',
  name: '單位名稱',
  nameHint: '如：某某建設工程有限公司',
  creditCodeHint: '18 位，含校驗位',
  registered: (name) => `「${name}」已登記`,
};

const en: ParticipantsWords = {
  title: 'Organisations on site',
  park: 'Park',
  place: 'Place',
  kinds: { ENTERPRISE: 'Enterprise', CONSTRUCTION_PROJECT: 'Construction project', CAMPUS: 'Campus', COMMUNITY: 'Community', AREA: 'Area' },
  noPlaces: 'No places here yet.',
  none: 'No organisations recorded at this place yet.',
  roles: {
    GENERAL_CONTRACTOR: 'General contractor',
    SUBCONTRACTOR: 'Subcontractor',
    WORK_TEAM: 'Work team',
    LABOUR_DISPATCH: 'Labour dispatch',
  },
  creditCode: 'Unified social credit code',
  joined: (day) => `on site from ${day}`,
  left: (day) => `left ${day}`,
  leftOn: (name) => `Day ${name} left`,
  end: 'Left',
  confirmEnd: (name) => `Record that ${name} left? Those working under it leave the same day.`,
  ended: (name) => `${name} recorded as gone`,
  add: 'Record an organisation on site',
  organisation: 'Organisation',
  role: 'Role',
  parent: 'Works under',
  parentHint: 'None for a general contractor; the general contractor for a subcontractor; either for a work team',
  joinedOn: 'On site from',
  added: (name) => `${name} recorded on site`,
  register: 'Register an organisation',
  name: 'Name',
  nameHint: 'e.g. Some Construction Co., Ltd.',
  creditCodeHint: '18 characters with the check character',
  registered: (name) => `${name} registered`,
};

export const PARTICIPANTS_WORDS: Record<string, ParticipantsWords> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };
