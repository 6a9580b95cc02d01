// Who holds which territory's key (issue 19): per organisation, territory tag and user, the grant an
// admin's device sealed to that user, and the epoch of the key in it. Its own table beside the documents,
// with an adapter per database like the link table (links.ts), so storage.ts is untouched. The tags are
// random (shared/territories/tags.ts) and the grants opaque: nothing here names a customer or a region.
import type { TerritoryGrant } from '../../shared/territories';
import { openSqliteFile } from './sqlite-file';
import { openSideTable, type SideTableOptions } from './postgres-side-table';
import { MOVES_TABLE_SQL, postgresMoves, sqliteMoves, type MoveStore } from './territory-moves';

/** With the moves it follows (territory-moves.ts). */
export interface TerritoryStore extends MoveStore {
  readonly kind: 'sqlite' | 'postgres';
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** Replaces the territory's holders with these grants, in one step. */
  replace(
    orgId: string,
    tag: string,
    epochId: string,
    grants: readonly { userId: string; sealed: string }[],
  ): Promise<void>;
  /** The grants sealed to one user. */
  grantsOf(orgId: string, userId: string): Promise<TerritoryGrant[]>;
  /** Every territory of the organisation with its holders. */
  holders(orgId: string): Promise<{ tag: string; epochId: string; holders: string[] }[]>;
  /** The tags the organisation has, and which of them the user holds: what the pull filter needs. */
  access(orgId: string, userId: string): Promise<TerritoryAccess>;
}

export interface TerritoryAccess {
  /** False for an organisation without territories: everything goes to everyone, as before. */
  readonly any: boolean;
  readonly held: ReadonlySet<string>;
}

export const TERRITORY_TABLE_SQL = `CREATE TABLE IF NOT EXISTS territory_grants (
  org_id TEXT NOT NULL,
  tag TEXT NOT NULL,
  user_id TEXT NOT NULL,
  epoch_id TEXT NOT NULL,
  sealed TEXT NOT NULL,
  PRIMARY KEY (org_id, tag, user_id)
);
CREATE INDEX IF NOT EXISTS territory_grants_user ON territory_grants (org_id, user_id);
${MOVES_TABLE_SQL}`;

type Row = Record<string, unknown>;

const toHolders = (rows: Row[]) => {
  const byTag = new Map<string, { tag: string; epochId: string; holders: string[] }>();
  for (const row of rows) {
    const tag = String(row.tag);
    const entry = byTag.get(tag) ?? { tag, epochId: String(row.epoch_id), holders: [] };
    entry.holders.push(String(row.user_id));
    byTag.set(tag, entry);
  }
  return [...byTag.values()];
};

const toAccess = (rows: Row[], userId: string): TerritoryAccess => ({
  any: rows.length > 0,
  held: new Set(rows.filter((r) => String(r.user_id) === userId).map((r) => String(r.tag))),
});

export const openSqliteTerritories = (file: string): TerritoryStore => {
  const db = openSqliteFile(file);
  db.pragma('busy_timeout = 5000');
  const replaceTx = db.transaction(
    (orgId: string, tag: string, epochId: string, grants: readonly { userId: string; sealed: string }[]) => {
      db.prepare('DELETE FROM territory_grants WHERE org_id = ? AND tag = ?').run(orgId, tag);
      const insert = db.prepare(
        'INSERT INTO territory_grants (org_id, tag, user_id, epoch_id, sealed) VALUES (?, ?, ?, ?, ?)',
      );
      for (const g of grants) insert.run(orgId, tag, g.userId, epochId, g.sealed);
    },
  );
  return {
    ...sqliteMoves(db),
    kind: 'sqlite',
    migrate: async () => void db.exec(TERRITORY_TABLE_SQL),
    close: async () => void db.close(),
    replace: async (orgId, tag, epochId, grants) => replaceTx(orgId, tag, epochId, grants),
    grantsOf: async (orgId, userId) =>
      (
        db
          .prepare(
            'SELECT tag, epoch_id, sealed FROM territory_grants WHERE org_id = ? AND user_id = ? ORDER BY tag',
          )
          .all(orgId, userId) as Row[]
      ).map((r) => ({ tag: String(r.tag), epochId: String(r.epoch_id), sealed: String(r.sealed) })),
    holders: async (orgId) =>
      toHolders(
        db
          .prepare(
            'SELECT tag, epoch_id, user_id FROM territory_grants WHERE org_id = ? ORDER BY tag, user_id',
          )
          .all(orgId) as Row[],
      ),
    access: async (orgId, userId) =>
      toAccess(
        db.prepare('SELECT tag, user_id FROM territory_grants WHERE org_id = ?').all(orgId) as Row[],
        userId,
      ),
  };
};

export const openPostgresTerritories = async (options: SideTableOptions): Promise<TerritoryStore> => {
  const { pool, inTransaction, migrate, close } = openSideTable(options, 'territories', TERRITORY_TABLE_SQL);
  return {
    ...postgresMoves(pool, inTransaction),
    kind: 'postgres',
    migrate,
    close,
    async replace(orgId, tag, epochId, grants) {
      await inTransaction(async (client) => {
        await client.query('DELETE FROM territory_grants WHERE org_id = $1 AND tag = $2', [orgId, tag]);
        await client.query(
          `INSERT INTO territory_grants (org_id, tag, user_id, epoch_id, sealed)
           SELECT $1, $2, u, $3, s FROM unnest($4::text[], $5::text[]) AS g (u, s)`,
          [orgId, tag, epochId, grants.map((g) => g.userId), grants.map((g) => g.sealed)],
        );
      });
    },
    async grantsOf(orgId, userId) {
      const found = await pool.query(
        'SELECT tag, epoch_id, sealed FROM territory_grants WHERE org_id = $1 AND user_id = $2 ORDER BY tag',
        [orgId, userId],
      );
      return (found.rows as Row[]).map((r) => ({
        tag: String(r.tag),
        epochId: String(r.epoch_id),
        sealed: String(r.sealed),
      }));
    },
    async holders(orgId) {
      const found = await pool.query(
        'SELECT tag, epoch_id, user_id FROM territory_grants WHERE org_id = $1 ORDER BY tag, user_id',
        [orgId],
      );
      return toHolders(found.rows as Row[]);
    },
    async access(orgId, userId) {
      const found = await pool.query('SELECT tag, user_id FROM territory_grants WHERE org_id = $1', [orgId]);
      return toAccess(found.rows as Row[], userId);
    },
  };
};
