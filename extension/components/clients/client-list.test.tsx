import { describe, expect, it } from 'vitest';
import { act } from 'react';
import type { CounterpartListItem } from '@followthrough/shared/contract';
import type { Remote } from '../../utils/messaging';
import { ClientList } from './client-list';
import type { ClientFilterId, ClientsData, ClientsPage } from './clients-data';
import { reactTestRoot } from '../react-test-root';

const react = reactTestRoot();

// Only what a row shows is filled in: the list reads nothing else of an item.
const item = (key: string, threads: number): CounterpartListItem =>
  ({
    key,
    name: null,
    threads,
    renewalDate: null,
    awaitingOurReplyCount: 0,
    promises: { open: 0, overdue: 0, kept: 0, keptLate: 0, possiblyKept: 0, done: 0, dismissed: 0, oldestOverdueDueAt: null },
    health: { score: 70, components: [] },
  }) as unknown as CounterpartListItem;

/** A server whose answers the test releases one by one, in any order. */
function slowServer() {
  const asked: { filter: ClientFilterId | 'all'; cursor: string | null; answer(page: ClientsPage): Promise<void> }[] = [];
  const data = {
    list: (q: { filter?: ClientFilterId; cursor?: string | null }) =>
      new Promise<Remote<ClientsPage>>((resolve) => {
        asked.push({ filter: q.filter ?? 'all', cursor: q.cursor ?? null, answer: (page) => act(async () => resolve({ status: 'ok', data: page })) });
      }),
  } as unknown as ClientsData;
  return { data, asked };
}

const page = (keys: string[], nextCursor: string | null = null, total = keys.length): ClientsPage => ({ counterparts: keys.map((k) => item(k, 2)), total, nextCursor, source: 'server' });

const render = (node: React.ReactNode) => react.mount(node);
const one = (el: Element, testId: string) => el.querySelector(`[data-testid="${testId}"]`)!;
const keys = (el: Element) => Array.from(el.querySelectorAll('[data-testid="ft-clients-row"]')).map((r) => r.getAttribute('data-key'));
const click = (el: Element) => act(async () => el.dispatchEvent(new MouseEvent('click', { bubbles: true })));

describe('the Clients list', () => {
  it("shows the filter chosen last, even when the first filter's page arrives after it", async () => {
    const { data, asked } = slowServer();
    const el = await render(<ClientList data={data} open={() => {}} />);
    await click(one(el, 'ft-clients-filter-overdue'));
    expect(asked.map((a) => a.filter)).toEqual(['all', 'overdue']);
    await asked[1]!.answer(page(['late.example']));
    await asked[0]!.answer(page(['a.example', 'b.example', 'c.example']));
    expect(keys(el)).toEqual(['late.example']);
    expect(one(el, 'ft-clients-list').getAttribute('data-state')).toBe('ready');
    expect(one(el, 'ft-clients-total').textContent).toBe('1 client (overdue promises), worst health first');
  });

  it('appends the next page, and drops a next page asked for under a filter left since', async () => {
    const { data, asked } = slowServer();
    const el = await render(<ClientList data={data} open={() => {}} />);
    await asked[0]!.answer(page(['a.example'], 'c1', 3));
    expect(one(el, 'ft-clients-more').textContent).toBe('Show more (2 left)');
    await click(one(el, 'ft-clients-more'));
    expect(asked[1]!.cursor).toBe('c1');
    await asked[1]!.answer(page(['b.example'], 'c2', 3));
    expect(keys(el)).toEqual(['a.example', 'b.example']);

    await click(one(el, 'ft-clients-more'));
    await click(one(el, 'ft-clients-filter-silent'));
    await asked[3]!.answer(page(['quiet.example']));
    await asked[2]!.answer(page(['c.example'], null, 3));
    expect(keys(el)).toEqual(['quiet.example']);
    expect(el.querySelector('[data-testid="ft-clients-more"]')).toBeNull();
  });

  it('counts one thread as one thread', async () => {
    const { data, asked } = slowServer();
    const el = await render(<ClientList data={data} open={() => {}} />);
    await asked[0]!.answer({ counterparts: [item('one.example', 1), item('two.example', 2)], total: 2, nextCursor: null, source: 'server' });
    const notes = Array.from(el.querySelectorAll('[data-testid="ft-clients-row"] .ft-client-row-head > .ft-note')).map((n) => n.textContent);
    expect(notes).toEqual(['1 thread', '2 threads']);
  });
});
