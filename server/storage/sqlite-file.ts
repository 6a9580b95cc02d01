// A connection to the server's SQLite file, set up the same way by whoever opens it (the storage and the
// link table each hold their own): durable writes, and no erased ciphertext left in free space.
import Database from 'better-sqlite3';

export const openSqliteFile = (file: string): Database.Database => {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // FULL: an acknowledged write survives a power cut or a killed server, not only a crash of the process.
  db.pragma('synchronous = FULL');
  // Overwrite deleted and replaced content with zeros, so an erased person's ciphertext does not linger in
  // free space of the database file (sqlite-ledger.ts also empties the write-ahead log after an erasure).
  db.pragma('secure_delete = ON');
  return db;
};
