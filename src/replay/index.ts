export { parseReplay } from './parse-replay.js';
export { readReplayFile } from './read-replay-file.js';
export { HTTP_METHODS, routeOf, type HttpMethod, type ReplayRequest } from './replay-request.js';
