// How a double opt-in message leaves this device (issue 17): from the desktop through the organisation's
// SMTP server when mail settings are saved; otherwise — and always in the browser host, which cannot speak
// SMTP — as an .eml file the user opens in their mail program, or (browser only) a mailto: link.
import { useCallback, useEffect, useState } from 'react';
import { renderEml } from '../../../../shared/messages';
import type { MailError, MailMessage, SmtpSettingsView } from '../../../../shared/platform';
import { deliverFile } from '../../../../shared/workspace';
import { useDeliver } from '../../../kit/useDeliver';
import { useWorkspace } from '../../../kit/workspace';
import { usePlatform } from '../../../platform/platform-context';

export type Delivery = 'smtp' | 'eml' | 'mailto';

/** The desktop's mail server refused or could not be reached; `code` names why (mail.errors.*). */
export class MailFailure extends Error {
  constructor(readonly code: MailError) {
    super(`The message was not sent: ${code}`);
    this.name = 'MailFailure';
  }
}

const mailtoUrl = (message: MailMessage) =>
  `mailto:${encodeURIComponent(message.to)}?subject=${encodeURIComponent(message.subject)}` +
  `&body=${encodeURIComponent(message.text)}`;

const openLink = (href: string) => {
  const link = document.createElement('a');
  link.href = href;
  link.rel = 'noopener';
  link.click();
};

export interface ConfirmationSender {
  /** The ways open here, the first the default; null while the desktop's settings are being read. */
  readonly deliveries: readonly Delivery[] | null;
  /** SMTP wants a password that no keychain keeps: ask for it with each message. */
  readonly needsPassword: boolean;
  /** The sender for the operation: hands the message over the chosen way. */
  readonly sender: (via: Delivery, password?: string) => (message: MailMessage) => Promise<unknown>;
}

export const useConfirmationSender = (): ConfirmationSender => {
  const platform = usePlatform();
  const { workspace } = useWorkspace();
  const deliver = useDeliver();
  const [smtp, setSmtp] = useState<SmtpSettingsView | null | undefined>(platform.mail ? undefined : null);
  useEffect(() => {
    if (!platform.mail) return;
    let live = true;
    platform.mail.settings(workspace.vaultId).then(
      (settings) => live && setSmtp(settings),
      () => live && setSmtp(null),
    );
    return () => {
      live = false;
    };
  }, [platform, workspace]);

  const sender = useCallback(
    (via: Delivery, password?: string) => async (message: MailMessage) => {
      if (via === 'smtp') {
        const sent = await platform.mail!.deliver(workspace.vaultId, message, password || undefined);
        if (!sent.ok) throw new MailFailure(sent.error);
        return sent.value;
      }
      if (via === 'mailto') return openLink(mailtoUrl(message));
      const eml = renderEml(message, { date: Date.now() });
      return deliverFile(deliver, 'confirmation', 'eml', new TextEncoder().encode(eml));
    },
    [platform, workspace, deliver],
  );
  const deliveries: Delivery[] | null =
    smtp === undefined ? null : smtp ? ['smtp', 'eml'] : platform.mail ? ['eml'] : ['eml', 'mailto'];
  return { deliveries, needsPassword: !!smtp && !!smtp.user && !smtp.passwordStored, sender };
};
