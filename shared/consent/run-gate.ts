// The only way people leave Kluis for marketing: campaign lists, call lists and bulk email exports ask
// this gate, which decides for every person, says who was left out and why, and hands back the run's
// audit entry (one entry: the eligible ids, the purpose, counts per reason — never names). Checking a list
// on screen is audited as a view (consent.campaignList); the file is an export only when it is written,
// after the gate was asked again (consent.exportCampaign, campaign-export.ts).
import { NotFoundError } from '../store';
import type { Session } from '../vault';
import type { AuditEvent } from '../audit';
import type { Done } from '../workspace';
import { factsFor, loadLedgers, loadPeople, yieldToUi } from './facts';
import { decideEligibility } from './gate';
import type { ExclusionReason, GateQuery, GateResult, ProgressOptions, RunGateInput } from './types';
import { SUBSCRIPTION_TYPE } from './types';
import { PURPOSE } from '../purposes';

const CHUNK = 1000;

export const decideCampaignList = async (
  session: Session,
  input: RunGateInput,
  options: ProgressOptions = {},
): Promise<Done<GateResult>> => {
  const { signal, onProgress } = options;
  const now = options.now ?? Date.now();
  const purpose = await session.settings(PURPOSE).get(input.purposeId);
  let subscriptionTypeIds: string[];
  if (input.subscriptionTypeId) {
    const type = await session.settings(SUBSCRIPTION_TYPE).get(input.subscriptionTypeId);
    if (type.data.purposeId !== purpose.id) throw new NotFoundError(SUBSCRIPTION_TYPE.kind, type.id);
    subscriptionTypeIds = [type.id];
  } else {
    const { records } = await session.settings(SUBSCRIPTION_TYPE).list();
    subscriptionTypeIds = records
      .filter((t) => t.data.purposeId === purpose.id && t.data.active)
      .map((t) => t.id);
  }
  const [people, ledgers] = await Promise.all([
    loadPeople(session, input.personIds, signal),
    loadLedgers(session, signal),
  ]);
  const ids = input.personIds ? [...new Set(input.personIds)] : [...people.keys()];
  const query: GateQuery = { purpose, channel: input.channel, now, subscriptionTypeIds };
  const eligible: string[] = [];
  const excluded: GateResult['excluded'] = [];
  const counts: Partial<Record<ExclusionReason, number>> = {};
  for (let start = 0; start < ids.length; start += CHUNK) {
    signal?.throwIfAborted();
    for (const personId of ids.slice(start, start + CHUNK)) {
      const decision = decideEligibility(query, factsFor(personId, people.get(personId), ledgers));
      if (decision.eligible) eligible.push(personId);
      else {
        excluded.push({ personId, reason: decision.reason });
        counts[decision.reason] = (counts[decision.reason] ?? 0) + 1;
      }
    }
    onProgress?.({ done: Math.min(ids.length, start + CHUNK), total: ids.length });
    if (ids.length > CHUNK) await yieldToUi();
  }
  signal?.throwIfAborted();
  const audit: AuditEvent = {
    action: 'view',
    kind: 'campaign-list',
    recordIds: eligible,
    purposeId: purpose.id,
    details: {
      channel: input.channel,
      ...(input.subscriptionTypeId ? { subscriptionTypeId: input.subscriptionTypeId } : {}),
      eligible: eligible.length,
      excluded: excluded.length,
      ...counts,
    },
  };
  return { result: { eligible, excluded, counts }, audit };
};
