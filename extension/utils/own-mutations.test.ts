import { afterEach, describe, expect, it } from 'vitest';
import { isOwnMutation } from './own-mutations';

const TAG = 'followthrough-sidebar';

/** The records a real MutationObserver reports for `change`, observing the body like the content script. */
async function recordsOf(change: () => void): Promise<MutationRecord[]> {
  const records: MutationRecord[] = [];
  const observer = new MutationObserver((batch) => records.push(...batch));
  observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['class', 'data-legacy-thread-id'] });
  change();
  await new Promise((resolve) => setTimeout(resolve, 0));
  records.push(...observer.takeRecords());
  observer.disconnect();
  return records;
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('isOwnMutation', () => {
  it('counts mounting, restyling and removing the sidebar host as our own changes', async () => {
    const host = document.createElement(TAG);
    const mounted = await recordsOf(() => document.body.append(host));
    const restyled = await recordsOf(() => host.setAttribute('class', 'ft-dark'));
    const removed = await recordsOf(() => host.remove());
    for (const records of [mounted, restyled, removed]) {
      expect(records.length).toBeGreaterThan(0);
      expect(records.every((record) => isOwnMutation(record, TAG))).toBe(true);
    }
  });

  it('counts the client changing its page as the client\'s, even in the same batch as ours', async () => {
    const main = document.createElement('div');
    document.body.append(main);
    const thread = await recordsOf(() => {
      main.replaceChildren(...Array.from({ length: 3 }, () => document.createElement('div')));
      document.body.append(document.createElement(TAG));
    });
    expect(thread.some((record) => isOwnMutation(record, TAG))).toBe(true);
    expect(thread.every((record) => isOwnMutation(record, TAG))).toBe(false);
    const subject = await recordsOf(() => main.setAttribute('data-legacy-thread-id', '19a4e0b1c2d3e100'));
    expect(subject.map((record) => isOwnMutation(record, TAG))).toEqual([false]);
    // A view swapped for one that happens to contain a sidebar-named element is still the client's.
    const mixed = await recordsOf(() => main.replaceChildren(document.createElement(TAG), document.createElement('table')));
    expect(mixed.every((record) => isOwnMutation(record, TAG))).toBe(false);
  });
});
