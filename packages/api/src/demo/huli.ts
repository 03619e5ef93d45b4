import { CommitmentArea } from '../commitments/commitment.entity';
import { Comparator, IndicatorPeriod } from '../commitments/indicator.entity';
import { indicator } from './weng-an';
import { apportion, type PlaceSeed, type PlacesProgram } from './places';

const STREETS = ['湖里街道', '殿前街道', '禾山街道', '江头街道', '金山街道'];
const CAMERAS = apportion(
  3121,
  STREETS.map(() => 1),
);

const street = (name: string): PlaceSeed => ({
  name,
  level: '城区街道',
  region: '福建省厦门市湖里区',
  office: `${name}派出所`,
  staff: { OFFICER: 12, AUXILIARY_POLICE: 20, GRID_WORKER: 30 },
  weight: 1,
});

/**
 * The fourth demo program, from seed article 003: Huli district's year of safer-city work. The places
 * are the district's streets; what it counts is the district's: criminal-class 110 incidents down
 * 26.75 % year on year (4,000 to 2,930), 446 telecom fraud cases cleared, hazards reported by app
 * volunteers, disputes mediated by the street committees.
 */
export const HULI: PlacesProgram = {
  program: {
    name: '湖里区平安城区建设',
    region: '福建省厦门市湖里区',
    bureau: '厦门市公安局湖里分局',
    description: '织密治安防控网络，互联网+群防群治，多元调解化解多元矛盾，六个专项治理。',
  },
  station: '厦门市公安局湖里分局',
  months: 24,
  // 3,121 video channels across the district, connected to the city's sharing platform: shared out over the streets.
  places: STREETS.map((name, i) => ({ ...street(name), facilities: { CAMERA: CAMERAS[i]! } })),
  requests: [
    {
      kind: 'ID_CARD',
      channel: 'NEARBY',
      source: 'WALK_IN',
      requesterKind: 'PERSON',
      count: 6000,
      description: '“一站式”办理居民身份证',
    },
    {
      kind: 'SECURITY',
      channel: 'NEARBY',
      source: 'APP',
      requesterKind: 'PERSON',
      count: 1200,
      description: '志愿者经“厦门百姓”App 报告治安隐患',
    },
  ],
  disputes: [
    { category: 'WAGES', mediationMode: 'CONCENTRATED', count: 40, resolved: 40, summary: '项目工地劳资纠纷' },
    { category: 'NEIGHBOUR', mediationMode: 'CATEGORIZED', count: 260, resolved: 258, summary: '城中村邻里纠纷' },
    { category: 'FAMILY', mediationMode: 'COUNSELLING', count: 120, resolved: 119, summary: '家庭矛盾' },
  ],
  engagements: [{ type: 'LEGAL_PUBLICITY', count: 96, title: '反诈骗宣传进社区', attendees: 80 }],
  // 110 criminal-class incidents: 4,000 in the year before, 2,930 in the last (−26.75 %).
  incidents: [
    { type: 'THEFT', criminal: true, yearBefore: 2400, lastYear: 1758, clearedYearBefore: 820, clearedLastYear: 700, summary: '盗窃' },
    {
      type: 'FRAUD',
      criminal: true,
      yearBefore: 1000,
      lastYear: 732,
      clearedYearBefore: 380,
      clearedLastYear: 446,
      summary: '虚假信息诈骗',
    },
    {
      type: 'FIGHT',
      criminal: true,
      yearBefore: 600,
      lastYear: 440,
      clearedYearBefore: 520,
      clearedLastYear: 400,
      summary: '打架斗殴致伤',
    },
    { type: 'TRAFFIC', criminal: false, yearBefore: 3000, lastYear: 2900, summary: '交通事故' },
  ],
  commitments: [
    {
      code: 'H01',
      area: CommitmentArea.PUBLIC_ORDER,
      title: { 'zh-CN': '“110类”刑事警情持续下降', 'zh-TW': '「110類」刑事警情持續下降', en: 'Fewer criminal 110 incidents' },
      lead: '厦门市公安局湖里分局',
      indicators: [
        {
          ...indicator(
            'incidentCount',
            3200,
            IndicatorPeriod.YEAR,
            {
              'zh-CN': '全年“110类”刑事警情',
              'zh-TW': '全年「110類」刑事警情',
              en: 'Criminal 110 incidents in the year',
            },
            { criminalOnly: true },
          ),
          comparator: Comparator.LTE,
        },
      ],
    },
    {
      code: 'H02',
      area: CommitmentArea.PUBLIC_ORDER,
      title: { 'zh-CN': '电信诈骗专项治理', 'zh-TW': '電信詐騙專項治理', en: 'Telecom fraud campaign' },
      lead: '厦门市公安局湖里分局',
      indicators: [
        indicator(
          'casesCleared',
          400,
          IndicatorPeriod.YEAR,
          { 'zh-CN': '全年破获虚假信息诈骗案件', 'zh-TW': '全年破獲虛假信息詐騙案件', en: 'Fraud cases cleared in the year' },
          { type: 'FRAUD' },
        ),
      ],
    },
    {
      code: 'H03',
      area: CommitmentArea.RULE_OF_LAW,
      title: { 'zh-CN': '多元调解化解矛盾', 'zh-TW': '多元調解化解矛盾', en: 'Disputes settled by mediation' },
      lead: '厦门市公安局湖里分局',
      indicators: [
        indicator('disputeResolutionRate', 90, IndicatorPeriod.QUARTER, {
          'zh-CN': '纠纷化解率',
          'zh-TW': '糾紛化解率',
          en: 'Disputes resolved',
        }),
      ],
    },
  ],
};
