// Types of bench/env.mjs for the TypeScript benches.
export declare const intEnv: (name: string, fallback: number) => number;
export declare const benchSize: () => { people: number; runs: number; seed: number };
export declare const PASSPHRASE: string;
