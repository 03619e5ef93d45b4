import { ReportHazardInputLimits } from '@huhang/schema';
import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { HuhangEvent } from '../../events/events';
import { HazardExportDocument, OpenHazardsDocument, RectifyHazardDocument, ReportHazardDocument } from '../../generated/admin-operations';
import { HuhangAdminElement } from '../../internal/admin-element';
import { choicesQuery } from '../../internal/choices';
import { FormModel, banner, describeFailure, field, filterCheckbox, rules } from '../../internal/form';
import { formatDate } from '../../internal/format';
import { ListExporter } from '../../internal/list-exporter';
import type { LocaleCode } from '../../internal/locale';
import { today } from '../../internal/period';
import { QueryController } from '../../internal/query';
import { hazardFormStyles } from './hazard-form.styles';
import { HAZARD_FORM_WORDS } from './hazard-form.words';
import { adminFrame, renderQuery } from '../../internal/views';

/**
 * @summary Reports a safety hazard (隐患) found at an enterprise or in a park, with its deadline,
 * and lists the open ones so that their rectification (整改) can be confirmed.
 *
 * @event huhang-hazard-saved - A hazard was reported; `detail` is the hazard.
 * @event huhang-hazard-rectified - A hazard's rectification was confirmed; `detail` is the hazard.
 *
 * @csspart base - The frame.
 * @csspart title - The heading.
 * @csspart banner - The success or failure message.
 * @csspart field-error - A field's error.
 * @csspart open-hazard - One hazard awaiting rectification.
 * @csspart major-badge - The mark of a major hazard (重大隐患) in the list.
 * @csspart export-button - Downloads the open hazards as CSV.
 * @csspart export-xlsx-button - Downloads them as Excel.
 * @csspart export-progress - How far a download has come.
 */
@customElement('huhang-hazard-form')
export class HuhangHazardForm extends HuhangAdminElement {
  static override styles = [...HuhangAdminElement.styles, hazardFormStyles];

  @state() private rectifying: Record<string, { on: string; error?: string; busy?: boolean }> = {};
  @state() private announcement = '';

  private readonly choices = choicesQuery(this);
  /** Only major hazards in the open list. */
  @state() private majorOnly = false;

  /** The open hazards, as the list and its export ask for them. */
  private filter() {
    return {
      states: ['OPEN' as const, 'OVERDUE' as const],
      parkId: this.setting('park') ?? null,
      severities: this.majorOnly ? ['MAJOR' as const] : null,
    };
  }

  private readonly open = new QueryController(this, OpenHazardsDocument, () =>
    this.signedIn ? { filter: this.filter(), first: 50 } : 'sign-in',
  );

  /** Every open hazard of the list (not only the 50 shown), as CSV or Excel. */
  private readonly exporter = new ListExporter(
    this,
    this.sessions,
    (format) => {
      const th = this.t.hazard;
      const w = HAZARD_FORM_WORDS[this.t.$code as LocaleCode] ?? HAZARD_FORM_WORDS['zh-CN'];
      return {
        format,
        document: HazardExportDocument as never,
        variables: { filter: this.filter() },
        columns: [
          { header: th.description, path: 'description' },
          { header: th.severity, path: 'severity', labels: th.severities },
          { header: w.state, path: 'state', labels: th.states },
          { header: th.source, path: 'source', labels: th.sources },
          { header: th.enterprise, path: 'enterprise.name' },
          { header: w.zone, path: 'zone.name' },
          { header: th.place, path: 'place' },
          { header: th.foundOn, path: 'foundOn' },
          { header: th.deadline, path: 'deadline' },
        ],
        filename: `huhang-open-hazards-${today()}`,
        sheet: w.register,
      };
    },
    (text) => (this.announcement = text),
  );

  private readonly form = new FormModel(
    this,
    () => ({
      enterpriseId: '',
      source: 'INSPECTION',
      severity: 'GENERAL',
      description: '',
      place: '',
      foundOn: today(),
      deadline: '',
      rectifiedOnSite: 'false',
    }),
    () => {
      const r = rules(this.t);
      return {
        enterpriseId: [],
        source: [r.required],
        severity: [r.required],
        description: [r.required, r.within(ReportHazardInputLimits.description)],
        place: [r.within(ReportHazardInputLimits.place)],
        foundOn: [r.required, r.date, r.notFuture],
        deadline: [r.required, r.date, r.notBefore('foundOn', this.t.hazard.foundOn)],
      };
    },
  );

  private async report(e: Event) {
    e.preventDefault();
    const v = this.form.values;
    const enterprise = this.choices.data?.enterprises.nodes.find((n) => n.id === v.enterpriseId);
    const parkId = enterprise?.park.id ?? this.setting('park') ?? this.session.user?.parks[0]?.id ?? null;
    const saved = await this.form.submit(
      this.t,
      (idempotencyKey) =>
        this.mutate(ReportHazardDocument, {
          input: {
            enterpriseId: enterprise?.id ?? null,
            parkId: enterprise ? null : parkId,
            source: v.source as 'INSPECTION',
            severity: v.severity as 'GENERAL',
            description: String(v.description).trim(),
            place: String(v.place).trim(),
            foundOn: String(v.foundOn),
            deadline: String(v.deadline),
            rectifiedOnSite: v.rectifiedOnSite === 'true',
            idempotencyKey,
          },
        }),
      this.shadowRoot,
    );
    if (saved?.reportHazard.hazard) {
      this.dispatchEvent(new HuhangEvent('huhang-hazard-saved', saved.reportHazard.hazard));
      void this.open.retry();
    }
  }

  private async rectify(hazard: { id: string; version: number; description: string }) {
    const entry = this.rectifying[hazard.id] ?? { on: today() };
    if (!/^\d{4}-\d{2}-\d{2}$/.test(entry.on) || entry.on > today()) {
      this.rectifying = { ...this.rectifying, [hazard.id]: { ...entry, error: this.t.form.invalidDate } };
      return;
    }
    this.rectifying = { ...this.rectifying, [hazard.id]: { ...entry, busy: true, error: undefined } };
    try {
      const { rectifyHazard } = await this.mutate(RectifyHazardDocument, {
        input: { id: hazard.id, version: hazard.version, rectifiedOn: entry.on },
      });
      this.announcement = `${hazard.description}：${this.t.hazard.rectified}`;
      this.dispatchEvent(new HuhangEvent('huhang-hazard-rectified', rectifyHazard.hazard));
      await this.open.retry();
    } catch (error) {
      this.rectifying = { ...this.rectifying, [hazard.id]: { ...entry, busy: false, error: describeFailure(error, this.t) } };
    }
  }

  override render() {
    const t = this.t;
    const locale = this.resolvedLocale;
    return adminFrame(
      this,
      t.hazard.title,
      () =>
        html`${renderQuery(this, this.choices, ({ enterprises }) => {
            const pick = (map: Record<string, string>) => Object.entries(map).map(([value, label]) => ({ value, label }));
            return html`<form @submit=${this.report} novalidate aria-labelledby="report-title">
              <h3 id="report-title">${t.hazard.report}</h3>
              <div class="row">
                ${field(this.form, 'enterpriseId', t.hazard.enterprise, 'select', {
                  choices: enterprises.nodes.map((n) => ({ value: n.id, label: n.name })),
                  t,
                })}
                ${field(this.form, 'source', t.hazard.source, 'select', { choices: pick(t.hazard.sources), required: true, t })}
                ${field(this.form, 'severity', t.hazard.severity, 'select', { choices: pick(t.hazard.severities), required: true, t })}
              </div>
              ${field(this.form, 'description', t.hazard.description, 'textarea', { required: true, t })}
              <div class="row">
                ${field(this.form, 'place', t.hazard.place, 'text', { t })}
                ${field(this.form, 'foundOn', t.hazard.foundOn, 'date', { required: true, t })}
                ${field(this.form, 'deadline', t.hazard.deadline, 'date', { required: true, t })}
              </div>
              ${field(this.form, 'rectifiedOnSite', t.hazard.rectifiedOnSite, 'checkbox')} ${banner(this.form)}
              <div class="actions">
                <button type="submit" ?disabled=${this.form.submitting}>${this.form.submitting ? t.form.saving : t.form.save}</button>
              </div>
            </form>`;
          })}
          <h3>${t.hazard.open}</h3>
          <div class="list-tools">
            ${filterCheckbox('majorOnly', this.majorOnly, t.hazard.majorOnly, (on) => (this.majorOnly = on))}
            <div class="export">${this.exporter.buttons()}</div>
          </div>
          ${renderQuery(this, this.open, ({ hazards }) =>
            hazards.nodes.length
              ? html`<ul class="open">
                  ${hazards.nodes.map((h) => {
                    const entry = this.rectifying[h.id] ?? { on: today() };
                    const id = `on-${h.id}`;
                    return html`<li
                      part="open-hazard"
                      data-id=${h.id}
                      data-severity=${h.severity}
                      class=${h.severity === 'MAJOR' ? 'major' : ''}
                    >
                      <div>
                        ${h.severity === 'MAJOR'
                          ? html`<span class="badge major" part="major-badge" data-severity="MAJOR"
                              ><span aria-hidden="true">⚠</span> ${t.hazard.severities.MAJOR}</span
                            >`
                          : nothing}
                        <strong>${h.description}</strong>
                        <span class="badge ${h.state === 'OVERDUE' ? 'not-met' : ''}">${t.hazard.states[h.state]}</span>
                        <div class="muted">
                          ${h.enterprise?.name ?? ''} ${h.place} · ${t.hazard.foundOn} ${formatDate(h.foundOn, locale)} ·
                          ${t.hazard.deadline} ${formatDate(h.deadline, locale)}
                        </div>
                      </div>
                      <div class="rectify">
                        <div class="field">
                          <label for=${id}>${t.hazard.rectifiedOn}</label>
                          <input
                            id=${id}
                            type="date"
                            .value=${entry.on}
                            aria-invalid=${entry.error ? 'true' : 'false'}
                            aria-describedby=${entry.error ? `${id}-error` : nothing}
                            @input=${(e: Event) =>
                              (this.rectifying = { ...this.rectifying, [h.id]: { on: (e.target as HTMLInputElement).value } })}
                          />
                        </div>
                        <button class="secondary" ?disabled=${entry.busy} @click=${() => this.rectify(h)}>${t.hazard.rectify}</button>
                        ${entry.error ? html`<p class="field-error" id="${id}-error" role="alert">${entry.error}</p>` : nothing}
                      </div>
                    </li>`;
                  })}
                </ul>`
              : html`<p class="muted">${t.hazard.noneOpen}</p>`,
          )}`,
      { status: this.announcement },
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'huhang-hazard-form': HuhangHazardForm;
  }
}
