// The settings the wizard offers: the purposes register (consent core) and the saved import presets.
import { useCallback, useEffect, useState } from 'react';
import type { Preset } from '../../../../shared/import';
import { IMPORT_PRESET, toPreset } from '../../../../shared/import';
import type { Setting } from '../../../../shared/store';
import type { Session } from '../../../../shared/vault';
import { PURPOSE, type PurposePayload } from '../../../../shared/purposes';

export const usePurposes = (session: Session): readonly Setting<PurposePayload>[] | null => {
  const [purposes, setPurposes] = useState<readonly Setting<PurposePayload>[] | null>(null);
  useEffect(() => {
    let live = true;
    session
      .settings(PURPOSE)
      .list()
      .then(({ records }) => live && setPurposes(records.filter((p) => p.data.active)))
      .catch(() => live && setPurposes([]));
    return () => {
      live = false;
    };
  }, [session]);
  return purposes;
};

const loadPresets = async (session: Session): Promise<Preset[]> => {
  const { records } = await session.settings(IMPORT_PRESET).list();
  return records.map((r) => toPreset(r.id, r.data)).sort((a, b) => a.name.localeCompare(b.name));
};

export const useImportPresets = (session: Session) => {
  const [presets, setPresets] = useState<readonly Preset[]>([]);
  useEffect(() => {
    let live = true;
    loadPresets(session)
      .then((loaded) => live && setPresets(loaded))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [session]);
  const save = useCallback(
    async (name: string, mapping: Preset['mapping']) => {
      const saved = await session.settings(IMPORT_PRESET).put({ name, mapping });
      setPresets(await loadPresets(session));
      return toPreset(saved.id, saved.data);
    },
    [session],
  );
  return { presets, save };
};
