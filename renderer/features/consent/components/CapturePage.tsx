// Add from business card. (Placeholder until built.)
import { PageHeader } from '../../../ui/PageHeader';

export function CapturePage() {
  return <PageHeader title="CapturePage" />;
}
