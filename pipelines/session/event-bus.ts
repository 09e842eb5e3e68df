import type { CallEvent } from '../../core/events.js';

export interface BusEvent {
  merchantId: string;
  event: CallEvent;
}

/**
 * Fans a process's call events out to whoever watches them (the dashboard's live stream). In one
 * process (`kefu start` with the embedded database) this is the whole path; a bot in another
 * process reaches the dashboard through Postgres instead.
 */
export class CallEventBus {
  private readonly listeners = new Set<(e: BusEvent) => void>();

  publish(e: BusEvent): void {
    for (const listener of this.listeners) listener(e);
  }

  /** Events of one merchant's calls, optionally of one call; returns the unsubscribe function. */
  subscribe(filter: { merchantId: string; callId?: string }, listener: (event: CallEvent) => void): () => void {
    const wrapped = (e: BusEvent) => {
      if (e.merchantId === filter.merchantId && (!filter.callId || e.event.callId === filter.callId)) listener(e.event);
    };
    this.listeners.add(wrapped);
    return () => this.listeners.delete(wrapped);
  }
}
