// The API contract: request and response schemas, one file per resource. The server validates with
// these, the extension's typed client and the OpenAPI document are derived from them.
export * from './errors';
export * from './settings';
export * from './messages';
export * from './counterparts';
export * from './threads';
export * from './promises';
export * from './touchpoints';
export * from './reminders';
export * from './reports';
export * from './export';
export * from './accounts';
export * from './auth';
export * from './memory';
export * from './data';
export * from './orgs';
