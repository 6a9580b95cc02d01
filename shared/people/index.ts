// The face of shared/people: what the rest of Kluis may use from it. Import from this folder, never from a file in it.
export * from './contact-values';
export * from './person';
