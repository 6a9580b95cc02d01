// The guard a form with unsaved changes puts on leaving its screen. Every way out of a hash route passes
// here: a link click (stopped before the browser adds a history entry), navigate(), and back/forward or a
// typed address (the address is put back and the route shown stays the form's). The screen's dialog then
// asks what to do with the changes; only one form guards at a time.
import { create } from 'zustand';

export interface UnsavedGuard {
  /** Saves the form and, once stored, goes to `hash`; a failed save stays on the form. */
  readonly save: (hash: string) => void;
}

interface LeaveState {
  /** The address the user asked for while the form had changes; the dialog is open while set. */
  readonly pending: string | null;
}

export const useLeaveStore = create<LeaveState>(() => ({ pending: null }));

let guard: UnsavedGuard | null = null;
/** The address the app shows: while guarded, the one the form was opened at. */
let shown = typeof window === 'undefined' ? '' : window.location.hash;

const listeners = new Set<() => void>();

const same = (a: string, b: string): boolean => a.replace(/^#\/?/, '') === b.replace(/^#\/?/, '');

/** The address useRoute renders: the real one, except while a guarded form is being left. */
export const shownHash = (): string => {
  if (!guard) shown = window.location.hash;
  return shown;
};

export const subscribeShownHash = (listener: () => void): (() => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

const goTo = (hash: string): void => {
  guard = null;
  useLeaveStore.setState({ pending: null });
  if (same(window.location.hash, hash)) listeners.forEach((l) => l());
  else window.location.hash = hash;
};

/** Leaves for `hash`, or asks first when a form has unsaved changes. */
export const leaveTo = (hash: string): void => {
  if (guard && !same(hash, shown)) useLeaveStore.setState({ pending: hash });
  else goTo(hash);
};

/** Leaves without asking: after the form has been saved, or its changes discarded. */
export const leaveNow = goTo;

/** The answers of the dialog. */
export const keepEditing = (): void => useLeaveStore.setState({ pending: null });
export const discardAndLeave = (): void => {
  const { pending } = useLeaveStore.getState();
  if (pending !== null) goTo(pending);
};
export const saveAndLeave = (): void => {
  const { pending } = useLeaveStore.getState();
  useLeaveStore.setState({ pending: null });
  if (pending !== null) guard?.save(pending);
};

const onClick = (event: MouseEvent): void => {
  if (!guard || event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  // Route links only (#/…): an in-page anchor is no way out of the form.
  const link = (event.target as Element | null)?.closest?.('a[href^="#/"]');
  const href = link?.getAttribute('href');
  if (!href || same(href, shown)) return;
  event.preventDefault();
  useLeaveStore.setState({ pending: href });
};

const onHashChange = (): void => {
  if (guard && !same(window.location.hash, shown)) {
    // Back, forward or a typed address: the form stays, and the dialog asks.
    const wanted = window.location.hash;
    window.history.replaceState(window.history.state, '', shown || '#/');
    useLeaveStore.setState({ pending: wanted });
    return;
  }
  listeners.forEach((l) => l());
};

const onBeforeUnload = (event: BeforeUnloadEvent): void => {
  if (!guard) return;
  event.preventDefault();
  // Older engines ask only when returnValue is set.
  event.returnValue = true;
};

let installed = false;
/** Listens once, for the app's life: the listeners do nothing while no form guards. */
export const installLeaveGuard = (): void => {
  if (installed || typeof window === 'undefined') return;
  installed = true;
  window.addEventListener('hashchange', onHashChange);
  window.addEventListener('beforeunload', onBeforeUnload);
  document.addEventListener('click', onClick, true);
};

/** Set while a form has unsaved changes; cleared with null. */
export const guardLeaving = (next: UnsavedGuard | null): void => {
  installLeaveGuard();
  if (next && !guard) shown = window.location.hash;
  guard = next;
  if (!next) useLeaveStore.setState({ pending: null });
};
