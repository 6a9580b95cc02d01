// Placeholder while the tab is built.
export function RepermissionTab() {
  return null;
}
