// The face of shared/rectification: what the rest of Kluis may use from it. Import from this folder, never from a file in it.
export * from './field-history';
export * from './update-subject';
export * from './queries';
