// Numbered schema migrations, one per file, each with its SQLite and PostgreSQL text (STYLE.md).
import { migration as initial } from './0001-initial';
import { migration as auditAnchors } from './0002-audit-anchors';
import { migration as erasuresExposure } from './0003-erasures-exposure';
import { migration as deviceSigning } from './0004-device-signing';
import { migration as memberStatus } from './0005-member-status';
import { migration as keyEpochs } from './0006-key-epochs';
import { migration as restores } from './0007-restores';

export interface Migration {
  version: number;
  sqlite: string;
  postgres: string;
}

export const MIGRATIONS: readonly Migration[] = [
  initial,
  auditAnchors,
  erasuresExposure,
  deviceSigning,
  memberStatus,
  keyEpochs,
  restores,
];
