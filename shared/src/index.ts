export * from './model/index';
export * from './analysis/index';
