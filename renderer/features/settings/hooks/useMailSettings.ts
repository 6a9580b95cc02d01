// The SMTP settings of this vault on this computer, read from and saved through the desktop's mail face
// (DesktopApi.mail: main keeps the settings per vault and the password in the OS keychain). The password
// is never read back; the screen only learns whether one is kept.
import { useEffect, useState } from 'react';
import type { DesktopMail, MailError, SmtpSettingsView } from '../../../../shared/platform';
import { formOf, problemsOf, settingsOf, testMessage, type MailForm, type Sender } from '../mail-settings';

/** What the last action came to: done, or the error main answered (the words are mail.errors.<error>). */
export type MailOutcome = { readonly done: 'saved' | 'forgotten' | 'sent' } | { readonly error: MailError };

export const useMailSettings = (mail: DesktopMail, vaultId: string) => {
  /** undefined while loading; null when nothing is saved yet. */
  const [saved, setSaved] = useState<SmtpSettingsView | null | undefined>(undefined);
  const [form, setForm] = useState<MailForm>(formOf(null));
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<MailOutcome | null>(null);

  const reload = async () => {
    const view = await mail.settings(vaultId);
    setSaved(view);
    return view;
  };
  useEffect(() => {
    let current = true;
    void mail.settings(vaultId).then((view) => {
      if (!current) return;
      setSaved(view);
      setForm(formOf(view));
    });
    return () => {
      current = false;
    };
  }, [mail, vaultId]);

  const problems = problemsOf(form);
  const run = async (action: () => Promise<MailOutcome>) => {
    if (busy) return;
    setBusy(true);
    setOutcome(null);
    try {
      setOutcome(await action());
    } catch {
      setOutcome({ error: 'failed' });
    } finally {
      setBusy(false);
    }
  };

  const save = () => {
    setSubmitted(true);
    if (Object.keys(problems).length) return Promise.resolve();
    return run(async () => {
      const result = await mail.saveSettings(vaultId, settingsOf(form), form.password || undefined);
      await reload();
      // keychain-unavailable: the settings were saved, the password was not kept.
      if (!result.ok && result.error !== 'keychain-unavailable') return { error: result.error };
      setForm((f) => ({ ...f, password: '' }));
      return result.ok ? { done: 'saved' } : { error: result.error };
    });
  };

  const forgetPassword = () =>
    run(async () => {
      if (!saved) return { error: 'not-configured' };
      const result = await mail.saveSettings(vaultId, settingsOf(formOf(saved)), '');
      await reload();
      return result.ok ? { done: 'forgotten' } : { error: result.error };
    });

  const sendTest = (sender: Sender, to: string, words: { subject: string; text: string }) =>
    run(async () => {
      const sent = await mail.deliver(vaultId, testMessage(sender, to, words), form.password || undefined);
      return sent.ok ? { done: 'sent' } : { error: sent.error };
    });

  return {
    saved,
    form,
    change: (patch: Partial<MailForm>) => setForm((f) => ({ ...f, ...patch })),
    problems: submitted ? problems : {},
    busy,
    outcome,
    save,
    forgetPassword,
    sendTest,
  };
};
