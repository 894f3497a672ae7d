import { describe, expect, it } from 'vitest';
import { detectAutomated, headerValue } from './automated';

const human = { from: 'Tom Reed <tom@acme.com>', subject: 'Re: Q4 rollout plan', headers: {} };

describe('detectAutomated', () => {
  it('leaves a person writing alone', () => {
    expect(detectAutomated(human)).toEqual({ automated: false });
    // A person discussing absence in a reply is still a person.
    expect(detectAutomated({ ...human, subject: 'Re: Out of office next week?' }).automated).toBe(false);
    expect(detectAutomated({ ...human, headers: { 'Auto-Submitted': 'no' } }).automated).toBe(false);
    expect(detectAutomated({ ...human, from: 'notify-me-later@acme.com' }).automated).toBe(false);
  });

  it('recognises machine senders', () => {
    for (const from of ['no-reply@accounts.google.com', 'Acme Billing <noreply@acme.com>', 'donotreply@bank.example.com', 'MAILER-DAEMON@mx.acme.com', 'postmaster@acme.com', 'GitHub <notifications@github.com>', 'do_not_reply@apple.com', 'Google Calendar <calendar-notification@google.com>', 'Acme News <newsletter@news.acme.com>', 'noreply+1234@zoom.us']) {
      expect(detectAutomated({ ...human, from }).automated, from).toBe(true);
    }
  });

  it('recognises list, bulk and auto-reply headers in any case', () => {
    const cases: Record<string, string>[] = [
      { 'list-unsubscribe': '<mailto:unsub@news.acme.com>' },
      { 'List-Id': 'R help <r-help.r-project.org>' },
      { 'Auto-Submitted': 'auto-replied' },
      { Precedence: 'bulk' },
      { Precedence: 'list' },
      { precedence: 'junk' },
      { 'X-Autoreply': 'yes' },
      { 'X-Autorespond': 'Out of office' },
    ];
    for (const headers of cases) expect(detectAutomated({ ...human, headers }).automated, JSON.stringify(headers)).toBe(true);
    expect(detectAutomated({ ...human, headers: { 'Auto-Submitted': 'auto-replied' } }).reason).toMatch(/Auto-Submitted/);
  });

  it('recognises auto-reply and bounce subjects in several languages', () => {
    for (const subject of [
      'Automatic reply: Q4 rollout plan',
      'Out of Office: Re: invoice',
      'Autoreply: Re: logo files',
      'Auto-Reply: your message',
      'Abwesenheitsnotiz: AW: Angebot',
      'Réponse automatique : devis',
      'Undeliverable: Q4 rollout plan',
      'Delivery Status Notification (Failure)',
      'Mail delivery failed: returning message to sender',
    ]) {
      expect(detectAutomated({ ...human, subject }).automated, subject).toBe(true);
    }
  });

  it('finds a header whatever case its source spelled the name in', () => {
    expect(headerValue({ 'content-type': 'text/calendar; method=REPLY' }, 'Content-Type')).toBe('text/calendar; method=REPLY');
    expect(headerValue({ 'Content-Class': 'urn:content-classes:calendarmessage' }, 'content-class')).toBe('urn:content-classes:calendarmessage');
    expect(headerValue({}, 'Content-Type')).toBeUndefined();
    expect(headerValue(undefined, 'Content-Type')).toBeUndefined();
  });
});
