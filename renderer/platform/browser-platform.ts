// DesktopApi for the browser host: file inputs to open, Blob downloads to save, and no OS keychain, so the
// passphrase is asked on every start.
import type {
  AppInfo,
  DesktopApi,
  FileFilter,
  KeyStore,
  OpenFileRequest,
  OpenFileResult,
  SaveFileRequest,
  SaveFileResult,
} from '../../shared/platform';
import { err, ok } from '../../shared/platform';
import { version } from '../../package.json';

const acceptOf = (filters: readonly FileFilter[] = []): string =>
  filters.flatMap((f) => f.extensions.map((ext) => `.${ext}`)).join(',');

/** Resolves with the chosen file, or null when the picker was cancelled. */
const pickFile = (accept: string): Promise<File | null> =>
  new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    if (accept) input.accept = accept;
    input.addEventListener('change', () => resolve(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => resolve(null), { once: true });
    input.click();
  });

const browserKeyStore: KeyStore = {
  status: async () => ({ available: false, reason: 'browser' }),
  save: async () => err('browser'),
  load: async () => err('browser'),
  forget: async () => err('browser'),
};

export class BrowserPlatform implements DesktopApi {
  readonly host = 'browser' as const;
  readonly keyStore = browserKeyStore;

  async openFile(request: OpenFileRequest): Promise<OpenFileResult> {
    const file = await pickFile(acceptOf(request.filters));
    if (!file) return ok(null);
    // Refuse before reading, so a huge file never lands in memory.
    if (request.maxBytes !== undefined && file.size > request.maxBytes) return err('too-large');
    try {
      return ok({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
    } catch {
      return err('unreadable');
    }
  }

  async saveFile(request: SaveFileRequest): Promise<SaveFileResult> {
    try {
      // Copy into a plain ArrayBuffer: a Blob cannot take a view on a shared or resizable buffer.
      const blob = new Blob([request.bytes.slice().buffer as ArrayBuffer]);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = request.suggestedName;
      link.rel = 'noopener';
      link.click();
      // The download has started from the object URL; give the browser a moment before revoking it.
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return ok(request.suggestedName);
    } catch {
      return err('failed');
    }
  }

  async appInfo(): Promise<AppInfo> {
    return { name: 'Kluis', version, host: 'browser', platform: navigator.platform || 'web' };
  }
}
