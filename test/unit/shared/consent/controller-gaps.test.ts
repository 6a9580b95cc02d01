// The controller's details a new vault lacks: "Our organisation" is a placeholder, not a name, and a
// controller needs a way to be reached and a DPO or privacy contact point (Art. 30(1)(a), 33(3)(b)).
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONTROLLER } from '../../../../shared/consent';
import {
  ControllerPayload,
  controllerGaps,
  controllerName,
  PLACEHOLDER_CONTROLLER_NAME,
} from '../../../../shared/purposes';

const controller = (more: Partial<ControllerPayload> = {}) =>
  ControllerPayload.parse({ ...DEFAULT_CONTROLLER, ...more });

describe('controller gaps', () => {
  it('counts the new vault’s placeholder as three gaps: no name, no contact, no DPO or contact point', () => {
    expect(DEFAULT_CONTROLLER.name).toBe(PLACEHOLDER_CONTROLLER_NAME);
    expect(controllerGaps(controller())).toEqual(['name', 'contact', 'dpo']);
    expect(controllerName(controller())).toBeNull();
    expect(controllerGaps(null)).toEqual(['name', 'contact', 'dpo']);
  });

  it('takes any of email, phone or address as contact, and a DPO’s email or phone or a contact point', () => {
    expect(controllerGaps(controller({ name: 'Voorbeeld BV', phone: '020 555 0100' }))).toEqual(['dpo']);
    expect(controllerGaps(controller({ name: 'Voorbeeld BV', address: 'Dam 1', contact: 'Els' }))).toEqual(
      [],
    );
    const withDpo = controller({
      name: 'Voorbeeld BV',
      email: 'info@voorbeeld.nl',
      dpo: { name: 'Dana', email: 'dpo@voorbeeld.nl', phone: '' },
    });
    expect(controllerGaps(withDpo)).toEqual([]);
    expect(controllerName(withDpo)).toBe('Voorbeeld BV');
    // A DPO with a name only cannot be reached.
    expect(controllerGaps(controller({ ...withDpo, dpo: { name: 'Dana', email: '', phone: '' } }))).toEqual([
      'dpo',
    ]);
  });
});
