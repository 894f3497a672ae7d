import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { engineAnalyze, engineRememberedFacts, engineReport, warmEngine } from '../background/engine';
import { analyzeSnapshot } from './local-analysis';
import { onMessage, sendMessage } from './messaging';
import {
  EngineFailedError,
  EngineTimeoutError,
  EngineUnreachableError,
  createRemoteEngine,
  type EngineAnswer,
  type EngineRequestType,
  type EngineSend,
  type RemoteEngineOptions,
} from './remote-engine';
import { DEFAULT_SETTINGS } from './settings';
import type { LocalState } from './storage';
import { installCallbackRuntime } from './test-runtime-shim';
import { WARM_UP_ME, createWarmUpSnapshot } from './warm-up-thread';

const NOW = new Date('2026-11-16T10:00:00Z');
const settings = { ...DEFAULT_SETTINGS, addresses: [WARM_UP_ME], timeZone: 'UTC' };
const local: LocalState = { verdicts: {}, touchpoints: [] };
const snapshot = createWarmUpSnapshot(NOW);

/** Timers the test fires itself: no waiting on the clock, no timed assertions. */
function manualTimers(): Required<Pick<RemoteEngineOptions, 'setTimer' | 'clearTimer'>> & { fireAll(): void; pending(): number } {
  const timers = new Map<number, () => void>();
  let next = 0;
  return {
    setTimer: (callback) => {
      next += 1;
      timers.set(next, callback);
      return next;
    },
    clearTimer: (timer) => void timers.delete(timer as number),
    fireAll() {
      const due = [...timers.values()];
      timers.clear();
      for (const callback of due) callback();
    },
    pending: () => timers.size,
  };
}

/** Lets promise callbacks run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A background that answers each request with the engine, as background/engine.ts does. */
const answering: EngineSend = async (type, data) => {
  const handlers = { analyzeSnapshot: engineAnalyze, localReport: engineReport, rememberedFacts: engineRememberedFacts } as Record<EngineRequestType, (data: unknown) => unknown>;
  // Through JSON, as Chromium's runtime messaging carries it (no Date objects, no shared references).
  return JSON.parse(JSON.stringify(handlers[type](JSON.parse(JSON.stringify(data))))) as never;
};

describe('the engine over messaging (content script -> background)', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    installCallbackRuntime();
  });

  it('carries the snapshot to the background handler and the analysis back, the same as running it here', async () => {
    const remove = onMessage('analyzeSnapshot', ({ data }) => engineAnalyze(data));
    const engine = createRemoteEngine((type, data) => (sendMessage as unknown as EngineSend)(type, data));
    const remote = await engine.analyzeSnapshot(snapshot, settings, local, NOW);
    remove();
    expect(remote).toEqual(JSON.parse(JSON.stringify(analyzeSnapshot(snapshot, settings, local, NOW))));
    expect(remote.kind).toBe('ok');
  });

  it('answers the report and the facts to remember in the background too', async () => {
    const engine = createRemoteEngine(answering);
    const report = await engine.localReport(snapshot, settings, local, 'warm-up-client.invalid', NOW, 'Warm Up Ltd');
    expect(report?.text).toMatch(/^Progress report: Warm Up Ltd, /);
    const facts = await engine.rememberedFacts(snapshot, settings);
    expect(facts?.map((f) => f.id)).toEqual(['warm-1', 'warm-2']);
    // No body comes back: only the sentences the rules found.
    expect(facts?.some((f) => 'text' in f)).toBe(false);
    expect(facts?.[0]?.requests.map((r) => r.text)).toEqual([expect.stringContaining('could you send the plan by Friday?')]);
  });

  it('turns an error the engine threw into EngineFailedError with its name only, and does not retry it', async () => {
    let calls = 0;
    const engine = createRemoteEngine(async () => {
      calls += 1;
      return { ok: false, error: 'TypeError' };
    });
    const failure = engine.analyzeSnapshot(snapshot, settings, local, NOW);
    await expect(failure).rejects.toBeInstanceOf(EngineFailedError);
    await expect(failure).rejects.toThrow('TypeError');
    expect(calls).toBe(1);
  });

  it('the background handler answers an engine fault as a named error, never throwing mail text', () => {
    const answer = engineAnalyze({ snapshot: { ...snapshot, messages: null as never }, settings, local, now: NOW.toISOString() });
    expect(answer).toEqual({ ok: false, error: 'TypeError' });
  });

  it('retries once when the background could not be reached (a service worker restarting), then answers', async () => {
    let calls = 0;
    const engine = createRemoteEngine(async (type, data) => {
      calls += 1;
      if (calls === 1) throw new Error('Could not establish connection. Receiving end does not exist.');
      return answering(type, data);
    });
    const analysis = await engine.analyzeSnapshot(snapshot, settings, local, NOW);
    expect(analysis.kind).toBe('ok');
    expect(calls).toBe(2);
  });

  it('retries when the background stopped before answering (port closed, or no answer at all)', async () => {
    for (const dropped of [
      () => Promise.reject(new Error('A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received')),
      () => Promise.resolve(undefined as unknown as EngineAnswer<never>),
    ]) {
      let calls = 0;
      const engine = createRemoteEngine(async (type, data) => {
        calls += 1;
        return calls === 1 ? dropped() : answering(type, data);
      });
      expect((await engine.analyzeSnapshot(snapshot, settings, local, NOW)).kind).toBe('ok');
      expect(calls).toBe(2);
    }
  });

  it('gives up with EngineUnreachableError when every attempt fails', async () => {
    let calls = 0;
    const engine = createRemoteEngine(
      async () => {
        calls += 1;
        throw new Error('Could not establish connection. Receiving end does not exist.');
      },
      { retries: 2 },
    );
    await expect(engine.analyzeSnapshot(snapshot, settings, local, NOW)).rejects.toBeInstanceOf(EngineUnreachableError);
    expect(calls).toBe(3);
  });

  it('does not retry when the extension was reloaded under the page (its context is gone for good)', async () => {
    let calls = 0;
    const engine = createRemoteEngine(async () => {
      calls += 1;
      throw new Error('Extension context invalidated.');
    });
    await expect(engine.analyzeSnapshot(snapshot, settings, local, NOW)).rejects.toBeInstanceOf(EngineUnreachableError);
    expect(calls).toBe(1);
  });

  it('times an attempt out, asks again, and ignores the late answer of the first', async () => {
    const timers = manualTimers();
    const attempts: ((answer: EngineAnswer<never>) => void)[] = [];
    const engine = createRemoteEngine(() => new Promise((resolve) => attempts.push(resolve as (answer: EngineAnswer<never>) => void)), { ...timers, timeoutMs: 5000 });
    const result = engine.analyzeSnapshot(snapshot, settings, local, NOW);
    await settle();
    expect(attempts).toHaveLength(1);
    timers.fireAll();
    await settle();
    expect(attempts).toHaveLength(2);
    const analysis = analyzeSnapshot(snapshot, settings, local, NOW);
    attempts[1]!({ ok: true, value: analysis as never });
    // The first attempt's answer, arriving after its time was up, changes nothing.
    attempts[0]!({ ok: false, error: 'TypeError' });
    await expect(result).resolves.toEqual(analysis);
    expect(timers.pending()).toBe(0);
  });

  it('gives up with EngineTimeoutError when no attempt is answered in time', async () => {
    const timers = manualTimers();
    let calls = 0;
    const engine = createRemoteEngine(
      () => {
        calls += 1;
        return new Promise(() => undefined);
      },
      { ...timers, retries: 1 },
    );
    const result = engine.analyzeSnapshot(snapshot, settings, local, NOW);
    const outcome = result.catch((error: unknown) => error);
    await settle();
    timers.fireAll();
    await settle();
    timers.fireAll();
    expect(await outcome).toBeInstanceOf(EngineTimeoutError);
    expect(calls).toBe(2);
  });

  it('reaches a background that restarted: its handler gone, then registered again on wake', async () => {
    // Real messaging end to end: the first attempt finds no handler (the worker stopped); the background
    // registers again (the worker started) before the retry.
    let remove = onMessage('analyzeSnapshot', ({ data }) => engineAnalyze(data));
    remove();
    let restarted = false;
    const send: EngineSend = async (type, data) => {
      try {
        return await (sendMessage as unknown as EngineSend)(type, data);
      } catch (error) {
        if (!restarted) {
          restarted = true;
          remove = onMessage('analyzeSnapshot', ({ data: request }) => engineAnalyze(request));
        }
        throw error;
      }
    };
    const analysis = await createRemoteEngine(send).analyzeSnapshot(snapshot, settings, local, NOW);
    remove();
    expect(restarted).toBe(true);
    expect(analysis.kind).toBe('ok');
  });

  it('warms the engine on every ping and says only the first time since the background started', () => {
    expect(warmEngine()).toEqual({ warmed: true });
    expect(warmEngine()).toEqual({ warmed: false });
  });
});
