import { telemetry } from '@livekit/agents';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../core/config.js';
import { oneCall, quietLoopMonitor } from './worker.js';

describe('oneCall', () => {
  it('gives a call’s job process one recognition thread unless KEFU_STT_THREADS says otherwise', () => {
    expect(loadConfig({}).stt.threads).toBeUndefined();
    expect(oneCall(loadConfig({})).stt.threads).toBe(1);
    expect(oneCall(loadConfig({ KEFU_STT_THREADS: '3' })).stt.threads).toBe(3);
    expect(oneCall(loadConfig({ KEFU_STT_THREADS: '0' })).stt.threads).toBe(0);
    expect(oneCall(loadConfig({})).stt.engines).toEqual(loadConfig({}).stt.engines);
  });
});

describe('KEFU_BOT_EXECUTOR', () => {
  it('shares the worker process between calls with an external database, one job process each with the embedded one, and names a wrong value', () => {
    const external = { DATABASE_URL: 'postgres://kefu@127.0.0.1:5432/kefu' };
    expect(loadConfig(external).botExecutor).toBe('shared');
    expect(loadConfig({}).botExecutor).toBe('process');
    expect(loadConfig({ ...external, KEFU_BOT_EXECUTOR: '' }).botExecutor).toBe('shared');
    expect(loadConfig({ ...external, KEFU_BOT_EXECUTOR: 'process' }).botExecutor).toBe('process');
    expect(loadConfig({ KEFU_BOT_EXECUTOR: 'shared' }).botExecutor).toBe('shared');
    expect(() => loadConfig({ KEFU_BOT_EXECUTOR: 'threads' })).toThrow(/KEFU_BOT_EXECUTOR/);
  });
});

describe("agents' event-loop monitor", () => {
  const name = 'LIVEKIT_AGENTS_LOOP_BLOCK_WARN_MS';
  it('is off unless the operator set its variable, and agents reads 0 as off', () => {
    const unset: NodeJS.ProcessEnv = {};
    quietLoopMonitor(unset);
    expect(unset[name]).toBe('0');
    expect(telemetry.loopMonitor.LoopMonitorThresholds.fromEnv(unset)).toBeUndefined();
    const blank: NodeJS.ProcessEnv = { [name]: ' ' };
    quietLoopMonitor(blank);
    expect(blank[name]).toBe('0');
    const set: NodeJS.ProcessEnv = { [name]: '250' };
    quietLoopMonitor(set);
    expect(set[name]).toBe('250');
    expect(telemetry.loopMonitor.LoopMonitorThresholds.fromEnv(set)?.warn).toBe(250);
  });
});
