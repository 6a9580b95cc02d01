// The face of shared/store: what the rest of Kluis may use from it. Import from this folder, never from a file in it.
export * from './data-keys';
export * from './database';
export * from './errors';
export * from './item-repository';
export * from './migrations';
export * from './open-records';
export * from './page-key-ring';
export * from './schemas';
export * from './sealed-records';
export * from './change-events';
export * from './settings-repository';
export * from './subject-repository';
export * from './item-cache';
