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
}

export declare const FALLBACK_CONTENT_SECURITY_POLICY: string;
export declare function readContentSecurityPolicy(source?: string): string;
export declare function startWebServer(options?: WebServerOptions): Promise<WebServer>;
