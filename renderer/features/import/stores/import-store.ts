// The import wizard's state: one file at a time, read and analysed in the worker, committed through the
// session. Steps move forward only when what they need is there; Cancel stops the worker or the commit.
import { create } from 'zustand';
import type { Directory } from '../../../../shared/directory';
import { existingPeople, mergeCandidates } from '../../../../shared/import';
import type { ColumnMapping, ImportErrorInfo, ImportProgress, Preset } from '../../../../shared/import';
import { commitImport, type CommitProgress, type CommitReport } from '../../../../shared/import';
import { columnsOf } from '../../../../shared/import';
import { planImport, type Resolution } from '../../../../shared/import';
import type { Analysis, ReadChoices, TableSummary } from '../../../../shared/import';
import type { ImportPurpose } from '../../../../shared/import';
import { ImportCancelledError, ImportWorkerClient, ImportWorkerError } from '../../../../shared/import';
import type { Session } from '../../../../shared/vault';
import { useVaultStore } from '../../vault/stores/vault-store';
import { useWorkspaceStore } from '../../../kit/workspace';
import { createImportWorker } from '../worker/create-import-worker';

export const STEPS = ['file', 'mapping', 'purpose', 'duplicates', 'run', 'report'] as const;
export type Step = (typeof STEPS)[number];

export type Busy =
  | { readonly kind: 'read' | 'analyse'; readonly progress: ImportProgress | null }
  | { readonly kind: 'commit'; readonly progress: CommitProgress | null };

/** A problem shown to the user: a translation key, and where in the file when known. */
export interface WizardError {
  readonly key: 'readFailed' | 'tooLarge' | 'unreadable' | 'analyseFailed' | 'commitFailed' | 'cancelled';
  readonly info?: ImportErrorInfo | { message: string };
}

const today = () => new Date().toISOString().slice(0, 10);

interface ImportState {
  step: Step;
  file: { name: string; size: number } | null;
  choices: ReadChoices;
  summary: TableSummary | null;
  mapping: ColumnMapping;
  /** The preset the mapping came from, if any (built-in or saved). */
  preset: Preset | null;
  obtainedOn: string;
  purpose: Partial<ImportPurpose>;
  analysis: Analysis | null;
  resolutions: Resolution[];
  busy: Busy | null;
  error: WizardError | null;
  report: CommitReport | null;

  setStep(step: Step): void;
  openFile(file: { name: string; bytes: Uint8Array }, choices?: ReadChoices): Promise<void>;
  reread(choices: ReadChoices): Promise<void>;
  setMapping(mapping: ColumnMapping, preset?: Preset | null): void;
  setObtainedOn(date: string): void;
  setPurpose(purpose: Partial<ImportPurpose>): void;
  analyse(directory: Directory): Promise<void>;
  resolve(group: number, resolution: Resolution): void;
  resolveAll(resolution: Resolution): void;
  run(session: Session, directory: Directory): Promise<void>;
  cancel(): void;
  reset(): void;
}

let client: ImportWorkerClient | null = null;
const worker = () => (client ??= new ImportWorkerClient(createImportWorker));
let commitAbort: AbortController | null = null;
let lastBytes: { name: string; bytes: Uint8Array } | null = null;

const errorOf = (error: unknown, key: WizardError['key']): WizardError =>
  error instanceof ImportCancelledError
    ? { key: 'cancelled' }
    : error instanceof ImportWorkerError
      ? { key, info: error.info }
      : { key };

const initial = () => ({
  step: 'file' as Step,
  file: null,
  choices: {},
  summary: null,
  mapping: [],
  preset: null,
  obtainedOn: today(),
  purpose: {},
  analysis: null,
  resolutions: [],
  busy: null,
  error: null,
  report: null,
});

export const useImportStore = create<ImportState>()((set, get) => ({
  ...initial(),

  setStep: (step) => set({ step, error: null }),

  openFile: async (file, choices = {}) => {
    lastBytes = file;
    set({
      ...initial(),
      file: { name: file.name, size: file.bytes.length },
      choices,
      busy: { kind: 'read', progress: null },
    });
    try {
      const summary = await worker().read({ name: file.name, bytes: file.bytes }, choices, (progress) =>
        set({ busy: { kind: 'read', progress } }),
      );
      set({
        summary,
        mapping: summary.suggestion.mapping,
        preset: summary.suggestion.preset,
        busy: null,
      });
    } catch (error) {
      set({ busy: null, error: errorOf(error, 'readFailed') });
    }
  },

  reread: async (choices) => {
    if (!lastBytes) return;
    const { mapping, preset } = get();
    await get().openFile(lastBytes, { ...get().choices, ...choices });
    // Same columns: keep what the user mapped.
    const summary = get().summary;
    if (summary && summary.headers.length === mapping.length) set({ mapping, preset });
  },

  setMapping: (mapping, preset = null) => set({ mapping, preset, analysis: null }),
  setObtainedOn: (obtainedOn) => set({ obtainedOn }),
  setPurpose: (purpose) => set({ purpose }),

  analyse: async (directory) => {
    set({ busy: { kind: 'analyse', progress: null }, error: null, analysis: null });
    try {
      const analysis = await worker().analyse(get().mapping, existingPeople(directory), (progress) =>
        set({ busy: { kind: 'analyse', progress } }),
      );
      set({ analysis, resolutions: analysis.groups.map(() => 'merge'), busy: null });
    } catch (error) {
      set({ busy: null, error: errorOf(error, 'analyseFailed') });
    }
  },

  resolve: (group, resolution) =>
    set((s) => ({ resolutions: s.resolutions.map((r, i) => (i === group ? resolution : r)) })),
  resolveAll: (resolution) => set((s) => ({ resolutions: s.resolutions.map(() => resolution) })),

  run: async (session, directory) => {
    const { analysis, resolutions, file, purpose, obtainedOn, mapping } = get();
    if (!analysis || !file || !purpose.name || !purpose.lawfulBasis) return;
    commitAbort = new AbortController();
    set({ step: 'run', busy: { kind: 'commit', progress: null }, error: null });
    try {
      const plan = planImport(analysis.candidates, analysis.groups, resolutions, mergeCandidates);
      const report = await commitImport(session, useWorkspaceStore.getState().actor, {
        file: file.name,
        plan,
        obtainedOn,
        purpose: {
          name: purpose.name,
          lawfulBasis: purpose.lawfulBasis,
          ...(purpose.purposeId && { purposeId: purpose.purposeId }),
        },
        columns: columnsOf(mapping),
        organisations: directory.organisations().map((o) => ({ id: o.id, name: o.name })),
        signal: commitAbort.signal,
        onProgress: (progress) => set({ busy: { kind: 'commit', progress } }),
      });
      set({ report, step: 'report', busy: null });
    } catch (error) {
      const cancelled = commitAbort?.signal.aborted;
      set({
        busy: null,
        step: 'duplicates',
        error: cancelled ? { key: 'cancelled' } : errorOf(error, 'commitFailed'),
      });
    } finally {
      commitAbort = null;
    }
  },

  cancel: () => {
    if (commitAbort) commitAbort.abort();
    else {
      client?.cancel();
      set({ busy: null, error: { key: 'cancelled' } });
    }
  },

  reset: () => {
    client?.dispose();
    client = null;
    lastBytes = null;
    set(initial());
  },
}));

// Rows read from a file are personal data: locking the vault drops them with the keys.
useVaultStore.subscribe((state, previous) => {
  if (previous.session && !state.session) useImportStore.getState().reset();
});
