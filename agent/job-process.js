// What @livekit/agents imports in each forked job process. The fork does not inherit the tsx
// loader that bin/kefu.js registered in the worker, so register it before loading the agent.
import { register } from 'tsx/esm/api';

register();
const { default: agent } = await import('./worker.ts');
export default agent;
