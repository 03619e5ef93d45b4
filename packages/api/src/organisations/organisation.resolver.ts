import { Arg, Args, Authorized, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { related, relatedOrNull } from '../shared/db/rows';
import { ADMINS, PROGRAM_ADMINS } from '../shared/auth/role';
import type { Context } from '../access/context';
import { ConnectionArgs, paginate, type Page, childPage, connectionType } from '../shared/pagination';
import { runMutation, type MutationPayload, payloadType } from '../shared/graphql';
import { Program } from '../programs/program.entity';
import { Enterprise } from '../enterprises/enterprise.entity';
import { Organisation, PlaceParticipant } from './organisation.entity';
import {
  AddPlaceParticipantInput,
  CreateOrganisationInput,
  EndPlaceParticipantInput,
  OrganisationFilter,
  PlaceParticipantFilter,
  UpdateOrganisationInput,
} from './organisation.inputs';
import {
  addPlaceParticipant,
  createOrganisation,
  endPlaceParticipant,
  ORGANISATION_ORDER,
  organisationWhere,
  PARTICIPANT_ORDER,
  participantWhere,
  updateOrganisation,
} from './organisation.service';

const OrganisationConnection = connectionType(Organisation);
const PlaceParticipantConnection = connectionType(PlaceParticipant);
const OrganisationPayload = payloadType('OrganisationPayload', Organisation, 'organisation');
const PlaceParticipantPayload = payloadType('PlaceParticipantPayload', PlaceParticipant, 'placeParticipant');

const FILTER = { nullable: true, description: 'Which participants.' } as const;

@Resolver(() => Organisation)
export class OrganisationResolver {
  @Authorized(...ADMINS)
  @Query(() => OrganisationConnection, { description: 'The organisations on the register of the programs in scope (参建单位), by name.' })
  organisations(
    @Ctx() { em, loaders }: Context,
    @Args() args: ConnectionArgs,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => OrganisationFilter, { nullable: true, description: 'Which organisations.' }) filter?: OrganisationFilter,
  ): Promise<Page<Organisation>> {
    return paginate(em, Organisation, organisationWhere(filter), ORGANISATION_ORDER, args, { loaders, info });
  }

  @FieldResolver(() => Program, { description: 'The program on whose register it is.' })
  program(@Root() organisation: Organisation, @Ctx() ctx: Context): Promise<Program> {
    return related(ctx, organisation.program);
  }

  @FieldResolver(() => PlaceParticipantConnection, {
    description: 'Where it works (or worked), in the order it came, in the viewer’s parks.',
  })
  placesServed(
    @Root() organisation: Organisation,
    @Ctx() { em, loaders }: Context,
    @Args() args: ConnectionArgs,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => PlaceParticipantFilter, FILTER) filter?: PlaceParticipantFilter,
  ): Promise<Page<PlaceParticipant>> {
    const spec = { entity: PlaceParticipant, parent: 'organisation', where: participantWhere(filter), ordering: PARTICIPANT_ORDER };
    return childPage(em, loaders, spec, organisation.id, args, info);
  }

  @Authorized(...PROGRAM_ADMINS)
  @Mutation(() => OrganisationPayload, { description: 'Puts an organisation on a program’s register, once per credit code.' })
  createOrganisation(
    @Arg('input', { description: 'The organisation.' }) input: CreateOrganisationInput,
    @Ctx() ctx: Context,
  ): Promise<MutationPayload<Organisation>> {
    return runMutation(ctx, 'createOrganisation', input, (em) => createOrganisation(em, input));
  }

  @Authorized(...PROGRAM_ADMINS)
  @Mutation(() => OrganisationPayload, { description: 'Corrects an organisation’s name or credit code.' })
  updateOrganisation(
    @Arg('input', { description: 'The changes.' }) input: UpdateOrganisationInput,
    @Ctx() ctx: Context,
  ): Promise<MutationPayload<Organisation>> {
    return runMutation(ctx, 'updateOrganisation', input, (em) => updateOrganisation(em, input));
  }
}

@Resolver(() => PlaceParticipant)
export class PlaceParticipantResolver {
  @Authorized(...ADMINS)
  @Query(() => PlaceParticipantConnection, { description: 'Organisations working at the places in scope, in the order they came.' })
  placeParticipants(
    @Ctx() { em, loaders }: Context,
    @Args() args: ConnectionArgs,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => PlaceParticipantFilter, FILTER) filter?: PlaceParticipantFilter,
  ): Promise<Page<PlaceParticipant>> {
    return paginate(em, PlaceParticipant, participantWhere(filter), PARTICIPANT_ORDER, args, { loaders, info });
  }

  @FieldResolver(() => Enterprise, { description: 'The place.' })
  place(@Root() participant: PlaceParticipant, @Ctx() ctx: Context): Promise<Enterprise> {
    return related(ctx, participant.enterprise);
  }

  @FieldResolver(() => Organisation, { description: 'The organisation.' })
  organisation(@Root() participant: PlaceParticipant, @Ctx() ctx: Context): Promise<Organisation> {
    return related(ctx, participant.organisation);
  }

  @FieldResolver(() => PlaceParticipant, { nullable: true, description: 'The participant it works under; null for a general contractor.' })
  parent(@Root() participant: PlaceParticipant, @Ctx() ctx: Context): Promise<PlaceParticipant | null> {
    return relatedOrNull(ctx, participant.parent);
  }

  @Authorized(...ADMINS)
  @Mutation(() => PlaceParticipantPayload, {
    description: 'Records an organisation starting work at a place. Send an idempotency key so a retry does not record it twice.',
  })
  addPlaceParticipant(
    @Arg('input', { description: 'Who, where, in what role, under whom.' }) input: AddPlaceParticipantInput,
    @Ctx() ctx: Context,
  ): Promise<MutationPayload<PlaceParticipant>> {
    return runMutation(ctx, 'addPlaceParticipant', input, (em) => addPlaceParticipant(em, input));
  }

  @Authorized(...ADMINS)
  @Mutation(() => PlaceParticipantPayload, { description: 'Records an organisation leaving a place, with those working under it.' })
  endPlaceParticipant(
    @Arg('input', { description: 'The participant and the day.' }) input: EndPlaceParticipantInput,
    @Ctx() ctx: Context,
  ): Promise<MutationPayload<PlaceParticipant>> {
    return runMutation(ctx, 'endPlaceParticipant', input, (em) => endPlaceParticipant(em, input));
  }
}

@Resolver(() => Enterprise)
export class PlaceParticipantsResolver {
  // Who builds a site is for the place's administrators, as the list is.
  @Authorized(...ADMINS)
  @FieldResolver(() => PlaceParticipantConnection, {
    description: 'Organisations working at the place (总包、分包、班组), in the order they came.',
  })
  participants(
    @Root() place: Enterprise,
    @Ctx() { em, loaders }: Context,
    @Args() args: ConnectionArgs,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => PlaceParticipantFilter, FILTER) filter?: PlaceParticipantFilter,
  ): Promise<Page<PlaceParticipant>> {
    const spec = { entity: PlaceParticipant, parent: 'enterprise', where: participantWhere(filter), ordering: PARTICIPANT_ORDER };
    return childPage(em, loaders, spec, place.id, args, info);
  }
}
