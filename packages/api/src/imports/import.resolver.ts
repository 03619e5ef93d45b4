import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../access/context';
import { ADMINS } from '../shared/auth/role';
import { recordAuditRows, SYSTEM_ACTOR, type RecordChange } from '../shared/audit/audit';
import { DomainError, ErrorCode } from '../shared/errors/domain-error';
import { InputErrorReason } from '../shared/errors/reasons';
import { translateError } from '../shared/errors/translate';
import { findActive, findRecord } from '../shared/graphql/records';
import { validateInput } from '../shared/graphql/input-validation';
import { inMutationTransaction, writeChanges } from '../shared/graphql/mutation';
import { Park } from '../parks/park.entity';
import { Program } from '../programs/program.entity';
import { limitsFromEnvironment } from '../server/settings';
import { outOfScope, type ImportSheet } from './import.plan';
import { planImport } from './import.service';
import { ImportInput, ImportKind, ImportReport } from './import.types';

const OPERATION: Record<ImportKind, string> = {
  [ImportKind.ENTERPRISES]: 'importEnterprises',
  [ImportKind.OFFICERS]: 'importOfficers',
  [ImportKind.LIAISON_ASSIGNMENTS]: 'importLiaisonAssignments',
};

function badInput(field: string, message: string, reason: InputErrorReason): DomainError {
  return new DomainError(ErrorCode.BAD_USER_INPUT, message, { field, reason });
}

/** Where the sheet's records go: the park of an enterprise register, the program of the others. */
async function scopeOf(ctx: Context, input: ImportInput): Promise<Pick<ImportSheet, 'park' | 'programId'>> {
  if (input.kind === ImportKind.ENTERPRISES) {
    if (!input.parkId)
      throw badInput('input.parkId', '导入企业须指定园区 (an enterprise register goes into a park)', InputErrorReason.REQUIRED);
    if (input.programId) throw badInput('input.programId', '导入企业只需指定园区 (give the park only)', InputErrorReason.NOT_ALLOWED);
    const park = await findActive(ctx.em, Park, input.parkId, 'parkId');
    if (!ctx.viewer.writable({ parkId: park.id, programId: park.program.id })) throw outOfScope('Park');
    return { park };
  }
  if (!input.programId) throw badInput('input.programId', '须指定项目 (give the program)', InputErrorReason.REQUIRED);
  if (input.parkId) throw badInput('input.parkId', '此类导入只需指定项目 (give the program only)', InputErrorReason.NOT_ALLOWED);
  const program = await findRecord(ctx.em, Program, input.programId, 'programId');
  if (!ctx.viewer.isSystemAdmin && !ctx.viewer.grants.programIds.includes(program.id)) throw outOfScope('Program');
  return { programId: program.id };
}

@Resolver()
export class ImportResolver {
  @Authorized(...ADMINS)
  @Mutation(() => ImportReport, {
    description:
      'Imports a sheet of enterprises, officers or liaison assignments (POST /import takes the XLSX or CSV file itself). Every row is checked as the create mutations check their input, and by its key (credit code, badge number) against what is stored and the rows above it. A dry run (the default) reports every problem and what would change; otherwise, when no row has a problem, every row is written in one transaction, with an audit row per record changed. Rows that match what is stored change nothing, so importing the same sheet again writes nothing.',
  })
  async importRecords(@Arg('input', { description: 'The sheet.' }) input: ImportInput, @Ctx() ctx: Context): Promise<ImportReport> {
    await validateInput(input, 'input');
    const maxRows = limitsFromEnvironment().importFile.maxRows;
    if (input.rows.length > maxRows) {
      throw badInput('input.rows', `一次最多导入 ${maxRows} 行 (at most ${maxRows} rows per import)`, InputErrorReason.ARRAYMAXSIZE);
    }
    try {
      const sheet: ImportSheet = { kind: input.kind, header: input.header, rows: input.rows, ...(await scopeOf(ctx, input)) };
      return await inMutationTransaction(ctx, async (em, lastWrites) => {
        const plan = await planImport(em, ctx.viewer, sheet);
        const problems = plan.problems.sorted();
        const report: ImportReport = {
          clientMutationId: input.clientMutationId,
          kind: input.kind,
          dryRun: input.dryRun,
          committed: false,
          rowCount: plan.rowCount,
          created: plan.created,
          updated: plan.updated,
          unchanged: plan.unchanged,
          problems,
        };
        if (input.dryRun || problems.length > 0) return report;
        const changes: RecordChange[] = [];
        for (const phase of plan.phases) {
          for (const step of phase) step();
          changes.push(...(await writeChanges(ctx, em)));
        }
        lastWrites.push(...recordAuditRows(ctx.actor ?? SYSTEM_ACTOR, OPERATION[input.kind], changes));
        return { ...report, committed: true };
      });
    } catch (error) {
      const domain = translateError(error);
      if (domain instanceof DomainError) throw domain.under('input');
      throw error;
    }
  }
}
