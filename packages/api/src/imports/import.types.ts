import { ArrayMaxSize, IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ErrorCode } from '../shared/errors/domain-error';

export enum ImportKind {
  ENTERPRISES = 'ENTERPRISES',
  OFFICERS = 'OFFICERS',
  LIAISON_ASSIGNMENTS = 'LIAISON_ASSIGNMENTS',
}
registerEnumType(ImportKind, {
  name: 'ImportKind',
  description: 'What a spreadsheet imports.',
  valuesConfig: {
    ENTERPRISES: { description: 'The enterprise register of a park (企业名册); rows are matched by unified social credit code.' },
    OFFICERS: { description: 'The officer roster of a program (民警名册); rows are matched by badge number.' },
    LIAISON_ASSIGNMENTS: { description: 'Which officer looks after which enterprise (挂钩关系), from a day on.' },
  },
});

@InputType({
  description:
    'A sheet to import: its header row and its rows as the cells’ text. POST /import turns an XLSX or CSV file into this; the rows are checked as the create and update mutations check their input.',
})
export class ImportInput {
  @Field(() => String, { nullable: true, description: 'Any string; echoed in the report (Relay).' })
  @IsOptional()
  @MaxLength(100)
  clientMutationId?: string | null;

  @Field(() => ImportKind, { description: 'What the rows are.' })
  kind!: ImportKind;

  @Field(() => ID, { nullable: true, description: 'ENTERPRISES: the park they are in (zones are named within it).' })
  @IsOptional()
  parkId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'OFFICERS and LIAISON_ASSIGNMENTS: the program (units and branches are named within it).',
  })
  @IsOptional()
  programId?: string | null;

  @Field(() => [String], { description: 'The header row: the template’s column names, in Chinese or English, in any order.' })
  @ArrayMaxSize(60)
  header!: string[];

  @Field(() => [[String]], {
    description:
      'The rows under the header, each a list of cells as text (an empty cell is an empty string); the first is row 2 of the sheet. Empty rows are skipped.',
  })
  rows!: string[][];

  @Field({
    defaultValue: true,
    description: 'Only check the rows and say what would change (true, the default), or write them all in one transaction (false).',
  })
  dryRun!: boolean;
}

@ObjectType({ description: 'What is wrong with one cell (or, with no column, one row) of an import.' })
export class ImportProblem {
  @Field(() => Int, { description: 'Row number in the sheet; the header is row 1.' })
  row!: number;

  @Field(() => String, { nullable: true, description: 'The column’s header as written in the sheet; null for the row as a whole.' })
  column!: string | null;

  @Field(() => String, { nullable: true, description: 'The input field the column fills, e.g. creditCode.' })
  field!: string | null;

  @Field(() => String, {
    description: 'The error code the same value gets from the API: BAD_USER_INPUT, NOT_FOUND, CONFLICT, FORBIDDEN, …',
  })
  code!: ErrorCode;

  @Field(() => String, { description: 'Machine-readable reason, e.g. CHECK_DIGIT, REQUIRED, DUPLICATE, FORMULA.' })
  reason!: string;

  @Field({ description: 'The API’s message for the value.' })
  message!: string;
}

@ObjectType({ description: 'What an import found and, unless it was a dry run with no problems, did.' })
export class ImportReport {
  @Field(() => String, { nullable: true, description: 'The clientMutationId sent.' })
  clientMutationId?: string | null;

  @Field(() => ImportKind, { description: 'What was imported.' })
  kind!: ImportKind;

  @Field({ description: 'Whether this was a check only.' })
  dryRun!: boolean;

  @Field({ description: 'Whether the rows were written: only when not a dry run and no row has a problem. Nothing is written otherwise.' })
  committed!: boolean;

  @Field(() => Int, { description: 'Rows read, empty rows left out.' })
  rowCount!: number;

  @Field(() => Int, { description: 'Records the rows create (or, in a dry run, would create).' })
  created!: number;

  @Field(() => Int, { description: 'Records whose stored values the rows change.' })
  updated!: number;

  @Field(() => Int, { description: 'Rows that match what is stored already; importing the same sheet again makes every row unchanged.' })
  unchanged!: number;

  @Field(() => [ImportProblem], { description: 'Every problem found, by row and column; empty when the sheet can be imported.' })
  problems!: ImportProblem[];
}
