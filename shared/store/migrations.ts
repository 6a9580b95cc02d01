// Payloads carry their kind's version; older payloads are upgraded after decryption by numbered
// migrations, one file each under migrations/<kind>/, registered here in order.

export type Migration = (payload: Record<string, unknown>) => Record<string, unknown>;

/** MIGRATIONS[kind][n] upgrades a payload from version n+1 to n+2. */
const MIGRATIONS: Record<string, readonly Migration[]> = {
  person: [],
  organisation: [],
};

export class PayloadVersionError extends Error {
  override readonly name = 'PayloadVersionError';
}

export const migratePayload = (
  kind: string,
  fromVersion: number,
  toVersion: number,
  payload: Record<string, unknown>,
): Record<string, unknown> => {
  if (fromVersion > toVersion) {
    throw new PayloadVersionError(
      `A ${kind} record was written by a newer Kluis (v${fromVersion}); update Kluis`,
    );
  }
  const steps = MIGRATIONS[kind] ?? [];
  let current = payload;
  for (let v = fromVersion; v < toVersion; v++) {
    const step = steps[v - 1];
    if (!step) throw new PayloadVersionError(`No migration for ${kind} from v${v}`);
    current = step(current);
  }
  return current;
};
