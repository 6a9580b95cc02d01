// Public face of the consent core (issue 5). Import from 'shared/consent'.
export * from './types';
export * from './derive';
export * from './gate';
export * from './notices';
export * from './defaults';
export * from './ledgers';
export { loadLedgers, loadPeople, factsFor, type LedgerIndex } from './facts';
export * from './run-gate';
export * from './bulk';
export * from './receipts';
export * from './operations';
export * from './register-export';
