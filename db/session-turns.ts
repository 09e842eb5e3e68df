import type { PGlite } from '@electric-sql/pglite';

/** A wire-protocol NOTIFY seen in the single session, whichever connection sent it. */
export interface SessionNotification {
  channel: string;
  payload: string;
}

interface Pending {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (err: Error) => void;
}

// Startup packets have no type byte (their first byte is the high byte of a small length);
// Query ('Q'), Sync ('S') and Terminate ('X') end a unit of work.
const ENDS_UNIT = new Set([0, 0x51, 0x53, 0x58]);

/**
 * Takes turns on PGlite's one session for many socket connections. A connection keeps its turn
 * from its first message to the end of a unit (a simple Query, or an extended-protocol batch up
 * to Sync) and, while a transaction is open, until it ends; only then may another connection
 * run. pglite-socket's own queue switches connections between any two messages outside a
 * transaction, so one client's Bind could meet another's Parse; this keeps each unit whole.
 * It implements the queue interface PGLiteSocketHandler calls (see decision 0140).
 */
export class SessionTurns {
  private pending: Pending[] = [];
  private owner: number | null = null;
  private running = false;

  constructor(
    private readonly db: PGlite,
    private readonly onNotification: (n: SessionNotification) => void = () => {},
  ) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      this.pending.push({ handlerId, message, onData, resolve, reject });
      void this.drain();
    });
  }

  getQueueLength(): number {
    return this.pending.length;
  }

  clearQueueForHandler(handlerId: number): void {
    for (const p of this.pending.filter((q) => q.handlerId === handlerId)) p.reject(new Error('Handler disconnected'));
    this.pending = this.pending.filter((q) => q.handlerId !== handlerId);
  }

  /** A connection that goes away mid-turn gives its turn back, rolling back what it left open. */
  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    if (this.owner !== handlerId) return;
    if (this.db.isInTransaction()) await this.db.exec('rollback');
    this.owner = null;
    void this.drain();
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (;;) {
        const i = this.pending.findIndex((p) => this.owner === null || p.handlerId === this.owner);
        if (i === -1) return;
        const [next] = this.pending.splice(i, 1);
        await this.run(next!);
      }
    } finally {
      this.running = false;
    }
  }

  private async run(p: Pending): Promise<void> {
    this.owner = p.handlerId;
    const chunks: Buffer[] = [];
    try {
      // Copied at once: PGlite hands out views of WASM memory that its next write reuses.
      await this.db.runExclusive(() =>
        this.db.execProtocolRawStream(p.message, { onRawData: (data) => chunks.push(Buffer.from(data)) }),
      );
    } catch (err) {
      this.owner = null;
      p.reject(err as Error);
      return;
    }
    if (ENDS_UNIT.has(p.message[0]!) && !this.db.isInTransaction()) this.owner = null;
    const out = Buffer.concat(chunks);
    if (out.length > 0) p.onData(out);
    for (const n of notifications(out)) this.onNotification(n);
    p.resolve(out.length);
  }
}

/** NotificationResponse ('A') messages in a run of backend messages. */
function notifications(out: Buffer): SessionNotification[] {
  const found: SessionNotification[] = [];
  for (let at = 0; at + 5 <= out.length; ) {
    const type = out[at]!;
    const end = at + 1 + out.readInt32BE(at + 1);
    if (type === 0x41 && end <= out.length) {
      const body = out.subarray(at + 9, end); // after type, length and the sender's pid
      const zero = body.indexOf(0);
      found.push({
        channel: body.subarray(0, zero).toString('utf8'),
        payload: body.subarray(zero + 1, body.indexOf(0, zero + 1)).toString('utf8'),
      });
    }
    at = end;
  }
  return found;
}
