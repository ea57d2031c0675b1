export { runBuild } from './build.js';
export { liveGroups } from './process-group.js';
export { RunningService, startService, type ServiceLaunch } from './service.js';
