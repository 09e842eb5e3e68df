// The recognition thread when Kefu runs from its TypeScript sources: a worker thread does not
// inherit the tsx loader its parent registered, so register it before loading the worker.
import { register } from 'tsx/esm/api';

register();
await import('./recognizer-worker.ts');
