import type { BrowserWindow } from 'electron';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDialogs } from '../../../electron/dialogs';
import { fake, resetFake } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectronModule());

let dir: string;
const win = { id: 'main-window' } as unknown as BrowserWindow;
const dialogs = () => createDialogs(() => win);

beforeEach(async () => {
  resetFake();
  dir = await mkdtemp(path.join(tmpdir(), 'kluis-dialogs-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('open file dialog', () => {
  it('returns the picked file’s base name and bytes, with the dialog attached to the window', async () => {
    const file = path.join(dir, 'people.csv');
    await writeFile(file, 'name\nAnna\n');
    fake.dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [file] });
    const filters = [{ name: 'CSV', extensions: ['csv'] }];
    const result = await dialogs().openFile({ title: 'Import', filters });
    expect(result).toEqual({
      ok: true,
      value: { name: 'people.csv', bytes: new Uint8Array(Buffer.from('name\nAnna\n')) },
    });
    expect(fake.dialog.showOpenDialog).toHaveBeenCalledWith(win, {
      title: 'Import',
      filters,
      properties: ['openFile'],
    });
  });

  it('refuses a file larger than maxBytes', async () => {
    const file = path.join(dir, 'big.csv');
    await writeFile(file, new Uint8Array(2048));
    fake.dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [file] });
    expect(await dialogs().openFile({ maxBytes: 1024 })).toMatchObject({ ok: false, error: 'too-large' });
  });

  it('answers null when the user cancels', async () => {
    fake.dialog.showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] });
    expect(await dialogs().openFile({})).toEqual({ ok: true, value: null });
  });

  it('reports unreadable for a file that vanished or a folder', async () => {
    fake.dialog.showOpenDialog.mockResolvedValue({
      canceled: false,
      filePaths: [path.join(dir, 'gone.csv')],
    });
    expect(await dialogs().openFile({})).toMatchObject({ ok: false, error: 'unreadable' });
    fake.dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [dir] });
    expect(await dialogs().openFile({})).toMatchObject({ ok: false, error: 'unreadable' });
  });
});

describe('save file dialog', () => {
  it('writes the bytes where the user chose and returns the base name', async () => {
    const target = path.join(dir, 'export.csv');
    fake.dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target });
    const bytes = new Uint8Array(Buffer.from('id;name\n'));
    const result = await dialogs().saveFile({ suggestedName: 'export.csv', bytes });
    expect(result).toEqual({ ok: true, value: 'export.csv' });
    expect(new Uint8Array(await readFile(target))).toEqual(bytes);
    expect(fake.dialog.showSaveDialog).toHaveBeenCalledWith(win, { defaultPath: 'export.csv' });
  });

  it('answers null and writes nothing when the user cancels', async () => {
    fake.dialog.showSaveDialog.mockResolvedValue({ canceled: true, filePath: '' });
    expect(await dialogs().saveFile({ suggestedName: 'x.csv', bytes: new Uint8Array(1) })).toEqual({
      ok: true,
      value: null,
    });
  });

  it('reports unwritable when the target cannot be written', async () => {
    fake.dialog.showSaveDialog.mockResolvedValue({
      canceled: false,
      filePath: path.join(dir, 'no', 'such', 'x.csv'),
    });
    expect(await dialogs().saveFile({ suggestedName: 'x.csv', bytes: new Uint8Array(1) })).toMatchObject({
      ok: false,
      error: 'unwritable',
    });
  });
});

describe('dialogs without a window', () => {
  it('are refused rather than shown detached', async () => {
    const detached = createDialogs(() => null);
    expect(await detached.openFile({})).toMatchObject({ ok: false, error: 'failed' });
    expect(fake.dialog.showOpenDialog).not.toHaveBeenCalled();
  });
});
