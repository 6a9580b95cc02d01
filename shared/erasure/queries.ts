// What the erasure screens read, live: the filed certificates (newest first) and one certificate, kept
// current as the device list is refreshed from the server or a certificate arrives from another admin.
import { defineQuery } from '../workspace';
import {
  ERASURE_CERTIFICATE_CONFIG,
  ERASURE_CERTIFICATE_KIND,
  type ErasureCertificate,
} from './erasure-model';

export interface FiledCertificate {
  readonly id: string;
  readonly certificate: ErasureCertificate;
}

const READS = [{ collection: 'compliance', kinds: [ERASURE_CERTIFICATE_KIND] }] as const;

/** Every erasure certificate on file, the latest erasure first. */
export const erasureCertificates = defineQuery(
  'erasure.certificates',
  READS,
  async (workspace): Promise<readonly FiledCertificate[]> => {
    const { records } = await workspace.compliance(ERASURE_CERTIFICATE_CONFIG).list();
    return records
      .map((r) => ({ id: r.id, certificate: r.data }))
      .sort((a, b) => b.certificate.erasedAt - a.certificate.erasedAt || (a.id < b.id ? -1 : 1));
  },
);

/** One certificate by its id, or null when none is on file (the subject was not erased here). */
export const erasureCertificate = defineQuery(
  'erasure.certificate',
  READS,
  async (workspace, certificateId: string): Promise<ErasureCertificate | null> =>
    (
      await workspace
        .compliance(ERASURE_CERTIFICATE_CONFIG)
        .get(certificateId)
        .catch(() => null)
    )?.data ?? null,
);
