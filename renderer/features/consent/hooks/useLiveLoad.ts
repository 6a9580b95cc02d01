// Loads something derived from many people's ledgers, and loads it again (debounced) when items of the
// given kinds or the people themselves change — here or by sync.
import { useEffect, useState } from 'react';
import type { Session } from '../../../../shared/vault';
import { watchReads } from '../../../../shared/workspace';
import { useWorkspace } from '../../../kit/workspace';

export type LiveLoad<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'failed' }
  | { readonly status: 'ready'; readonly value: T };

const DEBOUNCE_MS = 400;

export const useLiveLoad = <T>(
  load: (session: Session) => Promise<T>,
  kinds: readonly string[],
): LiveLoad<T> => {
  const { workspace: session } = useWorkspace();
  const [state, setState] = useState<LiveLoad<T>>({ status: 'loading' });
  const key = kinds.join(',');
  useEffect(() => {
    let current = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const watched = key ? key.split(',') : [];
    const reload = () =>
      load(session).then(
        (value) => current && setState({ status: 'ready', value }),
        () => current && setState({ status: 'failed' }),
      );
    const later = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void reload(), DEBOUNCE_MS);
    };
    void reload();
    const unwatch = watchReads(
      session,
      [{ collection: 'items', kinds: watched }, { collection: 'records' }],
      later,
    );
    return () => {
      current = false;
      clearTimeout(timer);
      unwatch();
    };
  }, [session, load, key]);
  return state;
};
