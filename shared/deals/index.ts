// The face of shared/deals: what the rest of Kluis may use from it. Import from this folder, never from a file in it.
export * from './deal';
export * from './pipeline';
export * from './operations';
export * from './queries';
