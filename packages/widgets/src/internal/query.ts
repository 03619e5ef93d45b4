import type { ReactiveController } from 'lit';
import type { Document } from './client';
import type { HuhangElement } from './huhang-element';

export type QueryStatus = 'idle' | 'unconfigured' | 'loading' | 'ready' | 'error';

/** What a widget renders from: the state of a query, whatever its variables. */
export interface QueryState<R> {
  readonly status: QueryStatus;
  readonly data?: R;
  readonly error?: unknown;
  readonly missing?: string;
  retry(): Promise<void>;
}

/**
 * Loads one query for a widget and reloads it when its variables or credentials change. `variables`
 * answers a string naming the missing setting when the widget is not configured enough to ask.
 */
export class QueryController<R, V> implements ReactiveController, QueryState<R> {
  status: QueryStatus = 'idle';
  data?: R;
  error?: unknown;
  missing?: string;
  private lastKey?: string;
  private generation = 0;

  constructor(
    private readonly host: HuhangElement,
    private readonly document: Document<R, V>,
    private readonly variables: () => V | string,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const variables = this.variables();
    if (typeof variables === 'string') {
      this.status = 'unconfigured';
      this.missing = variables;
      this.lastKey = undefined;
      return;
    }
    const key = JSON.stringify([this.host.identity, variables]);
    if (key !== this.lastKey) {
      this.lastKey = key;
      void this.run(variables, false, true);
    }
  }

  /** Asks again, past the shared answers (the retry button, or after a change). */
  retry(): Promise<void> {
    const variables = this.variables();
    return typeof variables === 'string' ? Promise.resolve() : this.run(variables, true);
  }

  private async run(variables: V, fresh: boolean, duringUpdate = false): Promise<void> {
    const generation = ++this.generation;
    this.status = 'loading';
    if (!duringUpdate) this.host.requestUpdate();
    try {
      const data = await this.host.run(this.document, variables, { fresh });
      if (generation !== this.generation) return;
      this.data = data;
      this.error = undefined;
      this.status = 'ready';
    } catch (error) {
      if (generation !== this.generation) return;
      this.error = error;
      this.status = 'error';
    }
    this.host.requestUpdate();
  }
}
