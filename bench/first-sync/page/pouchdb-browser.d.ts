// The little of pouchdb-browser's API the anchor page uses (the package ships no types).
declare module 'pouchdb-browser' {
  interface PouchInfo {
    readonly doc_count: number;
    readonly adapter: string;
  }
  interface ReplicationResult {
    readonly docs_written: number;
    readonly docs_read: number;
    readonly ok: boolean;
  }
  class PouchDB {
    constructor(name: string);
    info(): Promise<PouchInfo>;
    readonly replicate: { from(source: PouchDB): Promise<ReplicationResult> };
    allDocs(options: { limit: number }): Promise<{ readonly total_rows: number }>;
    close(): Promise<void>;
  }
  export default PouchDB;
}
