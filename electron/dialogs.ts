// Native open/save dialogs attached to the main window. The renderer never names a path: the user picks
// it here, and only the file's bytes and base name go back.
import { dialog } from 'electron';
import type { BrowserWindow, FileFilter as ElectronFileFilter } from 'electron';
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type {
  FileFilter,
  OpenFileRequest,
  OpenFileResult,
  SaveFileRequest,
  SaveFileResult,
} from '../shared/platform';
import { err, ok } from '../shared/platform';
import { MAX_OPEN_FILE_BYTES } from './ipc-validate';

export interface Dialogs {
  openFile(request: OpenFileRequest): Promise<OpenFileResult>;
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
}

const toElectronFilters = (filters: readonly FileFilter[] | undefined): ElectronFileFilter[] | undefined =>
  filters?.map((filter) => ({ name: filter.name, extensions: [...filter.extensions] }));

/** Without a window (closed on macOS) the dialogs are refused rather than shown detached. */
export const createDialogs = (getWindow: () => BrowserWindow | null): Dialogs => ({
  openFile: async (request) => {
    const win = getWindow();
    if (!win) return err('failed', 'no window');
    const maxBytes = Math.min(request.maxBytes ?? MAX_OPEN_FILE_BYTES, MAX_OPEN_FILE_BYTES);
    const picked = await dialog.showOpenDialog(win, {
      ...(request.title === undefined ? {} : { title: request.title }),
      ...(request.filters === undefined ? {} : { filters: toElectronFilters(request.filters) }),
      properties: ['openFile'],
    });
    const filePath = picked.filePaths[0];
    if (picked.canceled || filePath === undefined) return ok(null);
    try {
      // Stat first so a huge file is refused before any of it is read into memory.
      const info = await stat(filePath);
      if (!info.isFile()) return err('unreadable');
      if (info.size > maxBytes) return err('too-large');
      const bytes = await readFile(filePath);
      // The file may have grown between stat and read.
      if (bytes.byteLength > maxBytes) return err('too-large');
      return ok({ name: path.basename(filePath), bytes: new Uint8Array(bytes) });
    } catch {
      return err('unreadable');
    }
  },

  saveFile: async (request) => {
    const win = getWindow();
    if (!win) return err('failed', 'no window');
    const picked = await dialog.showSaveDialog(win, {
      ...(request.title === undefined ? {} : { title: request.title }),
      ...(request.filters === undefined ? {} : { filters: toElectronFilters(request.filters) }),
      defaultPath: request.suggestedName,
    });
    if (picked.canceled || !picked.filePath) return ok(null);
    try {
      await writeFile(picked.filePath, request.bytes);
      return ok(path.basename(picked.filePath));
    } catch {
      return err('unwritable');
    }
  },
});
