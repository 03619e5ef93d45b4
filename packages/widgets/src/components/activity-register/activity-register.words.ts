import type { LocaleCode } from '../../internal/locale';

/** The registers the widget keeps, in the order it offers them. */
export const REGISTERS = ['VISITS', 'PATROLS', 'INCIDENTS', 'ENGAGEMENTS', 'RECOGNITIONS'] as const;
export type Register = (typeof REGISTERS)[number];

/**
 * The register widget's own words; the columns' headers and coded values are the recording forms'
 * words, from the shared translations, so a record reads the same where it is typed and where it is listed.
 */
export interface ActivityRegisterWords {
  title: string;
  register: string;
  registers: Record<Register, string>;
  month: string;
  monthHint: string;
  none: string;
  count(n: number): string;
  yes: string;
  no: string;
  responseMinutes: string;
  listSeparator: string;
}

export const ACTIVITY_REGISTER_WORDS: Record<LocaleCode, ActivityRegisterWords> = {
  'zh-CN': {
    title: '工作台账',
    register: '台账',
    registers: {
      VISITS: '走访台账',
      PATROLS: '巡逻台账',
      INCIDENTS: '警情台账',
      ENGAGEMENTS: '警企活动台账',
      RECOGNITIONS: '锦旗、感谢信台账',
    },
    month: '月份',
    monthHint: '不选则列出全部，最新的在前',
    none: '没有符合条件的记录。',
    count: (n) => `共 ${n} 条`,
    yes: '是',
    no: '否',
    responseMinutes: '响应用时（分钟）',
    listSeparator: '、',
  },
  'zh-TW': {
    title: '工作台帳',
    register: '台帳',
    registers: {
      VISITS: '走訪台帳',
      PATROLS: '巡邏台帳',
      INCIDENTS: '警情台帳',
      ENGAGEMENTS: '警企活動台帳',
      RECOGNITIONS: '錦旗、感謝信台帳',
    },
    month: '月份',
    monthHint: '不選則列出全部，最新的在前',
    none: '沒有符合條件的記錄。',
    count: (n) => `共 ${n} 筆`,
    yes: '是',
    no: '否',
    responseMinutes: '響應用時（分鐘）',
    listSeparator: '、',
  },
  en: {
    title: 'Registers',
    register: 'Register',
    registers: {
      VISITS: 'Liaison visits',
      PATROLS: 'Patrols',
      INCIDENTS: 'Incidents',
      ENGAGEMENTS: 'Police–enterprise engagements',
      RECOGNITIONS: 'Pennants and letters of thanks',
    },
    month: 'Month',
    monthHint: 'Leave empty for every record, newest first',
    none: 'No records match.',
    count: (n) => `${n} ${n === 1 ? 'record' : 'records'}`,
    yes: 'Yes',
    no: 'No',
    responseMinutes: 'Response (minutes)',
    listSeparator: ', ',
  },
};
