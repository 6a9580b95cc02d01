// Cases for shared/territories/operations.ts: defining a territory, changing who holds it, and moving the
// subjects into territories by their rules. This walk runs without a server: a stand-in answers the user
// list and the grants as the real server does (test/integration/territories checks the real one).
import type { Fetch } from '../../../shared/sync';
import type { Workspace } from '../../../shared/workspace';
import { annelies } from '../../fixtures/people';
import type { OperationCases } from './harness';

export const LINK = { serverUrl: 'https://kluis.example', token: 'token', userId: 'user-admin' };

/** The server's answers: this admin as the organisation's only user, and every grant accepted. */
export const standIn: Fetch = async (input) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  const value = url.endsWith('/users')
    ? [{ id: LINK.userId, role: 'admin', publicKey: null, keyProof: null, active: true, status: 'active' }]
    : { holders: 1 };
  return new Response(JSON.stringify({ ok: true, value }), {
    headers: { 'content-type': 'application/json' },
  });
};

export const territory = (name: string, from: string, to: string) => ({
  name,
  rules: { owners: [], countries: [], tags: [], postalRanges: [{ country: 'NL', from, to }] },
  members: [],
  managers: [],
});

/**
 * The territory `name` (postal codes `from` to `to`) defined on this workspace against the stand-in: the
 * operation under test for the first case, and the set-up of the apply tests beside this file.
 */
export const defineOn = async (workspace: Workspace, name = 'Oost', from = '7000', to = '7999') => {
  const { defineTerritory } = await import('../../../shared/territories');
  const made = await defineTerritory(
    { fetch: standIn, link: LINK, session: workspace },
    territory(name, from, to),
  );
  if (!made.ok) throw new Error(`${name} not defined: ${made.error}`);
  return made.value;
};

export const cases: OperationCases = {
  'territories.define': {
    input: async () => ({ fetch: standIn, link: LINK, territory: territory('Noord', '1000', '1999') }),
    audits: [{ action: 'territory', kind: 'territory' }],
  },
  'territories.setHolders': {
    input: async (workspace) => ({
      fetch: standIn,
      link: LINK,
      tag: (await defineOn(workspace)).data.tag,
      members: [],
      managers: [],
    }),
    audits: [{ action: 'territory', kind: 'territory-holders' }],
  },
  'territories.applyRules': {
    input: async (workspace) => {
      await defineOn(workspace);
      await workspace.people.create({
        ...annelies,
        address: { street: '', postalCode: '7511 JE', city: '', region: '', country: 'NL' },
      });
      return undefined;
    },
    audits: [{ action: 'territory', kind: 'territory-move' }],
  },
};
