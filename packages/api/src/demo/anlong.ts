import { CommitmentArea } from '../commitments/commitment.entity';
import { IndicatorPeriod } from '../commitments/indicator.entity';
import { indicator } from './weng-an';
import type { PlacesProgram } from './places';

const LEVEL = '易地扶贫搬迁新市民居住区';

/**
 * The third demo program, from seed article 002: Anlong county's "141" mechanism for the four
 * relocation communities (新市民居住区). The places are communities, the people served are residents:
 * staff by post per police office, residence permits and door-to-door delivery, disputes of land,
 * neighbours and families with how they were mediated, and legal publicity, at the article's figures.
 */
export const ANLONG: PlacesProgram = {
  program: {
    name: '安龙县公安局新市民居住区“141”平安建设工作机制',
    region: '贵州省黔西南州安龙县',
    bureau: '安龙县公安局',
    description:
      '打造一个防控体系；专案打击、矛盾调处、服务群众、信息采集四个精准化；法治宣传全覆盖。四个新市民居住区均设警务室，按“一厅三室”建设。',
  },
  station: '安龙县公安局城关派出所',
  months: 12,
  places: [
    {
      name: '五福小镇',
      level: LEVEL,
      region: '安龙县钱相办事处',
      office: '五福小镇警务室',
      staff: { OFFICER: 2, AUXILIARY_POLICE: 3, POLICE_ASSISTANT: 10, FIRE_AUXILIARY: 6 },
      weight: 21,
      facilities: { CAMERA: 221, POLICE_OFFICE: 1, MEDIATION_ROOM: 1 },
    },
    {
      name: '九龙小区',
      level: LEVEL,
      region: '安龙县栖凤办事处',
      office: '九龙小区警务室',
      staff: { OFFICER: 1, AUXILIARY_POLICE: 2, POLICE_ASSISTANT: 2, FIRE_AUXILIARY: 2 },
      weight: 7,
      facilities: { CAMERA: 44, POLICE_OFFICE: 1, MEDIATION_ROOM: 1 },
    },
    {
      name: '天菇小镇',
      level: LEVEL,
      region: '安龙县',
      office: '天菇小镇警务室',
      staff: { OFFICER: 2, AUXILIARY_POLICE: 3, POLICE_ASSISTANT: 10, FIRE_AUXILIARY: 6 },
      weight: 21,
      facilities: { CAMERA: 506, POLICE_OFFICE: 1, MEDIATION_ROOM: 1 },
    },
    {
      name: '双龙小镇',
      level: LEVEL,
      region: '安龙县招堤办事处',
      office: '双龙小镇警务室',
      staff: { OFFICER: 2, AUXILIARY_POLICE: 3, POLICE_ASSISTANT: 10, FIRE_AUXILIARY: 6 },
      weight: 21,
      facilities: { CAMERA: 368, POLICE_OFFICE: 1, MEDIATION_ROOM: 1 },
    },
  ],
  requests: [
    // 21,613 residence permits, 5,122 of them delivered to the door (送证上门).
    {
      kind: 'RESIDENCE_PERMIT',
      channel: 'DOORSTEP',
      source: 'WALK_IN',
      requesterKind: 'PERSON',
      count: 5122,
      description: '办理新市民居住证，送证上门',
    },
    {
      kind: 'RESIDENCE_PERMIT',
      channel: 'NEARBY',
      source: 'WALK_IN',
      requesterKind: 'PERSON',
      count: 16491,
      description: '在警务室接待服务大厅办理新市民居住证',
    },
  ],
  // 56 disputes mediated by the "1+N" joint mediation: land requisition, land title, neighbours, families.
  disputes: [
    { category: 'LAND', mediationMode: 'CONCENTRATED', count: 14, resolved: 14, summary: '安置区征地拆迁补偿纠纷' },
    { category: 'LAND_TITLE', mediationMode: 'CATEGORIZED', count: 10, resolved: 10, summary: '土地权属纠纷' },
    { category: 'NEIGHBOUR', mediationMode: 'ROVING', count: 17, resolved: 17, summary: '楼栋邻里矛盾' },
    { category: 'FAMILY', mediationMode: 'DOORSTEP', count: 15, resolved: 15, summary: '家庭琐事纠纷' },
  ],
  engagements: [{ type: 'LEGAL_PUBLICITY', count: 300, title: '小喇叭安全知识宣传', attendees: 40 }],
  commitments: [
    {
      code: 'A01',
      area: CommitmentArea.PUBLIC_ORDER,
      title: {
        'zh-CN': '四个居住区警务室力量配齐',
        'zh-TW': '四個居住區警務室力量配齊',
        en: 'Every community police office fully staffed',
      },
      lead: '安龙县公安局城关派出所',
      indicators: [
        indicator('staffOnPost', 70, IndicatorPeriod.MONTH, { 'zh-CN': '在岗警务力量', 'zh-TW': '在崗警務力量', en: 'Staff on post' }),
      ],
    },
    {
      code: 'A02',
      area: CommitmentArea.RULE_OF_LAW,
      title: { 'zh-CN': '矛盾调处精准化', 'zh-TW': '矛盾調處精準化', en: 'Disputes mediated where they arise' },
      lead: '安龙县公安局城关派出所',
      indicators: [
        indicator('disputeResolutionRate', 95, IndicatorPeriod.QUARTER, {
          'zh-CN': '纠纷化解率',
          'zh-TW': '糾紛化解率',
          en: 'Disputes resolved',
        }),
      ],
    },
    {
      code: 'A03',
      area: CommitmentArea.SERVICE,
      title: { 'zh-CN': '服务群众精准化：送证上门', 'zh-TW': '服務群眾精準化：送證上門', en: 'Permits delivered to the door' },
      lead: '安龙县公安局城关派出所',
      indicators: [
        indicator(
          'serviceRequestCount',
          300,
          IndicatorPeriod.MONTH,
          { 'zh-CN': '每月送证上门', 'zh-TW': '每月送證上門', en: 'Permits delivered to the door each month' },
          { kind: 'RESIDENCE_PERMIT', channel: 'DOORSTEP' },
        ),
        indicator('serviceRequestsResolvedInTime', 95, IndicatorPeriod.MONTH, {
          'zh-CN': '证件按时办结率',
          'zh-TW': '證件按時辦結率',
          en: 'Permits issued within the time limit',
        }),
      ],
    },
    {
      code: 'A04',
      area: CommitmentArea.RULE_OF_LAW,
      title: { 'zh-CN': '法治宣讲全覆盖', 'zh-TW': '法治宣講全覆蓋', en: 'Legal publicity in every community' },
      lead: '安龙县公安局城关派出所',
      indicators: [
        indicator(
          'engagementCount',
          20,
          IndicatorPeriod.MONTH,
          { 'zh-CN': '每月法治宣传次数', 'zh-TW': '每月法治宣傳次數', en: 'Legal publicity sessions each month' },
          { type: 'LEGAL_PUBLICITY' },
        ),
      ],
    },
  ],
};
