import { describe, expect, it } from 'vitest';
import type { LagStats, RiskSnippet } from '../model/analysis-document';
import type { PromiseRecord } from '../model/promise';
import { analysisSettingsSchema } from '../model/settings';
import { tallyAwaiting } from './awaiting';
import { describeBusinessMinutes } from './duration-words';
import { HEALTH_WEIGHTS, computeHealth, healthWithout, type HealthInput } from './health';
import { EMPTY_PROMISE_TALLY, tallyPromises } from './promise-status';

const settings = analysisSettingsSchema.parse({ me: ['anna@northwind.io'], timeZone: 'Europe/Berlin' });
const now = '2026-11-20T12:00:00.000Z';
const fastReplies: LagStats = { count: 12, medianMinutes: 75, medianBusinessMinutes: 60, p90Minutes: 300, p90BusinessMinutes: 180 };

function promise(status: PromiseRecord['status'], dueAt = '2026-11-10T16:00:00.000Z'): PromiseRecord {
  return { id: `${status}-${dueAt}`, messageId: 'm', threadId: 't', counterpart: 'acme.com', text: "I'll send the report.", madeAt: '2026-11-02T09:00:00.000Z', dueAt, dueIsDefault: false, status, keptBy: null };
}

const waiting = (...sinces: string[]) =>
  tallyAwaiting(sinces.map((since, i) => ({ threadId: `t${i}`, lastMessageId: `m${i}`, since })), now, settings);

const healthy: HealthInput = {
  initiated: { us: 9, them: 1 },
  ours: fastReplies,
  silence: { lastContactAt: '2026-11-18T10:00:00.000Z', daysSinceContact: 2.1, cadenceDays: 14, daysOverCadence: 0 },
  promises: tallyPromises([promise('kept'), promise('kept'), promise('done')]),
  awaitingOurReply: waiting(),
  risks: [],
  now,
  settings,
};

const component = (input: HealthInput, id: string) => computeHealth(input).components.find((c) => c.id === id)!;

describe('computeHealth', () => {
  it('uses base weights that sum to 100', () => {
    expect(Object.values(HEALTH_WEIGHTS).reduce((a, b) => a + b, 0)).toBe(100);
  });

  it('scores a well-kept relationship 100 and says why in plain words', () => {
    const health = computeHealth(healthy);
    expect(health.score).toBe(100);
    expect(health.components.map((c) => c.id)).toEqual(['initiation', 'responsiveness', 'silence', 'promises', 'awaiting', 'risk']);
    expect(health.components.reduce((s, c) => s + c.weight, 0)).toBeCloseTo(100, 5);
    expect(component(healthy, 'initiation').explanation).toBe('We started 9 of 10 conversations (90%), on target.');
    expect(component(healthy, 'responsiveness').explanation).toBe(
      'Our typical reply took 1 working hour, within our target of 4 working hours (12 replies; 9 in 10 within 3 working hours).',
    );
  });

  it("measures initiation against the client's target, else the user's, else 80%", () => {
    const sixOfTen = { ...healthy, initiated: { us: 6, them: 4 } };
    expect(component(sixOfTen, 'initiation')).toMatchObject({ target: 80, explanation: 'We started 6 of 10 conversations (60%), below the 80% target: reach out first more often.' });
    const userSixty = { ...sixOfTen, settings: { ...settings, initiationTarget: 0.6 } };
    expect(component(userSixty, 'initiation')).toMatchObject({ target: 60, contribution: component(healthy, 'initiation').contribution });
    expect(component(userSixty, 'initiation').explanation).toBe('We started 6 of 10 conversations (60%), on target.');
    // The client's own target wins over the user's.
    const clientFifty = { ...userSixty, initiationTarget: 0.5, initiated: { us: 4, them: 6 } };
    expect(component(clientFifty, 'initiation')).toMatchObject({ target: 50 });
    expect(component(clientFifty, 'initiation').explanation).toContain('below the 50% target');
    expect(computeHealth(clientFifty).score).toBeLessThan(computeHealth({ ...clientFifty, initiationTarget: 0.4 }).score);
  });

  it('rescales the weights when a component has nothing to measure', () => {
    const fresh = computeHealth({ ...healthy, promises: EMPTY_PROMISE_TALLY, silence: { ...healthy.silence, cadenceDays: null, daysOverCadence: null } });
    const silence = fresh.components.find((c) => c.id === 'silence')!;
    const promises = fresh.components.find((c) => c.id === 'promises')!;
    expect(silence).toMatchObject({ weight: 0, contribution: 0 });
    expect(silence.explanation).toMatch(/^Not counted: no contact cadence is agreed/);
    expect(promises.explanation).toBe('Not counted: no promises to them found yet.');
    // Initiation was 20 of 100; with 35 points not measurable it is 20 of 65.
    expect(fresh.components.find((c) => c.id === 'initiation')!.weight).toBeCloseTo(30.8, 1);
    expect(fresh.components.reduce((s, c) => s + c.weight, 0)).toBeCloseTo(100, 0);
    expect(fresh.score).toBe(100);
  });

  it('penalises a client we rarely approach, answer slowly, and leave waiting', () => {
    const neglected = computeHealth({
      ...healthy,
      initiated: { us: 2, them: 8 },
      ours: { count: 6, medianMinutes: 2900, medianBusinessMinutes: 960, p90Minutes: 5000, p90BusinessMinutes: 1900 },
      silence: { lastContactAt: '2026-10-30T10:00:00.000Z', daysSinceContact: 21.1, cadenceDays: 14, daysOverCadence: 7.1 },
      promises: tallyPromises([promise('kept'), promise('kept-late'), promise('overdue'), promise('overdue')]),
      awaitingOurReply: waiting('2026-11-16T09:00:00.000Z', '2026-11-20T09:00:00.000Z'),
    });
    expect(neglected.score).toBeLessThan(50);
    const byId = Object.fromEntries(neglected.components.map((c) => [c.id, c]));
    expect(byId.initiation?.explanation).toBe('We started 2 of 10 conversations (20%), below the 80% target: reach out first more often.');
    expect(byId.initiation?.contribution).toBe(5);
    expect(byId.responsiveness?.contribution).toBe(5);
    expect(byId.silence?.explanation).toBe('Last contact 21 days ago, 7 days past the agreed cadence of every 14 days.');
    expect(byId.promises?.explanation).toBe('We kept 1 of 4 promises on time (25%); 1 kept late; 2 overdue (the oldest by 10 days).');
    expect(byId.awaiting?.explanation).toBe('2 conversations wait for our reply, the longest for 4.4 working days (1 past our reply target of 4 working hours).');
  });

  it('lets a reply we owe within target cost nothing, and one past it cost points', () => {
    const fresh = component({ ...healthy, awaitingOurReply: waiting('2026-11-20T09:00:00.000Z') }, 'awaiting');
    expect(fresh.explanation).toBe('1 conversation waits for our reply, the longest for 3 working hours (still within our reply target).');
    expect(fresh.contribution).toBe(fresh.weight);
    const stale = component({ ...healthy, awaitingOurReply: waiting('2026-11-18T08:00:00.000Z') }, 'awaiting');
    expect(stale.explanation).toBe('1 conversation waits for our reply, the longest for 2.5 working days (past our reply target of 4 working hours).');
    expect(stale.contribution).toBeLessThan(stale.weight);
  });

  it('counts a wait past three times the target as a whole conversation lost, measured or counted', () => {
    // Two old waits (days) and one recent: the old ones are counted by the tally, not measured one by one.
    const tally = waiting('2026-10-01T09:00:00.000Z', '2026-11-02T09:00:00.000Z', '2026-11-20T09:00:00.000Z');
    expect(tally).toMatchObject({ count: 3, overTarget: 2, saturated: 2, recentSinces: ['2026-11-20T09:00:00.000Z'] });
    const measured = component({ ...healthy, awaitingOurReply: tally }, 'awaiting');
    // cost 2 of at most 2: the component is gone.
    expect(measured.contribution).toBe(0);
    expect(measured.explanation).toMatch(/^3 conversations wait for our reply, the longest for 36.3 working days \(2 past/);
  });

  it('leaves possibly-kept promises out of the keep rate until the user confirms them', () => {
    const unsure = component({ ...healthy, promises: tallyPromises([promise('kept'), promise('possibly-kept'), promise('overdue')]) }, 'promises');
    expect(unsure.explanation).toBe('We kept 1 of 2 promises on time (50%); 1 overdue (the oldest by 10 days); 1 promise possibly kept (confirm).');
  });

  it('weighs recent risks from them more, and a silence after a risk worse', () => {
    const risk = (at: string, side: 'us' | 'them' = 'them'): RiskSnippet => ({ kind: 'escalation', side, messageId: 'r', threadId: 't', text: 'I will have to escalate this to our CEO.', at });
    const contact = (at: string) => ({ ...healthy.silence, lastContactAt: at });
    const recent = component({ ...healthy, risks: [risk('2026-11-18T09:00:00.000Z')], silence: contact('2026-11-19T09:00:00.000Z') }, 'risk');
    const old = component({ ...healthy, risks: [risk('2026-09-01T09:00:00.000Z')], silence: contact('2026-11-19T09:00:00.000Z') }, 'risk');
    const ours = component({ ...healthy, risks: [risk('2026-11-18T09:00:00.000Z', 'us')], silence: contact('2026-11-19T09:00:00.000Z') }, 'risk');
    expect(recent.contribution).toBeLessThan(old.contribution);
    expect(recent.contribution).toBeLessThan(ours.contribution);
    const answered = component({ ...healthy, risks: [risk('2026-11-09T09:00:00.000Z')], silence: contact('2026-11-10T09:00:00.000Z') }, 'risk');
    const ignored = component({ ...healthy, risks: [risk('2026-11-09T09:00:00.000Z')], silence: contact('2026-11-09T09:00:00.000Z') }, 'risk');
    expect(ignored.contribution).toBeLessThan(answered.contribution);
    expect(ignored.explanation).toBe('1 risk signal in the last six months (1 from them); the latest was an escalation from them 11 days ago, and nobody has written since.');
  });

  it('leaves components out the way computeHealth does when one has nothing to measure', () => {
    const neglected = { ...healthy, initiated: { us: 2, them: 8 }, awaitingOurReply: waiting('2026-11-16T09:00:00.000Z') };
    const without = healthWithout(computeHealth(neglected), ['initiation']);
    // The same as if initiation had had nothing to measure: same weights, contributions and score.
    const nothingThere = computeHealth({ ...neglected, initiated: { us: 0, them: 0 } });
    expect(without.components).toEqual(nothingThere.components.filter((c) => c.id !== 'initiation'));
    expect(without.score).toBe(nothingThere.score);
    expect(without.components.reduce((sum, c) => sum + c.weight, 0)).toBeCloseTo(100, 0);
    expect(healthWithout(computeHealth(neglected), ['initiation', 'awaiting']).components.map((c) => c.id)).toEqual(['responsiveness', 'silence', 'promises', 'risk']);
  });

  it('describes business time in the user own working day', () => {
    expect(describeBusinessMinutes(45, settings)).toBe('45 working minutes');
    expect(describeBusinessMinutes(600, settings)).toBe('10 working hours');
    expect(describeBusinessMinutes(2400, settings)).toBe('5 working days');
  });
});
