export { appendHistoryFile, appendRecord, DEFAULT_MAX_RECORDS, readHistoryFile } from './history-file.js';
export { historyRecord, medianInterval, HISTORY_FUNCTIONS, type HistoryRecord, type RunContext } from './history-record.js';
export { parseHistory, serializeHistory } from './history-schema.js';
export { changePoints, type ChangePoint, type ChangePointOptions } from './change-points.js';
export { branchRecords, historySteps, unflaggedRises, type Step } from './steps.js';
export { historySvg } from './history-svg.js';
export { historyPage } from './history-page.js';
export { currentRunContext } from './run-context.js';
