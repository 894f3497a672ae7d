import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from './settings';
import { analyzeSnapshot, localReport, rememberedFacts } from './local-analysis';
import { createWarmUpSnapshot, warmUp } from './warm-up';

const NOW = new Date('2026-11-16T10:00:00Z');

describe('warm-up', () => {
  it('runs the engine through a reply and a promise, so its first real run is not its first run', () => {
    const analysis = analyzeSnapshot(createWarmUpSnapshot(NOW), { ...DEFAULT_SETTINGS, addresses: ['we@warm-up.invalid'], timeZone: 'UTC' }, { verdicts: {}, touchpoints: [] }, NOW);
    if (analysis.kind !== 'ok') throw new Error(`expected an analysis, got ${analysis.kind}`);
    expect(analysis.summary.counterpart).toBe('warm-up-client.invalid');
    expect(analysis.summary.lags.ours.count).toBe(1);
    expect(analysis.summary.promises.map((p) => p.text)).toEqual([expect.stringContaining("I'll send it by Thursday")]);
  });

  it('renders the sidebar off the page without errors and leaves nothing in the document', async () => {
    const errors: unknown[] = [];
    const before = document.body.innerHTML;
    const runs: string[] = [];
    const engine = {
      analyzeSnapshot: (...args: Parameters<typeof analyzeSnapshot>) => {
        const result = analyzeSnapshot(...args);
        runs.push(result.kind);
        return result;
      },
      localReport,
      rememberedFacts,
    };
    warmUp(engine, (error) => errors.push(error));
    // Two idle slots (happy-dom has no requestIdleCallback: each is a timer).
    await new Promise((resolve) => setTimeout(resolve, 50));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(errors).toEqual([]);
    // Once on its own, once inside the sidebar's render.
    expect(runs).toEqual(['ok', 'ok']);
    expect(document.body.innerHTML).toBe(before);
  });
});
