// Global search across people, organisations, deals and cases, opened with Ctrl/Cmd+K. (Placeholder.)
export function CommandPalette() {
  return null;
}
