// Decrypting many envelopes, shared by the subject and item repositories: chunk by chunk (each chunk's
// key pages read with one query), reporting progress, yielding to the UI between chunks, and listing the
// records that cannot be opened instead of failing the whole list.
import { EnvelopeError } from '../crypto';
import type { RecordDoc } from './schemas';
import type { DataKeys } from './data-keys';
import { MissingKeyError } from './data-keys';
import { ValidationError } from './errors';
import type { BulkOptions, Decrypted, ProblemKind, RecordProblem } from './subject-repository';

export const problemOf = (error: unknown): ProblemKind =>
  error instanceof EnvelopeError
    ? error.failure
    : error instanceof MissingKeyError
      ? 'missing-key'
      : error instanceof ValidationError
        ? 'invalid'
        : 'newer-version';

export const openRecords = async <P>(
  docs: readonly RecordDoc[],
  keys: DataKeys,
  open: (doc: RecordDoc, key: Uint8Array) => Decrypted<P>,
  options: BulkOptions = {},
): Promise<{ records: Decrypted<P>[]; problems: RecordProblem[] }> => {
  const chunkSize = options.chunkSize ?? 5000;
  const records: Decrypted<P>[] = [];
  const problems: RecordProblem[] = [];
  for (let start = 0; start < docs.length; start += chunkSize) {
    options.signal?.throwIfAborted();
    const chunk = docs.slice(start, start + chunkSize);
    await keys.loadPages(chunk.map((d) => d.keyId));
    for (const doc of chunk) {
      try {
        records.push(open(doc, keys.keyFor(doc.subjectId, doc.keyId)));
      } catch (error) {
        problems.push({ id: doc.id, kind: doc.kind, problem: problemOf(error) });
      }
    }
    options.onProgress?.({ done: Math.min(docs.length, start + chunkSize), total: docs.length });
    // Let the UI breathe between chunks.
    if (docs.length > chunkSize) await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return { records, problems };
};
