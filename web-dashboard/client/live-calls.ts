import { useEffect, useRef, useState } from 'react';
import type { CallEvent } from '../../core/events.js';
import { applyCallEvent, type CallView } from '../shared/call-view.js';
import { get } from './api.js';

/**
 * The merchant's calls in progress, kept current by the server's event stream (SSE). On every
 * (re)connect the active calls are read whole; events that arrive meanwhile are folded in again
 * on top, and duplicates fold to nothing, so no event is lost between the read and the stream.
 */
export function useLiveCalls(): { views: Record<string, CallView>; connected: boolean } {
  const [views, setViews] = useState<Record<string, CallView>>({});
  const [connected, setConnected] = useState(false);
  const log = useRef<Record<string, CallEvent[]>>({});

  useEffect(() => {
    const source = new EventSource('/api/calls/live');
    const load = async (callId: string) => {
      const view = await get<CallView>(`/api/calls/${callId}`);
      setViews((v) => ({ ...v, [callId]: (log.current[callId] ?? []).reduce(applyCallEvent, view) }));
    };
    source.addEventListener('ready', () => {
      setConnected(true);
      get<{ id: string }[]>('/api/calls?status=active&limit=10').then(
        (calls) => calls.forEach((c) => void load(c.id)),
        () => undefined,
      );
    });
    source.addEventListener('call', (m) => {
      const e = JSON.parse((m as MessageEvent<string>).data) as CallEvent;
      (log.current[e.callId] ??= []).push(e);
      setViews((v) => {
        const known = v[e.callId];
        if (known) return { ...v, [e.callId]: applyCallEvent(known, e) };
        // A promise of an earlier call moving is the ledger's news, not a call in progress.
        if (e.type === 'promise.updated') return v;
        // A call just started shows at once; its stored facts (buyer, orders) follow.
        void load(e.callId);
        if (e.type === 'call.started') return { ...v, [e.callId]: emptyView(e) };
        return v;
      });
    });
    source.addEventListener(
      'resync',
      (m) => void load((JSON.parse((m as MessageEvent<string>).data) as { callId: string }).callId),
    );
    source.onerror = () => setConnected(false);
    return () => source.close();
  }, []);
  return { views, connected };
}

function emptyView(e: Extract<CallEvent, { type: 'call.started' }>): CallView {
  return {
    call: {
      id: e.callId,
      room: e.room,
      merchantId: e.merchantId,
      buyerId: '',
      buyer: null,
      orderIds: [],
      language: null,
      status: 'active',
      startedAt: e.startedAt,
      endedAt: null,
      summary: null,
    },
    utterances: [],
    notes: { orderNumbers: [], amounts: [], products: [], promises: [] },
    suggestions: [],
    refundOptions: [],
    coaching: [],
    flags: [],
  };
}
