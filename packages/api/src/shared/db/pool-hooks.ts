import { oneQueryAtATime, type QueueingClient } from './one-at-a-time';

/** What every connection of the ORM's pools gets when knex opens it: its statements go to pg one at a time. */
export const POOL_HOOKS = {
  afterCreate(connection: QueueingClient, done: (error: Error | null, connection: QueueingClient) => void): void {
    oneQueryAtATime(connection);
    done(null, connection);
  },
};
