import type { Translated } from '../commitments/commitment.entity';
import { CommitmentArea } from '../commitments/commitment.entity';
import { type Comparator, IndicatorPeriod } from '../commitments/indicator.entity';
import { TeamType } from '../teams/team.entity';

/** What the Weng'an article reports "to date" for the program (one park, about a year). */
export const ARTICLE_FIGURES = {
  patrolPersonTimes: 3600,
  onSitePatrols: 500,
  videoPatrols: 450,
  hazardsFoundOnPatrol: 6,
  suspiciousPersonsChecked: 123,
  suspiciousVehiclesChecked: 83,
  peopleAssisted: 27,
  trainings: 7,
  disputes: 128,
  disputesResolved: 128,
  escalationRisks: 5,
  escalationRisksDefused: 4,
  analysisMeetings: 40,
  problemsSolved: 286,
  pennants: 23,
} as const;

export const PROGRAM = {
  name: '瓮安县公安局“1131”护航园区工作机制',
  region: '贵州省黔南州瓮安县',
  bureau: '瓮安县公安局',
  description: '搭建一个平台、形成一套机制、建立三支队伍、实现一个目标：以“平安进园区、服务到企业”为载体，护航瓮安工业园区高质量发展。',
};

export const PARK = { name: '瓮安工业园区', level: '省级化工园区', region: '贵州省黔南州瓮安县' };

export const ZONES = ['基础工业园', '循环工业园', '精细化工园'] as const;

export const STATIONS = ['雍阳派出所', '银盏派出所', '天文派出所', '玉华中心警务室'] as const;

export const WORKSTATIONS = ['基础工业园区警务站', '循环工业园区警务站', '精细化工园区警务站'] as const;

export const BRANCHES: ReadonlyArray<readonly [name: string, specialism: string]> = [
  ['治安管理大队', '治安'],
  ['刑事侦查大队', '刑侦'],
  ['交通警察大队', '交警'],
  ['户政管理大队', '户政'],
  ['出入境管理大队', '出入境'],
  ['网络安全保卫大队', '网安'],
  ['禁毒大队', '禁毒'],
  ['经济犯罪侦查大队', '经侦'],
];

/** The activity magnitudes a program reports over its baseline (enterprises × months); the generator scales them. */
export type ArticleFigures = Record<keyof typeof ARTICLE_FIGURES, number>;

/**
 * A program the demo generator can write: its organisation, its commitments (through the metric catalog,
 * no code of their own) and the magnitudes of its activity.
 */
export interface DemoProgram {
  program: { name: string; region: string; bureau: string; description: string };
  park: { name: string; level: string; region: string };
  zones: readonly string[];
  stations: readonly string[];
  /** One per zone, in zone order. */
  workstations: readonly string[];
  branches: ReadonlyArray<readonly [name: string, specialism: string]>;
  monitoringCentre: string | null;
  teams: Record<TeamType, string>;
  commitments: CommitmentSeed[];
  figures: ArticleFigures;
  baseline: { enterprises: number; officers: number; months: number };
  /** Workers registered on the sites and the wages recovered for them (a construction program's figures). */
  workers?: WorkerFigures;
  /** Service requests still open at the end, as a share of those solved (default 5 %). */
  openRequestShare?: number;
  /** The places are construction projects, built by organisations under 总包负责制. */
  sites?: SiteFigures;
}

export interface SiteFigures {
  /** General contractors on the register, each answerable for one site or more. */
  generalContractors: number;
  /** Subcontractors and work teams on the register; each site takes some of each. */
  subcontractors: number;
  workTeams: number;
}

export interface WorkerFigures {
  /** Registered and still on site on the last day, and the share of them the last checks found accurate. */
  present: number;
  accuracyNow: number;
  /** Registered early and gone since, checked in the first two months, and the share found accurate then. */
  gone: number;
  accuracyBefore: number;
  /** Yuan recovered for workers by the resolved wage disputes, in all. */
  wagesRecovered: number;
}

export interface IndicatorSeed {
  metric: string;
  params?: Record<string, unknown>;
  target: number;
  comparator?: Comparator;
  period: IndicatorPeriod;
  label: Translated;
}

export interface CommitmentSeed {
  code: string;
  area: CommitmentArea;
  title: Translated;
  lead: string;
  indicators: IndicatorSeed[];
}

export const indicator = (
  metric: string,
  target: number,
  period: IndicatorPeriod,
  label: Translated,
  params?: Record<string, unknown>,
): IndicatorSeed => ({
  metric,
  target,
  period,
  label,
  params,
});

/** The thirteen service commitments (《助力高质量发展服务企业十三条举措》) and their indicators. */
export const COMMITMENTS: CommitmentSeed[] = [
  {
    code: 'C01',
    area: CommitmentArea.PARTNERSHIP,
    title: { 'zh-CN': '组建警企联络群', 'zh-TW': '組建警企聯絡群', en: 'Liaison group for every enterprise' },
    lead: '治安管理大队',
    indicators: [
      indicator('liaisonGroupCoverage', 100, IndicatorPeriod.MONTH, {
        'zh-CN': '已入联络群企业占比',
        'zh-TW': '已入聯絡群企業占比',
        en: 'Enterprises in a liaison group',
      }),
    ],
  },
  {
    code: 'C02',
    area: CommitmentArea.PARTNERSHIP,
    title: { 'zh-CN': '定期发布治安形势', 'zh-TW': '定期發布治安形勢', en: 'Regular security situation bulletins' },
    lead: '治安管理大队',
    indicators: [
      indicator(
        'engagementCount',
        1,
        IndicatorPeriod.MONTH,
        { 'zh-CN': '每月治安形势通报次数', 'zh-TW': '每月治安形勢通報次數', en: 'Security bulletins per month' },
        { type: 'SECURITY_BULLETIN' },
      ),
    ],
  },
  {
    code: 'C03',
    area: CommitmentArea.PARTNERSHIP,
    title: { 'zh-CN': '警企季度恳谈会', 'zh-TW': '警企季度懇談會', en: 'Quarterly police–enterprise meeting' },
    lead: '雍阳派出所',
    indicators: [
      indicator(
        'engagementCountPerPark',
        1,
        IndicatorPeriod.QUARTER,
        { 'zh-CN': '每园区每季度恳谈会次数', 'zh-TW': '每園區每季度懇談會次數', en: 'Meetings per park per quarter' },
        { type: 'QUARTERLY_MEETING' },
      ),
    ],
  },
  {
    code: 'C04',
    area: CommitmentArea.PARTNERSHIP,
    title: { 'zh-CN': '警企党建联谊', 'zh-TW': '警企黨建聯誼', en: 'Party-building partnership' },
    lead: '雍阳派出所',
    indicators: [
      indicator(
        'engagementCount',
        1,
        IndicatorPeriod.QUARTER,
        { 'zh-CN': '每季度党建联谊活动次数', 'zh-TW': '每季度黨建聯誼活動次數', en: 'Party-building events per quarter' },
        { type: 'PARTY_BUILDING' },
      ),
    ],
  },
  {
    code: 'C05',
    area: CommitmentArea.SERVICE,
    title: { 'zh-CN': '护航警官制度（1+N）', 'zh-TW': '護航警官制度（1+N）', en: 'Dedicated liaison officer for every enterprise (1+N)' },
    lead: '治安管理大队',
    indicators: [
      indicator('liaisonCoverage', 100, IndicatorPeriod.MONTH, {
        'zh-CN': '有护航警官的企业占比',
        'zh-TW': '有護航警官的企業占比',
        en: 'Enterprises with an active liaison officer',
      }),
    ],
  },
  {
    code: 'C06',
    area: CommitmentArea.SERVICE,
    title: { 'zh-CN': '护航警官每月走访', 'zh-TW': '護航警官每月走訪', en: 'Monthly visit by the liaison officer' },
    lead: '治安管理大队',
    indicators: [
      indicator('visitCoverage', 100, IndicatorPeriod.MONTH, {
        'zh-CN': '当月已走访企业占比',
        'zh-TW': '當月已走訪企業占比',
        en: 'Enterprises visited in the month',
      }),
    ],
  },
  {
    code: 'C07',
    area: CommitmentArea.PUBLIC_ORDER,
    title: { 'zh-CN': '涉企警情快速反应', 'zh-TW': '涉企警情快速反應', en: 'Rapid response to enterprise incidents' },
    lead: '雍阳派出所',
    indicators: [
      indicator(
        'incidentArrivalWithin',
        95,
        IndicatorPeriod.MONTH,
        { 'zh-CN': '15 分钟内到场率', 'zh-TW': '15 分鐘內到場率', en: 'Arrival within 15 minutes' },
        { minutes: 15 },
      ),
    ],
  },
  {
    code: 'C08',
    area: CommitmentArea.PUBLIC_ORDER,
    title: { 'zh-CN': '研判预警、设卡盘查、巡逻防控', 'zh-TW': '研判預警、設卡盤查、巡邏防控', en: 'Analysis-led patrols and checkpoints' },
    lead: '治安管理大队',
    indicators: [
      indicator(
        'patrolsPerZonePerWeek',
        3,
        IndicatorPeriod.MONTH,
        { 'zh-CN': '每片区每周巡逻次数', 'zh-TW': '每片區每週巡邏次數', en: 'Patrols per zone per week' },
        { includeVideo: true },
      ),
    ],
  },
  {
    code: 'C09',
    area: CommitmentArea.PUBLIC_ORDER,
    title: { 'zh-CN': '隐患排查整改', 'zh-TW': '隱患排查整改', en: 'Hazard inspection and rectification' },
    lead: '治安管理大队',
    indicators: [
      indicator('hazardsRectifiedByDeadline', 95, IndicatorPeriod.MONTH, {
        'zh-CN': '隐患按期整改率',
        'zh-TW': '隱患按期整改率',
        en: 'Hazards rectified by their deadline',
      }),
    ],
  },
  {
    code: 'C10',
    area: CommitmentArea.SERVICE,
    title: { 'zh-CN': '“放管服”便民服务（六办）', 'zh-TW': '「放管服」便民服務（六辦）', en: 'Convenient services through six channels' },
    lead: '户政管理大队',
    indicators: [
      indicator('serviceRequestsResolvedInTime', 95, IndicatorPeriod.MONTH, {
        'zh-CN': '诉求按时办结率',
        'zh-TW': '訴求按時辦結率',
        en: 'Requests resolved within the time limit',
      }),
    ],
  },
  {
    code: 'C11',
    area: CommitmentArea.SERVICE,
    title: { 'zh-CN': '预约服务制度', 'zh-TW': '預約服務制度', en: 'Appointment service' },
    lead: '户政管理大队',
    indicators: [
      indicator('appointmentsHonoured', 98, IndicatorPeriod.MONTH, {
        'zh-CN': '预约按时服务率',
        'zh-TW': '預約按時服務率',
        en: 'Appointments honoured on time',
      }),
    ],
  },
  {
    code: 'C12',
    area: CommitmentArea.RULE_OF_LAW,
    title: { 'zh-CN': '矛盾纠纷联调化解', 'zh-TW': '矛盾糾紛聯調化解', en: 'Joint dispute mediation' },
    lead: '雍阳派出所',
    indicators: [
      indicator('disputeResolutionRate', 95, IndicatorPeriod.QUARTER, {
        'zh-CN': '矛盾纠纷化解率',
        'zh-TW': '矛盾糾紛化解率',
        en: 'Disputes resolved',
      }),
      indicator('escalationRisksControlled', 100, IndicatorPeriod.QUARTER, {
        'zh-CN': '“民转刑”“刑转命”风险管控率',
        'zh-TW': '「民轉刑」「刑轉命」風險管控率',
        en: 'Escalation risks under control',
      }),
    ],
  },
  {
    code: 'C13',
    area: CommitmentArea.RULE_OF_LAW,
    title: {
      'zh-CN': '法律服务进企业、柔性执法',
      'zh-TW': '法律服務進企業、柔性執法',
      en: 'Legal services into enterprises; flexible enforcement',
    },
    lead: '治安管理大队',
    indicators: [
      indicator('legalPublicityPerEnterprise', 1, IndicatorPeriod.QUARTER, {
        'zh-CN': '每企业每季度法治宣传次数',
        'zh-TW': '每企業每季度法治宣傳次數',
        en: 'Legal publicity sessions per enterprise per quarter',
      }),
    ],
  },
];

export const WENG_AN: DemoProgram = {
  program: PROGRAM,
  park: PARK,
  zones: ZONES,
  stations: STATIONS,
  workstations: WORKSTATIONS,
  branches: BRANCHES,
  monitoringCentre: '园区监控中心',
  teams: {
    [TeamType.PATROL]: '警企巡逻联防队',
    [TeamType.MEDIATION]: '警企矛盾纠纷联调队',
    [TeamType.SERVICE]: '警企联合服务队',
  },
  commitments: COMMITMENTS,
  figures: ARTICLE_FIGURES,
  baseline: { enterprises: 60, officers: 25, months: 12 },
};
