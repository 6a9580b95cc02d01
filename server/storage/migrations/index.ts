// Numbered schema migrations, one per file, each with its SQLite and PostgreSQL text (STYLE.md).
import { migration as initial } from './0001-initial';
import { migration as auditAnchors } from './0002-audit-anchors';
import { migration as erasuresExposure } from './0003-erasures-exposure';
import { migration as deviceSigning } from './0004-device-signing';
import { migration as memberStatus } from './0005-member-status';
import { migration as keyEpochs } from './0006-key-epochs';
import { migration as restores } from './0007-restores';
import { migration as territoryTags } from './0008-territory-tags';
import { migration as storedBytes } from './0009-stored-bytes';
import type Database from 'better-sqlite3';
import type pg from 'pg';

export interface Migration {
  version: number;
  sqlite: string;
  postgres: string;
  /** What the SQL cannot compute, run right after it in the same transaction (rows stored before). */
  backfill?: { sqlite(db: Database.Database): void; postgres(client: pg.ClientBase): Promise<void> };
}

export const MIGRATIONS: readonly Migration[] = [
  initial,
  auditAnchors,
  erasuresExposure,
  deviceSigning,
  memberStatus,
  keyEpochs,
  restores,
  territoryTags,
  storedBytes,
];
