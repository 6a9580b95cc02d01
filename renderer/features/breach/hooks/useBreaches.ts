// The breach register, kept current as incidents change here or arrive by sync (admins only receive the
// compliance collection), with a clock that ticks so the 72-hour countdowns stay true on screen.
import { useEffect, useState } from 'react';
import { BREACH, type BreachPayload } from '../../../../shared/breach';
import type { Setting } from '../../../../shared/store';
import type { Session } from '../../../../shared/vault';
import { useVaultStore } from '../../vault/stores/vault-store';

export type BreachRecord = Setting<BreachPayload>;

export const useBreaches = (): { breaches: BreachRecord[]; loaded: boolean } => {
  const session = useVaultStore((s) => s.session);
  const [state, setState] = useState<{ breaches: BreachRecord[]; loaded: boolean }>({
    breaches: [],
    loaded: false,
  });
  useEffect(() => {
    if (!session) return;
    let current = true;
    const load = async (s: Session) => {
      const { records } = await s.compliance(BREACH).list();
      if (current) setState({ breaches: records, loaded: true });
    };
    void load(session);
    const subscription = session.db.compliance.$.subscribe((event) => {
      if (event.documentData?.kind === BREACH.kind || event.previousDocumentData?.kind === BREACH.kind) {
        void load(session);
      }
    });
    return () => {
      current = false;
      subscription.unsubscribe();
    };
  }, [session]);
  return state;
};
