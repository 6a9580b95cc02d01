// Hands the file an export operation produced to the platform (save dialog or download). The operation
// audits the export only once this resolved; a cancelled dialog throws ExportCancelled, which screens
// treat as "nothing happened" (see `cancelled`).
import { useCallback } from 'react';
import { ExportCancelled, type Deliver } from '../../shared/workspace';
import { usePlatform } from '../platform/platform-context';

/** `title`: the save dialog's title (the operation names the file, the screen words the dialog). */
export const useDeliver = (title?: string): Deliver => {
  const platform = usePlatform();
  return useCallback<Deliver>(
    async (file) => {
      const saved = await platform.saveFile(title === undefined ? file : { ...file, title });
      if (!saved.ok) throw new Error(saved.error);
      if (saved.value === null) throw new ExportCancelled();
      return saved.value;
    },
    [platform, title],
  );
};

/** True when the user cancelled the save dialog: not a failure, nothing to report. */
export const cancelled = (error: unknown): boolean => error instanceof ExportCancelled;
