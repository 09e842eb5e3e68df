import type { Context } from 'hono';
import type { ClientInfo } from '../../../pipelines/auth/sessions.js';

/** The socket's peer address under @hono/node-server; undefined for in-process requests. */
function peerAddress(c: Context): string | undefined {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress;
}

/**
 * Who is calling: the socket's address, or — only when the operator said a proxy sets it — the
 * address that proxy appended last to X-Forwarded-For (earlier entries are the client's own claim).
 */
export function clientInfo(c: Context, trustProxy: boolean): ClientInfo {
  const forwarded = trustProxy
    ? c.req
        .header('x-forwarded-for')
        ?.split(',')
        .map((s) => s.trim())
        .filter(Boolean)
        .at(-1)
    : undefined;
  const address = (forwarded ?? peerAddress(c) ?? 'unknown').slice(0, 100);
  return { address, userAgent: c.req.header('user-agent')?.slice(0, 300) ?? null };
}

/** Whether the request reached us over TLS (directly, or via a trusted proxy saying so). */
export function isHttps(c: Context, trustProxy: boolean): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  return trustProxy && c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase() === 'https';
}
