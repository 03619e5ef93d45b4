import type { ImportKind } from '@huhang/schema';
import { css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ImportScopesDocument } from '../../generated/admin-operations';
import { HuhangAdminElement } from '../../internal/admin-element';
import { templateUrl, uploadImport, type ImportResult } from '../../internal/file-import';
import { describeFailure } from '../../internal/form';
import { forgetSharedAnswers } from '../../internal/client';
import { parkPicker, parkToShow } from '../../internal/park-choice';
import { QueryController } from '../../internal/query';
import { adminFrame, renderQuery, statusOf } from '../../internal/views';
import { IMPORT_WORDS, type ImportWords } from './import.words';

const KINDS: ImportKind[] = ['ENTERPRISES', 'OFFICERS', 'LIAISON_ASSIGNMENTS'];

/**
 * @summary Imports an enterprise register, an officer roster or liaison assignments from an Excel
 * (.xlsx) or CSV file: the template to fill in, a check that lists every problem by row and column in
 * the API's words, then the import, which writes every row in one go or nothing. Importing the same
 * file again changes nothing.
 *
 * @csspart base - The frame.
 * @csspart title - The heading.
 * @csspart templates - The template links.
 * @csspart summary - What the check found, or what the import did.
 * @csspart problems - The table of problems.
 */
@customElement('huhang-import')
export class HuhangImport extends HuhangAdminElement {
  static override styles = [
    ...HuhangAdminElement.styles,
    css`
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: 12px;
      }
      .row .field {
        flex: 1 1 180px;
      }
      [part='templates'] a {
        margin-inline-end: 12px;
      }
      td.row-number {
        font-variant-numeric: tabular-nums;
      }
    `,
  ];

  /** What is imported first: ENTERPRISES (the default), OFFICERS or LIAISON_ASSIGNMENTS. */
  @property() kind: ImportKind = 'ENTERPRISES';

  @state() private parkId = '';
  @state() private file: File | null = null;
  /** The report of the last check or import, and of which file and choices it speaks. */
  @state() private report: (ImportResult & { of: string }) | null = null;
  @state() private busy: 'check' | 'import' | null = null;
  @state() private failure = '';
  @state() private announcement = '';

  private get words(): ImportWords {
    return IMPORT_WORDS[this.t.$code] ?? IMPORT_WORDS['zh-CN']!;
  }

  private readonly scopes = new QueryController(this, ImportScopesDocument, () => (this.signedIn ? {} : 'sign-in'));

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.parkId = parkToShow(this.scopes.data?.parks.nodes ?? [], this.setting('park'), this.parkId);
  }

  /** What the current choices and file are, so that a report of other ones is not taken for theirs. */
  private get choice(): string {
    return `${this.kind}|${this.parkId}|${this.file?.name}|${this.file?.size}|${this.file?.lastModified}`;
  }

  private async send(dryRun: boolean) {
    const park = this.scopes.data?.parks.nodes.find((p) => p.id === this.parkId);
    if (!this.file || !park) return;
    const ti = this.words;
    this.busy = dryRun ? 'check' : 'import';
    this.failure = '';
    this.announcement = dryRun ? ti.checking : ti.importing;
    const of = this.choice;
    try {
      const scope = this.kind === 'ENTERPRISES' ? { parkId: park.id } : { programId: park.program.id };
      const report = await this.sessions.withCredentials((credentials) =>
        uploadImport(credentials, { kind: this.kind, dryRun, ...scope }, this.file!),
      );
      this.report = { ...report, of };
      if (report.committed) forgetSharedAnswers();
      this.announcement = report.problems.length
        ? ti.problemsFound(report.problems.length)
        : report.committed
          ? ti.imported(report.created, report.updated, report.unchanged)
          : ti.checked(report.rowCount, report.created, report.updated, report.unchanged);
    } catch (error) {
      this.failure = describeFailure(error, this.t);
      this.announcement = this.failure;
    } finally {
      this.busy = null;
    }
  }

  private pick(e: Event) {
    this.file = (e.target as HTMLInputElement).files?.[0] ?? null;
    this.report = null;
    this.failure = '';
  }

  private renderReport() {
    const report = this.report;
    if (!report || report.of !== this.choice) return nothing;
    const ti = this.words;
    const summary = report.committed
      ? ti.imported(report.created, report.updated, report.unchanged)
      : report.problems.length
        ? ti.problemsFound(report.problems.length)
        : ti.checked(report.rowCount, report.created, report.updated, report.unchanged);
    return html`<p part="summary" class=${report.problems.length ? 'field-error' : ''} data-committed=${String(report.committed)}>
        ${summary}
      </p>
      ${report.problems.length
        ? html`<div class="scroll">
            <table part="problems">
              <caption>
                ${ti.problemsCaption}
              </caption>
              <thead>
                <tr>
                  <th scope="col" class="number">${ti.row}</th>
                  <th scope="col">${ti.column}</th>
                  <th scope="col">${ti.problem}</th>
                </tr>
              </thead>
              <tbody>
                ${report.problems.map(
                  (p) =>
                    html`<tr data-row=${p.row} data-reason=${p.reason}>
                      <td class="number row-number">${p.row}</td>
                      <td>${p.column ?? ti.wholeRow}</td>
                      <td>${p.message}</td>
                    </tr>`,
                )}
              </tbody>
            </table>
          </div>`
        : nothing}`;
  }

  override render() {
    const ti = this.words;
    const parks = this.scopes.data?.parks.nodes ?? [];
    const checked = this.report && this.report.of === this.choice && this.report.dryRun && this.report.problems.length === 0;
    const endpoint = this.settings.endpoint;
    return adminFrame(
      this,
      ti.title,
      () =>
        html`${renderQuery(this, this.scopes, () =>
          parks.length === 0
            ? html`<p class="muted" data-empty>${ti.noPark}</p>`
            : html`<div class="row">
                  <div class="field">
                    <label for="kind">${ti.kind}</label>
                    <select
                      id="kind"
                      .value=${this.kind}
                      @change=${(e: Event) => (this.kind = (e.target as HTMLSelectElement).value as ImportKind)}
                    >
                      ${KINDS.map((kind) => html`<option value=${kind} ?selected=${kind === this.kind}>${ti.kinds[kind]}</option>`)}
                    </select>
                  </div>
                  ${parkPicker(ti.park, parks, this.parkId, this.setting('park'), (id) => (this.parkId = id))}
                </div>
                <p part="templates">
                  ${ti.templates}
                  <a href=${templateUrl(endpoint, this.kind, 'xlsx')} download>${ti.templateXlsx}</a>
                  <a href=${templateUrl(endpoint, this.kind, 'csv')} download>${ti.templateCsv}</a>
                </p>
                <div class="field">
                  <label for="file">${ti.file}</label>
                  <input
                    id="file"
                    type="file"
                    accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
                    aria-describedby="file-hint"
                    @change=${this.pick}
                  />
                  <p id="file-hint" class="muted">${ti.fileHint}</p>
                </div>
                <div class="actions">
                  <button class="secondary" part="check-button" ?disabled=${!this.file || !!this.busy} @click=${() => this.send(true)}>
                    ${this.busy === 'check' ? ti.checking : ti.check}
                  </button>
                  <button part="import-button" ?disabled=${!checked || !!this.busy} @click=${() => this.send(false)}>
                    ${this.busy === 'import' ? ti.importing : ti.import}
                  </button>
                </div>
                ${this.failure ? html`<p class="field-error" role="alert">${this.failure}</p>` : nothing} ${this.renderReport()}`,
        )}`,
      { status: this.announcement || statusOf(this, this.scopes, ti.title) },
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'huhang-import': HuhangImport;
  }
}
