export { BASELINE_SCHEMA, BASELINE_VERSION, type Baseline, type MeasurementSettings } from './baseline.js';
export { baselineAllocationProfilePath, baselineProfilePath, readBaseline, writeBaseline } from './baseline-file.js';
export { environmentDifferences, type Environment } from './environment.js';
export { parseBaseline } from './parse-baseline.js';
export { lockfileSha256 } from './lockfile-fingerprint.js';
