import type { ImportKind, ImportRecordsMutation } from '@huhang/schema';
import { ApiError, type Credentials } from './client';
import { failureOf, routeUrl } from './list-export';

/** The kinds of sheet POST /import takes, as its `kind` parameter names them. */
export const IMPORT_KINDS: Record<ImportKind, string> = {
  ENTERPRISES: 'enterprises',
  OFFICERS: 'officers',
  LIAISON_ASSIGNMENTS: 'liaison-assignments',
};

export type ImportResult = ImportRecordsMutation['importRecords'];

/** Where the template of `kind` lies: XLSX or CSV. */
export function templateUrl(endpoint: string, kind: ImportKind, format: 'xlsx' | 'csv'): string {
  return `${routeUrl({ endpoint }, 'import/template')}?kind=${IMPORT_KINDS[kind]}&format=${format}`;
}

/**
 * Sends a spreadsheet to the API's /import as the signed-in user: a dry run (every problem by row and
 * column, and what would change) or the import itself, which writes every row in one transaction or,
 * when a row has a problem, nothing. A report comes back either way; a refused request throws.
 */
export async function uploadImport(
  credentials: Credentials,
  request: { kind: ImportKind; parkId?: string; programId?: string; dryRun: boolean },
  file: Blob,
): Promise<ImportResult> {
  const query = new URLSearchParams({ kind: IMPORT_KINDS[request.kind], dryRun: String(request.dryRun) });
  if (request.parkId) query.set('parkId', request.parkId);
  if (request.programId) query.set('programId', request.programId);
  let response: Response;
  try {
    response = await fetch(`${routeUrl(credentials, 'import')}?${query}`, {
      method: 'POST',
      credentials: 'omit',
      headers: {
        'content-type': 'application/octet-stream',
        ...(credentials.token ? { authorization: `Bearer ${credentials.token}` } : {}),
      },
      body: file,
    });
  } catch (error) {
    throw new ApiError('network', (error as Error).message || 'network error');
  }
  if (response.status !== 200 && response.status !== 422) throw await failureOf(response);
  return (await response.json()) as ImportResult;
}
