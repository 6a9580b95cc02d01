// One service case. (Placeholder until built.)
import { PageHeader } from '../../../ui/PageHeader';

export function CasePage(_props: { id: string; subjectId?: string }) {
  return <PageHeader title="CasePage" />;
}
