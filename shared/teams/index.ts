export * from './operations';
export * from './queries';
export * from './teams';
