// Bodies for the most common operations: an organisation setting (a register entry such as a purpose, a
// processor or a retention rule) added, edited or removed, audited under its kind with its id. Each
// folder's operations.ts names its own operations with these (`defineOperation('processors.save',
// saveSetting(PROCESSOR))`), so the rule "store, then return the entry" is written once.
import type { z } from 'zod';
import type { SettingKindConfig } from '../store';
import type { OperationBody } from './operation';

type Payload = z.ZodType<Record<string, unknown>>;

export interface SaveSettingInput<S extends Payload> {
  /** The entry edited, or null for a new one. */
  readonly id: string | null;
  readonly input: z.input<S>;
}

/** Validates and stores a new (`id` null) or edited setting; audits 'create' or 'update'. */
export const saveSetting = <S extends Payload>(config: SettingKindConfig<S>) =>
  (async (workspace, _actor, { id, input }) => {
    const repository = workspace.settings(config);
    const saved = id === null ? await repository.put(input) : await repository.put(input, id);
    return {
      result: saved,
      audit: { action: id === null ? 'create' : 'update', kind: config.kind, recordIds: [saved.id] },
    };
  }) satisfies OperationBody<SaveSettingInput<S>, unknown>;

/** Removes a setting by id; audits 'delete'. */
export const removeSetting =
  <S extends Payload>(config: SettingKindConfig<S>): OperationBody<string, void> =>
  async (workspace, _actor, id) => {
    await workspace.settings(config).remove(id);
    return { result: undefined, audit: { action: 'delete', kind: config.kind, recordIds: [id] } };
  };
