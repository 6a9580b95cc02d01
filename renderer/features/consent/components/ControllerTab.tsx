// Placeholder while the tab is built.
export function ControllerTab() {
  return null;
}
