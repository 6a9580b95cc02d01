// What this device's default name is made of: the platform the host reports and, in the browser host, the
// browser (the page cannot read the computer's name there). defaultDeviceName (shared/sync) makes the name.
import { useCallback, useContext, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultDeviceName, type DeviceNameParts } from '../../shared/sync';
import { PlatformContext } from '../platform/platform-context';

/** The default name of this device for a user called `displayName`, in the screen's language. */
export const useDeviceDefaults = (): ((displayName: string) => string) => {
  const { i18n } = useTranslation();
  // Only a default: where no platform is given (a screen tested alone), the page's own navigator answers.
  const platform = useContext(PlatformContext);
  const [parts, setParts] = useState<Omit<DeviceNameParts, 'displayName'>>(() => ({
    platform: navigator.platform,
  }));
  useEffect(() => {
    if (!platform) return;
    let current = true;
    void platform.appInfo().then((info) => {
      if (!current) return;
      setParts({
        platform: info.platform,
        hostname: info.hostname,
        // Electron's user agent names Chrome, which is not what the user runs: only the browser host's.
        userAgent: info.host === 'browser' ? navigator.userAgent : undefined,
      });
    });
    return () => {
      current = false;
    };
  }, [platform]);
  return useCallback(
    (displayName: string) => defaultDeviceName({ ...parts, displayName }, i18n.language),
    [parts, i18n.language],
  );
};
