// Placeholder while the tab is built.
export function NoticesTab() {
  return null;
}
