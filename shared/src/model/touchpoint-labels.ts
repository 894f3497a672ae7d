import type { TouchpointKind } from './touchpoint';

// Apart from touchpoint.ts so that the engine (progress-report.ts) takes the words without zod.
/** How each kind is named to a person: the report, the client's page and the team's page say the same. */
export const TOUCHPOINT_LABELS: Record<TouchpointKind, string> = {
  call: 'Call',
  meeting: 'Meeting',
  note: 'Note',
  'feedback-asked': 'Asked for feedback',
  'report-sent': 'Progress report sent',
  invoice: 'Invoice',
  review: 'Quarterly review',
  other: 'Contact',
};
