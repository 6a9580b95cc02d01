// What an admin can do about an erasure (Art. 17): erase a person or organisation, audited the moment the
// data is gone (a step of the operation, before the server is told), and save the certificate, audited as
// an export of the erased person's certificate once saved.
import { answerWithErasure, requestToAnswer } from '../requests';
import type { Deliver } from '../workspace';
import { defineOperation, deliverFile } from '../workspace';
import { eraseSubjectInSteps, type EraseOptions } from './erasure';
import { certificateIdFor, type ErasureCertificate } from './erasure-model';

/**
 * Erases the subject. When `requestId` is an erasure request in the register, that request must be about
 * the subject, open and verified before anything is destroyed, and it is completed with the certificate
 * linked in the same operation: the answer never depends on the screen staying open.
 */
export const eraseSubject = defineOperation(
  'erasure.erase',
  async (workspace, _actor, options: EraseOptions, step) => {
    const request = await requestToAnswer(workspace, options.requestId, options.subjectId, ['erasure']);
    const certificate = await eraseSubjectInSteps(workspace, options, step);
    if (!request) return { result: certificate, audit: [] };
    const answered = await answerWithErasure(workspace, request.id, {
      certificateId: certificateIdFor(certificate.subjectId),
      partly: certificate.kept.length > 0,
      at: certificate.erasedAt,
    });
    return { result: certificate, audit: answered.audit };
  },
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
