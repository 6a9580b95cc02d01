// Calls between two ends of a message channel (a worker and its page, or the two ports of a Node
// MessageChannel in tests): each end serves named handlers and calls the other's by name. Answers are
// values, never thrown across the boundary ({ ok, value } | { ok: false, error }); a failure is rebuilt
// on the calling side as an Error with the same name, message and code, so callers keep their checks.

/** What both a worker (or its global scope) and a MessagePort offer; DOM and Node ports both fit. */
export interface PortLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  removeEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  /** Node's MessagePort delivers nothing until started (a DOM port added by addEventListener starts). */
  start?(): void;
}

// Handlers take whatever the other end sends; each checks what it reads.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Handlers = Record<string, (...args: any[]) => unknown>;

/** A failure as it crosses the boundary. */
export interface RemoteError {
  readonly name: string;
  readonly message: string;
  readonly code?: string;
  readonly wipe?: boolean;
}

type Message =
  | { readonly kind: 'call'; readonly id: number; readonly name: string; readonly args: readonly unknown[] }
  | { readonly kind: 'answer'; readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly kind: 'answer'; readonly id: number; readonly ok: false; readonly error: RemoteError }
  | { readonly kind: 'tell'; readonly name: string; readonly args: readonly unknown[] };

const toRemote = (error: unknown): RemoteError => {
  const e = error as { name?: unknown; message?: unknown; code?: unknown; wipe?: unknown } | null;
  return {
    name: typeof e?.name === 'string' ? e.name : 'Error',
    message: typeof e?.message === 'string' ? e.message : String(error),
    ...(typeof e?.code === 'string' ? { code: e.code } : {}),
    ...(e?.wipe === true ? { wipe: true } : {}),
  };
};

/** An Error rebuilt from the other end's failure: its name, message, code and wipe flag as they were. */
export class RemoteFailure extends Error {
  readonly code: string | undefined;
  readonly wipe: boolean;
  constructor(error: RemoteError) {
    super(error.message);
    this.name = error.name;
    this.code = error.code;
    this.wipe = error.wipe === true;
  }
}

export class PortRpc {
  private next = 1;
  private readonly waiting = new Map<number, { resolve(v: unknown): void; reject(e: unknown): void }>();
  private closed = false;
  private readonly listener = (event: { data: unknown }) => void this.receive(event.data as Message);

  constructor(
    private readonly port: PortLike,
    private readonly handlers: Handlers,
  ) {
    port.addEventListener('message', this.listener);
    port.start?.();
  }

  /** Calls the other end's handler `name`; rejects with its failure rebuilt (RemoteFailure). */
  call<T>(name: string, ...args: readonly unknown[]): Promise<T> {
    if (this.closed) return Promise.reject(new Error(`The channel is closed (${name})`));
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.port.postMessage({ kind: 'call', id, name, args } satisfies Message);
    });
  }

  /** Tells the other end something that needs no answer (a status, a renewed token). */
  tell(name: string, ...args: readonly unknown[]): void {
    if (!this.closed) this.port.postMessage({ kind: 'tell', name, args } satisfies Message);
  }

  /** Stops listening; calls still waiting are refused. */
  close(): void {
    this.closed = true;
    this.port.removeEventListener('message', this.listener);
    for (const { reject } of this.waiting.values()) reject(new Error('The channel was closed'));
    this.waiting.clear();
  }

  private async receive(message: Message): Promise<void> {
    if (this.closed || !message || typeof message !== 'object') return;
    if (message.kind === 'answer') {
      const waiting = this.waiting.get(message.id);
      this.waiting.delete(message.id);
      if (!waiting) return;
      if (message.ok) waiting.resolve(message.value);
      else waiting.reject(new RemoteFailure(message.error));
      return;
    }
    const handler = Object.hasOwn(this.handlers, message.name) ? this.handlers[message.name] : undefined;
    if (message.kind === 'tell') {
      try {
        await handler?.(...message.args);
      } catch {
        // Nobody waits for an answer to a tell.
      }
      return;
    }
    let answer: Message;
    try {
      if (!handler) throw new Error(`No handler ${message.name} across the channel`);
      answer = { kind: 'answer', id: message.id, ok: true, value: await handler(...message.args) };
    } catch (error) {
      answer = { kind: 'answer', id: message.id, ok: false, error: toRemote(error) };
    }
    if (!this.closed) this.port.postMessage(answer);
  }
}
