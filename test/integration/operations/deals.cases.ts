// Cases for shared/deals/operations.ts.
import { createDeal, defaultPipeline, type DealInput } from '../../../shared/deals';
import { LOCAL_ACTOR, type Workspace } from '../../../shared/workspace';
import { zeeland } from '../../fixtures/people';
import { onRecord, onSave, type OperationCases } from './harness';
import { ENGLISH_STAGE_NAMES } from '../../fixtures/pipeline';

const pipeline = defaultPipeline(ENGLISH_STAGE_NAMES);

const dealInput = async (workspace: Workspace): Promise<DealInput> => {
  const organisation = await workspace.organisations.create(zeeland);
  return {
    title: 'Dijkonderhoud 2027',
    organisationId: organisation.id,
    stageId: pipeline.stages[0]!.id,
    value: 120_000_00,
    ownerId: 'local',
  };
};

const aDeal = async (workspace: Workspace) => createDeal(workspace, LOCAL_ACTOR, await dealInput(workspace));

export const cases: OperationCases = {
  'deals.create': { input: dealInput, audits: [{ action: 'create', kind: 'deal' }] },
  'deals.save': onSave(aDeal, (data) => ({ ...data, title: 'Dijkonderhoud 2028' }), 'deal'),
  'deals.move': {
    input: async (workspace) => ({ id: (await aDeal(workspace)).id, stage: pipeline.stages[1]! }),
    audits: [{ action: 'update', kind: 'deal' }],
  },
  'deals.open': onRecord(aDeal, 'view', 'deal'),
  'deals.seedPipeline': {
    input: async () => ENGLISH_STAGE_NAMES,
    audits: [{ action: 'create', kind: 'pipeline' }],
  },
  'deals.savePipeline': {
    input: async () => pipeline,
    audits: [{ action: 'update', kind: 'pipeline' }],
  },
  'deals.delete': onRecord(aDeal, 'delete', 'deal'),
};
