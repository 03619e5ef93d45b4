import { DomainError, ErrorCode } from '../shared/errors/domain-error';
import { InputErrorReason } from '../shared/errors/reasons';
import { assertCreditCode } from '../shared/validation/credit-code';
import { assertPhone } from '../shared/validation/phone';
import { DomainValidationError } from '../shared/validation/domain-validation.error';
import type { ImportProblem } from './import.types';

/** How a column's cell text becomes an input value. */
export type CellKind = 'text' | 'int' | 'boolean' | 'date' | 'phone' | 'creditCode' | 'code' | 'list';

/** One column of an import template. */
export interface ImportColumn<F extends string = string> {
  /** The input field it fills. */
  field: F;
  /** The template's header (Chinese) first, then the English one; matched without regard to case or spaces. */
  headers: readonly [string, string];
  required: boolean;
  kind: CellKind;
  /** For words that stand for coded values: the words (Chinese and English) and the value each means. */
  words?: Readonly<Record<string, string>>;
  /** The template's example value. */
  example: string;
  /** What the column holds, for the template's notes (Chinese, then English). */
  note: string;
}

/** A data row: its number in the sheet and the values of the columns it fills. */
export interface SheetRow<F extends string = string> {
  line: number;
  values: Partial<Record<F, unknown>>;
  /** The columns present in the sheet (a column left out leaves a stored value as it is). */
  present: ReadonlySet<F>;
}

/** The problems of an import, at most one per cell, in sheet order when read. */
export class ImportProblems {
  readonly list: ImportProblem[] = [];
  private readonly cells = new Set<string>();

  constructor(
    private readonly headerOf: (field: string) => string | null,
    /** Where a field's column stands in the template; problems of a row are listed in that order. */
    private readonly positionOf: (field: string) => number,
  ) {}

  /** Notes `error` at (`line`, `field`); a cell keeps its first problem only. */
  add(line: number, field: string | null, error: DomainError): void {
    const key = `${line}:${field ?? ''}`;
    if (this.cells.has(key)) return;
    this.cells.add(key);
    this.list.push({
      row: line,
      column: field ? this.headerOf(field) : null,
      field,
      code: error.code,
      reason: String(error.details.reason ?? InputErrorReason.INVALID),
      message: error.message,
    });
  }

  has(line: number, field: string): boolean {
    return this.cells.has(`${line}:${field}`);
  }

  sorted(): ImportProblem[] {
    const position = (field: string | null) => (field === null ? -1 : this.positionOf(field));
    return [...this.list].sort((a, b) => a.row - b.row || position(a.field) - position(b.field));
  }
}

const squeeze = (text: string) => text.replace(/[\s_]/g, '').toLowerCase();

const TRUE_WORDS = new Set(['是', 'y', 'yes', 'true', '1', '√', '✓']);
const FALSE_WORDS = new Set(['否', 'n', 'no', 'false', '0', '×', '']);

/** A day as people write it in a sheet: 2026-01-05, 2026/1/5, 2026.1.5 or 2026年1月5日. */
function parseDay(text: string, field: string): string {
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text);
  const day = match ? `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}` : null;
  const date = day ? new Date(`${day}T00:00:00Z`) : null;
  if (!day || !date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day) {
    throw new DomainValidationError(field, `日期应为 2026-01-05 这样的形式 (a day, e.g. 2026-01-05)`, InputErrorReason.FORMAT);
  }
  return day;
}

/** The value of one cell, or a DomainError saying what is wrong with it, in the API's words. */
export function cellValue(column: ImportColumn, text: string): unknown {
  const { field } = column;
  if (column.words) {
    const value = column.words[text] ?? column.words[squeeze(text)] ?? Object.values(column.words).find((v) => v === text.toUpperCase());
    if (value === undefined) {
      const allowed = [...new Set(Object.keys(column.words).filter((word) => /[^\x00-\x7f]/.test(word)))].join('、');
      throw new DomainValidationError(field, `应为 ${allowed} 之一 (not one of the allowed values)`, InputErrorReason.ISIN);
    }
    return value;
  }
  switch (column.kind) {
    case 'int': {
      if (!/^-?\d+(\.0+)?$/.test(text.replace(/,/g, ''))) {
        throw new DomainValidationError(field, `${field} must be an integer number`, InputErrorReason.ISINT);
      }
      return Number.parseInt(text.replace(/,/g, ''), 10);
    }
    case 'boolean': {
      const word = squeeze(text);
      if (TRUE_WORDS.has(word)) return true;
      if (FALSE_WORDS.has(word)) return false;
      throw new DomainValidationError(field, `应为 是 或 否 (yes or no)`, InputErrorReason.INVALID);
    }
    case 'date':
      return parseDay(text, field);
    case 'phone':
      return assertPhone(text, field);
    case 'creditCode': {
      const code = text.replace(/\s/g, '').toUpperCase();
      assertCreditCode(code, field);
      return code;
    }
    case 'code':
      return text.replace(/\s/g, '').toUpperCase();
    case 'list':
      return text
        .split(/[、,，;；]/)
        .map((item) => item.trim())
        .filter(Boolean);
    default:
      return text;
  }
}

const required = (field: string) => new DomainValidationError(field, `此项必填 (a value is needed)`, InputErrorReason.REQUIRED);
const formula = (field: string) =>
  new DomainValidationError(
    field,
    `单元格是公式，请复制后“粘贴为数值”再导入 (the cell holds a formula; paste its value instead)`,
    InputErrorReason.FORMULA,
  );

/**
 * Reads a sheet against its columns: the header row names the columns (in any order, Chinese or
 * English); each cell becomes its input value, or a problem. Empty rows are skipped.
 */
export function readSheet<F extends string>(
  columns: ReadonlyArray<ImportColumn<F>>,
  header: readonly string[],
  rows: readonly (readonly string[])[],
  problems: ImportProblems,
): SheetRow<F>[] {
  const byHeader = new Map<string, ImportColumn<F>>();
  for (const column of columns) for (const name of column.headers) byHeader.set(squeeze(name), column);
  const at = new Map<number, ImportColumn<F>>();
  const seen = new Set<F>();
  header.forEach((name, index) => {
    if (!name.trim()) return;
    const column = byHeader.get(squeeze(name));
    if (!column) {
      problems.add(
        1,
        null,
        new DomainError(
          ErrorCode.BAD_USER_INPUT,
          `未知的列「${name.trim()}」(unknown column "${name.trim()}"); 请使用模板的列名 (use the template’s headers)`,
          {
            reason: InputErrorReason.INVALID,
          },
        ),
      );
      return;
    }
    if (seen.has(column.field)) {
      problems.add(
        1,
        null,
        new DomainError(ErrorCode.BAD_USER_INPUT, `列「${name.trim()}」出现了两次 (the column "${name.trim()}" appears twice)`, {
          reason: InputErrorReason.INVALID,
        }),
      );
      return;
    }
    seen.add(column.field);
    at.set(index, column);
  });
  for (const column of columns) {
    if (column.required && !seen.has(column.field)) {
      problems.add(
        1,
        column.field,
        new DomainValidationError(
          column.field,
          `缺少必填列「${column.headers[0]}」(the column "${column.headers[1]}" is needed)`,
          InputErrorReason.REQUIRED,
        ),
      );
    }
  }
  const read: SheetRow<F>[] = [];
  rows.forEach((cells, index) => {
    const line = index + 2;
    if (cells.every((cell) => !cell?.trim())) return;
    const values: Partial<Record<F, unknown>> = {};
    for (const [position, column] of at) {
      const text = (cells[position] ?? '').trim();
      if (text.startsWith('=')) {
        problems.add(line, column.field, formula(column.field));
        continue;
      }
      if (!text) {
        if (column.required) problems.add(line, column.field, required(column.field));
        continue;
      }
      try {
        values[column.field] = cellValue(column, text);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        problems.add(line, column.field, error);
      }
    }
    read.push({ line, values, present: seen });
  });
  return read;
}
