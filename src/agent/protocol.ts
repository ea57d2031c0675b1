/**
 * Messages between perfgate and the agent preloaded into the service, one JSON object
 * per line over a Unix socket that perfgate listens on and the agent dials. The agent
 * dials only once its process starts listening for HTTP, so wrappers such as `npm start`
 * (which load the agent too, through NODE_OPTIONS) never register.
 */
export const AGENT_SOCKET_ENV = 'PERFGATE_AGENT_SOCKET';

export interface HelloMessage {
  readonly type: 'hello';
  readonly pid: number;
  readonly nodeVersion: string;
  readonly v8Version: string;
  /** Where the service's first server listens. */
  readonly address: { readonly port: number; readonly host: string } | { readonly path: string };
}

export type Command =
  | { readonly id: number; readonly cmd: 'start'; readonly cpuSamplingIntervalUs: number; readonly allocationSamplingIntervalBytes: number }
  | { readonly id: number; readonly cmd: 'stop'; readonly cpuProfilePath: string; readonly heapProfilePath: string };

export interface ProcessUsage {
  /** CPU time the OS charged the service process in the window (user + system). */
  readonly cpuMicros: number;
  readonly wallMicros: number;
  readonly maxRssBytes: number;
}

export type Reply =
  | { readonly type: 'reply'; readonly id: number; readonly ok: true; readonly usage?: ProcessUsage }
  | { readonly type: 'reply'; readonly id: number; readonly ok: false; readonly error: string };

export type AgentMessage = HelloMessage | Reply;
