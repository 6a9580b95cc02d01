// The face of shared/territories: what the rest of Kluis may use from it. Import from this folder, never from a file in it.
export * from './admin-keys';
export * from './definitions';
export * from './epochs';
export * from './exposure';
export * from './grants';
export { departuresWaiting } from './departures';
export * from './guard';
export * from './keys';
export * from './model';
export * from './move';
export * from './move-purges';
export * from './protocol';
export * from './tags';
export * from './operations';
export * from './queries';
export * from './roster';
export * from './rotation';
export * from './withheld';
