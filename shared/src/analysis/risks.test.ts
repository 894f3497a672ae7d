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
      { kind: 'cancellation', signal: 'alternatives', side: 'them', text: 'We are also looking at other vendors for next year.' },
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

  it('names the finer signals: alternatives, quality, budget, a new decision maker, worry about a date, missed milestones, understatement', () => {
    const signals = (visible: string) => findRisks(visible, 'them').map((r) => [r.kind, r.signal]);
    expect(signals('Ahead of the renewal we are reviewing our options and getting quotes from other agencies.')).toEqual([['cancellation', 'alternatives']]);
    expect(signals('Procurement will run a formal tender for next year.')).toEqual([['cancellation', 'alternatives']]);
    expect(signals('Honestly the quality of the monthly reports has dropped since the summer.')).toEqual([['dissatisfaction', 'quality']]);
    expect(signals('Our marketing budget has been cut by a third for next year.')).toEqual([['cancellation', 'budget']]);
    expect(signals('Our new CFO wants to review every supplier contract.')).toEqual([['cancellation', 'decision-maker']]);
    expect(signals("I'm a little worried we won't make the March go-live date.")).toEqual([['delay', 'date-worry']]);
    expect(signals('Are we still on track for the launch?')).toEqual([['delay', 'date-worry']]);
    expect(signals('That is the third milestone missed this quarter.')).toEqual([['dissatisfaction', 'missed-milestones']]);
    expect(signals("It's not quite what we agreed in the kickoff.")).toEqual([['dissatisfaction', 'understatement']]);
    expect(signals('I asked about this a couple of times and got no response.')).toEqual([['dissatisfaction', 'understatement']]);
  });

  it('does not raise legal footers, escalation as a process, or concern about something else', () => {
    expect(kinds('If you wish to make a complaint, please follow our complaints procedure at example.com/complaints.', 'them')).toEqual([]);
    expect(kinds('We are authorised and regulated by the Financial Conduct Authority; complaints may be referred to the Financial Ombudsman.', 'them')).toEqual([]);
    expect(kinds('Please add me to the escalation matrix for the support desk.', 'them')).toEqual([]);
    expect(kinds('The escalation process is described in section 4 of the SLA.', 'them')).toEqual([]);
    expect(kinds("I'm a little concerned about the weather for the offsite.", 'them')).toEqual([]);
    expect(kinds('Parallel programming is very frustrating, compared with the ordinary kind.', 'them')).toEqual([]);
    expect(kinds('I was very unhappy with their packaged version, so I built my own.', 'them')).toEqual([]);
    expect(kinds('One seat is available due to a last minute cancellation.', 'them')).toEqual([]);
    expect(kinds('The CRAN task view is long overdue and a great resource.', 'them')).toEqual([]);
  });

  it('reads what real client mail says (issue 11, round 2): a product that got worse or keeps crashing, giving it up, lost faith, silence', () => {
    const signals = (visible: string) => findRisks(visible, 'them').map((r) => [r.kind, r.signal ?? null]);
    expect(signals('The export keeps crashing on our largest files.')).toEqual([['dissatisfaction', 'quality']]);
    expect(signals('Frankly the dashboard glitch seems worse than ever.')).toEqual([['dissatisfaction', 'quality']]);
    expect(signals('Half of our analysts have abandoned the tool in favour of spreadsheets.')).toEqual([['cancellation', 'alternatives']]);
    expect(signals('It may be time to give up on Acme and start over with another platform.')).toEqual([['cancellation', 'alternatives']]);
    expect(signals('We no longer have faith in the delivery plan.')).toEqual([['dissatisfaction', null]]);
    expect(signals("We sent the signed forms two weeks ago and haven't heard anything since.")).toEqual([['dissatisfaction', null]]);
  });

  it('does not read the writer\'s own news, technical questions or a silence elsewhere as risks', () => {
    expect(kinds('Our newsletter has been delayed for a variety of reasons, but we hope to send it next week.', 'them')).toEqual([]);
    expect(kinds('The new build is going to be delayed, although it works for me locally.', 'them')).toEqual([]);
    expect(kinds('Could the sync job be delayed until the backup has finished?', 'them')).toEqual([]);
    expect(kinds('The import has been running for hours and I am still waiting to see whether it finishes.', 'them')).toEqual([]);
    expect(kinds("I'm unhappy with any approach that drops the outliers.", 'them')).toEqual([]);
    expect(kinds('I posted this on the vendor forum and got no response.', 'them')).toEqual([]);
    expect(kinds("The agenda doesn't have any hint of escalation, which is good news.", 'them')).toEqual([]);
    expect(kinds("I'm sorry that you were upset by my last message.", 'them')).toEqual([]);
    expect(kinds("I'm not happy with how I handled the variable labels, so I'll revise them.", 'them')).toEqual([]);
    expect(kinds('The frustrating thing is that the importer never reports which row failed.', 'them')).toEqual([]);
    expect(kinds('Could you say what you find poor quality about the chart?', 'them')).toEqual([]);
    expect(kinds('I am overdue a new release of my own package anyway.', 'them')).toEqual([]);
    // Still a risk: a complaint asked as a question.
    expect(kinds('Why is the invoice still wrong after three corrections? This is unacceptable.', 'them')).toEqual(['dissatisfaction']);
    // Still a risk: a delay the client suffers, told with "we".
    expect(kinds('The go-live has slipped again and we are now three weeks behind because of it.', 'them')).toEqual(['delay']);
  });
});
