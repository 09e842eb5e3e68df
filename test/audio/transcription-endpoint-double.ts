/**
 * Test double at the network edge: a real HTTP server on 127.0.0.1 that speaks the
 * OpenAI-compatible `POST /v1/audio/transcriptions` (multipart upload), records every request
 * and answers as scripted. Used where no real endpoint (OpenAI, FunASR, faster-whisper) exists.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TranscriptionRequest {
  path: string;
  authorization: string | undefined;
  fields: Record<string, string>;
  file: { name: string; type: string; bytes: Buffer };
}

export type TranscriptionReply = { status?: number; body: unknown };

export interface TranscriptionEndpointDouble {
  /** Pass as the OpenAI client's baseURL. */
  baseURL: string;
  requests: TranscriptionRequest[];
  close(): Promise<void>;
}

export async function startTranscriptionEndpointDouble(
  reply: (request: TranscriptionRequest) => TranscriptionReply | Promise<TranscriptionReply>,
): Promise<TranscriptionEndpointDouble> {
  const requests: TranscriptionRequest[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    if (req.method !== 'POST' || req.url !== '/v1/audio/transcriptions') {
      return send(404, { error: { message: `no route ${req.method} ${req.url}` } });
    }
    const form = await new Request('http://double', {
      method: 'POST',
      headers: { 'content-type': req.headers['content-type'] ?? '' },
      body: Buffer.concat(chunks),
    }).formData();
    const fields: Record<string, string> = {};
    let file: TranscriptionRequest['file'] | undefined;
    for (const [key, value] of form) {
      if (typeof value === 'string') fields[key] = value;
      else file = { name: value.name, type: value.type, bytes: Buffer.from(await value.arrayBuffer()) };
    }
    if (!file) return send(400, { error: { message: 'file is required' } });
    const request = { path: req.url, authorization: req.headers.authorization, fields, file };
    requests.push(request);
    const { status = 200, body } = await reply(request);
    send(status, body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
