/**
 * In-process news that sessions ended (sign-out, password change, role or merchant change), so
 * open live streams in this process close at once. Streams in other processes notice on their
 * next periodic re-check of the session row, which is the source of truth.
 */
export interface SessionsEnded {
  userId: string;
  /** One session (sign-out); without it, every session of the user. */
  sessionId?: string;
}

type Listener = (ended: SessionsEnded) => void;
const listeners = new Set<Listener>();

export function onSessionsEnded(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function announceSessionsEnded(ended: SessionsEnded): void {
  for (const l of listeners) l(ended);
}
