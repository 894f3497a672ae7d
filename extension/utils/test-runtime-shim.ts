import { fakeBrowser } from 'wxt/testing';

/**
 * @webext-core/messaging calls the callback-style chrome.runtime API; WXT's fake browser is the
 * promise-style one. This adapter is the only glue: both ends below are the real library.
 */
export function installCallbackRuntime(): void {
  const listeners = new Map<unknown, (message: unknown, sender: unknown) => Promise<unknown>>();
  const runtime = {
    lastError: undefined as { message: string } | undefined,
    sendMessage: (message: unknown, callback: (response: unknown) => void) => {
      fakeBrowser.runtime.sendMessage(message).then(callback, (error: unknown) => {
        // As Chromium reports a message nobody received: runtime.lastError, set while the callback runs.
        runtime.lastError = { message: error instanceof Error ? error.message : String(error) };
        try {
          callback(undefined);
        } finally {
          runtime.lastError = undefined;
        }
      });
    },
    onMessage: {
      addListener(listener: (message: unknown, sender: unknown, respond: (r: unknown) => void) => boolean) {
        const wrapped = (message: unknown, sender: unknown) =>
          new Promise<unknown>((resolve) => {
            if (!listener(message, sender, resolve)) resolve(undefined);
          });
        listeners.set(listener, wrapped);
        fakeBrowser.runtime.onMessage.addListener(wrapped);
      },
      removeListener(listener: unknown) {
        const wrapped = listeners.get(listener);
        if (wrapped) fakeBrowser.runtime.onMessage.removeListener(wrapped);
      },
    },
  };
  (globalThis as { chrome?: unknown }).chrome = { runtime };
}
