// What an admin can do with the breach register. Each operation validates, stores and returns the audit
// entry the core writes (ids, codes and counts only, never the incident's words or anyone's name). The
// register is the admin's (the DPO's) alone, as in sync: its Art. 34 letters hold the names and addresses
// of up to MAX_AFFECTED people, a bulk export that does not pass the purpose gate.
import type { Deliver } from '../workspace';
import { defineOperation } from '../workspace';
import { prefillFromDrill, type DrillContext } from './drill';
import { buildBreachExport, loadController, type BreachExport, type ExportOptions } from './exports';
import { BREACH, type BreachInput } from './types';

const ADMIN_ONLY = { roles: ['admin'] } as const;

/** Opens one breach of the register; the view is audited. */
export const openBreach = defineOperation(
  'breach.open',
  async (workspace, _actor, id: string) => {
    const breach = await workspace.compliance(BREACH).get(id);
    return { result: breach, audit: { action: 'view', kind: 'breach', recordIds: [id] } };
  },
  ADMIN_ONLY,
);

/** Records a new incident (`id` null) or saves an edited one; a bad field throws ValidationError. */
export const saveBreach = defineOperation(
  'breach.save',
  async (workspace, _actor, { id, breach }: { readonly id: string | null; readonly breach: BreachInput }) => {
    const repository = workspace.compliance(BREACH);
    const stored = id === null ? await repository.put(breach) : await repository.put(breach, id);
    return {
      result: stored,
      audit: {
        action: id === null ? 'create' : 'update',
        kind: 'breach',
        recordIds: [stored.id],
        details: { source: stored.data.source },
      },
    };
  },
  ADMIN_ONLY,
);

/** Records the breach the lost-device drill found, pre-filled from its findings and the controller. */
export const recordDrillBreach = defineOperation(
  'breach.recordDrill',
  async (workspace, _actor, context: Omit<DrillContext, 'controller'>) => {
    const input = prefillFromDrill({ ...context, controller: await loadController(workspace) });
    const stored = await workspace.compliance(BREACH).put(input);
    return {
      result: stored,
      audit: {
        action: 'create',
        kind: 'breach',
        recordIds: [stored.id],
        details: { source: 'device-loss', people: input.people?.max ?? 0 },
      },
    };
  },
  ADMIN_ONLY,
);

/**
 * Builds the authority's report or the Art. 34 letters and delivers the file; audited once delivered
 * (a cancelled save exported nothing). Resolves with the export and the name it was saved under.
 */
export const exportBreach = defineOperation(
  'breach.export',
  async (
    workspace,
    _actor,
    { id, deliver, ...options }: ExportOptions & { readonly id: string; readonly deliver: Deliver },
  ) => {
    const { audit, ...built } = await buildBreachExport(workspace, id, options);
    const extension = options.format === 'json' ? 'json' : 'html';
    const savedAs = await deliver({
      suggestedName: built.fileName,
      filters: [{ name: extension.toUpperCase(), extensions: [extension] }],
      bytes: new TextEncoder().encode(built.content),
    });
    return { result: { ...built, savedAs } satisfies BreachExport & { savedAs: string }, audit };
  },
  ADMIN_ONLY,
);
