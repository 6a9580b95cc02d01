// Types for scripts/static-files.mjs, imported by the TypeScript server.
export declare const MIME_TYPES: Readonly<Record<string, string>>;
export declare function securityHeaders(csp: string): Record<string, string>;
/** The file a URL path names inside root, or null for anything that could leave it. */
export declare function resolveInside(root: string, urlPath: string): string | null;
