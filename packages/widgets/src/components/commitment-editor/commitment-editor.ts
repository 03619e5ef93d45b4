import {
  TranslatedTextInputLimits,
  type CommitmentArea,
  type CommitmentRowFragment,
  type IndicatorRowFragment,
  type MetricChoiceFragment,
} from '@huhang/schema';
import { html, nothing, type PropertyValues } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { HuhangEvent } from '../../events/events';
import {
  CommitmentsAdminDocument,
  CreateCommitmentDocument,
  RemoveIndicatorDocument,
  RetireCommitmentDocument,
} from '../../generated/admin-operations';
import { HuhangAdminElement } from '../../internal/admin-element';
import { keysOf } from '../../internal/choices';
import { FormModel, banner, field, rowAction, rules } from '../../internal/form';
import { formatNumber } from '../../internal/format';
import { ListExporter } from '../../internal/list-exporter';
import { inLocale } from '../../internal/locale';
import { QueryController } from '../../internal/query';
import { rowActionStyles } from '../../internal/styles';
import { adminFrame, renderQuery, statusOf } from '../../internal/views';
import { commitmentEditorStyles } from './commitment-editor.styles';
import { COMMITMENT_EDITOR_WORDS, type CommitmentEditorWords } from './commitment-editor.words';
import { commitmentExport } from './commitment-export';
import { IndicatorForm } from './indicator-form';

const AREAS = keysOf(COMMITMENT_EDITOR_WORDS['zh-CN']!.areas);

/** The decimals a target was given with (95.5 → 1), at most 3. */
const decimals = (n: number) => Math.min(3, (String(n).split('.')[1] ?? '').length);

/**
 * @summary The service commitments (服务承诺) a program publishes and the indicators (考核指标) that
 * judge them: a commitment published with its code, titles in three languages and area, or retired
 * (its history stays); an indicator added from the metric catalog — the metric, its parameters as the
 * catalog defines them, the comparison, the target and how often it is judged — or removed. Program
 * and system administrators change them; park administrators read them. The program's commitments
 * with their indicators export as CSV or Excel.
 *
 * @event huhang-commitment-changed - A commitment was published or retired, or its indicators changed; `detail` is the commitment's id.
 *
 * @csspart base - The frame.
 * @csspart title - The heading.
 * @csspart table - The commitments.
 * @csspart banner - The outcome of a form.
 * @csspart field-error - A field's error.
 * @csspart read-only - Said to a user who may read but not change.
 * @csspart export-button - The button that downloads the program's commitments as CSV.
 * @csspart export-xlsx-button - The same commitments as an Excel workbook (XLSX).
 */
@customElement('huhang-commitment-editor')
export class HuhangCommitmentEditor extends HuhangAdminElement {
  static override styles = [...HuhangAdminElement.styles, rowActionStyles, commitmentEditorStyles];

  @state() private programId = '';
  @state() private announcement = '';
  @state() private failure = '';

  private readonly editor = new QueryController(this, CommitmentsAdminDocument, () =>
    this.signedIn ? { programId: this.programId || null } : 'sign-in',
  );

  private readonly exporter = new ListExporter(
    this,
    this.sessions,
    (format) => commitmentExport(format, this.programId, this.words, this.metrics, this.resolvedLocale),
    (text) => (this.announcement = text),
  );

  private get words(): CommitmentEditorWords {
    return COMMITMENT_EDITOR_WORDS[this.t.$code] ?? COMMITMENT_EDITOR_WORDS['zh-CN']!;
  }

  private readonly commitmentForm = new FormModel(
    this,
    () => ({ code: '', titleZhCN: '', titleZhTW: '', titleEn: '', area: '' }),
    () => {
      const r = rules(this.t);
      return {
        code: [r.required],
        titleZhCN: [r.required, r.within(TranslatedTextInputLimits.zhCN)],
        titleZhTW: [r.within(TranslatedTextInputLimits.zhTW)],
        titleEn: [r.within(TranslatedTextInputLimits.en)],
        area: [r.required],
      };
    },
  );

  private readonly indicatorForm = new IndicatorForm(this, {
    words: () => this.words,
    metrics: () => this.metrics,
    commitments: () => this.commitments,
    added: async (commitment, metric) => {
      this.announcement = this.words.added(inLocale(metric.label, this.resolvedLocale), commitment.code);
      this.changed(commitment.id);
      await this.editor.retry();
    },
  });

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const programs = this.editor.data?.programs.nodes ?? [];
    if (programs.length && !programs.some((p) => p.id === this.programId)) this.programId = programs[0]!.id;
  }

  private get mayEdit(): boolean {
    const role = this.session.user?.role;
    return role === 'PROGRAM_ADMIN' || role === 'SYSTEM_ADMIN';
  }

  private get metrics(): MetricChoiceFragment[] {
    return this.editor.data?.metrics ?? [];
  }

  private get commitments(): CommitmentRowFragment[] {
    return (this.editor.data?.commitments.nodes ?? []).filter((c) => c.program.id === this.programId);
  }

  private changed(id: string) {
    this.dispatchEvent(new HuhangEvent('huhang-commitment-changed', id));
  }

  private indicatorName(indicator: IndicatorRowFragment): string {
    const locale = this.resolvedLocale;
    if (indicator.label) return inLocale(indicator.label, locale);
    const metric = this.metrics.find((m) => m.name === indicator.metric);
    return metric ? inLocale(metric.label, locale) : indicator.metric;
  }

  private async createCommitment(e: Event) {
    e.preventDefault();
    const v = this.commitmentForm.values;
    const optional = (value: unknown) => String(value).trim() || null;
    const saved = await this.commitmentForm.submit(
      this.t,
      (idempotencyKey) =>
        this.mutate(CreateCommitmentDocument, {
          input: {
            programId: this.programId,
            code: String(v.code).trim(),
            title: { zhCN: String(v.titleZhCN).trim(), zhTW: optional(v.titleZhTW), en: optional(v.titleEn) },
            area: v.area as CommitmentArea,
            idempotencyKey,
          },
        }),
      this.shadowRoot,
    );
    if (saved) {
      const made = saved.createCommitment.commitment;
      this.announcement = this.words.created(made.code);
      this.changed(made.id);
      await this.editor.retry();
    }
  }

  private removeIndicator(commitment: CommitmentRowFragment, indicator: IndicatorRowFragment) {
    const w = this.words;
    const name = this.indicatorName(indicator);
    if (!confirm(w.confirmRemove(name, commitment.code))) return;
    return this.act(commitment, async () => {
      await this.mutate(RemoveIndicatorDocument, { input: { id: indicator.id, version: indicator.version } });
      this.announcement = w.removed(name);
    });
  }

  private retire(commitment: CommitmentRowFragment) {
    const w = this.words;
    if (!confirm(w.confirmRetire(commitment.code))) return;
    return this.act(commitment, async () => {
      await this.mutate(RetireCommitmentDocument, { input: { id: commitment.id, version: commitment.version } });
      this.announcement = w.retired(commitment.code);
    });
  }

  private act(commitment: CommitmentRowFragment, work: () => Promise<void>) {
    return rowAction(
      this.t,
      (failure) => (this.failure = failure),
      work,
      () => {
        this.changed(commitment.id);
        return this.editor.retry();
      },
    );
  }

  /** `≥ 95 %, monthly` with the parameters that differ from the catalog's defaults. */
  private renderIndicator(commitment: CommitmentRowFragment, indicator: IndicatorRowFragment) {
    const w = this.words;
    const locale = this.resolvedLocale;
    const metric = this.metrics.find((m) => m.name === indicator.metric);
    const unit = metric ? inLocale(metric.unitLabel, locale) : '';
    const params = Object.entries(indicator.params)
      .filter(([name, value]) => String(value) !== metric?.parameters.find((p) => p.name === name)?.defaultValue)
      .map(([name, value]) => `${name} = ${String(value)}`);
    const name = this.indicatorName(indicator);
    return html`<li data-id=${indicator.id} data-metric=${indicator.metric}>
      <span class="what">
        <span>${name}</span>
        <span class="muted"
          >${w.comparators[indicator.comparator]}
          ${formatNumber(indicator.target, locale, decimals(indicator.target))}${unit ? ` ${unit}` : ''} ·
          ${w.perPeriod(w.periods[indicator.period])}${params.length ? ` · ${params.join('，')}` : ''}</span
        >
      </span>
      ${this.mayEdit
        ? html`<button
            class="secondary small"
            aria-label="${w.remove}: ${commitment.code} ${name}"
            @click=${() => this.removeIndicator(commitment, indicator)}
          >
            ${w.remove}
          </button>`
        : nothing}
    </li>`;
  }

  private renderCommitments(commitments: CommitmentRowFragment[]) {
    const w = this.words;
    const locale = this.resolvedLocale;
    if (commitments.length === 0) return html`<p class="muted" data-empty>${w.none}</p>`;
    return html`<div class="scroll">
      <table part="table">
        <caption class="sr-only">
          ${w.title}
        </caption>
        <thead>
          <tr>
            <th scope="col">${w.commitmentColumn}</th>
            <th scope="col">${w.area}</th>
            <th scope="col">${w.indicators}</th>
            ${this.mayEdit ? html`<th scope="col"><span class="sr-only">${w.retire}</span></th>` : nothing}
          </tr>
        </thead>
        <tbody>
          ${commitments.map(
            (c) =>
              html`<tr data-id=${c.id}>
                <th scope="row"><span class="code">${c.code}</span> ${inLocale(c.title, locale)}</th>
                <td class="nowrap">${w.areas[c.area]}</td>
                <td>
                  ${c.indicators.nodes.length
                    ? html`<ul class="indicators" aria-label=${w.indicatorsOf(c.code)}>
                        ${c.indicators.nodes.map((i) => this.renderIndicator(c, i))}
                      </ul>`
                    : html`<span class="muted">${w.noIndicators}</span>`}
                </td>
                ${this.mayEdit
                  ? html`<td>
                      <button class="secondary" aria-label="${w.retire}: ${c.code}" @click=${() => this.retire(c)}>${w.retire}</button>
                    </td>`
                  : nothing}
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private renderCommitmentForm() {
    const t = this.t;
    const w = this.words;
    const form = this.commitmentForm;
    return html`<form @submit=${this.createCommitment} novalidate aria-labelledby="commitment-heading">
      <h3 id="commitment-heading">${w.newCommitment}</h3>
      <div class="row">
        ${field(form, 'code', w.code, 'text', { required: true, t, hint: w.codeHint })}
        ${field(form, 'area', w.area, 'select', { choices: AREAS.map((a) => ({ value: a, label: w.areas[a] })), required: true, t })}
      </div>
      ${field(form, 'titleZhCN', w.titleZhCN, 'text', { required: true, t })} ${field(form, 'titleZhTW', w.titleZhTW, 'text', { t })}
      ${field(form, 'titleEn', w.titleEn, 'text', { t })} ${banner(form)}
      <div class="actions">
        <button type="submit" ?disabled=${form.submitting}>${form.submitting ? t.form.saving : w.create}</button>
      </div>
    </form>`;
  }

  override render() {
    const w = this.words;
    const programs = this.editor.data?.programs.nodes ?? [];
    return adminFrame(
      this,
      w.title,
      () =>
        html`${programs.length > 1
          ? html`<div class="field">
              <label for="program">${w.program}</label>
              <select
                id="program"
                .value=${this.programId}
                @change=${(e: Event) => (this.programId = (e.target as HTMLSelectElement).value)}
              >
                ${programs.map((p) => html`<option value=${p.id} ?selected=${p.id === this.programId}>${p.name}</option>`)}
              </select>
            </div>`
          : nothing}
        ${this.failure ? html`<p class="field-error" role="alert">${this.failure}</p>` : nothing}
        ${renderQuery(this, this.editor, () => this.renderCommitments(this.commitments))}
        ${this.editor.data
          ? this.mayEdit
            ? html`${this.indicatorForm.render()} ${this.renderCommitmentForm()}`
            : html`<p class="muted" part="read-only">${w.readOnly}</p>`
          : nothing}`,
      {
        status: this.announcement || statusOf(this, this.editor, w.title),
        actions: this.commitments.length ? html`<div class="export">${this.exporter.buttons()}</div>` : nothing,
      },
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'huhang-commitment-editor': HuhangCommitmentEditor;
  }
}
