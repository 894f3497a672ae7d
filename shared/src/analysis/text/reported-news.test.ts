import { describe, expect, it } from 'vitest';
import { reportsNews } from './reported-news';

describe('news of what others are doing or did', () => {
  it('reads someone else at work, others set to work by us, what someone did and an event set with its time', () => {
    expect(reportsNews('Bill Burns is checking with her as to what happened.')).toBe(true);
    expect(reportsNews('Madame Secretary We have Bill Burns and Jeff Feltman reaching out.')).toBe(true);
    expect(reportsNews('The committee has agreed to hold the vote.')).toBe(true);
    expect(reportsNews('Maliki declined the invitation.')).toBe(true);
    expect(reportsNews('There is an interagency conference call at 12:30 to settle the position.')).toBe(true);
  });

  it('does not read our own progress, a plan, a question or something deep in a long sentence as news', () => {
    expect(reportsNews('I am checking with her now.')).toBe(false);
    expect(reportsNews('We are working on it.')).toBe(false);
    expect(reportsNews('There is no reason to worry.')).toBe(false);
    expect(reportsNews('Markets were calm this week even though, according to several of the people we spoke to, the minister declined.')).toBe(false);
  });
});
