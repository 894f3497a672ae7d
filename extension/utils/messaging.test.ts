import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { onMessage, sendMessage } from './messaging';
import { installCallbackRuntime } from './test-runtime-shim';

beforeEach(() => {
  fakeBrowser.reset();
  installCallbackRuntime();
});

describe('extension messaging protocol', () => {
  it('carries a typed request to the background handler and its answer back', async () => {
    const remove = onMessage('getThreadSummary', ({ data }) => ({ status: 'error' as const, message: `no server for ${data.threadId}` }));
    const answer = await sendMessage('getThreadSummary', { threadId: '1938c0a7d2b4e53d' });
    remove();
    expect(answer).toEqual({ status: 'error', message: 'no server for 1938c0a7d2b4e53d' });
  });

  it('delivers a touchpoint intact, note included', async () => {
    const got: unknown[] = [];
    const remove = onMessage('logTouchpoint', ({ data }) => {
      got.push(data.touchpoint);
      return { queued: true as const, pending: 1 };
    });
    const touchpoint = {
      id: '3f0c6a4e-2b1d-4c8e-9f7a-5d6e7f8a9b0c',
      counterpart: 'northwind-logistics.example',
      kind: 'note' as const,
      at: '2026-11-16T10:30:00.000Z',
      summary: 'Dana asked for weekly updates until go-live',
    };
    expect(await sendMessage('logTouchpoint', { touchpoint })).toEqual({ queued: true, pending: 1 });
    remove();
    expect(got).toEqual([touchpoint]);
  });

  it('turns a failing handler into a rejected promise for the caller (the sidebar shows it)', async () => {
    const remove = onMessage('getQueueStatus', () => {
      throw new Error('storage unavailable');
    });
    await expect(sendMessage('getQueueStatus', undefined)).rejects.toThrow('storage unavailable');
    remove();
  });
});
