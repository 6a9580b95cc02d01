// Types for server/renderer-build.mjs, imported by the tests.
export declare const RENDERER_SOURCES: readonly string[];
export declare function newestMtime(target: string): number;
export declare function rendererState(root: string): 'missing' | 'stale' | 'fresh';
