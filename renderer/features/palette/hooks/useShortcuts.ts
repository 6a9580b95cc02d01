// Keyboard shortcuts for the whole app: Ctrl/Cmd+K opens the palette anywhere; the single keys and
// sequences ("g p", "n", "/", "?") never fire while typing in a field or with a dialog open.
import { useEffect } from 'react';
import { parseRoute } from '../../../kit/routing';
import { commandForKeys } from '../commands';
import { usePaletteStore } from '../stores/palette-store';

const SEQUENCE_TIMEOUT_MS = 1500;

const isTyping = (target: EventTarget | null): boolean => {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(type);
};

const dialogOpen = () =>
  document.querySelector('[role="dialog"], [role="presentation"].MuiModal-root') !== null;

export const useShortcuts = (): void => {
  useEffect(() => {
    let pending: string[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    const reset = () => {
      pending = [];
      clearTimeout(timer);
    };

    const onKeyDown = (event: KeyboardEvent) => {
      const { paletteOpen, setPaletteOpen, setHelpOpen } = usePaletteStore.getState();
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        reset();
        setPaletteOpen(!paletteOpen);
        return;
      }
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
      if (isTyping(event.target) || dialogOpen()) return reset();
      if (event.key === '?') {
        event.preventDefault();
        reset();
        setHelpOpen(true);
        return;
      }
      if (event.key === '/' && !pending.length) {
        const search = document.querySelector<HTMLInputElement>('main input[type="search"]');
        if (search) {
          event.preventDefault();
          search.focus();
        }
        return;
      }
      if (event.key.length !== 1) return;
      const keys = [...pending, event.key.toLowerCase()];
      const found = commandForKeys(keys);
      if (found === 'prefix') {
        pending = keys;
        clearTimeout(timer);
        timer = setTimeout(reset, SEQUENCE_TIMEOUT_MS);
        event.preventDefault();
        return;
      }
      reset();
      const route = parseRoute(window.location.hash);
      if (found && found.available(route)) {
        event.preventDefault();
        found.run(route);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => {
      reset();
      window.removeEventListener('keydown', onKeyDown);
    };
  }, []);
};
