// zod compiles fast validators with `new Function` when it may; the Content-Security-Policy forbids
// eval, so zod's probe would be reported as a violation on every start. Tell it up front not to try.
// Imported first by main.tsx, before any schema is used.
import { config } from 'zod';

config({ jitless: true });
