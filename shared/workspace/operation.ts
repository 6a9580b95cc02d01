// The core's face for writes: every change the UI can make is a named operation `(workspace, actor, input)`
// that checks who may do it, validates, stores, and appends its audit entry — in that order, in one step.
// The audit entry is the operation's own return value and is written here, never by the caller, and a
// failure to write it fails the operation (it is never swallowed): an accountability record that
// depended on which screen made the change would not be one (GDPR Art. 5(2)).
import type { AuditEvent } from '../audit';
import type { Role } from './roles';
import type { Session } from '../vault';

/** The unlocked vault the core works in: its repositories, keys and audit trail. */
export type Workspace = Session;

/** Who performs an operation: the signed-in user (null for a vault not linked to a server) and role. */
export interface Actor {
  readonly userId: string | null;
  readonly role: Role;
}

/** The actor of a vault that was never linked to a server: its one user holds every right. */
export const LOCAL_ACTOR: Actor = { userId: null, role: 'admin' };

/** What an operation's body hands back: its result and the audit entries that account for it. */
export interface Done<O> {
  readonly result: O;
  /** One entry, several (one per kind touched), or none when the body wrote its entries as steps (or
   * changed nothing, where the operation was defined with `mayChangeNothing`). */
  readonly audit: AuditEvent | readonly AuditEvent[];
}

/**
 * The one way an audit entry is written before its operation ends. An erasure, an import or a key
 * rotation changes the store in steps that cannot be taken back (a destroyed key, thousands of stored
 * rows, an adopted key epoch): were the entry written only when the whole operation returned, a crash or a
 * lost window between the step and the end would leave a change the trail does not show. So such a step
 * writes its entry as soon as it is done — through this function, which defineOperation hands to the body
 * as `step` and which a background duty that no user starts (the sync engine's key rotation) calls itself.
 * A failure to write is thrown to the step, which is never told to go on as if it had been written.
 */
export const auditStep = (workspace: Workspace, entry: AuditEvent): Promise<void> =>
  workspace.audit.record(entry);

/**
 * Writes one audit entry while the operation is still running, for a long operation whose steps must each
 * leave their entry as soon as they are done (see `auditStep`). Only the operation's body receives it.
 */
export type AuditStep = (entry: AuditEvent) => Promise<void>;

export type OperationBody<I, O> = (
  workspace: Workspace,
  actor: Actor,
  input: I,
  step: AuditStep,
) => Promise<Done<O>>;

export interface Operation<I, O> {
  (workspace: Workspace, actor: Actor, input: I): Promise<O>;
  /** Unique across the core, e.g. 'deals.create'. */
  readonly operationName: string;
  /** Roles allowed to perform it; every role when absent. */
  readonly roles: readonly Role[] | null;
}

/** Refused because the actor's role may not perform the operation (the UI hides it; this is the rule). */
export class ForbiddenError extends Error {
  constructor(
    readonly operation: string,
    readonly role: Role,
  ) {
    super(`The role '${role}' may not perform ${operation}`);
    this.name = 'ForbiddenError';
  }
}

export interface OperationOptions {
  readonly roles?: readonly Role[];
  /**
   * The body may store nothing and then return no entry (a subscription already in the state asked for).
   * Whatever it does store it still audits; without this, an operation that returns no entry fails.
   */
  readonly mayChangeNothing?: boolean;
}

/**
 * Defines an operation. The body validates and stores, and returns the audit entries; this wrapper
 * refuses a locked vault and a role that may not act, then writes every entry before resolving. A long
 * body may write some entries as it goes through `step`; an operation that wrote none fails.
 */
export const defineOperation = <I, O>(
  name: string,
  body: OperationBody<I, O>,
  options: OperationOptions = {},
): Operation<I, O> => {
  const roles = options.roles ?? null;
  const run = async (workspace: Workspace, actor: Actor, input: I): Promise<O> => {
    if (workspace.isLocked) throw new Error('The vault is locked');
    if (roles && !roles.includes(actor.role)) throw new ForbiddenError(name, actor.role);
    let written = 0;
    const step: AuditStep = async (entry) => {
      await auditStep(workspace, entry);
      written += 1;
    };
    const done = await body(workspace, actor, input, step);
    const entries: readonly AuditEvent[] = Array.isArray(done.audit)
      ? (done.audit as readonly AuditEvent[])
      : [done.audit as AuditEvent];
    if (entries.length + written === 0 && !options.mayChangeNothing)
      throw new Error(`${name} returned no audit entry`);
    for (const entry of entries) await auditStep(workspace, entry);
    return done.result;
  };
  return Object.assign(run, { operationName: name, roles });
};
