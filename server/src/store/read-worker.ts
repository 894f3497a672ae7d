// A reader thread (read-pool.ts): reads the messages it is sent with readMany and posts the outcomes back.
import { parentPort } from 'node:worker_threads';
import type { AnalysisSettings, NormalizedMessage, NormalizedMessageInput } from '@followthrough/shared';
import { lowerThisThreadsPriority } from '../background-priority';
import { nameThisThread, THREAD_NAMES } from '../thread-name.mjs';
import { readMany } from './message-reader';

export interface ReadJob {
  job: number;
  messages: (NormalizedMessage | NormalizedMessageInput)[];
  /** The batch index of messages[0]. */
  offset: number;
  settingsJson: string;
  validate: boolean;
}

// Reading a batch is bulk work: requests being served go first when cores are short.
lowerThisThreadsPriority();
nameThisThread(THREAD_NAMES.readPool);

// The engine memoizes per settings object; a job's settings arrive as text, and the same text is parsed once.
let lastSettings: { json: string; settings: AnalysisSettings } | undefined;

parentPort!.on('message', (job: ReadJob) => {
  if (lastSettings?.json !== job.settingsJson) lastSettings = { json: job.settingsJson, settings: JSON.parse(job.settingsJson) as AnalysisSettings };
  const settings = lastSettings.settings;
  const outcomes = readMany(job.messages, job.offset, settings, job.validate);
  parentPort!.postMessage({ job: job.job, outcomes });
});
