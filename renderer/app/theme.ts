// Kluis's look: a calm blue on neutral surfaces, system fonts (nothing is fetched), compact density for
// long lists.
import { createTheme, type Theme } from '@mui/material/styles';

const fontFamily = [
  'system-ui',
  '-apple-system',
  '"Segoe UI"',
  'Roboto',
  '"Helvetica Neue"',
  '"Liberation Sans"',
  'Arial',
  'sans-serif',
].join(',');

/** The colours of each mode: a calm blue, a teal accent, neutral surfaces. */
const COLOURS = {
  light: {
    primary: '#1d5fa8',
    secondary: '#0f7b6c',
    background: '#f4f6f9',
    paper: '#ffffff',
    divider: '#e2e6ec',
    text: '#1a2230',
    textSecondary: '#5b6575',
  },
  dark: {
    primary: '#8ab8ff',
    secondary: '#6fd3c0',
    background: '#0f141b',
    paper: '#161d26',
    divider: '#263040',
    text: '#e6ebf2',
    textSecondary: '#9aa6b6',
  },
} as const;

const palette = (mode: 'light' | 'dark') => {
  const c = COLOURS[mode];
  return {
    mode,
    primary: { main: c.primary },
    secondary: { main: c.secondary },
    background: { default: c.background, paper: c.paper },
    divider: c.divider,
    text: { primary: c.text, secondary: c.textSecondary },
    // MUI's light orange and blue reach 3.11:1 and 3.56:1 against white and the page, its light red and
    // green 4.34:1 and 4.49:1 on a text button's hover fill (a Delete button under the mouse), and its dark
    // red 3.68:1 under white words: these shades keep text on them, and them as text, at 4.5:1 or more.
    ...(mode === 'light'
      ? {
          warning: { main: '#a94e08' },
          info: { main: '#0369a1' },
          error: { main: '#c62828' },
          success: { main: '#2b7a2f' },
        }
      : { error: { main: '#f28b82' } }),
  };
};

export const createKluisTheme = (mode: 'light' | 'dark'): Theme =>
  createTheme({
    palette: palette(mode),
    shape: { borderRadius: 10 },
    typography: {
      fontFamily,
      h1: { fontSize: '1.6rem', fontWeight: 650, letterSpacing: '-0.01em' },
      h2: { fontSize: '1.15rem', fontWeight: 600 },
      h3: { fontSize: '1rem', fontWeight: 600 },
      button: { textTransform: 'none', fontWeight: 600 },
    },
    components: {
      // Every button, link-button, tab and menu item shows where the keyboard is: a ring, not a faint fill.
      MuiButtonBase: {
        styleOverrides: {
          root: {
            '&.Mui-focusVisible': { outline: `2px solid ${COLOURS[mode].primary}`, outlineOffset: 2 },
          },
        },
      },
      MuiLink: {
        styleOverrides: {
          root: { '&:focus-visible': { outline: `2px solid ${COLOURS[mode].primary}`, outlineOffset: 2 } },
        },
      },
      MuiButton: { defaultProps: { disableElevation: true } },
      MuiPaper: { styleOverrides: { root: { backgroundImage: 'none' } } },
      MuiCard: { defaultProps: { variant: 'outlined' } },
      MuiTextField: { defaultProps: { size: 'small', fullWidth: true } },
      // The browser keeps no copy of what is typed: without this, Chromium saves the values of text fields
      // in its autofill database in the profile, in plaintext (test/e2e/browser-profile.e2e.ts). Fields
      // that want the browser's help (the passphrase) set their own autoComplete.
      MuiInputBase: { defaultProps: { autoComplete: 'off' } },
      MuiFormControl: { defaultProps: { size: 'small' } },
      MuiTooltip: { defaultProps: { arrow: true } },
    },
  });
