import type { LocaleCode } from './locale';

/** The words of a list's export buttons and of its progress, in each language. */
export interface ListExportWords {
  export: string;
  exportXlsx: string;
  exporting(kb: number, total: number): string;
  exported(total: number): string;
}

export const LIST_EXPORT_WORDS: Record<LocaleCode, ListExportWords> = {
  'zh-CN': {
    export: '导出 CSV',
    exportXlsx: '导出 Excel',
    exporting: (kb, total) => `正在导出 ${total} 行，已接收 ${kb} KB`,
    exported: (total) => `已导出 ${total} 行`,
  },
  'zh-TW': {
    export: '匯出 CSV',
    exportXlsx: '匯出 Excel',
    exporting: (kb, total) => `正在匯出 ${total} 列，已接收 ${kb} KB`,
    exported: (total) => `已匯出 ${total} 列`,
  },
  en: {
    export: 'Export CSV',
    exportXlsx: 'Export Excel',
    exporting: (kb, total) => `Exporting ${total} rows, ${kb} KB received`,
    exported: (total) => (total === 1 ? '1 row exported' : `${total} rows exported`),
  },
};
