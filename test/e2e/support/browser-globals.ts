// The few browser APIs the e2e tests call inside page.evaluate, typed narrowly: the Node-side
// typecheck has no DOM library (so shared/ cannot lean on it), and these tests must not add one.
export interface MinimalRequest<T> {
  result: T;
  error: unknown;
  onsuccess: (() => void) | null;
  onerror: (() => void) | null;
}

export interface MinimalCursor {
  readonly key: unknown;
  readonly primaryKey: unknown;
  readonly value: unknown;
  continue(): void;
}

export interface MinimalDatabase {
  readonly objectStoreNames: ArrayLike<string>;
  transaction(
    names: string[],
    mode: 'readonly',
  ): {
    objectStore(name: string): { openCursor(): MinimalRequest<MinimalCursor | null> };
  };
  close(): void;
}

export interface BrowserGlobals {
  readonly indexedDB: {
    databases(): Promise<{ name?: string; version?: number }[]>;
    open(name: string): MinimalRequest<MinimalDatabase>;
  };
  readonly localStorage: {
    readonly length: number;
    key(index: number): string | null;
    getItem(key: string): string | null;
  };
  readonly document: {
    addEventListener(
      type: 'securitypolicyviolation',
      listener: (event: {
        violatedDirective: string;
        blockedURI: string;
        sourceFile: string;
        lineNumber: number;
        columnNumber: number;
      }) => void,
    ): void;
  };
  readonly __kluisReportViolation: (text: string) => void;
}

export const browserGlobals = (): BrowserGlobals => globalThis as unknown as BrowserGlobals;
