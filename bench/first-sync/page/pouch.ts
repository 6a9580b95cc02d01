// The anchor of the first-sync benchmark: PouchDB (pouchdb-browser, its IndexedDB adapter) replicating a
// pouchdb-server's database of the same count and size of documents into a fresh profile, with PouchDB's
// default replication options. Served by the anchor's own server (bench/first-sync.ts), which answers
// CouchDB's API under /db. Driven through `globalThis.pouchFirstSync`; timings taken here.
import PouchDB from 'pouchdb-browser';
import { log, summarise, watchLongTasks } from './long-tasks';

const round = (ms: number) => Math.round(ms * 10) / 10;

const replicate = async ({ docs }: { docs: number }) => {
  const local = new PouchDB('anchor');
  const remote = new PouchDB(`${globalThis.location.origin}/db/bench`);
  const longTasks = watchLongTasks();
  const start = performance.now();
  const result = await local.replicate.from(remote);
  const replicateMs = round(performance.now() - start);
  // Every document is there and counted, as a list over the replica would show.
  const info = await local.info();
  const listMs = round(performance.now() - start);
  const tasks = longTasks.stop();
  if (info.doc_count !== docs) throw new Error(`replicated ${info.doc_count} of ${docs} documents`);
  log(
    `PouchDB replicated ${info.doc_count.toLocaleString('en')} documents in ${(replicateMs / 1000).toFixed(1)} s`,
  );
  await Promise.all([local.close(), remote.close()]);
  return {
    replicateMs,
    listMs,
    docsWritten: result.docs_written,
    adapter: info.adapter,
    longTasks: summarise(tasks),
  };
};

Object.assign(globalThis, { pouchFirstSync: { replicate } });
log('ready');
