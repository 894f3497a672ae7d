import { describe, expect, it } from 'vitest';
import { reportsAnswerHeard } from './reported-answers';

describe('answers heard from someone else and passed on', () => {
  it('reads availability with its time, a time offered back, what someone said, a source named and a talk held', () => {
    expect(reportsAnswerHeard('The minister is available at 4:30pm today.')).toBe(true);
    expect(reportsAnswerHeard("No, he's not available after 2pm.")).toBe(true);
    expect(reportsAnswerHeard('And the venue is now confirmed for Thursday.')).toBe(true);
    expect(reportsAnswerHeard('The board review is still on for next week.')).toBe(true);
    expect(reportsAnswerHeard('Priya could do 9:15am.')).toBe(true);
    expect(reportsAnswerHeard('Both of them can talk tomorrow.')).toBe(true);
    expect(reportsAnswerHeard('Marta said the invoice went out on Monday.')).toBe(true);
    expect(reportsAnswerHeard('Her office emailed back and said she is travelling.')).toBe(true);
    expect(reportsAnswerHeard('From Ken B: the numbers hold up.')).toBe(true);
    expect(reportsAnswerHeard('Spoke to legal and they are fine with the clause.')).toBe(true);
    expect(reportsAnswerHeard('Yes, just confirmed that the courier comes at 9.')).toBe(true);
    expect(reportsAnswerHeard('Workshop went very well.')).toBe(true);
    // Round 10: a short opening clause, someone's willingness, someone's word forwarded below.
    expect(reportsAnswerHeard('After my long monologue, he said he had not planned on going.')).toBe(true);
    expect(reportsAnswerHeard('They are happy to adjust to the afternoon.')).toBe(true);
    expect(reportsAnswerHeard('See below note from RCH on the talks.')).toBe(true);
    // Round 12: someone's part in a call or meeting settled.
    expect(reportsAnswerHeard('Priya will be joining the 9am prep call.')).toBe(true);
    expect(reportsAnswerHeard('Yes, the CFO will join us for lunch.')).toBe(true);
  });

  it('does not read our own offer, a thing published, an idiom or news deep in a pasted sentence as an answer heard', () => {
    expect(reportsAnswerHeard('I am free at 3pm.')).toBe(false);
    expect(reportsAnswerHeard('We can do Monday if that suits.')).toBe(false);
    expect(reportsAnswerHeard('You are confirmed for Friday.')).toBe(false);
    expect(reportsAnswerHeard('A newer driver is available from the vendor at https://example.com/drivers.')).toBe(false);
    expect(reportsAnswerHeard('It seems the fix has been found, but is still not available:')).toBe(false);
    expect(reportsAnswerHeard('That said, there are quicker ways to test the nightly build.')).toBe(false);
    expect(reportsAnswerHeard('Having said that, I would still keep the old importer.')).toBe(false);
    expect(reportsAnswerHeard('I have already said that we will not change the terms.')).toBe(false);
    expect(reportsAnswerHeard('Our team can do, but only with more people.')).toBe(false);
    expect(reportsAnswerHeard('Markets fell on Tuesday, though one of the central bank advisors told us rates would hold.')).toBe(false);
    expect(reportsAnswerHeard('From the changelog:')).toBe(false);
    expect(reportsAnswerHeard('FROM ubuntu:22.04')).toBe(false);
    expect(reportsAnswerHeard('We are happy to adjust to the afternoon.')).toBe(false);
    expect(reportsAnswerHeard('After a long week of meetings in three capitals and a late flight, the minister said nothing new.')).toBe(false);
    expect(reportsAnswerHeard('See below.')).toBe(false);
    // A job advertisement, a release plan, and a thing that will be somewhere are not someone's answer.
    expect(reportsAnswerHeard('The successful candidate will join a dynamic analytics team.')).toBe(false);
    expect(reportsAnswerHeard('Recommended packages will come later.')).toBe(false);
    expect(reportsAnswerHeard('The Windows build will be there tomorrow.')).toBe(false);
  });
});
