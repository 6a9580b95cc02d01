import { describe, expect, it } from 'vitest';
import {
  DealPayload,
  effectiveProbability,
  moveDealTo,
  parseAmount,
  ReasonRequiredError,
  stageOfDeal,
  totalsByCurrency,
  type DealInput,
} from '../../../../shared/deals/deal';
import { defaultPipeline, removeStage } from '../../../../shared/deals/pipeline';
import { ENGLISH_STAGE_NAMES } from '../../../fixtures/pipeline';

const pipeline = defaultPipeline(ENGLISH_STAGE_NAMES);
const ORG = 'a1b2c3d4e5f6a7b8';
const base: DealInput = { title: 'Ovens vervangen', stageId: 'lead', ownerId: 'local', organisationId: ORG };
const stage = (id: string) => pipeline.stages.find((s) => s.id === id)!;

describe('deal schema', () => {
  it('keeps money as whole minor units and defaults the currency to EUR', () => {
    const deal = DealPayload.parse({ ...base, value: 1_250_050 });
    expect(deal).toMatchObject({ value: 1_250_050, currency: 'EUR', outcome: 'open', probability: null });
    expect(DealPayload.safeParse({ ...base, value: 12.5 }).success).toBe(false);
    expect(DealPayload.safeParse({ ...base, value: -1 }).success).toBe(false);
  });

  it('accepts ISO 4217 currency codes in any case and refuses made-up ones', () => {
    expect(DealPayload.parse({ ...base, currency: 'usd' }).currency).toBe('USD');
    expect(DealPayload.parse({ ...base, currency: 'JPY' }).currency).toBe('JPY');
    for (const currency of ['XYZ', 'EURO', 'E', '€'])
      expect(DealPayload.safeParse({ ...base, currency }).success, currency).toBe(false);
  });

  it('needs an organisation or a person to belong to', () => {
    const result = DealPayload.safeParse({ ...base, organisationId: null });
    expect(result.success).toBe(false);
    expect(DealPayload.safeParse({ ...base, organisationId: null, personId: ORG }).success).toBe(true);
  });

  it('refuses a won or lost deal without a reason', () => {
    const closed = { ...base, stageId: 'won', outcome: 'won' as const, closedAt: 1 };
    const result = DealPayload.safeParse(closed);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain('reason');
    expect(DealPayload.safeParse({ ...closed, reason: 'Beste prijs' }).success).toBe(true);
  });
});

describe('moving a deal between stages', () => {
  const deal = DealPayload.parse(base);

  it('asks for a reason when the stage is won or lost, and stamps when it closed', () => {
    expect(() => moveDealTo(deal, stage('won'))).toThrow(ReasonRequiredError);
    expect(() => moveDealTo(deal, stage('lost'), '   ')).toThrow(ReasonRequiredError);
    const won = moveDealTo(deal, stage('won'), 'Beste prijs', 1000);
    expect(won).toMatchObject({ stageId: 'won', outcome: 'won', reason: 'Beste prijs', closedAt: 1000 });
    expect(DealPayload.safeParse(won).success).toBe(true);
  });

  it('reopening a closed deal clears its reason and close date', () => {
    const won = moveDealTo(deal, stage('won'), 'Beste prijs', 1000);
    expect(moveDealTo(won, stage('negotiation'))).toMatchObject({
      outcome: 'open',
      reason: '',
      closedAt: null,
    });
  });

  it('takes the probability from the stage unless the deal overrides it', () => {
    expect(effectiveProbability(pipeline, moveDealTo(deal, stage('proposal')))).toBe(50);
    expect(effectiveProbability(pipeline, { ...deal, stageId: 'proposal', probability: 65 })).toBe(65);
  });

  it('shows a closed deal whose stage was removed under the first stage of its outcome', () => {
    const lost = moveDealTo(deal, stage('lost'), 'Te duur');
    const withExtraLost = {
      stages: [
        ...pipeline.stages,
        { id: 'no-budget', name: 'No budget', probability: 0, kind: 'lost' as const },
      ],
    };
    const parked = { ...lost, stageId: 'no-budget' };
    const trimmed = removeStage(withExtraLost, 'no-budget', []);
    expect(stageOfDeal(trimmed, parked).id).toBe('lost');
  });
});

describe('amounts', () => {
  it('parses what people type into minor units, in Dutch and English style', () => {
    expect(parseAmount('12.500,00', 'EUR')).toBe(1_250_000);
    expect(parseAmount('12,500.50', 'EUR')).toBe(1_250_050);
    expect(parseAmount('2400', 'EUR')).toBe(240_000);
    expect(parseAmount('1,5', 'EUR')).toBe(150);
    expect(parseAmount('1.234', 'EUR')).toBe(123_400);
    expect(parseAmount('1500', 'JPY')).toBe(1500);
    expect(parseAmount('', 'EUR')).toBe(0);
    expect(parseAmount('twaalf', 'EUR')).toBeNull();
    expect(parseAmount('-5', 'EUR')).toBeNull();
  });

  it('totals per currency and never adds different currencies together', () => {
    const totals = totalsByCurrency([
      { value: 100, currency: 'EUR' },
      { value: 250, currency: 'EUR' },
      { value: 999, currency: 'USD' },
    ]);
    expect([...totals]).toEqual([
      ['EUR', 350],
      ['USD', 999],
    ]);
  });
});
