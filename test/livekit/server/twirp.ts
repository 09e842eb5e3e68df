/**
 * The Twirp (JSON over POST) calls the bot's API makes through livekit-server-sdk's
 * RoomServiceClient and AgentDispatchClient. Anything else answers Twirp's `bad_route`.
 */
import {
  CreateAgentDispatchRequest,
  CreateRoomRequest,
  DeleteAgentDispatchRequest,
  DeleteRoomRequest,
  DeleteRoomResponse,
  DisconnectReason,
  ListAgentDispatchRequest,
  ListAgentDispatchResponse,
  ListParticipantsRequest,
  ListParticipantsResponse,
  ListRoomsRequest,
  ListRoomsResponse,
  RemoveParticipantResponse,
  RoomParticipantIdentity,
} from '@livekit/protocol';
import type { VideoGrant } from 'livekit-server-sdk';
import type { AgentDispatcher } from './agents.js';
import { AuthError, type Auth } from './auth.js';
import type { Room, RoomOptions } from './room.js';

export type TwirpDeps = {
  auth: Auth;
  rooms: Map<string, Room>;
  openRoom: (options: RoomOptions) => Room;
  agents: AgentDispatcher;
};

type Json = Parameters<typeof CreateRoomRequest.fromJson>[0];
type Reply = { toJson(): unknown };
type Route = { allowed: (grant: VideoGrant) => boolean; run: (body: Json, deps: TwirpDeps) => Reply };
export type TwirpReply = { status: number; body: unknown };

class TwirpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const opts = { ignoreUnknownFields: true };
const admin = (grant: VideoGrant) => Boolean(grant.roomAdmin || grant.roomCreate);

function roomNamed(deps: TwirpDeps, name: string): Room {
  const room = deps.rooms.get(name);
  if (!room) throw new TwirpError(404, 'not_found', `room ${name} does not exist`);
  return room;
}

const routes: Record<string, Route> = {
  'livekit.RoomService/CreateRoom': {
    allowed: (g) => Boolean(g.roomCreate),
    run: (body, deps) => {
      const req = CreateRoomRequest.fromJson(body, opts);
      const room = deps.openRoom({
        name: req.name,
        emptyTimeout: req.emptyTimeout,
        maxParticipants: req.maxParticipants,
        metadata: req.metadata,
      });
      for (const agent of req.agents)
        deps.agents.create(new CreateAgentDispatchRequest({ ...agent, room: req.name }), room);
      return room.info();
    },
  },
  'livekit.RoomService/ListRooms': {
    allowed: (g) => Boolean(g.roomList),
    run: (body, deps) => {
      const { names } = ListRoomsRequest.fromJson(body, opts);
      const rooms = [...deps.rooms.values()].filter((r) => names.length === 0 || names.includes(r.name));
      return new ListRoomsResponse({ rooms: rooms.map((r) => r.info()) });
    },
  },
  'livekit.RoomService/DeleteRoom': {
    allowed: (g) => Boolean(g.roomCreate),
    run: (body, deps) => {
      const room = roomNamed(deps, DeleteRoomRequest.fromJson(body, opts).room);
      room.close(DisconnectReason.ROOM_DELETED);
      deps.agents.roomClosed(room.name);
      deps.rooms.delete(room.name);
      return new DeleteRoomResponse();
    },
  },
  'livekit.RoomService/ListParticipants': {
    allowed: admin,
    run: (body, deps) => {
      const room = roomNamed(deps, ListParticipantsRequest.fromJson(body, opts).room);
      return new ListParticipantsResponse({ participants: [...room.participants.values()].map((p) => p.info()) });
    },
  },
  'livekit.RoomService/RemoveParticipant': {
    allowed: admin,
    run: (body, deps) => {
      const req = RoomParticipantIdentity.fromJson(body, opts);
      const p = roomNamed(deps, req.room).participants.get(req.identity);
      if (!p) throw new TwirpError(404, 'not_found', `participant ${req.identity} is not in ${req.room}`);
      roomNamed(deps, req.room).remove(p, DisconnectReason.PARTICIPANT_REMOVED);
      return new RemoveParticipantResponse();
    },
  },
  'livekit.AgentDispatchService/CreateDispatch': {
    allowed: admin,
    run: (body, deps) => {
      const req = CreateAgentDispatchRequest.fromJson(body, opts);
      // As in LiveKit, dispatching to a room that does not exist yet creates it.
      const room = deps.rooms.get(req.room) ?? deps.openRoom({ name: req.room });
      return deps.agents.create(req, room);
    },
  },
  'livekit.AgentDispatchService/ListDispatch': {
    allowed: admin,
    run: (body, deps) => {
      const req = ListAgentDispatchRequest.fromJson(body, opts);
      return new ListAgentDispatchResponse({ agentDispatches: deps.agents.list(req.room, req.dispatchId) });
    },
  },
  'livekit.AgentDispatchService/DeleteDispatch': {
    allowed: admin,
    run: (body, deps) => {
      const req = DeleteAgentDispatchRequest.fromJson(body, opts);
      const dispatch = deps.agents.delete(req.room, req.dispatchId);
      if (!dispatch) throw new TwirpError(404, 'not_found', `dispatch ${req.dispatchId} not found`);
      return dispatch;
    },
  },
};

export async function handleTwirp(
  route: string,
  authorization: string | undefined,
  rawBody: string,
  deps: TwirpDeps,
): Promise<TwirpReply> {
  const handler = routes[route];
  try {
    if (!handler) throw new TwirpError(404, 'bad_route', `no handler for ${route} in the LiveKit test double`);
    await deps.auth.verifyApi(authorization, handler.allowed);
    const body = JSON.parse(rawBody || '{}') as Json;
    return { status: 200, body: (await handler.run(body, deps)).toJson() };
  } catch (cause) {
    if (cause instanceof TwirpError) return { status: cause.status, body: { code: cause.code, msg: cause.message } };
    if (cause instanceof AuthError) return { status: 401, body: { code: 'unauthenticated', msg: cause.message } };
    return { status: 400, body: { code: 'malformed', msg: (cause as Error).message } };
  }
}
