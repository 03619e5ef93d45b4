import type { CommitmentArea, Comparator, IndicatorPeriod } from '@huhang/schema';

/**
 * The commitment editor's words. They live with the widget, not in the shared translations, so that
 * the public bundle a portal loads does not carry them.
 */
export interface CommitmentEditorWords {
  title: string;
  program: string;
  readOnly: string;
  none: string;
  areas: Record<CommitmentArea, string>;
  comparators: Record<Comparator, string>;
  periods: Record<IndicatorPeriod, string>;
  perPeriod(period: string): string;
  commitmentColumn: string;
  indicators: string;
  noIndicators: string;
  indicatorsOf(code: string): string;
  remove: string;
  confirmRemove(indicator: string, code: string): string;
  removed(indicator: string): string;
  retire: string;
  confirmRetire(code: string): string;
  retired(code: string): string;
  newCommitment: string;
  code: string;
  codeHint: string;
  titleZhCN: string;
  titleZhTW: string;
  titleEn: string;
  leadUnit: string;
  area: string;
  create: string;
  created(code: string): string;
  newIndicator: string;
  commitment: string;
  metric: string;
  unit(unit: string): string;
  parameters: string;
  comparator: string;
  target: string;
  number: string;
  period: string;
  add: string;
  added(metric: string, code: string): string;
}

const zhCN: CommitmentEditorWords = {
  title: '服务承诺与考核指标',
  program: '机制',
  readOnly: '只有机制管理员和系统管理员可以修改承诺和指标。',
  none: '该机制还没有服务承诺。',
  areas: { PUBLIC_ORDER: '治安环境', SERVICE: '服务环境', RULE_OF_LAW: '法治环境', PARTNERSHIP: '警企共建' },
  comparators: { GTE: '≥', GT: '>', EQ: '=', LT: '<', LTE: '≤' },
  periods: { WEEK: '每周', MONTH: '每月', QUARTER: '每季度', YEAR: '每年' },
  perPeriod: (period) => `${period}考核`,
  commitmentColumn: '承诺',
  indicators: '考核指标',
  noIndicators: '还没有考核指标',
  indicatorsOf: (code) => `${code}的考核指标`,
  remove: '删除',
  confirmRemove: (indicator, code) => `删除${code}的指标“${indicator}”？此后的考核不再计入该指标。`,
  removed: (indicator) => `已删除指标“${indicator}”`,
  retire: '停用承诺',
  confirmRetire: (code) => `停用承诺 ${code}？其历史考核结果仍会保留。`,
  retired: (code) => `承诺 ${code} 已停用`,
  newCommitment: '新增承诺',
  code: '编号',
  codeHint: '大写字母开头，如 C14',
  titleZhCN: '标题（简体中文）',
  titleZhTW: '标题（繁体中文）',
  titleEn: '标题（英文）',
  leadUnit: '牵头单位',
  area: '领域',
  create: '发布承诺',
  created: (code) => `已发布承诺 ${code}`,
  newIndicator: '新增考核指标',
  commitment: '所属承诺',
  metric: '统计口径',
  unit: (unit) => `单位：${unit}`,
  parameters: '口径参数',
  comparator: '比较',
  target: '目标值',
  number: '请输入数字',
  period: '考核周期',
  add: '添加指标',
  added: (metric, code) => `已为 ${code} 添加指标“${metric}”`,
};

const zhTW: CommitmentEditorWords = {
  title: '服務承諾與考核指標',
  program: '機制',
  readOnly: '只有機制管理員和系統管理員可以修改承諾和指標。',
  none: '該機制還沒有服務承諾。',
  areas: { PUBLIC_ORDER: '治安環境', SERVICE: '服務環境', RULE_OF_LAW: '法治環境', PARTNERSHIP: '警企共建' },
  comparators: { GTE: '≥', GT: '>', EQ: '=', LT: '<', LTE: '≤' },
  periods: { WEEK: '每週', MONTH: '每月', QUARTER: '每季', YEAR: '每年' },
  perPeriod: (period) => `${period}考核`,
  commitmentColumn: '承諾',
  indicators: '考核指標',
  noIndicators: '還沒有考核指標',
  indicatorsOf: (code) => `${code}的考核指標`,
  remove: '刪除',
  confirmRemove: (indicator, code) => `刪除${code}的指標「${indicator}」？此後的考核不再計入該指標。`,
  removed: (indicator) => `已刪除指標「${indicator}」`,
  retire: '停用承諾',
  confirmRetire: (code) => `停用承諾 ${code}？其歷史考核結果仍會保留。`,
  retired: (code) => `承諾 ${code} 已停用`,
  newCommitment: '新增承諾',
  code: '編號',
  codeHint: '大寫字母開頭，如 C14',
  titleZhCN: '標題（簡體中文）',
  titleZhTW: '標題（繁體中文）',
  titleEn: '標題（英文）',
  leadUnit: '牽頭單位',
  area: '領域',
  create: '發布承諾',
  created: (code) => `已發布承諾 ${code}`,
  newIndicator: '新增考核指標',
  commitment: '所屬承諾',
  metric: '統計口徑',
  unit: (unit) => `單位：${unit}`,
  parameters: '口徑參數',
  comparator: '比較',
  target: '目標值',
  number: '請輸入數字',
  period: '考核週期',
  add: '新增指標',
  added: (metric, code) => `已為 ${code} 新增指標「${metric}」`,
};

const en: CommitmentEditorWords = {
  title: 'Commitments and indicators',
  program: 'Program',
  readOnly: 'Only program and system administrators change commitments and indicators.',
  none: 'This program publishes no commitments yet.',
  areas: {
    PUBLIC_ORDER: 'Public order',
    SERVICE: 'Service environment',
    RULE_OF_LAW: 'Rule of law',
    PARTNERSHIP: 'Police–enterprise partnership',
  },
  comparators: { GTE: '≥', GT: '>', EQ: '=', LT: '<', LTE: '≤' },
  periods: { WEEK: 'Weekly', MONTH: 'Monthly', QUARTER: 'Quarterly', YEAR: 'Yearly' },
  perPeriod: (period) => `judged ${period.toLowerCase()}`,
  commitmentColumn: 'Commitment',
  indicators: 'Indicators',
  noIndicators: 'No indicators yet',
  indicatorsOf: (code) => `Indicators of ${code}`,
  remove: 'Remove',
  confirmRemove: (indicator, code) => `Remove the indicator “${indicator}” of ${code}? Later judgements no longer count it.`,
  removed: (indicator) => `Indicator “${indicator}” removed`,
  retire: 'Retire',
  confirmRetire: (code) => `Retire commitment ${code}? Its past results are kept.`,
  retired: (code) => `Commitment ${code} retired`,
  newCommitment: 'New commitment',
  code: 'Code',
  codeHint: 'A capital letter first, e.g. C14',
  titleZhCN: 'Title (Simplified Chinese)',
  titleZhTW: 'Title (Traditional Chinese)',
  titleEn: 'Title (English)',
  leadUnit: 'Lead unit',
  area: 'Area',
  create: 'Publish commitment',
  created: (code) => `Commitment ${code} published`,
  newIndicator: 'New indicator',
  commitment: 'Commitment',
  metric: 'Metric',
  unit: (unit) => `Unit: ${unit}`,
  parameters: 'Metric parameters',
  comparator: 'Comparison',
  target: 'Target',
  number: 'Enter a number',
  period: 'Judged',
  add: 'Add indicator',
  added: (metric, code) => `Indicator “${metric}” added to ${code}`,
};

export const COMMITMENT_EDITOR_WORDS: Record<string, CommitmentEditorWords> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };
