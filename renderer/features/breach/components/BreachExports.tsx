// The outputs of a saved breach: the authority's report (HTML to print, JSON to keep) in English or
// Dutch, and, when the risk is high, the Art. 34 letters. Each saved file is audited; a cancelled save is not.
import Alert from '@mui/material/Alert';
import { useTranslation } from 'react-i18next';
import {
  exportBreach,
  hostTimeZone,
  lettersDue,
  type BreachExportFormat,
  type BreachPayload,
} from '../../../../shared/breach';
import { ExportBar, useDocumentLanguage } from '../../../kit/ExportBar';
import { notify } from '../../../kit/notification-store';
import { cancelled, useDeliver } from '../../../kit/useDeliver';
import { FormSection } from '../../../ui/FormSection';
import { useWorkspace } from '../../../kit/workspace';

interface Props {
  readonly id: string;
  /** The stored breach (exports never include unsaved edits). */
  readonly saved: BreachPayload;
  readonly dirty: boolean;
}

export function BreachExports({ id, saved, dirty }: Props) {
  const { t } = useTranslation();
  const { workspace: session, actor } = useWorkspace();
  const deliver = useDeliver(t('breach.exports.title'));
  const [language, setLanguage] = useDocumentLanguage();

  const save = async (format: BreachExportFormat) => {
    try {
      const { savedAs } = await exportBreach(session, actor, {
        id,
        format,
        language,
        timeZone: hostTimeZone(),
        now: Date.now(),
        deliver,
      });
      notify(t('breach.exports.saved', { name: savedAs }));
    } catch (error) {
      if (!cancelled(error)) notify(t('breach.exports.failed'), 'error');
    }
  };

  const letters = lettersDue(saved) && saved.affectedSubjectIds.length > 0;
  return (
    <FormSection title={t('breach.exports.title')} description={t('breach.exports.help')}>
      {dirty && (
        <Alert severity="info" sx={{ mb: 2 }}>
          {t('breach.exports.saveFirst')}
        </Alert>
      )}
      <ExportBar
        languageLabel={t('breach.exports.language')}
        language={language}
        onLanguage={setLanguage}
        actions={[
          { label: t('breach.exports.html'), run: () => save('html'), primary: true },
          { label: t('breach.exports.json'), run: () => save('json') },
          {
            label: t('breach.exports.letters', { count: saved.affectedSubjectIds.length }),
            run: () => save('letters'),
            disabled: !letters,
          },
        ]}
      />
    </FormSection>
  );
}
