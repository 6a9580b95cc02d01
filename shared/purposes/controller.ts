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
