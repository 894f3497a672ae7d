import { describe, expect, it } from 'vitest';
import { findRisks } from './risks';
import type { RiskKind } from '../model/facts';

const kinds = (visible: string, side: 'us' | 'them'): RiskKind[] => findRisks(visible, side).map((r) => r.kind);

describe('findRisks', () => {
  it('flags dissatisfaction, escalation, cancellation and delay from the client, one per sentence', () => {
    const body = [
      "Jane, I'm honestly disappointed with how the rollout went.",
      'This is the third time the weekly report has arrived late.',
      'If this continues I will have to escalate it to our VP of Operations.',
      'We are also looking at other vendors for next year.',
      'The launch on our side has been pushed back to April because of it.',
    ].join(' ');
    expect(findRisks(body, 'them')).toEqual([
      { kind: 'dissatisfaction', side: 'them', text: "Jane, I'm honestly disappointed with how the rollout went." },
      { kind: 'dissatisfaction', side: 'them', text: 'This is the third time the weekly report has arrived late.' },
      { kind: 'escalation', side: 'them', text: 'If this continues I will have to escalate it to our VP of Operations.' },
      { kind: 'cancellation', side: 'them', text: 'We are also looking at other vendors for next year.' },
      { kind: 'delay', side: 'them', text: 'The launch on our side has been pushed back to April because of it.' },
    ]);
  });

  it('reads contract language for cancellation but not a cancelled meeting', () => {
    expect(kinds('We will not be renewing the contract in June.', 'them')).toEqual(['cancellation']);
    expect(kinds('We would like to terminate the agreement at the end of the quarter.', 'them')).toEqual(['cancellation']);
    expect(kinds("I'm afraid I need to cancel our call tomorrow.", 'them')).toEqual([]);
    // Legal reviewing a contract is routine; bringing legal into a dispute is escalation.
    expect(kinds('Our legal team will review the contract.', 'them')).toEqual([]);
    expect(kinds('If this is not fixed by Friday we will involve our legal department.', 'them')).toEqual(['escalation']);
    expect(kinds('Please use our legal entity name on the invoice.', 'them')).toEqual([]);
  });

  it('is negation-aware', () => {
    expect(kinds("To be clear, we're not disappointed at all - the team did great work.", 'them')).toEqual([]);
    expect(kinds('There is no need to escalate this, it was a small slip.', 'them')).toEqual([]);
    expect(kinds("I'm not happy with the response times lately.", 'them')).toEqual(['dissatisfaction']);
    expect(kinds('The delivery was never delayed, thanks for checking.', 'them')).toEqual([]);
  });

  it('does not read apologies for a slow reply, thanks or everyday uses as risks', () => {
    expect(kinds('Sorry for the delay in getting back to you.', 'them')).toEqual([]);
    expect(kinds('Thanks once again for your help.', 'them')).toEqual([]);
    expect(kinds('The question slipped through the cracks, here is the answer.', 'them')).toEqual([]);
    expect(kinds('The go-live has been delayed again and we are now two weeks behind schedule.', 'them')).toEqual(['delay']);
    expect(kinds('We had to escalate this internally to our CFO.', 'them')).toEqual(['escalation']);
  });

  it('flags bad news in our own mail and nothing from the client list', () => {
    const ours = [
      "Unfortunately we won't be able to deliver before November.",
      "I'm afraid the API migration has slipped by a week.",
      'We missed the deadline for the first milestone.',
      'Great news: we shipped the fix a day early!',
    ].join(' ');
    expect(findRisks(ours, 'us').map((r) => r.text)).toEqual([
      "Unfortunately we won't be able to deliver before November.",
      "I'm afraid the API migration has slipped by a week.",
      'We missed the deadline for the first milestone.',
    ]);
    expect(findRisks(ours, 'us').every((r) => r.kind === 'bad-news' && r.side === 'us')).toBe(true);
    expect(kinds('We are very frustrated with the delays.', 'us')).toEqual([]);
  });
});
