import { Arg, Args, Authorized, Ctx, FieldResolver, Float, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { related, relatedOrNull, relatedMany } from '../../shared/db/rows';
import { ADMINS } from '../../shared/auth/role';
import type { Context } from '../../access/context';
import { ConnectionArgs, connectionType, paginate, type Page } from '../../shared/pagination';
import { payloadType, runMutation, type MutationPayload } from '../../shared/graphql';
import { Park } from '../../parks/park.entity';
import { Zone } from '../../parks/zone.entity';
import { Enterprise } from '../../enterprises/enterprise.entity';
import { PoliceUnit } from '../../units/police-unit.entity';
import { Incident } from './incident.entity';
import { RecordIncidentInput, UpdateIncidentInput, IncidentFilter } from './incident.inputs';
import { recordIncident, updateIncident } from './incident.service';
import { INCIDENT_ORDER, incidentWhere } from './incident.filters';

const IncidentConnection = connectionType(Incident);
const IncidentPayload = payloadType('IncidentPayload', Incident, 'incident');

@Resolver(() => Incident)
export class IncidentResolver {
  @Authorized(...ADMINS)
  @Query(() => IncidentConnection, { description: 'Police incidents at the places in scope (警情), latest first.' })
  incidents(
    @Ctx() { em, loaders }: Context,
    @Args() args: ConnectionArgs,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => IncidentFilter, { nullable: true, description: 'Which incidents.' }) filter?: IncidentFilter,
  ): Promise<Page<Incident>> {
    return paginate(em, Incident, incidentWhere(filter), INCIDENT_ORDER, args, { loaders, info });
  }

  @FieldResolver(() => Float, { nullable: true, description: 'Minutes from receipt to arrival; null until officers arrive.' })
  responseMinutes(@Root() incident: Incident): number | null {
    if (!incident.arrivedAt) return null;
    return Math.round((incident.arrivedAt.getTime() - incident.receivedAt.getTime()) / 600) / 100;
  }

  @FieldResolver(() => Park, { description: 'The park.' })
  park(@Root() incident: Incident, @Ctx() ctx: Context): Promise<Park> {
    return related(ctx, incident.park);
  }

  @FieldResolver(() => Zone, { nullable: true, description: 'The zone, if known.' })
  async zone(@Root() incident: Incident, @Ctx() ctx: Context): Promise<Zone | null> {
    return relatedOrNull(ctx, incident.zone);
  }

  @FieldResolver(() => Enterprise, { nullable: true, description: 'The enterprise concerned, if any.' })
  async enterprise(@Root() incident: Incident, @Ctx() ctx: Context): Promise<Enterprise | null> {
    return relatedOrNull(ctx, incident.enterprise);
  }

  @FieldResolver(() => [PoliceUnit], { description: 'Units that responded jointly (联动单位).' })
  async jointUnits(@Root() incident: Incident, @Ctx() ctx: Context): Promise<PoliceUnit[]> {
    return await relatedMany(ctx, incident, 'jointUnits');
  }

  @Authorized(...ADMINS)
  @Mutation(() => IncidentPayload, { description: 'Records an incident with the timeline known so far.' })
  recordIncident(
    @Arg('input', { description: 'The incident.' }) input: RecordIncidentInput,
    @Ctx() ctx: Context,
  ): Promise<MutationPayload<Incident>> {
    return runMutation(ctx, 'recordIncident', input, (em) => recordIncident(em, input));
  }

  @Authorized(...ADMINS)
  @Mutation(() => IncidentPayload, { description: 'Adds the next timestamps of an open incident (dispatched, arrived, closed).' })
  updateIncident(
    @Arg('input', { description: 'The next steps.' }) input: UpdateIncidentInput,
    @Ctx() ctx: Context,
  ): Promise<MutationPayload<Incident>> {
    return runMutation(ctx, 'updateIncident', input, (em) => updateIncident(em, input));
  }
}
