// Chooses the platform once, at the edge: Electron's preload object when it is there, else the browser
// host. Everything else receives it through PlatformContext and never asks which host it runs in.
import type { DesktopApi } from '../../shared/platform';
import { DESKTOP_API_GLOBAL } from '../../shared/platform';
import { BrowserPlatform } from './browser-platform';

export const choosePlatform = (): DesktopApi => {
  const exposed = (window as unknown as Record<string, DesktopApi | undefined>)[DESKTOP_API_GLOBAL];
  return exposed ?? new BrowserPlatform();
};
