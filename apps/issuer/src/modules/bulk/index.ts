/** Bulk pre-issuance: a whole registry population imported before wallets exist (P2 §9). */
export {
  type BulkImportOptions,
  type BulkImportProgress,
  type BulkImportResult,
  type BulkImportTarget,
  bulkImportPersons,
} from './bulk-import-persons.js';
export {
  createProgressBar,
  formatBulkProgress,
  formatDuration,
  type ProgressBar,
  type ProgressBarOptions,
  type ProgressStream,
} from './progress-bar.js';
