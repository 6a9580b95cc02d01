// A processor's data-processing agreement (issue 17, item 4), over a real vault (RxDB memory storage, real
// libsodium): replacing it keeps the earlier version, listed with its name, size, date and who attached it;
// each version comes back byte for byte; the bytes are stored sealed; every step is in the audit trail.
import { describe, expect, it } from 'vitest';
import { toBase64 } from '../../../shared/crypto';
import {
  PROCESSOR_DOCUMENT,
  removeProcessor,
  saveAgreementDocument,
  saveProcessor,
} from '../../../shared/processors';
import { LOCAL_ACTOR, type ExportFile, type Workspace } from '../../../shared/workspace';
import { useMemoryVaults } from '../../helpers/vaults';

const open = useMemoryVaults();

const sha256 = async (bytes: Uint8Array) =>
  [...new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes.slice().buffer))]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('');

/** A document as the dialog gives it, with bytes that no text encoding would keep intact. */
const document = async (name: string, marker: string) => {
  const bytes = new Uint8Array([
    0x25,
    0x50,
    0x44,
    0x46,
    0x00,
    0xff,
    0xfe,
    ...new TextEncoder().encode(marker),
  ]);
  return {
    bytes,
    file: { name, mediaType: 'application/pdf', sha256: await sha256(bytes), data: toBase64(bytes) },
  };
};

const mailer = { name: 'Mailer BV', countries: ['NL'] };

/** Saves one version of the agreement; returns the bytes the host was handed. */
const downloaded = async (session: Workspace, processorId: string, documentId: string | null) => {
  let file: ExportFile | null = null;
  await saveAgreementDocument(session, LOCAL_ACTOR, {
    processorId,
    documentId,
    deliver: async (f) => {
      file = f;
      return f.suggestedName;
    },
  });
  return file! as ExportFile;
};

/** A processor saved with `first` attached, then saved again with `second` in its place. */
type Document = Awaited<ReturnType<typeof document>>;
const replacedOnce = async (session: Workspace, first: Document, second: Document) => {
  const created = await saveProcessor(session, LOCAL_ACTOR, {
    id: null,
    input: { ...mailer, agreement: { file: first.file } },
  });
  const saved = await saveProcessor(session, LOCAL_ACTOR, {
    id: created.id,
    input: { ...mailer, agreement: { ...created.data.agreement, file: second.file } },
  });
  return { created, saved };
};

describe('a processor’s agreement document', () => {
  it('keeps the replaced version, lists it, and gives each version back byte for byte, audited', async () => {
    const session = await open();
    const first = await document('dpa-2025.pdf', 'ZELDZAAM-EERSTE-VERSIE');
    const second = await document('dpa-2026.pdf', 'ZELDZAAM-TWEEDE-VERSIE');
    const { created, saved } = await replacedOnce(session, first, second);

    const { file, earlier } = saved.data.agreement;
    expect(file).toMatchObject({ name: 'dpa-2026.pdf', size: second.bytes.length, addedBy: 'local' });
    expect(earlier).toEqual([
      expect.objectContaining({
        name: 'dpa-2025.pdf',
        size: first.bytes.length,
        sha256: first.file.sha256,
        addedAt: created.data.agreement.file!.addedAt,
        addedBy: 'local',
      }),
    ]);

    const current = await downloaded(session, created.id, null);
    expect(current.suggestedName).toBe('dpa-2026.pdf');
    expect(current.bytes).toEqual(second.bytes);
    const kept = await downloaded(session, created.id, earlier[0]!.documentId);
    expect(kept.suggestedName).toBe('dpa-2025.pdf');
    expect(kept.bytes).toEqual(first.bytes);

    // Saving again with the same document (other fields edited) adds no version.
    const again = await saveProcessor(session, LOCAL_ACTOR, {
      id: created.id,
      input: { ...mailer, service: 'Newsletters', agreement: { ...saved.data.agreement } },
    });
    expect(again.data.agreement.earlier).toHaveLength(1);
    expect(again.data.agreement.file?.addedAt).toBe(file!.addedAt);

    const trail = (await session.audit.entries()).entries.reverse().map((e) => `${e.action} ${e.kind}`);
    expect(trail).toEqual([
      'create processor',
      'update processor',
      'create processor-document',
      'export processor-document',
      'export processor-document',
      'update processor',
    ]);

    // Both versions are sealed: neither the marker nor its base64 is in the stored documents.
    const raw = JSON.stringify((await session.db.settings.find().exec()).map((d) => d.toJSON()));
    for (const marker of ['ZELDZAAM-EERSTE-VERSIE', 'ZELDZAAM-TWEEDE-VERSIE'])
      expect(raw).not.toContain(marker);
    expect(raw).not.toContain(first.file.data.slice(8, 40));
  });

  it('refuses a version of another processor’s agreement', async () => {
    const session = await open();
    const a = await document('a.pdf', 'A1');
    const b = await document('b.pdf', 'A2');
    const { saved: replaced } = await replacedOnce(session, a, b);
    const other = await saveProcessor(session, LOCAL_ACTOR, { id: null, input: { name: 'Hosting BV' } });
    await expect(
      downloaded(session, other.id, replaced.data.agreement.earlier[0]!.documentId),
    ).rejects.toThrow(/Not a version/);
  });
});

describe('removing a processor', () => {
  it('removes every version of its agreement with it, audited', async () => {
    const session = await open();
    const { saved } = await replacedOnce(
      session,
      await document('a.pdf', 'A1'),
      await document('b.pdf', 'A2'),
    );
    const documentId = saved.data.agreement.earlier[0]!.documentId;
    await removeProcessor(session, LOCAL_ACTOR, saved.id);
    await expect(session.settings(PROCESSOR_DOCUMENT).get(documentId)).rejects.toThrow();
    const last = (await session.audit.entries()).entries.slice(0, 2).map((e) => `${e.action} ${e.kind}`);
    expect(last.sort()).toEqual(['delete processor', 'delete processor-document']);
  });
});
