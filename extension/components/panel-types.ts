import type { Department, ProgressReport, PromiseVerdict, Review, VerdictStatus, TouchpointKind, WorkingHours } from '@followthrough/shared/model';
import type { ThreadSummaryResponse } from '@followthrough/shared/contract';
import type { ComponentType } from 'react';
import type { ReadCoverage } from '../utils/read-coverage';

/** Where the figures came from. */
export type DataSource = 'local' | 'server';

export type ServerState =
  | { status: 'local-only' }
  | { status: 'loading' }
  | { status: 'ok' }
  | { status: 'not-found' }
  | { status: 'error'; message: string };

/** Everything a panel may read. Panels never see the page: only this. */
export interface SidebarView {
  summary: ThreadSummaryResponse;
  source: DataSource;
  now: Date;
  timeZone: string;
  /** The user's working hours: business time is said in their working days. */
  workingHours: WorkingHours;
  /** Collapsed messages read as sender + snippet only. */
  partialCount: number;
  /** What the page did not let us read (local figures only; null for the server's). */
  coverage: ReadCoverage | null;
  /** Local figures: how many of this client's threads this browser remembers (1 = this one only); null from the server. */
  threadsRemembered?: number | null;
  /** The user's department (their setting): what touchpoints are logged with unless they pick another. */
  department?: Department | null;
}

export type ReportResult = { ok: true; report: ProgressReport; source: DataSource } | { ok: false; message: string };

/** What a panel may ask for. The sidebar decides how (messaging, host driver). */
export interface SidebarActions {
  logTouchpoint(kind: TouchpointKind, note: string, extra?: { department?: Department; review?: Review }): Promise<void>;
  setVerdict(promiseId: string, verdict: PromiseVerdict & { status: VerdictStatus }): Promise<void>;
  draftReport(): Promise<ReportResult>;
  /** Asks the host driver to put text into the open reply box; false when none is open. */
  insertIntoReply(text: string): boolean;
  copyText(text: string): Promise<boolean>;
}

export interface PanelProps {
  view: SidebarView;
  actions: SidebarActions;
}

export interface PanelDefinition {
  /** Equals the file name without extension: the registry test relies on it. */
  id: string;
  title: string;
  Component: ComponentType<PanelProps>;
  /** Panels with nothing to say for this thread are left out rather than shown empty. */
  applies?(view: SidebarView): boolean;
}
