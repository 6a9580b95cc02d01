// Following a collection's changes without keeping them. RxDB's per-event stream (`collection.$`) splits
// each bulk of change events through a module-level Map it never empties (rxdb 17.6, rx-change-event.ts,
// EVENT_BULK_CACHE), so while anything subscribes to it, every document written — each sealed payload —
// stays in memory for good: at 30,000 people synced, 60,000 events holding 21 MB of payloads after GC.
// The bulks (`eventBulks$`) carry the same events and are let go once handled.
import type { RxCollection, RxStorageChangeEvent } from 'rxdb';
import type { Subscription } from 'rxjs';

/** Calls `handle` with each change written to `collection` from now on, as `collection.$` would. */
export const eachChange = <T>(
  collection: RxCollection<T>,
  handle: (event: RxStorageChangeEvent<T>) => void,
): Subscription =>
  collection.eventBulks$.subscribe((bulk) => {
    for (const event of bulk.events as RxStorageChangeEvent<T>[]) handle(event);
  });
