import type { CallEvent } from '../../../core/events.js';
import type { NotifiedCallEvent } from '../../../db/queries/call-events.js';
import type { CallEventBus } from '../../../pipelines/session/event-bus.js';

/** What a live stream sends: a call event, or "re-read this call" when the event was too big for NOTIFY. */
export type LiveMessage = { kind: 'event'; event: CallEvent } | { kind: 'resync'; callId: string };

export interface LiveFilter {
  merchantId: string;
  callId?: string;
}

/**
 * The dashboard's source of live call events: the in-process bus (calls replayed or bridged in
 * this process) plus, with a real Postgres, NOTIFY payloads from a bot in another process.
 */
export class LiveFeed {
  private readonly resyncListeners = new Set<(merchantId: string, callId: string) => void>();

  constructor(private readonly bus: CallEventBus) {}

  /** Feed for `listenCallEvents`: whole events join the bus; truncated ones ask watchers to re-read. */
  fromPostgres(n: NotifiedCallEvent): void {
    if ('event' in n) this.bus.publish({ merchantId: n.merchantId, event: n.event });
    else for (const l of this.resyncListeners) l(n.merchantId, n.truncated.callId);
  }

  /** An event this process caused outside a call session (a promise kept by an order event). */
  publish(merchantId: string, event: CallEvent): void {
    this.bus.publish({ merchantId, event });
  }

  subscribe(filter: LiveFilter, send: (m: LiveMessage) => void): () => void {
    const offBus = this.bus.subscribe(filter, (event) => send({ kind: 'event', event }));
    const resync = (merchantId: string, callId: string) => {
      if (merchantId === filter.merchantId && (!filter.callId || filter.callId === callId))
        send({ kind: 'resync', callId });
    };
    this.resyncListeners.add(resync);
    return () => {
      offBus();
      this.resyncListeners.delete(resync);
    };
  }
}
