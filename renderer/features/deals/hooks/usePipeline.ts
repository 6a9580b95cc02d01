// The pipeline for the deals screens: loads (and, where allowed, seeds) it on first use.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../sync/hooks/useCurrentUser';
import { useWorkspace } from '../../../kit/workspace';
import { maySeedPipeline, usePipelineStore } from '../stores/pipeline-store';

export const usePipeline = () => {
  const { workspace: session } = useWorkspace();
  const user = useCurrentUser();
  const { t } = useTranslation();
  const pipeline = usePipelineStore((s) => (s.session === session ? s.pipeline : null));
  const stored = usePipelineStore((s) => s.stored);
  const maySeed = maySeedPipeline(user);
  useEffect(() => {
    void usePipelineStore.getState().load(session, {
      maySeed,
      names: {
        lead: t('deals.stages.lead'),
        qualified: t('deals.stages.qualified'),
        proposal: t('deals.stages.proposal'),
        negotiation: t('deals.stages.negotiation'),
        won: t('deals.stages.won'),
        lost: t('deals.stages.lost'),
      },
    });
  }, [session, maySeed, t]);
  return { pipeline, stored };
};
