// What an admin can do about an erasure (Art. 17): erase a person or organisation, audited the moment the
// data is gone (a step of the operation, before the server is told), and save the certificate, audited as
// an export of the erased person's certificate once saved.
import type { Deliver } from '../workspace';
import { defineOperation, deliverFile } from '../workspace';
import { eraseSubjectInSteps, type EraseOptions } from './erasure';
import type { ErasureCertificate } from './erasure-model';

export const eraseSubject = defineOperation(
  'erasure.erase',
  async (workspace, _actor, options: EraseOptions, step) => ({
    result: await eraseSubjectInSteps(workspace, options, step),
    audit: [],
  }),
);

export type CertificateFormat = 'html-en' | 'html-nl' | 'json';

/** `text`: the certificate written out by the host in the format's language (HTML or JSON). */
export const exportErasureCertificate = defineOperation(
  'erasure.exportCertificate',
  async (
    _workspace,
    _actor,
    {
      certificate,
      format,
      text,
      deliver,
    }: {
      readonly certificate: ErasureCertificate;
      readonly format: CertificateFormat;
      readonly text: string;
      readonly deliver: Deliver;
    },
  ) => {
    const html = format !== 'json';
    const name = `erasure-certificate-${certificate.requestId}${html ? `-${format.slice(5)}` : ''}`;
    const bytes = new TextEncoder().encode(text);
    const savedAs = await deliverFile(deliver, name, html ? 'html' : 'json', bytes);
    const { requestId, subjectId } = certificate;
    const audit = {
      action: 'export',
      kind: 'erasure-certificate',
      recordIds: [subjectId],
      requestId,
    } as const;
    return { result: savedAs, audit: { ...audit, details: { format } } };
  },
);
