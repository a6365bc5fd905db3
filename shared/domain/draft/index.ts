export * from './model';
export * from './validation';
export * from './migrations';
export * from './to-meldung';
