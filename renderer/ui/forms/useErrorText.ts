// The localized message for a field's error, or undefined when it has none.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { errorAt, type FieldErrors } from './field-errors';

export const useErrorText = (errors: FieldErrors): ((path: string) => string | undefined) => {
  const { t } = useTranslation();
  return useCallback(
    (path: string) => {
      const key = errorAt(errors, path);
      return key ? t(`errors.${key}`) : undefined;
    },
    [errors, t],
  );
};
