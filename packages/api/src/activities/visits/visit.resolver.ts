import { Authorized, Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { STAFF } from '../../shared/auth/role';
import { ref } from '@mikro-orm/core';
import type { Context } from '../../context';
import { ConnectionArgs, connectionType, paginate, type Page } from '../../shared/pagination';
import { payloadType, runMutation, type MutationPayload } from '../../shared/graphql';
import { Officer } from '../../officers/officer.entity';
import { Enterprise } from '../../enterprises/enterprise.entity';
import { Visit } from './visit.entity';
import { Patrol } from '../patrols/patrol.entity';
import { Team } from '../../teams/team.entity';
import { Zone } from '../../parks/zone.entity';
import { PatrolFilter, VisitFilter } from '../activity.inputs';
import { patrolWhere, PATROL_ORDER, visitWhere, VISIT_ORDER } from '../activity.filters';
import { RecordVisitInput, UpdateVisitInput } from './visit.inputs';
import { RecordPatrolInput } from '../patrols/patrol.inputs';
import { recordVisit, updateVisit } from './visit.service';
import { recordPatrol } from '../patrols/patrol.service';

const VisitConnection = connectionType(Visit);
const PatrolConnection = connectionType(Patrol);
const VisitPayload = payloadType('VisitPayload', Visit, 'visit');
const PatrolPayload = payloadType('PatrolPayload', Patrol, 'patrol');

@Resolver(() => Visit)
export class VisitResolver {
  @Authorized(...STAFF)
  @Query(() => VisitConnection, { description: 'Liaison visits (走访), latest first.' })
  visits(
    @Ctx() { em }: Context,
    @Args() args: ConnectionArgs,
    @Arg('filter', () => VisitFilter, { nullable: true, description: 'Which visits.' }) filter?: VisitFilter,
  ): Promise<Page<Visit>> {
    return paginate(em, Visit, visitWhere(filter), VISIT_ORDER, args);
  }

  @FieldResolver(() => Officer, { description: 'The officer who visited.' })
  officer(@Root() visit: Visit): Promise<Officer> {
    return ref(visit.officer).loadOrFail();
  }

  @FieldResolver(() => Enterprise, { description: 'The enterprise visited.' })
  enterprise(@Root() visit: Visit): Promise<Enterprise> {
    return ref(visit.enterprise).loadOrFail();
  }

  @Authorized(...STAFF)
  @Mutation(() => VisitPayload, {
    description: 'Records a liaison visit. Send an idempotency key so a retry on a bad network does not record it twice.',
  })
  recordVisit(@Arg('input', { description: 'The visit.' }) input: RecordVisitInput, @Ctx() ctx: Context): Promise<MutationPayload<Visit>> {
    return runMutation(ctx, 'recordVisit', input, (em) => recordVisit(em, input));
  }

  @Authorized(...STAFF)
  @Mutation(() => VisitPayload, { description: 'Corrects what a visit recorded.' })
  updateVisit(
    @Arg('input', { description: 'The corrections.' }) input: UpdateVisitInput,
    @Ctx() ctx: Context,
  ): Promise<MutationPayload<Visit>> {
    return runMutation(ctx, 'updateVisit', input, (em) => updateVisit(em, input));
  }
}

@Resolver(() => Patrol)
export class PatrolResolver {
  @Authorized(...STAFF)
  @Query(() => PatrolConnection, { description: 'Patrols (巡逻), latest first.' })
  patrols(
    @Ctx() { em }: Context,
    @Args() args: ConnectionArgs,
    @Arg('filter', () => PatrolFilter, { nullable: true, description: 'Which patrols.' }) filter?: PatrolFilter,
  ): Promise<Page<Patrol>> {
    return paginate(em, Patrol, patrolWhere(filter), PATROL_ORDER, args);
  }

  @FieldResolver(() => Team, { description: 'The patrol team.' })
  team(@Root() patrol: Patrol): Promise<Team> {
    return ref(patrol.team).loadOrFail();
  }

  @FieldResolver(() => Zone, { nullable: true, description: 'The zone patrolled; null for the whole park.' })
  async zone(@Root() patrol: Patrol): Promise<Zone | null> {
    return patrol.zone ? ref(patrol.zone).loadOrFail() : null;
  }

  @Authorized(...STAFF)
  @Mutation(() => PatrolPayload, { description: 'Records a patrol, on site or by video. Send an idempotency key for safe retries.' })
  recordPatrol(
    @Arg('input', { description: 'The patrol.' }) input: RecordPatrolInput,
    @Ctx() ctx: Context,
  ): Promise<MutationPayload<Patrol>> {
    return runMutation(ctx, 'recordPatrol', input, (em) => recordPatrol(em, input));
  }
}
