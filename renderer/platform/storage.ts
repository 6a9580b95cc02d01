// The renderer's local database: RxDB on IndexedDB through Dexie. Several tabs of the browser host may
// have it open at once.
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { openKluisDatabase, type KluisDatabase } from '../../shared/store';

export const openLocalDatabase = (): Promise<KluisDatabase> =>
  openKluisDatabase({ storage: getRxStorageDexie(), name: 'kluis', multiInstance: true });
