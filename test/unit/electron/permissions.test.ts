import { beforeEach, describe, expect, it, vi } from 'vitest';
import { denyAllPermissions } from '../../../electron/permissions';
import type { PermissionSession } from '../../../electron/permissions';
import { fake, fakeElectronModule, resetFake } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectronModule());

const PERMISSIONS = [
  'media',
  'geolocation',
  'notifications',
  'midiSysex',
  'clipboard-read',
  'display-capture',
  'fullscreen',
  'openExternal',
  'hid',
  'serial',
  'usb',
  'fileSystem',
  'unknown',
];

describe('permissions', () => {
  beforeEach(() => {
    resetFake();
    denyAllPermissions(fakeElectronModule().session.defaultSession as unknown as PermissionSession);
  });

  it.each(PERMISSIONS)('answers a %s request with false', (permission) => {
    const answers: boolean[] = [];
    fake.permission.requestHandler?.({}, permission, (granted: boolean) => answers.push(granted), {});
    expect(answers).toEqual([false]);
  });

  it.each(PERMISSIONS)('answers a %s check with false', (permission) => {
    expect(fake.permission.checkHandler?.({}, permission, 'app://kluis', {})).toBe(false);
  });

  it('denies every device (USB, HID, serial) permission', () => {
    expect(fake.permission.deviceHandler?.({ deviceType: 'usb', origin: 'app://kluis' })).toBe(false);
  });

  it('still denies requests and checks on a session without a device permission handler', () => {
    const recorded: { request?: (...args: unknown[]) => void; check?: () => boolean } = {};
    denyAllPermissions({
      setPermissionRequestHandler: (handler: (...args: unknown[]) => void) => (recorded.request = handler),
      setPermissionCheckHandler: (handler: () => boolean) => (recorded.check = handler),
    } as unknown as PermissionSession);
    const answers: boolean[] = [];
    recorded.request?.({}, 'media', (granted: boolean) => answers.push(granted), {});
    expect(answers).toEqual([false]);
    expect(recorded.check?.()).toBe(false);
  });
});
