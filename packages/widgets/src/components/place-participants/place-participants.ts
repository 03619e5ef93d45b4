import { CreateOrganisationInputLimits, type ParticipantRole, type ParticipantRowFragment } from '@huhang/schema';
import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import {
  AddPlaceParticipantDocument,
  CreateOrganisationDocument,
  EndPlaceParticipantDocument,
  PlaceParticipantsOfPlaceDocument,
  PlaceParticipantsParksDocument,
  PlacesAndRegisterDocument,
} from '../../generated/admin-operations';
import { HuhangAdminElement } from '../../internal/admin-element';
import { FormModel, banner, field, rowAction, rules, type Rule } from '../../internal/form';
import { today } from '../../internal/period';
import { parkPicker, parkToShow } from '../../internal/park-choice';
import { QueryController } from '../../internal/query';
import { rowActionStyles } from '../../internal/styles';
import { adminFrame, renderQuery, statusOf } from '../../internal/views';
import { PARTICIPANTS_WORDS, type ParticipantsWords } from './place-participants.words';

const ROLES: ParticipantRole[] = ['GENERAL_CONTRACTOR', 'SUBCONTRACTOR', 'WORK_TEAM', 'LABOUR_DISPATCH'];
/** Whom each role works under, as the API has it (总包负责制); an empty list: under no one. */
const UNDER: Record<ParticipantRole, ParticipantRole[]> = {
  GENERAL_CONTRACTOR: [],
  SUBCONTRACTOR: ['GENERAL_CONTRACTOR'],
  WORK_TEAM: ['GENERAL_CONTRACTOR', 'SUBCONTRACTOR'],
  LABOUR_DISPATCH: ['GENERAL_CONTRACTOR', 'SUBCONTRACTOR', 'WORK_TEAM'],
};

/**
 * @summary Who works at a place and under whom (总包负责制): the general contractor, the
 * subcontractors under it and the work teams under either, each with its credit code and the days it
 * came and left; an organisation recorded on site, one recorded as gone (with those under it), and,
 * for a program's administrators, a new organisation on the program's register. The park is the
 * page's, else the one chosen among the administrator's parks.
 *
 * @csspart base - The frame.
 * @csspart title - The heading.
 * @csspart tree - The participants, nested under those they work under.
 * @csspart participant - One participant.
 * @csspart banner - The outcome of a form.
 */
@customElement('huhang-place-participants')
export class HuhangPlaceParticipants extends HuhangAdminElement {
  static override styles = [
    ...HuhangAdminElement.styles,
    rowActionStyles,
    css`
      ul[part='tree'],
      ul[part='tree'] ul {
        list-style: none;
        margin: 0;
        padding-left: 0;
      }
      ul[part='tree'] ul {
        padding-left: 20px;
        border-left: 2px solid var(--huhang-border, #d0d7de);
        margin-left: 8px;
      }
      li[part='participant'] > div {
        display: flex;
        flex-wrap: wrap;
        gap: 4px 12px;
        align-items: baseline;
        padding: 6px 0;
      }
      .role {
        font-weight: 600;
      }
      .gone .name {
        text-decoration: line-through;
      }
      h3 {
        font-size: 1em;
        margin: 16px 0 8px;
      }
    `,
  ];

  @state() private parkId = '';
  @state() private placeId = '';
  /** The days typed for leaving, by participant. */
  @state() private leaving: Record<string, string> = {};
  @state() private announcement = '';
  @state() private failure = '';

  private readonly parks = new QueryController(this, PlaceParticipantsParksDocument, () => (this.signedIn ? {} : 'sign-in'));
  private readonly places = new QueryController(this, PlacesAndRegisterDocument, () => {
    const park = this.park;
    return this.signedIn && park ? { parkId: park.id, programId: park.program.id } : 'park';
  });
  private readonly participants = new QueryController(this, PlaceParticipantsOfPlaceDocument, () =>
    this.signedIn && this.placeId ? { placeId: this.placeId } : 'place',
  );

  private get words(): ParticipantsWords {
    return PARTICIPANTS_WORDS[this.t.$code] ?? PARTICIPANTS_WORDS['zh-CN']!;
  }

  private get park() {
    return this.parks.data?.parks.nodes.find((p) => p.id === this.parkId);
  }

  private get current(): ParticipantRowFragment[] {
    return (this.participants.data?.placeParticipants.nodes ?? []).filter((p) => !p.leftOn);
  }

  private readonly form = new FormModel(
    this,
    () => ({ organisationId: '', role: '', parentId: '', joinedOn: today() }),
    () => {
      const r = rules(this.t);
      const parentRule: Rule = (v, values) => {
        const role = values.role as ParticipantRole | '';
        if (!role) return undefined;
        if (role === 'GENERAL_CONTRACTOR') return v ? this.words.parentHint : undefined;
        return !v && role !== 'LABOUR_DISPATCH' ? this.t.form.required : undefined;
      };
      return { organisationId: [r.required], role: [r.required], parentId: [parentRule], joinedOn: [r.required, r.date] };
    },
  );

  private readonly register = new FormModel(
    this,
    () => ({ name: '', creditCode: '' }),
    () => {
      const r = rules(this.t);
      return {
        name: [r.required, r.within(CreateOrganisationInputLimits.name)],
        // Its shape and check character are the API's to judge: its refusal lands beside the field.
        creditCode: [r.required],
      };
    },
  );

  /** Only a program's administrators add to its register. */
  private get mayRegister(): boolean {
    const role = this.session.user?.role;
    return role === 'PROGRAM_ADMIN' || role === 'SYSTEM_ADMIN';
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.parkId = parkToShow(this.parks.data?.parks.nodes ?? [], this.setting('park'), this.parkId);
    const places = this.places.data?.enterprises.nodes ?? [];
    if (places.length && !places.some((p) => p.id === this.placeId)) this.placeId = places[0]!.id;
  }

  private async add(e: Event) {
    e.preventDefault();
    const v = this.form.values;
    const name = this.places.data?.organisations.nodes.find((o) => o.id === v.organisationId)?.name ?? '';
    const saved = await this.form.submit(
      this.t,
      (idempotencyKey) =>
        this.mutate(AddPlaceParticipantDocument, {
          input: {
            enterpriseId: this.placeId,
            organisationId: String(v.organisationId),
            role: v.role as ParticipantRole,
            parentId: v.parentId ? String(v.parentId) : null,
            joinedOn: String(v.joinedOn),
            idempotencyKey,
          },
        }),
      this.shadowRoot,
    );
    if (saved) {
      this.announcement = this.words.added(name);
      await this.participants.retry();
    }
  }

  private async registerOrganisation(e: Event) {
    e.preventDefault();
    const v = this.register.values;
    const park = this.park;
    if (!park) return;
    const saved = await this.register.submit(
      this.t,
      (idempotencyKey) =>
        this.mutate(CreateOrganisationDocument, {
          input: {
            programId: park.program.id,
            name: String(v.name).trim(),
            creditCode: String(v.creditCode).trim().toUpperCase(),
            idempotencyKey,
          },
        }),
      this.shadowRoot,
    );
    if (saved) {
      this.announcement = this.words.registered(saved.createOrganisation.organisation.name);
      await this.places.retry();
    }
  }

  private async end(participant: ParticipantRowFragment) {
    const w = this.words;
    const name = participant.organisation.name;
    if (!confirm(w.confirmEnd(name))) return;
    await rowAction(
      this.t,
      (failure) => (this.failure = failure),
      async () => {
        await this.mutate(EndPlaceParticipantDocument, {
          input: { id: participant.id, version: participant.version, leftOn: this.leaving[participant.id] || today() },
        });
        this.announcement = w.ended(name);
      },
      () => this.participants.retry(),
    );
  }

  private renderParticipant(p: ParticipantRowFragment, below: Map<string, ParticipantRowFragment[]>): TemplateResult {
    const w = this.words;
    const children = below.get(p.id) ?? [];
    return html`<li part="participant" data-id=${p.id} data-role=${p.role}>
      <div class=${p.leftOn ? 'gone' : ''}>
        <span class="role">${w.roles[p.role]}</span>
        <span class="name">${p.organisation.name}</span>
        <span class="muted"><span class="sr-only">${w.creditCode} </span>${p.organisation.creditCode}</span>
        <span class="muted">${w.joined(p.joinedOn)}${p.leftOn ? html`，${w.left(p.leftOn)}` : nothing}</span>
        ${p.leftOn
          ? nothing
          : html`<span class="act">
              <label class="sr-only" for="left-${p.id}">${w.leftOn(p.organisation.name)}</label>
              <input
                id="left-${p.id}"
                name="leftOn"
                type="date"
                .value=${this.leaving[p.id] ?? today()}
                @input=${(e: Event) => (this.leaving = { ...this.leaving, [p.id]: (e.target as HTMLInputElement).value })}
              />
              <button class="secondary" aria-label="${w.end}: ${p.organisation.name}" @click=${() => this.end(p)}>${w.end}</button>
            </span>`}
      </div>
      ${children.length
        ? html`<ul>
            ${children.map((c) => this.renderParticipant(c, below))}
          </ul>`
        : nothing}
    </li>`;
  }

  private renderTree(all: readonly ParticipantRowFragment[]) {
    const w = this.words;
    if (all.length === 0) return html`<p class="muted" data-empty>${w.none}</p>`;
    const ids = new Set(all.map((p) => p.id));
    const below = new Map<string, ParticipantRowFragment[]>();
    for (const p of all) if (p.parent && ids.has(p.parent.id)) below.set(p.parent.id, [...(below.get(p.parent.id) ?? []), p]);
    const top = all.filter((p) => !p.parent || !ids.has(p.parent.id));
    return html`<ul part="tree" aria-label=${w.title}>
      ${top.map((p) => this.renderParticipant(p, below))}
    </ul>`;
  }

  private renderAdd() {
    const t = this.t;
    const w = this.words;
    const role = this.form.values.role as ParticipantRole | '';
    const register = this.places.data?.organisations.nodes ?? [];
    const parents = role
      ? this.current
          .filter((p) => UNDER[role].includes(p.role))
          .map((p) => ({ value: p.id, label: `${w.roles[p.role]} · ${p.organisation.name}` }))
      : [];
    return html`<h3>${w.add}</h3>
      <form @submit=${this.add} novalidate aria-label=${w.add}>
        ${field(this.form, 'organisationId', w.organisation, 'select', {
          required: true,
          t,
          choices: register.map((o) => ({ value: o.id, label: `${o.name}（${o.creditCode}）` })),
        })}
        ${field(this.form, 'role', w.role, 'select', { required: true, t, choices: ROLES.map((r) => ({ value: r, label: w.roles[r] })) })}
        ${role === 'GENERAL_CONTRACTOR'
          ? nothing
          : field(this.form, 'parentId', w.parent, 'select', { t, choices: parents, hint: w.parentHint })}
        ${field(this.form, 'joinedOn', w.joinedOn, 'date', { required: true, t })} ${banner(this.form)}
        <div class="actions">
          <button type="submit" ?disabled=${this.form.submitting}>${this.form.submitting ? t.form.saving : w.add}</button>
        </div>
      </form>`;
  }

  private renderRegister() {
    if (!this.mayRegister) return nothing;
    const t = this.t;
    const w = this.words;
    return html`<h3>${w.register}</h3>
      <form @submit=${this.registerOrganisation} novalidate aria-label=${w.register}>
        ${field(this.register, 'name', w.name, 'text', { required: true, t, hint: w.nameHint })}
        ${field(this.register, 'creditCode', w.creditCode, 'text', { required: true, t, hint: w.creditCodeHint })} ${banner(this.register)}
        <div class="actions">
          <button type="submit" ?disabled=${this.register.submitting}>${this.register.submitting ? t.form.saving : w.register}</button>
        </div>
      </form>`;
  }

  override render() {
    const w = this.words;
    const parks = this.parks.data?.parks.nodes ?? [];
    return adminFrame(
      this,
      w.title,
      () =>
        html`${parkPicker(w.park, parks, this.parkId, this.setting('park'), (id) => (this.parkId = id))}
        ${renderQuery(this, this.places, (data) => {
          const places = data.enterprises.nodes;
          if (places.length === 0) return html`<p class="muted" data-empty>${w.noPlaces}</p>`;
          return html`<div class="field">
              <label for="place">${w.place}</label>
              <select id="place" .value=${this.placeId} @change=${(e: Event) => (this.placeId = (e.target as HTMLSelectElement).value)}>
                ${places.map(
                  (p) => html`<option value=${p.id} ?selected=${p.id === this.placeId}>${p.name}（${w.kinds[p.kind]}）</option>`,
                )}
              </select>
            </div>
            ${this.failure ? html`<p class="field-error" role="alert">${this.failure}</p>` : nothing}
            ${renderQuery(this, this.participants, (d) => this.renderTree(d.placeParticipants.nodes))} ${this.renderAdd()}
            ${this.renderRegister()}`;
        })}`,
      { status: this.announcement || statusOf(this, this.participants, w.title) },
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'huhang-place-participants': HuhangPlaceParticipants;
  }
}
