import type { AnalysisSettings } from '@followthrough/shared';
import type { Reminder } from '@followthrough/shared/contract';
import type { Database } from '../db/client';
import { businessMinutesBetween } from './engine';
import { threadLink } from './links';
import { promiseViews } from './promises';

const DAY_MS = 86_400_000;
/** Renewals this close are worth a reminder; feedback older than this is worth asking again. */
export const RENEWAL_WINDOW_DAYS = 60;
export const FEEDBACK_INTERVAL_DAYS = 90;
/** Touchpoint kinds that are contact with the client (a note or an invoice is not a conversation). */
const CONTACT_KINDS = ['call', 'meeting', 'feedback-asked', 'report-sent'];

function quote(text: string, max = 120): string {
  const short = text.length > max ? `${text.slice(0, max - 1)}…` : text;
  return `“${short}”`;
}

interface ReminderInput {
  database: Database;
  userId: string;
  userAddress: string;
  settings: AnalysisSettings;
  now: Date;
  until: Date;
}

/** Everything that needs the user's attention now, each with a link that opens its thread. */
export async function listReminders(input: ReminderInput): Promise<Reminder[]> {
  const { database, userId, settings, now, until } = input;
  const { client, db } = database;
  const nowIso = now.toISOString();
  const reminders: Reminder[] = [];

  const threadRows = await client.execute({
    sql: `SELECT t.thread_id, t.provided_thread_id, t.counterpart, t.last_contact_at, t.awaiting_side, t.awaiting_since,
                 json_extract(t.facts_json, '$.subject') AS subject,
                 json_extract(t.facts_json, '$.awaiting.lastMessageId') AS awaiting_message
          FROM threads t WHERE t.user_id = ? AND t.counterpart IS NOT NULL`,
    args: [userId],
  });
  const link = (threadId: string, provided: unknown, messageId: string | null, subject: string) =>
    threadLink({ providedThreadId: provided ? String(provided) : null, messageId, subject, userAddress: input.userAddress });

  // Latest contact per counterpart (mail either way, or a logged conversation), and its thread.
  const latest = new Map<string, { at: string; threadId: string | null; provided: unknown; subject: string; messageId: string | null }>();
  const threadInfo = new Map<string, { provided: unknown; subject: string }>();
  for (const r of threadRows.rows) {
    const threadId = String(r.thread_id);
    const subject = String(r.subject ?? '');
    threadInfo.set(threadId, { provided: r.provided_thread_id, subject });
    const counterpart = String(r.counterpart);
    const at = r.last_contact_at ? String(r.last_contact_at) : null;
    if (at && (latest.get(counterpart)?.at ?? '') < at) {
      latest.set(counterpart, { at, threadId, provided: r.provided_thread_id, subject, messageId: null });
    }
    if (r.awaiting_side === 'us' && r.awaiting_since) {
      const since = String(r.awaiting_since);
      const waited = businessMinutesBetween(since, nowIso, settings);
      if (waited > settings.responseTargetBusinessMinutes) {
        const messageId = r.awaiting_message ? String(r.awaiting_message) : null;
        reminders.push({
          id: `awaiting-reply:${threadId}`,
          kind: 'awaiting-reply',
          counterpart,
          threadId,
          messageId,
          dueAt: null,
          since,
          title: `${counterpart} is waiting for our reply: ${quote(subject || '(no subject)')}`,
          link: link(threadId, r.provided_thread_id, messageId, subject),
        });
      }
    }
  }
  const touchRows = await client.execute({
    sql: `SELECT counterpart, kind, max(at) AS at FROM touchpoints WHERE user_id = ? GROUP BY counterpart, kind`,
    args: [userId],
  });
  const lastFeedback = new Map<string, string>();
  for (const r of touchRows.rows) {
    const counterpart = String(r.counterpart);
    const at = String(r.at);
    if (r.kind === 'feedback-asked') lastFeedback.set(counterpart, at);
    if (CONTACT_KINDS.includes(String(r.kind)) && (latest.get(counterpart)?.at ?? '') < at) {
      latest.set(counterpart, { at, threadId: null, provided: null, subject: '', messageId: null });
    }
  }
  const profiles = await client.execute({
    sql: 'SELECT key, name, cadence_days, renewal_date FROM counterpart_profiles WHERE user_id = ?',
    args: [userId],
  });
  const profileOf = new Map(profiles.rows.map((r) => [String(r.key), r]));

  // Promises due by `until` (open) or past due (overdue), unless snoozed.
  for (const p of await promiseViews(db, userId, settings, now)) {
    if (p.status !== 'open' && p.status !== 'overdue') continue;
    if (p.snoozedUntil && p.snoozedUntil > nowIso) continue;
    if (p.dueAt > until.toISOString()) continue;
    const info = threadInfo.get(p.threadId);
    const overdue = p.status === 'overdue';
    reminders.push({
      id: `promise:${p.id}`,
      kind: overdue ? 'promise-overdue' : 'promise-due',
      counterpart: p.counterpart ?? '',
      threadId: p.threadId,
      messageId: p.messageId,
      dueAt: p.dueAt,
      since: p.madeAt,
      title: `${overdue ? 'Overdue promise' : 'Promise due'} to ${p.counterpart ?? 'a client'}: ${quote(p.text)}`,
      link: link(p.threadId, info?.provided, p.messageId, info?.subject ?? ''),
    });
  }

  for (const [counterpart, last] of latest) {
    const profile = profileOf.get(counterpart);
    const cadence = profile?.cadence_days != null ? Number(profile.cadence_days) : (settings.defaultCadenceDays ?? null);
    const lastMs = Date.parse(last.at);
    if (cadence !== null && lastMs + cadence * DAY_MS < now.getTime()) {
      const days = Math.floor((now.getTime() - lastMs) / DAY_MS);
      reminders.push({
        id: `silence:${counterpart}`,
        kind: 'silence',
        counterpart,
        threadId: last.threadId,
        messageId: null,
        dueAt: new Date(lastMs + cadence * DAY_MS).toISOString(),
        since: last.at,
        title: `No contact with ${counterpart} for ${days} days (agreed cadence: every ${cadence} days)`,
        link: last.threadId ? link(last.threadId, last.provided, null, last.subject) : null,
      });
    }
    // Feedback: for clients we are in touch with (contact within the interval) and have not asked lately.
    const feedbackAt = lastFeedback.get(counterpart);
    const recentContact = now.getTime() - lastMs <= FEEDBACK_INTERVAL_DAYS * DAY_MS;
    if (recentContact && (!feedbackAt || Date.parse(feedbackAt) + FEEDBACK_INTERVAL_DAYS * DAY_MS < now.getTime())) {
      reminders.push({
        id: `feedback:${counterpart}`,
        kind: 'feedback',
        counterpart,
        threadId: null,
        messageId: null,
        dueAt: feedbackAt ? new Date(Date.parse(feedbackAt) + FEEDBACK_INTERVAL_DAYS * DAY_MS).toISOString() : null,
        since: feedbackAt ?? null,
        title: feedbackAt
          ? `Ask ${counterpart} for feedback: last asked ${Math.floor((now.getTime() - Date.parse(feedbackAt)) / DAY_MS)} days ago`
          : `Ask ${counterpart} for feedback: never asked`,
        link: null,
      });
    }
  }

  const today = nowIso.slice(0, 10);
  const horizon = new Date(now.getTime() + RENEWAL_WINDOW_DAYS * DAY_MS).toISOString().slice(0, 10);
  for (const [key, r] of profileOf) {
    const renewal = r.renewal_date ? String(r.renewal_date) : null;
    if (!renewal || renewal < today || renewal > horizon) continue;
    const days = Math.round((Date.parse(`${renewal}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS);
    reminders.push({
      id: `renewal:${key}:${renewal}`,
      kind: 'renewal',
      counterpart: key,
      threadId: null,
      messageId: null,
      dueAt: `${renewal}T00:00:00.000Z`,
      since: null,
      title: `${r.name ? String(r.name) : key} renews on ${renewal} (in ${days} days)`,
      link: null,
    });
  }

  const order = ['promise-overdue', 'awaiting-reply', 'promise-due', 'silence', 'renewal', 'feedback'];
  return reminders.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || (a.dueAt ?? a.since ?? '').localeCompare(b.dueAt ?? b.since ?? ''));
}
