// The right to data portability (Art. 20): what the person provided, as JSON, CSV and vCard in one zip,
// handed to the host to save and audited under the request once saved.
import type { Deliver } from '../workspace';
import { defineOperation, deliverFile } from '../workspace';
import { collectPortableData, portabilityZip } from './portability';

export const exportPortableData = defineOperation(
  'portability.export',
  async (
    workspace,
    _actor,
    {
      subjectId,
      requestId,
      deliver,
    }: { readonly subjectId: string; readonly requestId: string | null; readonly deliver: Deliver },
  ) => {
    const data = await collectPortableData(workspace, subjectId);
    const day = new Date().toISOString().slice(0, 10);
    const name = `portable-data-${day}${requestId ? `-${requestId}` : ''}`;
    const savedAs = await deliverFile(deliver, name, 'zip', portabilityZip(data));
    return {
      result: savedAs,
      audit: {
        action: 'export',
        kind: 'portable-data',
        recordIds: [subjectId],
        ...(requestId ? { requestId } : {}),
        details: { format: 'json+csv+vcard' },
      },
    };
  },
  // The one way a person's data leaves Kluis outside the purpose gate: an admin answering that person.
  { roles: ['admin'] },
);
