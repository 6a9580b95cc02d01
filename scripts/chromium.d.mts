// Types for scripts/chromium.mjs, imported by the end-to-end harness.
export declare const CHROMIUM_ARGS: string[];
