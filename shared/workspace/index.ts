// The core's face to its hosts: operations that validate, store and audit; queries that stay live.
export {
  auditStep,
  defineOperation,
  ForbiddenError,
  LOCAL_ACTOR,
  type Actor,
  type AuditStep,
  type Done,
  type Operation,
  type OperationBody,
  type OperationOptions,
  type Workspace,
} from './operation';
export {
  defineQuery,
  watchQuery,
  watchReads,
  type LiveQueryOptions,
  type LiveResult,
  type Query,
  type Reads,
  type StoreCollection,
} from './query';
export { deliverFile, ExportCancelled, type Deliver, type ExportFile } from './deliver';
export { removeSetting, saveSetting, type SaveSettingInput } from './settings';
export {
  allItemsQuery,
  createItem,
  createLinkedItem,
  removeItem,
  saveItem,
  saveLinkedItem,
  type EditedItem,
  type NewItem,
} from './items';
export { ROLES, type Role } from './roles';
