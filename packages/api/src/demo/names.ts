import { CREDIT_CODE_CHARSET, creditCodeCheckCharacter } from '../shared/validation';
import type { Random } from './random';

/** Invented names, kept clear of well-known brands. */
const PLACES = ['贵州', '瓮安', '黔南', '瓮安县', '贵州黔南', '贵州瓮安'];
const CORES = [
  '雅泽',
  '青禾',
  '嘉磷',
  '泓川',
  '天一',
  '鑫泰',
  '金正',
  '磷晶',
  '华丰',
  '众联',
  '远澜',
  '盛源',
  '恒达',
  '振黔',
  '宏泰',
  '荣岱',
  '安泰',
  '福泉',
  '云峰',
  '明达',
  '龙腾',
  '新宇',
  '博盛',
  '佳瑞',
  '永固',
  '正和',
  '黔源',
  '汇通',
  '中磷',
  '锦程',
  '科隆',
  '昌盛',
  '兴沅',
  '宝源',
  '华沁',
  '东方',
  '黔丰',
  '润达',
  '恒昌',
  '凯瑞',
  '金瓯',
  '山海',
  '德润',
  '嘉禾',
  '银盏',
];
export const INDUSTRIES: ReadonlyArray<readonly [industry: string, word: string, hazardous: boolean]> = [
  ['磷化工', '磷化工', true],
  ['新材料', '新材料', true],
  ['精细化工', '精细化工', true],
  ['电池材料', '新能源材料', true],
  ['氟化工', '氟化工', true],
  ['矿业', '矿业', false],
  ['建材', '建材', false],
  ['物流', '物流', false],
  ['机械制造', '机械制造', false],
  ['环保科技', '环保科技', false],
  ['建筑施工', '建设工程', false],
  ['食品加工', '食品', false],
];
const SUFFIXES = ['有限公司', '有限责任公司', '股份有限公司'];

export function enterpriseName(random: Random, taken: Set<string>, word: string): string {
  for (;;) {
    const name = `${random.pick(PLACES)}${random.pick(CORES)}${word}${random.pick(SUFFIXES)}`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
    // Large data sets exhaust the combinations; a branch number keeps names unique and plausible.
    const numbered = `${random.pick(PLACES)}${random.pick(CORES)}${word}第${random.int(2, 99999)}分公司`;
    if (!taken.has(numbered)) {
      taken.add(numbered);
      return numbered;
    }
  }
}

/** A valid unified social credit code for a company registered in 瓮安县 (division 522725). */
const SITE_AREAS = ['华阳', '正兴', '兴隆', '煎茶', '万安', '籍田', '太平', '永兴', '新兴', '合江', '鹿溪', '秦皇寺', '麓湖', '天府'];
const SITE_WORKS = [
  ['安置房', '房屋建筑'],
  ['人才公寓', '房屋建筑'],
  ['学校', '房屋建筑'],
  ['社区综合体', '房屋建筑'],
  ['产业园', '房屋建筑'],
  ['医院', '房屋建筑'],
  ['道路', '市政工程'],
  ['综合管廊', '市政工程'],
  ['桥梁', '市政工程'],
  ['公园', '园林绿化'],
] as const;

/** An invented construction project (在建工地) and its kind of works. */
export function siteName(random: Random, taken: Set<string>): { name: string; industry: string } {
  for (let phase = 1; ; phase++) {
    const [work, industry] = random.pick(SITE_WORKS);
    const name = `${random.pick(SITE_AREAS)}${work}${phase > 3 ? `（${phase}期）` : ''}项目`;
    if (!taken.has(name)) {
      taken.add(name);
      return { name, industry };
    }
  }
}

const BUILDER_CORES = ['蜀城', '锦江', '川兴', '蓉建', '天诚', '华筑', '西岭', '岷江', '青城', '宏川', '安筑', '众建', '恒砼', '嘉蜀'];
const BUILDER_WORDS: Record<'GENERAL_CONTRACTOR' | 'SUBCONTRACTOR' | 'WORK_TEAM', readonly string[]> = {
  GENERAL_CONTRACTOR: ['建工集团有限公司', '建设工程有限公司', '建筑工程有限公司'],
  SUBCONTRACTOR: ['钢结构工程有限公司', '机电安装工程有限公司', '幕墙装饰工程有限公司', '基础工程有限公司', '消防工程有限公司'],
  WORK_TEAM: ['劳务有限公司', '建筑劳务有限公司', '劳务分包有限公司'],
};

/** An invented builder of the given role: a construction company, a specialist or a labour company. */
export function builderName(random: Random, taken: Set<string>, role: keyof typeof BUILDER_WORDS): string {
  for (;;) {
    const name = `四川${random.pick(BUILDER_CORES)}${random.pick(BUILDER_CORES).slice(0, 1)}${random.pick(BUILDER_WORDS[role])}`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

/**
 * An invented unified social credit code: an enterprise (91) registered in `division` (six digits of
 * GB/T 2260; Weng'an County, 522725, by default), nine random characters and the check character.
 */
export function creditCode(random: Random, taken: Set<string>, division = '522725'): string {
  for (;;) {
    let body = `91${division}`;
    for (let i = 0; i < 9; i++) body += CREDIT_CODE_CHARSET[random.int(0, 30)];
    const code = body + creditCodeCheckCharacter(body);
    if (!taken.has(code)) {
      taken.add(code);
      return code;
    }
  }
}

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '罗',
  '宋',
  '田',
  '龙',
  '石',
  '杜',
  '韦',
  '蒙',
  '熊',
  '冉',
];
const GIVEN = [
  '伟',
  '军',
  '勇',
  '磊',
  '涛',
  '斌',
  '强',
  '洋',
  '杰',
  '鹏',
  '华',
  '明',
  '超',
  '亮',
  '平',
  '刚',
  '飞',
  '静',
  '敏',
  '丽',
  '婷',
  '雪',
  '波',
  '林',
  '峰',
  '辉',
  '建国',
  '志强',
  '海涛',
  '晓东',
  '文卫',
  '红梅',
  '春燕',
  '德明',
];

export function personName(random: Random): string {
  return random.pick(SURNAMES) + random.pick(GIVEN) + (random.chance(0.4) ? random.pick(GIVEN).slice(0, 1) : '');
}

export function mobile(random: Random): string {
  return `1${random.pick(['38', '39', '58', '59', '87', '88', '51', '36', '85', '77'])}${String(random.int(0, 99_999_999)).padStart(8, '0')}`;
}
