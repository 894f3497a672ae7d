import { describe, expect, it } from 'vitest';
import { detectCalendarNotice } from './calendar-notice';

const notice = (subject: string, headers?: Record<string, string>) => detectCalendarNotice({ subject, ...(headers ? { headers } : {}) });

describe('detectCalendarNotice', () => {
  it('recognises answers to an invitation from Outlook and Google Calendar, in several languages', () => {
    for (const subject of [
      'Accepted: Kickoff workshop',
      'Declined: Kickoff workshop',
      'Tentative: Kickoff workshop',
      'Tentatively accepted: Kickoff workshop',
      'Accepted (tentatively): Kickoff workshop',
      'Accepted: Kickoff workshop @ Thu Nov 12, 2026 10am - 12pm (CET) (tom@acme.com)',
      'Angenommen: Kickoff-Workshop',
      'Abgelehnt: Kickoff-Workshop',
      'Mit Vorbehalt angenommen: Kickoff-Workshop',
      'Accepté : Atelier de lancement',
      'ACCEPTÉ : Atelier de lancement',
      'Refusé : Atelier de lancement',
      'Aceptado: Taller de inicio',
      'Rechazado: Taller de inicio',
      '[EXTERNAL] Accepted: Kickoff workshop',
      '  accepted:Kickoff workshop',
    ]) {
      expect(notice(subject), subject).toEqual({ kind: 'response', reason: 'calendar response subject' });
    }
  });

  it('recognises invitations and their updates', () => {
    for (const subject of [
      'Invitation: Kickoff workshop @ Thu Nov 12, 2026 10am - 12pm (CET) (tom@acme.com)',
      'Updated invitation: Kickoff workshop @ Thu Nov 12, 2026 11am - 1pm (CET) (tom@acme.com)',
      'Updated invitation with note: Kickoff workshop @ Thu Nov 12, 2026 11am - 1pm (CET) (tom@acme.com)',
      'Updated invitation: Kickoff workshop',
      'Einladung: Kickoff-Workshop @ Do. 12. Nov. 2026 10:00 - 12:00 (MEZ) (tom@acme.com)',
      'Aktualisierte Einladung: Kickoff-Workshop',
      'Invitation : Atelier de lancement @ jeu. 12 nov. 2026 10:00 - 12:00 (CET) (tom@acme.com)',
    ]) {
      expect(notice(subject)?.kind, subject).toBe('invitation');
    }
  });

  it('leaves people writing alone', () => {
    for (const subject of [
      // A person answering in the thread of a calendar notice: a reply prefix comes first.
      'Re: Accepted: Kickoff workshop',
      'AW: Einladung: Kickoff-Workshop @ Do. 12. Nov. 2026 10:00',
      'Fwd: Declined: Kickoff workshop',
      // The same words without the calendar's colon.
      'Accepted the offer',
      'Accepted offer and next steps',
      'Declined payment on invoice 4411',
      'Tentative agenda for Thursday',
      // A person announcing an event: no "@ <date>" as Google Calendar writes it.
      'Invitation: our customer day in June',
      'Einladung: Sommerfest',
      // The words later in the subject.
      'Kickoff workshop: accepted',
      'Q4 rollout plan',
      '',
    ]) {
      expect(notice(subject), subject).toBeNull();
    }
  });

  it('reads the message own calendar signals when its source kept them', () => {
    expect(notice('Kickoff workshop', { 'Content-Type': 'text/calendar; charset="utf-8"; method=REPLY' })).toEqual({
      kind: 'response',
      reason: 'text/calendar; method=REPLY',
    });
    expect(notice('Kickoff workshop', { 'content-type': 'text/calendar; method="REQUEST"; charset=UTF-8' })?.kind).toBe('invitation');
    // Outlook invitations carry only the meeting's title as subject: the Exchange header tells them apart.
    expect(notice('Kickoff workshop', { 'Content-Class': 'urn:content-classes:calendarmessage' })).toEqual({
      kind: 'invitation',
      reason: 'Content-Class: calendar message header',
    });
    expect(notice('Accepted: Kickoff workshop', { 'Content-Class': 'urn:content-classes:calendarmessage' })?.kind).toBe('response');
  });

  it('keeps cancellations and counter-proposals as turns: they change the plan or ask something', () => {
    expect(notice('Kickoff workshop', { 'Content-Type': 'text/calendar; method=CANCEL' })).toBeNull();
    expect(notice('Kickoff workshop', { 'Content-Type': 'text/calendar; method=COUNTER' })).toBeNull();
    for (const subject of ['Canceled: Kickoff workshop', 'New Time Proposed: Kickoff workshop', 'Abgesagt: Kickoff-Workshop']) {
      expect(notice(subject, { 'Content-Class': 'urn:content-classes:calendarmessage' }), subject).toBeNull();
    }
    // Other content types and content classes say nothing about calendars.
    expect(notice('Kickoff workshop', { 'Content-Type': 'multipart/alternative; boundary="b1"' })).toBeNull();
    expect(notice('Kickoff workshop', { 'Content-Class': 'urn:content-classes:message' })).toBeNull();
  });
});
