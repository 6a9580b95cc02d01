// Placeholder while the tab is built.
export function NoticesDueTab() {
  return null;
}
