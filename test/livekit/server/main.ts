/**
 * Runs the test server in its own process (started by `startLiveKitTestServer`): its libwebrtc
 * (@roamhq/wrtc) then never shares a process with rtc-node's, and a crash in either is told apart.
 * Prints one ready line with the URL on stdout; logs go to stderr.
 */
import { LiveKitTestServer } from './index.js';

const [host = '10.77.0.1', port = '0', apiKey = 'devkey', apiSecret = 'secret'] = process.argv.slice(2);
const server = await LiveKitTestServer.start({
  host,
  port: Number(port),
  apiKey,
  apiSecret,
  log: (msg) => process.stderr.write(`[livekit-test-server] ${msg}\n`),
});
process.stdout.write(`LIVEKIT_TEST_SERVER_READY ${server.url}\n`);

const stop = (): void => {
  // Exit without waiting on libwebrtc's teardown, which can crash on the way out.
  void server.close().finally(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdin.on('end', stop); // the test process died: don't outlive it
process.stdin.resume();
