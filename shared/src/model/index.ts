export * from './message';
export * from './settings';
export * from './facts';
export * from './promise';
export * from './touchpoint';
export * from './analysis-document';
export * from './weekdays';
