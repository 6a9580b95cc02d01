// The controller (Art. 30(1)(a)): who decides on the processing, how to reach them and their DPO, and
// where the data is kept.
import { z } from 'zod';
import { trimmed } from '../people';
import { sealedKind } from '../store';
import type { Session } from '../vault';

/** The controller (Art. 30(1)(a)); one document with the fixed id CONTROLLER_ID. */
export const ControllerPayload = z.object({
  name: trimmed(200).min(1, 'name'),
  address: trimmed(500).default(''),
  email: z.string().trim().toLowerCase().email().max(254).or(z.literal('')).default(''),
  phone: trimmed(40).default(''),
  website: trimmed(300).default(''),
  /** Contact point for data protection questions (Art. 33(3)(b), 30(1)(a)). */
  contact: trimmed(200).default(''),
  dpo: z
    .object({
      name: trimmed(200).default(''),
      email: trimmed(254).default(''),
      phone: trimmed(40).default(''),
    })
    .nullable()
    .default(null),
  representative: trimmed(300).default(''),
  jointControllers: z.array(trimmed(300).min(1)).max(20).default([]),
  /** ISO 3166-1 alpha-2 of the jurisdiction, e.g. 'NL'. */
  jurisdiction: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, 'country')
    .default('NL'),
  privacyPolicyUrl: trimmed(500).default(''),
  supervisoryAuthority: trimmed(200).default('Autoriteit Persoonsgegevens'),
  /** Where the data is kept, for ISO/IEC TS 27560 'storage locations'. */
  storageLocations: z.array(trimmed(200).min(1)).max(20).default([]),
  /** How a person withdraws consent (Art. 7(3)), for receipts. */
  withdrawalMethod: trimmed(500).default(''),
});
export type ControllerPayload = z.infer<typeof ControllerPayload>;
export type ControllerInput = z.input<typeof ControllerPayload>;
export const CONTROLLER = sealedKind('controller', ControllerPayload);
export const CONTROLLER_ID = 'controller';

/** The controller as stored, or null while nobody has filled it in (or it cannot be read). */
export const storedController = async (session: Session): Promise<ControllerPayload | null> =>
  (
    await session
      .settings(CONTROLLER)
      .get(CONTROLLER_ID)
      .catch(() => null)
  )?.data ?? null;

/** The name a new vault's controller starts with, until someone names the organisation. */
export const PLACEHOLDER_CONTROLLER_NAME = 'Our organisation';

/** What the controller's details lack: the organisation's real name, a way to reach it, a DPO or contact. */
export type ControllerGap = 'name' | 'contact' | 'dpo';

/**
 * The controller details that are still missing for the record of processing (Art. 30(1)(a): name and
 * contact details of the controller and the DPO) and for a breach notification (Art. 33(3)(b): the DPO or
 * another contact point). The placeholder a new vault starts with counts as no name.
 */
export const controllerGaps = (controller: ControllerPayload | null): ControllerGap[] => {
  if (!controller) return ['name', 'contact', 'dpo'];
  const gaps: ControllerGap[] = [];
  const name = controller.name.trim();
  if (!name || name === PLACEHOLDER_CONTROLLER_NAME) gaps.push('name');
  if (!controller.email && !controller.phone && !controller.address) gaps.push('contact');
  const dpo = controller.dpo;
  if (!dpo?.email && !dpo?.phone && !controller.contact) gaps.push('dpo');
  return gaps;
};

/** The controller's name when it was filled in, or null while it is missing or still the placeholder. */
export const controllerName = (controller: ControllerPayload | null): string | null =>
  controller && !controllerGaps(controller).includes('name') ? controller.name : null;
