// How the person's request or consent arrived (email, phone, web form, …), as recorded with the entry.
import { useTranslation } from 'react-i18next';
import { CONSENT_METHODS, type ConsentMethod } from '../../../../shared/purposes';
import { SelectField } from '../../../ui/forms/SelectField';

interface Props {
  readonly value: ConsentMethod;
  readonly onChange: (method: ConsentMethod) => void;
  /** "Method" as the confirmations word it by default. */
  readonly label?: string;
}

export function ConsentMethodField({ value, onChange, label }: Props) {
  const { t } = useTranslation();
  return (
    <SelectField
      label={label ?? t('consent.confirm.method')}
      value={value}
      onChange={onChange}
      options={CONSENT_METHODS}
      labelOf={(m) => t(`consent.methods.${m}`)}
    />
  );
}
