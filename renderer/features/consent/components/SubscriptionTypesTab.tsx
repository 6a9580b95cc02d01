// Placeholder while the tab is built.
export function SubscriptionTypesTab() {
  return null;
}
