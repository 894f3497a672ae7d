import { describe, expect, it } from 'vitest';

// Vite's import.meta.glob (vitest runs on Vite) reads the committed fixtures without Node APIs.
declare global {
  interface ImportMeta {
    glob<T = unknown>(pattern: string | string[], options: { eager: true; query: '?raw'; import: 'default' }): Record<string, T>;
  }
}

/** Real clients' reply layouts from crisp-oss/email-reply-parser's fixtures (MIT, see the folder's LICENSE). */
const crisp = import.meta.glob<string>('../../corpus/quoting/crisp-email-reply-parser/*.txt', { eager: true, query: '?raw', import: 'default' });

import { isBlankChar, visibleText } from './visible-text';

const fold = (text: string): string => text.replace(/\s+/g, ' ').trim();

describe('visibleText', () => {
  it('drops a Gmail reply attribution wrapped over two lines and everything quoted under it', () => {
    const body = [
      'Hi Tom,',
      '',
      "Thanks for the quick turnaround. I'll send the signed order form by Friday.",
      '',
      'On Mon, 3 Mar 2026 at 10:02, Tom Becker <tom.becker@northwind-logistics.com>',
      'wrote:',
      '',
      '> Hi Jane,',
      '> Could you send the signed order form? I will chase legal on our side.',
      '>',
    ].join('\n');
    expect(visibleText(body)).toBe("Hi Tom,\n\nThanks for the quick turnaround. I'll send the signed order form by Friday.");
  });

  // Both layouts as the Apache Solr users' list shows them (the zoning bench, bench/tools/quagga-zoning.ts).
  it('drops a Gmail attribution whose address wrapped before its closing bracket ("<jane@x.com" over "> wrote:")', () => {
    const body = [
      'Yes, the nightly export runs at 02:00. I will send you the log from last night.',
      '',
      'On Thu, Jun 4, 2026 at 1:43 AM, Tom Becker <tom.becker@northwind-logistics.com',
      '> wrote:',
      '',
      '> Does the export still run at night? I will check the queue on our side.',
    ].join('\n');
    expect(visibleText(body)).toBe('Yes, the nightly export runs at 02:00. I will send you the log from last night.');
  });

  it('drops the attribution of Gmail in locales that write the date first ("2026-05-22 17:08 GMT+02:00 Jane Roe <jane@x.com>:")', () => {
    const body = [
      'Thanks Tom,',
      '',
      'Do you have more on the tokenizer?',
      '',
      '2026-05-22 17:08 GMT+02:00 Tom Becker <tom.becker@northwind-logistics.com>:',
      '',
      '> That code is old; I will look for a newer one this week.',
      '>',
    ].join('\n');
    expect(visibleText(body)).toBe('Thanks Tom,\n\nDo you have more on the tokenizer?');
  });

  it('drops an Outlook "From: / Sent: / To: / Subject:" block after the underscore separator', () => {
    const body = [
      'Sure, will do.',
      '',
      '________________________________',
      'From: Tom Becker <tom.becker@northwind-logistics.com>',
      'Sent: Tuesday, March 3, 2026 4:11 PM',
      'To: Jane Doe <jane@acme-consulting.com>',
      'Subject: RE: Q2 rollout',
      '',
      "We'll send the purchase order tomorrow.",
    ].join('\r\n');
    expect(visibleText(body)).toBe('Sure, will do.');
  });

  it('drops an Outlook header block without a separator and "-----Original Message-----" history', () => {
    expect(
      visibleText('Noted, thanks.\n\nFrom: Tom Becker\nSent: 03 March 2026 16:11\nTo: Jane Doe\nCc: Ops\nSubject: RE: rollout\n\nI will call you.'),
    ).toBe('Noted, thanks.');
    expect(visibleText('See below.\n\n-----Original Message-----\nFrom: Tom\nI will call you.')).toBe('See below.');
  });

  it('recognises German, French, Spanish and Dutch reply attributions', () => {
    const quoted = '\n> Ich schicke Ihnen das Angebot morgen.';
    expect(visibleText(`Danke, passt.\n\nAm 03.03.2026 um 10:02 schrieb Tom Becker <tom@northwind.de>:${quoted}`)).toBe('Danke, passt.');
    expect(visibleText(`Merci.\n\nLe mar. 3 mars 2026 à 10:02, Tom Becker <tom@nord.fr> a écrit :${quoted}`)).toBe('Merci.');
    expect(visibleText(`Gracias.\n\nEl mar, 3 mar 2026 a las 10:02, Tom Becker (<tom@norte.es>) escribió:${quoted}`)).toBe('Gracias.');
    expect(visibleText(`Dank je.\n\nOp di 3 mrt. 2026 om 10:02 schreef Tom Becker <tom@noord.nl>:${quoted}`)).toBe('Dank je.');
  });

  it('recognises Thunderbird\'s name-first attribution ("Jane Roe wrote on 05/05/2026 14:30:"), over plain or quoted history', () => {
    expect(visibleText('Fine by me.\n\nTom Becker wrote on 03/03/2026 10:02:\nI will send the offer tomorrow.')).toBe('Fine by me.');
    expect(visibleText('Fine by me.\n\nTom Becker schrieb am 03.03.2026 um 10:02:\n> Ich schicke das Angebot morgen.')).toBe('Fine by me.');
    // Prose that says who wrote what, without a date, stays.
    expect(visibleText('Tom wrote on the whiteboard what we agreed:\nI will send the offer tomorrow.')).toContain('I will send the offer tomorrow.');
  });

  it('keeps inline answers under a Gmail attribution (interleaved replies), even a wrapped one', () => {
    const body = [
      'On Tue, Mar 3, 2026 at 9:12 AM Tom Becker <tom.becker@northwind-logistics.com>',
      'wrote:',
      '> Can you confirm the venue for the workshop?',
      '',
      "Confirmed: we have the Level 4 room. I'll send the agenda by Thursday.",
      '',
      '> And who is presenting the pilot results?',
      '',
      'Priya will present them.',
    ].join('\n');
    expect(visibleText(body)).toBe("Confirmed: we have the Level 4 room. I'll send the agenda by Thursday.\n\nPriya will present them.");
  });

  it('reads "| " as a quote mark only when an attribution introduces it', () => {
    const body = ['On 15 May 2026 at 16:21, Ravi Kumar wrote:', '| Could you resend the invoice?', '', 'Yes, I will resend it today.'].join('\n');
    expect(visibleText(body)).toBe('Yes, I will resend it today.');
    const table = ['Milestones:', '| item | date |', '| kickoff | 3 March |'].join('\n');
    expect(visibleText(table)).toBe(table);
  });

  it('keeps inline answers between quoted lines but drops the quotes', () => {
    const body = ['> Can you confirm the venue?', 'Yes, confirmed.', '> And the catering?', "I'll confirm the catering tomorrow."].join('\n');
    expect(visibleText(body)).toBe("Yes, confirmed.\nI'll confirm the catering tomorrow.");
    const mailingList = ['Ben Bolker wrote:', '> Could you post the sessionInfo()?', '', 'Sure, I will post it tonight.'].join('\n');
    expect(visibleText(mailingList)).toBe('Sure, I will post it tonight.');
    expect(visibleText('We agree, the Ben Bolker fix wrote: nothing else.')).toBe('We agree, the Ben Bolker fix wrote: nothing else.');
  });

  it('drops forwarded messages and keeps the forwarding note', () => {
    const gmail = "Tom, see below - I'll handle this one.\n\n---------- Forwarded message ---------\nFrom: Ana <ana@client.com>\nDate: Mon, Mar 2, 2026\nSubject: Invoice\n\nI will pay on Friday.";
    expect(visibleText(gmail)).toBe("Tom, see below - I'll handle this one.");
    const apple = 'FYI\n\nBegin forwarded message:\n\nFrom: Ana <ana@client.com>\nSubject: Invoice\n\nWe will cancel.';
    expect(visibleText(apple)).toBe('FYI');
    expect(visibleText('FYI\n\n-------- Original Message --------\nSubject: x\n\nWe will cancel.')).toBe('FYI');
  });

  it('drops signatures: "-- " delimiter, mobile footers and a sign-off with a name/title/phone block', () => {
    expect(visibleText("I'll send it tonight.\n\n-- \nJane Doe\nAcme Consulting")).toBe("I'll send it tonight.");
    expect(visibleText("I'll send it tonight.\n\nSent from my iPhone")).toBe("I'll send it tonight.");
    expect(visibleText("I'll send it tonight.\n\nGet Outlook for iOS")).toBe("I'll send it tonight.");
    const signed = [
      "I'll send the revised SOW by Thursday.",
      '',
      'Best regards,',
      'Jane Doe',
      'Senior Account Manager | Acme Consulting',
      '+44 20 7946 0018',
      'www.acme-consulting.example',
    ].join('\n');
    expect(visibleText(signed)).toBe("I'll send the revised SOW by Thursday.");
    expect(visibleText("Will do.\n\nCheers,\nJane")).toBe('Will do.');
    expect(visibleText("Will do.\n\nKind regards\nJane Doe\nAcme")).toBe('Will do.');
    expect(visibleText("I'll send the logs tonight.\n\nThanks,\n\nElodie\n\n-- \nElodie Martin\nInstitut Curie")).toBe(
      "I'll send the logs tonight.",
    );
  });

  it('drops a contact card at the end even without a sign-off, but not a closing line that asks for a call', () => {
    expect(visibleText("Thanks Tom, I'll review and revert by Friday.\n\nJane Doe | Acme\nM: +1 555 010 2000")).toBe(
      "Thanks Tom, I'll review and revert by Friday.",
    );
    const ask = "I'll review and revert by Friday.\n\nCall me on +1 555 010 2000 if anything is unclear.";
    expect(visibleText(ask)).toBe(ask);
    expect(visibleText('Jane Doe\nHead of IT | Acme\n\nM: +1 555 010 2000\nwww.acme.example')).toBe('Jane Doe\nHead of IT | Acme');
  });

  it('keeps a reply whose only line hands over a link: it is the delivery, not a contact card', () => {
    expect(visibleText('Hi Tom,\n\nhere it is: https://github.com/acme/widgets/pull/42')).toBe('Hi Tom,\n\nhere it is: https://github.com/acme/widgets/pull/42');
    expect(visibleText('Sure.\n\nThis is the revised SOW: https://files.acme.example/sow-v3.pdf')).toBe(
      'Sure.\n\nThis is the revised SOW: https://files.acme.example/sow-v3.pdf',
    );
  });

  it('drops a legal footer and the signature above it', () => {
    const body = [
      "I'll send the revised rate card by Friday.",
      '',
      'Kind regards,',
      'Jane Doe',
      '',
      'CONFIDENTIALITY NOTICE: This e-mail and any attachments are confidential and intended solely for the',
      'addressee. If you have received this message in error, please notify the sender and delete it.',
    ].join('\n');
    expect(visibleText(body)).toBe("I'll send the revised rate card by Friday.");
  });

  it('never drops real content that merely starts with a sign-off word', () => {
    expect(visibleText('Thanks, that works for me. I will send the PO on Monday.')).toBe(
      'Thanks, that works for me. I will send the PO on Monday.',
    );
    const body = "Thanks!\n\nI'll send the updated forecast over tomorrow morning.\n\nJane";
    expect(visibleText(body)).toBe("Thanks!\n\nI'll send the updated forecast over tomorrow morning.\n\nJane");
    expect(visibleText('This email is intended to confirm our agreement. I will send the PO on Monday.')).toBe(
      'This email is intended to confirm our agreement. I will send the PO on Monday.',
    );
    expect(visibleText('Thanks all!\n\nThis is an elegant solution!\n\nTS')).toBe('Thanks all!\n\nThis is an elegant solution!\n\nTS');
    expect(visibleText('Thanks,\n\nThe re-install did the trick.\n\nRobert')).toBe('Thanks,\n\nThe re-install did the trick.\n\nRobert');
    const longTail = 'Thanks,\n\nwe will get the contract countersigned and back to you by end of day, and Priya will share the access details.';
    expect(visibleText(longTail)).toBe(longTail);
  });

  it('returns an empty string for a reply that is only quoted history', () => {
    expect(visibleText('On Tue, Mar 3, 2026 at 9:00 AM Tom <tom@x.com> wrote:\n> hello')).toBe('');
  });

  it('treats a quoted "Name <address> wrote:" like any attribution: history over plain text, inline replies over quotes', () => {
    // Forwarded-then-quoted history: the quoted attribution is followed by unquoted text it introduces.
    expect(
      visibleText(
        'Sounds good, see my notes on the dates.\n\n> Jane Doe <jane@acme.example> wrote:\nWe moved the launch to May.\nThe budget stays as agreed.',
      ),
    ).toBe('Sounds good, see my notes on the dates.');
    // Interleaved replies under a quoted attribution over deeper quotes: the replies stay.
    expect(
      visibleText(
        'Answers inline.\n\n> Jane Doe <jane@acme.example> wrote:\n>> Can you confirm the launch date?\nYes, 4 May.\n>> And the budget?\nUnchanged.',
      ),
    ).toBe('Answers inline.\n\nYes, 4 May.\nUnchanged.');
  });

  describe('reply layouts of other clients and languages (crisp-oss/email-reply-parser fixtures)', () => {
    const withReply = Object.entries(crisp).filter(([, text]) => text.includes('nec nec nibh.'));

    it('has the fixtures', () => {
      expect(withReply.length).toBeGreaterThanOrEqual(20);
    });

    // Each fixture is a reply ending "... nec nec nibh." above quoted history in one client's layout:
    // Outlook desktop in French and German, Gmail in Finnish, Italian, Portuguese, Russian, Danish
    // separators, dated attributions without a verb, wrapped "From:" lines.
    it.each(withReply.map(([path, text]) => [path.split('/').pop()!, text] as const))('%s: only the reply is visible', (_name, text) => {
      expect(fold(visibleText(text))).toBe(fold(text.slice(0, text.indexOf('nec nec nibh.') + 13)));
    });

    it('keeps prose that only looks like a header', () => {
      for (const name of ['email_tricky_1_on_false_positive.txt', 'email_tricky_4_from_in_body.txt', 'email_tricky_13_timestamp_variations.txt']) {
        const text = Object.entries(crisp).find(([path]) => path.endsWith(name))![1];
        expect(fold(visibleText(text))).toBe(fold(text));
      }
      const short = Object.entries(crisp).find(([path]) => path.endsWith('email_20.txt'))![1];
      expect(visibleText(short)).toBe('On Thursday.');
    });
  });

  it('cuts Lotus Notes history (Enron-era layouts)', () => {
    const forwarded = [
      'Tom, I will send you the revised schedule on Monday.',
      '',
      '---------------------- Forwarded by Jane Roe/HOU/ECT on 05/02/2001 02:30 PM ---------------------------',
      '',
      'John Smith@ENRON',
      '05/01/2001 11:15 AM',
      'To: Jane Roe/HOU/ECT@ECT',
      'cc: ',
      'Subject: Re: schedule',
      '',
      "I'll get the numbers to you by Friday.",
    ].join('\n');
    expect(visibleText(forwarded)).toBe('Tom, I will send you the revised schedule on Monday.');
    const memo = ['Sounds good, we will circulate the draft tomorrow.', '', 'John Smith@ENRON', '05/01/2001 11:15 AM', 'To: Jane Roe/HOU/ECT@ECT', 'cc:', 'Subject: draft', '', 'I will call you later.'].join('\n');
    expect(visibleText(memo)).toBe('Sounds good, we will circulate the draft tomorrow.');
    const inline = ['Thanks, I will take care of it.', '', 'Jane Roe/HOU/ECT on 05/02/2001 02:30 PM', 'To: John Smith/Corp/Enron@ENRON', 'Subject: invoice', '', 'We will pay on receipt.'].join('\n');
    expect(visibleText(inline)).toBe('Thanks, I will take care of it.');
    const quotedName = ['Will do.', '', '"Mary Lee" <mlee@example.com> on 05/03/2001 09:12:44 AM', 'To: <jroe@enron.com>', '', 'Can you send the deck?'].join('\n');
    expect(visibleText(quotedName)).toBe('Will do.');
  });

  // Layouts of the Enron train split of the Quagga zoning annotations (bench/tools/quagga-zoning.ts), written here with our
  // own names and text.
  it('cuts the other Lotus Notes, GroupWise, cc:Mail and Yahoo layouts of history', () => {
    const reply = 'Thanks, I will send the figures on Friday.';
    const nameAndDate = [reply, '', '   ', '\tAcme North America Corp.', '\t', '\tFrom:  Jane Roe @ ENRON                           12/07/2000 10:45 AM', '\t', '', 'To: Tom Becker/HOU/ECT@ECT, Mary Lee/HOU/ECT@ECT', 'cc: ', 'Subject: numbers', '', 'We will need them before the meeting.'].join('\n');
    // The company line above the header stays, as the annotators read it.
    expect(fold(visibleText(nameAndDate))).toBe(`${reply} Acme North America Corp.`);
    const nameOnly = [reply, '', '   Jane Roe                03/20/2001 07:45 AM', '', 'To: Tom Becker/CAL/ECT@ECT', 'Subject: collateral', '', 'I will call the bank.'].join('\n');
    expect(visibleText(nameOnly)).toBe(reply);
    const wrappedForward = [reply, '---------------------- Forwarded by Jane Roe/HOU/ECT on ', '07/13/2000 04:11 PM ---------------------------', '', 'Tom Becker', '07/13/2000 03:11 PM', 'I will keep you posted.'].join('\n');
    expect(visibleText(wrappedForward)).toBe(reply);
    const sentBy = [reply, '', '\tJane Roe', '\tSent by: Jane Roe', '\t04/25/2001 03:52 PM', '\t\t', '\t\t To: Tom Becker/Corp/Enron@ENRON', '\t\t Subject: Re: bullets', '', 'We will ship it today.'].join('\n');
    expect(visibleText(sentBy)).toBe(reply);
    const byAddress = [reply, '', 'jroe@example.com on 02/26/2001 12:36:22 PM', '', 'To:   tbecker@example.com', 'Subject:  agreement', '', 'I just sent you a fax.'].join('\n');
    expect(visibleText(byAddress)).toBe(reply);
    const notesName = [reply, '', 'From: Jane Roe@ENRON on 12/21/2000 07:14 PM', 'To: Tom Becker/HOU/EES@EES', '', 'Can we meet at noon?'].join('\n');
    expect(visibleText(notesName)).toBe(reply);
    const replyHeader = [reply, '', 'To:   tbecker@example.com', 'cc:     (bcc: Jane Roe)', 'Date: 08/07/2001 03:09 PM', 'From: jroe@example.com', 'Subject:  RE: Hello!', '', 'I will be there.'].join('\n');
    expect(visibleText(replyHeader)).toBe(reply);
    const groupWise = [reply, '', '>>> Tom Becker 12/11/00 03:54PM >>>', 'At the conference this morning the judge said we will hear on Friday.'].join('\n');
    expect(visibleText(groupWise)).toBe(reply);
    const ccMail = [reply, '', '____________________Reply Separator____________________', 'Subject:    Meeting', 'Author: "Becker; Tom" <SMTP:tbecker@example.com>', 'Date:       03/23/2001 2:40 PM', '', 'I will book the room.'].join('\n');
    expect(visibleText(ccMail)).toBe(reply);
    const inlineAttachment = [reply, '', '--------- Inline attachment follows ---------', '', 'From:  Tom Becker', 'I will review it.'].join('\n');
    expect(visibleText(inlineAttachment)).toBe(reply);
    // Yahoo's attribution over quotes answered in between: the attribution goes, the answers stay.
    const yahoo = [reply, '', '--- "Becker, Tom" <tbecker@example.com>', 'wrote:', '> I think we will need another week.', '', 'A week is fine.', '', '> Can you check?', '', 'I will.'].join('\n');
    expect(fold(visibleText(yahoo))).toBe(`${reply} A week is fine. I will.`);
  });

  // Layouts of the Webis annotations' Gmane train half (bench/tools/webis-zoning.ts), written here with our own text.
  it('cuts the attributions of Chinese clients, of Gmail by date alone and "According to <name>:", and Notes headers with "Please respond to"', () => {
    const reply = 'Thanks, I will send the figures on Friday.';
    const chinese = [reply, '', '在 2012-03-13 14:17:45，"Li Lei" <lilei@example.com> 写道：', '我们下周会发送报价。', 'I will send you the quote next week, as we agreed on the call.', '', 'Li Lei'].join('\n');
    expect(visibleText(chinese)).toBe(reply);
    const dateFirstOverQuotes = [reply, '', '2013/4/23 Jane Roe <jroe@example.com>', '', '> We will ship it next week.', '>', '> Jane'].join('\n');
    expect(visibleText(dateFirstOverQuotes)).toBe(reply);
    const dateFirstOverText = [reply, '', '2012/3/13 Jane Roe <jroe@example.com>', 'We will ship it next week.'].join('\n');
    expect(visibleText(dateFirstOverText)).toBe(reply);
    const accordingTo = ['According to Jane Roe:', '> The servers are overloaded.', '', 'They are not: I will check the logs.'].join('\n');
    expect(visibleText(accordingTo)).toBe('They are not: I will check the logs.');
    const pleaseRespond = [reply, '', 'Jane Roe <jroe@example.com>', 'Sent by: list-bounces@example.com', '04/06/2003 03:18 AM', 'Please respond to the users list', ' ', '        To:     users@example.com', '        Subject:        plug-in', '', 'I will try the plug-in.'].join('\n');
    expect(visibleText(pleaseRespond)).toBe(reply);
  });

  it('keeps the answer of a Notes user who writes below the quoted message, under the memo header', () => {
    const below = ['Jane Roe <jroe@example.com>', 'Sent by: list-admin@example.com', '27/08/2001 04:05 PM', 'Please respond to the list', '', '        To:     list@example.com', '        Subject:        Re: servers', '', '', '> Does the demo account still work?', '', 'It does: I will send you the password.'].join('\n');
    expect(visibleText(below)).toBe('It does: I will send you the password.');
    // The same header over unquoted text is a forwarded message: nothing of it is the writer's.
    expect(visibleText(below.replace('> Does', 'Does'))).toBe('');
  });

  it('keeps text that only resembles those layouts', () => {
    for (const body of [
      // A date at the end of a line without a header under it, and a sentence naming an address and a date.
      'The meeting moved:  Houston office  12/07/2000 10:45 AM\n\nI will bring the slides.',
      'I wrote to jroe@example.com on 02/26/2001 about it.\nWe will hear back soon.',
      // "To:" alone, or with fields but no sender, is a list in the text, not a header.
      'To: all managers\nSubject: is the budget\n\nI will send it today.',
      'To: the team\ncc: finance\nDate: Friday\nSubject: plan\n\nWe will meet.',
      // "According to" something other than a person, over quoted output, is the writer's own sentence.
      'The library is missing, according to the output of ldd:\n\nI will rebuild it.',
    ]) {
      expect(visibleText(body)).toBe(body);
    }
    // Arrows without GroupWise's name and date are a quoted line like any other: the text under them stays.
    expect(visibleText('>>> this is how the prompt looks >>>\nI will fix the docs.')).toBe('I will fix the docs.');
    expect(visibleText('according to the output of ldd:\n> libfoo.so => not found\n\nI will rebuild it.')).toBe('according to the output of ldd:\n\nI will rebuild it.');
  });

  it('drops supercite-style quoted lines ("AB> ..."), as Emacs mailers and the R lists quote', () => {
    const body = [
      'AB> Is there a way to run the export on a schedule?',
      'AB> We need it every Monday.',
      '',
      'Yes: set the cron option in the config.',
      '',
      'x> y is a comparison in this language, not a quote.',
    ].join('\n');
    expect(visibleText(body)).toBe('Yes: set the cron option in the config.\n\nx> y is a comparison in this language, not a quote.');
  });
});

describe('isBlankChar', () => {
  it('agrees with /\\s/ (and so with trim) on every UTF-16 code unit', () => {
    const disagree: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      if (isBlankChar(code) !== /\s/.test(String.fromCharCode(code))) disagree.push(code.toString(16));
    }
    expect(disagree).toEqual([]);
  });
});

describe('visibleText with a quoted block at the end', () => {
  it('reads the same as with the block cut off, blank lines included', () => {
    const reply = 'Hi Ann,\n\nI will send the revised SOW by Friday.\n\nBest,\nMaya';
    const quote = '\n\nOn Mon, 2 Mar 2026 at 10:00, Ann <ann@acme.example> wrote:\n> Could you send the SOW?\n>\n> Thanks\n\n';
    expect(visibleText(reply + quote)).toBe(visibleText(`${reply}\n\n`));
    expect(visibleText('I will call you tomorrow.\n\n\n> earlier text\n> more\n \n')).toBe(visibleText('I will call you tomorrow.\n\n\n'));
  });
});
