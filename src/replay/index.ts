export { checkReplay, parseReplay, REPLAY_FIELDS, type ReplayCheck, type ReplayProblem } from './parse-replay.js';
export { readReplayFile, readReplayText } from './read-replay-file.js';
export { DEFAULT_REDACTION_RULES, redactionRules, type RedactionRules } from './redaction-rules.js';
export { createRedactor, type Redactor } from './redactor.js';
export { formatReplayLine, type ReplayRecord } from './replay-record.js';
export { HTTP_METHODS, routeOf, type HttpMethod, type ReplayRequest } from './replay-request.js';
export { replayStats, type ReplayStats, type RouteStats } from './replay-stats.js';
export { resolveSubstitutions, substituteSecrets, unsubstitutedPlaceholders, type Substitutions } from './substitute-secrets.js';
