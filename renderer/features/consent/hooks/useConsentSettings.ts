// The organisation's consent settings — purposes register, subscription types, privacy notice versions and
// the controller — decrypted once and kept current from the settings change stream (edits on this device
// and those that arrive by sync).
import { useEffect, useState } from 'react';
import type { Setting } from '../../../../shared/store';
import {
  PRIVACY_NOTICE,
  SUBSCRIPTION_TYPE,
  type PrivacyNoticePayload,
  type SubscriptionTypePayload,
} from '../../../../shared/consent';
import type { Session } from '../../../../shared/vault';
import { useWorkspace } from '../../../kit/workspace';
import {
  CONTROLLER,
  CONTROLLER_ID,
  PURPOSE,
  type ControllerPayload,
  type PurposePayload,
} from '../../../../shared/purposes';

export interface ConsentSettings {
  readonly loaded: boolean;
  readonly purposes: readonly Setting<PurposePayload>[];
  readonly subscriptionTypes: readonly Setting<SubscriptionTypePayload>[];
  /** Newest publication first. */
  readonly notices: readonly Setting<PrivacyNoticePayload>[];
  readonly controller: Setting<ControllerPayload> | null;
  /** Settings that could not be opened (tampered, newer version). */
  readonly problems: number;
}

const EMPTY: ConsentSettings = {
  loaded: false,
  purposes: [],
  subscriptionTypes: [],
  notices: [],
  controller: null,
  problems: 0,
};

const KINDS: ReadonlySet<string> = new Set([
  PURPOSE.kind,
  SUBSCRIPTION_TYPE.kind,
  PRIVACY_NOTICE.kind,
  CONTROLLER.kind,
]);

const byName = <P extends { name: { en: string; nl: string } }>(a: Setting<P>, b: Setting<P>) =>
  (a.data.name.en || a.data.name.nl).localeCompare(b.data.name.en || b.data.name.nl);

export const loadConsentSettings = async (session: Session): Promise<ConsentSettings> => {
  const [purposes, types, notices, controllers] = await Promise.all([
    session.settings(PURPOSE).list(),
    session.settings(SUBSCRIPTION_TYPE).list(),
    session.settings(PRIVACY_NOTICE).list(),
    session.settings(CONTROLLER).list(),
  ]);
  return {
    loaded: true,
    purposes: purposes.records.sort(byName),
    subscriptionTypes: types.records.sort(byName),
    notices: notices.records.sort(
      (a, b) => b.data.publishedOn.localeCompare(a.data.publishedOn) || b.updatedAt - a.updatedAt,
    ),
    controller: controllers.records.find((c) => c.id === CONTROLLER_ID) ?? controllers.records[0] ?? null,
    problems:
      purposes.problems.length +
      types.problems.length +
      notices.problems.length +
      controllers.problems.length,
  };
};

export const useConsentSettings = (): ConsentSettings => {
  const { workspace: session } = useWorkspace();
  const [settings, setSettings] = useState<ConsentSettings>(EMPTY);
  useEffect(() => {
    let current = true;
    const reload = () =>
      void loadConsentSettings(session).then((loaded) => current && !session.isLocked && setSettings(loaded));
    reload();
    const subscription = session.db.settings.$.subscribe((event) => {
      const kind = (event.documentData ?? event.previousDocumentData)?.kind;
      if (kind && KINDS.has(kind)) reload();
    });
    return () => {
      current = false;
      subscription.unsubscribe();
    };
  }, [session]);
  return settings;
};
