// The data-processing agreement's versions (Art. 28(3)): saving a processor with another document than
// the stored one keeps the stored one as an earlier version — its bytes in a PROCESSOR_DOCUMENT, sealed
// with the organisation key like the processor, and its name, size, date and who attached it listed on
// the processor — and stamps the new one with when and by whom. Never edited, only added to.
import type { AuditEvent } from '../audit';
import { fromBase64 } from '../crypto';
import type { Actor, Workspace } from '../workspace';
import type { ProcessorPayload } from './processors';
import { PROCESSOR, PROCESSOR_DOCUMENT, type ProcessorInput } from './processors';

type Agreement = ProcessorPayload['agreement'];
type StoredFile = NonNullable<Agreement['file']>;
/** A document as the form gives it: its bytes and name; when and by whom are stamped here. */
export type GivenAgreementFile = Pick<StoredFile, 'name' | 'sha256' | 'data'> & Partial<StoredFile>;

export interface ProcessorSave {
  readonly id: string | null;
  readonly input: Omit<ProcessorInput, 'agreement'> & {
    readonly agreement?: Omit<Partial<Agreement>, 'file' | 'earlier'> & {
      readonly file?: GivenAgreementFile | null;
    };
  };
}

/** Stores the processor, keeping a replaced agreement as an earlier version; the audit entries to write. */
export const saveProcessorKeepingVersions = async (
  workspace: Workspace,
  actor: Actor,
  { id, input }: ProcessorSave,
  now = Date.now(),
) => {
  const stored = id === null ? null : (await workspace.settings(PROCESSOR).get(id)).data.agreement;
  const given = input.agreement?.file ?? null;
  const previous = stored?.file ?? null;
  const unchanged = !!given && !!previous && given.sha256 === previous.sha256;
  const file: StoredFile | null = !given
    ? null
    : unchanged
      ? previous
      : {
          name: given.name,
          mediaType: given.mediaType ?? 'application/octet-stream',
          sha256: given.sha256,
          data: given.data,
          size: fromBase64(given.data).length,
          addedAt: now,
          addedBy: actor.userId ?? 'local',
        };
  const audit: AuditEvent[] = [];
  let earlier = stored?.earlier ?? [];
  if (previous && !unchanged && id !== null) {
    const kept = await workspace
      .settings(PROCESSOR_DOCUMENT)
      .put({ processorId: id, sha256: previous.sha256, data: previous.data });
    const { data: _bytes, ...meta } = previous;
    earlier = [{ ...meta, documentId: kept.id, replacedAt: now }, ...earlier];
    audit.push({ action: 'create', kind: PROCESSOR_DOCUMENT.kind, recordIds: [kept.id, id] });
  }
  const repository = workspace.settings(PROCESSOR);
  const agreement = { ...input.agreement, file, earlier };
  const saved =
    id === null
      ? await repository.put({ ...input, agreement })
      : await repository.put({ ...input, agreement }, id);
  audit.unshift({ action: id === null ? 'create' : 'update', kind: PROCESSOR.kind, recordIds: [saved.id] });
  return { result: saved, audit };
};

/** The bytes of the current agreement (`documentId` null) or of an earlier version, with its name. */
export const agreementDocument = async (
  workspace: Workspace,
  processorId: string,
  documentId: string | null,
): Promise<{ name: string; mediaType: string; bytes: Uint8Array }> => {
  const { agreement } = (await workspace.settings(PROCESSOR).get(processorId)).data;
  if (documentId === null) {
    if (!agreement.file) throw new Error('This processor has no agreement document');
    return {
      name: agreement.file.name,
      mediaType: agreement.file.mediaType,
      bytes: fromBase64(agreement.file.data),
    };
  }
  const meta = agreement.earlier.find((e) => e.documentId === documentId);
  const kept = await workspace.settings(PROCESSOR_DOCUMENT).get(documentId);
  if (!meta || kept.data.processorId !== processorId)
    throw new Error('Not a version of this processor’s agreement');
  return { name: meta.name, mediaType: meta.mediaType, bytes: fromBase64(kept.data.data) };
};
