// Placeholder while the tab is built.
export function PurposesTab() {
  return null;
}
