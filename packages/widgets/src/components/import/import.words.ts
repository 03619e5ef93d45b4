import type { ImportKind } from '@huhang/schema';

/**
 * The import widget's words. They live with the widget, not in the shared translations, so that the
 * public bundle a portal loads does not carry them.
 */
export interface ImportWords {
  title: string;
  kind: string;
  kinds: Record<ImportKind, string>;
  park: string;
  noPark: string;
  templates: string;
  templateXlsx: string;
  templateCsv: string;
  file: string;
  fileHint: string;
  check: string;
  checking: string;
  import: string;
  importing: string;
  checked(rows: number, created: number, updated: number, unchanged: number): string;
  imported(created: number, updated: number, unchanged: number): string;
  problemsFound(count: number): string;
  problemsCaption: string;
  row: string;
  column: string;
  problem: string;
  wholeRow: string;
}

const zhCN: ImportWords = {
  title: '批量导入',
  kind: '导入内容',
  kinds: { ENTERPRISES: '企业名册', OFFICERS: '民警名册', LIAISON_ASSIGNMENTS: '挂钩关系' },
  park: '园区',
  noPark: '没有可导入的园区。',
  templates: '先下载模板填写：',
  templateXlsx: '模板（Excel）',
  templateCsv: '模板（CSV）',
  file: 'Excel 或 CSV 文件',
  fileHint: '第 1 行为列名；按统一社会信用代码或警号匹配已有记录，重复导入不会重复写入。',
  check: '检查',
  checking: '正在检查…',
  import: '导入',
  importing: '正在导入…',
  checked: (rows: number, created: number, updated: number, unchanged: number) =>
    `检查通过：共 ${rows} 行，将新增 ${created} 条、更新 ${updated} 条、${unchanged} 条不变。`,
  imported: (created: number, updated: number, unchanged: number) =>
    `已导入：新增 ${created} 条、更新 ${updated} 条、${unchanged} 条不变。`,
  problemsFound: (count: number) => `发现 ${count} 个问题，未写入任何数据。请修改文件后重新检查。`,
  problemsCaption: '需要修改的单元格',
  row: '行',
  column: '列',
  problem: '问题',
  wholeRow: '（整行）',
};

const zhTW: ImportWords = {
  title: '批次匯入',
  kind: '匯入內容',
  kinds: { ENTERPRISES: '企業名冊', OFFICERS: '員警名冊', LIAISON_ASSIGNMENTS: '掛鉤關係' },
  park: '園區',
  noPark: '沒有可匯入的園區。',
  templates: '先下載範本填寫：',
  templateXlsx: '範本（Excel）',
  templateCsv: '範本（CSV）',
  file: 'Excel 或 CSV 檔案',
  fileHint: '第 1 列為欄名；依統一社會信用代碼或警號比對既有紀錄，重複匯入不會重複寫入。',
  check: '檢查',
  checking: '正在檢查…',
  import: '匯入',
  importing: '正在匯入…',
  checked: (rows, created, updated, unchanged) =>
    `檢查通過：共 ${rows} 列，將新增 ${created} 筆、更新 ${updated} 筆、${unchanged} 筆不變。`,
  imported: (created, updated, unchanged) => `已匯入：新增 ${created} 筆、更新 ${updated} 筆、${unchanged} 筆不變。`,
  problemsFound: (count) => `發現 ${count} 個問題，未寫入任何資料。請修改檔案後重新檢查。`,
  problemsCaption: '需要修改的儲存格',
  row: '列',
  column: '欄',
  problem: '問題',
  wholeRow: '（整列）',
};

const en: ImportWords = {
  title: 'Import',
  kind: 'What to import',
  kinds: { ENTERPRISES: 'Enterprise register', OFFICERS: 'Officer roster', LIAISON_ASSIGNMENTS: 'Liaison assignments' },
  park: 'Park',
  noPark: 'There is no park to import into.',
  templates: 'Fill in the template first:',
  templateXlsx: 'Template (Excel)',
  templateCsv: 'Template (CSV)',
  file: 'Excel or CSV file',
  fileHint:
    'Row 1 holds the column names. Rows are matched by credit code or badge number, so importing a file again writes nothing twice.',
  check: 'Check',
  checking: 'Checking…',
  import: 'Import',
  importing: 'Importing…',
  checked: (rows, created, updated, unchanged) =>
    `No problems: ${rows} rows; ${created} to add, ${updated} to update, ${unchanged} unchanged.`,
  imported: (created, updated, unchanged) => `Imported: ${created} added, ${updated} updated, ${unchanged} unchanged.`,
  problemsFound: (count) => `${count} problems found; nothing was written. Correct the file and check it again.`,
  problemsCaption: 'Cells to correct',
  row: 'Row',
  column: 'Column',
  problem: 'Problem',
  wholeRow: '(whole row)',
};

export const IMPORT_WORDS: Record<string, ImportWords> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };
