// The sales pipeline: the organisation's ordered deal stages, one setting shared by every user. Stage
// edits are pure functions here so the rules (keep a won and a lost stage, never strand an open deal)
// hold wherever the pipeline is changed.
import { z } from 'zod';
import { trimmed } from '../people';
import { sealedKind } from '../store';

export const PIPELINE_KIND = 'pipeline';
export const PIPELINE_VERSION = 1;
/** One pipeline per organisation, under a fixed id so devices that seed it offline converge. */
export const PIPELINE_ID = 'pipeline-default';

export const StageKind = z.enum(['open', 'won', 'lost']);
export type StageKind = z.infer<typeof StageKind>;

export const Stage = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,64}$/, 'stage id'),
  name: trimmed(60).min(1),
  /** The chance (0–100 %) a deal in this stage closes; a deal may override it. */
  probability: z.number().int().min(0).max(100),
  kind: StageKind,
});
export type Stage = z.infer<typeof Stage>;

export const PipelinePayload = z
  .object({ stages: z.array(Stage).min(3).max(30) })
  .superRefine(({ stages }, ctx) => {
    const seen = new Set<string>();
    stages.forEach((stage, index) => {
      if (seen.has(stage.id))
        ctx.addIssue({ code: 'custom', path: ['stages', index, 'id'], message: 'duplicate' });
      seen.add(stage.id);
    });
    for (const kind of StageKind.options)
      if (!stages.some((s) => s.kind === kind))
        ctx.addIssue({ code: 'custom', path: ['stages'], message: `needs a ${kind} stage` });
  });
export type Pipeline = z.infer<typeof PipelinePayload>;

export const PIPELINE_CONFIG = sealedKind(PIPELINE_KIND, PipelinePayload, PIPELINE_VERSION);

export type DefaultStageNames = Readonly<
  Record<'lead' | 'qualified' | 'proposal' | 'negotiation' | 'won' | 'lost', string>
>;

/** The starting pipeline; stage ids are fixed so a device that seeds offline agrees with the others. */
export const defaultPipeline = (names: DefaultStageNames): Pipeline => ({
  stages: [
    { id: 'lead', name: names.lead, probability: 10, kind: 'open' },
    { id: 'qualified', name: names.qualified, probability: 25, kind: 'open' },
    { id: 'proposal', name: names.proposal, probability: 50, kind: 'open' },
    { id: 'negotiation', name: names.negotiation, probability: 75, kind: 'open' },
    { id: 'won', name: names.won, probability: 100, kind: 'won' },
    { id: 'lost', name: names.lost, probability: 0, kind: 'lost' },
  ],
});

export type StageRuleCode = 'stage-in-use' | 'last-of-kind' | 'unknown-stage';

/** An edit the pipeline's rules refuse; `code` says which rule, for the UI to explain. */
export class StageRuleError extends Error {
  override readonly name = 'StageRuleError';
  constructor(
    readonly code: StageRuleCode,
    readonly stageId: string,
  ) {
    super(`Stage ${stageId}: ${code}`);
  }
}

const indexOf = (pipeline: Pipeline, stageId: string): number => {
  const index = pipeline.stages.findIndex((s) => s.id === stageId);
  if (index < 0) throw new StageRuleError('unknown-stage', stageId);
  return index;
};

export const findStage = (pipeline: Pipeline, stageId: string): Stage | undefined =>
  pipeline.stages.find((s) => s.id === stageId);

export const addStage = (pipeline: Pipeline, stage: Stage, atIndex = pipeline.stages.length): Pipeline => {
  const stages = [...pipeline.stages];
  stages.splice(Math.max(0, Math.min(atIndex, stages.length)), 0, Stage.parse(stage));
  return PipelinePayload.parse({ stages });
};

export const updateStage = (
  pipeline: Pipeline,
  stageId: string,
  change: Partial<Omit<Stage, 'id'>>,
): Pipeline => {
  const index = indexOf(pipeline, stageId);
  const stages = pipeline.stages.map((s, i) => (i === index ? Stage.parse({ ...s, ...change }) : s));
  const next = PipelinePayload.safeParse({ stages });
  if (!next.success) throw new StageRuleError('last-of-kind', stageId);
  return next.data;
};

/** Moves a stage to another position; the order is the board's columns, left to right. */
export const moveStage = (pipeline: Pipeline, stageId: string, toIndex: number): Pipeline => {
  const from = indexOf(pipeline, stageId);
  const stages = [...pipeline.stages];
  const [stage] = stages.splice(from, 1);
  stages.splice(Math.max(0, Math.min(toIndex, stages.length)), 0, stage!);
  return { stages };
};

/**
 * Removes a stage. Refused while an open deal is in it (it would be stranded) and for the last stage of
 * its kind (deals must always be able to be won or lost). Closed deals keep their stage id and are shown
 * under the first stage of their outcome.
 */
export const removeStage = (
  pipeline: Pipeline,
  stageId: string,
  openDealStageIds: Iterable<string>,
): Pipeline => {
  const index = indexOf(pipeline, stageId);
  for (const id of openDealStageIds) if (id === stageId) throw new StageRuleError('stage-in-use', stageId);
  const stage = pipeline.stages[index]!;
  const stages = pipeline.stages.filter((s) => s.id !== stageId);
  if (!stages.some((s) => s.kind === stage.kind)) throw new StageRuleError('last-of-kind', stageId);
  return { stages };
};
