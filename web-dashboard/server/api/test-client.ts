import type { Hono } from 'hono';
import type { Sql } from '../../../db/client.js';
import { createSessionFor } from '../../../pipelines/auth/sessions.js';
import { CSRF_HEADER, SESSION_COOKIE } from './session.js';

export interface ApiResponse {
  status: number;
  body: { ok: boolean; data?: any; error?: { code: string; message: string } };
  /** The body as decoded text (a UTF-8 byte-order mark is dropped, as every decoder does). */
  text: string;
  /** The body as sent, byte for byte. */
  bytes: Uint8Array;
}

/** In-process calls to the app as one signed-in user (or nobody), cookie and CSRF header included. */
export interface ApiClient {
  call(method: string, path: string, body?: unknown): Promise<ApiResponse>;
}

export function clientFor(app: Hono<any>, session?: { token: string; csrfToken: string }): ApiClient {
  return {
    async call(method, path, body) {
      const headers: Record<string, string> = {};
      if (session)
        Object.assign(headers, { cookie: `${SESSION_COOKIE}=${session.token}`, [CSRF_HEADER]: session.csrfToken });
      if (body !== undefined) headers['content-type'] = 'application/json';
      const res = await app.request(path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const bytes = new Uint8Array(await res.arrayBuffer());
      const text = new TextDecoder().decode(bytes);
      const json = res.headers.get('content-type')?.includes('json');
      return { status: res.status, body: text && json ? JSON.parse(text) : {}, text, bytes };
    },
  };
}

export async function signedInClient(app: Hono<any>, sql: Sql, userId: string): Promise<ApiClient> {
  return clientFor(app, await createSessionFor(sql, userId));
}
