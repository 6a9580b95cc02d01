// Loads the import fixtures (test/fixtures/import, written by make-fixtures.mjs) as the wizard hands them over.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { ImportError, type ImportErrorInfo, type ImportFile } from '../../../../shared/import';

const dir = path.resolve(import.meta.dirname, '../../../fixtures/import');

export const fixture = (name: string): ImportFile => ({
  name,
  bytes: new Uint8Array(readFileSync(path.join(dir, name))),
});

export const textFile = (name: string, text: string): ImportFile => ({
  name,
  bytes: new TextEncoder().encode(text),
});

/** What an import that must fail says: the ImportError it throws, as the wizard shows it. */
export const failure = async (promise: Promise<unknown>): Promise<ImportErrorInfo> => {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return (error as ImportError).toInfo();
  }
  throw new Error('expected an ImportError');
};
