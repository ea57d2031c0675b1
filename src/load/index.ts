export type { LoadResult } from './load-result.js';
export { replayLoad, type ReplayLoadOptions } from './replay-load.js';
