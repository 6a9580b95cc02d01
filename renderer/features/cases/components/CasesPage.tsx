// Service cases. (Placeholder until built.)
import { PageHeader } from '../../../ui/PageHeader';

export function CasesPage() {
  return <PageHeader title="CasesPage" />;
}
