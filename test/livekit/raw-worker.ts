/**
 * A bare agents worker speaking the `/agent` protocol (protobuf WorkerMessage / ServerMessage),
 * to test the dispatch path without @livekit/agents: what that SDK's worker does on the wire.
 */
import { JobType, RegisterWorkerRequest, ServerMessage, WorkerMessage } from '@livekit/protocol';
import { AccessToken } from 'livekit-server-sdk';
import { WebSocket } from 'ws';
import type { LiveKitTarget } from './test-server.js';
import { waitFor } from './test-participant.js';

type ServerCase = NonNullable<ServerMessage['message']['case']>;
type ValueOf<C extends ServerCase> = Extract<ServerMessage['message'], { case: C }>['value'];

export class RawWorker {
  readonly #inbox: ServerMessage['message'][] = [];

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => this.#inbox.push(ServerMessage.fromBinary(new Uint8Array(data)).message));
  }

  static async register(target: LiveKitTarget, agentName: string): Promise<{ worker: RawWorker; workerId: string }> {
    const at = new AccessToken(target.apiKey, target.apiSecret);
    at.addGrant({ agent: true });
    const ws = new WebSocket(`${target.url.replace(/\/$/, '')}/agent`, {
      headers: { authorization: `Bearer ${await at.toJwt()}` },
    });
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    const worker = new RawWorker(ws);
    worker.send({
      case: 'register',
      value: new RegisterWorkerRequest({ type: JobType.JT_ROOM, agentName, version: 'raw-test' }),
    });
    const { workerId } = await worker.next('register');
    return { worker, workerId };
  }

  send(message: WorkerMessage['message']): void {
    this.ws.send(new WorkerMessage({ message }).toBinary());
  }

  /** The next message of `kind` from the server (others before it are dropped). */
  async next<C extends ServerCase>(kind: C, timeoutMs = 10_000): Promise<ValueOf<C>> {
    const found = await waitFor(
      () => {
        const index = this.#inbox.findIndex((m) => m.case === kind);
        return index < 0 ? undefined : this.#inbox.splice(0, index + 1).at(-1);
      },
      timeoutMs,
      `the server's ${kind} message`,
    );
    return found.value as ValueOf<C>;
  }

  close(): void {
    this.ws.close();
  }
}
