// The one schema barrel: drizzle-kit reads it to generate migrations; queries import tables from here.
export * from './users';
export * from './mail';
export * from './relationships';
export * from './accounts';
export * from './sign-in';
export * from './orgs';
