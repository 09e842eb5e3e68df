/**
 * Releases items from several concurrent sources in start-time order. Each source declares a
 * watermark: a time before which it will produce nothing more. An item is released once every
 * unfinished source's watermark has passed its start.
 */
export class TimeOrderedQueue<T extends { startMs: number }> {
  private readonly waiting: T[] = [];
  private readonly watermarks = new Map<number, number>();
  private notify: (() => void) | undefined;
  private failure: unknown;

  constructor(sources: number) {
    for (let i = 0; i < sources; i++) this.watermarks.set(i, 0);
  }

  add(item: T): void {
    this.waiting.push(item);
    this.wake();
  }

  advance(source: number, watermarkMs: number): void {
    if (this.watermarks.has(source) && watermarkMs > this.watermarks.get(source)!) {
      this.watermarks.set(source, watermarkMs);
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
      const horizon = Math.min(Infinity, ...this.watermarks.values());
      this.waiting.sort((a, b) => a.startMs - b.startMs);
      if (this.waiting.length > 0 && this.waiting[0]!.startMs <= horizon) {
        yield this.waiting.shift()!;
        continue; // the world may have moved while the consumer held that item
      }
      if (this.watermarks.size === 0 && this.waiting.length === 0) return;
      // Checked and armed in one synchronous step, so no change can slip in between.
      await new Promise<void>((resolve) => (this.notify = resolve));
    }
  }

  private wake(): void {
    const n = this.notify;
    this.notify = undefined;
    n?.();
  }
}
