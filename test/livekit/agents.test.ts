import { AvailabilityResponse, JobStatus } from '@livekit/protocol';
import { ParticipantKind } from '@livekit/rtc-node';
import { AgentDispatchClient } from 'livekit-server-sdk';
import { describe, expect, it } from 'vitest';
import { RawWorker } from './raw-worker.js';
import { liveKitE2e, roomName, useLiveKit } from './suite.js';
import { TestParticipant, waitFor } from './test-participant.js';
import { realServerFromEnv } from './test-server.js';

describe.skipIf(!liveKitE2e)('LiveKit agent dispatch against the test server', () => {
  const target = useLiveKit();
  const dispatches = () => new AgentDispatchClient(target().url, target().apiKey, target().apiSecret);
  const accept = (worker: RawWorker, jobId: string | undefined) =>
    worker.send({
      case: 'availability',
      value: new AvailabilityResponse({ jobId, available: true, participantIdentity: 'kefu-bot' }),
    });

  it('hands a dispatched job to a registered worker, whose token joins the room as an agent', async () => {
    const name = roomName('agent');
    const agentName = `kefu-copilot-${name}`;
    const { worker, workerId } = await RawWorker.register(target(), agentName);
    const merchant = await TestParticipant.join(target(), { identity: 'merchant', room: name });
    try {
      await dispatches().createDispatch(name, agentName, { metadata: 'm' });
      const { job } = await worker.next('availability');
      expect(job).toMatchObject({ agentName, metadata: 'm', room: { name } });
      accept(worker, job?.id);
      const assignment = await worker.next('assignment');
      expect(workerId).not.toBe('');

      const bot = await TestParticipant.joinWithToken(assignment.url || target().url, assignment.token);
      const seen = await waitFor(() => merchant.room.remoteParticipants.get('kefu-bot'), 5000, 'the agent joining');
      expect(seen.kind).toBe(ParticipantKind.AGENT);
      await bot.leave();
    } finally {
      worker.close();
      await merchant.leave();
    }
  });

  // How a real server recovers jobs is its own business; this pins down the double's behaviour.
  it.skipIf(realServerFromEnv() !== undefined)(
    'offers a running job, resuming, to another worker when its worker dies',
    async () => {
      const name = roomName('resume');
      const agentName = `kefu-copilot-${name}`;
      const first = await RawWorker.register(target(), agentName);
      const second = await RawWorker.register(target(), agentName);
      try {
        await dispatches().createDispatch(name, agentName);
        const offered = await first.worker.next('availability');
        accept(first.worker, offered.job?.id);
        await first.worker.next('assignment');

        first.worker.close();
        const resumed = await second.worker.next('availability');
        expect(resumed).toMatchObject({ resuming: true, job: { id: offered.job?.id } });
        accept(second.worker, resumed.job?.id);
        await second.worker.next('assignment');
        const [dispatch] = await dispatches().listDispatch(name);
        expect(dispatch?.state?.jobs[0]?.state).toMatchObject({
          status: JobStatus.JS_RUNNING,
          workerId: second.workerId,
        });
      } finally {
        second.worker.close();
      }
    },
  );
});
