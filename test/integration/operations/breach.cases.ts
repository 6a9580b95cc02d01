// Cases for shared/breach/operations.ts.
import { mapExposure, saveBreach, type BreachInput } from '../../../shared/breach';
import type { DeviceExposureResponse } from '../../../shared/sync';
import { LOCAL_ACTOR, type Workspace } from '../../../shared/workspace';
import { annelies } from '../../fixtures/people';
import { onRecord, type OperationCases } from './harness';

const awareAt = Date.UTC(2026, 9, 1, 9);

const incident: BreachInput = {
  title: 'Laptop stolen from car',
  source: 'device-loss',
  awareAt,
  nature: { properties: ['confidentiality'], events: ['stolen'] },
  createdAt: awareAt,
  createdBy: 'local',
};

const aBreach = async (workspace: Workspace) =>
  saveBreach(workspace, LOCAL_ACTOR, { id: null, breach: incident });

export const cases: OperationCases = {
  'breach.open': onRecord(aBreach, 'view', 'breach'),
  'breach.save': {
    input: async () => ({ id: null, breach: incident }),
    audits: [{ action: 'create', kind: 'breach' }],
  },
  'breach.recordDrill': {
    input: async (workspace) => {
      const person = await workspace.people.create(annelies);
      const exposure: DeviceExposureResponse = {
        deviceId: 'dev-b',
        userId: 'user-b',
        lastSyncAt: awareAt,
        revokedAt: awareAt,
        checkpoints: {},
        documents: [{ collection: 'records', id: person.id, kind: 'person', subjectId: person.id }],
      };
      return {
        exposure,
        findings: await mapExposure(workspace, exposure),
        keyProtection: 'passphrase_only',
        awareAt,
        now: awareAt,
        userId: 'local',
        title: 'Lost laptop',
      };
    },
    audits: [{ action: 'create', kind: 'breach' }],
  },
  'breach.export': {
    input: async (workspace) => ({
      id: (await aBreach(workspace)).id,
      format: 'json',
      language: 'en',
      timeZone: 'Europe/Amsterdam',
      now: awareAt,
      deliver: async () => 'report.json',
    }),
    audits: [{ action: 'export', kind: 'breach' }],
  },
};
