export type { LoadResult, StatusMismatch } from './load-result.js';
export { replayLoad, type ReplayLoadOptions } from './replay-load.js';
