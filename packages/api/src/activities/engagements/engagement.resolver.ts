import { Authorized, Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ADMINS, STAFF } from '../../shared/auth/role';
import { ref } from '@mikro-orm/core';
import type { Context } from '../../context';
import { ConnectionArgs, connectionType, paginate, type Page } from '../../shared/pagination';
import { payloadType, runMutation, type MutationPayload } from '../../shared/graphql';
import { Park } from '../../parks/park.entity';
import { Enterprise } from '../../enterprises/enterprise.entity';
import { Officer } from '../../officers/officer.entity';
import { PoliceUnit } from '../../units/police-unit.entity';
import { Engagement } from './engagement.entity';
import { Recognition } from '../recognitions/recognition.entity';
import { EngagementFilter, RecognitionFilter } from '../activity.inputs';
import { engagementWhere, ENGAGEMENT_ORDER, recognitionWhere, RECOGNITION_ORDER } from '../activity.filters';
import { RecordEngagementInput, RecordRecognitionInput } from './engagement.inputs';
import { recordEngagement, recordRecognition } from './engagement.service';

const EngagementConnection = connectionType(Engagement);
const RecognitionConnection = connectionType(Recognition);
const EngagementPayload = payloadType('EngagementPayload', Engagement, 'engagement');
const RecognitionPayload = payloadType('RecognitionPayload', Recognition, 'recognition');

@Resolver(() => Engagement)
export class EngagementResolver {
  @Authorized(...ADMINS)
  @Query(() => EngagementConnection, { description: 'Meetings, events and bulletins (警企互动), latest first.' })
  engagements(
    @Ctx() { em }: Context,
    @Args() args: ConnectionArgs,
    @Arg('filter', () => EngagementFilter, { nullable: true, description: 'Which engagements.' }) filter?: EngagementFilter,
  ): Promise<Page<Engagement>> {
    return paginate(em, Engagement, engagementWhere(filter), ENGAGEMENT_ORDER, args);
  }

  @FieldResolver(() => Park, { description: 'The park.' })
  park(@Root() engagement: Engagement): Promise<Park> {
    return ref(engagement.park).loadOrFail();
  }

  @FieldResolver(() => PoliceUnit, { nullable: true, description: 'The organizing unit.' })
  async organizer(@Root() engagement: Engagement): Promise<PoliceUnit | null> {
    return engagement.organizer ? ref(engagement.organizer).loadOrFail() : null;
  }

  @FieldResolver(() => [Enterprise], { description: 'Enterprises that took part.' })
  async enterprises(@Root() engagement: Engagement): Promise<Enterprise[]> {
    return (await engagement.enterprises.load()).getItems();
  }

  @Authorized(...ADMINS)
  @Mutation(() => EngagementPayload, { description: 'Records a meeting, event or bulletin.' })
  recordEngagement(
    @Arg('input', { description: 'The engagement.' }) input: RecordEngagementInput,
    @Ctx() ctx: Context,
  ): Promise<MutationPayload<Engagement>> {
    return runMutation(ctx, 'recordEngagement', input, (em) => recordEngagement(em, input));
  }
}

@Resolver(() => Recognition)
export class RecognitionResolver {
  @Authorized(...STAFF)
  @Query(() => RecognitionConnection, { description: 'Pennants and thank-you letters (锦旗, 感谢信), latest first.' })
  recognitions(
    @Ctx() { em }: Context,
    @Args() args: ConnectionArgs,
    @Arg('filter', () => RecognitionFilter, { nullable: true, description: 'Which recognitions.' }) filter?: RecognitionFilter,
  ): Promise<Page<Recognition>> {
    return paginate(em, Recognition, recognitionWhere(filter), RECOGNITION_ORDER, args);
  }

  @FieldResolver(() => Enterprise, { description: 'The enterprise that gave it.' })
  enterprise(@Root() recognition: Recognition): Promise<Enterprise> {
    return ref(recognition.enterprise).loadOrFail();
  }

  @FieldResolver(() => Officer, { nullable: true, description: 'The officer it names.' })
  async officer(@Root() recognition: Recognition): Promise<Officer | null> {
    return recognition.officer ? ref(recognition.officer).loadOrFail() : null;
  }

  @FieldResolver(() => PoliceUnit, { nullable: true, description: 'The unit it names.' })
  async unit(@Root() recognition: Recognition): Promise<PoliceUnit | null> {
    return recognition.unit ? ref(recognition.unit).loadOrFail() : null;
  }

  @Authorized(...ADMINS)
  @Mutation(() => RecognitionPayload, { description: 'Records a pennant or letter from an enterprise.' })
  recordRecognition(
    @Arg('input', { description: 'The recognition.' }) input: RecordRecognitionInput,
    @Ctx() ctx: Context,
  ): Promise<MutationPayload<Recognition>> {
    return runMutation(ctx, 'recordRecognition', input, (em) => recordRecognition(em, input));
  }
}
