import { TransactionContext, UnitOfWork } from '@mikro-orm/core';

/**
 * On Node 20, the first `AsyncLocalStorage.run` in a process turns on an async hook that every
 * promise made afterwards calls, for the life of the process: a fifth of a read's throughput once
 * any write or sign-in has run (docs/decisions/0016-no-async-local-storage.md). MikroORM 6 runs one
 * in two places Huhang reaches, both replaced here by the same steps without it:
 * - `TransactionContext.create`, by `em.transactional`: it lets the *global* EntityManager stand for
 *   the transaction's fork inside the callback. Huhang never uses the global one (its requests'
 *   EntityManagers are forks, which do not look the context up, and `allowGlobalContext` is off, so
 *   a use would fail loudly); the callback is given the fork.
 * - `UnitOfWork.commit`, at every flush: the storage only tells a flush started inside another
 *   flush's event handler (an error) from one that waits for a flush running elsewhere (queued).
 *   Huhang registers no flush event handlers, so every second flush is the queued kind.
 * Written for MikroORM 6.6.16 (pinned); no-async-context.test.ts fails if an upgrade changes what
 * these rely on, or if any request runs an AsyncLocalStorage.
 */
export function runWithoutAsyncContext(): void {
  TransactionContext.create = <T>(_em: unknown, next: (...args: unknown[]) => T): T => next();
  UnitOfWork.prototype.commit = commit;
}

/** What `commit` uses of MikroORM's unit of work (its own fields, private in its typings). */
interface UnitOfWorkState {
  working: boolean;
  flushQueue: Array<() => Promise<void>>;
  doCommit(): Promise<void>;
  postCommitCleanup(): void;
}

/** MikroORM 6.6.16's `UnitOfWork.commit`, without the storage that marked the inside of a flush. */
async function commit(this: UnitOfWork): Promise<void> {
  const uow = this as unknown as UnitOfWorkState;
  if (uow.working) {
    // Another flush of this unit of work is running: this one goes after it.
    return new Promise((resolve, reject) => {
      uow.flushQueue.push(() => uow.doCommit().then(resolve, reject));
    });
  }
  try {
    uow.working = true;
    await uow.doCommit();
    while (uow.flushQueue.length) await uow.flushQueue.shift()!();
  } finally {
    uow.postCommitCleanup();
    uow.working = false;
  }
}
