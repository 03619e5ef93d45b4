import type { MetricChoiceFragment } from '@huhang/schema';
import { CommitmentExportDocument } from '../../generated/admin-operations';
import type { ExportFormat, ListExport } from '../../internal/list-export';
import { inLocale, type LocaleCode } from '../../internal/locale';
import { today } from '../../internal/period';
import type { CommitmentEditorWords } from './commitment-editor.words';

/**
 * A program's commitments as a file: one row per commitment, with its titles in the three
 * languages, and its indicators' metrics, comparisons, targets and periods in four columns, each
 * listing the indicators in the same order.
 */
export function commitmentExport(
  format: ExportFormat,
  programId: string,
  w: CommitmentEditorWords,
  metrics: readonly MetricChoiceFragment[],
  locale: LocaleCode,
): ListExport {
  const metricLabels = Object.fromEntries(metrics.map((m) => [m.name, inLocale(m.label, locale)]));
  return {
    format,
    document: CommitmentExportDocument as never,
    variables: { programId: programId || null },
    columns: [
      { header: w.code, path: 'code' },
      { header: w.titleZhCN, path: 'title.zhCN' },
      { header: w.titleZhTW, path: 'title.zhTW' },
      { header: w.titleEn, path: 'title.en' },
      { header: w.area, path: 'area', labels: w.areas },
      { header: w.leadUnit, path: 'leadUnit.name' },
      { header: w.metric, path: 'indicators.nodes.metric', labels: metricLabels },
      { header: w.comparator, path: 'indicators.nodes.comparator', labels: w.comparators },
      { header: w.target, path: 'indicators.nodes.target' },
      { header: w.period, path: 'indicators.nodes.period', labels: w.periods },
    ],
    filename: `huhang-commitments-${today()}`,
    sheet: w.title,
  };
}
