import {
  AddIndicatorInputLimits,
  type CommitmentRowFragment,
  type Comparator,
  type IndicatorPeriod,
  type MetricChoiceFragment,
} from '@huhang/schema';
import { html, nothing, type ReactiveController } from 'lit';
import { AddIndicatorDocument } from '../../generated/admin-operations';
import type { HuhangAdminElement } from '../../internal/admin-element';
import { keysOf } from '../../internal/choices';
import { FormModel, banner, field, rules, type Rule } from '../../internal/form';
import { inLocale } from '../../internal/locale';
import { COMMITMENT_EDITOR_WORDS, type CommitmentEditorWords } from './commitment-editor.words';

const COMPARATORS = keysOf(COMMITMENT_EDITOR_WORDS['zh-CN']!.comparators);
const PERIODS: IndicatorPeriod[] = ['MONTH', 'QUARTER', 'YEAR', 'WEEK'];

type Parameter = MetricChoiceFragment['parameters'][number];
const paramField = (p: Parameter) => `param-${p.name}`;

/** What the form reads of the editor that shows it. */
export interface IndicatorFormSource {
  words(): CommitmentEditorWords;
  metrics(): MetricChoiceFragment[];
  /** The commitments of the program shown, one of which gets the indicator. */
  commitments(): CommitmentRowFragment[];
  /** Called once an indicator is saved. */
  added(commitment: CommitmentRowFragment, metric: MetricChoiceFragment): Promise<void>;
}

/**
 * The form that adds an indicator (考核指标) to a commitment: a metric from the catalog, its
 * parameters as the catalog defines them (starting from the catalog's defaults whenever another
 * metric is chosen), the comparison, the target and how often it is judged.
 */
export class IndicatorForm implements ReactiveController {
  readonly form: FormModel;
  /** The metric whose parameters the form shows. */
  private shownMetric = '';

  constructor(
    private readonly host: HuhangAdminElement,
    private readonly source: IndicatorFormSource,
  ) {
    host.addController(this);
    this.form = new FormModel(
      host,
      () => ({ commitmentId: '', metric: '', comparator: 'GTE', target: '', period: 'MONTH' }),
      () => {
        const r = rules(host.t);
        const params = Object.fromEntries((this.metric?.parameters ?? []).map((p) => [paramField(p), [this.parameterRule(p)]]));
        return {
          commitmentId: [r.required],
          metric: [r.required, r.within(AddIndicatorInputLimits.metric)],
          comparator: [r.required],
          target: [r.required, this.numberRule(AddIndicatorInputLimits.target)],
          period: [r.required],
          ...params,
        };
      },
    );
  }

  hostUpdate(): void {
    // A new metric starts from its catalog defaults.
    const metric = this.metric;
    if (metric && metric.name !== this.shownMetric) {
      this.shownMetric = metric.name;
      const defaults = Object.fromEntries(metric.parameters.map((p) => [paramField(p), p.defaultValue]));
      this.form.values = { ...this.form.values, ...defaults };
    }
  }

  private get metric(): MetricChoiceFragment | undefined {
    return this.source.metrics().find((m) => m.name === this.form.values.metric);
  }

  /** A decimal number within the API's range for it. */
  private numberRule(limits: { min: number; max: number }): Rule {
    return (v) => {
      const text = String(v).trim();
      if (!text) return undefined;
      const n = Number(text);
      return Number.isFinite(n) && n >= limits.min && n <= limits.max ? undefined : this.source.words().number;
    };
  }

  /** A whole-number parameter within the range the metric catalog gives it. */
  private parameterRule(p: Parameter): Rule {
    return (v) => {
      if (p.type !== 'INT') return undefined;
      const t = this.host.t;
      const text = String(v).trim();
      const min = p.min ?? Number.MIN_SAFE_INTEGER;
      const max = p.max ?? Number.MAX_SAFE_INTEGER;
      if (!text) return t.form.required;
      return /^-?\d+$/.test(text) && Number(text) >= min && Number(text) <= max ? undefined : t.form.integer(min, max);
    };
  }

  private async submit(e: Event) {
    e.preventDefault();
    const v = this.form.values;
    const metric = this.metric;
    const commitment = this.source.commitments().find((c) => c.id === v.commitmentId);
    const params = Object.fromEntries(
      (metric?.parameters ?? []).map((p) => {
        const value = String(v[paramField(p)] ?? p.defaultValue);
        return [p.name, p.type === 'INT' ? Number(value) : p.type === 'BOOLEAN' ? value === 'true' : value];
      }),
    );
    const saved = await this.form.submit(
      this.host.t,
      (idempotencyKey) =>
        this.host.mutate(AddIndicatorDocument, {
          input: {
            commitmentId: String(v.commitmentId),
            metric: String(v.metric),
            params,
            comparator: v.comparator as Comparator,
            target: Number(String(v.target).trim()),
            period: v.period as IndicatorPeriod,
            idempotencyKey,
          },
        }),
      this.host.shadowRoot,
    );
    if (saved && commitment && metric) {
      this.shownMetric = '';
      await this.source.added(commitment, metric);
    }
  }

  private renderParameter(p: Parameter) {
    const t = this.host.t;
    const name = paramField(p);
    if (p.type === 'BOOLEAN') return field(this.form, name, `${p.name}：${p.description}`, 'checkbox');
    if (p.type === 'ENUM') {
      return field(this.form, name, p.name, 'select', {
        choices: (p.values ?? []).map((value) => ({ value, label: value })),
        required: true,
        t,
        hint: p.description,
      });
    }
    return field(this.form, name, p.name, 'number', { required: true, t, hint: p.description });
  }

  render() {
    const t = this.host.t;
    const w = this.source.words();
    const locale = this.host.resolvedLocale;
    const form = this.form;
    const metric = this.metric;
    return html`<form @submit=${(e: Event) => this.submit(e)} novalidate aria-labelledby="indicator-heading">
      <h3 id="indicator-heading">${w.newIndicator}</h3>
      <div class="row">
        ${field(form, 'commitmentId', w.commitment, 'select', {
          choices: this.source.commitments().map((c) => ({ value: c.id, label: `${c.code} ${inLocale(c.title, locale)}` })),
          required: true,
          t,
        })}
        ${field(form, 'metric', w.metric, 'select', {
          choices: this.source.metrics().map((m) => ({ value: m.name, label: inLocale(m.label, locale) })),
          required: true,
          t,
          hint: metric ? `${inLocale(metric.description, locale)} ${w.unit(inLocale(metric.unitLabel, locale))}` : undefined,
        })}
      </div>
      ${metric?.parameters.length
        ? html`<fieldset class="parameters">
            <legend>${w.parameters}</legend>
            <div class="row">${metric.parameters.map((p) => this.renderParameter(p))}</div>
          </fieldset>`
        : nothing}
      <div class="row">
        ${field(form, 'comparator', w.comparator, 'select', {
          choices: COMPARATORS.map((c) => ({ value: c, label: w.comparators[c] })),
          required: true,
          t,
        })}
        ${field(form, 'target', w.target, 'text', {
          required: true,
          t,
          hint: metric ? w.unit(inLocale(metric.unitLabel, locale)) : undefined,
        })}
        ${field(form, 'period', w.period, 'select', {
          choices: PERIODS.map((p) => ({ value: p, label: w.periods[p] })),
          required: true,
          t,
        })}
      </div>
      ${banner(form)}
      <div class="actions">
        <button type="submit" ?disabled=${form.submitting}>${form.submitting ? t.form.saving : w.add}</button>
      </div>
    </form>`;
  }
}
