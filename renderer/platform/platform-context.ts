// The platform reaches components through context, so tests and hosts can inject their own.
import { createContext, useContext } from 'react';
import type { DesktopApi } from '../../shared/platform';

export const PlatformContext = createContext<DesktopApi | null>(null);

export const usePlatform = (): DesktopApi => {
  const platform = useContext(PlatformContext);
  if (!platform) throw new Error('usePlatform needs a PlatformContext provider');
  return platform;
};
