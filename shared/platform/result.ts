// Errors cross process boundaries as values with codes, never as thrown exceptions (STYLE.md).

export type Result<T, E extends string = string> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: E; readonly message?: string };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });

export const err = <E extends string>(error: E, message?: string): Result<never, E> =>
  message === undefined ? { ok: false, error } : { ok: false, error, message };
