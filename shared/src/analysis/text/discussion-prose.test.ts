import { describe, expect, it } from 'vitest';
import { LATER_MESSAGE, expositionReason } from './discussion-prose';

const reading = (before: string, subject: string, action: string) => ({ before, action, clause: `${subject} will ${action}` });

describe('expositionReason', () => {
  it('names each family of discussion prose', () => {
    expect(expositionReason(reading('', 'I', 'call "the ledger view" this grouping.'))).toBe('notation');
    expect(expositionReason(reading('a column which ', 'we', 'call the buffer.'))).toBe('notation');
    expect(expositionReason(reading('', 'I', 'make two comments.'))).toBe('announces what follows');
    expect(expositionReason(reading('', 'I', 'survive the audit.'))).toBe('not an action');
    expect(expositionReason(reading('', 'I', 'check out the paper by Zeh.'))).toBe('own reading');
    expect(expositionReason(reading('', 'we', 'derive the margin from the tables.'))).toBe('reasoning');
    expect(expositionReason(reading('the odds that ', 'I', 'finish on time are slim.'))).toBe('mentioned');
    expect(expositionReason(reading('a number on "', 'I', 'finish the report".'))).toBe('mentioned');
    expect(expositionReason(reading('a function says "as soon as I have it, ', 'I', 'let you know."'))).toBe('mentioned');
    expect(expositionReason(reading('', 'I', 'add one more thing.'))).toBe('announces what follows');
    expect(expositionReason(reading('Thanks for the tip, ', 'I', 'take a look.'))).toBe('own reading');
    expect(expositionReason(reading('', 'I', 'play with it a little more.'))).toBe('own reading');
  });

  it('leaves commitments alone', () => {
    expect(expositionReason(reading('', 'I', 'call Anna the day after the launch.'))).toBeNull();
    expect(expositionReason(reading('', 'I', 'call for a time tomorrow.'))).toBeNull();
    expect(expositionReason(reading('', 'I', 'send you the deck by Friday.'))).toBeNull();
    expect(expositionReason(reading('', 'I', 'look at the paper with you.'))).toBeNull();
    expect(expositionReason(reading('', 'we', 'come back to you on this point.'))).toBeNull();
    expect(expositionReason(reading('I have a "cleanup" branch; ', 'I', 'commit the patch there.'))).toBeNull();
    expect(expositionReason(reading('', 'I', 'add a note to the ticket.'))).toBeNull();
    expect(expositionReason(reading('', 'I', 'take a look at your invoice.'))).toBeNull();
  });

  it('tells a later message owed to the reader', () => {
    expect(LATER_MESSAGE.test('I will make some comments about it soon')).toBe(true);
    expect(LATER_MESSAGE.test('I will define it in some other post')).toBe(true);
    expect(LATER_MESSAGE.test('I will make two comments')).toBe(false);
  });
});
