/**
 * Decision 0795: a line's own judgment is recorded once in the call's state and read back by later
 * lines — the late flag of a split request (0715) and an obstruction stood by (0675) — never judged
 * again. With an LLM configured, judging a line again would ask the model again: here the model
 * (the real client against the local chat-completions double) is asked about each line once.
 * Every phrasing is our own.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { TranscriptLine } from '../../core/domain.js';
import { OpenAiChatClient } from '../llm/openai-chat.js';
import { completion } from '../llm/testing/chat-completions-double.js';
import { type HttpEndpointDouble, startHttpEndpointDouble } from '../llm/testing/http-endpoint-double.js';
import { ComplianceDetector } from './detector.js';
import { c, call, m } from './testing/calls.js';

let server: HttpEndpointDouble | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** What each request asked: adjudicate a flagged line, or recall on a line to check. */
const asked = (req: { body: unknown }) => {
  const user = (req.body as { messages: { role: string; content: string }[] }).messages.at(-1)!.content;
  const adjudicate = /Flagged line, said by the \w+:\n(.*)\n/.exec(user);
  const recall = /Line to check, said by the \w+:\n(.*)/.exec(user);
  return adjudicate ? `adjudicate ${adjudicate[1]}` : `recall ${recall?.[1]}`;
};

/** A detector whose model confirms every candidate and proposes nothing of its own. */
async function confirmingDetector() {
  server = await startHttpEndpointDouble({
    '/chat/completions': (req) => {
      const answer = asked(req).startsWith('adjudicate')
        ? { verdict: 'violation', confidence: 0.9, reason: 'as the rule says' }
        : { violations: [] };
      return { body: completion('qwen2.5-7b', JSON.stringify(answer)) };
    },
  });
  const llm = new OpenAiChatClient({ apiKey: 'k-test', baseURL: server.baseURL, model: 'qwen2.5-7b' });
  // A generous budget: a loaded machine must not turn a slow answer into a different result.
  return new ComplianceDetector({ llm, llmBudgetMs: 20_000 });
}

const lines = call(
  c('到货了 还挺好'),
  m('亲 有空帮忙点个五星好评呀'),
  m('评好截图给小妹 返您4元红包哦'),
  c('屏幕坏了 我要退款'),
  m('退可以 要扣百分之三十手续费'),
  c('坏的还要扣钱？'),
  m('流程就是这样的 不满意您去投诉'),
);

/** The split request (both halves) and the obstruction with the line standing by it. */
const FLAGGED = [
  [1, 'review_manipulation'],
  [2, 'review_manipulation'],
  [4, 'refund_obstruction'],
  [6, 'refund_obstruction'],
];

function askedOnce(requests: readonly { body: unknown }[]) {
  const seen = requests.map(asked);
  // Recall once on every line; adjudication once on every line a rule flagged on its own.
  expect(seen.filter((s) => s.startsWith('recall')).sort()).toEqual(lines.map((l) => `recall ${l.text}`).sort());
  expect(new Set(seen).size).toBe(seen.length);
}

describe('a call judged line by line, its earlier judgments carried (with an LLM)', () => {
  it('asks the model about each line once in batch, with a split request and a stand', async () => {
    const detector = await confirmingDetector();
    const flags = await detector.detect(lines);
    expect(flags.map((f) => [f.utterance, f.category])).toEqual(FLAGGED);
    askedOnce(server!.requests);
  }, 60_000);

  it('asks it about each line once live, the call’s lines growing as they are heard', async () => {
    const detector = await confirmingDetector();
    const heard: TranscriptLine[] = [];
    const flags = [];
    for (const line of lines) {
      heard.push(line);
      flags.push(...(await detector.detectUtterance(heard, heard.length - 1)));
    }
    expect(flags.map((f) => [f.utterance, f.category]).sort()).toEqual(FLAGGED);
    askedOnce(server!.requests);
  }, 60_000);
});
