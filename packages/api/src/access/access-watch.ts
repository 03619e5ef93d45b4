import { Client } from 'pg';

/** The channel the database notifies when what a viewer may read changes (migration 0700). */
export const ACCESS_CHANNEL = 'huhang_access';
/** The channel the database notifies, with a program's id, when a write raised its data version (migration 1800). */
export const DATA_CHANNEL = 'huhang_data';

/**
 * Tells whether what a signed-in viewer may read can have changed since a moment: an `epoch` that
 * moves on every committed change to users, sessions, grants, parks, officers, units, liaison
 * assignments and team members (LISTEN `huhang_access`, notified by triggers in any process or
 * tool), and on every mutation this process commits that changed one of them (the transaction's
 * `huhang.access_changed` flag, migration 2000), before its answer is sent.
 *
 * Viewers kept under an epoch are valid only while it stands and the watch is `live`: while its
 * connection is down (and until it is back and listening), nothing may be kept.
 */
export class AccessWatch {
  private current = 0;
  private client: Client | null = null;
  private listening = false;
  private closed = false;
  private retry: NodeJS.Timeout | null = null;

  /** Told the program of every data version raised by any process; and everything, when notifications may have been missed. */
  private readonly dataListeners: Array<(programId: number | 'ALL', version?: number) => void> = [];

  constructor(
    private readonly url: string,
    private readonly log: (line: string) => void = (line) => console.warn(line),
  ) {}

  /** Calls `listener` with the program and new version of every data version raised anywhere ('ALL' after a gap). */
  onData(listener: (programId: number | 'ALL', version?: number) => void): void {
    this.dataListeners.push(listener);
  }

  private dataChanged(programId: number | 'ALL', version?: number): void {
    for (const listener of this.dataListeners) listener(programId, version);
  }

  get epoch(): number {
    return this.current;
  }

  /** Kept viewers may be used: the watch hears every change. */
  get live(): boolean {
    return this.listening && !this.closed;
  }

  /** Something that may change access happened in this process: drop what is kept, now. */
  changed(): void {
    this.current += 1;
  }

  async start(): Promise<void> {
    if (this.closed) return;
    const client = new Client({ connectionString: this.url, application_name: 'huhang access watch' });
    this.client = client;
    client.on('notification', (message) => {
      if (message.channel === DATA_CHANNEL) {
        // `program:version` (migration 3000); a notice of another form says only that data changed.
        const [program, version] = (message.payload ?? '').split(':').map(Number);
        if (Number.isSafeInteger(program) && Number.isSafeInteger(version)) this.dataChanged(program!, version);
        else this.dataChanged('ALL');
        return;
      }
      this.changed();
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${ACCESS_CHANNEL}; LISTEN ${DATA_CHANNEL}`);
      // Whatever changed while nobody listened is unknown: start from a new epoch.
      this.changed();
      this.dataChanged('ALL');
      this.listening = !this.closed;
    } catch (error) {
      this.lost(client, error);
    }
  }

  private lost(client: Client, error?: unknown): void {
    if (this.client !== client) return;
    this.listening = false;
    this.client = null;
    this.changed();
    this.dataChanged('ALL');
    client.end().catch(() => undefined);
    if (this.closed || this.retry) return;
    if (error)
      this.log(
        `[access] lost the ${ACCESS_CHANNEL} listener (${(error as Error).message}); signed-in viewers are read on every request until it is back`,
      );
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.start();
    }, 1_000);
    this.retry.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listening = false;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}
