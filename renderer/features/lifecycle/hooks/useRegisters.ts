// The organisation settings the accountability screens read: purposes, processors and the controller,
// kept current as they change here or arrive by sync.
import { useEffect, useState } from 'react';
import { CUSTOM_FIELD, type CustomFieldPayload } from '../../../../shared/processing-record';
import { PROCESSOR, type ProcessorPayload } from '../../../../shared/processors';
import { useWorkspace } from '../../../kit/workspace';
import {
  CONTROLLER,
  CONTROLLER_ID,
  PURPOSE,
  type ControllerPayload,
  type PurposePayload,
} from '../../../../shared/purposes';

export interface Registers {
  readonly purposes: { id: string; data: PurposePayload }[];
  readonly processors: { id: string; data: ProcessorPayload }[];
  readonly controller: ControllerPayload | null;
  /** Custom field definitions (issue 7.1), in the order they were added. */
  readonly customFields: { id: string; data: CustomFieldPayload }[];
}

export const useRegisters = (): Registers | null => {
  const { workspace: session } = useWorkspace();
  const [registers, setRegisters] = useState<Registers | null>(null);
  useEffect(() => {
    let current = true;
    const load = async () => {
      const [purposes, processors, controller, customFields] = await Promise.all([
        session.settings(PURPOSE).list(),
        session.settings(PROCESSOR).list(),
        session
          .settings(CONTROLLER)
          .get(CONTROLLER_ID)
          .catch(() => null),
        session.settings(CUSTOM_FIELD).list(),
      ]);
      if (!current) return;
      setRegisters({
        purposes: purposes.records.sort((a, b) => a.data.name.en.localeCompare(b.data.name.en)),
        processors: processors.records.sort((a, b) => a.data.name.localeCompare(b.data.name)),
        controller: controller?.data ?? null,
        customFields: customFields.records.sort(
          (a, b) => a.updatedAt - b.updatedAt || (a.id < b.id ? -1 : 1),
        ),
      });
    };
    void load();
    const subscription = session.db.settings.$.subscribe(() => void load());
    return () => {
      current = false;
      subscription.unsubscribe();
    };
  }, [session]);
  return registers;
};
