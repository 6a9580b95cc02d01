// Types for scripts/serve-web.mjs, so TypeScript tests and scripts can import it.
export interface WebServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

export interface WebServerOptions {
  /** 0 picks a free port. */
  readonly port?: number;
  /** The built renderer; dist/renderer by default. */
  readonly root?: string;
  readonly host?: string;
  /** Sync server origins the page may connect to besides loopback ones; KLUIS_SYNC_SERVER by default. */
  readonly syncServers?: readonly string[];
}

export declare const FALLBACK_CONTENT_SECURITY_POLICY: string;
export declare function readContentSecurityPolicy(source?: string): string;
export declare const LOOPBACK_SYNC_SOURCES: readonly string[];
export declare function parseSyncServers(text?: string): string[];
export declare function browserHostPolicy(csp: string, syncServers?: readonly string[]): string;
export declare function startWebServer(options?: WebServerOptions): Promise<WebServer>;
