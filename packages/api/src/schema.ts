import 'reflect-metadata';
import { buildSchema } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import { ParkResolver, ProgramResolver, ZoneResolver } from './parks/park.resolver';
import { PoliceUnitResolver } from './units/police-unit.resolver';
import { EnterpriseResolver } from './enterprises/enterprise.resolver';
import { OfficerResolver } from './officers/officer.resolver';

export const RESOLVERS = [ProgramResolver, ParkResolver, ZoneResolver, PoliceUnitResolver, EnterpriseResolver, OfficerResolver] as const;

/** Builds the executable schema from the resolvers; the SDL in packages/schema is emitted from it. */
export function createSchema(): Promise<GraphQLSchema> {
  return buildSchema({ resolvers: RESOLVERS, validate: false });
}
