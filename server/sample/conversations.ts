// The fictional conversations in the sample mailbox. Every person, company and address is invented; the
// domains are under .example (RFC 2606) so nothing here can reach a real inbox.

export interface Person {
  name: string;
  address: string;
  /** IANA zone the person writes from: Date headers carry their local offset, across DST changes. */
  zone: string;
}

export interface SampleMessage {
  from: Person;
  to: Person[];
  cc?: Person[];
  /** The sender's wall-clock time, "YYYY-MM-DD HH:MM". */
  at: string;
  subject: string;
  /** What the sender typed; quoted history is added by the builder in the sender's client's style. */
  body: string;
  /** How the sender's client quotes: Gmail "On ... wrote:", Outlook header block, German "Am ... schrieb". */
  quote?: 'gmail' | 'outlook' | 'german' | 'none';
  encoding?: 'qp' | 'base64' | 'latin1' | 'html-only' | 'alternative' | 'attachment';
  attachment?: string;
  /** Index of the message this one answers, when not the one before it. */
  replyTo?: number;
  /** Write the Date header with an obsolete zone name (EST, GMT) as some servers still do. */
  zoneName?: string;
  extraHeaders?: string[];
  labels?: string;
  automated?: boolean;
}

const maya: Person = { name: 'Maya Chen', address: 'maya@brightlane.example', zone: 'Europe/Berlin' };
const sam: Person = { name: 'Sam Patel', address: 'sam@brightlane.example', zone: 'Europe/Berlin' };
const dana: Person = { name: 'Dana Okafor', address: 'dana.okafor@northwind.example', zone: 'Europe/London' };
const priya: Person = { name: 'Nair, Priya', address: 'priya.nair@northwind.example', zone: 'Europe/London' };
const lena: Person = { name: 'Lena de Vries', address: 'lena@kestrelfoods.example', zone: 'Europe/Amsterdam' };
const tom: Person = { name: 'Tom Alvarez', address: 'tom.alvarez.photo@gmail.com', zone: 'Europe/Lisbon' };
const robert: Person = { name: 'Robert Haines', address: 'rhaines@aldercrest.example', zone: 'America/New_York' };
const jonas: Person = { name: 'Jonas Weber', address: 'j.weber@muellerhaus.example', zone: 'Europe/Berlin' };
const harvest: Person = { name: 'Harvest', address: 'noreply@harvest.example', zone: 'UTC' };
const weekly: Person = { name: 'Agency Weekly', address: 'news@agencyweekly.example', zone: 'America/Chicago' };

const SIG = '--\nMaya Chen\nClient Director | Brightlane Studio\n+49 30 5557 0142 | brightlane.example';
const DANA_SIG = 'Dana Okafor\nHead of Operations | Northwind Logistics\n+44 20 7946 0311';
const ROBERT_SIG = 'Regards,\nRobert Haines\nVP Digital Channels | Aldercrest Bank\n+1 212 555 0187';

const LIST = ['List-Unsubscribe: <https://harvest.example/unsubscribe?u=4471>', 'Precedence: bulk'];

export const conversations: { me: Person[]; threads: SampleMessage[][] } = {
  me: [maya],
  threads: [
    // Northwind Logistics: a good start, then slipping dates and an unhappy client.
    [
      {
        from: maya, to: [dana], cc: [priya], at: '2026-01-14 16:40', subject: 'Kickoff recap and next steps',
        body: `Hi Dana,\n\nThanks again for hosting us yesterday. A quick recap of what we agreed:\n\n- Phase 1 covers the warehouse dashboard and the weekly export.\n- Your team owns data access; we own design and build.\n- Go-live target for the reporting module is 30 April.\n\nI'll send you the detailed project plan by Friday.\n\nBest,\nMaya\n\n${SIG}`,
        encoding: 'alternative',
      },
      { from: dana, to: [maya], at: '2026-01-15 09:12', subject: 'Re: Kickoff recap and next steps', body: `Thanks Maya, that matches our notes. Looking forward to the plan.\n\nBest,\n${DANA_SIG}` },
      {
        from: maya, to: [dana], at: '2026-01-16 15:05', subject: 'Re: Kickoff recap and next steps', encoding: 'attachment', attachment: 'Northwind-project-plan-v1.pdf',
        body: `Hi Dana,\n\nAs promised, the project plan is attached. The milestones are on page 2; the only open question is who on your side signs off the data model.\n\nBest,\nMaya\n\n${SIG}`,
      },
      { from: dana, to: [maya], at: '2026-01-19 10:30', subject: 'Re: Kickoff recap and next steps', body: 'Got it, thanks. Priya will sign off the data model.\n\nDana' },
    ],
    [
      { from: dana, to: [maya], at: '2026-02-09 08:47', subject: 'Weekly export failing again', body: `Hi Maya,\n\nThe weekly export failed again overnight, the second time this month. Our planners rely on it every Monday morning. Could you look into it today?\n\nThanks,\n${DANA_SIG}` },
      {
        from: maya, to: [dana], at: '2026-02-10 09:20', subject: 'Re: Weekly export failing again',
        body: `Hi Dana,\n\nSorry for the delay in getting back to you, I was travelling yesterday. We found the cause: a timeout on the carrier feed. We'll have a fix deployed by Wednesday.\n\nBest,\nMaya\n\n${SIG}`,
      },
      {
        from: maya, to: [dana], at: '2026-02-11 17:10', subject: 'Re: Weekly export failing again',
        body: `Hi Dana,\n\nThe fix is live and last night's export ran cleanly. We've also added an alert, so we hear about a failure before your planners do.\n\nBest,\nMaya\n\n${SIG}`,
      },
      { from: dana, to: [maya], at: '2026-02-12 08:55', subject: 'Re: Weekly export failing again', body: "Thank you, that's a relief.\n\nDana\n\nSent from my iPhone", encoding: 'base64' },
    ],
    [
      {
        from: priya, to: [maya], cc: [dana], at: '2026-03-03 11:02', subject: 'Invoice BL-2026-014',
        body: "Hello Maya,\n\nInvoice BL-2026-014 lists 46 hours for February, but our purchase order only covers 40. Can you confirm whether the extra six hours were agreed with Dana? We can't pay it as it stands.\n\nKind regards,\nPriya Nair\nFinance Manager, Northwind Logistics",
      },
      { from: maya, to: [priya], at: '2026-03-03 15:30', subject: 'Re: Invoice BL-2026-014', body: `Hi Priya,\n\nYou're right, the extra hours were not on the purchase order. I'll get a corrected invoice to you tomorrow.\n\nBest regards,\nMaya\n\n${SIG}` },
      { from: maya, to: [priya], at: '2026-03-04 10:15', subject: 'Re: Invoice BL-2026-014', encoding: 'attachment', attachment: 'BL-2026-014-corrected.pdf', body: `Hi Priya,\n\nPlease find the corrected invoice attached, now at 40 hours.\n\nBest regards,\nMaya\n\n${SIG}` },
    ],
    [
      {
        from: dana, to: [maya], cc: [priya], at: '2026-03-16 09:05', subject: 'April release',
        body: `Maya,\n\nI have to be frank: we are disappointed with how the timeline keeps slipping. The reporting module was due at the end of April and I'm now hearing May from your developers. This is not acceptable for us. If the April release slips again, we will need to escalate this to our COO.\n\nI'd like a clear plan this week.\n\n${DANA_SIG}`,
      },
      {
        from: maya, to: [dana], at: '2026-03-16 13:40', subject: 'Re: April release',
        body: `Hi Dana,\n\nI understand, and I'm sorry you heard it from the developers before hearing it from me. I'll send you a revised timeline with the options by Thursday.\n\nBest,\nMaya\n\n${SIG}`,
      },
      { from: dana, to: [maya], cc: [priya], at: '2026-03-24 08:30', subject: 'Re: April release', body: "Maya,\n\nIt is Tuesday of the following week and we still haven't seen the revised timeline. Please send it today.\n\nDana" },
    ],
    // An internal forward: our own people are never a counterpart, and forwarded text is not a promise.
    [
      {
        from: maya, to: [sam], at: '2026-03-16 13:52', subject: 'Fwd: April release', quote: 'none',
        body: "Sam, see below. Can we get the data team's availability for April by Wednesday? I've told Dana she'll have a revised timeline on Thursday.\n\nM\n\n---------- Forwarded message ---------\nFrom: Dana Okafor <dana.okafor@northwind.example>\nDate: Mon, Mar 16, 2026 at 9:05 AM\nSubject: April release\nTo: Maya Chen <maya@brightlane.example>\n\nMaya,\n\nI have to be frank: we are disappointed with how the timeline keeps slipping. If the April release slips again, we will need to escalate this to our COO.\n\nI'd like a clear plan this week.",
      },
      { from: sam, to: [maya], at: '2026-03-18 10:02', subject: 'Re: Fwd: April release', body: "The data team is booked until 10 April; the earliest realistic date is 15 May. Sorry, not great news.\n\nSam" },
    ],
    [
      { from: dana, to: [maya], at: '2026-04-02 10:15', subject: 'Reporting module go-live', body: `Hi Maya,\n\nCould you confirm the go-live date for the reporting module? Our COO has asked me for it before the board meeting on 16 April.\n\nThanks,\n${DANA_SIG}` },
    ],

    // Kestrel Foods: the relationship going well: we start the conversations and keep our word.
    [
      {
        from: maya, to: [lena], at: '2026-01-20 10:00', subject: 'January update',
        body: `Hi Lena,\n\nA short update for January: the spring campaign landing pages are in review with your brand team, and the recipe finder is on track for 9 February.\n\nOne thing from us: could you send the final product photography by the end of the month?\n\nBest,\nMaya\n\n${SIG}`,
      },
      { from: lena, to: [maya], at: '2026-01-20 14:25', subject: 'Re: January update', body: 'Hi Maya,\n\nThanks for the update. The photography is coming on the 28th.\n\nGroeten,\nLena' },
    ],
    [
      {
        from: maya, to: [lena], at: '2026-02-18 09:30', subject: 'February check-in',
        body: `Hi Lena,\n\nThe recipe finder went live on 9 February and has had 12,400 visits so far. I'll send you the first month's analytics report early next week.\n\nBest,\nMaya\n\n${SIG}`,
      },
      { from: lena, to: [maya], at: '2026-02-18 11:02', subject: 'Re: February check-in', body: 'Great news, thank you!\n\nLena' },
      {
        from: maya, to: [lena], at: '2026-02-23 16:00', subject: 'Re: February check-in', encoding: 'attachment', attachment: 'Kestrel-recipe-finder-analytics-Feb.pdf',
        body: `Hi Lena,\n\nHere is the analytics report for the recipe finder's first month. Highlights: 31% of visitors save a recipe, and mobile is 78% of traffic.\n\nBest,\nMaya\n\n${SIG}`,
      },
    ],
    [
      {
        from: maya, to: [lena], at: '2026-03-18 10:15', subject: 'Q2 ideas for the summer range',
        body: `Hi Lena,\n\nAhead of Q2 we've sketched three ideas for the summer range launch. I'll share the full proposal with costs early next week.\n\nBest,\nMaya\n\n${SIG}`,
      },
      {
        from: maya, to: [lena], at: '2026-03-23 11:40', subject: 'Re: Q2 ideas for the summer range', encoding: 'attachment', attachment: 'Brightlane-Q2-proposal-Kestrel.pdf',
        body: `Hi Lena,\n\nThe Q2 proposal is attached: three options, with costs and timelines on the last page.\n\nBest,\nMaya\n\n${SIG}`,
      },
      { from: lena, to: [maya], at: '2026-03-31 09:10', subject: 'Re: Q2 ideas for the summer range', body: 'Hi Maya,\n\nWe discussed the proposal internally and would like to go ahead with option B. Could you send the statement of work?\n\nGroeten,\nLena' },
      {
        from: maya, to: [lena], at: '2026-03-31 14:20', subject: 'Re: Q2 ideas for the summer range', encoding: 'attachment', attachment: 'SOW-Kestrel-Q2-option-B.pdf',
        body: `Wonderful news, thank you. The statement of work for option B is attached.\n\nBest,\nMaya\n\n${SIG}`,
      },
    ],
    [
      {
        from: maya, to: [lena], at: '2026-04-14 10:00', subject: 'Quick feedback on Q1?',
        body: `Hi Lena,\n\nNow that Q1 is wrapped up, how did the work land with your team? Anything we should do differently in Q2?\n\nBest,\nMaya\n\n${SIG}`,
      },
      { from: lena, to: [maya], at: '2026-04-15 16:45', subject: 'Re: Quick feedback on Q1?', body: 'Hi Maya,\n\nHonestly, very happy. The team likes working with yours. One wish: a short weekly summary during the launch.\n\nGroeten,\nLena' },
      {
        from: maya, to: [lena], at: '2026-04-16 09:05', subject: 'Re: Quick feedback on Q1?',
        body: `Thank you, Lena, that's lovely to hear. We'll send you a weekly summary every Friday, starting 24 April.\n\nBest,\nMaya\n\n${SIG}`,
      },
    ],

    // Tom Alvarez: a free-mail client (keyed by his address), then a long silence.
    [
      {
        from: tom, to: [maya], at: '2026-01-22 19:40', subject: 'Website for my studio', encoding: 'base64',
        body: "Hi Maya,\n\nA friend at Kestrel recommended you. I'm a photographer and need a simple portfolio site with online booking. Could you give me a rough quote?\n\nCheers,\nTom\n\nSent from my iPhone",
      },
      {
        from: maya, to: [tom], at: '2026-01-23 09:15', subject: 'Re: Website for my studio',
        body: `Hi Tom,\n\nThanks for getting in touch, and thanks to Lena for the recommendation! A portfolio site with booking is very doable. I'll send you a quote by the end of next week.\n\nBest,\nMaya\n\n${SIG}`,
      },
      {
        from: maya, to: [tom], at: '2026-01-28 17:30', subject: 'Re: Website for my studio', encoding: 'attachment', attachment: 'Brightlane-quote-Alvarez.pdf',
        body: `Hi Tom,\n\nHere's the quote: a five-page portfolio with booking and payments, EUR 6,800, four weeks from the start.\n\nBest,\nMaya\n\n${SIG}`,
      },
      { from: tom, to: [maya], at: '2026-02-02 21:05', subject: 'Re: Website for my studio', body: "Thanks Maya, the price is a bit above what I'd planned. Let me think about it.\n\nTom" },
    ],

    // Aldercrest Bank, New York: Outlook (HTML only, header-block quoting), US DST on 8 March, an auto-reply.
    [
      {
        from: robert, to: [maya], at: '2026-02-24 11:20', subject: 'RFP 2026-07: questions', encoding: 'html-only', quote: 'outlook',
        body: `Dear Maya,\n\nThank you for your interest in RFP 2026-07 (online account opening redesign). Questions are due by March 2. Please send them to me directly.\n\n${ROBERT_SIG}`,
      },
      {
        from: maya, to: [robert], at: '2026-02-25 15:10', subject: 'RE: RFP 2026-07: questions', quote: 'outlook',
        body: `Dear Robert,\n\nThank you. Our questions:\n\n1. Is the identity verification vendor already chosen?\n2. Which accessibility standard should the redesign meet (WCAG 2.1 AA or 2.2 AA)?\n3. Will your security team review designs, or only the final build?\n\nKind regards,\nMaya\n\n${SIG}`,
      },
      {
        from: robert, to: [maya], at: '2026-03-05 16:12', zoneName: 'EST', subject: 'RE: RFP 2026-07: questions', encoding: 'html-only', quote: 'outlook',
        body: `Dear Maya,\n\nAnswers: 1. Yes, we use a third-party vendor. 2. WCAG 2.2 AA. 3. Both.\n\nBefore we can shortlist you, please complete the attached vendor security questionnaire.\n\n${ROBERT_SIG}`,
      },
      {
        from: maya, to: [robert], at: '2026-03-09 10:00', subject: 'RE: RFP 2026-07: questions', quote: 'outlook',
        body: `Dear Robert,\n\nThank you for the answers. We will send the completed security questionnaire within 48 hours.\n\nKind regards,\nMaya\n\n${SIG}`,
      },
      {
        from: maya, to: [robert], at: '2026-03-12 12:30', subject: 'RE: RFP 2026-07: questions', quote: 'outlook', encoding: 'attachment', attachment: 'Brightlane-security-questionnaire.pdf',
        body: `Dear Robert,\n\nPlease find our completed security questionnaire attached. Our ISO 27001 certificate is included as an appendix.\n\nKind regards,\nMaya\n\n${SIG}`,
      },
      { from: robert, to: [maya], at: '2026-03-12 09:45', subject: 'RE: RFP 2026-07: questions', encoding: 'html-only', quote: 'outlook', body: `Thank you, Maya. Received; I'll share it with our security team.\n\n${ROBERT_SIG}` },
    ],
    [
      {
        from: maya, to: [robert], at: '2026-03-27 14:00', subject: 'Shortlist timing', quote: 'outlook',
        body: `Dear Robert,\n\nDo you have an update on the shortlist timing? We'd like to plan our team for May.\n\nKind regards,\nMaya\n\n${SIG}`,
      },
      {
        from: robert, to: [maya], at: '2026-03-27 09:01', subject: 'Automatic reply: Shortlist timing', quote: 'none', encoding: 'html-only', automated: true,
        extraHeaders: ['Auto-Submitted: auto-replied', 'X-Auto-Response-Suppress: All'],
        body: 'Thank you for your message. I am out of the office until Monday, April 6, with limited access to email. For urgent matters please contact digital@aldercrest.example.',
      },
      {
        from: robert, to: [maya], at: '2026-04-08 10:30', subject: 'RE: Shortlist timing', encoding: 'html-only', quote: 'outlook', replyTo: 0,
        body: `Dear Maya,\n\nGood news: the committee has approved Brightlane for the final round. Could you send over your MSA for our legal team to review?\n\n${ROBERT_SIG}`,
      },
      {
        from: maya, to: [robert], at: '2026-04-08 17:05', subject: 'RE: Shortlist timing', quote: 'outlook',
        body: `Dear Robert,\n\nThat's great news, thank you. I'll send the MSA tomorrow morning.\n\nKind regards,\nMaya\n\n${SIG}`,
      },
      {
        from: maya, to: [robert], at: '2026-04-09 09:20', subject: 'RE: Shortlist timing', quote: 'outlook', encoding: 'attachment', attachment: 'Brightlane-MSA-2026.pdf',
        body: `Dear Robert,\n\nAs promised, our MSA is attached. I'm happy to walk your legal team through it.\n\nKind regards,\nMaya\n\n${SIG}`,
      },
    ],

    // Müller Haus GmbH, Munich: ISO-8859-1 mail, an encoded-word subject, German quoting, a delay from their side.
    [
      {
        from: jonas, to: [maya], at: '2026-02-03 10:15', subject: 'Angebot für die Überarbeitung der Website', encoding: 'latin1', quote: 'german',
        body: 'Hallo Maya,\n\nthank you for the call yesterday. As discussed, we would like an offer for the redesign of our product pages (about 40 pages, German and English).\n\nViele Grüße\nJonas Weber\nMüller Haus GmbH · Leopoldstraße 12 · 80802 München',
      },
      { from: maya, to: [jonas], at: '2026-02-03 16:30', subject: 'Re: Angebot für die Überarbeitung der Website', body: `Hi Jonas,\n\nThanks for the call. I'll send you our offer by Friday.\n\nBest,\nMaya\n\n${SIG}` },
      {
        from: maya, to: [jonas], at: '2026-02-05 11:00', subject: 'Re: Angebot für die Überarbeitung der Website', encoding: 'attachment', attachment: 'Brightlane-Angebot-Mueller-Haus.pdf',
        body: `Hi Jonas,\n\nHere is our offer for the product pages, in German as requested.\n\nBest,\nMaya\n\n${SIG}`,
      },
      { from: jonas, to: [maya], at: '2026-02-12 08:40', subject: 'AW: Angebot für die Überarbeitung der Website', encoding: 'latin1', quote: 'german', body: 'Hallo Maya,\n\nwe accept the offer. A start on 2 March is fine for us.\n\nViele Grüße\nJonas' },
    ],
    [
      {
        from: jonas, to: [maya], at: '2026-03-31 11:30', subject: 'Verschiebung Launch / launch postponed', encoding: 'latin1', quote: 'german',
        body: 'Hallo Maya,\n\nunfortunately we need to postpone the launch to the end of May, because our product data is delayed on our side. Sorry for the short notice.\n\nViele Grüße\nJonas',
      },
      {
        from: maya, to: [jonas], at: '2026-04-01 09:10', subject: 'Re: Verschiebung Launch / launch postponed',
        body: `Hi Jonas,\n\nThanks for letting us know early. No problem: we'll move the launch to 28 May and keep the team on the translations in the meantime. I'll send an updated schedule by Friday.\n\nBest,\nMaya\n\n${SIG}`,
      },
      {
        from: maya, to: [jonas], at: '2026-04-02 15:00', subject: 'Re: Verschiebung Launch / launch postponed', encoding: 'attachment', attachment: 'Mueller-Haus-schedule-v2.pdf',
        body: `Hi Jonas,\n\nThe updated schedule is attached: translations until 8 May, content freeze on 15 May, launch on 28 May.\n\nBest,\nMaya\n\n${SIG}`,
      },
    ],

    // Internal: a colleague is never a client.
    [
      { from: sam, to: [maya], at: '2026-01-12 09:00', subject: 'Q1 staffing', body: 'Hi Maya,\n\nQuick one: for Q1 I can give you Ana and Felix full time on Northwind, and Leo half time on Kestrel. Does that work?\n\nSam' },
      { from: maya, to: [sam], at: '2026-01-12 09:40', subject: 'Re: Q1 staffing', body: 'Works for me, thanks Sam.\n\nM' },
    ],

    // Automated mail: never a conversation turn.
    [
      {
        from: harvest, to: [maya], at: '2026-02-01 07:00', subject: 'Your Harvest invoice for February', automated: true, extraHeaders: LIST,
        body: 'Hi Maya,\n\nYour invoice for February is ready: EUR 96.00 for 8 seats.\n\nView it at https://harvest.example/invoices/2026-02\n\nThe Harvest team',
      },
    ],
    [
      {
        from: weekly, to: [maya], at: '2026-03-02 06:30', subject: 'Agency Weekly: 5 ways to win back a client', automated: true,
        extraHeaders: ['List-Unsubscribe: <mailto:unsubscribe@agencyweekly.example>', 'List-Id: Agency Weekly <weekly.agencyweekly.example>', 'Precedence: list'],
        body: "This week in Agency Weekly\n\nFrom the editor: clients rarely leave over price. They leave because nobody called.\n\n1. Answer within a business day.\n2. Break bad news early.\n3. Keep the promises you make in email.\n\nYou are receiving this because you subscribed at agencyweekly.example.",
      },
    ],
    [
      {
        from: harvest, to: [maya], at: '2026-03-01 07:00', subject: 'Your Harvest invoice for March', automated: true, extraHeaders: LIST,
        body: 'Hi Maya,\n\nYour invoice for March is ready: EUR 96.00 for 8 seats.\n\nView it at https://harvest.example/invoices/2026-03\n\nThe Harvest team',
      },
    ],
  ],
};
