import { Arg, Args, Authorized, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { related, relatedOrNull } from '../shared/db/rows';
import { ADMINS } from '../shared/auth/role';
import type { Context } from '../access/context';
import { ConnectionArgs, paginate, type Page, connectionType } from '../shared/pagination';
import { runMutation, type MutationPayload, payloadType } from '../shared/graphql';
import { Park } from '../parks/park.entity';
import { Enterprise } from '../enterprises/enterprise.entity';
import { WorkerRegistration } from './worker-registration.entity';
import {
  CheckWorkerRegistrationInput,
  EndWorkerRegistrationInput,
  RegisterWorkerInput,
  WorkerRegistrationFilter,
} from './worker-registration.inputs';
import { checkWorkerRegistration, endWorkerRegistration, registerWorker } from './worker-registration.service';
import { REGISTRATION_ORDER, registrationWhere } from './worker-registration.filters';

const WorkerRegistrationConnection = connectionType(WorkerRegistration);
const WorkerRegistrationPayload = payloadType('WorkerRegistrationPayload', WorkerRegistration, 'workerRegistration');

@Resolver(() => WorkerRegistration)
export class WorkerRegistrationResolver {
  @Authorized(...ADMINS)
  @Query(() => WorkerRegistrationConnection, { description: 'Workers registered at the places in scope (从业人员登记), latest first.' })
  workerRegistrations(
    @Ctx() { em, loaders }: Context,
    @Args() args: ConnectionArgs,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => WorkerRegistrationFilter, { nullable: true, description: 'Which registrations.' })
    filter?: WorkerRegistrationFilter,
  ): Promise<Page<WorkerRegistration>> {
    return paginate(em, WorkerRegistration, registrationWhere(filter), REGISTRATION_ORDER, args, { loaders, info });
  }

  @FieldResolver(() => Park, { description: 'The place.' })
  park(@Root() registration: WorkerRegistration, @Ctx() ctx: Context): Promise<Park> {
    return related(ctx, registration.park);
  }

  @FieldResolver(() => Enterprise, { nullable: true, description: 'The organisation the person works for, where on record.' })
  enterprise(@Root() registration: WorkerRegistration, @Ctx() ctx: Context): Promise<Enterprise | null> {
    return relatedOrNull(ctx, registration.enterprise);
  }

  @Authorized(...ADMINS)
  @Mutation(() => WorkerRegistrationPayload, {
    description: 'Records a worker registered at a place. Send an idempotency key so a retry does not count the person twice.',
  })
  registerWorker(
    @Arg('input', { description: 'The registration.' }) input: RegisterWorkerInput,
    @Ctx() ctx: Context,
  ): Promise<MutationPayload<WorkerRegistration>> {
    return runMutation(ctx, 'registerWorker', input, (em) => registerWorker(em, input));
  }

  @Authorized(...ADMINS)
  @Mutation(() => WorkerRegistrationPayload, { description: 'Records the result of checking a registration ("一标三实" accurate or not).' })
  checkWorkerRegistration(
    @Arg('input', { description: 'The check.' }) input: CheckWorkerRegistrationInput,
    @Ctx() ctx: Context,
  ): Promise<MutationPayload<WorkerRegistration>> {
    return runMutation(ctx, 'checkWorkerRegistration', input, (em) => checkWorkerRegistration(em, input));
  }

  @Authorized(...ADMINS)
  @Mutation(() => WorkerRegistrationPayload, { description: 'Records that a registered worker left the place.' })
  endWorkerRegistration(
    @Arg('input', { description: 'The day left.' }) input: EndWorkerRegistrationInput,
    @Ctx() ctx: Context,
  ): Promise<MutationPayload<WorkerRegistration>> {
    return runMutation(ctx, 'endWorkerRegistration', input, (em) => endWorkerRegistration(em, input));
  }
}
