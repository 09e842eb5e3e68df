import type { Sql } from '../../../db/client.js';
import { createSessionFor } from '../../../pipelines/auth/sessions.js';
import { makeUser } from '../../../pipelines/moderation/testing/fixtures.js';
import { clientFor } from '../api/test-client.js';
import type { createApp } from '../app.js';

type App = ReturnType<typeof createApp>;

/** An SSE response read as text as it arrives, for the adversarial tests. */
export class SseReader {
  text = '';
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private done = false;

  constructor(res: Response) {
    this.reader = res.body!.getReader();
  }

  /** Reads until `needle` has arrived, the stream ends, or `ms` pass; returns whether it arrived. */
  async until(needle: string, ms = 5_000): Promise<boolean> {
    const deadline = Date.now() + ms;
    const decoder = new TextDecoder();
    while (!this.text.includes(needle) && !this.done && Date.now() < deadline) {
      const next = await Promise.race([
        this.reader.read(),
        new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), deadline - Date.now())),
      ]);
      if (next === 'timeout') break;
      if (next.done) this.done = true;
      else this.text += decoder.decode(next.value, { stream: true });
    }
    return this.text.includes(needle);
  }

  get ended(): boolean {
    return this.done;
  }

  async cancel(): Promise<void> {
    await this.reader.cancel().catch(() => undefined);
  }
}

/** A user of `role` with a fresh session and an API client speaking as them. */
export async function signedInUser(app: App, sql: Sql, role: Parameters<typeof makeUser>[1], merchantId?: string) {
  const user = await makeUser(sql, role, merchantId ?? null);
  const session = await createSessionFor(sql, user.id);
  return { user, session, client: clientFor(app, session) };
}

export function openStream(app: App, session: { token: string }, query = '') {
  return app.request(`/api/calls/live${query}`, { headers: { cookie: `kefu_session=${session.token}` } });
}
