/**
 * The Lacework feature's public surface for the other features: the API port, the per-account framework scan
 * (Scan account) and the legacy-format CSVs (Build reports). Everything else in this folder is internal.
 */

export { laceworkScanErrors, scanLaceworkFrameworks } from './frameworks/scan-frameworks';
export type { LaceworkApi } from './lacework-api.port';
export { type LaceworkCsvFile, laceworkCsvFiles } from './lacework-csv-files';
