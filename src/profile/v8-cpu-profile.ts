/** The V8 inspector's Profiler.Profile, as the agent writes it (only the fields perfgate reads). */
export interface V8CpuProfile {
  readonly nodes: readonly V8ProfileNode[];
  /** Monotonic microseconds. */
  readonly startTime: number;
  readonly endTime: number;
  readonly samples?: readonly number[];
  readonly timeDeltas?: readonly number[];
}

export interface V8ProfileNode {
  readonly id: number;
  readonly callFrame: V8CallFrame;
  readonly hitCount?: number;
  readonly children?: readonly number[];
  readonly positionTicks?: readonly { readonly line: number; readonly ticks: number }[];
}

export interface V8CallFrame {
  readonly functionName: string;
  readonly scriptId: string;
  readonly url: string;
  /** 0-based. */
  readonly lineNumber: number;
  readonly columnNumber: number;
}
