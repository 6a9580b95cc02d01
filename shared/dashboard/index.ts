// The face of shared/dashboard: what the rest of Kluis may use from it. Import from this folder, never from a file in it.
export * from './dashboard';
export * from './dashboard-load';
export * from './queries';
