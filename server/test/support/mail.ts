import type { NormalizedMessageInput } from '@followthrough/shared';

/**
 * A realistic mailbox for route tests: Alice (account manager at acme.example) and her client
 * Northwind (bob@northwind.example), with Gmail "On ... wrote:" quoting, an Outlook "From:/Sent:" block,
 * signatures, and a newsletter that must not count as contact.
 */
export function northwindThread(me = 'alice@acme.example'): NormalizedMessageInput[] {
  return [
    {
      id: '<CAF1-request@mail.northwind.example>',
      threadId: '18c2f0a9b1d4e7f3',
      from: 'Bob Lindqvist <bob@northwind.example>',
      to: [me],
      date: '2026-11-16T09:12:00+01:00',
      subject: 'Statement of work for the warehouse rollout',
      text: [
        'Hi Alice,',
        '',
        'Could you send us the revised statement of work for the warehouse rollout?',
        'Our board meets on the 24th.',
        '',
        'Best regards,',
        'Bob Lindqvist',
        'Head of Operations | Northwind Traders',
      ].join('\n'),
    },
    {
      id: '<CAG2-promise@mail.acme.example>',
      threadId: '18c2f0a9b1d4e7f3',
      from: `Alice Meyer <${me}>`,
      to: ['Bob Lindqvist <bob@northwind.example>'],
      date: '2026-11-16T11:40:00+01:00',
      subject: 'Re: Statement of work for the warehouse rollout',
      inReplyTo: '<CAF1-request@mail.northwind.example>',
      references: ['<CAF1-request@mail.northwind.example>'],
      text: [
        'Hi Bob,',
        '',
        "Thanks for the nudge. I'll send you the revised statement of work by Friday.",
        '',
        'Best,',
        'Alice',
        '',
        'On Mon, Nov 16, 2026 at 9:12 AM Bob Lindqvist <bob@northwind.example> wrote:',
        '> Hi Alice,',
        '> Could you send us the revised statement of work for the warehouse rollout?',
        "> I'll be in the office all week.",
      ].join('\n'),
    },
    {
      id: '<AM0PR-unhappy@northwind.example>',
      threadId: '18c2f0a9b1d4e7f3',
      from: 'Bob Lindqvist <bob@northwind.example>',
      to: [me],
      date: '2026-11-18T14:05:00+01:00',
      subject: 'RE: Statement of work for the warehouse rollout',
      inReplyTo: '<CAG2-promise@mail.acme.example>',
      references: ['<CAF1-request@mail.northwind.example>', '<CAG2-promise@mail.acme.example>'],
      text: [
        'Alice,',
        '',
        'Honestly we are quite disappointed with how long the last change took.',
        '',
        'Bob',
        '',
        'From: Alice Meyer <alice@acme.example>',
        'Sent: Monday, November 16, 2026 11:40 AM',
        'To: Bob Lindqvist <bob@northwind.example>',
        'Subject: Re: Statement of work for the warehouse rollout',
        '',
        "Thanks for the nudge. I'll send you the revised statement of work by Friday.",
      ].join('\n'),
    },
  ];
}

/** A newsletter from the client's domain: automated, never a conversation turn or contact. */
export function newsletter(me = 'alice@acme.example'): NormalizedMessageInput {
  return {
    id: '<news-2026-11@lists.northwind.example>',
    from: 'Northwind News <no-reply@northwind.example>',
    to: [me],
    date: '2026-11-20T07:00:00+01:00',
    subject: 'Northwind monthly update',
    text: 'Our November highlights. Unsubscribe at any time.',
    headers: { 'List-Unsubscribe': '<mailto:unsubscribe@northwind.example>', Precedence: 'bulk' },
  };
}

/** A reply that carries no threadId and no In-Reply-To: only the subject and people tie it to its thread. */
export function headerlessReply(me = 'alice@acme.example'): NormalizedMessageInput {
  return {
    id: '<loose-reply@mail.acme.example>',
    from: `Alice Meyer <${me}>`,
    to: ['bob@northwind.example'],
    date: '2026-11-19T10:00:00+01:00',
    subject: 'Re: Statement of work for the warehouse rollout',
    text: 'Hi Bob,\n\nSorry to hear that. Let me call you this afternoon.\n\nAlice',
  };
}

/** Our delivery of the promised document: a later outbound message in the thread keeps the promise. */
export function deliveryMessage(date: string, me = 'alice@acme.example'): NormalizedMessageInput {
  return {
    id: '<CAG3-delivery@mail.acme.example>',
    threadId: '18c2f0a9b1d4e7f3',
    from: `Alice Meyer <${me}>`,
    to: ['bob@northwind.example'],
    date,
    subject: 'Re: Statement of work for the warehouse rollout',
    inReplyTo: '<AM0PR-unhappy@northwind.example>',
    text: 'Hi Bob,\n\nAs promised, the revised statement of work is attached.\n\nAlice',
  };
}

/** A client on Outlook (Microsoft Graph ids), for link tests. */
export function fabrikamOutlookMessage(me = 'alice@acme.example'): NormalizedMessageInput {
  return {
    id: 'AAMkADk0ZjM2LWQ1NjAtNDJhZS1hNmI0LTU0ZGU3NzA0NDE1NwBGAAAAAADfVbqIzzHyTJTj9kx2rOVjBwBVQ1p1AAA=',
    threadId: 'AAQkADk0ZjM2LWQ1NjAtNDJhZS1hNmI0LTU0ZGU3NzA0NDE1NwAQAKPwT5p6hTFBuWq6Hc7i7Q0=',
    from: 'Carla Diaz <carla@fabrikam.example>',
    to: [me],
    date: '2026-11-19T16:30:00+01:00',
    subject: 'Invoice question',
    text: 'Hello Alice,\n\nCan you confirm the invoice total for October?\n\nKind regards,\nCarla',
  };
}
