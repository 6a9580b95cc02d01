// Who may do what on the privacy screens. The server enforces settings pushes (admin and manager only);
// the UI follows the same rules so nobody is offered a button that would be refused.
import type { Role } from '../../../shared/sync';

/** The purposes register, privacy notices, subscription types and controller details. */
export const mayEditRegister = (role: Role): boolean => role === 'admin' || role === 'manager';

/** Running the purpose gate and exporting a campaign list. */
export const mayRunCampaigns = (role: Role): boolean =>
  role === 'admin' || role === 'manager' || role === 'marketing';

/** Changing many people at once. */
export const mayBulkUpdate = (role: Role): boolean =>
  role === 'admin' || role === 'manager' || role === 'marketing';
