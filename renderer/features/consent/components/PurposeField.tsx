// Picks one purpose from the register, each shown by its name in the user's language.
import type { ReactNode } from 'react';
import type { PurposePayload } from '../../../../shared/purposes';
import { SelectField } from '../../../ui/forms/SelectField';
import { useLocalized } from '../hooks/useLocalized';

interface Props {
  readonly label: string;
  readonly purposes: readonly { readonly id: string; readonly data: PurposePayload }[];
  readonly value: string;
  readonly onChange: (purposeId: string) => void;
  readonly disabled?: boolean;
  readonly error?: boolean;
  readonly helperText?: ReactNode;
  readonly size?: 'small' | 'medium';
  readonly fullWidth?: boolean;
}

export function PurposeField({ purposes, ...field }: Props) {
  const localized = useLocalized();
  const names = new Map(purposes.map((p) => [p.id, localized(p.data.name)]));
  return <SelectField {...field} options={purposes.map((p) => p.id)} labelOf={(id) => names.get(id)} />;
}
