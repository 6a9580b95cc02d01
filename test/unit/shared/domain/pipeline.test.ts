import { describe, expect, it } from 'vitest';
import {
  addStage,
  defaultPipeline,
  moveStage,
  PipelinePayload,
  removeStage,
  StageRuleError,
  updateStage,
} from '../../../../shared/deals/pipeline';
import { DUTCH_STAGE_NAMES } from '../../../fixtures/pipeline';

const pipeline = defaultPipeline(DUTCH_STAGE_NAMES);
const ids = (p: { stages: readonly { id: string }[] }) => p.stages.map((s) => s.id);

describe('pipeline', () => {
  it('starts with Lead to Negotiation, then Won and Lost, named in the language given', () => {
    expect(PipelinePayload.safeParse(pipeline).success).toBe(true);
    expect(ids(pipeline)).toEqual(['lead', 'qualified', 'proposal', 'negotiation', 'won', 'lost']);
    expect(pipeline.stages[1]!.name).toBe('Gekwalificeerd');
    expect(pipeline.stages.map((s) => s.kind)).toEqual(['open', 'open', 'open', 'open', 'won', 'lost']);
  });

  it('reorders stages; the order is the board left to right', () => {
    expect(ids(moveStage(pipeline, 'negotiation', 1))).toEqual([
      'lead',
      'negotiation',
      'qualified',
      'proposal',
      'won',
      'lost',
    ]);
    expect(ids(moveStage(pipeline, 'lead', 99))).toEqual([
      'qualified',
      'proposal',
      'negotiation',
      'won',
      'lost',
      'lead',
    ]);
  });

  it('adds and renames stages, and refuses two stages with the same id', () => {
    const added = addStage(pipeline, { id: 'demo', name: 'Demo', probability: 40, kind: 'open' }, 2);
    expect(ids(added).slice(0, 3)).toEqual(['lead', 'qualified', 'demo']);
    expect(updateStage(added, 'demo', { name: 'Demonstratie' }).stages[2]!.name).toBe('Demonstratie');
    expect(() => addStage(pipeline, { id: 'lead', name: 'Again', probability: 0, kind: 'open' })).toThrow();
  });

  it('refuses to remove a stage that still holds an open deal', () => {
    expect(() => removeStage(pipeline, 'proposal', ['lead', 'proposal'])).toThrow(
      expect.objectContaining({ code: 'stage-in-use' }) as Error,
    );
    expect(ids(removeStage(pipeline, 'proposal', ['lead']))).not.toContain('proposal');
  });

  it('keeps at least one won and one lost stage', () => {
    expect(() => removeStage(pipeline, 'won', [])).toThrow(StageRuleError);
    expect(() => removeStage(pipeline, 'lost', [])).toThrow(StageRuleError);
    expect(() => updateStage(pipeline, 'won', { kind: 'open' })).toThrow(StageRuleError);
    expect(
      PipelinePayload.safeParse({ stages: pipeline.stages.filter((s) => s.kind !== 'lost') }).success,
    ).toBe(false);
  });

  it('refuses an edit of a stage that does not exist', () => {
    expect(() => removeStage(pipeline, 'nope', [])).toThrow(
      expect.objectContaining({ code: 'unknown-stage' }) as Error,
    );
  });
});
