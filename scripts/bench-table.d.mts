// Types for scripts/bench-table.mjs, so the README check (test/unit/scripts/bench-table.test.ts) can import it.
export declare const START: string;
export declare const END: string;
/** The benchmark table and its note, as Prettier formats Markdown, from `<root>/bench/results`. */
export declare function benchTable(root?: string): Promise<string>;
/** README.md's text between the markers, or null when they are missing. */
export declare function readmeTable(readme: string): string | null;
