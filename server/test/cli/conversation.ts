/**
 * A small, realistic conversation with a client as JSON Lines: they ask on a Monday morning, we answer two
 * hours later with a promise, we keep it on Thursday, and a later promise is overdue at `now`.
 * Berlin time; the promise made on Thursday 26 March is due after the EU daylight-saving change (29 March).
 */
export const ME = 'maya@brightlane.example';
export const NOW = '2026-04-06T09:00:00+02:00';

const lines = [
  {
    id: 'n1@northwind.example',
    from: 'Dana Okafor <dana.okafor@northwind.example>',
    to: ['Maya Chen <maya@brightlane.example>'],
    date: '2026-03-23T09:00:00+01:00',
    subject: 'Revised quote',
    text: 'Hi Maya,\n\nCould you send us the revised quote for phase 2?\n\nThanks,\nDana Okafor\nHead of Operations | Northwind Logistics',
  },
  {
    id: 'b1@brightlane.example',
    from: 'Maya Chen <maya@brightlane.example>',
    to: ['Dana Okafor <dana.okafor@northwind.example>'],
    date: '2026-03-23T11:00:00+01:00',
    subject: 'Re: Revised quote',
    inReplyTo: 'n1@northwind.example',
    references: ['n1@northwind.example'],
    text: "Hi Dana,\n\nSure. I'll send you the revised quote by Thursday.\n\nBest,\nMaya\n\nOn Mon, Mar 23, 2026 at 9:00 AM Dana Okafor <dana.okafor@northwind.example> wrote:\n> Could you send us the revised quote for phase 2?",
  },
  {
    id: 'b2@brightlane.example',
    from: 'Maya Chen <maya@brightlane.example>',
    to: ['Dana Okafor <dana.okafor@northwind.example>'],
    date: '2026-03-26T10:30:00+01:00',
    subject: 'Re: Revised quote',
    inReplyTo: 'b1@brightlane.example',
    references: ['n1@northwind.example', 'b1@brightlane.example'],
    text: "Hi Dana,\n\nThe revised quote is attached. I'll follow up with the staffing plan by Monday.\n\nBest,\nMaya",
  },
];

export const conversationJsonl = `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`;
