import type { NormalizedMessage } from '../model/message';
import { parseAddress } from './addresses';

export interface AutomatedVerdict {
  automated: boolean;
  /** Why, in words a user understands ("auto-reply subject", "List-Unsubscribe header"). */
  reason?: string;
}

// Local parts that only machines send from. "notifications@" is GitHub/Jira/Asana style.
const MACHINE_SENDER =
  /^(?:no[-_.]?reply|do[-_.]?not[-_.]?reply|mailer[-_.]?daemon|postmaster|notifications?|calendar[-_.]?notifications?|newsletters?|bounces?|auto[-_.]?(?:reply|responder|confirm))(?:[-_.+].*)?$/i;

// Subjects of auto-replies and bounces, in the languages our users' clients write. Anchored at the start
// (no Re: allowed) so a human replying "Re: Out of office next week?" inside a thread is not caught.
const AUTOMATED_SUBJECT = new RegExp(
  '^(?:' +
    [
      'automatic reply',
      'auto(?:matic)?[- ]?(?:reply|response|answer)',
      'autoreply',
      'out of (?:the )?office',
      'abwesenheitsnotiz',
      'automatische antwort',
      'r[ée]ponse automatique',
      'respuesta autom[áa]tica',
      'risposta automatica',
      'automatisch antwoord',
      'automatiskt svar',
      'undeliverable',
      'undelivered mail',
      'delivery status notification',
      'mail delivery (?:failed|failure|subsystem)',
      'returned mail',
      'delivery has failed',
      'unzustellbar',
      'non remis',
    ].join('|') +
    ')',
  'i',
);

/** A header's value by case-insensitive name: sources keep header names as the mail spelled them. */
export function headerValue(headers: Record<string, string> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

/**
 * Automated mail (no-reply senders, mailing lists, bulk mail, auto-replies, bounces) is never a
 * conversation turn and never resets the silence clock. Headers are the strong signals (RFC 3834
 * Auto-Submitted, RFC 2369 List-*, the de-facto Precedence and X-Autoreply); the sender and subject
 * catch what providers strip headers from (Gmail API metadata, .eml exports without list headers).
 */
export function detectAutomated(message: Pick<NormalizedMessage, 'from' | 'subject' | 'headers'>): AutomatedVerdict {
  const headers = message.headers;
  const autoSubmitted = headerValue(headers, 'Auto-Submitted');
  if (autoSubmitted !== undefined && autoSubmitted.trim().toLowerCase() !== 'no') {
    return { automated: true, reason: `Auto-Submitted: ${autoSubmitted.trim()} header` };
  }
  if (headerValue(headers, 'List-Unsubscribe') !== undefined) return { automated: true, reason: 'List-Unsubscribe header' };
  if (headerValue(headers, 'List-Id') !== undefined) return { automated: true, reason: 'List-Id header (mailing list)' };
  const precedence = headerValue(headers, 'Precedence')?.trim().toLowerCase();
  if (precedence === 'bulk' || precedence === 'list' || precedence === 'junk') {
    return { automated: true, reason: `Precedence: ${precedence} header` };
  }
  if (headerValue(headers, 'X-Autoreply') !== undefined || headerValue(headers, 'X-Autorespond') !== undefined) {
    return { automated: true, reason: 'auto-reply header' };
  }
  const sender = parseAddress(message.from);
  const local = sender?.address.slice(0, sender.address.lastIndexOf('@')) ?? '';
  if (MACHINE_SENDER.test(local)) return { automated: true, reason: `machine sender ${sender?.address ?? ''}` };
  if (AUTOMATED_SUBJECT.test(message.subject.trim())) return { automated: true, reason: 'auto-reply or bounce subject' };
  return { automated: false };
}
