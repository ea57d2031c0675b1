import { Profile, Sample, ValueType } from 'pprof-format';
import { PerfgateError } from '../errors.js';
import { allocationEstimate } from './allocation-estimate.js';
import { CallTreeStacks } from './call-tree.js';
import { namingContext } from './function-identity.js';
import { pprofTables } from './pprof-tables.js';
import type { SourceLookup } from './source-lookup.js';
import type { V8CallFrame } from './v8-cpu-profile.js';
import type { V8HeapNode, V8HeapProfile } from './v8-heap-profile.js';

export interface HeapConversionContext {
  readonly root: string;
  readonly startedAtMs: number;
  readonly durationMs: number;
  /** The sampling interval the profiler ran with (HeapProfiler.startSampling's samplingInterval). */
  readonly samplingIntervalBytes: number;
  readonly comments?: readonly string[];
  readonly sources?: SourceLookup;
  /** Absolute path of perfgate's agent script (as in v8-to-pprof.ts). */
  readonly agentScript?: string;
}

/** Allocations V8 could not attribute to JavaScript (its root holds them, or a node missing from its tree). */
const UNATTRIBUTED: V8CallFrame = { functionName: '(V8)', scriptId: '0', url: '', lineNumber: -1, columnNumber: -1 };

/**
 * Turns a V8 sampling heap profile taken with the flags that keep objects collected by
 * minor and major GCs (so it holds every sampled allocation of the window, not the live
 * heap) into a pprof allocation profile: sample types alloc_objects/count and
 * alloc_space/bytes, functions named exactly as in the CPU profile. Each sample is
 * weighted by `allocationEstimate`.
 */
export function v8HeapToPprof(v8: V8HeapProfile, context: HeapConversionContext): Profile {
  const callFrameOf = new Map<number, V8CallFrame>();
  const parentOf = new Map<number, number>();
  // Iterative: a deep recursion in the service would otherwise overflow ours.
  const pending: Array<{ node: V8HeapNode; parent: number | undefined }> = [{ node: v8.head, parent: undefined }];
  while (pending.length > 0) {
    const { node, parent } = pending.pop()!;
    if (callFrameOf.has(node.id)) throw new PerfgateError('PROFILE_INVALID', `V8 heap profile: node id ${node.id} appears twice`);
    callFrameOf.set(node.id, parent === undefined ? { ...node.callFrame, functionName: '(root)' } : node.callFrame);
    if (parent !== undefined) parentOf.set(node.id, parent);
    for (const child of node.children ?? []) pending.push({ node: child, parent: node.id });
  }
  const naming = namingContext(context);
  const tables = pprofTables();
  const stacks = new CallTreeStacks({ callFrameOf, parentOf, source: 'V8 heap profile' }, naming, tables);
  const rootStack = () => [tables.location({ identity: { name: UNATTRIBUTED.functionName, file: '' }, startLine: 0, scriptPath: '', mapped: false, compiledWithoutMap: false, grouped: false })];

  const totals = new Map<number, { bytes: number; objects: number }>();
  let stackless = 0;
  for (const [i, sample] of (v8.samples ?? []).entries()) {
    if (!Number.isFinite(sample.size) || sample.size < 0) throw new PerfgateError('PROFILE_INVALID', `V8 heap profile: sample ${i} has size ${sample.size}`);
    // V8 lists some samples under nodes its tree leaves out (seen on Node 20 and 24); their
    // bytes were still allocated, so they count, under the unattributed pseudo-function.
    const nodeId = callFrameOf.has(sample.nodeId) ? sample.nodeId : v8.head.id;
    if (nodeId !== sample.nodeId) stackless += 1;
    const estimate = allocationEstimate(sample.size, context.samplingIntervalBytes);
    const entry = totals.get(nodeId) ?? { bytes: 0, objects: 0 };
    entry.bytes += estimate.bytes;
    entry.objects += estimate.objects;
    totals.set(nodeId, entry);
  }
  const samples = new Map<string, Sample>();
  for (const [nodeId, total] of totals) {
    const stack = stacks.stack(nodeId);
    const locations = stack.length > 0 ? stack : rootStack();
    const key = locations.join(',');
    const value = [Math.round(total.objects), Math.round(total.bytes)];
    const existing = samples.get(key);
    if (existing) existing.value = existing.value.map((v, i) => Number(v) + value[i]!);
    else samples.set(key, new Sample({ locationId: [...locations], value }));
  }

  const s = tables.strings;
  const spaceType = new ValueType({ type: s.dedup('space'), unit: s.dedup('bytes') });
  const sampleType = [new ValueType({ type: s.dedup('alloc_objects'), unit: s.dedup('count') }), new ValueType({ type: s.dedup('alloc_space'), unit: s.dedup('bytes') })];
  return new Profile({
    sampleType,
    sample: [...samples.values()],
    location: tables.locations,
    function: tables.functions,
    stringTable: s,
    timeNanos: BigInt(Math.round(context.startedAtMs)) * 1_000_000n,
    durationNanos: Math.max(0, Math.round(context.durationMs * 1e6)),
    periodType: spaceType,
    period: context.samplingIntervalBytes,
    // pprof shows alloc_space unless told otherwise, as for Go's allocation profiles.
    defaultSampleType: s.dedup('alloc_space'),
    comment: [...(context.comments ?? []), ...(stackless > 0 ? [`perfgate: ${stackless} allocation samples had no stack in V8's tree (counted as ${UNATTRIBUTED.functionName})`] : [])].map((comment) =>
      s.dedup(comment),
    ),
  });
}
