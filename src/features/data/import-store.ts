import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { RestoreFailure } from '../../dataset/restore-stored';
import type { DetectionResult } from '../../ingest/import';
import type { ColumnMapping, ImportProgress, LoadReport } from '../../ingest/types';
import type { TableName } from '../../model/tables';
import type { LoadClock } from './load-progress';

export type PendingStatus = 'detecting' | 'review' | 'loading' | 'done' | 'failed' | 'cancelled';

/** A file the user dropped, from detection through review to its load report. */
export interface PendingFile {
  id: string;
  file: File;
  status: PendingStatus;
  detection?: DetectionResult;
  table?: TableName;
  mapping?: ColumnMapping;
  progress?: ImportProgress;
  /** When the load started and where its bar stood at the latest event, for the time left. */
  clock?: LoadClock;
  /** Cancel was pressed; the load stops at its next step and leaves everything as it was. */
  cancelling?: boolean;
  report?: LoadReport;
  error?: string;
}

interface ImportState {
  pending: PendingFile[];
  /** Load reports of everything loaded in this dataset, oldest first. */
  reports: LoadReport[];
  /** Stored files that could not be restored on this visit, until the user removes them. */
  restoreFailures: RestoreFailure[];
  upsert(id: string, patch: Partial<PendingFile> & { file?: File }): void;
  remove(id: string): void;
  setReports(reports: LoadReport[]): void;
  addReport(report: LoadReport): void;
  setRestoreFailures(failures: RestoreFailure[]): void;
  dropRestoreFailure(id: string): void;
}

export const useImportStore = create<ImportState>()((set) => ({
  pending: [],
  reports: [],
  restoreFailures: [],
  upsert: (id, patch) =>
    set((s) => {
      const existing = s.pending.find((p) => p.id === id);
      if (existing) return { pending: s.pending.map((p) => (p.id === id ? { ...p, ...patch } : p)) };
      if (!patch.file) return s;
      return { pending: [...s.pending, { id, status: 'detecting', ...patch, file: patch.file }] };
    }),
  remove: (id) => set((s) => ({ pending: s.pending.filter((p) => p.id !== id) })),
  setReports: (reports) => set({ reports }),
  addReport: (report) => set((s) => ({ reports: [...s.reports, report] })),
  setRestoreFailures: (restoreFailures) => set({ restoreFailures }),
  dropRestoreFailure: (id) => set((s) => ({ restoreFailures: s.restoreFailures.filter((f) => f.id !== id) })),
}));

interface MappingMemory {
  mappings: Record<string, ColumnMapping>;
  remember(signature: string, mapping: ColumnMapping): void;
}

/** Hand-made mappings by header signature, so a file with the same header maps itself next time. */
export const useMappingMemory = create<MappingMemory>()(
  persist(
    (set) => ({
      mappings: {},
      remember: (signature, mapping) => set((s) => ({ mappings: { ...s.mappings, [signature]: mapping } })),
    }),
    { name: 'yardstick.mappings', version: 1 },
  ),
);
