// Registers exactly one ipcMain handler per channel of the shared contract. Each call is answered only for
// our own window's main frame on app://kluis and only with a request of the declared shape.
import { ipcMain } from 'electron';
import type { BrowserWindow, IpcMainInvokeEvent } from 'electron';
import { IPC_CHANNELS } from '../shared/platform';
import type { IpcChannel, IpcRequest, IpcResponse } from '../shared/platform';
import { APP_ORIGIN } from './app-url';
import { IPC_VALIDATORS } from './ipc-validate';

export type IpcHandlers = {
  readonly [C in IpcChannel]: (request: IpcRequest<C>) => Promise<IpcResponse<C>>;
};

/**
 * Thrown (so `invoke` rejects in the renderer) rather than returned as a Result: a refused sender or a
 * malformed request is a contract violation, not an outcome the app is meant to handle.
 */
export class IpcRefusedError extends Error {
  constructor(channel: IpcChannel, reason: 'untrusted-sender' | 'invalid-request') {
    super(`IPC ${channel} refused: ${reason}`);
    this.name = 'IpcRefusedError';
  }
}

/** The sender must be the main frame of our current window, showing a page of our own origin. */
export const isTrustedSender = (event: IpcMainInvokeEvent, win: BrowserWindow | null): boolean => {
  if (!win || win.isDestroyed()) return false;
  const frame = event.senderFrame;
  return (
    frame !== null &&
    event.sender === win.webContents &&
    frame === win.webContents.mainFrame &&
    frame.url.startsWith(`${APP_ORIGIN}/`)
  );
};

const register = <C extends IpcChannel>(
  channel: C,
  getWindow: () => BrowserWindow | null,
  handler: IpcHandlers[C],
): void => {
  const isValid = IPC_VALIDATORS[channel];
  // `raw` is whatever the renderer sent: untrusted until the validator says otherwise.
  ipcMain.handle(channel, (event, raw: unknown) => {
    if (!isTrustedSender(event, getWindow())) throw new IpcRefusedError(channel, 'untrusted-sender');
    if (!isValid(raw)) throw new IpcRefusedError(channel, 'invalid-request');
    return handler(raw);
  });
};

/** `getWindow` rather than a window: on macOS the window can be closed and re-created while the app lives. */
export const registerIpcHandlers = (getWindow: () => BrowserWindow | null, handlers: IpcHandlers): void => {
  for (const channel of IPC_CHANNELS) {
    register(channel, getWindow, handlers[channel]);
  }
};
