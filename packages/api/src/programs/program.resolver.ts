import { Arg, Args, Authorized, Ctx, ID, Info, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { rowsById } from '../shared/db/rows';
import { EVERYONE, PROGRAM_ADMINS, SYSTEM_ADMINS } from '../shared/auth/role';
import type { FilterQuery } from '@mikro-orm/core';
import type { Context } from '../access/context';
import { ConnectionArgs, connectionType, paginate, type Ordering, type Page } from '../shared/pagination';
import { ArchiveInput, containing, idOf, payloadType, runMutation, type MutationPayload } from '../shared/graphql';
import { Program } from './program.entity';
import { CreateProgramInput, ProgramFilter, UpdateProgramInput } from './program.inputs';
import { archiveProgram, createProgram, updateProgram } from './program.service';

const ProgramConnection = connectionType(Program);
const ProgramPayload = payloadType('ProgramPayload', Program, 'program');

const PROGRAM_ORDER: Ordering = [
  ['name', 'asc'],
  ['id', 'asc'],
];

function programWhere(filter?: ProgramFilter | null): FilterQuery<Program> {
  const where: FilterQuery<Program> & Record<string, unknown> = {};
  if (!filter?.includeArchived) where.archivedAt = null;
  if (filter?.search?.trim())
    where.$or = [{ name: { $ilike: containing(filter.search) } }, { region: { $ilike: containing(filter.search) } }];
  return where;
}

@Resolver(() => Program)
export class ProgramResolver {
  @Authorized(...EVERYONE)
  @Query(() => ProgramConnection, { description: 'Programs (工作机制), ordered by name.' })
  programs(
    @Ctx() { em, loaders }: Context,
    @Args() args: ConnectionArgs,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => ProgramFilter, { nullable: true, description: 'Which programs.' }) filter?: ProgramFilter,
  ): Promise<Page<Program>> {
    return paginate(em, Program, programWhere(filter), PROGRAM_ORDER, args, { loaders, info });
  }

  @Authorized(...EVERYONE)
  @Query(() => Program, { nullable: true, description: 'One program by its global id; null when there is none.' })
  program(
    @Arg('id', () => ID, { description: 'Global id of the program.' }) id: string,
    @Ctx() { em, loaders }: Context,
  ): Promise<Program | null> {
    return rowsById({ em, loaders }, Program).load(idOf(id, 'Program', 'id'));
  }

  @Authorized(...SYSTEM_ADMINS)
  @Mutation(() => ProgramPayload, { description: 'Creates a program.' })
  createProgram(
    @Arg('input', { description: 'The new program.' }) input: CreateProgramInput,
    @Ctx() ctx: Context,
  ): Promise<MutationPayload<Program>> {
    return runMutation(ctx, 'createProgram', input, (em) => createProgram(em, input));
  }

  @Authorized(...PROGRAM_ADMINS)
  @Mutation(() => ProgramPayload, { description: 'Changes a program.' })
  updateProgram(
    @Arg('input', { description: 'The changes.' }) input: UpdateProgramInput,
    @Ctx() ctx: Context,
  ): Promise<MutationPayload<Program>> {
    return runMutation(ctx, 'updateProgram', input, (em) => updateProgram(em, input));
  }

  @Authorized(...SYSTEM_ADMINS)
  @Mutation(() => ProgramPayload, { description: 'Archives a program; its records stay.' })
  archiveProgram(
    @Arg('input', { description: 'The program to archive.' }) input: ArchiveInput,
    @Ctx() ctx: Context,
  ): Promise<MutationPayload<Program>> {
    return runMutation(ctx, 'archiveProgram', input, (em) => archiveProgram(em, input));
  }
}
