// Whether the command palette or the shortcuts help is open: the keyboard hook and the nav both open them.
import { create } from 'zustand';

interface PaletteState {
  paletteOpen: boolean;
  helpOpen: boolean;
  setPaletteOpen(open: boolean): void;
  setHelpOpen(open: boolean): void;
}

export const usePaletteStore = create<PaletteState>()((set) => ({
  paletteOpen: false,
  helpOpen: false,
  setPaletteOpen: (paletteOpen) => set({ paletteOpen, helpOpen: false }),
  setHelpOpen: (helpOpen) => set({ helpOpen, paletteOpen: false }),
}));
