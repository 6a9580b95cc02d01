// The face of shared/purposes: the GDPR vocabulary, the ledgers' order and recorder, the purposes
// register with the per-person lawful basis, and the controller. Import from this folder, never from a file in it.
export * from './vocabulary';
export * from './ledger';
export * from './purposes';
export * from './controller';
export * from './operations';
