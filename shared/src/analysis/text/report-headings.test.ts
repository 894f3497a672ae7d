import { describe, expect, it } from 'vitest';
import { isBareHeading, reportsUnderHeading } from './report-headings';

describe('news under a heading that says it is news', () => {
  it('reads an update, a readout or a status report with its news', () => {
    expect(reportsUnderHeading('A few quick updates: -- India: I spoke four times to the National Security Advisor.')).toBe(true);
    expect(reportsUnderHeading('Update: -- the resolution passed 33-0.')).toBe(true);
    expect(reportsUnderHeading('Latest update: his ethics clearance is done.')).toBe(true);
    expect(reportsUnderHeading('Quick update on the visa: it was approved this morning.')).toBe(true);
    expect(reportsUnderHeading('Readout from the call -- the minister agreed to the text.')).toBe(true);
    expect(reportsUnderHeading('Have update Ferry captain will sail at 1pm local')).toBe(true);
    expect(reportsUnderHeading('We have an update on the contract: legal signed it.')).toBe(true);
  });

  it('reads no news in a bare heading, a plan of ours, thanks, or word that nothing has come', () => {
    expect(reportsUnderHeading('Update:')).toBe(false);
    expect(reportsUnderHeading("Update: I'll send it Monday.")).toBe(false);
    expect(reportsUnderHeading('Update - will follow up tomorrow.')).toBe(false);
    expect(reportsUnderHeading('Update: thanks for the note, got it.')).toBe(false);
    expect(reportsUnderHeading('Update: still waiting to hear from legal.')).toBe(false);
    expect(reportsUnderHeading('Update: no news yet.')).toBe(false);
    // Word that something did not happen, or still holds, is news.
    expect(reportsUnderHeading('Update: no injuries among embassy staff.')).toBe(true);
    expect(reportsUnderHeading('Update: still on for 3pm with the minister.')).toBe(true);
  });

  it('reads no heading in software updates, an imperative, or a mirror list', () => {
    expect(reportsUnderHeading('I have updates for DBI, RSQLite, and RMySQL and would like some help testing them.')).toBe(false);
    expect(reportsUnderHeading('I got updates recently so I was wondering whether the packages were uploaded.')).toBe(false);
    expect(reportsUnderHeading('Update the figures: the totals are wrong.')).toBe(false);
    expect(reportsUnderHeading('updates: mirror.aarnet.edu.au')).toBe(false);
    expect(reportsUnderHeading('Have the update ready by Friday, please.')).toBe(false);
    expect(reportsUnderHeading('Got the update from Ops yesterday and will read it tonight.')).toBe(false);
    expect(reportsUnderHeading('Got update from Ops - the plane lands at 4.')).toBe(true);
  });
});

describe('a heading on its own', () => {
  it('reads "Update:" and "A few quick updates:" alone as a heading, not a heading with its news', () => {
    expect(isBareHeading('Update:')).toBe(true);
    expect(isBareHeading('A few quick updates:')).toBe(true);
    expect(isBareHeading('Readout from the call --')).toBe(true);
    expect(isBareHeading('Update: the resolution passed.')).toBe(false);
    expect(isBareHeading('Please update:')).toBe(false);
  });
});
