// The deals pipeline: board and list. (Placeholder until built.)
import { PageHeader } from '../../../ui/PageHeader';

export function DealsPage(_props: { view: 'board' | 'list' }) {
  return <PageHeader title="DealsPage" />;
}
