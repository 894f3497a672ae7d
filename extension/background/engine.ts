import { analyzeSnapshot, localReport, rememberedFacts } from '../utils/local-analysis';
import type { EngineAnswer, EngineRequests, EngineResults } from '../utils/remote-engine';
import { WARM_UP_LOCAL, WARM_UP_SETTINGS, createWarmUpSnapshot } from '../utils/warm-up-thread';

/**
 * The shared engine for the content scripts' sidebars: they send the thread snapshot they read, the
 * background runs the engine on it and answers (utils/remote-engine.ts is the other end). Nothing here
 * keeps the snapshot: local-only memory keeps only the facts the sidebar asks it to remember.
 */

function answer<T>(run: () => T): EngineAnswer<T> {
  try {
    return { ok: true, value: run() };
  } catch (error) {
    // The error's name only: an engine error's message could quote the mail.
    return { ok: false, error: error instanceof Error ? error.name : typeof error };
  }
}

export function engineAnalyze(data: EngineRequests['analyzeSnapshot']): EngineAnswer<EngineResults['analyzeSnapshot']> {
  return answer(() => analyzeSnapshot(data.snapshot, data.settings, data.local, new Date(data.now)));
}

export function engineReport(data: EngineRequests['localReport']): EngineAnswer<EngineResults['localReport']> {
  return answer(() => localReport(data.snapshot, data.settings, data.local, data.counterpart, new Date(data.now), data.name));
}

export function engineRememberedFacts(data: EngineRequests['rememberedFacts']): EngineAnswer<EngineResults['rememberedFacts']> {
  return answer(() => rememberedFacts(data.snapshot, data.settings));
}

let started = false;

/**
 * A mail tab expects a thread to be opened soon (or keeps the background running while the user is in
 * it): run the engine on a made-up two-message thread (~1 ms once compiled). The first run after the
 * background started compiles the rules (several times a warm run's cost), which this moves before the
 * real request; later runs keep the rules' code from being flushed as unused. `warmed` says whether this
 * was the first run since the background started.
 */
export function warmEngine(): { warmed: boolean } {
  const first = !started;
  started = true;
  const now = new Date();
  analyzeSnapshot(createWarmUpSnapshot(now), WARM_UP_SETTINGS, WARM_UP_LOCAL, now);
  return { warmed: first };
}
