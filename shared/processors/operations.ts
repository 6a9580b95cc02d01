// What an admin can do with the register of processors and other recipients (Art. 28, 30(1)(d)): each
// change is stored and audited under 'processor' with its id; a replaced agreement is kept as an earlier
// version (audited as a 'processor-document'), and saving a version of it is audited as its export.
import type { Deliver } from '../workspace';
import { defineOperation } from '../workspace';
import { agreementDocument, saveProcessorKeepingVersions, type ProcessorSave } from './documents';
import { PROCESSOR, PROCESSOR_DOCUMENT } from './processors';

export const saveProcessor = defineOperation('processors.save', (workspace, actor, input: ProcessorSave) =>
  saveProcessorKeepingVersions(workspace, actor, input),
);

/** Removes the processor with every version of its agreement (none is left behind unlisted). */
export const removeProcessor = defineOperation('processors.remove', async (workspace, _actor, id: string) => {
  const { earlier } = (await workspace.settings(PROCESSOR).get(id)).data.agreement;
  for (const version of earlier) await workspace.settings(PROCESSOR_DOCUMENT).remove(version.documentId);
  await workspace.settings(PROCESSOR).remove(id);
  return {
    result: undefined,
    audit: [
      { action: 'delete', kind: PROCESSOR.kind, recordIds: [id] },
      ...(earlier.length
        ? [
            {
              action: 'delete',
              kind: PROCESSOR_DOCUMENT.kind,
              recordIds: earlier.map((e) => e.documentId),
            } as const,
          ]
        : []),
    ],
  };
});

/** Hands the current agreement (`documentId` null) or an earlier version to the host to open or save. */
export const saveAgreementDocument = defineOperation(
  'processors.saveDocument',
  async (
    workspace,
    _actor,
    input: { readonly processorId: string; readonly documentId: string | null; readonly deliver: Deliver },
  ) => {
    const { name, bytes } = await agreementDocument(workspace, input.processorId, input.documentId);
    const extension = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '';
    const savedAs = await input.deliver({
      suggestedName: name,
      filters: extension ? [{ name: extension.toUpperCase(), extensions: [extension] }] : [],
      bytes,
    });
    return {
      result: savedAs,
      audit: {
        action: 'export',
        kind: PROCESSOR_DOCUMENT.kind,
        recordIds: [input.processorId, ...(input.documentId ? [input.documentId] : [])],
      },
    };
  },
);
