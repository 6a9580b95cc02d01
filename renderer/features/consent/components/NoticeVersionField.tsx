// Picks one of the privacy notice versions, newest first, each shown as "Version N".
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsentSettings } from '../hooks/useConsentSettings';
import { SelectField } from '../../../ui/forms/SelectField';

interface Props {
  readonly label: string;
  readonly notices: ConsentSettings['notices'];
  readonly value: string;
  readonly onChange: (noticeId: string) => void;
  readonly helperText?: ReactNode;
  /** A choice for "no notice", with the value ''. */
  readonly emptyLabel?: ReactNode;
}

export function NoticeVersionField({ notices, ...field }: Props) {
  const { t } = useTranslation();
  const versionOf = (id: string) => notices.find((n) => n.id === id)?.data.version ?? '';
  return (
    <SelectField
      {...field}
      options={notices.map((n) => n.id)}
      labelOf={(id) => t('consent.notices.versionLabel', { version: versionOf(id) })}
    />
  );
}
