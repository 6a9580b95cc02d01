// Adds a custom field for people or organisations (issue 7.1): only with a data category and at least one
// purpose that justifies it; a special-category field also needs the recorded Art. 9(2) exception.
import { useState } from 'react';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { addCustomField, type CustomFieldInput } from '../../../../shared/processing-record';
import { FormDialog } from '../../../kit/FormDialog';
import { notify } from '../../../kit/notification-store';
import { useWorkspace } from '../../../kit/workspace';
import { MultiSelectField } from '../../../ui/forms/MultiSelectField';
import { SelectField } from '../../../ui/forms/SelectField';
import { useFieldIssues } from '../../../ui/forms/useFieldIssues';
import { LocalizedField } from '../../consent/components/LocalizedField';
import { useLocalized } from '../../consent/hooks/useLocalized';
import type { Registers } from '../hooks/useRegisters';
import { DATA_CATEGORIES, type DataCategory } from '../../../../shared/purposes';

interface Props {
  readonly registers: Registers;
  readonly onClose: () => void;
}

const ENTITIES = ['person', 'organisation'] as const;

export function CustomFieldDialog({ registers, onClose }: Props) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const purposeName = (id: string) => {
    const purpose = registers.purposes.find((p) => p.id === id);
    return purpose ? localized(purpose.data.name) : id;
  };
  const { workspace: session, actor } = useWorkspace();
  const [entity, setEntity] = useState<'person' | 'organisation'>('person');
  const [label, setLabel] = useState({ en: '', nl: '' });
  const [category, setCategory] = useState<DataCategory | ''>('');
  const [purposeIds, setPurposeIds] = useState<string[]>([]);
  const [exception, setException] = useState('');
  const { fieldProps, errorText } = useFieldIssues('lifecycle.customFields.errors');

  const save = async () => {
    const input: CustomFieldInput = {
      entity,
      label,
      category: category as DataCategory,
      purposeIds,
      specialCategoryException: exception,
    };
    await addCustomField(session, actor, input);
    notify(t('lifecycle.customFields.saved'));
  };

  return (
    <FormDialog
      open
      id="custom-field"
      title={t('lifecycle.customFields.add')}
      onSubmit={save}
      errorText={errorText(t('lifecycle.customFields.failed'))}
      onClose={onClose}
    >
      <SelectField
        label={t('lifecycle.customFields.entity')}
        value={entity}
        onChange={setEntity}
        options={ENTITIES}
        labelOf={(e) => t(`lifecycle.customFields.entities.${e}`)}
      />
      <LocalizedField
        stacked
        label={{ en: t('lifecycle.customFields.labelEn'), nl: t('lifecycle.customFields.labelNl') }}
        value={label}
        onChange={setLabel}
        {...fieldProps('label')}
      />
      <SelectField
        label={t('lifecycle.customFields.category')}
        value={category}
        onChange={setCategory}
        options={DATA_CATEGORIES}
        labelOf={(c) => t(`lifecycle.categories.${c}`)}
        {...fieldProps('category')}
      />
      <MultiSelectField
        label={t('lifecycle.customFields.purposes')}
        value={purposeIds}
        onChange={setPurposeIds}
        options={registers.purposes.filter((p) => p.data.active).map((p) => p.id)}
        labelOf={purposeName}
        {...fieldProps('purposeIds', t('lifecycle.customFields.purposesHelp'))}
      />
      {category === 'special_category' && (
        <TextField
          label={t('lifecycle.customFields.exception')}
          value={exception}
          onChange={(e) => setException(e.target.value)}
          multiline
          minRows={2}
          required
          {...fieldProps('specialCategoryException', t('lifecycle.customFields.exceptionHelp'))}
        />
      )}
    </FormDialog>
  );
}
