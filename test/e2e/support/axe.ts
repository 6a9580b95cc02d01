// axe-core run inside the page: the WCAG 2.0 A/AA and 2.1 AA rules, keeping what a user of assistive
// technology is blocked or seriously hindered by (impact serious or critical). The script is evaluated
// through the DevTools protocol, as the app's Content-Security-Policy refuses inline script tags.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  /** The rule, e.g. "color-contrast". */
  readonly id: string;
  readonly impact: 'serious' | 'critical';
  /** What the rule asks, in axe's words. */
  readonly help: string;
  /** One CSS selector per failing element, with axe's one-line reason. */
  readonly nodes: readonly { readonly target: string; readonly html: string; readonly summary: string }[];
}

interface AxeResultNode {
  readonly target: readonly unknown[];
  readonly failureSummary?: string;
  readonly html: string;
}
interface AxeResult {
  readonly id: string;
  readonly impact?: string | null;
  readonly help: string;
  readonly nodes: readonly AxeResultNode[];
}
interface AxeGlobals {
  readonly axe?: {
    run(context: unknown, options: unknown): Promise<{ violations: readonly AxeResult[] }>;
  };
  readonly document: unknown;
}

/** The page's serious and critical WCAG 2.1 AA violations; an empty list when it passes. */
export const seriousViolations = async (page: Page): Promise<AxeViolation[]> => {
  const loaded = await page.evaluate(() => Boolean((globalThis as unknown as AxeGlobals).axe));
  if (!loaded) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const { axe, document } = globalThis as unknown as AxeGlobals;
    if (!axe) throw new Error('axe-core did not load into the page');
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      nodes: v.nodes.map((n) => ({
        target: n.target.map(String).join(' '),
        html: n.html.replace(/\s+/g, ' ').slice(0, 120),
        summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 240),
      })),
    }));
  });
  return violations.flatMap((v): AxeViolation[] =>
    v.impact === 'serious' || v.impact === 'critical' ? [{ ...v, impact: v.impact }] : [],
  );
};

/** One line per failing element: "screen: rule (impact) at target (its opening HTML) — reason". */
export const describeViolations = (screen: string, violations: readonly AxeViolation[]): string[] =>
  violations.flatMap((v) =>
    v.nodes.map((n) => `${screen}: ${v.id} (${v.impact}) at ${n.target} ${n.html} — ${n.summary || v.help}`),
  );

interface SettleGlobals {
  readonly document: {
    querySelector(selector: string): unknown;
    getAnimations(): readonly { playState: string }[];
    readonly body: unknown;
  };
  getComputedStyle(element: unknown): { readonly backgroundColor: string };
  requestAnimationFrame(callback: () => void): void;
}

/** The page's background in each scheme (renderer/app/theme.ts, painted on the body by CssBaseline). */
const BODY_BACKGROUND = { light: 'rgb(244, 246, 249)', dark: 'rgb(15, 20, 27)' } as const;

/**
 * Waits until loading bars are gone and no transition or animation is running (a theme switch fades
 * colours, and axe would read a half-way colour), each for at most 3 s.
 */
export const settle = async (page: Page): Promise<void> => {
  await page
    .waitForFunction(
      () => !(globalThis as unknown as SettleGlobals).document.querySelector('[role="progressbar"]'),
      null,
      { timeout: 3_000 },
    )
    .catch(() => undefined);
  await page
    .waitForFunction(
      () =>
        (globalThis as unknown as SettleGlobals).document
          .getAnimations()
          .every((animation) => animation.playState !== 'running'),
      null,
      { timeout: 3_000 },
    )
    .catch(() => undefined);
};

/**
 * Switches the system's colour scheme and waits until the app has painted it: the body's background is the
 * theme's, two frames have passed (the transitions the re-render starts are then registered), and those
 * transitions have ended. Without the first wait, settle could pass before React re-rendered, and axe would
 * read a focused label at the start of its fade (the unlock screen's, in CI).
 */
export const showScheme = async (page: Page, scheme: 'light' | 'dark'): Promise<void> => {
  await page.emulateMedia({ colorScheme: scheme });
  await page.waitForFunction(
    (expected) => {
      const globals = globalThis as unknown as SettleGlobals;
      return globals.getComputedStyle(globals.document.body).backgroundColor === expected;
    },
    BODY_BACKGROUND[scheme],
    { timeout: 10_000 },
  );
  await page.evaluate(
    () =>
      new Promise<void>((done) => {
        const globals = globalThis as unknown as SettleGlobals;
        globals.requestAnimationFrame(() => globals.requestAnimationFrame(() => done()));
      }),
  );
  await settle(page);
};
