// What an admin can do with the register of processors and other recipients (Art. 28, 30(1)(d)): each
// change is stored and audited under 'processor' with its id.
import { defineOperation } from '../workspace';
import { removeSetting, saveSetting } from '../workspace';
import { PROCESSOR } from './processors';

export const saveProcessor = defineOperation('processors.save', saveSetting(PROCESSOR));

export const removeProcessor = defineOperation('processors.remove', removeSetting(PROCESSOR));
