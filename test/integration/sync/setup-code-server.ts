// The real server as `npm run server` runs it once an organisation may exist: with a setup code, so a
// second organisation needs it. For the client and screen tests of creating one; closed by `close`.
import type { Limits } from '../../../server/limits';
import type { Storage } from '../../../server/storage/types';
import { ADAPTERS, type TestDatabase } from '../server/adapters';
import { startServer, type RunningServer } from '../server/harness';

export const SETUP_CODE = 'setup-code-printed-at-start';

export const startWithSetupCode = async (
  limits: Partial<Limits> = {},
): Promise<RunningServer & { stop(): Promise<void> }> => {
  const database: TestDatabase = await ADAPTERS.sqlite();
  const storage: Storage = await database.open();
  await storage.migrate();
  const server = await startServer(storage, { setupCode: SETUP_CODE, limits });
  return {
    ...server,
    stop: async () => {
      await server.close();
      await storage.close();
      await database.destroy();
    },
  };
};
