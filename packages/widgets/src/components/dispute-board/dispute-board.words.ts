/**
 * The dispute register's export words. They live with the widget, not in the shared translations,
 * so that the public bundle a portal loads does not carry them.
 */
export interface DisputeRegisterWords {
  export: string;
  exportXlsx: string;
  exporting(kb: number, total: number): string;
  exported(total: number): string;
  sheet: string;
  /** Summary, category, status, identified, mediation started, resolved, escalated, enterprises, zone, parties, amount, risk. */
  columns: readonly string[];
}

const zhCN: DisputeRegisterWords = {
  export: '导出台账 CSV',
  exportXlsx: '导出台账 Excel',
  exporting: (kb, total) => `正在导出 ${total} 件纠纷，已接收 ${kb} KB`,
  exported: (total) => `已导出 ${total} 件纠纷`,
  sheet: '矛盾纠纷台账',
  columns: [
    '纠纷概况',
    '纠纷类型',
    '状态',
    '排查日期',
    '开始调解',
    '化解日期',
    '移交日期',
    '涉及企业',
    '片区',
    '当事人数',
    '涉及金额（元）',
    '升级风险',
  ],
};

const zhTW: DisputeRegisterWords = {
  export: '匯出台帳 CSV',
  exportXlsx: '匯出台帳 Excel',
  exporting: (kb, total) => `正在匯出 ${total} 件糾紛，已接收 ${kb} KB`,
  exported: (total) => `已匯出 ${total} 件糾紛`,
  sheet: '矛盾糾紛台帳',
  columns: [
    '糾紛概況',
    '糾紛類型',
    '狀態',
    '排查日期',
    '開始調解',
    '化解日期',
    '移交日期',
    '涉及企業',
    '片區',
    '當事人數',
    '涉及金額（元）',
    '升級風險',
  ],
};

const en: DisputeRegisterWords = {
  export: 'Export register CSV',
  exportXlsx: 'Export register Excel',
  exporting: (kb, total) => `Exporting ${total} disputes, ${kb} KB received`,
  exported: (total) => `${total} disputes exported`,
  sheet: 'Dispute register',
  columns: [
    'Summary',
    'Category',
    'Status',
    'Identified',
    'Mediation started',
    'Resolved',
    'Escalated',
    'Enterprises',
    'Zone',
    'Parties',
    'Amount (yuan)',
    'Escalation risk',
  ],
};

export const DISPUTE_REGISTER_WORDS: Record<string, DisputeRegisterWords> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };
