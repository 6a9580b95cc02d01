// The moves the server follows (issue 19): per move note (its random id, from the admin's device), when the
// server learnt of it and which devices were to let its subjects go, and per device when it confirmed —
// the erasure confirmations' shape (erasure_confirmations), for a purge whose reason is a move. Beside the
// territory grants (territories.ts), one adapter per database. Only random ids and times are stored.
import type Database from 'better-sqlite3';
import type pg from 'pg';
import type { PoolClient } from 'pg';

export const MOVES_TABLE_SQL = `CREATE TABLE IF NOT EXISTS territory_moves (
  org_id TEXT NOT NULL,
  move_id TEXT NOT NULL,
  at BIGINT NOT NULL,
  expected TEXT NOT NULL,
  PRIMARY KEY (org_id, move_id)
);
CREATE TABLE IF NOT EXISTS territory_move_confirmations (
  org_id TEXT NOT NULL,
  move_id TEXT NOT NULL,
  device_id TEXT NOT NULL,
  confirmed_at BIGINT NOT NULL,
  PRIMARY KEY (org_id, move_id, device_id)
);`;

export interface FollowedMove {
  moveId: string;
  at: number;
  /** The devices that were to let the subjects go, as the server saw them when it learnt of the move. */
  expected: string[];
  confirmations: { deviceId: string; confirmedAt: number }[];
}

export interface MoveStore {
  /** Records the moves not recorded yet (a known id keeps what it had); answers how many were new. */
  followMoves(
    orgId: string,
    moves: readonly { moveId: string; expected: readonly string[] }[],
    now: number,
  ): Promise<number>;
  /**
   * Records the device's confirmation of the moves the server follows that expect it (any device may
   * confirm a move it was not expected for: it holds none of its subjects; that is not recorded);
   * answers the ids of the moves the server follows.
   */
  confirmMoves(orgId: string, deviceId: string, moveIds: readonly string[], now: number): Promise<string[]>;
  /** The latest moves followed, newest first, with their confirmations. */
  followedMoves(orgId: string, limit: number): Promise<FollowedMove[]>;
}

type Row = Record<string, unknown>;

const toMoves = (moves: Row[], confirmations: Row[]): FollowedMove[] =>
  moves.map((m) => ({
    moveId: String(m.move_id),
    at: Number(m.at),
    expected: JSON.parse(String(m.expected)) as string[],
    confirmations: confirmations
      .filter((c) => String(c.move_id) === String(m.move_id))
      .map((c) => ({ deviceId: String(c.device_id), confirmedAt: Number(c.confirmed_at) })),
  }));

export const sqliteMoves = (db: Database.Database): MoveStore => ({
  followMoves: async (orgId, moves, now) =>
    db.transaction(() => {
      const insert = db.prepare(
        'INSERT INTO territory_moves (org_id, move_id, at, expected) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
      );
      return moves.reduce(
        (n, m) => n + insert.run(orgId, m.moveId, now, JSON.stringify(m.expected)).changes,
        0,
      );
    })(),
  confirmMoves: async (orgId, deviceId, moveIds, now) =>
    db.transaction(() => {
      const ids = JSON.stringify(moveIds);
      db.prepare(
        `INSERT INTO territory_move_confirmations (org_id, move_id, device_id, confirmed_at)
         SELECT org_id, move_id, ?, ? FROM territory_moves
         WHERE org_id = ? AND move_id IN (SELECT value FROM json_each(?))
           AND EXISTS (SELECT 1 FROM json_each(territory_moves.expected) WHERE value = ?)
         ON CONFLICT DO NOTHING`,
      ).run(deviceId, now, orgId, ids, deviceId);
      return (
        db
          .prepare(
            'SELECT move_id FROM territory_moves WHERE org_id = ? AND move_id IN (SELECT value FROM json_each(?))',
          )
          .all(orgId, ids) as Row[]
      ).map((r) => String(r.move_id));
    })(),
  followedMoves: async (orgId, limit) => {
    const moves = db
      .prepare('SELECT * FROM territory_moves WHERE org_id = ? ORDER BY at DESC, move_id LIMIT ?')
      .all(orgId, limit) as Row[];
    const confirmations = db
      .prepare(
        `SELECT move_id, device_id, confirmed_at FROM territory_move_confirmations
         WHERE org_id = ? AND move_id IN (SELECT value FROM json_each(?)) ORDER BY confirmed_at, device_id`,
      )
      .all(orgId, JSON.stringify(moves.map((m) => String(m.move_id)))) as Row[];
    return toMoves(moves, confirmations);
  },
});

export const postgresMoves = (
  pool: pg.Pool,
  inTransaction: <T>(work: (client: PoolClient) => Promise<T>) => Promise<T>,
): MoveStore => ({
  followMoves: (orgId, moves, now) =>
    inTransaction(async (client) => {
      const added = await client.query(
        `INSERT INTO territory_moves (org_id, move_id, at, expected)
         SELECT $1, m, $2, e FROM unnest($3::text[], $4::text[]) AS x (m, e) ON CONFLICT DO NOTHING`,
        [orgId, now, moves.map((m) => m.moveId), moves.map((m) => JSON.stringify(m.expected))],
      );
      return added.rowCount ?? 0;
    }),
  confirmMoves: (orgId, deviceId, moveIds, now) =>
    inTransaction(async (client) => {
      await client.query(
        `INSERT INTO territory_move_confirmations (org_id, move_id, device_id, confirmed_at)
         SELECT org_id, move_id, $2, $3 FROM territory_moves WHERE org_id = $1 AND move_id = ANY($4::text[])
           AND expected::jsonb ? $2
         ON CONFLICT DO NOTHING`,
        [orgId, deviceId, now, [...moveIds]],
      );
      const known = await client.query(
        'SELECT move_id FROM territory_moves WHERE org_id = $1 AND move_id = ANY($2::text[])',
        [orgId, [...moveIds]],
      );
      return (known.rows as Row[]).map((r) => String(r.move_id));
    }),
  async followedMoves(orgId, limit) {
    const moves = await pool.query(
      'SELECT * FROM territory_moves WHERE org_id = $1 ORDER BY at DESC, move_id LIMIT $2',
      [orgId, limit],
    );
    const ids = (moves.rows as Row[]).map((m) => String(m.move_id));
    const confirmations = await pool.query(
      `SELECT move_id, device_id, confirmed_at FROM territory_move_confirmations
       WHERE org_id = $1 AND move_id = ANY($2::text[]) ORDER BY confirmed_at, device_id`,
      [orgId, ids],
    );
    return toMoves(moves.rows as Row[], confirmations.rows as Row[]);
  },
});
