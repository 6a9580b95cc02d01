// One deal. (Placeholder until built.)
import { PageHeader } from '../../../ui/PageHeader';

export function DealPage(_props: { id: string; subjectId?: string }) {
  return <PageHeader title="DealPage" />;
}
