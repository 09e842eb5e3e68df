import { useEffect } from 'react';
import type { CallEvent } from '../../core/events.js';
import { refreshAll } from './use-data.js';

/**
 * Re-reads what is on screen when a promise moves (an order event kept it, the deadline broke
 * it): the same live stream the live page folds call events from.
 */
export function usePromiseUpdates(): void {
  useEffect(() => {
    const source = new EventSource('/api/calls/live');
    source.addEventListener('call', (m) => {
      const e = JSON.parse((m as MessageEvent<string>).data) as CallEvent;
      if (e.type === 'promise.updated') refreshAll();
    });
    return () => source.close();
  }, []);
}

/** "in 3 h 20 min" / "2 h 5 min overdue", in whole minutes, from now. */
export function untilDue(dueAt: string, now: number): { minutes: number; overdue: boolean } {
  const minutes = Math.round((new Date(dueAt).getTime() - now) / 60_000);
  return { minutes: Math.abs(minutes), overdue: minutes < 0 };
}
