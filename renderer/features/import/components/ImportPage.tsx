// Import from spreadsheets and address books. (Placeholder until built.)
import { PageHeader } from '../../../ui/PageHeader';

export function ImportPage() {
  return <PageHeader title="ImportPage" />;
}
