import { CommitmentArea } from '../commitments/commitment.entity';
import { Comparator, IndicatorPeriod } from '../commitments/indicator.entity';
import { indicator } from './weng-an';
import type { PlaceSeed, PlacesProgram } from './places';

const LEVEL = '超大型企业厂区';
const REGION = '广东省深圳市龙华区';

const part = (name: string, weight: number, extra: Partial<PlaceSeed> = {}): PlaceSeed => ({
  name,
  level: LEVEL,
  region: REGION,
  office: `${name}警务点`,
  staff: {},
  weight,
  ...extra,
});

/**
 * The fifth demo program, from seed article 001: a "平安厂区" (safe campus) pilot at one very large
 * factory campus in Longhua district, Shenzhen — 100-odd buildings, 100-odd production units, 20-odd
 * labour-dispatch firms, 180,000 people managed, 30,000 living on site. The places are the campus's
 * parts; what it counts is the article's: all incidents down 44.51 % year on year and thefts down
 * 55.68 % (2018 against 2017), emergency drills, the staff-care hotline's 80-odd services a day, the
 * 24-hour unmanned smart police office and the face-recognition gates. The enterprise is not named.
 */
export const LONGHUA: PlacesProgram = {
  program: {
    name: '龙华区油松“平安厂区”试点',
    region: REGION,
    bureau: '深圳市公安局龙华分局',
    description:
      '人防、物防、技防并举：人脸识别门禁全覆盖，24 小时“无人”智慧警务室，隐患排查、应急演练、矛盾纠纷调解和平安宣传四项机制，五道安保防护圈。',
  },
  station: '深圳市公安局龙华分局油松派出所',
  months: 24,
  places: [
    part('厂区生产区', 5, {
      staff: { OFFICER: 3, AUXILIARY_POLICE: 8 },
      // Face-recognition gates at every entrance and at the finance office, stores and the chemicals store.
      facilities: { ACCESS_CONTROL: 48, POLICE_OFFICE: 1 },
    }),
    part('厂区员工生活区', 4, {
      staff: { OFFICER: 2, AUXILIARY_POLICE: 6 },
      // The apartments' gates; five smart parking points for bicycles and e-bikes, fenced and filmed.
      facilities: { ACCESS_CONTROL: 36, CAMERA: 40 },
    }),
    part('厂区周边', 1, { staff: { AUXILIARY_POLICE: 4 }, facilities: { CAMERA: 24 } }),
  ],
  requests: [
    // The staff-care centre's 24-hour hotline: 80-odd services a day (日均提供服务80余次), 365 days.
    {
      kind: 'OTHER',
      channel: 'NEARBY',
      source: 'PHONE',
      requesterKind: 'PERSON',
      count: 80 * 365,
      lastYearOnly: true,
      description: '员工关爱中心服务热线（职工诉求、劳动争议、法律援助、心理健康）',
    },
  ],
  disputes: [{ category: 'WAGES', mediationMode: 'CATEGORIZED', count: 60, resolved: 58, summary: '劳务派遣工资纠纷' }],
  engagements: [
    { type: 'DRILL', count: 24, title: '厂区消防与反恐应急演练', attendees: 200 },
    { type: 'LEGAL_PUBLICITY', count: 12, title: '平安厂区宣传', attendees: 300 },
  ],
  // All incidents: 1,640 in 2017, 910 in 2018 (−44.51 %); thefts 880 to 390 (−55.68 %).
  incidents: [
    {
      type: 'THEFT',
      criminal: true,
      yearBefore: 880,
      lastYear: 390,
      clearedYearBefore: 90,
      clearedLastYear: 150,
      summary: '储物柜、电动车盗窃',
    },
    { type: 'FIGHT', criminal: false, yearBefore: 300, lastYear: 200, summary: '员工纠纷打架' },
    { type: 'TRAFFIC', criminal: false, yearBefore: 260, lastYear: 180, summary: '厂区交通事故' },
    { type: 'LABOUR', criminal: false, yearBefore: 200, lastYear: 140, summary: '劳资警情' },
  ],
  commitments: [
    {
      code: 'L01',
      area: CommitmentArea.PUBLIC_ORDER,
      title: { 'zh-CN': '厂区警情大幅下降', 'zh-TW': '廠區警情大幅下降', en: 'Far fewer incidents on the campus' },
      lead: '深圳市公安局龙华分局油松派出所',
      indicators: [
        {
          ...indicator('incidentCount', 1000, IndicatorPeriod.YEAR, {
            'zh-CN': '全年厂区警情',
            'zh-TW': '全年廠區警情',
            en: 'Incidents on the campus in the year',
          }),
          comparator: Comparator.LTE,
        },
        {
          ...indicator(
            'incidentCount',
            440,
            IndicatorPeriod.YEAR,
            { 'zh-CN': '全年盗窃警情', 'zh-TW': '全年盜竊警情', en: 'Thefts in the year' },
            { type: 'THEFT' },
          ),
          comparator: Comparator.LTE,
        },
      ],
    },
    {
      code: 'L02',
      area: CommitmentArea.PUBLIC_ORDER,
      title: { 'zh-CN': '提升应急演练机制', 'zh-TW': '提升應急演練機制', en: 'Regular emergency drills' },
      lead: '深圳市公安局龙华分局油松派出所',
      indicators: [
        indicator(
          'engagementCount',
          12,
          IndicatorPeriod.YEAR,
          { 'zh-CN': '全年应急演练', 'zh-TW': '全年應急演練', en: 'Drills in the year' },
          { type: 'DRILL' },
        ),
      ],
    },
    {
      code: 'L03',
      area: CommitmentArea.SERVICE,
      title: { 'zh-CN': '员工关爱从源头化解矛盾', 'zh-TW': '員工關愛從源頭化解矛盾', en: 'Staff care settles problems at the source' },
      lead: '深圳市公安局龙华分局油松派出所',
      indicators: [
        indicator(
          'serviceRequestCount',
          29_000,
          IndicatorPeriod.YEAR,
          { 'zh-CN': '全年关爱热线服务', 'zh-TW': '全年關愛熱線服務', en: 'Staff-care hotline services in the year' },
          { source: 'PHONE' },
        ),
      ],
    },
  ],
};
