import { describe, expect, it } from 'vitest';
import { isInquiry, reportsFinding } from './fulfilment-reports';

describe('promises to find something out', () => {
  it('reads a look, a try, a check and a report back as an inquiry', () => {
    expect(isInquiry('take a look later this week.')).toBe(true);
    expect(isInquiry('give it a try right away.')).toBe(true);
    expect(isInquiry('see if the same thing applies to XP.')).toBe(true);
    expect(isInquiry('report back to say whether this worked either way.')).toBe(true);
    expect(isInquiry('figure out how and where to go from here.')).toBe(true);
    expect(isInquiry('post updates as the rebuilds go.')).toBe(true);
    expect(isInquiry('send you an update on Friday.')).toBe(true);
    expect(isInquiry('definitely follow this up soon, but I am busy this week.')).toBe(true);
  });

  it('reads checking with someone, confirming, inquiring and reaching out as an inquiry (round 9)', () => {
    expect(isInquiry('check with Lona.')).toBe(true);
    expect(isInquiry('triple check now.')).toBe(true);
    expect(isInquiry('check on Monday.')).toBe(true);
    expect(isInquiry('Will confirm.')).toBe(true);
    expect(isInquiry('inquire.')).toBe(true);
    expect(isInquiry('reach out to the embassy.')).toBe(true);
    expect(isInquiry('make sure.')).toBe(true);
    expect(isInquiry('get right back to you.')).toBe(true);
    // A check as a thing to build, and making sure of an act, are not inquiries.
    expect(isInquiry('add a special-case check for this.')).toBe(false);
    expect(isInquiry('make sure it is printed before you land.')).toBe(false);
  });

  it('reads a bare check at the end of a sentence, a check under way and asking someone as an inquiry (round 12)', () => {
    expect(isInquiry('Will check.')).toBe(true);
    expect(isInquiry('Will check!')).toBe(true);
    expect(isInquiry('Will check')).toBe(true);
    expect(isInquiry("I'm checking on this now.")).toBe(true);
    expect(isInquiry('We are checking.')).toBe(true);
    expect(isInquiry('Will ask her now.')).toBe(true);
    expect(isInquiry('ask them whether the venue has a projector.')).toBe(true);
    // Asking someone to do the act hands it on; a checklist is a thing.
    expect(isInquiry('ask him to send the contract tonight.')).toBe(false);
    // Round 13: the shorthand "ck", a check with its day, and running something down.
    expect(isInquiry("ck today if it is getting much international pick-up")).toBe(true);
    expect(isInquiry('check tomorrow whether the room is free.')).toBe(true);
    expect(isInquiry('run this down on a staff level.')).toBe(true);
    expect(isInquiry('double check when I get to the office today.')).toBe(true);
    expect(isInquiry('track them down before the call.')).toBe(true);
    expect(isInquiry('run the numbers down to the Ops desk.')).toBe(false);
    expect(isInquiry('update the checklist.')).toBe(false);
  });

  it('does not read sending, calling or asking someone as an inquiry', () => {
    expect(isInquiry('send you the revised SOW by Friday.')).toBe(false);
    expect(isInquiry('call you tomorrow.')).toBe(false);
    expect(isInquiry('ask my administrator to do it when he has a chance.')).toBe(false);
    // A software update handed over is a delivery to make, not news to report.
    expect(isInquiry('send you the update for the plugin.')).toBe(false);
  });
});

describe('reports of what was found', () => {
  it('reads the look, the try, an outcome, what someone said and a pasted shell session as findings', () => {
    expect(reportsFinding('Had a quick look and I have few comments: 1.')).toBe(true);
    expect(reportsFinding('I tried the steps from your page but the import still stops at row 12.')).toBe(true);
    expect(reportsFinding('Nope, that works OK.')).toBe(true);
    expect(reportsFinding('The combination works just as I wanted:')).toBe(true);
    expect(reportsFinding('Ok, I could not resist, and bang!, big improvement: 18m16s')).toBe(true);
    expect(reportsFinding('The cluster administrator has also suggested the problem is due to mmap() on that filesystem.')).toBe(true);
    expect(reportsFinding('My Debian box has edd@ron:~$ grep blas /etc/R/Makeconf')).toBe(true);
    expect(reportsFinding('I uploaded new versions of Matrix and lme4 -- the rest seems to work.')).toBe(true);
    expect(reportsFinding('After investigation, I found out the issue.')).toBe(true);
    expect(reportsFinding('Installed libcurl-devel and libidn-devel.')).toBe(true);
    expect(reportsFinding('The installation seems to have gone through ok, but this is what I get:')).toBe(true);
    expect(reportsFinding('Everything is working fine now.')).toBe(true);
    expect(reportsFinding('It works if I set the locale to C first.')).toBe(true);
    // A pasted session is a finding even when the tool's output speaks of the future.
    expect(reportsFinding('ops at build:~$ apt install libfoo The following NEW packages will be installed:')).toBe(true);
  });

  it('reads an answer heard from someone else as a finding (round 9)', () => {
    expect(reportsFinding('Priya could do 9:15am.')).toBe(true);
    expect(reportsFinding('Marta said the invoice went out on Monday.')).toBe(true);
    expect(reportsFinding('The minister is available at 4:30pm today.')).toBe(true);
    expect(reportsFinding('A newer driver is available from the vendor at https://example.com/drivers.')).toBe(false);
    // Round 13: a call or a meeting settled, even without its time; not a bug confirmed or a variable set.
    expect(reportsFinding('Call is confirmed.')).toBe(true);
    expect(reportsFinding('The meeting with the minister has been confirmed.')).toBe(true);
    expect(reportsFinding('Dinner is all set.')).toBe(true);
    expect(reportsFinding('The bug is confirmed.')).toBe(false);
    expect(reportsFinding('The variable is set.')).toBe(false);
  });

  it('does not read a link someone published, an attempt to reach someone or an agreed time as a finding', () => {
    expect(reportsFinding('There is a patch for this bug available from CRAN <http://cran.r-project.org/>.')).toBe(false);
    expect(reportsFinding('I tried calling you this morning but there was no answer.')).toBe(false);
    expect(reportsFinding('Thursday at 3pm works for me.')).toBe(false);
    expect(reportsFinding('Attached is the invoice for October.')).toBe(false);
    expect(reportsFinding('Installed: 3.4.2-1zesty0.1')).toBe(false);
    // A prediction, a condition on the future, a purpose or a request is not what a try showed.
    expect(reportsFinding('The totals will most likely be different, because the export works every time.')).toBe(false);
    expect(reportsFinding('I will submit the new version once I am sure everything is working on Windows.')).toBe(false);
    expect(reportsFinding('Run the benchmark again just to make sure it is working.')).toBe(false);
    expect(reportsFinding('Please report if everything is working as expected.')).toBe(false);
    expect(reportsFinding('They are working on a new importer.')).toBe(false);
  });
});

// Round 14 (corpus README "Round 14 (fulfilment)"): developers' replies in a shared thread.
describe('findings told in the fewest words, and outcomes beside a plan', () => {
  it('takes a fix told landed, a try told worked and findings presented as what was found', () => {
    expect(reportsFinding('Fixed in CVS.')).toBe(true);
    expect(reportsFinding('Worked great.')).toBe(true);
    expect(reportsFinding('Here my findings on the memleak: it was not a leak in theory.')).toBe(true);
    expect(reportsFinding('I took another look at the patch and realized it was for web2.')).toBe(true);
  });

  it('does not take what works in a sentence that plans the writer\'s own next step as a finding', () => {
    expect(reportsFinding('In future I will add history editing (as it works in cmd.exe).')).toBe(false);
    expect(reportsFinding("I'll add the same check, since it works in the other reactor.")).toBe(false);
    expect(reportsFinding('It works in cmd.exe now.')).toBe(true);
  });
});

// Round 15 (corpus README "Round 15 (fulfilment)").
describe('what a look turned out to be', () => {
  it('reads "it turns out" as a finding, and not a plan to find out', () => {
    expect(reportsFinding('It turns out there are at least a couple of distinct issues.')).toBe(true);
    expect(reportsFinding("I'll find out how it turns out.")).toBe(false);
  });
});
