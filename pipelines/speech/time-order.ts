/**
 * Releases items from several concurrent sources in start-time order. Each source declares a
 * watermark: a time before which it will produce nothing more. An item is released once every
 * unfinished source's watermark has passed its start, where its own source may declare a later
 * one for its own items (`advance`'s `ownMs`): a speaker's next utterance cannot start before the
 * one just heard, so only utterances it has already begun hold its own finals back. (Waiting for
 * the full watermark held a short answer's final until the speaker's audio had run on a second
 * past its start, decision 0315.)
 */
export class TimeOrderedQueue<T extends { startMs: number }> {
  private readonly waiting: { item: T; source: number }[] = [];
  private readonly watermarks = new Map<number, { all: number; own: number }>();
  private notify: (() => void) | undefined;
  private failure: unknown;

  constructor(sources: number) {
    for (let i = 0; i < sources; i++) this.watermarks.set(i, { all: 0, own: 0 });
  }

  add(source: number, item: T): void {
    this.waiting.push({ item, source });
    this.wake();
  }

  /**
   * `source` will add nothing more starting before `watermarkMs`, and, of what must precede an
   * item it has already added, nothing starting before `ownMs` (it may fall again: an utterance
   * begun later but failed and retried still precedes the ones after it).
   */
  advance(source: number, watermarkMs: number, ownMs = watermarkMs): void {
    const was = this.watermarks.get(source);
    if (!was) return;
    const all = Math.max(was.all, watermarkMs);
    const now = { all, own: Math.max(all, ownMs) };
    if (now.all !== was.all || now.own !== was.own) {
      this.watermarks.set(source, now);
      this.wake();
    }
  }

  finish(source: number): void {
    this.watermarks.delete(source);
    this.wake();
  }

  fail(err: unknown): void {
    this.failure ??= err;
    this.wake();
  }

  async *drain(): AsyncGenerator<T> {
    for (;;) {
      if (this.failure !== undefined) throw this.failure;
      this.waiting.sort((a, b) => a.item.startMs - b.item.startMs);
      const first = this.waiting[0];
      if (first && first.item.startMs <= this.horizonFor(first.source)) {
        this.waiting.shift();
        yield first.item;
        continue; // the world may have moved while the consumer held that item
      }
      if (this.watermarks.size === 0 && this.waiting.length === 0) return;
      // Checked and armed in one synchronous step, so no change can slip in between.
      await new Promise<void>((resolve) => (this.notify = resolve));
    }
  }

  private horizonFor(source: number): number {
    let horizon = Infinity;
    for (const [s, w] of this.watermarks) horizon = Math.min(horizon, s === source ? w.own : w.all);
    return horizon;
  }

  private wake(): void {
    const n = this.notify;
    this.notify = undefined;
    n?.();
  }
}
