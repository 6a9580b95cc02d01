// The deals pipeline: a board (drag between stages) or a sortable list, with the stage editor for
// managers and admins.
import { useCallback, useMemo, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import TuneIcon from '@mui/icons-material/Tune';
import { useTranslation } from 'react-i18next';
import { navigate, NEW_ID } from '../../../kit/routing';
import { PageHeader } from '../../../ui/PageHeader';
import { ProblemsBanner } from '../../../ui/ProblemsBanner';
import { useCurrentUser } from '../../../kit/useCurrentUser';
import { useDirectoryVersion, useWorkspace } from '../../../kit/workspace';
import { savePipeline, type Deal } from '../../../../shared/deals';
import { useOperation } from '../../../kit/useOperation';
import { useDeals } from '../hooks/useDeals';
import { canEditPipeline, usePipeline } from '../hooks/usePipeline';
import { DealBoard } from './DealBoard';
import { DealList } from './DealList';
import { StageEditorDialog } from './StageEditorDialog';
import { RouteButton } from '../../../kit/RouteButton';

export function DealsPage({ view }: { view: 'board' | 'list' }) {
  const { t } = useTranslation();
  const { directory } = useWorkspace();
  const directoryVersion = useDirectoryVersion(directory);
  const { role } = useCurrentUser();
  const { pipeline, stored } = usePipeline();
  const { deals, loaded, problems } = useDeals();
  const { run: savePipelineAs } = useOperation(savePipeline);
  const [editing, setEditing] = useState(false);

  const subjectName = useCallback(
    (deal: Deal) =>
      directory.organisationName(deal.data.organisationId) ||
      (deal.data.personId ? (directory.person(deal.data.personId)?.displayName ?? '') : ''),
    // directoryVersion: the directory is mutable; a rename must show.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [directory, directoryVersion],
  );
  const stagesInUse = useMemo(
    () => new Set(deals.filter((d) => d.data.outcome === 'open').map((d) => d.data.stageId)),
    [deals],
  );

  return (
    <>
      <PageHeader
        title={t('deals.title')}
        subtitle={t('deals.subtitle')}
        actions={
          <>
            <ToggleButtonGroup
              size="small"
              exclusive
              value={view}
              aria-label={t('deals.views.label')}
              onChange={(_, next: 'board' | 'list' | null) => next && navigate({ name: 'deals', view: next })}
            >
              <ToggleButton value="board">{t('deals.views.board')}</ToggleButton>
              <ToggleButton value="list">{t('deals.views.list')}</ToggleButton>
            </ToggleButtonGroup>
            {canEditPipeline(role) && pipeline && (
              <Button startIcon={<TuneIcon />} onClick={() => setEditing(true)}>
                {t('deals.editStages')}
              </Button>
            )}
            <RouteButton variant="contained" to={{ name: 'deal', id: NEW_ID }}>
              {t('deals.new')}
            </RouteButton>
          </>
        }
      />
      {!stored && pipeline && (
        <Alert severity="info" sx={{ mb: 2 }}>
          {t('deals.provisional')}
        </Alert>
      )}
      <ProblemsBanner count={problems.length} />
      {!pipeline || !loaded ? (
        <CircularProgress aria-label={t('common.loading')} />
      ) : view === 'board' ? (
        <DealBoard pipeline={pipeline} deals={deals} subjectName={subjectName} />
      ) : (
        <DealList pipeline={pipeline} deals={deals} subjectName={subjectName} />
      )}
      {editing && pipeline && (
        <StageEditorDialog
          pipeline={pipeline}
          stagesInUse={stagesInUse}
          onSave={savePipelineAs}
          onClose={() => setEditing(false)}
        />
      )}
    </>
  );
}
