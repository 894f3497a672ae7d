import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from './settings';
import { analyzeSnapshot } from './local-analysis';
import { inProcessEngine } from './in-process-engine';
import type { SidebarEngine } from './remote-engine';
import { createWarmUpSnapshot, warmUp } from './warm-up';

const NOW = new Date('2026-11-16T10:00:00Z');

/** Lets the idle slots (timers in happy-dom, which has no requestIdleCallback) and React's tasks run. */
const tasks = async (count: number) => {
  for (let i = 0; i < count; i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
};

describe('warm-up', () => {
  it('runs the engine through a reply and a promise, so its first real run is not its first run', () => {
    const analysis = analyzeSnapshot(createWarmUpSnapshot(NOW), { ...DEFAULT_SETTINGS, addresses: ['we@warm-up.invalid'], timeZone: 'UTC' }, { verdicts: {}, touchpoints: [] }, NOW);
    if (analysis.kind !== 'ok') throw new Error(`expected an analysis, got ${analysis.kind}`);
    expect(analysis.summary.counterpart).toBe('warm-up-client.invalid');
    expect(analysis.summary.lags.ours.count).toBe(1);
    expect(analysis.summary.promises.map((p) => p.text)).toEqual([expect.stringContaining("I'll send it by Thursday")]);
  });

  it('asks the engine once, renders the sidebar off the page with its answer, and leaves nothing in the document', async () => {
    const errors: unknown[] = [];
    const before = document.body.innerHTML;
    const runs: string[] = [];
    const local = inProcessEngine();
    const engine: SidebarEngine = {
      ...local,
      analyzeSnapshot: async (...args) => {
        const result = await local.analyzeSnapshot(...args);
        runs.push(result.kind);
        return result;
      },
    };
    warmUp(engine, (error) => errors.push(error));
    await tasks(6);
    expect(errors).toEqual([]);
    // Once, in the background's place; the detached sidebar renders that answer.
    expect(runs).toEqual(['ok']);
    expect(document.body.innerHTML).toBe(before);
  });

  it('reports a background that cannot be reached, and renders nothing', async () => {
    const errors: unknown[] = [];
    const engine: SidebarEngine = {
      ...inProcessEngine(),
      analyzeSnapshot: async () => {
        throw new Error('Could not establish connection. Receiving end does not exist.');
      },
    };
    warmUp(engine, (error) => errors.push(error));
    await tasks(4);
    expect(errors).toHaveLength(1);
  });
});
