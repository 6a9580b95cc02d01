// Adds or edits a retention rule (issue 7.2, Art. 5(1)(e)): which subjects, from which moment, how long,
// what the review queue then proposes, and the legal reason the auditor reads. Admins only.
import { useState } from 'react';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import type { Rule } from '../../../../shared/retention';
import {
  saveRetentionRule,
  RULE_ACTIONS,
  RULE_TRIGGERS,
  SUBJECT_KINDS,
  SUBJECT_STATUSES,
  type RetentionRuleInput,
  type RetentionScope,
  type RuleAction,
  type RuleTrigger,
  type SubjectKind,
  type SubjectStatus,
} from '../../../../shared/retention';
import { ValidationError, type FieldIssue } from '../../../../shared/store';
import { notify } from '../../../kit/notification-store';
import { useLocalized } from '../../consent/hooks/useLocalized';
import { useWorkspace } from '../../../kit/workspace';
import { DATA_CATEGORIES, type DataCategory, type PurposePayload } from '../../../../shared/purposes';

interface Props {
  /** The rule to edit; none to add one. */
  readonly rule?: Rule;
  readonly purposes: readonly { id: string; data: PurposePayload }[];
  readonly onClose: () => void;
}

type ScopeType = RetentionScope['type'];

export function RetentionRuleDialog({ rule, purposes, onClose }: Props) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const { workspace: session, actor } = useWorkspace();
  const initial = rule?.data;
  const [name, setName] = useState(initial?.name ?? { en: '', nl: '' });
  const [kinds, setKinds] = useState<SubjectKind[]>(initial ? [...initial.subjectKinds] : ['person']);
  const [scopeType, setScopeType] = useState<ScopeType>(initial?.scope.type ?? 'status');
  const [status, setStatus] = useState<SubjectStatus>(
    initial?.scope.type === 'status' ? initial.scope.status : 'prospect',
  );
  const [purposeId, setPurposeId] = useState(
    initial?.scope.type === 'purpose' ? initial.scope.purposeId : '',
  );
  const [category, setCategory] = useState<DataCategory | ''>(
    initial?.scope.type === 'category' ? initial.scope.category : '',
  );
  const [trigger, setTrigger] = useState<RuleTrigger>(initial?.trigger ?? 'last_activity');
  const [months, setMonths] = useState(String(initial?.months ?? 24));
  const [action, setAction] = useState<RuleAction>(initial?.action ?? 'anonymise');
  const [reason, setReason] = useState(initial?.legalReason ?? { en: '', nl: '' });
  const [issues, setIssues] = useState<readonly FieldIssue[]>([]);
  const [busy, setBusy] = useState(false);
  const errorOf = (path: string) => {
    const issue = issues.find((i) => i.path === path || i.path.startsWith(`${path}.`));
    return issue
      ? t(`retention.rules.errors.${issue.code}`, { defaultValue: t('retention.rules.errors.invalid') })
      : undefined;
  };

  const scope = (): RetentionScope =>
    scopeType === 'status'
      ? { type: 'status', status }
      : scopeType === 'purpose'
        ? { type: 'purpose', purposeId }
        : { type: 'category', category: category as DataCategory };

  const save = async () => {
    const input: RetentionRuleInput = {
      name,
      subjectKinds: kinds,
      scope: scope(),
      trigger,
      // An empty field is not "0 months": NaN fails the schema with the months message.
      months: months.trim() === '' ? Number.NaN : Number(months),
      action,
      legalReason: reason,
      active: initial?.active ?? true,
    };
    setBusy(true);
    try {
      await saveRetentionRule(session, actor, { id: rule?.id ?? null, input });
      notify(t('retention.rules.saved'));
      onClose();
    } catch (error) {
      setBusy(false);
      if (error instanceof ValidationError) setIssues(error.issues);
      else notify(t('retention.rules.saveFailed'), 'error');
    }
  };

  const monthsError = errorOf('months') && t('retention.rules.errors.months');
  return (
    <Dialog
      open
      onClose={busy ? undefined : onClose}
      aria-labelledby="retention-rule-title"
      maxWidth="sm"
      fullWidth
    >
      <DialogTitle id="retention-rule-title">
        {t(rule ? 'retention.rules.editTitle' : 'retention.rules.addTitle')}
      </DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <TextField
            label={t('retention.rules.nameEn')}
            value={name.en}
            onChange={(e) => setName({ ...name, en: e.target.value })}
            error={!!errorOf('name')}
            helperText={errorOf('name')}
          />
          <TextField
            label={t('retention.rules.nameNl')}
            value={name.nl}
            onChange={(e) => setName({ ...name, nl: e.target.value })}
          />
          <TextField
            select
            label={t('retention.rules.subjectKinds')}
            value={kinds}
            onChange={(e) => setKinds(e.target.value as unknown as SubjectKind[])}
            error={!!errorOf('subjectKinds')}
            helperText={errorOf('subjectKinds')}
            slotProps={{ select: { multiple: true } }}
          >
            {SUBJECT_KINDS.map((k) => (
              <MenuItem key={k} value={k}>
                {t(`retention.rules.kinds.${k}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            label={t('retention.rules.scopeType')}
            value={scopeType}
            onChange={(e) => setScopeType(e.target.value as ScopeType)}
          >
            {(['status', 'purpose', 'category'] as const).map((s) => (
              <MenuItem key={s} value={s}>
                {t(`retention.rules.scopeTypes.${s}`)}
              </MenuItem>
            ))}
          </TextField>
          {scopeType === 'status' && (
            <TextField
              select
              label={t('retention.rules.status')}
              value={status}
              onChange={(e) => setStatus(e.target.value as SubjectStatus)}
            >
              {SUBJECT_STATUSES.map((s) => (
                <MenuItem key={s} value={s}>
                  {t(`retention.rules.statuses.${s}`)}
                </MenuItem>
              ))}
            </TextField>
          )}
          {scopeType === 'purpose' && (
            <TextField
              select
              label={t('retention.rules.purpose')}
              value={purposeId}
              onChange={(e) => setPurposeId(e.target.value)}
              error={!!errorOf('scope')}
              helperText={errorOf('scope') && t('retention.rules.errors.purpose')}
            >
              {purposes.map((p) => (
                <MenuItem key={p.id} value={p.id}>
                  {localized(p.data.name)}
                </MenuItem>
              ))}
            </TextField>
          )}
          {scopeType === 'category' && (
            <TextField
              select
              label={t('retention.rules.category')}
              value={category}
              onChange={(e) => setCategory(e.target.value as DataCategory)}
              error={!!errorOf('scope')}
              helperText={errorOf('scope') && t('retention.rules.errors.category')}
            >
              {DATA_CATEGORIES.map((c) => (
                <MenuItem key={c} value={c}>
                  {t(`lifecycle.categories.${c}`)}
                </MenuItem>
              ))}
            </TextField>
          )}
          <TextField
            select
            label={t('retention.rules.trigger')}
            value={trigger}
            onChange={(e) => setTrigger(e.target.value as RuleTrigger)}
          >
            {RULE_TRIGGERS.map((tr) => (
              <MenuItem key={tr} value={tr}>
                {t(`retention.rules.triggerOptions.${tr}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            type="number"
            label={t('retention.rules.monthsLabel')}
            value={months}
            onChange={(e) => setMonths(e.target.value)}
            error={!!monthsError}
            helperText={monthsError}
            slotProps={{ htmlInput: { min: 1, max: 1200, step: 1 } }}
          />
          <TextField
            select
            label={t('retention.rules.action')}
            value={action}
            onChange={(e) => setAction(e.target.value as RuleAction)}
          >
            {RULE_ACTIONS.map((a) => (
              <MenuItem key={a} value={a}>
                {t(`retention.actions.${a}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            label={t('retention.rules.legalReasonEn')}
            value={reason.en}
            onChange={(e) => setReason({ ...reason, en: e.target.value })}
            multiline
            minRows={2}
            error={!!errorOf('legalReason')}
            helperText={errorOf('legalReason') ?? t('retention.rules.legalReasonHelp')}
          />
          <TextField
            label={t('retention.rules.legalReasonNl')}
            value={reason.nl}
            onChange={(e) => setReason({ ...reason, nl: e.target.value })}
            multiline
            minRows={2}
          />
        </Stack>
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onClose} disabled={busy}>
          {t('retention.cancel')}
        </Button>
        <Button variant="contained" onClick={() => void save()} disabled={busy}>
          {t('retention.rules.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
