// The commit the load and fault figures were measured at; a working tree with uncommitted changes in the
// code measured (shared/, server/, bench/) is said so.
import { execFileSync } from 'node:child_process';

export const measuredCommit = (): string => {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8' }).trim();
    const head = git('rev-parse', '--short', 'HEAD');
    const dirty = git('status', '--porcelain', '--', 'shared', 'server', 'bench/*.ts');
    return dirty ? `${head} (with uncommitted changes in shared/, server/ or bench/)` : head;
  } catch {
    return 'unknown';
  }
};
