// The face of shared/access: what the rest of Kluis may use from it. Import from this folder, never from a file in it.
export * from './access-package';
export * from './access-report';
export * from './access-report-texts';
export * from './vcard';
export * from './operations';
