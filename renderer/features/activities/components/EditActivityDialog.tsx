// Editing one's own timeline entry in a dialog; an email keeps its headers.
import { useTranslation } from 'react-i18next';
import type { Activity } from '../../../../shared/activities';
import { FormDialog } from '../../../kit/FormDialog';
import { useDraftForm } from '../../../ui/forms/useDraftForm';
import { useErrorText } from '../../../ui/forms/useErrorText';
import { activityToDraft, type ActivityDraft } from '../activity-draft';
import { ActivityFields } from './ActivityFields';

interface Props {
  readonly activity: Activity;
  readonly onSave: (draft: ActivityDraft) => Promise<unknown>;
  readonly onClose: () => void;
}

export function EditActivityDialog({ activity, onSave, onClose }: Props) {
  const { t } = useTranslation();
  const form = useDraftForm(activityToDraft(activity.data));
  const errorText = useErrorText(form.errors);
  return (
    <FormDialog
      open
      id="edit-activity"
      title={t('activities.editTitle', { type: t(`activities.types.${activity.data.type}`) })}
      maxWidth="md"
      onSubmit={() => onSave(form.draft)}
      errorText={form.errorText(t('activities.saveFailed'))}
      onClose={onClose}
    >
      <ActivityFields draft={form.draft} onChange={form.change} errorText={errorText} autoFocus />
    </FormDialog>
  );
}
