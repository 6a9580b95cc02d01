// Placeholder while the tab is built.
export function BulkUpdateTab() {
  return null;
}
