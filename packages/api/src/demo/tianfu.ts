import { CommitmentArea } from '../commitments/commitment.entity';
import { Comparator, IndicatorPeriod } from '../commitments/indicator.entity';
import { TeamType } from '../teams/team.entity';
import { indicator, type DemoProgram } from './weng-an';

/**
 * The second demo program, from seed article 000: the Tianfu New Area branch's "smart construction-site
 * policing" (智慧工地警务) around Tongjiqiao police station, 24 building sites under the general-contractor
 * responsibility system (总包负责制). Its measures are its own, defined through the same metric catalog.
 */
export const TIANFU: DemoProgram = {
  program: {
    name: '天府新区分局“智慧工地警务”总包负责制',
    region: '四川省成都市天府新区',
    bureau: '成都市公安局天府新区分局',
    description: '以“总包负责制”明确工地安全管理主体责任，建立工地微信联络群、同步处警、法制宣传进工地和矛盾纠纷常态化排查化解机制。',
  },
  park: { name: '华阳街道在建工地', level: '在建工地片区', region: '四川省成都市天府新区华阳街道' },
  zones: ['香山社区工地片区', '通济社区工地片区'],
  stations: ['通济桥派出所'],
  workstations: ['香山社区工地警务室', '通济社区工地警务室'],
  branches: [
    ['治安管理支队户政大队', '户政'],
    ['刑事侦查大队', '刑侦'],
    ['交通警察大队', '交警'],
  ],
  monitoringCentre: '智慧工地警务平台',
  teams: {
    [TeamType.PATROL]: '工地巡控队',
    [TeamType.MEDIATION]: '工地矛盾纠纷调处队',
    [TeamType.SERVICE]: '工地警务服务队',
  },
  commitments: [
    {
      code: 'T01',
      area: CommitmentArea.PARTNERSHIP,
      title: { 'zh-CN': '逐一建立工地微信联络群', 'zh-TW': '逐一建立工地微信聯絡群', en: 'A WeChat liaison group for every site' },
      lead: '通济桥派出所',
      indicators: [
        indicator('liaisonGroupCoverage', 100, IndicatorPeriod.MONTH, {
          'zh-CN': '已建联络群工地占比',
          'zh-TW': '已建聯絡群工地占比',
          en: 'Sites with a liaison group',
        }),
      ],
    },
    {
      code: 'T02',
      area: CommitmentArea.SERVICE,
      title: { 'zh-CN': '社区民警每月到工地', 'zh-TW': '社區民警每月到工地', en: 'Community officer on every site each month' },
      lead: '通济桥派出所',
      indicators: [
        indicator('visitCoverage', 100, IndicatorPeriod.MONTH, {
          'zh-CN': '当月已到访工地占比',
          'zh-TW': '當月已到訪工地占比',
          en: 'Sites visited in the month',
        }),
      ],
    },
    {
      code: 'T03',
      area: CommitmentArea.PUBLIC_ORDER,
      title: { 'zh-CN': '涉工地警情同步处警', 'zh-TW': '涉工地警情同步處警', en: 'Joint response to site incidents' },
      lead: '通济桥派出所',
      indicators: [
        indicator(
          'incidentArrivalWithin',
          90,
          IndicatorPeriod.MONTH,
          { 'zh-CN': '20 分钟内到场率', 'zh-TW': '20 分鐘內到場率', en: 'Arrival within 20 minutes' },
          { minutes: 20 },
        ),
      ],
    },
    {
      code: 'T04',
      area: CommitmentArea.RULE_OF_LAW,
      title: { 'zh-CN': '法制宣传教育进工地', 'zh-TW': '法制宣傳教育進工地', en: 'Legal education on every site' },
      lead: '通济桥派出所',
      indicators: [
        indicator('legalPublicityPerEnterprise', 1, IndicatorPeriod.YEAR, {
          'zh-CN': '每工地每年法制宣传次数',
          'zh-TW': '每工地每年法制宣傳次數',
          en: 'Legal education sessions per site per year',
        }),
      ],
    },
    {
      code: 'T05',
      area: CommitmentArea.RULE_OF_LAW,
      title: {
        'zh-CN': '工地矛盾纠纷常态化排查化解',
        'zh-TW': '工地矛盾糾紛常態化排查化解',
        en: 'Regular dispute screening and mediation on sites',
      },
      lead: '通济桥派出所',
      indicators: [
        indicator('disputeResolutionRate', 90, IndicatorPeriod.QUARTER, {
          'zh-CN': '纠纷化解率',
          'zh-TW': '糾紛化解率',
          en: 'Disputes resolved',
        }),
      ],
    },
    {
      code: 'T06',
      area: CommitmentArea.PARTNERSHIP,
      title: { 'zh-CN': '工地治安防控座谈会', 'zh-TW': '工地治安防控座談會', en: 'Site security forums' },
      lead: '通济桥派出所',
      indicators: [
        indicator(
          'engagementCount',
          1,
          IndicatorPeriod.QUARTER,
          { 'zh-CN': '每季度座谈会次数', 'zh-TW': '每季度座談會次數', en: 'Forums per quarter' },
          { type: 'FORUM' },
        ),
      ],
    },
    {
      code: 'T07',
      area: CommitmentArea.SERVICE,
      title: { 'zh-CN': '工地意见建议按时办结', 'zh-TW': '工地意見建議按時辦結', en: 'Site suggestions answered on time' },
      lead: '治安管理支队户政大队',
      indicators: [
        {
          ...indicator('serviceRequestsResolvedInTime', 75, IndicatorPeriod.QUARTER, {
            'zh-CN': '意见建议按时办结率',
            'zh-TW': '意見建議按時辦結率',
            en: 'Suggestions resolved in time',
          }),
          comparator: Comparator.GTE,
        },
      ],
    },
  ],
  // Over 24 sites and a year: "20 suggestions received, 15 solved", "25 disputes resolved, 90 %" (25 of 27),
  // 24 legal sessions.
  figures: {
    patrolPersonTimes: 1200,
    onSitePatrols: 150,
    videoPatrols: 300,
    hazardsFoundOnPatrol: 10,
    suspiciousPersonsChecked: 40,
    suspiciousVehiclesChecked: 20,
    peopleAssisted: 10,
    trainings: 4,
    disputes: 27,
    disputesResolved: 25,
    escalationRisks: 2,
    escalationRisksDefused: 1,
    analysisMeetings: 12,
    problemsSolved: 15,
    pennants: 5,
  },
  baseline: { enterprises: 24, officers: 6, months: 12 },
  // 5,902 workers registered on the 24 sites; "一标三实" accuracy up from 66.3 % to 98.5 %; over
  // 5.08 million yuan of wages recovered for migrant workers.
  // 15 solved and 5 still open: the 20 received.
  openRequestShare: 1 / 3,
  // Nine general contractors over the 24 sites, with subcontractors and work teams of their own.
  sites: { generalContractors: 9, subcontractors: 16, workTeams: 40 },
  workers: { present: 5902, accuracyNow: 0.985, gone: 3000, accuracyBefore: 0.663, wagesRecovered: 5_080_000 },
};
