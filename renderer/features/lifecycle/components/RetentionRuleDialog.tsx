// Adds or edits a retention rule (issue 7.2, Art. 5(1)(e)): which subjects, from which moment, how long,
// what the review queue then proposes, and the legal reason the auditor reads. Admins only.
import { useState } from 'react';
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
import { FormDialog } from '../../../kit/FormDialog';
import { notify } from '../../../kit/notification-store';
import { MultiSelectField } from '../../../ui/forms/MultiSelectField';
import { SelectField } from '../../../ui/forms/SelectField';
import { useFieldIssues } from '../../../ui/forms/useFieldIssues';
import { LocalizedField } from '../../consent/components/LocalizedField';
import { PurposeField } from '../../consent/components/PurposeField';
import { useWorkspace } from '../../../kit/workspace';
import { DATA_CATEGORIES, type DataCategory, type PurposePayload } from '../../../../shared/purposes';

interface Props {
  /** The rule to edit; none to add one. */
  readonly rule?: Rule;
  readonly purposes: readonly { id: string; data: PurposePayload }[];
  readonly onClose: () => void;
}

type ScopeType = RetentionScope['type'];

const SCOPE_TYPES: readonly ScopeType[] = ['status', 'purpose', 'category'];

export function RetentionRuleDialog({ rule, purposes, onClose }: Props) {
  const { t } = useTranslation();
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
  const { errorOf, fieldProps, errorText } = useFieldIssues('retention.rules.errors');

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
    await saveRetentionRule(session, actor, { id: rule?.id ?? null, input });
    notify(t('retention.rules.saved'));
  };

  const monthsError = errorOf('months') && t('retention.rules.errors.months');
  return (
    <FormDialog
      open
      id="retention-rule"
      title={t(rule ? 'retention.rules.editTitle' : 'retention.rules.addTitle')}
      onSubmit={save}
      errorText={errorText(t('retention.rules.saveFailed'))}
      onClose={onClose}
    >
      <LocalizedField
        stacked
        label={{ en: t('retention.rules.nameEn'), nl: t('retention.rules.nameNl') }}
        value={name}
        onChange={setName}
        {...fieldProps('name')}
      />
      <MultiSelectField
        label={t('retention.rules.subjectKinds')}
        value={kinds}
        onChange={setKinds}
        options={SUBJECT_KINDS}
        labelOf={(k) => t(`retention.rules.kinds.${k}`)}
        {...fieldProps('subjectKinds')}
      />
      <SelectField
        label={t('retention.rules.scopeType')}
        value={scopeType}
        onChange={setScopeType}
        options={SCOPE_TYPES}
        labelOf={(s) => t(`retention.rules.scopeTypes.${s}`)}
      />
      {scopeType === 'status' && (
        <SelectField
          label={t('retention.rules.status')}
          value={status}
          onChange={setStatus}
          options={SUBJECT_STATUSES}
          labelOf={(s) => t(`retention.rules.statuses.${s}`)}
        />
      )}
      {scopeType === 'purpose' && (
        <PurposeField
          label={t('retention.rules.purpose')}
          purposes={purposes}
          value={purposeId}
          onChange={setPurposeId}
          error={!!errorOf('scope')}
          helperText={errorOf('scope') && t('retention.rules.errors.purpose')}
        />
      )}
      {scopeType === 'category' && (
        <SelectField
          label={t('retention.rules.category')}
          value={category}
          onChange={setCategory}
          options={DATA_CATEGORIES}
          labelOf={(c) => t(`lifecycle.categories.${c}`)}
          error={!!errorOf('scope')}
          helperText={errorOf('scope') && t('retention.rules.errors.category')}
        />
      )}
      <SelectField
        label={t('retention.rules.trigger')}
        value={trigger}
        onChange={setTrigger}
        options={RULE_TRIGGERS}
        labelOf={(tr) => t(`retention.rules.triggerOptions.${tr}`)}
      />
      <TextField
        type="number"
        label={t('retention.rules.monthsLabel')}
        value={months}
        onChange={(e) => setMonths(e.target.value)}
        error={!!monthsError}
        helperText={monthsError}
        slotProps={{ htmlInput: { min: 1, max: 1200, step: 1 } }}
      />
      <SelectField
        label={t('retention.rules.action')}
        value={action}
        onChange={setAction}
        options={RULE_ACTIONS}
        labelOf={(a) => t(`retention.actions.${a}`)}
      />
      <LocalizedField
        stacked
        label={{ en: t('retention.rules.legalReasonEn'), nl: t('retention.rules.legalReasonNl') }}
        value={reason}
        onChange={setReason}
        multiline
        minRows={2}
        {...fieldProps('legalReason', t('retention.rules.legalReasonHelp'))}
      />
    </FormDialog>
  );
}
