import { Arg, Args, Authorized, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { findRows, related, relatedMany } from '../shared/db/rows';
import { ADMINS, STAFF } from '../shared/auth/role';
import type { Context } from '../access/context';
import { ConnectionArgs, childPage, paginate, type Page } from '../shared/pagination';
import { runMutation, type MutationPayload } from '../shared/graphql';
import { PoliceUnit } from '../units/police-unit.entity';
import { Enterprise } from '../enterprises/enterprise.entity';
import { Officer } from '../officers/officer.entity';
import { LiaisonAssignment } from './liaison-assignment.entity';
import { AssignLiaisonOfficerInput, EndLiaisonAssignmentInput, LiaisonAssignmentFilter } from './liaison-assignment.inputs';
import { assignLiaisonOfficer, endLiaisonAssignment, liaisonAssignmentWhere, LIAISON_ASSIGNMENT_ORDER } from './liaison-assignment.service';
import DataLoader from 'dataloader';
import { connectionType } from '../shared/pagination';
import { payloadType } from '../shared/graphql';

const LiaisonAssignmentConnection = connectionType(LiaisonAssignment);
const LiaisonAssignmentPayload = payloadType('LiaisonAssignmentPayload', LiaisonAssignment, 'liaisonAssignment');

@Resolver(() => LiaisonAssignment)
export class LiaisonAssignmentResolver {
  @Authorized(...STAFF)
  @Query(() => LiaisonAssignmentConnection, { description: 'Liaison assignments (挂钩关系), latest first.' })
  liaisonAssignments(
    @Ctx() { em, loaders }: Context,
    @Args() args: ConnectionArgs,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => LiaisonAssignmentFilter, { nullable: true, description: 'Which assignments.' }) filter?: LiaisonAssignmentFilter,
  ): Promise<Page<LiaisonAssignment>> {
    return paginate(em, LiaisonAssignment, liaisonAssignmentWhere(filter), LIAISON_ASSIGNMENT_ORDER, args, { loaders, info });
  }

  @FieldResolver(() => Enterprise, { description: 'The enterprise.' })
  enterprise(@Root() assignment: LiaisonAssignment, @Ctx() ctx: Context): Promise<Enterprise> {
    return related(ctx, assignment.enterprise);
  }

  @FieldResolver(() => Officer, { description: 'The liaison officer.' })
  officer(@Root() assignment: LiaisonAssignment, @Ctx() ctx: Context): Promise<Officer> {
    return related(ctx, assignment.officer);
  }

  @FieldResolver(() => Boolean, { description: 'The assignment is in force now (no end day yet).' })
  current(@Root() assignment: LiaisonAssignment): boolean {
    return assignment.endsOn == null;
  }

  @FieldResolver(() => [PoliceUnit], { description: 'Supporting police branches, the "N" of 1+N.' })
  async supportingBranches(@Root() assignment: LiaisonAssignment, @Ctx() ctx: Context): Promise<PoliceUnit[]> {
    return await relatedMany(ctx, assignment, 'supportingBranches');
  }

  @Authorized(...ADMINS)
  @Mutation(() => LiaisonAssignmentPayload, { description: 'Assigns or reassigns the liaison officer of an enterprise; history is kept.' })
  assignLiaisonOfficer(
    @Arg('input', { description: 'Who takes over which enterprise, from when.' }) input: AssignLiaisonOfficerInput,
    @Ctx() ctx: Context,
  ): Promise<MutationPayload<LiaisonAssignment>> {
    return runMutation(ctx, 'assignLiaisonOfficer', input, (em) => assignLiaisonOfficer(em, input));
  }

  @Authorized(...ADMINS)
  @Mutation(() => LiaisonAssignmentPayload, { description: 'Ends a liaison assignment with no successor.' })
  endLiaisonAssignment(
    @Arg('input', { description: 'The assignment and its last day.' }) input: EndLiaisonAssignmentInput,
    @Ctx() ctx: Context,
  ): Promise<MutationPayload<LiaisonAssignment>> {
    return runMutation(ctx, 'endLiaisonAssignment', input, (em) => endLiaisonAssignment(em, input));
  }
}

@Resolver(() => Officer)
export class OfficerLiaisonAssignmentsResolver {
  @FieldResolver(() => LiaisonAssignmentConnection, { description: 'Enterprises the officer looks after or looked after, latest first.' })
  liaisonAssignments(
    @Root() officer: Officer,
    @Ctx() { em, loaders }: Context,
    @Args() args: ConnectionArgs,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => LiaisonAssignmentFilter, { nullable: true, description: 'Which assignments, e.g. `{ current: true }`.' })
    filter?: LiaisonAssignmentFilter,
  ): Promise<Page<LiaisonAssignment>> {
    const spec = {
      entity: LiaisonAssignment,
      parent: 'officer',
      where: liaisonAssignmentWhere(filter),
      ordering: LIAISON_ASSIGNMENT_ORDER,
    };
    return childPage(em, loaders, spec, officer.id, args, info);
  }
}

@Resolver(() => Enterprise)
export class EnterpriseLiaisonResolver {
  @FieldResolver(() => LiaisonAssignment, { nullable: true, description: 'The current liaison assignment (1+N); null when none.' })
  currentLiaisonAssignment(@Root() enterprise: Enterprise, @Ctx() { em, loaders }: Context): Promise<LiaisonAssignment | null> {
    const loader = loaders.get('current-liaison-assignment', () => {
      return new DataLoader<number, LiaisonAssignment | null>(async (ids) => {
        // The officer is read in the same statement: `liaisonOfficer` follows the assignment to it.
        const where = { enterprise: { $in: [...ids] }, endsOn: null };
        const rows = await findRows(em, LiaisonAssignment, { where }, { loaders, fields: new Set(['officer']) });
        const byEnterprise = new Map(rows.map((row) => [row.enterprise.id, row]));
        return ids.map((id) => byEnterprise.get(id) ?? null);
      });
    });
    return loader.load(enterprise.id);
  }

  @FieldResolver(() => Officer, {
    nullable: true,
    description: 'The dedicated liaison officer (护航警官) now; null when none is assigned.',
  })
  async liaisonOfficer(@Root() enterprise: Enterprise, @Ctx() ctx: Context): Promise<Officer | null> {
    const assignment = await this.currentLiaisonAssignment(enterprise, ctx);
    return assignment ? related(ctx, assignment.officer) : null;
  }

  @FieldResolver(() => LiaisonAssignmentConnection, { description: 'Liaison assignments of the enterprise, latest first: the history.' })
  liaisonAssignments(
    @Root() enterprise: Enterprise,
    @Ctx() { em, loaders }: Context,
    @Args() args: ConnectionArgs,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => LiaisonAssignmentFilter, { nullable: true, description: 'Which assignments.' }) filter?: LiaisonAssignmentFilter,
  ): Promise<Page<LiaisonAssignment>> {
    const spec = {
      entity: LiaisonAssignment,
      parent: 'enterprise',
      where: liaisonAssignmentWhere(filter),
      ordering: LIAISON_ASSIGNMENT_ORDER,
    };
    return childPage(em, loaders, spec, enterprise.id, args, info);
  }
}
