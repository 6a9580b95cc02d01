// The conflict records two devices keep after a sync merge, read back and compared as the notice shows them.
import { expect } from 'vitest';
import { recordAddress } from '../../../shared/store/subject-repository';
import { CONFLICT_KIND, type ConflictPayload } from '../../../shared/sync/merge';
import type { Device } from './two-devices';

/** The conflict records a device holds (under one subject, or all of them), decrypted, as a notice shows them. */
export const storedConflicts = async (device: Pick<Device, 'db' | 'session'>, subjectId?: string) => {
  const selector = subjectId === undefined ? { kind: CONFLICT_KIND } : { subjectId };
  const docs = await device.db.records.find({ selector }).exec();
  return Promise.all(
    docs
      .filter((doc) => doc.kind === CONFLICT_KIND)
      .map(async (doc) => ({
        id: doc.id,
        ...(device.session.cipher.openJson(
          doc.payload,
          await device.session.dataKey(doc.subjectId, doc.keyId),
          recordAddress(doc.id, doc.subjectId, doc.keyId),
        ) as ConflictPayload),
      })),
  );
};

/** Both devices hold the same one conflict record (under the subject, if given), like `expected`; returns it. */
export const expectOneConflictOnBoth = async (
  { a, b }: { a: Device; b: Device },
  expected: Partial<ConflictPayload>,
  subjectId?: string,
) => {
  const [onA, onB] = [await storedConflicts(a, subjectId), await storedConflicts(b, subjectId)];
  expect(onA).toEqual(onB);
  expect(onA).toHaveLength(1);
  expect(onA[0]).toMatchObject(expected);
  return onA[0]!;
};
