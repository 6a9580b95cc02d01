// Each organisation's stored document bytes as a running figure (orgs.doc_bytes), so the quota
// (server/quota.ts) reads one row instead of summing every document of the organisation (~0.15 s at
// 100,000 people, once a minute on some device's push). Triggers keep it in the transaction of every
// statement that writes documents — pushes, erasures, purges, a restore's re-applied erasures, later
// migrations — so no write path can forget it. Computed here once for the documents stored before.
// Sizes as storedBytes always counted them: length() on SQLite (the texts are ASCII: JSON of base64 and
// ids), octet_length() on PostgreSQL (read from a stored value's header, not decompressed).
import type { Migration } from './index';

const sqlite = `
ALTER TABLE orgs ADD COLUMN doc_bytes INTEGER NOT NULL DEFAULT 0;
UPDATE orgs SET doc_bytes = (SELECT COALESCE(SUM(length(doc)), 0) FROM documents d WHERE d.org_id = orgs.id);
CREATE TRIGGER documents_bytes_inserted AFTER INSERT ON documents BEGIN
  UPDATE orgs SET doc_bytes = doc_bytes + length(NEW.doc) WHERE id = NEW.org_id;
END;
CREATE TRIGGER documents_bytes_deleted AFTER DELETE ON documents BEGIN
  UPDATE orgs SET doc_bytes = doc_bytes - length(OLD.doc) WHERE id = OLD.org_id;
END;
CREATE TRIGGER documents_bytes_updated AFTER UPDATE OF doc, org_id ON documents
  WHEN NEW.org_id IS NOT OLD.org_id OR length(NEW.doc) <> length(OLD.doc) BEGIN
  UPDATE orgs SET doc_bytes = doc_bytes - length(OLD.doc) WHERE id = OLD.org_id;
  UPDATE orgs SET doc_bytes = doc_bytes + length(NEW.doc) WHERE id = NEW.org_id;
END;
`;

/** Adds each organisation's change in `changes` (org_id, n) to its figure; orgs whose figure is unchanged are not written. */
const addChanges = (changes: string) => `
    UPDATE orgs SET doc_bytes = orgs.doc_bytes + c.n
    FROM (SELECT org_id, SUM(n) AS n FROM (${changes}) changed GROUP BY org_id) c
    WHERE orgs.id = c.org_id AND c.n <> 0;`;

// Statement-level triggers with transition tables: one UPDATE of the organisation's row per statement,
// not per document (a push writes its documents in one statement). The rows a push or an erasure
// changes are already locked with the organisation row (FOR UPDATE), so concurrent writers queue there
// and each adds to the figure the one before committed. search_path is fixed to the schema the function
// is made in, so a session with another search_path still updates this schema's orgs.
const postgres = `
ALTER TABLE orgs ADD COLUMN doc_bytes BIGINT NOT NULL DEFAULT 0;
UPDATE orgs SET doc_bytes = t.n
FROM (SELECT org_id, SUM(octet_length(doc)) AS n FROM documents GROUP BY org_id) t
WHERE orgs.id = t.org_id;
CREATE FUNCTION documents_bytes() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN${addChanges('SELECT org_id, octet_length(doc) AS n FROM new_rows')}
  ELSIF TG_OP = 'DELETE' THEN${addChanges('SELECT org_id, -octet_length(doc) AS n FROM old_rows')}
  ELSE${addChanges(
    `SELECT org_id, octet_length(doc) AS n FROM new_rows
     UNION ALL SELECT org_id, -octet_length(doc) FROM old_rows`,
  )}
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER documents_bytes_inserted AFTER INSERT ON documents
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION documents_bytes();
CREATE TRIGGER documents_bytes_deleted AFTER DELETE ON documents
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION documents_bytes();
CREATE TRIGGER documents_bytes_updated AFTER UPDATE ON documents
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION documents_bytes();
`;

export const migration: Migration = { version: 9, sqlite, postgres };
