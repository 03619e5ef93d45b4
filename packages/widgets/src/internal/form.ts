import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Translation } from '../translations/zh-CN';
import { ApiError } from './client';
import { today } from './period';

export type Value = string | string[];

/** The limits of an input field as @huhang/schema emits them from the API's rules. */
export interface FieldLimits {
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly min?: number;
  readonly max?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
}
export type Rule = (value: Value, values: Record<string, Value>) => string | undefined;

/** A key made once per record and resent with every retry, so that a retried save writes once. */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `w-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** Rules in the reader's language. */
export function rules(t: Translation) {
  const f = t.form;
  const text = (v: Value) => (Array.isArray(v) ? v.join('') : v).trim();
  return {
    required: ((v) => (Array.isArray(v) ? (v.length ? undefined : f.chooseOne) : text(v) ? undefined : f.required)) as Rule,
    date: ((v) =>
      !text(v) || (/^\d{4}-\d{2}-\d{2}$/.test(text(v)) && !Number.isNaN(Date.parse(text(v)))) ? undefined : f.invalidDate) as Rule,
    notFuture: ((v) => (text(v) && text(v) > today() ? f.futureDate : undefined)) as Rule,
    notBefore:
      (other: string, label: string): Rule =>
      (v, values) =>
        text(v) && text(values[other] ?? '') && text(v) < text(values[other] ?? '') ? f.notBefore(label) : undefined,
    /** The API's limits of one input field (`RecordVisitInputLimits.findings`, from @huhang/schema), checked as the user types. */
    within:
      (limits: FieldLimits): Rule =>
      (v) => {
        if (Array.isArray(v)) return limits.maxItems !== undefined && v.length > limits.maxItems ? f.tooMany(limits.maxItems) : undefined;
        const value = text(v);
        if (!value) return undefined;
        if (limits.maxLength !== undefined && [...value].length > limits.maxLength) return f.tooLong(limits.maxLength);
        if (limits.min === undefined && limits.max === undefined) return undefined;
        const min = limits.min ?? Number.MIN_SAFE_INTEGER;
        const max = limits.max ?? Number.MAX_SAFE_INTEGER;
        return /^-?\d+$/.test(value) && Number(value) >= min && Number(value) <= max ? undefined : f.integer(min, max);
      },
  };
}

export interface Banner {
  kind: 'error' | 'success';
  text: string;
}

/** Whether two values are the same (lists item by item). */
function sameValue(a: Value | undefined, b: Value | undefined): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => item === b[i]);
  return a === b;
}

/**
 * The state of one form: values, errors shown as the user types (after a field is first left or
 * a submit was tried), the API's field errors, and an idempotency key that survives failed tries.
 * Defaults that depend on what arrives later (the signed-in officer, the first park) are taken
 * again before each render, into every field the user has not touched and that still holds the
 * default it had.
 */
export class FormModel implements ReactiveController {
  values: Record<string, Value>;
  errors: Record<string, string | undefined> = {};
  touched = new Set<string>();
  submitting = false;
  banner?: Banner;
  idempotencyKey = newIdempotencyKey();
  /** The defaults as last taken. */
  private defaulted: Record<string, Value>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly defaults: () => Record<string, Value>,
    private readonly rulesOf: () => Record<string, Rule[]>,
  ) {
    this.values = defaults();
    this.defaulted = this.values;
    host.addController(this);
  }

  hostUpdate(): void {
    const next = this.defaults();
    let values = this.values;
    for (const [name, value] of Object.entries(next)) {
      const untouched = !this.touched.has(name) && sameValue(values[name], this.defaulted[name]);
      if (untouched && !sameValue(value, this.defaulted[name])) values = { ...values, [name]: value };
    }
    this.values = values;
    this.defaulted = next;
  }

  set(name: string, value: Value): void {
    this.values = { ...this.values, [name]: value };
    if (this.touched.has(name) || this.errors[name]) this.validate(name);
    // Fields whose rules read this one (a deadline after the day found) follow.
    for (const other of this.touched) if (other !== name) this.validate(other);
    this.host.requestUpdate();
  }

  leave(name: string): void {
    this.touched.add(name);
    this.validate(name);
    this.host.requestUpdate();
  }

  validate(name: string): boolean {
    const error = (this.rulesOf()[name] ?? []).map((rule) => rule(this.values[name] ?? '', this.values)).find(Boolean);
    this.errors = { ...this.errors, [name]: error };
    return !error;
  }

  /** Checks every field; answers the names of the invalid ones. */
  validateAll(): string[] {
    const names = Object.keys(this.rulesOf());
    names.forEach((n) => this.touched.add(n));
    return names.filter((n) => !this.validate(n));
  }

  /**
   * Validates, then sends. A network failure keeps everything typed and the idempotency key; an
   * API field error lands beside its field; success clears the form for the next record.
   */
  async submit<T>(t: Translation, send: (idempotencyKey: string) => Promise<T>, root: ShadowRoot | null): Promise<T | undefined> {
    if (this.submitting) return undefined;
    const invalid = this.validateAll();
    this.banner = undefined;
    if (invalid.length) {
      this.banner = { kind: 'error', text: t.form.fixErrors(invalid.length) };
      this.host.requestUpdate();
      await this.host.updateComplete;
      (root?.querySelector(`[name="${invalid[0]}"]`) as HTMLElement | null)?.focus();
      return undefined;
    }
    this.submitting = true;
    this.host.requestUpdate();
    try {
      const result = await send(this.idempotencyKey);
      this.values = this.defaults();
      this.defaulted = this.values;
      this.errors = {};
      this.touched.clear();
      this.idempotencyKey = newIdempotencyKey();
      this.banner = { kind: 'success', text: t.form.saved };
      return result;
    } catch (error) {
      this.banner = { kind: 'error', text: describeFailure(error, t) };
      const field = error instanceof ApiError ? error.field?.replace(/^input\./, '').split('.')[0] : undefined;
      if (field && field in this.rulesOf()) {
        this.errors = { ...this.errors, [field]: error instanceof ApiError ? error.message : undefined };
        await this.host.updateComplete;
        (root?.querySelector(`[name="${field}"]`) as HTMLElement | null)?.focus();
      }
      return undefined;
    } finally {
      this.submitting = false;
      this.host.requestUpdate();
    }
  }
}

export function describeFailure(error: unknown, t: Translation): string {
  if (error instanceof ApiError && error.kind === 'network') return t.form.networkKept;
  // A stale version is someone else's change; other conflicts (a unit with officers, a name taken) say what they are.
  if (error instanceof ApiError && error.reason === 'STALE_VERSION') return t.form.conflict;
  if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') return t.errors.unauthenticated;
  if (error instanceof ApiError && error.code === 'FORBIDDEN') return t.errors.forbidden;
  if (error instanceof ApiError && error.kind === 'api' && error.code !== 'INTERNAL_SERVER_ERROR') return error.message;
  return t.errors.server;
}

/**
 * An action on one row of a list (rename, archive, disable): the widget's failure line is cleared,
 * the work done and `then` run (the list asked again); a refusal lands in the failure line.
 */
export async function rowAction(
  t: Translation,
  report: (failure: string) => void,
  work: () => Promise<void>,
  then: () => Promise<void>,
): Promise<void> {
  report('');
  try {
    await work();
    await then();
  } catch (error) {
    report(describeFailure(error, t));
  }
}

export interface Option {
  value: string;
  label: string;
}

type Control = 'text' | 'date' | 'datetime-local' | 'number' | 'textarea' | 'select' | 'checkboxes' | 'radios' | 'checkbox' | 'password';

/** One labelled field, its control, and its error announced beside it. */
export function field(
  form: FormModel,
  name: string,
  label: string,
  control: Control,
  options: { choices?: Option[]; required?: boolean; t?: Translation; autocomplete?: string; hint?: string } = {},
): TemplateResult {
  const id = `f-${name}`;
  const error = form.errors[name];
  const described = error ? `${id}-error` : nothing;
  const value = form.values[name] ?? '';
  const onInput = (e: Event) => form.set(name, (e.target as HTMLInputElement).value);
  const onBlur = () => form.leave(name);
  const errorText = error ? html`<p class="field-error" id="${id}-error" part="field-error">${error}</p>` : nothing;
  const optional = options.required || !options.t ? '' : options.t.form.optional;
  if (control === 'checkboxes' || control === 'radios') {
    const list = Array.isArray(value) ? value : [value];
    const type = control === 'checkboxes' ? 'checkbox' : 'radio';
    return html`<fieldset class="field" aria-invalid=${error ? 'true' : 'false'} aria-describedby=${described}>
      <legend>${label}${optional}</legend>
      <div>
        ${options.choices?.map(
          (c, i) =>
            html`<label
              ><input
                type=${type}
                name=${i === 0 ? name : `${name}-${i}`}
                value=${c.value}
                .checked=${live(list.includes(c.value))}
                @change=${(e: Event) => {
                  const on = (e.target as HTMLInputElement).checked;
                  if (type === 'radio') form.set(name, c.value);
                  else form.set(name, on ? [...list, c.value] : list.filter((v) => v !== c.value));
                }}
                @blur=${onBlur}
              />${c.label}</label
            >`,
        )}
      </div>
      ${errorText}
    </fieldset>`;
  }
  if (control === 'checkbox') {
    return html`<div class="field">
      <label
        ><input
          type="checkbox"
          id=${id}
          name=${name}
          .checked=${live(value === 'true')}
          @change=${(e: Event) => form.set(name, String((e.target as HTMLInputElement).checked))}
        />
        ${label}</label
      >
    </div>`;
  }
  const common = {
    invalid: error ? 'true' : 'false',
  };
  let input: TemplateResult;
  if (control === 'textarea') {
    input = html`<textarea
      id=${id}
      name=${name}
      rows="3"
      aria-invalid=${common.invalid}
      aria-describedby=${described}
      ?required=${options.required}
      .value=${live(String(value))}
      @input=${onInput}
      @blur=${onBlur}
    ></textarea>`;
  } else if (control === 'select') {
    input = html`<select
      id=${id}
      name=${name}
      aria-invalid=${common.invalid}
      aria-describedby=${described}
      ?required=${options.required}
      .value=${live(String(value))}
      @change=${onInput}
      @blur=${onBlur}
    >
      <option value="">${options.t?.form.choose ?? ''}</option>
      ${options.choices?.map((c) => html`<option value=${c.value} ?selected=${c.value === value}>${c.label}</option>`)}
    </select>`;
  } else {
    input = html`<input
      id=${id}
      name=${name}
      type=${control}
      inputmode=${control === 'number' ? 'numeric' : nothing}
      autocomplete=${options.autocomplete ?? nothing}
      aria-invalid=${common.invalid}
      aria-describedby=${described}
      ?required=${options.required}
      .value=${live(String(value))}
      @input=${onInput}
      @blur=${onBlur}
    />`;
  }
  return html`<div class="field">
    <label for=${id}>${label}${optional}</label>
    ${input} ${options.hint ? html`<span class="muted">${options.hint}</span>` : nothing} ${errorText}
  </div>`;
}

/** The success or failure line of a form, announced to screen readers. */
export function banner(form: FormModel) {
  if (!form.banner) return nothing;
  return html`<p class="banner ${form.banner.kind}" part="banner" role=${form.banner.kind === 'error' ? 'alert' : 'status'}>
    ${form.banner.text}
  </p>`;
}

/** A filter's checkbox in a toolbar: `changed` gets whether it is now ticked. */
export function filterCheckbox(name: string, checked: boolean, label: string, changed: (checked: boolean) => void) {
  return html`<label class="check"
    ><input
      type="checkbox"
      name=${name}
      .checked=${checked}
      @change=${(e: Event) => changed((e.target as HTMLInputElement).checked)}
    />${label}</label
  >`;
}
