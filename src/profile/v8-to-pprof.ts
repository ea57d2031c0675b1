import { Function as PprofFunction, Line, Location, Profile, Sample, StringTable, ValueType } from 'pprof-format';
import { PerfgateError } from '../errors.js';
import { functionKey, IDLE_FRAME, identityOfFrame, type FunctionIdentity } from './function-identity.js';
import type { V8CpuProfile, V8ProfileNode } from './v8-cpu-profile.js';

export interface ConversionContext {
  /** Folder that file names are made relative to. */
  readonly root: string;
  /** Wall-clock time the window started, for the pprof header (the V8 clock is monotonic). */
  readonly startedAtMs: number;
  readonly samplingIntervalUs: number;
  /** Free-text lines stored as pprof comments (what was measured, how many requests). */
  readonly comments?: readonly string[];
}

/**
 * Turns a V8 CPU profile into a pprof profile with sample types samples/count and
 * cpu/nanoseconds. Each sample is charged the time until the next one (the sampling
 * interval as V8 actually kept it). Idle samples are dropped, so the total is the CPU the
 * JavaScript thread was busy, which is what shares are taken of.
 */
export function v8ToPprof(v8: V8CpuProfile, context: ConversionContext): Profile {
  const byId = new Map<number, V8ProfileNode>();
  for (const node of v8.nodes) {
    if (byId.has(node.id)) throw new PerfgateError('PROFILE_INVALID', `V8 profile: node id ${node.id} appears twice`);
    byId.set(node.id, node);
  }
  const parentOf = new Map<number, number>();
  for (const node of v8.nodes) {
    for (const child of node.children ?? []) {
      if (!byId.has(child)) throw new PerfgateError('PROFILE_INVALID', `V8 profile: node ${node.id} lists unknown child ${child}`);
      if (parentOf.has(child)) throw new PerfgateError('PROFILE_INVALID', `V8 profile: node ${child} has two parents`);
      parentOf.set(child, node.id);
    }
  }

  const strings = new StringTable();
  const functions: PprofFunction[] = [];
  const locations: Location[] = [];
  const locationOfKey = new Map<string, number>();
  const locationOfNode = new Map<number, number | null>();
  const locationFor = (node: V8ProfileNode): number | null => {
    const known = locationOfNode.get(node.id);
    if (known !== undefined) return known;
    let location: number | null = null;
    if (node.callFrame.functionName !== '(root)') {
      const identity: FunctionIdentity = identityOfFrame(node.callFrame, context.root);
      const key = functionKey(identity);
      location = locationOfKey.get(key) ?? null;
      if (location === null) {
        const id = functions.length + 1;
        const startLine = node.callFrame.lineNumber + 1;
        functions.push(
          new PprofFunction({ id, name: strings.dedup(identity.name), systemName: strings.dedup(identity.name), filename: strings.dedup(identity.file), startLine }),
        );
        locations.push(new Location({ id, line: [new Line({ functionId: id, line: startLine })] }));
        locationOfKey.set(key, id);
        location = id;
      }
    }
    locationOfNode.set(node.id, location);
    return location;
  };

  const stackOf = (leaf: number): number[] => {
    const stack: number[] = [];
    let current: number | undefined = leaf;
    let depth = 0;
    while (current !== undefined) {
      const node = byId.get(current);
      if (!node) throw new PerfgateError('PROFILE_INVALID', `V8 profile: sample refers to unknown node ${current}`);
      if (++depth > byId.size) throw new PerfgateError('PROFILE_INVALID', `V8 profile: the parent chain of node ${leaf} has a cycle`);
      const location = locationFor(node);
      if (location !== null) stack.push(location);
      current = parentOf.get(current);
    }
    return stack;
  };

  const samples = v8.samples ?? [];
  const deltas = v8.timeDeltas ?? [];
  const intervalNanos = context.samplingIntervalUs * 1000;
  const totals = new Map<number, { count: number; nanos: number }>();
  for (let i = 0; i < samples.length; i++) {
    const nodeId = samples[i]!;
    const node = byId.get(nodeId);
    if (!node) throw new PerfgateError('PROFILE_INVALID', `V8 profile: sample ${i} refers to unknown node ${nodeId}`);
    if (node.callFrame.functionName === IDLE_FRAME) continue;
    const next = deltas[i + 1];
    const nanos = next !== undefined && Number.isFinite(next) && next >= 0 ? next * 1000 : intervalNanos;
    const entry = totals.get(nodeId) ?? { count: 0, nanos: 0 };
    entry.count += 1;
    entry.nanos += nanos;
    totals.set(nodeId, entry);
  }
  const pprofSamples: Sample[] = [];
  for (const [nodeId, total] of totals) {
    const stack = stackOf(nodeId);
    if (stack.length === 0) continue;
    pprofSamples.push(new Sample({ locationId: stack, value: [total.count, Math.round(total.nanos)] }));
  }

  const cpuType = new ValueType({ type: strings.dedup('cpu'), unit: strings.dedup('nanoseconds') });
  const durationMicros = Math.max(0, v8.endTime - v8.startTime);
  return new Profile({
    sampleType: [new ValueType({ type: strings.dedup('samples'), unit: strings.dedup('count') }), cpuType],
    sample: pprofSamples,
    location: locations,
    function: functions,
    stringTable: strings,
    timeNanos: BigInt(Math.round(context.startedAtMs)) * 1_000_000n,
    durationNanos: durationMicros * 1000,
    periodType: cpuType,
    period: intervalNanos,
    comment: (context.comments ?? []).map((comment) => strings.dedup(comment)),
  });
}
