// Managers and admins shape the pipeline: rename, reorder, add and remove stages. A stage with open
// deals cannot be removed, and each kind (open, won, lost) keeps at least one stage.
import { useMemo, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import AddIcon from '@mui/icons-material/Add';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import { useTranslation } from 'react-i18next';
import {
  moveStage,
  PipelinePayload,
  removeStage,
  StageKind,
  StageRuleError,
  type Pipeline,
  type Stage,
} from '../../../../shared/deals';
import { newId } from '../../../../shared/crypto';
import { notify } from '../../../kit/notification-store';
import { SubmitButton } from '../../../ui/SubmitButton';

interface Props {
  readonly pipeline: Pipeline;
  /** Stage ids that hold at least one open deal. */
  readonly stagesInUse: ReadonlySet<string>;
  readonly onSave: (pipeline: Pipeline) => Promise<unknown>;
  readonly onClose: () => void;
}

export function StageEditorDialog({ pipeline, stagesInUse, onSave, onClose }: Props) {
  const { t } = useTranslation();
  const [stages, setStages] = useState<readonly Stage[]>(pipeline.stages);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const valid = useMemo(() => PipelinePayload.safeParse({ stages }), [stages]);

  const apply = (change: (p: Pipeline) => Pipeline, stage: Stage) => {
    try {
      setStages(change({ stages: [...stages] }).stages);
      setError(null);
    } catch (e) {
      if (!(e instanceof StageRuleError)) throw e;
      setError(
        e.code === 'stage-in-use'
          ? t('deals.stageEditor.inUse', { name: stage.name })
          : t('deals.stageEditor.lastOfKind'),
      );
    }
  };
  const edit = (index: number, change: Partial<Stage>) =>
    setStages(stages.map((s, i) => (i === index ? { ...s, ...change } : s)));

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!valid.success) {
      setError(
        stages.some((s) => !s.name.trim())
          ? t('deals.stageEditor.invalid')
          : t('deals.stageEditor.lastOfKind'),
      );
      return;
    }
    setBusy(true);
    try {
      await onSave(valid.data);
      notify(t('deals.stageEditor.saved'));
      onClose();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      open
      onClose={busy ? undefined : onClose}
      aria-labelledby="stage-editor-title"
      fullWidth
      maxWidth="md"
    >
      <form onSubmit={(e) => void save(e)} noValidate>
        <DialogTitle id="stage-editor-title">{t('deals.stageEditor.title')}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{t('deals.stageEditor.help')}</DialogContentText>
          {error && (
            <Alert severity="warning" sx={{ mb: 2 }}>
              {error}
            </Alert>
          )}
          <Box
            component="ol"
            sx={{ listStyle: 'none', p: 0, m: 0, display: 'flex', flexDirection: 'column', gap: 1.5 }}
          >
            {stages.map((stage, index) => (
              <Box component="li" key={stage.id} sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
                <TextField
                  size="small"
                  label={t('deals.stageEditor.name')}
                  value={stage.name}
                  onChange={(e) => edit(index, { name: e.target.value })}
                  error={!stage.name.trim()}
                  slotProps={{ htmlInput: { maxLength: 60 } }}
                  sx={{ flex: 1 }}
                />
                <TextField
                  size="small"
                  type="number"
                  label={t('deals.stageEditor.probability')}
                  value={stage.probability}
                  onChange={(e) =>
                    edit(index, {
                      probability: Math.max(0, Math.min(100, Math.round(Number(e.target.value) || 0))),
                    })
                  }
                  slotProps={{ htmlInput: { min: 0, max: 100 } }}
                  sx={{ width: 130 }}
                />
                <TextField
                  size="small"
                  select
                  label={t('deals.stageEditor.kind')}
                  value={stage.kind}
                  onChange={(e) => edit(index, { kind: e.target.value as Stage['kind'] })}
                  disabled={stagesInUse.has(stage.id)}
                  sx={{ width: 140 }}
                >
                  {StageKind.options.map((kind) => (
                    <MenuItem key={kind} value={kind}>
                      {t(`deals.stageEditor.kinds.${kind}`)}
                    </MenuItem>
                  ))}
                </TextField>
                <IconButton
                  aria-label={t('deals.stageEditor.moveUp', { name: stage.name })}
                  disabled={index === 0}
                  onClick={() => apply((p) => moveStage(p, stage.id, index - 1), stage)}
                >
                  <ArrowUpwardIcon fontSize="small" />
                </IconButton>
                <IconButton
                  aria-label={t('deals.stageEditor.moveDown', { name: stage.name })}
                  disabled={index === stages.length - 1}
                  onClick={() => apply((p) => moveStage(p, stage.id, index + 1), stage)}
                >
                  <ArrowDownwardIcon fontSize="small" />
                </IconButton>
                <Tooltip
                  title={stagesInUse.has(stage.id) ? t('deals.stageEditor.inUse', { name: stage.name }) : ''}
                >
                  <span>
                    <IconButton
                      aria-label={t('deals.stageEditor.remove', { name: stage.name })}
                      disabled={stagesInUse.has(stage.id)}
                      onClick={() => apply((p) => removeStage(p, stage.id, stagesInUse), stage)}
                    >
                      <DeleteOutlineIcon fontSize="small" />
                    </IconButton>
                  </span>
                </Tooltip>
              </Box>
            ))}
          </Box>
          <Button
            startIcon={<AddIcon />}
            sx={{ mt: 2 }}
            onClick={() => {
              const firstClosed = stages.findIndex((s) => s.kind !== 'open');
              const stage: Stage = {
                id: newId(),
                name: t('deals.stageEditor.newStage'),
                probability: 50,
                kind: 'open',
              };
              const next = [...stages];
              next.splice(firstClosed < 0 ? stages.length : firstClosed, 0, stage);
              setStages(next);
            }}
          >
            {t('deals.stageEditor.add')}
          </Button>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <SubmitButton busy={busy}>{t('deals.stageEditor.save')}</SubmitButton>
        </DialogActions>
      </form>
    </Dialog>
  );
}
