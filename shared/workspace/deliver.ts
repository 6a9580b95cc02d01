// How an export operation hands the file it produced to the host (a save dialog in Electron, a download
// in the browser). The operation audits the export only after `deliver` resolved, so a cancelled save —
// which exported nothing — leaves no entry, and the entry never depends on the screen that asked.
import type { SaveFileRequest } from '../platform';

/** The file an export produced; `deliver` resolves with the name it was saved under. */
export type ExportFile = SaveFileRequest;

/** Saves the file, or throws ExportCancelled when the user cancelled (then nothing is audited). */
export type Deliver = (file: ExportFile) => Promise<string>;

/** Delivers `bytes` as `<name>.<extension>`, offered as that kind of file (CSV, XLSX, HTML, JSON, ZIP). */
export const deliverFile = (
  deliver: Deliver,
  name: string,
  extension: string,
  bytes: Uint8Array,
): Promise<string> =>
  deliver({
    suggestedName: `${name}.${extension}`,
    filters: [{ name: extension.toUpperCase(), extensions: [extension] }],
    bytes,
  });

export class ExportCancelled extends Error {
  constructor() {
    super('The export was cancelled');
    this.name = 'ExportCancelled';
  }
}
