// Opens the local RxDB database with Kluis's envelope collections. The storage is injected: Dexie on
// IndexedDB in the renderer, memory storage in unit tests.
import { addRxPlugin, createRxDatabase, type RxCollection, type RxDatabase, type RxStorage } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import {
  auditSchema,
  complianceSchema,
  itemSchema,
  keySchema,
  recordSchema,
  settingSchema,
  vaultSchema,
  type AuditDoc,
  type ComplianceDoc,
  type ItemDoc,
  type KeyDoc,
  type RecordDoc,
  type SettingDoc,
  type VaultDoc,
} from './schemas';

export interface KluisCollections {
  records: RxCollection<RecordDoc>;
  keys: RxCollection<KeyDoc>;
  items: RxCollection<ItemDoc>;
  settings: RxCollection<SettingDoc>;
  audit: RxCollection<AuditDoc>;
  compliance: RxCollection<ComplianceDoc>;
  vault: RxCollection<VaultDoc>;
}

export type KluisDatabase = RxDatabase<KluisCollections>;

export interface OpenDatabaseOptions {
  // RxDB's storage type parameters differ per adapter; the database does not care which.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly storage: RxStorage<any, any>;
  readonly name?: string;
  /** Several tabs of the browser host may share one database. */
  readonly multiInstance?: boolean;
}

export const DEFAULT_DATABASE_NAME = 'kluis';

// Schema versions move forward with one migration strategy per version (schemas.ts says what changed).
// Added on first open rather than on import, so code that only reads this folder's types and helpers
// (the import worker) does not pull RxDB in. addRxPlugin ignores a plugin added twice.
let pluginsAdded = false;

export const openKluisDatabase = async ({
  storage,
  name = DEFAULT_DATABASE_NAME,
  multiInstance = false,
}: OpenDatabaseOptions): Promise<KluisDatabase> => {
  if (!pluginsAdded) {
    addRxPlugin(RxDBMigrationSchemaPlugin);
    pluginsAdded = true;
  }
  const db = await createRxDatabase<KluisCollections>({
    name,
    storage,
    multiInstance,
    eventReduce: true,
    closeDuplicates: true,
  });
  await db.addCollections({
    records: { schema: recordSchema },
    keys: { schema: keySchema },
    items: { schema: itemSchema },
    settings: { schema: settingSchema },
    audit: { schema: auditSchema, migrationStrategies: { 1: (doc: AuditDoc) => doc } },
    compliance: { schema: complianceSchema },
    vault: { schema: vaultSchema },
  });
  return db;
};
