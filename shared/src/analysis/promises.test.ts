import { describe, expect, it } from 'vitest';
import { DEFAULT_WORKING_HOURS } from '../model/settings';
import { explainPromises, findPromises } from './promises';
import type { PromiseContext } from './promises';
import { visibleText } from './visible-text';

// Tuesday 10 March 2026, 09:40 in New York (EDT, two days after the spring-forward change).
const context: PromiseContext = {
  sentAt: '2026-03-10T09:40:00-04:00',
  timeZone: 'America/New_York',
  workingHours: DEFAULT_WORKING_HOURS,
  defaultWorkingDays: 2,
};

const texts = (visible: string): string[] => findPromises(visible, context).map((p) => p.text);

describe('findPromises', () => {
  it('finds the commitments in a realistic reply and ignores the quoted history and signature', () => {
    const body = [
      'Hi Dana,',
      '',
      'Thanks for the call yesterday, it was really helpful. I sent the revised',
      'pricing sheet this morning, so you should already have it.',
      '',
      "I'll get the updated SOW over to you by Thursday, and Marcus will send the",
      'calendar invite for the kickoff. If you want, I can also walk your finance team',
      'through the numbers.',
      '',
      'Could you confirm who signs on your side?',
      '',
      'Best regards,',
      'Jane Doe',
      'Account Director | Acme Consulting',
      '+1 212 555 0147',
      '',
      'On Mon, Mar 9, 2026 at 4:55 PM Dana Whitfield <dana@northwind-logistics.com> wrote:',
      "> We'll need the SOW before our board meeting. I will send you the PO on Friday.",
    ].join('\n');
    const promises = findPromises(visibleText(body), context);
    expect(promises.map((p) => p.text)).toEqual([
      "I'll get the updated SOW over to you by Thursday, and Marcus will send the calendar invite for the kickoff.",
    ]);
    expect(promises[0]).toMatchObject({ dueAt: '2026-03-12T21:00:00.000Z', dueIsDefault: false, dueText: 'by Thursday' });
  });

  it('gives a default due date (two working days, end of day) when none is stated, and marks it', () => {
    const [promise] = findPromises("Leave it with me, I'll look into the billing error and revert.", context);
    expect(promise).toMatchObject({ dueAt: '2026-03-12T21:00:00.000Z', dueIsDefault: true });
    expect(promise?.dueText).toBeUndefined();
  });

  it('dates a promise by a month or quarter only when it is the promise\'s own, or opens the sentence', () => {
    const dueOf = (sentence: string) => {
      const [promise] = findPromises(sentence, context);
      return promise && { dueAt: promise.dueAt, dueIsDefault: promise.dueIsDefault, dueText: promise.dueText };
    };
    // 30 October 2026 is a Friday; New York is on EDT until 1 November.
    expect(dueOf("We'll have the renewal terms to you by October.")).toEqual({ dueAt: '2026-10-30T21:00:00.000Z', dueIsDefault: false, dueText: 'by October' });
    expect(dueOf("In October, we'll run the security audit.")).toMatchObject({ dueAt: '2026-10-30T21:00:00.000Z', dueText: 'In October' });
    expect(dueOf("By the end of Q3 I'll have the migration finished.")).toMatchObject({ dueAt: '2026-09-30T21:00:00.000Z', dueText: 'By the end of Q3' });
    // A month or quarter elsewhere before the commitment is a topic or a past event: the default applies.
    for (const sentence of [
      "Following our review in October, I'll send the notes.",
      "Sales were up this quarter, so I'll send the breakdown.",
      "Q3 results were strong and I'll send you the details.",
      "Our October newsletter is out, and I'll send you the link.",
    ]) {
      expect({ sentence, due: dueOf(sentence) }).toEqual({ sentence, due: { dueAt: '2026-03-12T21:00:00.000Z', dueIsDefault: true, dueText: undefined } });
    }
  });

  it('reads the month May as a date, not as a hedge', () => {
    expect(findPromises("I'll send the final invoice in May.", context)[0]).toMatchObject({ dueAt: '2026-05-29T21:00:00.000Z', dueIsDefault: false });
    expect(findPromises("In early May we'll start the pilot.", context)[0]?.dueIsDefault).toBe(false);
    expect(findPromises("I may send the final invoice in May.", context)).toEqual([]);
  });

  it('dates a recurring commitment from its stated start, before or after the weekday', () => {
    const visible = visibleText(
      "Hi Dana,\n\nThanks for signing off the retainer. We'll send you a weekly summary every Friday, starting 24 April.\n" +
        'Starting 3 April, we will also share the ad spend report every Monday.\n\nBest,\nMaya',
    );
    const [summary, spend] = findPromises(visible, context);
    // Sent Tuesday 10 March: "every Friday" alone would mean Friday 13 March.
    expect(summary).toMatchObject({ dueAt: '2026-04-24T21:00:00.000Z', dueIsDefault: false });
    expect(spend).toMatchObject({ dueAt: '2026-04-03T21:00:00.000Z', dueIsDefault: false });
  });

  it('accepts the ways people commit', () => {
    const sentences = [
      'I will send the minutes this afternoon.',
      "We'll ship the replacement units within 5 business days.",
      'I shall forward the signed copy next Tuesday.',
      'Let me check with our finance team and get back to you.',
      "I'm going to review the contract tonight.",
      'Expect the revised quote by Thursday.',
      "You'll have the final report by end of the month.",
      'Will do.',
      'Our support team will contact you within 24 hours.',
      'Priya from our team will send you the access details tomorrow.',
      'I can have it ready by Friday.',
      "I'll circle back after I've spoken with the vendor.",
      "I'll try to get the figures over to you before the weekend.",
      'We are reviewing the logs and will send a root-cause summary tomorrow.',
      "Give me until Friday and I'll have a full answer for you.",
      "By Friday you'll have the final version from me.",
      'You should have the signed copy by Monday.',
      'Will circle back tomorrow.',
      "I'm sending the contract over tonight.",
      'Sending it over shortly.',
      'Our team is going to send the specs on Monday.',
      "I'll be sure to send you the recording.",
    ];
    for (const sentence of sentences) expect({ sentence, found: texts(sentence).length }).toEqual({ sentence, found: 1 });
  });

  it("takes a named person's action as ours only when that person is one of our people on the message", () => {
    const sentence = 'Priya will send you the access details tomorrow.';
    expect(texts(sentence)).toEqual([]);
    expect(findPromises(sentence, { ...context, colleagues: ['priya'] }).map((p) => p.text)).toEqual([sentence]);
    expect(findPromises(sentence, { ...context, colleagues: ['maria'] })).toEqual([]);
    expect(texts('My colleague Maria will send you the invoice copies on Friday.')).toHaveLength(1);
  });

  it('reads the families real mail writes promises in (lower case, capitals, present tense, "will be ...ing", condition first)', () => {
    for (const sentence of [
      "i'll get the numbers over to you after lunch",
      "I'LL SEND THE SIGNED CONTRACT BACK TOMORROW.",
      'I am sending the originals by courier today.',
      "I'm forwarding the contract to legal now.",
      'I will be dropping the samples at your office this afternoon.',
      'If nobody objects, I will circulate the final version on Thursday.',
      'I plan to submit the revised budget on Oct 20.',
    ]) {
      expect({ sentence, found: texts(sentence).length }).toEqual({ sentence, found: 1 });
    }
  });

  it("does not take someone else's act, one that waits on the reader, travel or attendance as ours", () => {
    for (const sentence of [
      'Maria will send you the invoice copies.',
      'Once you sign and return it, we will countersign.',
      'After all requests are received, we will review them.',
      'I will be back in the office on Tuesday.',
      'Both of us will attend the kickoff.',
      "I'll plan to join the call.",
      'I am going to Chicago tomorrow on business.',
      "He says we'll have those by Monday.",
      'We will discuss it in January.',
      "I'll talk to you about it tomorrow.",
    ]) {
      expect({ sentence, found: texts(sentence) }).toEqual({ sentence, found: [] });
    }
  });

  it('makes two promises of a sentence that holds two, each on its own words and date', () => {
    const found = findPromises("I'll send the SOW tomorrow and I'll book the kickoff for next week.", context);
    expect(found.map((p) => p.text)).toEqual(["I'll send the SOW tomorrow", "I'll book the kickoff for next week."]);
    expect(found.map((p) => p.dueText)).toEqual(['tomorrow', 'next week']);
    expect(found.every((p) => p.sentence === "I'll send the SOW tomorrow and I'll book the kickoff for next week.")).toBe(true);
    // A check that prepares the answer is one promise, dated by the answer.
    expect(findPromises("Let me double-check the figures and I'll confirm by Friday.", context).map((p) => p.dueText)).toEqual(['by Friday']);
    // An offer in the second clause does not take back the first.
    expect(texts('I will also send you a copy of the invoice and will be glad to send the forms if you would like them.')).toHaveLength(1);
  });

  it('makes two promises of two deliverables under one commitment, each with a date of its own', () => {
    const sentence = 'I will send the deck on Thursday and the budget on Friday.';
    const found = findPromises(sentence, context);
    expect(found.map((p) => [p.text, p.dueText])).toEqual([
      ['I will send the deck on Thursday', 'on Thursday'],
      ['I will send the budget on Friday.', 'on Friday'],
    ]);
    expect(found.map((p) => p.dueAt)).toEqual(['2026-03-12T21:00:00.000Z', '2026-03-13T21:00:00.000Z']);
    expect(found.every((p) => p.sentence === sentence && !p.dueIsDefault)).toBe(true);
    // A second verb of its own keeps the subject and the modal.
    expect(texts("We'll fix the login bug this week, and then send the revised invoice by Monday.")).toEqual([
      "We'll fix the login bug this week",
      "We'll send the revised invoice by Monday.",
    ]);
    // One date for both, a step that only prepares the next, someone else's act, or a second part with no
    // date of its own: one promise.
    for (const one of [
      'I will send the deck and the budget on Friday.',
      "We'll review it tomorrow and get back to you by Friday.",
      'I will send the draft today and you can sign it by Friday.',
      'I will call you on Monday and the week after.',
      'I will send the deck on Thursday and answer any questions you have.',
    ]) {
      expect({ one, found: texts(one) }).toEqual({ one, found: [one] });
    }
  });

  it("dates a promise by our clause, not by the reader's deadline", () => {
    const [found] = findPromises("I'll send the draft tomorrow so that you can review it by Friday.", context);
    expect(found?.dueText).toBe('tomorrow');
    expect(findPromises("I'll send the draft so that you can review it by Friday.", context)[0]?.dueIsDefault).toBe(true);
    // So is a consequence: the date is when it follows, not when we act.
    expect(findPromises('We will remove this port, so that within a few days it should have disappeared from all mirrors.', context)[0]?.dueIsDefault).toBe(true);
  });

  it('rejects offers, requests, questions, past tense, status, apologies, fulfilment, hedges and pleasantries', () => {
    const cases: [string, string][] = [
      ["If you'd like, I can send over the slides.", 'no commitment'],
      ["Happy to send the slides if that's useful.", 'no commitment'],
      ['Let me know if you want me to set up a call with our CTO.', 'no commitment'],
      ['Could you send me the signed purchase order?', 'no commitment'],
      ['Shall I send the agenda to everyone?', 'no commitment'],
      ['Will you send me the agenda?', 'no commitment'],
      ['Can I send the agenda tomorrow, or would Friday suit you better?', 'no commitment'],
      ["I'll send the agenda to everyone, ok?", 'question'],
      ['I sent the revised schedule on Monday.', 'no commitment'],
      ["I'll be out of the office until March 16 with limited access to email.", 'status'],
      ['I will be traveling next week.', 'status'],
      ['Sorry for the delay in getting back to you.', 'no commitment'],
      ['As promised, attached is the deck.', 'no commitment'],
      ['I might be able to get the numbers to you by Friday.', 'no commitment'],
      ['We may send the numbers by Friday.', 'no commitment'],
      ["I'll probably send the numbers on Friday.", 'hedge'],
      ['Hopefully we will have the stock back by mid-April.', 'hedge'],
      ["I'll keep my fingers crossed.", 'hedge'],
      ["We'll see how the pilot goes.", 'we will see'],
      ["I'll be happy to help with the setup.", 'offer'],
      ['The meeting will be at 3pm.', 'no commitment'],
      ["If you send me the log files, I'll take a look.", 'conditional on them'],
      ["Send me your number and I'll give you a call.", 'conditional'],
      ['We will have a fire drill at 10am on Friday.', 'not an action'],
      ['Atlas will run multi-threaded when compiled that way.', 'no commitment'],
      ['will load the data used in section 1.', 'no commitment'],
      ['Will be there at 3.', 'no commitment'],
      ['I will provide the reasoning below.', 'announces what follows'],
      ["We're getting a lot of errors since yesterday.", 'no commitment'],
      ["I'll let you know if anything changes.", 'conditional'],
      ["We won't be able to hit the March 10 date.", 'no commitment'],
      ['I can have it sent via intercompany mail.', 'no date'],
      ['You should see this in the dashboard.', 'no date'],
      ['I will explain the three options below.', 'announces what follows'],
      ['Here I will list the open items from the audit.', 'announces what follows'],
      ['Occasionally I will restart the sync job by hand.', 'habit'],
      ['We will always keep the latest two releases available.', 'habit'],
      ['res <- lapply(xs, function(x) { we will fix this later })', 'code'],
      ["I don't think we'll ever support that platform.", 'hedge'],
      ['It looks like we will ship the fix next week.', 'hedge'],
    ];
    for (const [sentence, reason] of cases) {
      expect(explainPromises(sentence)).toEqual([{ sentence, promise: false, reason }]);
      expect(texts(sentence)).toEqual([]);
    }
  });

  it('says no to what real mail writes that is not a commitment to the reader (issue 11, round 2)', () => {
    const cases: [string, string][] = [
      ['See the notes AK> we will publish the schedule AK> next week.', 'quoted'],
      ["My manager told me 'sure, I'll sign it off tomorrow'.", 'reported'],
      ['It is anybody\'s guess whether we will finish the migration.', 'embedded question'],
      ['I will talk to our IT department about the firewall.', 'not an action'],
      ["I'll take a stab at answering your second question.", 'announces what follows'],
      ['Let me share a trick I picked up last year.', 'announces what follows'],
      ['I will clean up my dataset before the next run.', 'own work'],
      ['I will compute the averages per region first.', 'own work'],
      ["I'll refresh the mirror every three days.", 'habit'],
      ["We'll deal with the renaming when we have to.", 'conditional'],
      ["I'll still do some exploratory work on the side.", 'habit'],
      ['The report I will attach is the one from March.', 'relative clause'],
      ['For the sake of argument let me call the two plans Alpha and Beta.', 'announces what follows'],
      ["I'll let others decide on the colour scheme.", 'not an action'],
      ["We'll try to coach you from here.", 'not an action'],
      ['When someone reports a bug we will try to fix it quickly.', 'conditional'],
      ['We will hire two interns for the summer programme.', 'announcement'],
      ['Next spring we will host a workshop on survey design for local students.', 'announcement'],
    ];
    for (const [sentence, reason] of cases) {
      expect(explainPromises(sentence)).toEqual([{ sentence, promise: false, reason }]);
      expect(texts(sentence)).toEqual([]);
    }
    // A maybe of a date is no due date; a condition in a later clause is not this one's.
    expect(findPromises("I'll commit the change and (possibly later today) build a new package.", context)[0]?.dueIsDefault).toBe(true);
    // The likely date is the writer's own estimate: the reminder goes there.
    expect(findPromises('I will post to the list shortly (probably tomorrow) with the details.', context)[0]?.dueText).toBe('tomorrow');
    expect(findPromises("I'll call you, probably around 3pm.", context)[0]?.dueIsDefault).toBe(false);
    expect(texts("I'll try to get the build working, but if you have a hint, do tell.")).toHaveLength(1);
    expect(texts("I'll have it put on the portal with the release notes.")).toHaveLength(1);
    // A workshop for the reader is a commitment to the reader.
    expect(texts('We will run the onboarding workshop for your team on Friday.')).toHaveLength(1);
    // A subject carries over an object "it", not another subject's verb.
    expect(texts('We are testing it now and will send an update by tomorrow.')).toHaveLength(1);
    expect(texts("I checked the filters, but the old ones won't be on the server anyway and will just log a warning.")).toEqual([]);
    expect(findPromises('I will send an e-mail later in the day to see when we can meet.', context)[0]).toMatchObject({ dueIsDefault: false, dueText: 'later in the day' });
  });

  it('says no to plans that owe the reader nothing, conditions on others, hedges and offers (issue 11, round 5)', () => {
    const cases: [string, string][] = [
      // Carrying on, asking, studying, teaching and pleasantries are not acts owed to the reader.
      ['I will continue to support the old release for another year.', 'not an action'],
      ["I'll ask more specific questions in a separate thread.", 'not an action'],
      ['I will ask about this in another mail.', 'not an action'],
      ["I'll start a new thread on the warnings.", 'not an action'],
      ["There is one more issue with the export, which I'll put in a separate thread.", 'not an action'],
      ['The new library is different, and I will maintain it.', 'not an action'],
      ['Next month I will begin teaching the evening course.', 'not an action'],
      ['Thanks, I will watch your videos.', 'not an action'],
      ['I will improve my knowledge over time.', 'not an action'],
      ["I'll buy that.", 'not an action'],
      // What this very message does.
      ['I will just highlight a few aspects of the release.', 'announces what follows'],
      ["I'll simply resubmit the message I sent in May.", 'announces what follows'],
      ['I will call it here a translator.', 'announces what follows'],
      ['Let me ask you a general question about the pricing.', 'announces what follows'],
      // Policies: for ever after, or a limit of scope.
      ['I will try to avoid large attachments from now on.', 'habit'],
      ['I will only build packages for the latest release.', 'habit'],
      // Hedges.
      ['It is entirely possible that we will port it to Python.', 'hedge'],
      ["I'm thinking that we'll ship it for Windows first.", 'hedge'],
      ['I will add the missing charts as time and the kids permit.', 'hedge'],
      ['I could pin the version, but I worry I will forget about it.', 'hedge'],
      // Waiting on the reader or on others.
      ['Once I receive the list, I will forward it to our security team.', 'conditional on them'],
      ['As soon as we agree on the layout, we will share it.', 'conditional on them'],
      ["Contact me and I'll put you wise.", 'conditional'],
      ["Please consider forwarding them to me and I'll post them on the site.", 'conditional'],
      ["I'll submit updated versions as other translations arrive.", 'conditional'],
      ['I will share the detailed logs upon request.', 'offer'],
      // A code comment.
      ['## we will construct the alternatives below', 'code'],
      // The writer's own installation, machines and stopgaps; a commitment given as a reason.
      ["Soon I'll upgrade to 4.2.1 on this box.", 'own work'],
      ["I'll go through the machines I have at home.", 'own work'],
      ["I'll reinstall the laptop over the weekend.", 'own work'],
      ["For now, I'll just wrap this in a local helper.", 'own work'],
      ['Upgrading takes a day, particularly as I will copy the home folders.', 'reason'],
      // Pleasantries and one's own reading.
      ["I'll keep you in my thoughts.", 'not an action'],
      ["I'll take your word for it.", 'not an action'],
      ["We'll cross that bridge when we come to it.", 'not an action'],
      ["I'll go through the tutorial this weekend.", 'not an action'],
      // A course's programme, told to whoever reads the advertisement.
      ['In this module we will focus on mixed models and their assumptions.', 'announcement'],
      ['During the practical sessions we will introduce the main survey designs.', 'announcement'],
    ];
    for (const [sentence, reason] of cases) {
      expect(explainPromises(sentence)).toEqual([{ sentence, promise: false, reason }]);
      expect(texts(sentence)).toEqual([]);
    }
    // An instruction in the passive is the reader's to follow; sent to the reader, it is ours.
    expect(texts('The proposals should be sent before 1 November to the committee.')).toEqual([]);
    expect(texts('The signed copy should be sent to you by Friday.')).toHaveLength(1);
    // Still promises: a step of ours first, a request for others in a later clause, a clause after "but".
    expect(texts('Once I get the package generated I will send you the instructions.')).toHaveLength(1);
    expect(texts("When I get settled on Thursday I'll look at what you have written.")).toHaveLength(1);
    expect(texts('I will send it to you, and to other people upon request.')).toHaveLength(1);
    expect(texts('We may consider it, but let me trigger a test run next week.')).toHaveLength(1);
    expect(texts("For now, I'll send you the draft as it is.")).toHaveLength(1);
    expect(texts('We will reserve the desk with the computer for Mike.')).toHaveLength(1);
    expect(texts('We will present the revised model to your board on Friday.')).toHaveLength(1);
    expect(texts("I will only need a day to prepare the slides, so you'll have them Tuesday.")).toHaveLength(1);
    expect(texts("I'll go through the documentation with you on Friday.")).toHaveLength(1);
    // A plan to deliver to the readers is a roadmap and commits without a date; other plans need one.
    expect(texts('We plan to add the export button in the next version.')).toHaveLength(1);
    expect(texts('I intend to release a fixed package soon.')).toHaveLength(1);
    expect(explainPromises('I plan to try the new driver.')).toEqual([{ sentence: 'I plan to try the new driver.', promise: false, reason: 'no date' }]);
    expect(texts('I plan to try the new driver on Monday.')).toHaveLength(1);
    // A relative ", which" is no embedded question, and a hedge on the main clause does not reach it.
    expect(texts("I think I have a fix, which I'll put in the next release.")).toHaveLength(1);
    expect(explainPromises("It is unclear which we will choose.")[0]?.reason).toBe('embedded question');
  });

  it('leaves out carrying on, a word with a colleague, pleasantries, open offers and waiting to be handed the thing (round 7)', () => {
    const none = [
      "We'll keep at it over the weekend.",
      'We will keep working it with the budget office.',
      "I'll consult with the legal team.",
      "I'm in Paris tomorrow and will pass on your warm regards.",
      'Will grab you for ten minutes in the afternoon.',
      'I will be checking my e-mails from the airport.',
      "It doesn't look like we're going to get the room.",
      'My deputy and I will help in any way we can.',
      'We will do whatever you decide on the venue.',
      'Will forward as soon as I get it.',
      "When we receive the signed copies we'll send the full set.",
    ];
    for (const sentence of none) expect({ sentence, found: texts(sentence) }).toEqual({ sentence, found: [] });
    // Still promises: the same words with something owed, our own progress, or a start on the work.
    expect(texts("I'll consult with the legal team and get back to you.")).toHaveLength(1);
    expect(texts("I'll keep you posted.")).toHaveLength(1);
    expect(texts('I will find you a copy of the contract.')).toHaveLength(1);
    expect(texts("I'll check my emails for the invoice and send it over.")).toHaveLength(1);
    expect(texts("I'll send it as soon as I get it working.")).toHaveLength(1);
    expect(texts("I'll forward it when I get back to the office.")).toHaveLength(1);
    expect(texts("I'll get to work on the revisions first thing tomorrow.")).toHaveLength(1);
    expect(texts('I will get to work by nine.')).toEqual([]);
  });

  it('reads an acknowledgement before "will", a relative "which" without a comma and a hedge on the time only (round 7)', () => {
    expect(texts('Roger - will send the figures.')).toHaveLength(1);
    expect(texts('Agreed, will call him after lunch.')).toHaveLength(1);
    expect(texts('Thx -- will do.')).toHaveLength(1);
    // A name, not an acknowledgement: someone else's act.
    expect(texts('Roger will send the figures.')).toEqual([]);
    expect(texts('We got the invoice from the printer which I will forward tomorrow.')).toHaveLength(1);
    expect(explainPromises("I'm not sure which we will pick.")[0]?.reason).toBe('embedded question');
    expect(explainPromises("I don't know which one I'll use.")[0]?.reason).toBe('embedded question');
    expect(texts("I'll call you, probably around 3pm.")).toHaveLength(1);
    expect(texts('I will send the notes, maybe tomorrow.')).toHaveLength(1);
    // A hedge on the act stays one.
    expect(explainPromises("I'll probably call you tomorrow.")[0]?.reason).toBe('hedge');
    expect(explainPromises('We will probably send it around noon.')[0]?.reason).toBe('hedge');
  });

  it('leaves out whereabouts, appointments, consulting, events out of our hands, approval first and promises told as made to others (round 8)', () => {
    const none = [
      'I will go on to Lisbon and Madrid after the summit.',
      'We will stay in Boston from the 10th to the 13th and come back on the 14th.',
      'Will do the weekly video conference with the Denver office this morning.',
      "We'll do Priya for Thursday.",
      "I'll deliver the keynote at the trade fair.",
      'We will celebrate in June.',
      'Will stay in touch with Anna and the others on this.',
      'I will run the draft by Marco.',
      'We will reach out to the finance team for further ideas.',
      'When she does that I will let you know.',
      'Will do when it happens.',
      'Will report back when that is finalized.',
      'With your approval we will publish it.',
      'We promised the supplier twice that we will pay the deposit.',
      'We will do all we can.',
    ];
    for (const sentence of none) expect({ sentence, found: texts(sentence) }).toEqual({ sentence, found: [] });
    // Still promises: the same words with something owed to the reader, or an occasion that is ours or the reader's time.
    expect(texts("I'll be in touch with the printers in the morning and give you their quotes.")).toHaveLength(1);
    expect(texts('I will run the draft by Marco and get back to you.')).toHaveLength(1);
    expect(texts('Understood, will go back to Sarah on the pricing.')).toHaveLength(1);
    expect(texts("I'll come back to you with the figures.")).toHaveLength(1);
    expect(texts('I will come back with details on your questions.')).toHaveLength(1);
    expect(texts('I will come back on this tomorrow.')).toHaveLength(1);
    expect(texts('I will send it when it is ready.')).toHaveLength(1);
    expect(texts("We'll send the revised plan when you return.")).toHaveLength(1);
    expect(texts('I promise we will deliver the report on time.')).toHaveLength(1);
    expect(texts("We'll do everything we can to get it to you by Friday.")).toHaveLength(1);
    expect(texts('I will do the edits for you now.')).toHaveLength(1);
  });

  it('reads "yep" and "but" before "will", a dash after our own clause, "you\'ll get" tonight, "let me work on" and something to share (round 8)', () => {
    expect(texts('Yep -- will do.')).toHaveLength(1);
    expect(texts('But will check with the printer.')).toHaveLength(1);
    expect(texts('I asked the printer this morning - will forward what they said.')).toHaveLength(1);
    expect(texts("You'll get the revised draft tonight.")).toHaveLength(1);
    expect(texts("You'll get comments this eve.")).toHaveLength(1);
    expect(texts('Let me work on tracking them down.')).toHaveLength(1);
    expect(texts('I will have a short list to share with you.')).toHaveLength(1);
    // Not ours, not dated, or not owed: the same forms stay no promise.
    expect(texts('It rained all morning - will it stop?')).toEqual([]);
    expect(texts('The price went up - will the client accept it?')).toEqual([]);
    expect(texts("You'll get wet tonight.")).toEqual([]);
    expect(texts("You'll get the hang of it.")).toEqual([]);
    expect(texts('I will have more to say when I see you.')).toEqual([]);
    expect(texts('Will send when I get.')).toEqual([]);
  });

  it('leaves out checking one\'s own messages, standing by, carrying on, quotations and policy statements (round 10)', () => {
    // Out of the office: checking one's own inbox owes the reader nothing, whatever the adverb or the device.
    expect(texts('I will be away this week, but will intermittently check my e-mail.')).toEqual([]);
    expect(texts('I will check messages periodically while travelling.')).toEqual([]);
    expect(texts("I'll be checking my BlackBerry, but for anything urgent please call the desk.")).toEqual([]);
    expect(texts('I will check my email and get back to you.')).toHaveLength(1);
    // Standing by waits on the reader.
    expect(texts('We have the supplier on the line for you, and will stand by for your call.')).toEqual([]);
    // Carrying on with any "-ing" verb is no new act; keeping the reader informed still is.
    expect(texts("I'll keep jumping in when it matters.")).toEqual([]);
    expect(texts('We will keep advancing it.')).toEqual([]);
    expect(texts("I'll keep sending you weekly updates.")).toHaveLength(1);
    expect(texts('We will continue to send updates on the rollout.')).toHaveLength(1);
    expect(texts('I will continue to keep you posted.')).toHaveLength(1);
    expect(texts('We will continue to support the legacy version.')).toEqual([]);
    // A quotation from a news story or a transcript is someone else's words.
    expect(texts('"We will cooperate fully with the inquiry," the minister told reporters.')).toEqual([]);
    expect(texts('"I will sign the bill next week.')).toEqual([]);
    // A policy told to no one in particular, not to the reader.
    expect(texts('We will dedicate $3 million to train teachers in the region.')).toEqual([]);
    expect(texts('To share best practices, we will seek to convene donors and universities.')).toEqual([]);
    expect(texts('We will promote the new plan to your team on Friday.')).toHaveLength(1);
    expect(texts('We will extend the trial for you.')).toHaveLength(1);
  });

  it('leaves out a report that waits on news from others, and reads "let me 1) double check" (round 10)', () => {
    expect(texts('We will let you know once we have call windows.')).toEqual([]);
    expect(texts("We'll be sure to email you as soon as the logjam breaks.")).toEqual([]);
    expect(texts('We are awaiting new dates from his office, and will advise when we have another option.')).toEqual([]);
    expect(texts('Will email you as soon as he has his phone back.')).toEqual([]);
    // Hearing back is a commitment to inform (the authored corpus's label).
    expect(texts("I'll let you know as soon as I hear from the carrier.")).toHaveLength(1);
    // Our own work told as done, or the reader's turn, still commits.
    expect(texts("I'll let you know when it's fixed.")).toHaveLength(1);
    expect(texts('We will let you know when you can apply for the beta.')).toHaveLength(1);
    expect(texts('I will send you the points as soon as I connect with him today.')).toHaveLength(1);
    expect(texts("Let me 1) double check with his office and 2) confirm the date.")).toHaveLength(1);
    expect(texts('Let me double check the figures.')).toHaveLength(1);
  });

  it('leaves out the end of a quotation, travel by shuttle, time on the ground, availability and declining (round 10 pools)', () => {
    expect(texts('We will remain steadfast and meet every challenge."')).toEqual([]);
    expect(texts("'We are going to investigate and punish those involved.")).toEqual([]);
    expect(texts("I'll take the 7pm shuttle.")).toEqual([]);
    expect(texts('Will spend five hours on the ground.')).toEqual([]);
    expect(texts('I will have time at the office tomorrow at either 2:15 or 5:45.')).toEqual([]);
    expect(texts('Will regret, thank you.')).toEqual([]);
    // Quoted words inside our own sentence, and taking something to the reader, still commit.
    expect(texts('I will send you the "final" draft tomorrow.')).toHaveLength(1);
    expect(texts('I will take the contract to your office tomorrow.')).toHaveLength(1);
  });

  it('leaves out a hedge with an adverb, a gut feeling, making someone proud, ending up, missing someone and a policy of support (round 10 pools)', () => {
    expect(texts('I still believe we will deliver the new platform.')).toEqual([]);
    expect(texts("My gut is that we'll end up with the blue design.")).toEqual([]);
    expect(texts("We'll make you proud.")).toEqual([]);
    expect(texts('We will sorely miss his advice.')).toEqual([]);
    expect(texts('We will support the creation of sustainable farming systems around the world.')).toEqual([]);
    expect(texts("I'm going to catch the shuttle later.")).toEqual([]);
    // Without the hedge, or with the reader named, they commit.
    expect(texts('We will deliver the new platform.')).toHaveLength(1);
    expect(texts('We will support your team through the migration.')).toHaveLength(1);
  });

  it('reads a bare "yes, we will" as accepting the task (round 10)', () => {
    expect(texts('Yes, we will.')).toHaveLength(1);
    expect(texts('Sure -- I will.')).toHaveLength(1);
    expect(texts('We will.')).toEqual([]);
    expect(texts('Yes, we will see.')).toEqual([]);
  });

  it('does not date a promise by what follows a colon it announces (round 8)', () => {
    const [announced] = findPromises('Will keep you updated: The supplier closes its plant on Friday.', context);
    expect(announced).toMatchObject({ dueIsDefault: true });
    const [dated] = findPromises("I'll send both on Friday: the deck and the budget.", context);
    expect(dated).toMatchObject({ dueIsDefault: false, dueText: 'on Friday' });
  });

  it('keeps each promise as its own whitespace-folded sentence across soft line breaks and bullets', () => {
    const body = "Next steps from our side:\n- I'll send the\n  revised deck by Friday\n- We will book the venue tomorrow\n\nThanks, Dr. Smith will join too.";
    expect(texts(body)).toEqual(["I'll send the revised deck by Friday", 'We will book the venue tomorrow']);
  });

  it('does not read discussion prose as promises: naming, arguing moves, experiences, reading for oneself (round 11)', () => {
    expect(texts('I will call "the ledger view" this way of grouping invoices.')).toEqual([]);
    expect(texts('The figure has a column that we will call the buffer.')).toEqual([]);
    expect(texts('I will write Q4* for the adjusted quarter.')).toEqual([]);
    expect(texts("I'll define churn as a client silent for ninety days.")).toEqual([]);
    expect(texts("I'll make two comments on the proposal.")).toEqual([]);
    expect(texts("I'll grant you that the old process was slower.")).toEqual([]);
    expect(texts('I will argue that the pilot was a success.')).toEqual([]);
    expect(texts('With the backup plan I will survive the audit.')).toEqual([]);
    expect(texts('I will look at the book you mentioned.')).toEqual([]);
    expect(texts("I'll make myself a coffee first.")).toEqual([]);
    expect(texts('We will derive the margin from the two tables above.')).toEqual([]);
    expect(texts('We will come back to this point.')).toEqual([]);
    // What stays a promise: calling someone, a later message, a date, a hand-over, the reader's own material.
    expect(texts("I'll call Anna the day after the launch.")).toHaveLength(1);
    expect(texts("I'll call for a time tomorrow.")).toHaveLength(1);
    expect(texts('I will make some detailed comments about it in a later mail.')).toHaveLength(1);
    expect(texts("I'll define the scope by Friday.")).toHaveLength(1);
    expect(texts('I will look at the book and send you my notes.')).toHaveLength(1);
    expect(texts('We will come back to you on this point.')).toHaveLength(1);
    expect(texts('I will write the summary for the board.')).toHaveLength(1);
  });

  it('does not read moves of the argument made here, or taking advice in general, as promises (round 11)', () => {
    expect(texts("I'll give you a quick example of the new layout.")).toEqual([]);
    expect(texts("I'll tell you why the pilot slipped.")).toEqual([]);
    expect(texts('I will point to my earlier post on pricing.')).toEqual([]);
    expect(texts('I will take your comments into account.')).toEqual([]);
    expect(texts('I will follow your advice.')).toEqual([]);
    expect(texts('I will look closer at the paper on churn.')).toEqual([]);
    expect(texts('I will look for it in the archive.')).toEqual([]);
    expect(texts("I'll tell you why in my next letter.")).toHaveLength(1);
    expect(texts('I will follow your advice and send the revised deck tomorrow.')).toHaveLength(1);
    expect(texts('I will find it in the archive and forward it to you.')).toHaveLength(1);
  });

  it('does not read a mentioned "I will" as one: quoted, or the content of a probability or a saying (round 11)', () => {
    expect(texts('The odds that I will finish the report on time are slim.')).toEqual([]);
    expect(texts('Nobody can put a number on "I will finish the report".')).toEqual([]);
    expect(texts('The model predicts that we will ship the order in May.')).toEqual([]);
    expect(texts('There is a good chance, and I will send the deck tomorrow.')).toHaveLength(1);
  });

  it('does not read moves made in this very message as promises (round 12)', () => {
    expect(texts("A lot has been said about the renewal, but I'll add one thing.")).toEqual([]);
    expect(texts("The supplier raised this last month, but I'll re-iterate.")).toEqual([]);
    expect(texts("I'll share something that helped us on the last rollout.")).toEqual([]);
    expect(texts("You left out the totals, but I'll make some guesses.")).toEqual([]);
    expect(texts("So, to start, I'll try to give a high-level overview.")).toEqual([]);
    expect(texts("I'll here backpedal a little on what I said about the budget.")).toEqual([]);
    expect(texts("I'm going to go ahead assuming the figures are final.")).toEqual([]);
    expect(texts("I'll add a note to the ticket.")).toHaveLength(1);
    expect(texts("I'll share the revised deck tomorrow.")).toHaveLength(1);
    expect(texts("I'll give you an overview of the figures by Friday.")).toHaveLength(1);
  });

  it('does not read an "I will" inside a quotation opened earlier in the sentence (round 12)', () => {
    expect(texts('Reply to them with "OK, we will ship it on Monday." and nothing more.')).toEqual([]);
    expect(texts('I have a "cleanup" branch for this; I\'ll commit the patch there tomorrow.')).toHaveLength(1);
  });

  it('does not read letting someone else answer, or a "we will see if" about others, as ours (round 12)', () => {
    expect(texts("The design is sound, but I'll let Maria respond in full.")).toEqual([]);
    expect(texts("I'll let them handle the invoice questions.")).toEqual([]);
    expect(texts("We'll see if the client is won over by the demo.")).toEqual([]);
    expect(texts("I'll let Maria know today.")).toHaveLength(1);
    expect(texts('Will see if Thursday works with your schedule.')).toHaveLength(1);
    expect(texts("I'll see if there's room in the budget and let you know.")).toHaveLength(1);
  });

  it('does not read a forecast of our own or a time that never comes due as a promise (round 12)', () => {
    expect(texts("I'm sure I'll figure it out eventually.")).toEqual([]);
    expect(texts('At some point I will clean up the old reports.')).toEqual([]);
    expect(texts('One of these days I will integrate the new rates.')).toEqual([]);
    expect(texts('I will look at the contract at some point, but not this week.')).toEqual([]);
    expect(texts("I'll send the contract today - at some point we should also review the rates.")).toHaveLength(1);
    expect(texts("I'll let Phil know - I'm sure he will want to join.")).toHaveLength(1);
  });

  it('does not read being available or putting in an appearance as a promise (round 12)', () => {
    expect(texts('I will make an attempt to be available on the call from 3 to 5.')).toEqual([]);
    expect(texts("I'll try to put in an appearance at the launch.")).toEqual([]);
    expect(texts('I will make an attempt to send the figures tonight.')).toHaveLength(1);
  });

  it('does not read looking at what the reader sent for our own sake as a promise (round 12)', () => {
    expect(texts("Thanks for the pointer, I'll certainly have a look.")).toEqual([]);
    expect(texts("Thanks for your reply, I'll check the docs.")).toEqual([]);
    expect(texts("Thanks for the link, I'll take a look and get back to you tomorrow.")).toHaveLength(1);
    expect(texts("Thanks for the reply, I'll look into it.")).toHaveLength(1);
    expect(texts("Thanks for the suggestion, I'll try it.")).toHaveLength(1);
  });

  it('does not read keeping something in mind, saying something here or a wager as a promise (round 12)', () => {
    expect(texts("We'll keep your comments in mind for the next release.")).toEqual([]);
    expect(texts("Andrew covered most of it, so I'll keep my answers short.")).toEqual([]);
    expect(texts("You asked about the invoices, and I'll respond about them here.")).toEqual([]);
    expect(texts("I'll wager the client has forgotten by now.")).toEqual([]);
    expect(texts("I'll let more qualified people answer the rest.")).toEqual([]);
    expect(texts('One glorious day we will get rid of the old portal.')).toEqual([]);
    expect(texts("I'll respond to your questions tomorrow.")).toHaveLength(1);
    expect(texts("I'll keep you posted on the invoices.")).toHaveLength(1);
  });

  it('reads "let me go check", "you can expect this update later today" and "if noone objects" as promises (round 12)', () => {
    expect(texts('Let me go check with finance.')).toHaveLength(1);
    expect(texts('You can expect this update in your inbox later today.')).toHaveLength(1);
    expect(texts("If noone objects, I'll circulate the draft on Monday.")).toHaveLength(1);
    expect(texts("Let me see if I've got this right:")).toEqual([]);
    expect(texts('Let me see if I remember what we agreed.')).toEqual([]);
  });

  it('does not read letting a matter rest, or an act waiting for time we may never find, as a promise (round 12)', () => {
    expect(texts("Until I see a real problem with the rates, I'll let it slide.")).toEqual([]);
    expect(texts('As soon as I find the time I will write up the process.')).toEqual([]);
    expect(texts('Let me see if I am clear about the renewal terms.')).toEqual([]);
    expect(texts("I'll let it go to the client tomorrow.")).toHaveLength(1);
    expect(texts('As soon as I find the file I will send it to you.')).toHaveLength(1);
  });

  it('does not read the reader\'s turn, later in this message, or snipping and answering here as promises (round 12)', () => {
    expect(texts("I answered Hynek on this already, so I'll let you read that.")).toEqual([]);
    expect(texts("I'll let you decide which option suits the budget.")).toEqual([]);
    expect(texts("I'll let someone who knows the billing system answer this.")).toEqual([]);
    expect(texts("I'll come back to the pricing in a moment.")).toEqual([]);
    expect(texts("I'll snip the parts that need no correction.")).toEqual([]);
    expect(texts("I don't know the tool well, but I'll answer what I can.")).toEqual([]);
    expect(texts('I will try to give you a little background on how we got here.')).toEqual([]);
    expect(texts("I'll note that noone has asked about the invoices.")).toEqual([]);
    expect(texts("I'll let you have the figures by Friday.")).toHaveLength(1);
    expect(texts("I'll come back to you on the pricing tomorrow.")).toHaveLength(1);
    expect(texts("I'll answer your questions on the call notes by Friday.")).toHaveLength(1);
  });

  it('does not read a guess hazarded, advice taken, something presented here or "eventually" as a promise (round 12)', () => {
    expect(texts("I'll hazard a guess that the invoice went to the old address.")).toEqual([]);
    expect(texts("I'll take your advice about shorter reports.")).toEqual([]);
    expect(texts("I have pulled out the useful points, and I will present them here.")).toEqual([]);
    expect(texts('Eventually I will write up the process.')).toEqual([]);
    expect(texts('I will present the figures to the board on Friday.')).toHaveLength(1);
  });

  it('does not read a plan for our own work as a promise when nothing of it is owed to the reader (round 13)', () => {
    expect(texts("I'll try to integrate the new importer in the near future.")).toEqual([]);
    expect(texts('I will move the reports to the new server in the "not-so-distant future".')).toEqual([]);
    expect(texts("This is certainly something we're planning to add to the portal.")).toEqual([]);
    expect(texts("Once that's done, I plan to submit the module upstream.")).toEqual([]);
    expect(texts('I will look for time to test the export, and if it works will plan to merge it.')).toEqual([]);
    expect(texts("Thanks, I'll upgrade to the newer version soon.")).toEqual([]);
    expect(texts("I'll stick to the old template for now.")).toEqual([]);
    expect(texts("We are going to rely on the nightly job for the figures.")).toEqual([]);
    expect(texts("I'll lurk on the vendor's forum for a while.")).toEqual([]);
    expect(texts('Great, I will return from Lisbon on the 24th.')).toEqual([]);
    expect(texts("I'll get back to you on the pricing in the near future.")).toHaveLength(1);
    expect(texts('I plan to submit the revised schedule on Friday.')).toHaveLength(1);
    expect(texts("Once I've checked the totals, I'll send you the invoice.")).toHaveLength(1);
  });

  it('reads a report on whether a fix worked and "expect a mail tomorrow" as promises (round 13)', () => {
    expect(texts("I will let you know tomorrow if it works, and if not I'll try the other patch.")).toHaveLength(1);
    expect(texts('I will install the update and let you know if it solves the problem.')).toHaveLength(1);
    expect(texts('You can expect a mail from me tomorrow.')).toHaveLength(1);
    expect(texts("I'll let you know if anything changes.")).toEqual([]);
  });

  it('does not read a project roadmap told with "we", or one\'s own work, as a promise (round 14)', () => {
    expect(texts('We plan to add export to PDF to the reporting module.')).toEqual([]);
    expect(texts('We are going to migrate the colour tables into the core library.')).toEqual([]);
    expect(texts('Yes, this is a major feature we plan to implement for the portal.')).toEqual([]);
    expect(texts("I'm gonna write my own importer for the old files.")).toEqual([]);
    expect(texts('I will work more on this draft.')).toEqual([]);
    expect(texts('We plan to release the new portal on Friday.')).toHaveLength(1);
    expect(texts('We plan to add the export button to the portal in the next release.')).toHaveLength(1);
    expect(texts('We are going to add the discount to your invoice.')).toHaveLength(1);
    expect(texts("We're going to send the contract over.")).toHaveLength(1);
    expect(texts('I will send you my own notes tomorrow.')).toHaveLength(1);
  });

  it('does not read an inverted or reader-first condition, "only when", or what may turn up as a promise (round 14)', () => {
    expect(texts('Should that not be enough, I will turn on the spam filter.')).toEqual([]);
    expect(texts('Should there be a problem with the login, we will reset the account.')).toEqual([]);
    expect(texts('Anyone else interested let me know and I will add you to the list.')).toEqual([]);
    expect(texts("But I'll do that only when we need it.")).toEqual([]);
    expect(texts("And when something better comes along, we'll let you know.")).toEqual([]);
    expect(texts("Should be fine, I'll send it tomorrow.")).toHaveLength(1);
    expect(texts("Please let me know what you think; I'll send the final version on Friday.")).toHaveLength(1);
  });

  it('does not read musing, watching for something, a product\'s contents or a need we will not have as a promise (round 14)', () => {
    expect(texts("I'm pretty sure I'll go to the meeting.")).toEqual([]);
    expect(texts('Let us talk next week. I am optimistic we will find a solution!')).toEqual([]);
    expect(texts("I found a small bug, so I was thinking I'll put out a new version with it fixed.")).toEqual([]);
    expect(texts("My hope is that I'll manage to automate the export.")).toEqual([]);
    expect(texts("I'll keep an eye out for the pull requests and try my changes again then.")).toEqual([]);
    expect(texts('Will come with an option to open the old files.')).toEqual([]);
    expect(texts('And we will definitely not need a new server for this.')).toEqual([]);
    expect(texts("I'll watch out for a new version and have another go then.")).toEqual([]);
    expect(texts("I'll keep an eye on it and let you know tomorrow.")).toHaveLength(1);
  });

  it('does not read a plan for some future told first, a line one keeps to, or looking for time as a promise (round 14)', () => {
    expect(texts('In the future we will look into switching to the new provider.')).toEqual([]);
    expect(texts('We will certainly avoid that sort of silent change.')).toEqual([]);
    expect(texts("I'll see if I can find some time to rewrite it there.")).toEqual([]);
    expect(texts("To avoid this in the future, I'll send the report by Friday.")).toHaveLength(1);
    expect(texts("I'll find time to put up a pull request for you to consider.")).toHaveLength(1);
    expect(texts("I'll see if I can take a look at it.")).toHaveLength(1);
  });

  it('reads "let me take a quick shot at", "let me do some checking and get back to you" and "we will be reviewing and merging" as promises (round 14)', () => {
    expect(texts('Let me take a quick shot at fixing the totals.')).toHaveLength(1);
    expect(texts('Let me do some schedule checking and then get back to you all on final dates.')).toHaveLength(1);
    expect(texts('We will be reviewing and merging your changes over the next few days.')).toHaveLength(1);
    expect(texts('Let me do some thinking about it.')).toEqual([]);
  });

  it('does not read "ever", a nickname left to answer, or where the writer stops or what he gives here as a promise (round 15)', () => {
    expect(texts('The new schema covers everything we will ever need to store.')).toEqual([]);
    expect(texts("It's hard to believe that we will ever actually run out of space.")).toEqual([]);
    expect(texts("I'll let jdoe deal with this.")).toEqual([]);
    expect(texts("I'll let dp answer this more, he wrote the importer.")).toEqual([]);
    expect(texts("I lack the chops to make the argument, so I'll stifle here.")).toEqual([]);
    expect(texts('Not quite adequate, so I\'ll give you the next layer of the metaphor.')).toEqual([]);
    expect(texts("I'll give you another analogy.")).toEqual([]);
    expect(texts("Anyway, I'll give you some history.")).toEqual([]);
    expect(texts("I'll answer on-list: the setup is simple.")).toEqual([]);
    expect(texts("I'll comment briefly on the second point.")).toEqual([]);
    expect(texts('I will interject.')).toEqual([]);
    expect(texts("I'll readily concede the point.")).toEqual([]);
    expect(texts("I'll let them know today.")).toHaveLength(1);
    expect(texts("I'll let you know whether it works.")).toHaveLength(1);
    expect(texts("I'll give you the history of the account by Friday.")).toHaveLength(1);
    expect(texts("I'll answer your question on-list tomorrow.")).toHaveLength(1);
  });

  it('does not read visiting one\'s own people, a holiday, resolving to do better or googling as a promise (round 15)', () => {
    expect(texts("I'll visit my brother today, he has an old laptop.")).toEqual([]);
    expect(texts('I will go on a holiday tomorrow and be offline for a week.')).toEqual([]);
    expect(texts("I'll try to do better on that.")).toEqual([]);
    expect(texts("I'll try to make up for it when I return.")).toEqual([]);
    expect(texts("I'll google on it.")).toEqual([]);
    expect(texts("I'll visit the site tomorrow and send you the photos.")).toHaveLength(1);
    expect(texts("I'll google it and send you the link.")).toHaveLength(1);
    expect(texts("I'll make up for it with a credit on your next invoice.")).toHaveLength(1);
  });

  it('does not read the discussion\'s own moves as a promise, unless a date or a hand-over comes with them (round 16)', () => {
    expect(texts("We seem close on this, so I'll try my best to clarify.")).toEqual([]);
    expect(texts("I'll try to put it in simpler terms.")).toEqual([]);
    expect(texts("Let me rephrase: I'll put it another way.")).toEqual([]);
    expect(texts("I'll try to nail this down here.")).toEqual([]);
    expect(texts("I'll try it in bullet form to keep it short.")).toEqual([]);
    expect(texts('I will reply in return.')).toEqual([]);
    expect(texts('That leaves a harder question, which I will raise after a few background points.')).toEqual([]);
    expect(texts("I'll warn you, though, the setup takes a while.")).toEqual([]);
    expect(texts('I will propose you a different reading.')).toEqual([]);
    expect(texts('Let me ask this.')).toEqual([]);
    expect(texts('Let me see if I can restate your argument:')).toEqual([]);
    expect(texts("I'll reply, \"Not a chance!\"")).toEqual([]);
    expect(texts("I'm short of time, so I'll just answer part of this.")).toEqual([]);
    expect(texts("I'm going to expose my ignorance here.")).toEqual([]);
    expect(texts("I'll make this a new topic.")).toEqual([]);
    expect(texts("I'll add to the cons the cost of training everyone.")).toEqual([]);
    expect(texts("Now I'll back up the claims I've made with some figures.")).toEqual([]);
    expect(texts('You are right to say that I will become the bottleneck.')).toEqual([]);
    expect(texts("Let me ask the vendor and get back to you.")).toHaveLength(1);
    expect(texts("I'll reply to the auditors tomorrow.")).toHaveLength(1);
    expect(texts("I'll answer the rest of your questions tomorrow.")).toHaveLength(1);
    expect(texts("I'll clarify the pricing in tomorrow's call.")).toHaveLength(1);
    expect(texts("I'll put it in writing and send you the summary.")).toHaveLength(1);
    expect(texts("I'll warn you before the migration starts on Friday.")).toHaveLength(1);
    expect(texts("I'll raise it with the vendor and let you know.")).toHaveLength(1);
  });

  it('does not read a stance, a scenario, a bounty, a request, a forecast, what we tell others, an inverted question or an occasion of our own as a promise (round 16)', () => {
    expect(texts('I will definitely push for this.')).toEqual([]);
    expect(texts("I'll pursue this line of work.")).toEqual([]);
    expect(texts("I'll definitly buy this one.")).toEqual([]);
    expect(texts('Now, suppose we run it twice, and we will get two different answers.')).toEqual([]);
    expect(texts("Imagine we'll copy the whole archive to a second disk.")).toEqual([]);
    expect(texts('Will all those who disagree speak up now.')).toEqual([]);
    expect(texts("I'll donate to the project once I get paid.")).toEqual([]);
    expect(texts("I'll take a proper look when I'm less busy.")).toEqual([]);
    expect(texts('I will change the code when #3204 lands.')).toEqual([]);
    expect(texts("I'll rebase my work once #412 is merged.")).toEqual([]);
    expect(texts("For every ten docs pages, I'll give 50 dollars to whoever writes them.")).toEqual([]);
    expect(texts('I really want this fixed, I will pay $25 for help with that!')).toEqual([]);
    expect(texts("I'll ask you to follow up on the issue in the vendor's tracker.")).toEqual([]);
    expect(texts('We will become better at this in time.')).toEqual([]);
    expect(texts('With more study we will gradually gain a better understanding of it.')).toEqual([]);
    expect(texts("We'll pay the $500 invoice by Friday.")).toHaveLength(1);
    expect(texts('I will ask you to be patient until next Wednesday, when I am back.')).toHaveLength(1);
    expect(texts("I'll ask the vendor to send you the keys today.")).toHaveLength(1);
    expect(texts("Since that is the house style, I'll do it that way.")).toEqual([]);
    expect(texts("After the discussion, I'll opt for copying the helper into our own module.")).toEqual([]);
    expect(texts("We will fix it when it breaks, so you don't have to.")).toEqual([]);
    expect(texts("But I'll look at the code just for curiosity.")).toEqual([]);
    expect(texts("I'll do it your way and send the new version by Friday.")).toHaveLength(1);
    expect(texts("I'll fix it today, before it breaks again.")).toHaveLength(1);
    expect(texts("I'll read the contract and get back to you.")).toHaveLength(1);
    expect(texts("Now I tell both programs that I'm going to switch one of them off.")).toEqual([]);
    expect(texts('We have informed the landlord that we will move out in May.')).toEqual([]);
    expect(texts("As I told you, I'll send the signed copy tomorrow.")).toHaveLength(1);
    expect(texts("I'll push for a decision at Friday's meeting and let you know.")).toHaveLength(1);
    expect(texts("I'll buy the licence today and send you the key.")).toHaveLength(1);
    expect(texts('Will send the contract by Friday.')).toHaveLength(1);
    expect(texts('I will change the code tomorrow.')).toHaveLength(1);
    expect(texts("I'll send the invoice once I get the signed copy back from legal.")).toHaveLength(1);
  });

  it('does not read a relative clause told in passing, a best effort toward a state, going to sleep or doing it by oneself as a promise (round 17)', () => {
    expect(texts('I have a few more ideas for the parser, which I will dig into.')).toEqual([]);
    expect(texts('That gave me the outline for a longer essay, which I will now write up.')).toEqual([]);
    expect(texts('There is a second objection, on cost, which I will come to in due course.')).toEqual([]);
    expect(texts('It needs a small cache, from which we will build the settings page.')).toEqual([]);
    expect(texts('The draft needs two more tables, which I will finish tomorrow.')).toHaveLength(1);
    expect(texts('Legal sent a memo on the lease, which we will translate for you.')).toHaveLength(1);
    expect(texts('The fix is a one-liner, which I will put in the next release.')).toHaveLength(1);
    expect(texts('I found the old figures, which I will send over.')).toHaveLength(1);
    expect(texts('I have a patch, which I will put in the next minor release.')).toHaveLength(1);
    expect(texts('The old builders can go now, which I will do shortly.')).toHaveLength(1);
    expect(texts('The export drops the last row, which I will file a ticket for.')).toHaveLength(1);
    expect(texts('The drafts are in rough commits, which I will clean up over the next few days.')).toHaveLength(1);
    expect(texts("We'll try to keep the outages as brief as possible.")).toEqual([]);
    expect(texts('We will do our best to ensure the old settings keep working.')).toEqual([]);
    expect(texts("I'll do my best to make the launch a success.")).toEqual([]);
    expect(texts("Sorry about that, we'll try to get it right.")).toEqual([]);
    expect(texts("We'll try to avoid that.")).toEqual([]);
    expect(texts("I'll try to do my part and keep the thread short.")).toEqual([]);
    expect(texts("I'll try and make it work on your server.")).toHaveLength(1);
    expect(texts("I'll do my best to get the quote to you by Friday.")).toHaveLength(1);
    expect(texts("I'll try to keep the report short and send it tomorrow.")).toHaveLength(1);
    expect(texts("I'll do my part of the review by Thursday.")).toHaveLength(1);
    expect(texts("It's past midnight, so I'm going to sleep.")).toEqual([]);
    expect(texts("I'll go away for a while now :-)")).toEqual([]);
    expect(texts("I'll go to bed early tonight.")).toEqual([]);
    expect(texts("I'll try to build it by myself.")).toEqual([]);
    expect(texts('I will play with the settings a bit more myself.')).toEqual([]);
    expect(texts("I'll write the script by myself and send it to you.")).toHaveLength(1);
    expect(texts("I'll fix it myself tomorrow.")).toHaveLength(1);
  });

  it('does not read thinking, following along, a slipped "can\'t" or commenting here as a promise (round 17)', () => {
    expect(texts("I'll follow along as the others work through the examples.")).toEqual([]);
    expect(texts("We'll start pondering the naming question.")).toEqual([]);
    expect(texts("I'll mull it over.")).toEqual([]);
    expect(texts("I'll reflect on what you wrote.")).toEqual([]);
    expect(texts("I will just think it's a shame that the old tool was dropped.")).toEqual([]);
    expect(texts("I'll can't open the file, it says it is damaged.")).toEqual([]);
    expect(texts('I will comment on the second draft, since it is the most complete.')).toEqual([]);
    expect(texts('I will comment your last two paragraphs, to keep this short.')).toEqual([]);
    expect(texts("I'll think of a fix and let you know.")).toHaveLength(1);
    expect(texts("I'll reflect the changes in the contract and send it tomorrow.")).toHaveLength(1);
    expect(texts("I'll comment on the draft by Friday.")).toHaveLength(1);
    expect(texts("I'll comment on the second draft in a separate mail.")).toHaveLength(1);
    expect(texts("I'll comment on your proposal later today.")).toHaveLength(1);
    expect(texts('I will comment on it the week after the next one.')).toHaveLength(1);
    expect(texts("I'll comment more on the ticket.")).toHaveLength(1);
  });

  it('does not read discussing a matter with a third party as a promise, unless a report to the reader follows (round 17)', () => {
    expect(texts("I'll discuss this with the database team.")).toEqual([]);
    expect(texts('We will discuss the open points with our auditors in a separate thread.')).toEqual([]);
    expect(texts("I'll discuss it with legal and get back to you by Friday.")).toHaveLength(1);
    expect(texts("I'll discuss the refund with finance and let you know.")).toHaveLength(1);
    expect(texts("I'll discuss the layout with the designer and fix it tomorrow.")).toHaveLength(1);
    expect(texts('I will discuss progress on the list to keep you posted.')).toHaveLength(1);
  });

  it('does not take the date of the writer\'s own whereabouts told beside the commitment as its due date (round 17)', () => {
    const going = findPromises("I'll test this later, I have to leave in ten minutes.", context);
    expect(going).toHaveLength(1);
    expect(going[0]?.dueIsDefault).toBe(true);
    const away = findPromises("I will go through the thread and sort it out, but I am having a tooth pulled in the morning.", context);
    expect(away).toHaveLength(1);
    expect(away[0]?.dueIsDefault).toBe(true);
    expect(findPromises("I'll send it tomorrow, I'm out on Friday.", context)[0]?.dueText).toBe('tomorrow');
    expect(findPromises("I'll send the draft by Thursday, but I'm aiming for Wednesday.", context)[0]?.dueText).toMatch(/Thursday/);
  });

  it('does not take a date of another clause, past a semicolon or a dash before someone else, as the due date (due dates round 2)', () => {
    const posted = findPromises('The server moves in the next few weeks; I will keep you posted.', context);
    expect(posted).toHaveLength(1);
    expect(posted[0]?.dueIsDefault).toBe(true);
    const setUp = findPromises('Will do -- he is coming to town in June so will set up.', context);
    expect(setUp.length).toBeGreaterThan(0);
    expect(setUp.every((p) => p.dueIsDefault)).toBe(true);
    // A date in the commitment's own clause, after the semicolon or before the dash, keeps it.
    expect(findPromises("Tomorrow is busy; I'll send it on Friday.", context)[0]?.dueText).toBe('on Friday');
    expect(findPromises('Will send it on Friday -- he is coming in June.', context)[0]?.dueText).toBe('on Friday');
  });

  it('reads doing it in the morning as a promise, and doing it in a language as a choice of how (round 17)', () => {
    expect(texts("I'll do it in the morning.")).toHaveLength(1);
    expect(texts("I'll do so in the afternoon, when the office is quiet.")).toHaveLength(1);
    expect(texts("I'll do that in a few minutes.")).toHaveLength(1);
    expect(texts("I'll do that in a couple of days, when I will have time.")).toEqual([]);
    expect(texts("I'll do this in Python.")).toEqual([]);
  });

  it('does not read a preference, thanks in advance, deferring, carrying on or getting ready as a promise (round 18)', () => {
    expect(texts('I will prefere the shorter name too.')).toEqual([]);
    expect(texts('I will appreciatte any pointers.')).toEqual([]);
    expect(texts("I already wrote that I'm going to fully defer to your judgement here.")).toEqual([]);
    expect(texts("We'll push ahead with the new parser.")).toEqual([]);
    expect(texts("We're going to go forward with the smaller budget.")).toEqual([]);
    expect(texts("Sounds good, I'll get geared up!")).toEqual([]);
    expect(texts("We'll just get through the storm and regroup.")).toEqual([]);
    expect(texts("Writing code is like that: I'll look back on it and cringe.")).toEqual([]);
    expect(texts("Well, I'll at least lurk on the users' list for a while.")).toEqual([]);
    expect(texts('Will track both bids until we hear either way.')).toEqual([]);
    expect(texts("I'm going to move forward with merging the branch and cutting a release.")).toHaveLength(1);
    expect(texts("I'll get through the backlog and review your patch.")).toHaveLength(1);
    expect(texts("We'll push ahead with the migration and send you the plan by Friday.")).toHaveLength(1);
    expect(texts('Will track down the missing invoice.')).toHaveLength(1);
    expect(texts("I'll track the shipment and let you know.")).toHaveLength(1);
  });

  it('does not read work kept in one\'s own talk, blog or to-do list, or being softly away, as a promise (round 18)', () => {
    expect(texts('I took a few screenshots and will incorporate them into my talk.')).toEqual([]);
    expect(texts("I'm going to write a few articles on my blog about it.")).toEqual([]);
    expect(texts("I'll certainly add it to my to do list.")).toEqual([]);
    expect(texts("I'm travelling tomorrow and will basically be offline for a week.")).toEqual([]);
    expect(texts("I'll post the notes and the patches on my blog.")).toHaveLength(1);
    expect(texts("I'll add it to my slides and send them to you tomorrow.")).toHaveLength(1);
  });

  it('does not read a forecast, a formula, a naming, the noun "will" or a relative "that" clause as a promise (round 18)', () => {
    expect(texts('I can see I am going to sort this out.')).toEqual([]);
    expect(texts('As is well known, we will all forget this by Christmas.')).toEqual([]);
    expect(texts("You seem to be under the impression that a test means we'll take the green mark as proof.")).toEqual([]);
    expect(texts("Don't ask me at which size I'll start splitting the file.")).toEqual([]);
    expect(texts('Otherwise we will forever be waiting for the build.')).toEqual([]);
    expect(texts('My hope is that with more data we will either find a pattern or drop the idea.')).toEqual([]);
    expect(texts('We will now examine the consequences of this assumption.')).toEqual([]);
    expect(texts("Once the pieces are in place, we'll find out that they fit.")).toEqual([]);
    expect(texts('I will in fact need the old format for the importer.')).toEqual([]);
    expect(texts('Taking both sides, I will get f(n) = f(n) + 1.')).toEqual([]);
    expect(texts('I will call this set the base of the system.')).toEqual([]);
    expect(texts('To keep it short I will call each of these a block.')).toEqual([]);
    expect(texts('I still wonder how a program could have the wit and will to learn.')).toEqual([]);
    expect(texts('The examples I will give will be short.')).toEqual([]);
    expect(texts("It renders with a template engine that I'm going to replace with a simpler one.")).toEqual([]);
    expect(texts('I will call the office this afternoon.')).toHaveLength(1);
    expect(texts('I will call this number tomorrow.')).toHaveLength(1);
    expect(texts("I'll set x = 5 in the config and send you the results.")).toHaveLength(1);
    expect(texts("I'll find out whether the fix holds and tell you.")).toHaveLength(1);
    expect(texts('The report that I will send you on Friday covers both sites.')).toHaveLength(1);
    expect(texts('I found a bug that I will fix tomorrow.')).toHaveLength(1);
  });

  it('does not read a licence chosen, getting a point out of the way or whether it comes to anything as a promise (round 18)', () => {
    expect(texts("I'll release it under the GPL.")).toEqual([]);
    expect(texts('So I shall get that out of the way.')).toEqual([]);
    expect(texts("We'll see if we can actually make the deadline.")).toEqual([]);
    expect(texts("I don't know the driver, but I will try to see if I can get anywhere.")).toEqual([]);
    expect(texts("I'll see if I can find/make time to look at the styles.")).toEqual([]);
    expect(texts('At this rate, I will be compiling the reports in real time come late June.')).toEqual([]);
    expect(texts("I'll release the code under the MIT license next week.")).toHaveLength(1);
    expect(texts("I'll release it under LGPL and send you the link.")).toHaveLength(1);
    expect(texts("I'll see if we can set up a meeting on Thursday.")).toHaveLength(1);
    expect(texts("I'll see if I can find a machine to test on.")).toHaveLength(1);
  });

  it('does not read a sprint or a seminar announced to a list, or a tool chosen for one\'s own work, as a promise (round 18)', () => {
    expect(texts("I'm planning to host a small sprint for contributors on Sunday, January 16th.")).toEqual([]);
    expect(texts('We will provide a short workshop for new students.')).toEqual([]);
    expect(texts('I will use Tcl/Tk as a user interface front-end to R. The program will talk to R and send the commands over a pipe.')).toEqual([]);
    expect(texts("I'll host the sprint notes on the wiki and send you the link.")).toHaveLength(1);
    expect(texts('I will use the old report as a template and send you the draft tomorrow.')).toHaveLength(1);
  });

  it('does not read sending to whoever asks, checking next time or looking for people on a call as a promise (round 18)', () => {
    expect(texts('Of course I will send it to anyone on the list who asks.')).toEqual([]);
    expect(texts('I will check next time.')).toEqual([]);
    expect(texts("We'll look for you guys on Skype tomorrow morning.")).toEqual([]);
    expect(texts('I will make the slides available for anyone who is interested.')).toHaveLength(1);
    expect(texts("I'll make sure that next time I update the branch, I note the revision.")).toHaveLength(1);
    expect(texts("We'll look for your file on the server tomorrow and confirm.")).toHaveLength(1);
  });

  it('caps a very long sentence at about 300 characters', () => {
    const long = `I'll send the full breakdown by Friday, ${'including every line item and the assumptions behind it, '.repeat(10)}as discussed.`;
    const [promise] = findPromises(long, context);
    expect(promise?.text.length).toBeLessThanOrEqual(300);
    expect(promise?.text.startsWith("I'll send the full breakdown by Friday")).toBe(true);
  });
});
