import {
  AddTeamMemberInputLimits,
  CreateTeamInputLimits,
  type TeamMemberKind,
  type TeamMemberRowFragment,
  type TeamRowFragment,
  type TeamType,
} from '@huhang/schema';
import { html, nothing, type PropertyValues } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { HuhangEvent } from '../../events/events';
import {
  AddTeamMemberDocument,
  ArchiveTeamDocument,
  CreateTeamDocument,
  RemoveTeamMemberDocument,
  TeamExportDocument,
  TeamParksDocument,
  TeamsOfParkDocument,
} from '../../generated/admin-operations';
import { HuhangAdminElement } from '../../internal/admin-element';
import { choicesQuery, keysOf } from '../../internal/choices';
import { FormModel, banner, field, rules, type Rule, rowAction } from '../../internal/form';
import { ListExporter } from '../../internal/list-exporter';
import { today } from '../../internal/period';
import { parkPicker, parkToShow } from '../../internal/park-choice';
import { sortRows, sortableHeader, type TableSort } from '../../internal/table';
import { QueryController, type QueryState } from '../../internal/query';
import { adminFrame, renderQuery, statusOf } from '../../internal/views';
import { teamsStyles } from './teams.styles';
import { TEAMS_WORDS, type TeamsWords } from './teams.words';

const TYPES = keysOf(TEAMS_WORDS['zh-CN']!.types);
const KINDS = keysOf(TEAMS_WORDS['zh-CN']!.kinds);
const PHONE = /^[0-9+\- ]{5,20}$/;

type TeamSort = TableSort<'NAME' | 'ZONE' | 'MEMBERS'>;

/**
 * @summary The police–enterprise teams (警企巡逻联防队, 矛盾纠纷联调队, 警企联合服务队) of a park
 * and their current members: a team created for the park or one zone, an officer, police assistant,
 * enterprise guard or community member added from a day on, a member who leaves (the record is
 * kept, with the day), a team disbanded. Validated as typed; the API's field errors beside the
 * field; a retried save writes once.
 *
 * @event huhang-team-changed - A team was created or disbanded, or its members changed; `detail` is the team's id.
 *
 * @csspart base - The frame.
 * @csspart title - The heading.
 * @csspart table - The teams and their members.
 * @csspart banner - The outcome of a form.
 * @csspart field-error - A field's error.
 */
@customElement('huhang-teams')
export class HuhangTeams extends HuhangAdminElement {
  static override styles = [...HuhangAdminElement.styles, teamsStyles];

  /** The park shown when the page names none. */
  @state() private parkId = '';
  @state() private announcement = '';
  @state() private failure = '';
  /** The order chosen by a column header; the API's until one is. */
  @state() private sort: TeamSort | null = null;

  private readonly parks = new QueryController(this, TeamParksDocument, () => (this.signedIn ? {} : 'sign-in'));
  private readonly teams = new QueryController(this, TeamsOfParkDocument, () =>
    !this.signedIn ? 'sign-in' : this.parkId ? { parkId: this.parkId } : 'park',
  );
  private readonly choices = choicesQuery(this);

  private get words(): TeamsWords {
    return TEAMS_WORDS[this.t.$code] ?? TEAMS_WORDS['zh-CN']!;
  }

  private readonly teamForm = new FormModel(
    this,
    () => ({ name: '', type: '', zoneId: '' }),
    () => {
      const r = rules(this.t);
      return { name: [r.required, r.within(CreateTeamInputLimits.name)], type: [r.required] };
    },
  );

  private readonly memberForm = new FormModel(
    this,
    () => ({ teamId: '', kind: '', officerId: '', memberName: '', enterpriseId: '', phone: '', joinedOn: today() }),
    () => {
      const r = rules(this.t);
      const when =
        (applies: (values: Record<string, unknown>) => boolean, rule: Rule): Rule =>
        (v, values) =>
          applies(values) ? rule(v, values) : undefined;
      const officer = (values: Record<string, unknown>) => values.kind === 'OFFICER';
      return {
        teamId: [r.required],
        kind: [r.required],
        officerId: [when(officer, r.required)],
        memberName: [when((values) => Boolean(values.kind) && !officer(values), r.required), r.within(AddTeamMemberInputLimits.name)],
        enterpriseId: [when((values) => values.kind === 'ENTERPRISE_GUARD', r.required)],
        phone: [
          r.within(AddTeamMemberInputLimits.phone),
          (v) => (!String(v).trim() || PHONE.test(String(v).trim()) ? undefined : this.words.badPhone),
        ],
        joinedOn: [r.required, r.date, r.notFuture],
      };
    },
  );

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.parkId = parkToShow(this.parks.data?.parks.nodes ?? [], this.setting('park'), this.parkId);
  }

  /** The park's teams with their current members, as CSV or Excel. */
  private readonly exporter = new ListExporter(
    this,
    this.sessions,
    (format) => {
      const w = this.words;
      return {
        format,
        document: TeamExportDocument as never,
        variables: { filter: { parkId: this.parkId } },
        columns: [
          { header: w.team, path: 'name' },
          { header: w.type, path: 'type', labels: w.types },
          { header: w.zone, path: 'zone.name' },
          { header: w.memberTotal, path: 'members.totalCount' },
          { header: w.members, path: 'members.nodes.displayName' },
        ],
        filename: `huhang-teams-${today()}`,
        sheet: w.title,
      };
    },
    (text) => (this.announcement = text),
  );

  private get park() {
    return this.parks.data?.parks.nodes.find((p) => p.id === this.parkId);
  }

  private get parkTeams() {
    return this.teams.data?.teams.nodes ?? [];
  }

  private changed(teamId: string) {
    this.dispatchEvent(new HuhangEvent('huhang-team-changed', teamId));
  }

  private async create(e: Event) {
    e.preventDefault();
    const v = this.teamForm.values;
    const saved = await this.teamForm.submit(
      this.t,
      (idempotencyKey) =>
        this.mutate(CreateTeamDocument, {
          input: {
            parkId: this.parkId,
            name: String(v.name).trim(),
            type: v.type as TeamType,
            zoneId: v.zoneId ? String(v.zoneId) : null,
            idempotencyKey,
          },
        }),
      this.shadowRoot,
    );
    if (saved) {
      const team = saved.createTeam.team;
      this.announcement = this.words.created(team.name);
      this.changed(team.id);
      await this.teams.retry();
    }
  }

  private async add(e: Event) {
    e.preventDefault();
    const v = this.memberForm.values;
    const kind = v.kind as TeamMemberKind;
    const team = this.parkTeams.find((t) => t.id === v.teamId);
    const saved = await this.memberForm.submit(
      this.t,
      (idempotencyKey) =>
        this.mutate(AddTeamMemberDocument, {
          input: {
            teamId: String(v.teamId),
            kind,
            officerId: kind === 'OFFICER' ? String(v.officerId) : null,
            name: kind === 'OFFICER' ? null : String(v.memberName).trim(),
            enterpriseId: v.enterpriseId && kind !== 'OFFICER' ? String(v.enterpriseId) : null,
            phone: kind === 'OFFICER' ? null : String(v.phone).trim() || null,
            joinedOn: String(v.joinedOn),
            idempotencyKey,
          },
        }),
      this.shadowRoot,
    );
    if (saved && team) {
      this.announcement = this.words.added(saved.addTeamMember.teamMember.displayName, team.name);
      this.changed(team.id);
      await this.teams.retry();
    }
  }

  private async leave(team: TeamRowFragment, member: TeamMemberRowFragment) {
    const w = this.words;
    if (!confirm(w.confirmLeave(member.displayName, team.name))) return;
    await this.act(team, async () => {
      await this.mutate(RemoveTeamMemberDocument, { input: { id: member.id, version: member.version, leftOn: today() } });
      this.announcement = w.left(member.displayName, team.name);
    });
  }

  private async archive(team: TeamRowFragment) {
    const w = this.words;
    if (!confirm(w.confirmArchive(team.name))) return;
    await this.act(team, async () => {
      await this.mutate(ArchiveTeamDocument, { input: { id: team.id, version: team.version } });
      this.announcement = w.archived(team.name);
    });
  }

  private act(team: TeamRowFragment, work: () => Promise<void>) {
    return rowAction(
      this.t,
      (failure) => (this.failure = failure),
      work,
      () => {
        this.changed(team.id);
        return this.teams.retry();
      },
    );
  }

  private readonly onSort = (next: TeamSort) => (this.sort = next);

  private renderTeams(shown: readonly TeamRowFragment[]) {
    const w = this.words;
    const teams = sortRows(
      shown,
      this.sort,
      { NAME: (t) => t.name, ZONE: (t) => t.zone?.name ?? w.wholePark, MEMBERS: (t) => t.members.totalCount },
      this.t.$code,
    );
    if (teams.length === 0) return html`<p class="muted" data-empty>${w.none}</p>`;
    return html`<div class="scroll">
      <table part="table">
        <caption class="sr-only">
          ${w.title}
        </caption>
        <thead>
          <tr>
            ${sortableHeader(w.team, 'NAME', this.sort, this.onSort)} ${sortableHeader(w.zone, 'ZONE', this.sort, this.onSort)}
            ${sortableHeader(w.members, 'MEMBERS', this.sort, this.onSort, { first: 'DESC' })}
            <th scope="col">${w.actions}</th>
          </tr>
        </thead>
        <tbody>
          ${teams.map(
            (team) =>
              html`<tr data-id=${team.id}>
                <th scope="row">${team.name}<span class="muted type">${w.types[team.type]}</span></th>
                <td>${team.zone?.name ?? w.wholePark}</td>
                <td>
                  <span class="count">${w.memberCount(team.members.totalCount)}</span>
                  ${team.members.nodes.length === 0
                    ? html`<span class="muted">${w.noMembers}</span>`
                    : html`<ul class="members">
                        ${team.members.nodes.map(
                          (member) =>
                            html`<li data-member=${member.id}>
                              <span class="who"
                                >${member.displayName}<span class="muted"
                                  >${w.kinds[member.kind]}${member.enterprise ? ` · ${member.enterprise.name}` : ''} ·
                                  ${member.joinedOn}</span
                                ></span
                              >
                              <button
                                class="secondary small"
                                aria-label=${w.leaveLabel(member.displayName, team.name)}
                                @click=${() => this.leave(team, member)}
                              >
                                ${w.leave}
                              </button>
                            </li>`,
                        )}
                      </ul>`}
                </td>
                <td>
                  <button class="secondary" aria-label=${w.archiveLabel(team.name)} @click=${() => this.archive(team)}>${w.archive}</button>
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private renderMemberForm(teams: readonly TeamRowFragment[]) {
    const t = this.t;
    const w = this.words;
    const kind = this.memberForm.values.kind;
    const choices = this.choices.data;
    const enterprises = (choices?.enterprises.nodes ?? []).filter((e) => e.park.id === this.parkId);
    return html`<form @submit=${this.add} novalidate aria-labelledby="member-heading">
      <h3 id="member-heading">${w.newMember}</h3>
      <div class="row">
        ${field(this.memberForm, 'teamId', w.memberTeam, 'select', {
          choices: teams.map((team) => ({ value: team.id, label: team.name })),
          required: true,
          t,
        })}
        ${field(this.memberForm, 'kind', w.kind, 'select', {
          choices: KINDS.map((k) => ({ value: k, label: w.kinds[k] })),
          required: true,
          t,
        })}
      </div>
      ${kind === 'OFFICER'
        ? field(this.memberForm, 'officerId', w.officer, 'select', {
            choices: (choices?.officers.nodes ?? []).map((o) => ({ value: o.id, label: o.unit ? `${o.name}（${o.unit.name}）` : o.name })),
            required: true,
            t,
          })
        : kind
          ? html`<div class="row">
                ${field(this.memberForm, 'memberName', w.memberName, 'text', { required: true, t })}
                ${field(this.memberForm, 'phone', w.phone, 'text', { t, autocomplete: 'off' })}
              </div>
              ${field(this.memberForm, 'enterpriseId', w.enterprise, 'select', {
                choices: enterprises.map((e) => ({ value: e.id, label: e.name })),
                required: kind === 'ENTERPRISE_GUARD',
                t,
              })}`
          : nothing}
      ${field(this.memberForm, 'joinedOn', w.joinedOn, 'date', { required: true, t })} ${banner(this.memberForm)}
      <div class="actions">
        <button type="submit" ?disabled=${this.memberForm.submitting}>${this.memberForm.submitting ? t.form.saving : w.add}</button>
      </div>
    </form>`;
  }

  override render() {
    const t = this.t;
    const w = this.words;
    const parks = this.parks.data?.parks.nodes ?? [];
    return adminFrame(
      this,
      w.title,
      () =>
        html`${parkPicker(w.park, parks, this.parkId, this.setting('park'), (id) => (this.parkId = id))}
          ${this.failure ? html`<p class="field-error" role="alert">${this.failure}</p>` : nothing}
          ${renderQuery(this, (this.teams.status === 'unconfigured' ? this.parks : this.teams) as QueryState<unknown>, () => {
            const teams = this.parkTeams;
            return html`${this.renderTeams(teams)} ${teams.length ? this.renderMemberForm(teams) : nothing}`;
          })}
          <form @submit=${this.create} novalidate aria-labelledby="team-heading">
            <h3 id="team-heading">${w.newTeam}</h3>
            ${field(this.teamForm, 'name', w.teamName, 'text', { required: true, t, hint: w.teamNameHint })}
            <div class="row">
              ${field(this.teamForm, 'type', w.type, 'select', {
                choices: TYPES.map((type) => ({ value: type, label: w.types[type] })),
                required: true,
                t,
              })}
              ${field(this.teamForm, 'zoneId', w.zone, 'select', {
                choices: (this.park?.zones.nodes ?? []).map((z) => ({ value: z.id, label: z.name })),
                t,
              })}
            </div>
            ${banner(this.teamForm)}
            <div class="actions">
              <button type="submit" ?disabled=${this.teamForm.submitting}>${this.teamForm.submitting ? t.form.saving : w.create}</button>
            </div>
          </form>`,
      {
        status: this.announcement || statusOf(this, this.teams, w.title),
        actions: this.parkId ? html`<div class="export">${this.exporter.buttons()}</div>` : nothing,
      },
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'huhang-teams': HuhangTeams;
  }
}
