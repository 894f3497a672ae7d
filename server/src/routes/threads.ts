import { Hono } from 'hono';
import { z } from 'zod';
import type { ThreadSummaryResponse } from '@followthrough/shared/contract';
import type { AppEnv } from '../http/env';
import { ApiError } from '../http/errors';
import { validate } from '../http/validate';
import { loadThreadSummaryData, viewCounterpart } from '../store/read-model';
import { settingsOfUser } from '../store/users';
import { lagStats } from '../store/engine';
import { threadLink } from '../store/links';

export const threadRoutes = new Hono<AppEnv>().get(
  '/:threadId/summary',
  validate('param', z.object({ threadId: z.string().min(1) })),
  async (c) => {
    const { threadId } = c.req.valid('param');
    // One statement reads the thread and everything about its client (store/read-model.ts).
    const row = await loadThreadSummaryData(c.var.deps.database.client, c.var.user.id, threadId);
    if (!row) throw ApiError.notFound(`thread ${threadId}`);
    const { facts } = row;
    const { settings: userSettings, analysis: settings } = settingsOfUser(c.var.user);
    const now = c.var.deps.clock();

    const view = row.counterpartData ? viewCounterpart(row.counterpartData, settings, now) : null;
    const promises = view?.promises ?? [];
    const body: ThreadSummaryResponse = {
      threadId,
      subject: facts.subject,
      counterpart: facts.counterpart,
      messageCount: row.messageCount,
      initiatedBy: facts.initiatedBy,
      firstMessage: facts.firstMessage,
      lastMessage: facts.lastMessage,
      lags: { ours: lagStats(facts.lags, 'us'), theirs: lagStats(facts.lags, 'them'), samples: facts.lags },
      awaiting: facts.awaiting,
      promises: promises.filter((p) => p.threadId === threadId),
      otherOpenPromises: promises.filter((p) => p.threadId !== threadId && (p.status === 'open' || p.status === 'overdue')),
      // Only what they asked that we have not answered yet: the engine's unanswered list, not every request.
      requests: (view?.summary.requests ?? []).filter((r) => r.threadId === threadId),
      risks: (view?.risks ?? []).filter((r) => r.threadId === threadId),
      counterpartSummary: view ? { ...view.summary, name: view.profile.name, renewalDate: view.profile.renewalDate } : null,
      link: threadLink({
        providedThreadId: row.providedThreadId,
        messageId: facts.lastMessage?.messageId ?? facts.messageIds[0] ?? null,
        subject: facts.subject,
        userAddress: userSettings.addresses[0] ?? c.var.user.email,
      }),
    };
    return c.json(body, 200);
  },
);
