import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface DoubleReply {
  status?: number;
  body: unknown;
  /** Wait this long before answering (to exercise client timeouts). */
  delayMs?: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: unknown;
}

export type DoubleHandler = (req: RecordedRequest) => DoubleReply;

export interface HttpEndpointDouble {
  /** e.g. http://127.0.0.1:41234/v1 — what a client takes as its baseURL. */
  baseURL: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/**
 * Test double at the network edge: a real HTTP server on 127.0.0.1 that speaks just enough of
 * an OpenAI-compatible API. Each route answers through a handler and every request is recorded,
 * so tests exercise the real SDK, serialisation and error paths without a real provider.
 */
export async function startHttpEndpointDouble(routes: Record<string, DoubleHandler>): Promise<HttpEndpointDouble> {
  const requests: RecordedRequest[] = [];
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const path = (req.url ?? '/').replace(/^\/v1/, '').split('?')[0]!;
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      path,
      headers: req.headers,
      body: raw ? safeJson(raw) : null,
    };
    requests.push(recorded);
    const handler = routes[path];
    const reply: DoubleReply = handler
      ? handler(recorded)
      : { status: 404, body: { error: { message: `no route ${path}` } } };
    if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
    if (res.destroyed) return;
    res.writeHead(reply.status ?? 200, { 'content-type': 'application/json' });
    res.end(typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}
