// What the accountability screens read, live: the organisation's purposes, processors, controller and
// custom field definitions, kept current as they change here or arrive by sync.
import { storedController, type ControllerPayload } from '../purposes';
import { PURPOSE, type PurposePayload } from '../purposes';
import { PROCESSOR, type ProcessorPayload } from '../processors';
import { defineQuery } from '../workspace';
import { CUSTOM_FIELD, type CustomFieldPayload } from './custom-fields';

export interface Registers {
  readonly purposes: { id: string; data: PurposePayload }[];
  /** With when each was last changed, so an open dialog can tell it is looking at an older version. */
  readonly processors: { id: string; updatedAt: number; data: ProcessorPayload }[];
  readonly controller: ControllerPayload | null;
  /** Custom field definitions (issue 7.1), in the order they were added. */
  readonly customFields: { id: string; data: CustomFieldPayload }[];
}

export const registers = defineQuery(
  'processing-record.registers',
  [{ collection: 'settings' }],
  async (workspace): Promise<Registers> => {
    const [purposes, processors, controller, customFields] = await Promise.all([
      workspace.settings(PURPOSE).list(),
      workspace.settings(PROCESSOR).list(),
      storedController(workspace),
      workspace.settings(CUSTOM_FIELD).list(),
    ]);
    return {
      purposes: purposes.records.sort((a, b) => a.data.name.en.localeCompare(b.data.name.en)),
      processors: processors.records.sort((a, b) => a.data.name.localeCompare(b.data.name)),
      controller,
      customFields: customFields.records.sort((a, b) => a.updatedAt - b.updatedAt || (a.id < b.id ? -1 : 1)),
    };
  },
);
