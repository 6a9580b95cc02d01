import { describe, expect, it } from 'vitest';
import { checkAuditPush } from '../../../server/audit';
import { auditSignedText, GENESIS_HASH } from '../../../shared/audit/chain';
import type { AuditWire } from '../../../shared/sync/protocol';
import { auditEntry, deviceKey, signAs, type DeviceKey } from '../../integration/server/harness';

/** A re-signature by `key`, for an entry changed after it was signed. */
const signed = (key: DeviceKey, hash: string) => ({
  signer: key.publicKey,
  sig: signAs(key, auditSignedText(hash)),
});

const chain = (deviceId: string, length: number, key: DeviceKey): AuditWire[] => {
  const docs: AuditWire[] = [];
  for (let seq = 1; seq <= length; seq++)
    docs.push(auditEntry(key, deviceId, seq, docs.at(-1)?.hash ?? GENESIS_HASH));
  return docs;
};
const rows = (docs: AuditWire[]) => docs.map((newDocumentState) => ({ newDocumentState }));

describe('audit push check', () => {
  const mine = deviceKey();
  const other = deviceKey();
  const docs = chain('dev1', 4, mine);
  const head = { deviceId: 'dev1', seq: 2, hash: docs[1]!.hash, signer: mine.publicKey };

  it('accepts a chain that starts at genesis and moves the head to its last entry, bound to its signer', () => {
    expect(checkAuditPush(rows(docs.slice(0, 2)), [], mine.publicKey)).toEqual([
      { deviceId: 'dev1', seq: 2, hash: docs[1]!.hash, signer: mine.publicKey },
    ]);
  });

  it('accepts the continuation from the anchored head, and a retry that runs through the head', () => {
    expect(checkAuditPush(rows(docs.slice(2)), [head], mine.publicKey)).toEqual([
      { deviceId: 'dev1', seq: 4, hash: docs[3]!.hash, signer: mine.publicKey },
    ]);
    expect(checkAuditPush(rows(docs.slice(0, 2)), [head], mine.publicKey)).toEqual([]);
  });

  it('refuses a gap, a forged entry below the head, an altered entry and an update', () => {
    expect(checkAuditPush(rows([docs[3]!]), [head], mine.publicKey)).toBe('audit-chain');
    const forged = chain('dev1', 1, mine).map((d) => ({ ...d, id: 'forged' }));
    expect(checkAuditPush(rows(forged), [head], mine.publicKey)).toBe('audit-chain');
    const altered = { ...docs[2]!, payload: 'other' };
    expect(
      checkAuditPush(rows([{ ...altered, ...signed(mine, altered.hash) }]), [head], mine.publicKey),
    ).toBe('audit-chain');
    expect(
      checkAuditPush([{ newDocumentState: docs[2]!, assumedMasterState: docs[2]! }], [head], mine.publicKey),
    ).toBe('audit-chain');
  });

  it("refuses another device's entries on a chain: its key is not the chain's, even with a valid link", () => {
    // The insider rebuilds the next entry of dev1's chain and signs it with their own device key.
    const intruding = auditEntry(other, 'dev1', 3, head.hash, 'intruder');
    expect(checkAuditPush(rows([intruding]), [head], other.publicKey)).toBe('audit-chain-foreign');
  });

  it('keeps a chain anchored before device keys closed: no key can take it over', () => {
    const legacy = { ...head, signer: null };
    expect(checkAuditPush(rows(docs.slice(2)), [legacy], mine.publicKey)).toBe('audit-chain-foreign');
  });

  it('refuses entries not signed by the pushing device, and a device without a registered key', () => {
    expect(checkAuditPush(rows(docs.slice(2)), [head], other.publicKey)).toBe('audit-unsigned');
    const badSig = { ...docs[2]!, sig: docs[3]!.sig };
    expect(checkAuditPush(rows([badSig]), [head], mine.publicKey)).toBe('audit-unsigned');
    expect(checkAuditPush(rows(docs.slice(0, 1)), [], null)).toBe('audit-unsigned');
  });
});
