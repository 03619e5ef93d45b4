import type { PoliceUnitKind } from '@huhang/schema';

/**
 * The police units widget's words. They live with the widget, not in the shared translations, so
 * that the public bundle a portal loads does not carry them.
 */
export interface PoliceUnitsWords {
  title: string;
  park: string;
  none: string;
  unit: string;
  kind: string;
  kinds: Record<PoliceUnitKind, string>;
  stationed: string;
  inPark: string;
  county: string;
  zones: string;
  noZones: string;
  officers: string;
  actions: string;
  editZones(unit: string): string;
  saveZones: string;
  zonesSaved(unit: string): string;
  newName(unit: string): string;
  newNameHint: string;
  rename: string;
  renamed(from: string, to: string): string;
  archive: string;
  confirmArchive(unit: string): string;
  archived(unit: string): string;
  newUnit: string;
  name: string;
  nameHint: string;
  specialism: string;
  specialismHint: string;
  inThisPark: string;
  create: string;
  created(unit: string): string;
}

const zhCN: PoliceUnitsWords = {
  title: '警务单位',
  park: '园区',
  none: '还没有警务单位。',
  unit: '单位',
  kind: '单位类型',
  kinds: { STATION: '派出所', WORKSTATION: '警务站 / 警务室', BRANCH: '警种', MONITORING_CENTRE: '监控中心' },
  stationed: '驻地',
  inPark: '本园区',
  county: '县局',
  zones: '辖区片区',
  noZones: '未划片区',
  officers: '民警数',
  actions: '操作',
  editZones: (unit) => `${unit}的辖区片区`,
  saveZones: '保存辖区',
  zonesSaved: (unit) => `已保存${unit}的辖区`,
  newName: (unit) => `“${unit}”的新名称`,
  newNameHint: '新名称',
  rename: '改名',
  renamed: (from, to) => `“${from}”已改名为“${to}”`,
  archive: '归档',
  confirmArchive: (unit) => `归档“${unit}”？其记录仍会保留；仍有在岗民警的单位不能归档。`,
  archived: (unit) => `“${unit}”已归档`,
  newUnit: '新增单位',
  name: '单位名称',
  nameHint: '如：城关派出所',
  specialism: '警种',
  specialismHint: '如：治安、刑侦、交警',
  inThisPark: '驻本园区（否则为县局单位）',
  create: '新增单位',
  created: (unit) => `已新增“${unit}”`,
};

const zhTW: PoliceUnitsWords = {
  title: '警務單位',
  park: '園區',
  none: '還沒有警務單位。',
  unit: '單位',
  kind: '單位類型',
  kinds: { STATION: '派出所', WORKSTATION: '警務站 / 警務室', BRANCH: '警種', MONITORING_CENTRE: '監控中心' },
  stationed: '駐地',
  inPark: '本園區',
  county: '縣局',
  zones: '轄區片區',
  noZones: '未劃片區',
  officers: '員警數',
  actions: '操作',
  editZones: (unit) => `${unit}的轄區片區`,
  saveZones: '儲存轄區',
  zonesSaved: (unit) => `已儲存${unit}的轄區`,
  newName: (unit) => `「${unit}」的新名稱`,
  newNameHint: '新名稱',
  rename: '改名',
  renamed: (from, to) => `「${from}」已改名為「${to}」`,
  archive: '歸檔',
  confirmArchive: (unit) => `歸檔「${unit}」？其紀錄仍會保留；仍有在職員警的單位不能歸檔。`,
  archived: (unit) => `「${unit}」已歸檔`,
  newUnit: '新增單位',
  name: '單位名稱',
  nameHint: '如：城關派出所',
  specialism: '警種',
  specialismHint: '如：治安、刑偵、交警',
  inThisPark: '駐本園區（否則為縣局單位）',
  create: '新增單位',
  created: (unit) => `已新增「${unit}」`,
};

const en: PoliceUnitsWords = {
  title: 'Police units',
  park: 'Park',
  none: 'No police units yet.',
  unit: 'Unit',
  kind: 'Kind',
  kinds: { STATION: 'Police station', WORKSTATION: 'Workstation', BRANCH: 'Specialised branch', MONITORING_CENTRE: 'Monitoring centre' },
  stationed: 'Stationed',
  inPark: 'This park',
  county: 'County bureau',
  zones: 'Zones covered',
  noZones: 'No zones',
  officers: 'Officers',
  actions: 'Actions',
  editZones: (unit) => `Zones covered by ${unit}`,
  saveZones: 'Save zones',
  zonesSaved: (unit) => `Zones of ${unit} saved`,
  newName: (unit) => `New name for “${unit}”`,
  newNameHint: 'New name',
  rename: 'Rename',
  renamed: (from, to) => `“${from}” is now “${to}”`,
  archive: 'Archive',
  confirmArchive: (unit) => `Archive “${unit}”? Its records are kept; a unit with active officers cannot be archived.`,
  archived: (unit) => `“${unit}” archived`,
  newUnit: 'New unit',
  name: 'Unit name',
  nameHint: 'e.g. Chengguan police station',
  specialism: 'Specialism',
  specialismHint: 'e.g. public order, criminal investigation, traffic',
  inThisPark: 'Stationed in this park (else a county unit)',
  create: 'Add unit',
  created: (unit) => `“${unit}” added`,
};

export const POLICE_UNITS_WORDS: Record<string, PoliceUnitsWords> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };
