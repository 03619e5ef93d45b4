import { CreateUserInputLimits, type OfficersOfParkQuery, type Role } from '@huhang/schema';
import { html, nothing } from 'lit';
import { CreateUserDocument, OfficersOfParkDocument } from '../../generated/admin-operations';
import type { HuhangAdminElement } from '../../internal/admin-element';
import { keysOf } from '../../internal/choices';
import { FormModel, banner, field, rules, type Rule } from '../../internal/form';
import { QueryController } from '../../internal/query';
import { USERS_WORDS, type UsersWords } from './users.words';

export const ROLES = keysOf(USERS_WORDS['zh-CN']!.roles);

/** The roles a viewer may give, as the API's rule says: a program administrator makes park administrators and officers. */
export function rolesGiven(viewer: Role | undefined): Role[] {
  if (viewer === 'SYSTEM_ADMIN') return ROLES;
  if (viewer === 'PROGRAM_ADMIN') return ['PARK_ADMIN', 'OFFICER'];
  return [];
}

interface Choice {
  id: string;
  name: string;
}

/** What the form reads of the list that shows it. */
export interface UserFormSource {
  words(): UsersWords;
  viewerRole(): Role | undefined;
  /** The parks and programs the viewer may grant. */
  parks(): Choice[];
  programs(): Choice[];
  /** Called once a user is created. */
  created(user: { id: string; username: string }): Promise<void>;
}

/**
 * The form that creates a user: its username, display name, password and role, with what that role
 * needs — the parks a park administrator administers, the programs of a program administrator, or
 * the officer record (chosen park by park) an officer signs in as.
 */
export class UserForm {
  readonly form: FormModel;

  /** The officer records of the park chosen, for a new officer's account. */
  private readonly officers: QueryController<OfficersOfParkQuery, { parkId: string }>;

  constructor(
    private readonly host: HuhangAdminElement,
    private readonly source: UserFormSource,
  ) {
    this.form = new FormModel(
      host,
      () => ({
        username: '',
        displayName: '',
        role: '',
        password: '',
        parkIds: [] as string[],
        programIds: [] as string[],
        officerPark: '',
        officerId: '',
      }),
      () => {
        const r = rules(host.t);
        /** Required only for the role that needs it. */
        const neededBy =
          (role: Role): Rule =>
          (v, values) =>
            values.role === role ? r.required(v, values) : undefined;
        return {
          username: [r.required, r.within(CreateUserInputLimits.username)],
          displayName: [r.required, r.within(CreateUserInputLimits.displayName)],
          role: [r.required],
          password: [r.required, r.within(CreateUserInputLimits.password)],
          parkIds: [neededBy('PARK_ADMIN'), r.within(CreateUserInputLimits.parkIds)],
          programIds: [neededBy('PROGRAM_ADMIN'), r.within(CreateUserInputLimits.programIds)],
          officerId: [neededBy('OFFICER')],
        };
      },
    );
    this.officers = new QueryController(host, OfficersOfParkDocument, () => {
      const parkId = String(this.form.values.officerPark ?? '');
      return host.signedIn && this.form.values.role === 'OFFICER' && parkId ? { parkId } : 'officerPark';
    });
  }

  private async submit(e: Event) {
    e.preventDefault();
    const v = this.form.values;
    const role = v.role as Role;
    const saved = await this.form.submit(
      this.host.t,
      (idempotencyKey) =>
        this.host.mutate(CreateUserDocument, {
          input: {
            username: String(v.username).trim(),
            displayName: String(v.displayName).trim(),
            role,
            password: String(v.password),
            parkIds: role === 'PARK_ADMIN' ? [...(v.parkIds as string[])] : null,
            programIds: role === 'PROGRAM_ADMIN' ? [...(v.programIds as string[])] : null,
            officerId: role === 'OFFICER' ? String(v.officerId) : null,
            idempotencyKey,
          },
        }),
      this.host.shadowRoot,
    );
    if (saved) await this.source.created(saved.createUser.user);
  }

  render() {
    const t = this.host.t;
    const w = this.source.words();
    const form = this.form;
    const v = form.values;
    const officers = this.officers.data?.officers.nodes ?? [];
    const parkChoices = this.source.parks().map((p) => ({ value: p.id, label: p.name }));
    return html`<form @submit=${(e: Event) => this.submit(e)} novalidate aria-labelledby="user-heading">
      <h3 id="user-heading">${w.newUser}</h3>
      <div class="row">
        ${field(form, 'username', w.username, 'text', { required: true, t, hint: w.usernameHint, autocomplete: 'off' })}
        ${field(form, 'displayName', w.displayName, 'text', { required: true, t })}
      </div>
      <div class="row">
        ${field(form, 'role', w.role, 'select', {
          choices: rolesGiven(this.source.viewerRole()).map((r) => ({ value: r, label: w.roles[r] })),
          required: true,
          t,
        })}
        ${field(form, 'password', w.password, 'password', { required: true, t, hint: w.passwordHint, autocomplete: 'new-password' })}
      </div>
      ${v.role === 'PARK_ADMIN'
        ? html`<div class="choices-scroll">
            ${field(form, 'parkIds', w.parks, 'checkboxes', { choices: parkChoices, required: true, t })}
          </div>`
        : nothing}
      ${v.role === 'PROGRAM_ADMIN'
        ? field(form, 'programIds', w.programs, 'checkboxes', {
            choices: this.source.programs().map((p) => ({ value: p.id, label: p.name })),
            required: true,
            t,
          })
        : nothing}
      ${v.role === 'OFFICER'
        ? html`<div class="row">
            ${field(form, 'officerPark', w.officerPark, 'select', { choices: parkChoices, required: true, t })}
            ${v.officerPark && this.officers.status === 'ready' && officers.length === 0
              ? html`<p class="muted" data-empty>${w.noOfficers}</p>`
              : field(form, 'officerId', w.officer, 'select', {
                  choices: officers.map((o) => ({ value: o.id, label: `${o.name}（${o.badgeNumber}）` })),
                  required: true,
                  t,
                })}
          </div>`
        : nothing}
      ${banner(form)}
      <div class="actions">
        <button type="submit" ?disabled=${form.submitting}>${form.submitting ? t.form.saving : w.create}</button>
      </div>
    </form>`;
  }
}
