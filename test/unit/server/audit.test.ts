import { describe, expect, it } from 'vitest';
import { checkAuditPush, sha256Hex } from '../../../server/audit';
import { entryHash, GENESIS_HASH } from '../../../shared/audit/chain';
import type { AuditWire } from '../../../shared/sync/protocol';

const chain = (deviceId: string, length: number): AuditWire[] => {
  const docs: AuditWire[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= length; seq++) {
    const body = {
      id: `${deviceId}e${seq}`,
      deviceId,
      seq,
      at: 1000 + seq,
      keyId: 'k',
      payload: `c${seq}`,
      prevHash,
    };
    const doc = { ...body, hash: entryHash(sha256Hex, body), _deleted: false as const };
    docs.push(doc);
    prevHash = doc.hash;
  }
  return docs;
};
const rows = (docs: AuditWire[]) => docs.map((newDocumentState) => ({ newDocumentState }));

describe('audit push check', () => {
  const docs = chain('dev1', 4);

  it('accepts a chain that starts at genesis and moves the head to its last entry', () => {
    expect(checkAuditPush(rows(docs.slice(0, 2)), [])).toEqual([
      { deviceId: 'dev1', seq: 2, hash: docs[1]!.hash },
    ]);
  });

  it('accepts the continuation from the anchored head, and a retry that runs through the head', () => {
    const head = { deviceId: 'dev1', seq: 2, hash: docs[1]!.hash };
    expect(checkAuditPush(rows(docs.slice(2)), [head])).toEqual([
      { deviceId: 'dev1', seq: 4, hash: docs[3]!.hash },
    ]);
    expect(checkAuditPush(rows(docs.slice(0, 2)), [head])).toEqual([]);
  });

  it('refuses a gap, a forged entry below the head, an altered entry and an update', () => {
    const head = { deviceId: 'dev1', seq: 2, hash: docs[1]!.hash };
    expect(checkAuditPush(rows([docs[3]!]), [head])).toBeNull();
    const forged = chain('dev1', 1).map((d) => ({ ...d, id: 'forged' }));
    expect(checkAuditPush(rows(forged), [head])).toBeNull();
    expect(checkAuditPush(rows([{ ...docs[2]!, payload: 'other' }]), [head])).toBeNull();
    expect(checkAuditPush([{ newDocumentState: docs[2]!, assumedMasterState: docs[2]! }], [head])).toBeNull();
  });
});
