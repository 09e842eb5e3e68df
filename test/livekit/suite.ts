/**
 * Shared set-up for LiveKit e2e test files. They run only under vitest.e2e.config.ts (which sets
 * KEFU_LIVEKIT_E2E), so the plain unit run skips them instead of failing outside the namespace.
 */
import { randomUUID } from 'node:crypto';
import { dispose } from '@livekit/rtc-node';
import { afterAll, beforeAll } from 'vitest';
import { prioritizeProcess } from '../../agent/priority.js';
import { PHONES_NICE } from './test-participant.js';
import { liveKitTarget, type LiveKitTarget } from './test-server.js';

export const liveKitE2e = process.env.KEFU_LIVEKIT_E2E === '1';

/** Starts the target for the file and returns a getter; disposes rtc-node when the file ends. */
export function useLiveKit(): () => LiveKitTarget {
  let target: LiveKitTarget | undefined;
  beforeAll(async () => {
    // This process plays the phones and the media server, which on a real call run on other
    // machines: on a saturated test host they must not be what starves (late frames are
    // concealed by WebRTC and misheard), so they run ahead of other work where permitted. Their
    // session's share is raised only when run-e2e.sh made the session for the tier (decision 0310).
    prioritizeProcess(PHONES_NICE, { session: process.env.KEFU_E2E_OWN_SESSION === '1' ? true : undefined });
    target = await liveKitTarget();
  });
  afterAll(async () => {
    await target?.close();
    await dispose();
  });
  return () => {
    if (!target) throw new Error('LiveKit target not started');
    return target;
  };
}

/** Room names unique per run, so tests against a shared real server never meet. */
export function roomName(purpose: string): string {
  return `kefu-test-${purpose}-${randomUUID().slice(0, 8)}`;
}
