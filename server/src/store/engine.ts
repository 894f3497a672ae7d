// The engine functions the server calls, gathered in one place: if the engine's API moves, only this
// file changes. Everything here is pure (no I/O); the store feeds it rows and persists its results.
export {
  extractMessageFacts,
  subjectThreadKeys,
  isReplySubject,
  subjectMergeWindowMs,
  resolveThreadId,
  analyzeThread,
  lagStats,
  resolvePromiseStatus,
  summarizeCounterpart,
  buildProgressReport,
  createCounterpartResolver,
  promiseId,
  businessMinutesBetween,
} from '@followthrough/shared';
export type { ThreadIndex } from '@followthrough/shared';
