// The sync suites again, with every device's SyncClient across a message channel (shared/sync-worker), as
// the renderer runs it in a worker (issue 18): replication, first sync, conflicts and carried events must
// hold the same when the client and the page's hooks (conflict handlers with the keys, the catch-up,
// "settled") talk only through messages.
process.env.KLUIS_SYNC_THROUGH = 'channel';

await import('../sync/replication.test');
await import('../sync/first-sync.test');
await import('../sync/conflicts.test');
await import('../sync/carried-events.test');

export {};
