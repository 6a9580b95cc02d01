// The pipeline for the deals screens, live (a manager's edit on another device arrives by sync). Where
// none is stored yet, an unlinked vault or a user who may write settings seeds the defaults; others wait
// for the organisation's copy and meanwhile see the defaults, unsaved.
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  defaultPipeline,
  PIPELINE_EDITORS,
  seedPipeline,
  storedPipeline,
  type DefaultStageNames,
  type Pipeline,
} from '../../../../shared/deals';
import type { Role } from '../../../../shared/sync';
import { useCurrentUser } from '../../../kit/useCurrentUser';
import { useWorkspace } from '../../../kit/workspace';
import { useLiveQuery } from '../../../kit/useLiveQuery';

/** Managers and admins shape the pipeline (and only they may push settings to the server). */
export const canEditPipeline = (role: Role): boolean => (PIPELINE_EDITORS as readonly Role[]).includes(role);

export const maySeedPipeline = (user: { linked: boolean; role: Role }): boolean =>
  !user.linked || canEditPipeline(user.role);

export const usePipeline = (): { pipeline: Pipeline | null; stored: boolean } => {
  const { workspace, actor } = useWorkspace();
  const user = useCurrentUser();
  const { t } = useTranslation();
  const result = useLiveQuery(storedPipeline, null);
  const maySeed = maySeedPipeline(user);
  const names: DefaultStageNames = useMemo(
    () => ({
      lead: t('deals.stages.lead'),
      qualified: t('deals.stages.qualified'),
      proposal: t('deals.stages.proposal'),
      negotiation: t('deals.stages.negotiation'),
      won: t('deals.stages.won'),
      lost: t('deals.stages.lost'),
    }),
    [t],
  );
  const missing = result.status === 'ready' && result.value === null;
  useEffect(() => {
    if (missing && maySeed) void seedPipeline(workspace, actor, names).catch(() => undefined);
  }, [missing, maySeed, workspace, actor, names]);
  return useMemo(() => {
    if (result.status !== 'ready') return { pipeline: null, stored: false };
    return result.value
      ? { pipeline: result.value, stored: true }
      : { pipeline: defaultPipeline(names), stored: false };
  }, [result, names]);
};
