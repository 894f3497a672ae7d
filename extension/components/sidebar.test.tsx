import { describe, expect, it } from 'vitest';
import { act } from 'react';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NormalizedMessageInput, Touchpoint } from '@followthrough/shared/model';
import type { ThreadSummaryResponse } from '@followthrough/shared/contract';
import { loadFixture } from '../hosts/fixture-loader';
import { createGmailHost } from '../hosts/gmail/gmail-host';
import { createOutlookHost } from '../hosts/outlook/outlook-host';
import { DEFAULT_SETTINGS } from '../utils/settings';
import type { LocalState } from '../utils/storage';
import { inProcessEngine } from '../utils/in-process-engine';
import { EngineUnreachableError } from '../utils/remote-engine';
import { reactTestRoot } from './react-test-root';
import { Sidebar, type SidebarDeps } from './sidebar';

const gmailDir = join(dirname(fileURLToPath(import.meta.url)), '../hosts/gmail/fixtures');
const outlookDir = join(dirname(fileURLToPath(import.meta.url)), '../hosts/outlook/fixtures');
const NOW = new Date('2026-11-16T10:00:00Z');
const settings = { ...DEFAULT_SETTINGS, timeZone: 'UTC' };
const emptyLocal: LocalState = { verdicts: {}, touchpoints: [] };

const react = reactTestRoot();

function recordingDeps() {
  const calls = { touchpoints: [] as Touchpoint[], verdicts: [] as { promiseId: string; status: string }[], fetches: 0 };
  const deps: SidebarDeps = {
    fetchSummary: async () => {
      calls.fetches += 1;
      return { status: 'local-only' };
    },
    pushMessages: async () => undefined,
    logTouchpoint: async (touchpoint) => {
      calls.touchpoints.push(touchpoint);
    },
    setVerdict: async (promiseId, verdict) => {
      calls.verdicts.push({ promiseId, status: verdict.status });
    },
    fetchReport: async () => ({ status: 'local-only' }),
    insertIntoReply: () => false,
    copyText: async () => true,
    layoutReport: () => '',
    newId: () => '7c9e6679-7425-40de-944b-e07fc1f90ae7',
    engine: inProcessEngine(),
  };
  return { deps, calls };
}

async function renderFixture(name: string, deps: SidebarDeps, local: LocalState = emptyLocal, withSettings = settings) {
  const { doc, url } = loadFixture(gmailDir, name);
  const read = createGmailHost().readThread(doc, url);
  return react.mount(<Sidebar read={read} hostLabel="Gmail" dark={false} settings={withSettings} local={local} deps={deps} now={NOW} />);
}

/** Types into a textarea or input the way React sees it. */
async function type(el: HTMLTextAreaElement | HTMLInputElement, value: string) {
  await act(async () => {
    const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function click(el: Element, testId: string) {
  await act(async () => {
    el.querySelector<HTMLButtonElement>(`[data-testid="${testId}"]`)!.click();
  });
}

const text = (el: Element, testId: string) => el.querySelector(`[data-testid="${testId}"]`)?.textContent ?? null;

describe('sidebar on a Gmail thread, local-only', () => {
  it('shows who started the thread, both reply times, what is awaited and the promise made', async () => {
    const { deps, calls } = recordingDeps();
    const el = await renderFixture('2026-11-thread-conversation.html', deps);
    const sidebar = el.querySelector('[data-testid="ft-sidebar"]')!;
    expect(sidebar.getAttribute('data-state')).toBe('ready');
    expect(sidebar.getAttribute('data-source')).toBe('local');
    expect(text(el, 'ft-client')).toBe('northwind-logistics.example');
    expect(text(el, 'ft-initiator')).toBe('The client started this thread.');
    expect(text(el, 'ft-awaiting')).toMatch(/^The client is waiting for our reply since/);
    expect(el.querySelector('[data-testid="ft-lag-ours"]')!.textContent).not.toContain('no replies yet');
    expect(el.querySelector('[data-testid="ft-lag-theirs"]')).not.toBeNull();
    const promises = Array.from(el.querySelectorAll('[data-testid="ft-promise"]'));
    expect(promises.map((p) => p.querySelector('.ft-promise-text')!.textContent)).toContainEqual(
      expect.stringContaining("I'll send the revised rollout plan by Thursday"),
    );
    expect(text(el, 'ft-partial')).toContain('2 collapsed messages');
    // No server configured: nothing was asked of the background.
    expect(calls.fetches).toBe(0);
  });

  it('shows "loading" until the background answers, then the figures', async () => {
    const { deps } = recordingDeps();
    const engine = inProcessEngine();
    let answer: () => void = () => undefined;
    deps.engine = {
      ...engine,
      analyzeSnapshot: (...args) => new Promise((resolve) => (answer = () => resolve(engine.analyzeSnapshot(...args)))),
    };
    const painted: string[] = [];
    deps.onPainted = (what) => painted.push(what);
    const frame = () => act(async () => {
      await new Promise((resolve) => requestAnimationFrame(resolve));
    });
    const el = await renderFixture('2026-11-thread-conversation.html', deps);
    const sidebar = el.querySelector('[data-testid="ft-sidebar"]')!;
    expect(sidebar.getAttribute('data-state')).toBe('loading');
    expect(el.querySelector('[data-testid="ft-initiator"]')).toBeNull();
    // Meanwhile, the thread as read (as text), and the first paint is reported.
    expect(text(el, 'ft-basics')).toMatch(/^\d+ messages \(2 collapsed\); the last on .+ from .+\. Analysing…$/);
    await frame();
    expect(painted).toEqual(['first']);
    await act(async () => answer());
    expect(sidebar.getAttribute('data-state')).toBe('ready');
    expect(el.querySelector('[data-testid="ft-basics"]')).toBeNull();
    expect(text(el, 'ft-initiator')).toBe('The client started this thread.');
    await frame();
    expect(painted).toEqual(['first', 'figures']);
  });

  it('reports the first paint and the figures together when the answer comes before the first frame', async () => {
    const { deps } = recordingDeps();
    const painted: string[] = [];
    deps.onPainted = (what) => painted.push(what);
    await renderFixture('2026-11-thread-conversation.html', deps);
    await act(async () => {
      await new Promise((resolve) => requestAnimationFrame(resolve));
    });
    expect(painted).toEqual(['first', 'figures']);
  });

  it('says the thread could not be analysed when the background cannot be reached', async () => {
    const { deps } = recordingDeps();
    deps.engine = {
      ...inProcessEngine(),
      analyzeSnapshot: async () => {
        throw new EngineUnreachableError('Error: Could not establish connection. Receiving end does not exist.');
      },
    };
    const el = await renderFixture('2026-11-thread-conversation.html', deps);
    expect(el.querySelector('[data-testid="ft-sidebar"]')!.getAttribute('data-state')).toBe('failed');
    expect(el.textContent).toContain('This thread could not be analysed.');
  });

  it('tells the user to tell the client now when a promise slipped and the client is unhappy', async () => {
    const { deps } = recordingDeps();
    const el = await renderFixture('2026-11-thread-conversation.html', deps);
    expect(text(el, 'ft-bad-news-nudge')).toMatch(/^Tell them now\./);
  });

  it('logs a call with the note against the thread client', async () => {
    const { deps, calls } = recordingDeps();
    const el = await renderFixture('2026-11-thread-conversation.html', deps);
    const note = el.querySelector<HTMLTextAreaElement>('[data-testid="ft-touchpoint-note"]')!;
    await act(async () => {
      const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
      setter.call(note, 'Walked Dana through the new plan');
      note.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => {
      el.querySelector<HTMLButtonElement>('[data-testid="ft-log-call"]')!.click();
    });
    expect(calls.touchpoints).toHaveLength(1);
    expect(calls.touchpoints[0]).toMatchObject({
      counterpart: 'northwind-logistics.example',
      kind: 'call',
      summary: 'Walked Dana through the new plan',
      threadId: '1938c0a7d2b4e53d',
    });
    expect(text(el, 'ft-touchpoint-status')).toBe('Call logged.');
  });

  it("logs with the user's department, changes it in one click, logs an invoice, and a quarterly review with its SWOT", async () => {
    const { deps, calls } = recordingDeps();
    const el = await renderFixture('2026-11-thread-conversation.html', deps, emptyLocal, { ...settings, department: 'delivery' });
    const chips = el.querySelector('[data-testid="ft-touchpoint-departments"]')!;
    expect(chips.getAttribute('data-department')).toBe('delivery');
    expect(el.querySelector('[data-testid="ft-department-delivery"]')!.getAttribute('aria-pressed')).toBe('true');
    await click(el, 'ft-log-call');
    expect(calls.touchpoints.at(-1)).toMatchObject({ kind: 'call', department: 'delivery' });
    expect(text(el, 'ft-touchpoint-status')).toBe('Call logged (Delivery).');
    // One click: the next touchpoints are finance's.
    await click(el, 'ft-department-finance');
    expect(chips.getAttribute('data-department')).toBe('finance');
    await type(el.querySelector<HTMLTextAreaElement>('[data-testid="ft-touchpoint-note"]')!, 'Invoice 2026-114 reissued');
    await click(el, 'ft-log-invoice');
    expect(calls.touchpoints.at(-1)).toMatchObject({ kind: 'invoice', department: 'finance', summary: 'Invoice 2026-114 reissued' });
    // The quarterly review: an empty SWOT is refused, a filled one logged as a review touchpoint.
    await click(el, 'ft-log-review');
    await click(el, 'ft-review-save');
    expect(el.querySelector('[data-testid="ft-review-form"] [role="alert"]')!.textContent).toBe('Write at least one part of the review.');
    await type(el.querySelector<HTMLTextAreaElement>('[data-testid="ft-review-strengths"]')!, 'Ops trust us');
    await type(el.querySelector<HTMLTextAreaElement>('[data-testid="ft-review-threats"]')!, 'Budget review in Q2');
    await click(el, 'ft-review-save');
    expect(calls.touchpoints).toHaveLength(3);
    expect(calls.touchpoints.at(-1)).toMatchObject({
      kind: 'review',
      department: 'finance',
      review: { strengths: 'Ops trust us', weaknesses: '', opportunities: '', threats: 'Budget review in Q2', risks: '' },
    });
    expect(el.querySelector('[data-testid="ft-review-form"]')).toBeNull();
    expect(text(el, 'ft-touchpoint-status')).toBe('Quarterly review logged (Finance).');
    // Clicking the pressed department again logs without one.
    await click(el, 'ft-department-finance');
    await click(el, 'ft-log-meeting');
    expect(calls.touchpoints.at(-1)!.department).toBeUndefined();
  });

  it("titles the local report draft with the client's name from its profile", async () => {
    const { deps } = recordingDeps();
    const profile = { name: 'Acme Logistics', cadenceDays: null, renewalDate: null, notes: null, initiationTargetPercent: null, reviewIntervalDays: null, feedbackIntervalDays: null };
    deps.client = {
      getProfile: async () => ({ status: 'ok', data: { profile, source: 'memory' } }),
      saveProfile: async () => ({ queued: false }),
      openClients: async () => undefined,
    };
    const el = await renderFixture('2026-11-thread-conversation.html', deps);
    await click(el, 'ft-report-open');
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(el.querySelector('[data-testid="ft-report-text"]')?.textContent).toMatch(/^Progress report: Acme Logistics, /);
  });

  it('marks a promise done and shows the verdict the background stored', async () => {
    const { deps, calls } = recordingDeps();
    const el = await renderFixture('2026-11-thread-conversation.html', deps);
    const item = el.querySelector('[data-testid="ft-promise"]')!;
    const id = item.getAttribute('data-promise-id')!;
    await act(async () => {
      item.querySelector<HTMLButtonElement>('[data-testid="ft-promise-done"]')!.click();
    });
    expect(calls.verdicts).toEqual([{ promiseId: id, status: 'done' }]);
    react.unmount();
    const local: LocalState = { verdicts: { [id]: { status: 'done', updatedAt: NOW.toISOString() } }, touchpoints: [] };
    const again = await renderFixture('2026-11-thread-conversation.html', deps, local);
    expect(again.querySelector(`[data-promise-id="${id}"]`)!.getAttribute('data-status')).toBe('done');
  });

  it('says the layout is not recognised and does not render figures', async () => {
    const { deps } = recordingDeps();
    const el = await renderFixture('2026-11-unrecognized-layout.html', deps);
    expect(el.querySelector('[data-testid="ft-unrecognized"] p')!.textContent).toBe("Followthrough doesn't recognise this Gmail layout yet.");
    expect(text(el, 'ft-missing-parts')).toBe('Not found on the page: the conversation subject.');
    expect(el.querySelector('[data-testid="ft-sidebar"]')!.getAttribute('data-state')).toBe('unrecognized');
    expect(el.querySelector('[data-testid="ft-panel-health-panel"]')).toBeNull();
  });

  it('renders hostile subject and sender markup as inert text', async () => {
    const { deps } = recordingDeps();
    const el = await renderFixture('2026-11-thread-hostile.html', deps);
    expect(el.querySelector('script, img, iframe, b')).toBeNull();
    expect(el.querySelector('[data-testid="ft-sidebar"]')!.getAttribute('data-state')).toBe('ready');
  });
});

describe('sidebar with a server', () => {
  const serverSettings = { ...settings, serverUrl: 'https://ft.ourco.example', token: 'ft_test' };

  async function renderWithServer(name: string, summary: ThreadSummaryResponse, client: 'gmail' | 'outlook' = 'gmail') {
    const { deps } = recordingDeps();
    const fetched: string[] = [];
    const pushed: NormalizedMessageInput[] = [];
    deps.pushMessages = async (messages) => {
      pushed.push(...messages);
    };
    deps.fetchSummary = async (threadId) => {
      fetched.push(threadId);
      return { status: 'ok', data: summary };
    };
    const { doc, url } = loadFixture(client === 'gmail' ? gmailDir : outlookDir, name);
    const read = (client === 'gmail' ? createGmailHost() : createOutlookHost()).readThread(doc, url);
    const container = await react.mount(<Sidebar read={read} hostLabel={client === 'gmail' ? 'Gmail' : 'Outlook'} dark={false} settings={serverSettings} local={emptyLocal} deps={deps} now={NOW} />);
    // The fetch and the push wait for the frame after the first paint, and the push's answer asks for
    // the summary again: let every frame and timer that chain schedules run.
    for (let round = 0; round < 6; round += 1) {
      await act(async () => {
        await new Promise((resolve) => setTimeout(resolve, 20));
      });
    }
    return { el: container, fetched, pushed };
  }

  const serverSummary = (threadId: string): ThreadSummaryResponse => ({
    threadId,
    subject: 'Leeds depot rollout plan',
    counterpart: 'northwind-logistics.example',
    messageCount: 7,
    initiatedBy: 'us',
    firstMessage: null,
    lastMessage: null,
    lags: { ours: { count: 0, medianMinutes: null, medianBusinessMinutes: null, p90Minutes: null, p90BusinessMinutes: null }, theirs: { count: 0, medianMinutes: null, medianBusinessMinutes: null, p90Minutes: null, p90BusinessMinutes: null }, samples: [] },
    awaiting: null,
    promises: [],
    otherOpenPromiseCount: 1,
    otherOpenPromises: [
      {
        id: 'p-other-1',
        messageId: 'm-other',
        threadId: 'another-thread',
        counterpart: 'northwind-logistics.example',
        text: 'We will share the Q1 capacity forecast by 1 December.',
        madeAt: '2026-11-02T10:00:00.000Z',
        dueAt: '2026-12-01T17:00:00.000Z',
        dueIsDefault: false,
        status: 'open',
        keptBy: null,
        verdict: null,
      },
    ],
    requests: [],
    risks: [],
    counterpartSummary: null,
    link: null,
  });

  it('shows the mailbox-wide view the server has for the thread', async () => {
    const { el, fetched, pushed } = await renderWithServer('2026-11-thread-conversation.html', serverSummary('1938c0a7d2b4e53d'));
    // The expanded messages went to the server, then the summary was asked for again to include them.
    expect(pushed.map((m) => m.id)).toEqual(['1938c0a7d2b4e541', '1938c0a7d2b4e542', '1938c0a7d2b4e543']);
    expect(fetched).toEqual(['1938c0a7d2b4e53d', '1938c0a7d2b4e53d']);
    expect(el.querySelector('[data-testid="ft-sidebar"]')!.getAttribute('data-source')).toBe('server');
    // The server says we started it (its older history), overriding the partial local view.
    expect(text(el, 'ft-initiator')).toBe('We started this thread.');
    expect(text(el, 'ft-promises-other')).toContain('Q1 capacity forecast');
  });

  it('pushes nothing from Outlook (made-up message ids) and shows a promise stored twice only once', async () => {
    const conversationId = 'AAQkADk3NGJjZmQ0LTRmNTMtNDk4OC05ZTY0LWNjYmU2OTQ3ZjVhOQAQAKr5lQ8yXQ1Ot3+qvH8s2Zk=';
    const promise = {
      id: 'p-synced',
      messageId: 'AAMkADk3NGJjZmQ0AAA=',
      threadId: conversationId,
      counterpart: 'fabrikam-foods.example',
      text: 'I will send you the rollback checklist by Wednesday.',
      madeAt: '2026-11-16T14:20:00.000Z',
      dueAt: '2026-11-18T17:00:00.000Z',
      dueIsDefault: false,
      status: 'overdue' as const,
      keptBy: null,
      verdict: null,
    };
    // What a server that already stored a copy under the reading pane's made-up id would answer.
    const withCopy = { ...serverSummary(conversationId), promises: [promise, { ...promise, id: 'p-copy', messageId: 'owa-5c1d2e3f4a5b6c7d' }] };
    const { el, fetched, pushed } = await renderWithServer('2026-11-conversation.html', withCopy, 'outlook');
    expect(pushed).toEqual([]);
    // Nothing pushed, so the summary was asked for once.
    expect(fetched).toEqual([conversationId]);
    expect(el.querySelector('[data-testid="ft-sidebar"]')!.getAttribute('data-source')).toBe('server');
    const shown = Array.from(el.querySelectorAll('[data-testid="ft-promises-thread"] [data-testid="ft-promise"]'));
    expect(shown.map((p) => p.getAttribute('data-promise-id'))).toEqual(['p-synced']);
  });

  it('lists a long thread\'s live promises first, soonest due first, five at a time', async () => {
    const threadId = '1938c0a7d2b4e53d';
    const base = serverSummary(threadId).otherOpenPromises[0]!;
    const day = (n: number) => new Date(Date.UTC(2026, 10, n, 17)).toISOString();
    // Made in this order; two are settled (kept, done), one overdue, the rest open with various due dates.
    const statuses = ['kept', 'open', 'open', 'done', 'open', 'overdue', 'open', 'open'] as const;
    const dues = [3, 28, 21, 5, 25, 17, 30, 24];
    const promises = statuses.map((status, index) => ({ ...base, id: `p-${index}`, threadId, text: `Promise number ${index}.`, madeAt: day(index + 1), dueAt: day(dues[index]!), status }));
    const { el } = await renderWithServer('2026-11-thread-conversation.html', { ...serverSummary(threadId), promises, otherOpenPromises: [] });
    const ids = () => Array.from(el.querySelectorAll('[data-testid="ft-promises-thread"] [data-testid="ft-promise"]')).map((p) => p.getAttribute('data-promise-id'));
    expect(ids()).toEqual(['p-5', 'p-2', 'p-7', 'p-4', 'p-1']);
    const more = el.querySelector<HTMLButtonElement>('[data-testid="ft-promises-thread-more"]')!;
    expect(more.textContent).toBe('Show 3 more');
    await act(async () => {
      more.click();
    });
    // Then the settled ones, the most recently made first.
    expect(ids()).toEqual(['p-5', 'p-2', 'p-7', 'p-4', 'p-1', 'p-6', 'p-3', 'p-0']);
    expect(el.querySelector('[data-testid="ft-promises-thread-more"]')).toBeNull();
  });

  it('on an unrecognised layout, still shows what the server knows, by the thread id from the URL', async () => {
    const { el, fetched, pushed } = await renderWithServer('2026-11-unrecognized-layout.html', serverSummary('FMfcgzQbfLxVHMNwqBzKhJqPZTvWrkDc'));
    expect(fetched).toEqual(['FMfcgzQbfLxVHMNwqBzKhJqPZTvWrkDc']);
    expect(pushed).toEqual([]);
    expect(el.querySelector('[data-testid="ft-unrecognized"] p')!.textContent).toBe("Followthrough doesn't recognise this Gmail layout yet: showing what the server knows about this thread.");
    expect(text(el, 'ft-promises-other')).toContain('Q1 capacity forecast');
  });
});
