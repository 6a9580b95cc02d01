// Managers and admins shape the pipeline: rename, reorder, add and remove stages. A stage with open
// deals cannot be removed, and each kind (open, won, lost) keeps at least one stage.
import { useMemo, useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
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
import { FormDialog, refuseIf } from '../../../kit/FormDialog';
import { notify } from '../../../kit/notification-store';
import { SelectField } from '../../../ui/forms/SelectField';

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

  const save = async () => {
    setError(null);
    refuseIf(
      !valid.success,
      stages.some((s) => !s.name.trim()) ? t('deals.stageEditor.invalid') : t('deals.stageEditor.lastOfKind'),
    );
    if (!valid.success) return;
    await onSave(valid.data);
    notify(t('deals.stageEditor.saved'));
  };

  return (
    <FormDialog
      open
      id="stage-editor"
      title={t('deals.stageEditor.title')}
      intro={t('deals.stageEditor.help')}
      submitLabel={t('deals.stageEditor.save')}
      maxWidth="md"
      onSubmit={save}
      error={error}
      onClose={onClose}
    >
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
            <SelectField
              size="small"
              sx={{ width: 140 }}
              label={t('deals.stageEditor.kind')}
              value={stage.kind}
              onChange={(kind) => edit(index, { kind })}
              disabled={stagesInUse.has(stage.id)}
              options={StageKind.options}
              labelOf={(kind) => t(`deals.stageEditor.kinds.${kind}`)}
            />
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
        sx={{ alignSelf: 'flex-start' }}
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
    </FormDialog>
  );
}
