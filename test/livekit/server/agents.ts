/**
 * Explicit agent dispatch, as LiveKit does it: dispatches are recorded (tests read them with
 * AgentDispatchClient.listDispatch) and each becomes a job offered to a worker registered on
 * `/agent` under the dispatch's agent name: availability → assignment (room URL + token).
 * A job whose worker disconnects goes back to pending and is offered, `resuming`, to the next one.
 */
import {
  AgentDispatch,
  AgentDispatchState,
  type AvailabilityResponse,
  Job,
  JobState,
  JobStatus,
  JobType,
  ServerInfo,
  ServerInfo_Edition,
  AvailabilityRequest,
  JobAssignment,
  JobTermination,
  RegisterWorkerResponse,
  ServerMessage,
  WorkerMessage,
  WorkerPong,
  type CreateAgentDispatchRequest,
} from '@livekit/protocol';
import { AccessToken } from 'livekit-server-sdk';
import type { WebSocket } from 'ws';
import { newSid } from './ids.js';
import type { Room } from './room.js';
import { SERVER_VERSION } from './room.js';

type Worker = { id: string; agentName: string; ws: WebSocket; jobs: Set<Job> };
export type Credentials = { apiKey: string; apiSecret: string; url: () => string };

export class AgentDispatcher {
  readonly #dispatches: AgentDispatch[] = [];
  readonly #workers = new Set<Worker>();
  readonly #pending: Job[] = [];

  constructor(private readonly credentials: Credentials) {}

  create(req: CreateAgentDispatchRequest, room: Room): AgentDispatch {
    const dispatch = new AgentDispatch({
      id: newSid('AD'),
      agentName: req.agentName,
      room: room.name,
      metadata: req.metadata,
      state: new AgentDispatchState({ createdAt: BigInt(Date.now()) * 1_000_000n }),
    });
    const job = new Job({
      id: newSid('AJ'),
      dispatchId: dispatch.id,
      type: JobType.JT_ROOM,
      room: room.info(),
      agentName: req.agentName,
      metadata: req.metadata,
      state: new JobState({ status: JobStatus.JS_PENDING }),
    });
    dispatch.state?.jobs.push(job);
    this.#dispatches.push(dispatch);
    this.#offer(job, false);
    return dispatch;
  }

  list(room: string, dispatchId = ''): AgentDispatch[] {
    return this.#dispatches.filter((d) => d.room === room && (!dispatchId || d.id === dispatchId));
  }

  delete(room: string, dispatchId: string): AgentDispatch | undefined {
    const index = this.#dispatches.findIndex((d) => d.room === room && d.id === dispatchId);
    const [dispatch] = index < 0 ? [] : this.#dispatches.splice(index, 1);
    for (const job of dispatch?.state?.jobs ?? []) this.#terminate(job);
    return dispatch;
  }

  /** The room is gone: its jobs end, as LiveKit ends them when a room closes. */
  roomClosed(room: string): void {
    for (const d of this.#dispatches.filter((x) => x.room === room))
      for (const job of d.state?.jobs ?? []) this.#terminate(job);
  }

  attachWorker(ws: WebSocket): void {
    let worker: Worker | undefined;
    const send = (message: ServerMessage['message']) => ws.send(new ServerMessage({ message }).toBinary());
    ws.on('message', (data: Buffer) => {
      const { message } = WorkerMessage.fromBinary(new Uint8Array(data));
      if (message.case === 'register') {
        worker = { id: newSid('AW'), agentName: message.value.agentName, ws, jobs: new Set() };
        this.#workers.add(worker);
        const serverInfo = new ServerInfo({ edition: ServerInfo_Edition.Standard, version: SERVER_VERSION });
        send({ case: 'register', value: new RegisterWorkerResponse({ workerId: worker.id, serverInfo }) });
        for (const job of this.#pending.splice(0)) this.#offer(job, job.state?.status === JobStatus.JS_RUNNING);
      } else if (message.case === 'ping') {
        send({
          case: 'pong',
          value: new WorkerPong({ lastTimestamp: message.value.timestamp, timestamp: BigInt(Date.now()) }),
        });
      } else if (message.case === 'updateJob') {
        const job = worker && [...worker.jobs].find((j) => j.id === message.value.jobId);
        if (job?.state)
          Object.assign(job.state, {
            status: message.value.status,
            error: message.value.error,
            updatedAt: BigInt(Date.now()),
          });
      } else if (message.case === 'availability' && worker) {
        void this.#answered(worker, message.value.jobId, message.value);
      }
    });
    ws.on('close', () => {
      if (!worker) return;
      this.#workers.delete(worker);
      for (const job of worker.jobs) {
        const status = job.state?.status ?? JobStatus.JS_PENDING;
        if (status === JobStatus.JS_PENDING || status === JobStatus.JS_RUNNING) this.#offer(job, true);
      }
    });
  }

  #offer(job: Job, resuming: boolean): void {
    const worker = [...this.#workers].find((w) => w.agentName === job.agentName);
    if (!worker) {
      this.#pending.push(job);
      return;
    }
    worker.jobs.add(job);
    worker.ws.send(
      new ServerMessage({
        message: { case: 'availability', value: new AvailabilityRequest({ job, resuming }) },
      }).toBinary(),
    );
  }

  async #answered(worker: Worker, jobId: string, answer: AvailabilityResponse): Promise<void> {
    const job = [...worker.jobs].find((j) => j.id === jobId);
    if (!job?.room) return;
    if (!answer.available) {
      worker.jobs.delete(job);
      this.#pending.push(job);
      return;
    }
    const identity = answer.participantIdentity || `agent-${job.id}`;
    const at = new AccessToken(this.credentials.apiKey, this.credentials.apiSecret, {
      identity,
      name: answer.participantName,
      metadata: answer.participantMetadata,
      attributes: answer.participantAttributes,
    });
    at.kind = 'agent';
    at.addGrant({
      roomJoin: true,
      room: job.room.name,
      canPublish: true,
      canSubscribe: true,
      canPublishData: true,
      canUpdateOwnMetadata: true,
      agent: true,
    });
    Object.assign(job.state ?? {}, {
      status: JobStatus.JS_RUNNING,
      participantIdentity: identity,
      workerId: worker.id,
      startedAt: BigInt(Date.now()),
    });
    const token = await at.toJwt();
    worker.ws.send(
      new ServerMessage({
        message: { case: 'assignment', value: new JobAssignment({ job, url: this.credentials.url(), token }) },
      }).toBinary(),
    );
  }

  #terminate(job: Job): void {
    for (const worker of this.#workers) {
      if (!worker.jobs.delete(job)) continue;
      worker.ws.send(
        new ServerMessage({
          message: { case: 'termination', value: new JobTermination({ jobId: job.id }) },
        }).toBinary(),
      );
    }
    const index = this.#pending.indexOf(job);
    if (index >= 0) this.#pending.splice(index, 1);
  }
}
