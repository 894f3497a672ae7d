import { describe, expect, it } from 'vitest';
import { classifyDelivery, findDeliveries, isNewsOnly } from './deliveries';
import { visibleText } from './visible-text';

const kindOf = (sentence: string): string | null => classifyDelivery(sentence)?.kind ?? null;

describe('findDeliveries', () => {
  it('finds what our mail sends, answers and reports done', () => {
    expect(kindOf('Attached is the revised SOW.')).toBe('delivered');
    expect(kindOf('Please find enclosed the signed lease.')).toBe('delivered');
    expect(kindOf('As promised, here are the Q3 numbers.')).toBe('delivered');
    expect(kindOf("I've shared the folder with you and Ann.")).toBe('delivered');
    expect(kindOf('You can find the deck at https://example.com/deck.')).toBe('delivered');
    expect(kindOf('To answer your question, the licence covers all three sites.')).toBe('answered');
    expect(kindOf('I checked with legal and the clause can stay as it is.')).toBe('answered');
    expect(kindOf('Thanks for the call this morning.')).toBe('happened');
    expect(kindOf('The fix is now live in production.')).toBe('happened');
    expect(kindOf("I've booked the room for Thursday.")).toBe('happened');
  });

  it('calls a late delivery a slip and keeps the phrase of its new time', () => {
    expect(classifyDelivery("It's taking longer than planned, you'll have it Monday.")).toEqual({
      text: "It's taking longer than planned, you'll have it Monday.",
      kind: 'slip',
      dueText: 'Monday',
    });
    expect(classifyDelivery('We need a few more days on the report.')).toMatchObject({ kind: 'slip' });
    expect(classifyDelivery('We need a few more days on the report.')?.dueText).toBeUndefined();
    expect(kindOf('Running a bit behind, I will have it to you by Friday.')).toBe('slip');
  });

  it('does not take a promise, a request, a question or a negation for a delivery', () => {
    expect(kindOf("I'll send the revised SOW tomorrow.")).toBeNull();
    expect(kindOf('Could you send me the signed copy?')).toBeNull();
    expect(kindOf("I haven't sent the deck yet.")).toBeNull();
    expect(kindOf('Did you get the attachment?')).toBeNull();
    expect(kindOf('Are you free for lunch on Thursday?')).toBeNull();
    expect(kindOf('The delivery was not delayed.')).toBeNull();
  });

  it('reads only what we wrote, not the quoted promise', () => {
    const body = [
      'Hi Tom,',
      '',
      'Attached is the revised SOW with the new milestones.',
      '',
      'Best,',
      'Jane',
      '',
      'On Mon, 2 Nov 2026 at 09:00, Jane Doe <jane@us.example> wrote:',
      "> I'll send you the revised SOW by Friday.",
      '> Attached is the old one for reference.',
    ].join('\n');
    expect(findDeliveries(visibleText(body))).toEqual([{ text: 'Attached is the revised SOW with the new milestones.', kind: 'delivered' }]);
  });

  it('reads a reported change and a posted patch as done, and a homepage link alone as a signature', () => {
    expect(kindOf('OK - licence changed to MIT.')).toBe('happened');
    expect(kindOf('I found the cause and posted a patch to the tracker.')).toBe('delivered');
    expect(kindOf('https://www.example.org/')).toBeNull();
    expect(kindOf('https://example.org/files/report-v2.pdf')).toBe('delivered');
  });

  it('reads a report of what a look or a try found as an answer, and a wish or a future look as nothing', () => {
    expect(kindOf('Had a quick look and I have few comments: 1.')).toBe('answered');
    expect(kindOf('Ok, I could not resist, and bang!, big improvement: 18m16s with only 4 nodes.')).toBe('answered');
    expect(kindOf("That's a huge speed-up, thanks.")).toBe('answered');
    expect(kindOf('Another solution which works only with pegas: set the lengths of the links.')).toBe('answered');
    expect(kindOf('The cluster administrator has also suggested the problem is due to mmap() on that filesystem.')).toBe('answered');
    expect(kindOf('My Debian testing box has edd at ron:~$ grep blas /etc/R/Makeconf')).toBe('answered');
    expect(kindOf('This update has been submitted for stable by jamatos.')).toBe('happened');
    expect(kindOf('I will have a look at it.')).toBeNull();
    expect(kindOf("I haven't had a look yet.")).toBeNull();
    expect(kindOf('We need a big improvement here.')).toBeNull();
    expect(kindOf('It would be a big improvement.')).toBeNull();
    expect(kindOf('Would that be a big improvement?')).toBeNull();
  });

  it('reads a delivery after "but", a bug found and fixed, and an act with its subject left out', () => {
    expect(kindOf('It has not pushed to testing yet, but here are the URLs for the updated builds:')).toBe('delivered');
    expect(kindOf("I haven't sent it yet, but I will send it tomorrow.")).toBeNull();
    // The clause after "but" delivers by a link alone: no kind's pattern matches the whole sentence, so the first
    // tests (mayClassifyDelivery) must not skip it.
    expect(kindOf('It has not been merged, but https://example.org/build/v2')).toBe('delivered');
    expect(kindOf("I believe that I've found and fixed the memory leak with dbUnloadDriver.")).toBe('happened');
    expect(kindOf('Installed libcurl-devel and libidn-devel.')).toBe('happened');
    // Program output, not a report.
    expect(kindOf('Installed: 3.4.2-1zesty0.1')).toBeNull();
    expect(kindOf('I just finished submitting the update for R-2.8.0.')).toBe('happened');
    expect(kindOf('Thanks, this seems to have solved the problem and I can now build R.')).toBe('answered');
    expect(kindOf('The installation seems to have gone through ok, but this is what I get at the end:')).toBe('answered');
    expect(kindOf('Back here, the following is a quick-n-dirty solution (not a patch of course):')).toBe('answered');
    // What one could do is not what was done.
    expect(kindOf('So I think I just compile R 2.9, though I could compile 2.10 with the patch.')).toBeNull();
  });

  it('reads a sending told without its subject, and a talk told in the shorthand of quick replies as an answer (round 8)', () => {
    expect(kindOf('Just sent to you in a separate email.')).toBe('delivered');
    expect(kindOf('Resending.')).toBe('delivered');
    expect(kindOf('Faxing to you now.')).toBe('delivered');
    expect(kindOf('Have spoken with the venue.')).toBe('answered');
    expect(kindOf('I just talked w the printer.')).toBe('answered');
    expect(kindOf('I already spoke w the printer.')).toBe('answered');
    expect(kindOf('Sent wirelessly via BlackBerry')).toBeNull();
    expect(kindOf('Sent Wednesday, March 30, 2011 8:15 PM To: Ann Lee')).toBeNull();
    expect(kindOf('Forwarded message')).toBeNull();
    // A signature line, a request and a future are no sending; a wish to talk is no talk.
    expect(kindOf('Sent from my iPhone')).toBeNull();
    expect(kindOf('Sent: Monday, March 2, 2026 9:15 AM')).toBeNull();
    expect(kindOf('Sent me the wrong file, please check.')).toBeNull();
    expect(kindOf('Will send to you tomorrow.')).toBeNull();
    expect(kindOf('Have to talk with the venue first.')).toBeNull();
  });

  it('reads an answer heard from someone else as an answer, and a thing left at the reader\'s door as delivered (round 9)', () => {
    expect(kindOf('Priya could do 9:15am.')).toBe('answered');
    expect(kindOf('Marta said the invoice went out on Monday.')).toBe('answered');
    expect(kindOf('From Ken B: the numbers hold up.')).toBe('answered');
    expect(kindOf('Spoke to legal and they are fine with the clause.')).toBe('answered');
    expect(kindOf('I left the signed copy on the table outside your door.')).toBe('delivered');
    // Our own offer is no answer heard, and leaving a place is no delivery.
    expect(kindOf('I am free at 3pm.')).toBeNull();
    expect(kindOf('I left the office at 5pm.')).toBeNull();
    expect(kindOf('Having said that, I would still keep the old importer.')).toBeNull();
  });

  it('reads a forward\'s note alone as delivered, news of others\' doings as an answer only news can take (round 10)', () => {
    expect(kindOf('Fyi')).toBe('delivered');
    expect(kindOf('FYI, see below.')).toBe('delivered');
    expect(kindOf('FYI I will be out tomorrow.')).toBeNull();
    expect(kindOf('Bill Burns is checking with her as to what happened.')).toBe('answered');
    expect(isNewsOnly('Bill Burns is checking with her as to what happened.')).toBe(true);
    expect(isNewsOnly('Marta said the invoice went out on Monday.')).toBe(false);
  });

  it('does not read a duty still owed or an act told as old news as a delivery', () => {
    // A link in a sentence that says what we should still do delivers nothing.
    expect(kindOf('Hmm, looks like I should include a link to the style guide in https://example.org/guide!')).toBeNull();
    expect(kindOf('We need to add the signed pages to the shared folder.')).toBeNull();
    expect(kindOf('We have to add the signed pages, but the folder is locked.')).toBeNull();
    // What we hold is no duty (round 12): "the closest we have to a quote" passes on an answer.
    expect(kindOf('On pricing, Marta says the list price is the closest we have to a quote, but it is a month old.')).toBe('answered');
    expect(kindOf('I should have sent it earlier, but here is the signed contract.')).toBe('delivered');
    // Done before the promise: background, not a report of the promised act.
    expect(kindOf('I built a standalone installer earlier this year: https://example.org/installer')).toBeNull();
    expect(kindOf('We set up that mirror years ago.')).toBeNull();
    expect(kindOf('I built a standalone installer this morning.')).toBe('happened');
  });
});

// Round 14 (corpus README "Round 14 (fulfilment)"): developers' replies in a shared thread.
describe('terse reports, a copy put somewhere, findings presented', () => {
  const kindOf = (sentence: string) => classifyDelivery(sentence)?.kind ?? null;
  it('reads a fix told landed and the items told done as acts, a try told worked as an answer', () => {
    expect(kindOf('Fixed in CVS.')).toBe('happened');
    expect(kindOf('These are all done.')).toBe('happened');
    expect(kindOf('Done.')).toBe('happened');
    expect(kindOf('Worked great.')).toBe('answered');
    expect(kindOf('It will be fixed in the next release.')).toBeNull();
  });

  it('reads a copy put in a shared place as delivered, not copying a person in', () => {
    expect(kindOf('I have copied a code snippet to pastebin, http://pastebin.example/abc')).toBe('delivered');
    expect(kindOf('We have copied an updated version of the package to CRAN.')).toBe('delivered');
    expect(kindOf('I have copied him so you can follow up.')).toBeNull();
    expect(kindOf("I've copied Monica to print it.")).toBeNull();
  });

  it('reads findings presented as an answer, not findings still to come', () => {
    expect(kindOf('Here my findings on the memleak in the client factory: it was not a leak in theory.')).toBe('answered');
    expect(kindOf('I will post my findings tomorrow.')).toBeNull();
  });
});

// Round 15 (corpus README "Round 15 (fulfilment)"): maintainers and users on small projects' lists.
describe('turns of phrase that are no act, and a copy sent with a question in brackets', () => {
  it('reads "I spoke too fast" as no talk, and a talk still as one', () => {
    expect(kindOf("Sorry, I spoke too fast, there's no need to add a comment for that.")).toBeNull();
    expect(kindOf('We spoke on Tuesday about the driver.')).toBe('happened');
  });

  it('reads a look reported with "I have to say" as a finding, and a duty still as owed', () => {
    expect(kindOf("I had a look at the various dumps and I have to say I'm really puzzled.")).toBe('answered');
    expect(kindOf('I have to send the dumps to the vendor first.')).toBeNull();
  });

  it('reads a copy being sent as an attachment as delivered, even with a question in brackets at the end', () => {
    expect(kindOf('I\'m sending it as attachment (does it look "good"?)')).toBe('delivered');
    expect(kindOf('Are you sending it as attachment (the log)?')).toBeNull();
    expect(kindOf("I'm sending it tomorrow.")).toBeNull();
    expect(kindOf("I'm not sure how this works exactly (maybe you can give me a simple example?)")).toBeNull();
  });

  it('reads how a try turned out told of the problem it solved, and not a hope', () => {
    expect(kindOf('This solves the crash in the module!')).toBe('answered');
    expect(kindOf('Ultimately, installing cairo with macports did the trick.')).toBe('answered');
    expect(kindOf('Hopefully this will solve the crash.')).toBeNull();
  });
});

// Round 16 (corpus README "Round 16 (fulfilment)"): list threads on the ImageJ2, Twisted and BerliOS lists.
describe('a try told by what it made possible, a task told finished, a problem told resolved', () => {
  it('reads "I was able to ..." as what a try found, and not when it is a wish or a negation', () => {
    expect(kindOf('With this program, I was able to confirm that the camera takes nice pictures.')).toBe('answered');
    expect(kindOf('Finally, I was able to install the libraries.')).toBe('answered');
    expect(kindOf('I hope I will be able to install it tomorrow.')).toBeNull();
    expect(kindOf("I wasn't able to reproduce it.")).not.toBe('answered');
  });

  it('reads a task told finished and a problem told resolved as done, and not a plan', () => {
    expect(kindOf('I finished the PR checklist.')).toBe('happened');
    expect(kindOf('The issue has been resolved, and the dev server is back online.')).toBe('happened');
    expect(kindOf('I will have finished the checklist by Friday.')).toBeNull();
    expect(kindOf('The issue will be resolved in the next release.')).toBeNull();
  });
});

// Round 17 (corpus README "Round 17 (fulfilment)").
describe('a fix told landed, then the plan that follows it', () => {
  it('reads the fix as done whatever the sentence plans next', () => {
    expect(classifyDelivery('This has been fixed in the libfoo-java library, so the next release (probably early August) will get the bug fix, too.')?.kind).toBe('happened');
    expect(classifyDelivery('There was an oversight in the exporter that has been fixed in the latest trunk build.')?.kind).toBe('happened');
  });

  it('does not read a plan to fix or a fix years old as one done now', () => {
    expect(classifyDelivery('It will be fixed in the next build, so you will get it then.')).toBeNull();
    expect(classifyDelivery('This was fixed in the trunk build years ago, so you should get it with any release.')?.kind).not.toBe('happened');
  });
});
