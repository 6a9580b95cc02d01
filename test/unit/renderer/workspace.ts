// A real unlocked workspace for renderer tests (RxDB memory storage, real libsodium, no mocks of the core),
// set in the kit's workspace store the way the vault feature sets it on unlock.
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { Directory } from '../../../shared/directory';
import { LOCAL_ACTOR, type Actor, type Workspace } from '../../../shared/workspace';
import { useWorkspaceStore } from '../../../renderer/kit/workspace';
import { memoryDatabase, PASSPHRASE, testVault } from '../../helpers/store';

const opened: (() => Promise<void>)[] = [];

/** Opens a workspace and makes it the kit's current one; it is locked and removed after the test. */
export const openWorkspace = async (actor: Actor = LOCAL_ACTOR): Promise<Workspace> => {
  const db = await memoryDatabase();
  const workspace = await (await testVault(db)).create(PASSPHRASE);
  const directory = await Directory.load(workspace);
  useWorkspaceStore.setState({ workspace, directory, actor });
  opened.push(async () => {
    await directory.close();
    workspace.lock();
    await db.remove();
  });
  return workspace;
};

afterEach(async () => {
  cleanup(); // unmount first: a screen still shown would need the workspace
  useWorkspaceStore.setState({ workspace: null, directory: null, actor: LOCAL_ACTOR });
  for (const close of opened.splice(0)) await close();
});
