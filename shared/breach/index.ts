// The face of shared/breach: what the rest of Kluis may use from it. Import from this folder, never from a file in it.
export * from './clock';
export * from './data-kinds';
export * from './drill';
export * from './exports';
export * from './html';
export * from './letters';
export * from './report';
export * from './report-texts';
export * from './summary';
export * from './types';
export * from './operations';
export * from './queries';
