// Ids for records, subjects, keys and audit entries. Below every other folder, so the store, the vault
// and the audit trail can make ids without depending on each other.
import { randomBytes } from './bytes';

const hex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

let sequence = 0;

/**
 * Ids for records, subjects and keys: the creation time in ms (12 hex digits), a counter (6) and 72
 * random bits (18). No personal data. Ids that grow with time let IndexedDB append to its B-tree instead
 * of scattering writes across it; the time they reveal is no more than the plaintext `updatedAt` does.
 */
export const newId = (): string => {
  sequence = (sequence + 1) % 0x1000000;
  return (
    Date.now().toString(16).padStart(12, '0') + sequence.toString(16).padStart(6, '0') + hex(randomBytes(9))
  );
};
