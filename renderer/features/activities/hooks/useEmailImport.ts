// Logging .eml files as email activities, dropped on the timeline or picked through the platform's file
// dialog. Each file is bounded in size before it is read; a bad one is reported by name, the rest go on.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { emailActivity, EmlError, MAX_EML_BYTES, parseEml } from '../../../../shared/activities';
import { logActivity } from '../../../../shared/activities';
import { notify } from '../../../kit/notification-store';
import { usePlatform } from '../../../platform/platform-context';
import { useCurrentUser } from '../../../kit/useCurrentUser';
import { useWorkspace } from '../../../kit/workspace';

interface EmailFile {
  readonly name: string;
  readonly size: number;
  read(): Promise<Uint8Array>;
}

const isEml = (name: string) => /\.eml$/i.test(name);

export const useEmailImport = (subjectId: string) => {
  const { t } = useTranslation();
  const { workspace: session, directory, actor } = useWorkspace();
  const { userId } = useCurrentUser();
  const platform = usePlatform();

  const logFiles = useCallback(
    async (files: readonly EmailFile[]) => {
      const own = [directory.person(subjectId)?.email, directory.organisation(subjectId)?.email].filter(
        (a): a is string => !!a,
      );
      let logged = 0;
      const failures: string[] = [];
      for (const file of files) {
        try {
          if (!isEml(file.name)) throw new Error('not-eml');
          if (file.size > MAX_EML_BYTES) throw new EmlError('too-large', file.name);
          const email = await parseEml(await file.read(), file.name);
          await logActivity(session, actor, {
            subjectId,
            input: emailActivity(email, { createdBy: userId, subjectAddresses: own, now: Date.now() }),
          });
          logged++;
        } catch (error) {
          const problem =
            error instanceof EmlError ? error.problem : isEml(file.name) ? 'unreadable' : 'not-eml';
          failures.push(t(`activities.eml.problems.${problem}`, { name: file.name }));
        }
      }
      if (failures.length) notify(failures.join(' '), 'error');
      else if (logged) notify(t('activities.eml.logged', { count: logged }));
    },
    [directory, session, actor, subjectId, t, userId],
  );

  const onDrop = useCallback(
    (list: FileList) =>
      logFiles(
        [...list].map((file) => ({
          name: file.name,
          size: file.size,
          read: async () => new Uint8Array(await file.arrayBuffer()),
        })),
      ),
    [logFiles],
  );

  const pick = useCallback(async () => {
    const result = await platform.openFile({
      title: t('activities.eml.pickTitle'),
      filters: [{ name: t('activities.eml.filter'), extensions: ['eml'] }],
      maxBytes: MAX_EML_BYTES,
    });
    if (!result.ok) {
      notify(
        t(
          result.error === 'too-large'
            ? 'activities.eml.problems.too-large'
            : 'activities.eml.problems.unreadable',
          {
            name: '.eml',
          },
        ),
        'error',
      );
      return;
    }
    const file = result.value;
    if (!file) return;
    await logFiles([{ name: file.name, size: file.bytes.byteLength, read: async () => file.bytes }]);
  }, [logFiles, platform, t]);

  return { onDrop, pick };
};
