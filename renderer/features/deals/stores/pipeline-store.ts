// The organisation's pipeline (one setting, fixed id), read on first use of the deals screens and kept
// current from the settings stream (a manager's edit on another device arrives by sync).
import { create } from 'zustand';
import {
  defaultPipeline,
  PIPELINE_CONFIG,
  PIPELINE_ID,
  type DefaultStageNames,
  type Pipeline,
} from '../../../../shared/deals';
import { NotFoundError } from '../../../../shared/store';
import type { Role } from '../../../../shared/sync';
import type { Session } from '../../../../shared/vault';

/** Managers and admins shape the pipeline (and only they may push settings to the server). */
export const canEditPipeline = (role: Role): boolean => role === 'admin' || role === 'manager';

/**
 * Seed the default pipeline when none exists and this device may: an unlinked vault (nothing can come
 * by sync) or a user who may write settings. Others wait for the organisation's copy and meanwhile see
 * the defaults, unsaved.
 */
export const maySeedPipeline = (user: { linked: boolean; role: Role }): boolean =>
  !user.linked || canEditPipeline(user.role);

interface PipelineState {
  session: Session | null;
  pipeline: Pipeline | null;
  /** False while showing unsaved defaults (no pipeline stored yet and this user may not seed one). */
  stored: boolean;
  load(session: Session, options: { maySeed: boolean; names: DefaultStageNames }): Promise<void>;
  save(session: Session, pipeline: Pipeline): Promise<void>;
}

let stopFollowing: (() => void) | undefined;

const read = async (session: Session): Promise<Pipeline | null> => {
  try {
    return (await session.settings(PIPELINE_CONFIG).get(PIPELINE_ID)).data;
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
};

export const usePipelineStore = create<PipelineState>()((set, get) => ({
  session: null,
  pipeline: null,
  stored: false,

  async load(session, { maySeed, names }) {
    if (get().session === session && get().stored) return;
    stopFollowing?.();
    set({ session });
    const subscription = session.db.settings.$.subscribe((event) => {
      const doc = (event.documentData ?? event.previousDocumentData) as { kind?: string } | undefined;
      if (doc?.kind !== PIPELINE_CONFIG.kind || get().session !== session) return;
      void read(session).then((pipeline) => {
        if (pipeline && get().session === session) set({ pipeline, stored: true });
      });
    });
    stopFollowing = () => subscription.unsubscribe();
    let pipeline = await read(session);
    if (!pipeline && maySeed) {
      await session.settings(PIPELINE_CONFIG).seed([{ id: PIPELINE_ID, data: defaultPipeline(names) }]);
      pipeline = await read(session);
    }
    if (get().session !== session) return;
    set(pipeline ? { pipeline, stored: true } : { pipeline: defaultPipeline(names), stored: false });
  },

  async save(session, pipeline) {
    const saved = await session.settings(PIPELINE_CONFIG).put(pipeline, PIPELINE_ID);
    await session.audit.record({ action: 'update', kind: 'pipeline', recordIds: [PIPELINE_ID] });
    if (get().session === session) set({ pipeline: saved.data, stored: true });
  },
}));
