import type { V8CallFrame } from './v8-cpu-profile.js';

/** The V8 inspector's HeapProfiler.SamplingHeapProfile, as the agent writes it. */
export interface V8HeapProfile {
  readonly head: V8HeapNode;
  readonly samples?: readonly V8HeapSample[];
}

export interface V8HeapNode {
  readonly id: number;
  readonly callFrame: V8CallFrame;
  /** Sum of the sizes of the node's samples. */
  readonly selfSize: number;
  readonly children?: readonly V8HeapNode[];
}

/** One sampled allocation. */
export interface V8HeapSample {
  /** Bytes V8 charges the sample (see allocation-estimate.ts for what that means). */
  readonly size: number;
  readonly nodeId: number;
  readonly ordinal: number;
}
