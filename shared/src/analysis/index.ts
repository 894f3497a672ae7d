// The ONLY place analysis rules are listed (registry.test.ts fails when a rule file is missing here or
// has no test beside it). Language rules first (what a message says), then relationship rules (what the
// mailbox says), then the engine that composes them.
export * from './time/zoned';

// Language rules: the body is read only through these.
export * from './visible-text';
export * from './promises';
export * from './due-dates';
export * from './requests';
export * from './deliveries';
export * from './risks';
export * from './feedback-questions';
export * from './promise-id';

// Relationship rules.
export * from './addresses';
export * from './counterparts';
export * from './automated';
export * from './calendar-notice';
export * from './closing-message';
export * from './message-facts';
export * from './threading';
export * from './business-time';
export * from './duration-words';
export * from './thread-analysis';
export * from './counterpart-aggregate';
export * from './aggregate-storage';
export * from './awaiting';
export * from './lag-stats';
export * from './fulfilment';
export * from './fulfilment-reports';
export * from './fulfilment-fixes';
export * from './promise-status';
export * from './silence';
export * from './health';
export * from './counterpart-summary';
export * from './progress-report';
export * from './reminder-rules';
export * from './review-rules';
export * from './team-figures';
export * from './mailbox-analyzer';
