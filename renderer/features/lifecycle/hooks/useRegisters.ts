// The organisation settings the accountability screens read: purposes, processors and the controller,
// kept current as they change here or arrive by sync (the core query processing-record.registers).
import { registers as registersQuery, type Registers } from '../../../../shared/processing-record';
import { useLiveQuery, valueOr } from '../../../kit/useLiveQuery';

export type { Registers };

export const useRegisters = (): Registers | null => valueOr(useLiveQuery(registersQuery, null), null);
