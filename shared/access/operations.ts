// The right of access (Art. 15): the person's package is built, handed to the host to save, and audited
// under the request once saved (a cancelled save exported nothing). It answers an access request whose
// identity check is on record, or it is not built at all: a package handed to an impostor is a breach.
// Nor is it built while the controller is unnamed: the report would tell the person "Our organisation".
import { controllerName, storedController } from '../purposes';
import { RequestRuleError, requestToAnswer } from '../requests';
import type { Deliver } from '../workspace';
import { defineOperation, deliverFile } from '../workspace';
import { accessExportAudit, produceAccessPackage, type AccessProgress } from './access-package';

export const exportAccessPackage = defineOperation(
  'access.export',
  async (
    workspace,
    _actor,
    {
      subjectId,
      requestId,
      onProgress,
      deliver,
    }: {
      readonly subjectId: string;
      readonly requestId: string | null;
      readonly onProgress?: AccessProgress;
      readonly deliver: Deliver;
    },
  ) => {
    // Refused unless it answers an open, verified access request about this person.
    if (!(await requestToAnswer(workspace, requestId, subjectId, ['access'])))
      throw new RequestRuleError('wrong_request');
    // The report tells the person who the controller is (Art. 15(1), 13(1)(a)): never "Our organisation".
    if (!controllerName(await storedController(workspace)))
      throw new RequestRuleError('controller_not_named');
    const { bytes, data } = await produceAccessPackage(workspace, subjectId, {
      requestId,
      ...(onProgress ? { onProgress } : {}),
    });
    const day = new Date().toISOString().slice(0, 10);
    const name = `access-package-${day}${requestId ? `-${requestId}` : ''}`;
    const savedAs = await deliverFile(deliver, name, 'zip', bytes);
    return { result: savedAs, audit: accessExportAudit(data) };
  },
  // The one way a person's data leaves Kluis outside the purpose gate: an admin answering that person.
  { roles: ['admin'] },
);
