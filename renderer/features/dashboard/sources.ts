// Where each dashboard tile gets its figures: a core query per tile. Injected (the page takes a `sources`
// prop) so a tile can be shown against a stand-in query; `dashboardSources` names the real ones. The two
// that ask the server are given the page's fetch here.
import { auditStatus, type AnchorServer, type AuditStatus } from '../../../shared/accountability';
import { breachFigures, type BreachesSummary } from '../../../shared/breach';
import {
  consentExpiryFigures,
  controllerDetailsFigures,
  deviceFreshnessFigures,
  lawfulBasisFigures,
  processorReviewFigures,
  type ConsentExpiry,
  type ControllerDetails,
  type DashboardServer,
  type DeviceFreshness,
  type LawfulBasisGaps,
  type ProcessorReviews,
} from '../../../shared/dashboard';
import { requestFigures, type RequestsSummary } from '../../../shared/requests';
import { retentionFigures, type RetentionSummary } from '../../../shared/retention';
import type { Query } from '../../../shared/workspace';
import { fetchFromWindow } from '../sync/stores/sync-store';

export interface DashboardSources {
  readonly controller: Query<unknown, ControllerDetails>;
  readonly lawfulBasis: Query<unknown, LawfulBasisGaps>;
  readonly consentExpiry: Query<unknown, ConsentExpiry>;
  readonly requests: Query<unknown, RequestsSummary>;
  readonly breaches: Query<unknown, BreachesSummary & { readonly loadedAt: number }>;
  readonly retention: Query<unknown, RetentionSummary>;
  readonly processors: Query<unknown, ProcessorReviews>;
  readonly devices: Query<DashboardServer, DeviceFreshness>;
  readonly audit: Query<AnchorServer, AuditStatus>;
}

export const dashboardSources: DashboardSources = {
  controller: controllerDetailsFigures,
  lawfulBasis: lawfulBasisFigures,
  consentExpiry: consentExpiryFigures,
  requests: requestFigures,
  breaches: breachFigures,
  retention: retentionFigures,
  processors: processorReviewFigures,
  devices: deviceFreshnessFigures(fetchFromWindow),
  audit: auditStatus(fetchFromWindow),
};
