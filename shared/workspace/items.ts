// Bodies and a query for the most common work on items about a person or organisation (activities,
// tasks, deals, cases): create one under its subject, save an edit, delete one, and read every item of a
// kind live. Each audits under the item's kind with its ids only, never its contents. Folders name their
// own operations with these (`defineOperation('tasks.save', saveItem(TASK_ITEMS))`), as with settings.
import type { z } from 'zod';
import type { AuditEvent } from '../audit';
import { openAllItems, type Decrypted, type ItemKindConfig, type OpenedItems } from '../store';
import type { OperationBody, Workspace } from './operation';
import { defineQuery, type Query } from './query';

type Payload = z.ZodType<Record<string, unknown>>;

/** A new item and the subject it is about. */
export interface NewItem<S extends Payload> {
  readonly subjectId: string;
  readonly input: z.input<S>;
}

/** An edited item: its id and the whole new payload. */
export interface EditedItem<S extends Payload> {
  readonly id: string;
  readonly input: z.input<S>;
}

/** Stores a new item under its subject; audits 'create' with `details` (codes only) when given. */
export const createItem =
  <S extends Payload>(
    config: ItemKindConfig<S>,
    details?: (item: z.output<S>) => AuditEvent['details'],
  ): OperationBody<NewItem<S>, Decrypted<z.output<S>>> =>
  async (workspace, _actor, { subjectId, input }) => {
    const item = await workspace.items(config).create(subjectId, input);
    const audit: AuditEvent = { action: 'create', kind: config.kind, recordIds: [item.id] };
    return { result: item, audit: details ? { ...audit, details: details(item.data) } : audit };
  };

/** Stores an edited item in place; audits 'update'. */
export const saveItem =
  <S extends Payload>(config: ItemKindConfig<S>): OperationBody<EditedItem<S>, Decrypted<z.output<S>>> =>
  async (workspace, _actor, { id, input }) => {
    const item = await workspace.items(config).update(id, () => input);
    return { result: item, audit: { action: 'update', kind: config.kind, recordIds: [id] } };
  };

/** Stores a new item under the subject its payload names (a deal or a case: an organisation or a person). */
export const createLinkedItem =
  <S extends Payload>(
    config: ItemKindConfig<S>,
    subjectOf: (data: z.output<S>) => string,
  ): OperationBody<z.input<S>, Decrypted<z.output<S>>> =>
  async (workspace, _actor, input) => {
    const items = workspace.items(config);
    const data = items.validate(input);
    const item = await items.create(subjectOf(data), data as z.input<S>);
    return { result: item, audit: { action: 'create', kind: config.kind, recordIds: [item.id] } };
  };

/**
 * Saves an edited item whose payload names its subject. An item is encrypted with its subject's key, so
 * when the edit links it to another subject it is stored anew under that one and the old record removed
 * (its id changes); `carry` first moves what hangs off it and says what the audit entry adds.
 */
export const saveLinkedItem =
  <S extends Payload>(
    config: ItemKindConfig<S>,
    subjectOf: (data: z.output<S>) => string,
    carry?: (
      workspace: Workspace,
      from: Decrypted<z.output<S>>,
      to: Decrypted<z.output<S>>,
    ) => Promise<AuditEvent['details']>,
  ): OperationBody<EditedItem<S>, Decrypted<z.output<S>>> =>
  async (workspace, _actor, { id, input }) => {
    const items = workspace.items(config);
    const current = await items.get(id);
    const data = items.validate(input);
    const subjectId = subjectOf(data);
    if (subjectId === current.subjectId) {
      const saved = await items.update(id, () => data as z.input<S>);
      return { result: saved, audit: { action: 'update', kind: config.kind, recordIds: [id] } };
    }
    const moved = await items.create(subjectId, data as z.input<S>);
    const details = { relinked: true, ...(await carry?.(workspace, current, moved)) };
    await items.remove(id);
    return {
      result: moved,
      audit: { action: 'update', kind: config.kind, recordIds: [id, moved.id], details },
    };
  };

/** Deletes an item by id; audits 'delete'. */
export const removeItem =
  <S extends Payload>(config: ItemKindConfig<S>): OperationBody<string, void> =>
  async (workspace, _actor, id) => {
    await workspace.items(config).remove(id);
    return { result: undefined, audit: { action: 'delete', kind: config.kind, recordIds: [id] } };
  };

/** Every item of a kind, live: opened once, then only what changed. */
export const allItemsQuery = <S extends Payload>(
  name: string,
  config: ItemKindConfig<S>,
): Query<unknown, OpenedItems<z.output<S>>> =>
  defineQuery(name, [{ collection: 'items', kinds: [config.kind] }], (workspace) =>
    openAllItems(workspace, workspace.db, workspace.items(config)),
  );
