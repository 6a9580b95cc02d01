// The face of shared/activities: what the rest of Kluis may use from it. Import from this folder, never from a file in it.
export * from './activity';
export * from './eml';
export * from './timeline';
export * from './operations';
export * from './queries';
