/**
 * The LiveKit-protocol test server (a test double, never shipped): signalling on `/rtc`,
 * Twirp on `/twirp/…`, agent workers on `/agent`, all on one HTTP port, as livekit-server.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { DisconnectReason } from '@livekit/protocol';
import { WebSocketServer, type WebSocket } from 'ws';
import { AgentDispatcher } from './agents.js';
import { Auth, AuthError, type JoinClaims } from './auth.js';
import { Participant } from './participant.js';
import { Room, type RoomOptions } from './room.js';
import { attachSignalling } from './signal.js';
import { handleTwirp } from './twirp.js';

export type TestServerOptions = {
  host: string;
  port?: number;
  apiKey: string;
  apiSecret: string;
  log?: (msg: string) => void;
};

export class LiveKitTestServer {
  readonly rooms = new Map<string, Room>();
  readonly agents: AgentDispatcher;
  readonly #auth: Auth;
  readonly #http: Server;
  readonly #wss = new WebSocketServer({ noServer: true });
  readonly #log: (msg: string) => void;

  private constructor(readonly options: TestServerOptions) {
    this.#auth = new Auth(options.apiKey, options.apiSecret);
    this.#log = options.log ?? (() => {});
    this.agents = new AgentDispatcher({ ...options, url: () => this.url });
    this.#http = createServer((req, res) => {
      void this.#request(req).then(({ status, body }) => {
        res.writeHead(status, { 'content-type': typeof body === 'string' ? 'text/plain' : 'application/json' });
        res.end(typeof body === 'string' ? body : JSON.stringify(body));
      });
    });
    this.#http.on(
      'upgrade',
      (req: IncomingMessage, socket: Duplex, head: Buffer) => void this.#upgrade(req, socket, head),
    );
  }

  static async start(options: TestServerOptions): Promise<LiveKitTestServer> {
    const server = new LiveKitTestServer(options);
    await new Promise<void>((resolve, reject) => {
      server.#http.once('error', reject);
      server.#http.listen(options.port ?? 0, options.host, resolve);
    });
    return server;
  }

  get url(): string {
    const { port } = this.#http.address() as AddressInfo;
    return `ws://${this.options.host}:${port}`;
  }

  openRoom(options: RoomOptions): Room {
    const existing = this.rooms.get(options.name);
    if (existing) return existing;
    const room = new Room(options);
    this.rooms.set(room.name, room);
    return room;
  }

  async close(): Promise<void> {
    for (const room of this.rooms.values()) room.close(DisconnectReason.SERVER_SHUTDOWN);
    for (const ws of this.#wss.clients) ws.terminate();
    await new Promise((resolve) => this.#http.close(resolve));
  }

  async #request(req: IncomingMessage): Promise<{ status: number; body: unknown }> {
    const url = new URL(req.url ?? '/', 'http://test');
    if (req.method === 'POST' && url.pathname.startsWith('/twirp/')) {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const deps = {
        auth: this.#auth,
        rooms: this.rooms,
        openRoom: (o: RoomOptions) => this.openRoom(o),
        agents: this.agents,
      };
      return handleTwirp(
        url.pathname.slice('/twirp/'.length),
        req.headers.authorization,
        Buffer.concat(chunks).toString(),
        deps,
      );
    }
    // rtc-node asks here why a connection failed; the answer ends up in its error message.
    // (Some rtc-node versions append the path to the /rtc URL, asking /rtc/rtc/validate.)
    if (url.pathname.endsWith('/rtc/validate')) {
      try {
        await this.#auth.verifyJoin(url.searchParams.get('access_token') ?? undefined);
        return { status: 200, body: 'success' };
      } catch (cause) {
        return { status: 401, body: (cause as Error).message };
      }
    }
    return { status: 404, body: 'not found' };
  }

  async #upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://test');
    const token = url.searchParams.get('access_token') ?? req.headers.authorization?.replace(/^Bearer\s+/i, '');
    try {
      if (url.pathname === '/rtc' && url.searchParams.get('reconnect') === '1') {
        // Resuming a session is not supported: refused, rtc-node falls back to a full rejoin.
        refuse(socket, '404 Not Found');
      } else if (url.pathname === '/rtc') {
        const claims = await this.#auth.verifyJoin(token);
        const autoSubscribe = url.searchParams.get('auto_subscribe') !== '0';
        this.#wss.handleUpgrade(req, socket, head, (ws) => this.#join(ws, claims, autoSubscribe));
      } else if (url.pathname === '/agent') {
        await this.#auth.verifyApi(req.headers.authorization, (grant) => Boolean(grant.agent));
        this.#wss.handleUpgrade(req, socket, head, (ws) => {
          ws.on('error', (cause) => this.#log(`agent worker connection: ${cause.message}`));
          this.agents.attachWorker(ws);
        });
      } else {
        // Includes /rtc/v1 (single peer connection): the 404 makes rtc-node fall back to /rtc.
        refuse(socket, '404 Not Found');
      }
    } catch (cause) {
      this.#log(`refused ${url.pathname}: ${(cause as Error).message}`);
      refuse(socket, cause instanceof AuthError ? '401 Unauthorized' : '500 Internal Server Error');
    }
  }

  #join(ws: WebSocket, claims: JoinClaims, autoSubscribe: boolean): void {
    const room = this.openRoom({ name: claims.room });
    const p = new Participant(claims, autoSubscribe, (bytes) => ws.readyState === ws.OPEN && ws.send(bytes), this.#log);
    ws.on('error', (cause) => this.#log(`signal connection of ${p.identity}: ${cause.message}`));
    const onMessage = attachSignalling(p, room, this.#log);
    ws.on('message', (data: Buffer) => onMessage(new Uint8Array(data)));
    ws.on('close', () => room.remove(p, DisconnectReason.CLIENT_INITIATED));
    room.join(p);
  }
}

function refuse(socket: Duplex, status: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
}
