// The face of shared/tasks: what the rest of Kluis may use from it. Import from this folder, never from a file in it.
export * from './task';
export * from './operations';
export * from './queries';
