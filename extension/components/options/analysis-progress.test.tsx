import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act } from 'react';
import { fakeBrowser } from 'wxt/testing';
import type { AnalysisStatus } from '@followthrough/shared/contract';
import { onMessage } from '../../utils/messaging';
import { installCallbackRuntime } from '../../utils/test-runtime-shim';
import { reactTestRoot } from '../react-test-root';
import { AnalysisProgress } from './analysis-progress';

const react = reactTestRoot();
let remove: (() => void) | null = null;
let container: HTMLElement | null = null;
beforeEach(() => {
  fakeBrowser.reset();
  installCallbackRuntime();
});
afterEach(() => {
  remove?.();
});

const settle = () => act(async () => void (await new Promise((resolve) => setTimeout(resolve, 20))));
const state = () => container!.querySelector('[data-testid="ft-options-analysis"]')?.getAttribute('data-state') ?? null;
const status = (s: AnalysisStatus['state']): AnalysisStatus => ({ state: s, done: 0, total: 0, requestedAt: null, finishedAt: null, error: null });

describe('the analysis progress line in the options', () => {
  it('after a save, shows nothing until the server answers about the new settings (not the last "up to date")', async () => {
    let answer: (() => void) | null = null;
    let next: AnalysisStatus = status('current');
    let held = false;
    remove = onMessage('getAnalysisStatus', () =>
      held ? new Promise((resolve) => (answer = () => resolve({ status: 'ok', data: next }))) : { status: 'ok', data: next },
    );
    container = await react.mount(<AnalysisProgress watch={0} />);
    await settle();
    expect(state()).toBe('current');

    // A save: the server has a re-derivation pending, and its answer is on the way.
    held = true;
    next = status('pending');
    await react.rerender(<AnalysisProgress watch={1} />);
    await settle();
    expect(state()).toBeNull();
    await act(async () => answer!());
    await settle();
    expect(state()).toBe('pending');
  });
});
