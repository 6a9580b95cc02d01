// What erasing a subject would take (counts per kind, the items one may keep), read once per subject.
import { useEffect, useState } from 'react';
import { AlreadyErasedError, erasurePreview, type PreviewItem } from '../../../../../shared/erasure';
import { NotFoundError } from '../../../../../shared/store';
import type { KindCounts } from '../../../../../shared/erasure';
import { useWorkspace } from '../../../../kit/workspace';

export type PreviewState =
  | { readonly status: 'loading' }
  | { readonly status: 'failed' }
  | { readonly status: 'erased' }
  /** Not in Kluis, and no certificate says it was erased here (deleted, or erased on another admin's device). */
  | { readonly status: 'missing' }
  | { readonly status: 'ready'; readonly counts: KindCounts; readonly items: readonly PreviewItem[] };

export const useErasurePreview = (subjectId: string): PreviewState => {
  const { workspace: session } = useWorkspace();
  const [state, setState] = useState<PreviewState>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    erasurePreview(session, subjectId).then(
      (preview) => current && setState({ status: 'ready', counts: preview.counts, items: preview.items }),
      (error: unknown) =>
        current &&
        setState({
          status:
            error instanceof AlreadyErasedError
              ? 'erased'
              : error instanceof NotFoundError
                ? 'missing'
                : 'failed',
        }),
    );
    return () => {
      current = false;
    };
  }, [session, subjectId]);
  return state;
};
