import { Profile, Sample, ValueType } from 'pprof-format';
import { PerfgateError } from '../errors.js';
import { apportion } from './apportion.js';
import { CallTreeStacks } from './call-tree.js';
import { displayFile, IDLE_FRAME, namingContext, type NamingContext, type ResolvedFrame } from './function-identity.js';
import { pprofTables } from './pprof-tables.js';
import type { SourceLookup } from './source-lookup.js';
import type { V8CallFrame, V8CpuProfile, V8ProfileNode } from './v8-cpu-profile.js';

export interface ConversionContext {
  /** Folder that file names are made relative to. */
  readonly root: string;
  /** Wall-clock time the window started, for the pprof header (the V8 clock is monotonic). */
  readonly startedAtMs: number;
  readonly samplingIntervalUs: number;
  /** Free-text lines stored as pprof comments (what was measured, how many requests). */
  readonly comments?: readonly string[];
  /** Source maps and package versions, read beforehand (read-sources.ts). */
  readonly sources?: SourceLookup;
  /** Absolute path of perfgate's agent script: its frames are one function (function-identity.ts `PERFGATE_AGENT`). */
  readonly agentScript?: string;
}

/**
 * Turns a V8 CPU profile into a pprof profile with sample types samples/count and
 * cpu/nanoseconds. Each sample is charged one sampling interval, as Go's CPU profiler
 * charges its samples. Not the gap to the next sample (V8's timeDeltas): that gap includes
 * the time the thread waited for a CPU, and on a busy machine one preempted sample would
 * carry tens of milliseconds into whatever frame it caught (often a system call such as
 * writev), shifting every function's share with the machine's load. Idle samples are
 * dropped, so the total is the CPU the JavaScript thread was busy, which is what shares
 * are taken of.
 *
 * A function's own samples are split over the lines V8 saw it on (its position ticks),
 * so the leaf location carries the hot line: `go tool pprof -lines` and perfgate's hot
 * lines read them. Callers stay at their function's first line (V8 does not record call
 * sites), so function totals are unchanged by the split.
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
  const callFrameOf = new Map<number, V8CallFrame>([...byId].map(([id, node]) => [id, node.callFrame]));
  const naming = namingContext(context);
  const tables = pprofTables();
  const stacks = new CallTreeStacks({ callFrameOf, parentOf, source: 'V8 profile' }, naming, tables);

  const samples = v8.samples ?? [];
  const intervalNanos = context.samplingIntervalUs * 1000;
  // Samples per node; each stands for one sampling interval.
  const counts = new Map<number, number>();
  for (let i = 0; i < samples.length; i++) {
    const nodeId = samples[i]!;
    const node = byId.get(nodeId);
    if (!node) throw new PerfgateError('PROFILE_INVALID', `V8 profile: sample ${i} refers to unknown node ${nodeId}`);
    if (node.callFrame.functionName === IDLE_FRAME) continue;
    counts.set(nodeId, (counts.get(nodeId) ?? 0) + 1);
  }

  const pprofSamples = new Map<string, Sample>();
  const add = (stack: readonly number[], count: number, nanos: number) => {
    if (stack.length === 0 || (count === 0 && nanos === 0)) return;
    const key = stack.join(',');
    const existing = pprofSamples.get(key);
    if (existing) existing.value = [Number(existing.value[0]) + count, Number(existing.value[1]) + nanos];
    else pprofSamples.set(key, new Sample({ locationId: [...stack], value: [count, nanos] }));
  };
  for (const [nodeId, count] of counts) {
    const frame = stacks.frame(nodeId);
    if (!frame) continue;
    const nanos = Math.round(count * intervalNanos);
    const lines = tickLines(byId.get(nodeId)!, frame, naming);
    if (lines.length === 0) {
      add(stacks.stack(nodeId), count, nanos);
      continue;
    }
    const weights = lines.map((l) => l.ticks);
    const countsByLine = apportion(count, weights);
    const nanosByLine = apportion(nanos, weights);
    lines.forEach((l, i) => add(stacks.stack(nodeId, l.line), countsByLine[i]!, nanosByLine[i]!));
  }

  const cpuType = new ValueType({ type: tables.strings.dedup('cpu'), unit: tables.strings.dedup('nanoseconds') });
  const durationMicros = Math.max(0, v8.endTime - v8.startTime);
  return new Profile({
    sampleType: [new ValueType({ type: tables.strings.dedup('samples'), unit: tables.strings.dedup('count') }), cpuType],
    sample: [...pprofSamples.values()],
    location: tables.locations,
    function: tables.functions,
    stringTable: tables.strings,
    timeNanos: BigInt(Math.round(context.startedAtMs)) * 1_000_000n,
    durationNanos: durationMicros * 1000,
    periodType: cpuType,
    period: intervalNanos,
    comment: (context.comments ?? []).map((comment) => tables.strings.dedup(comment)),
  });
}

/**
 * The lines a node's own samples fell on, in the file of its identity. A line that a
 * source map sends to another file (code inlined from another module by a bundler) is
 * charged to the function's first line rather than to a line of the wrong file.
 */
function tickLines(node: V8ProfileNode, frame: ResolvedFrame, naming: NamingContext): Array<{ line: number; ticks: number }> {
  if (frame.grouped || !node.positionTicks || node.positionTicks.length === 0) return [];
  const byLine = new Map<number, number>();
  for (const tick of node.positionTicks) {
    if (!(tick.ticks > 0)) continue;
    let line = tick.line;
    if (frame.mapped) {
      const original = naming.sources.originalLine(frame.scriptPath, tick.line);
      line = original && displayFile(original.path, naming) === frame.identity.file ? original.line : frame.startLine;
    }
    byLine.set(line, (byLine.get(line) ?? 0) + tick.ticks);
  }
  return [...byLine].map(([line, ticks]) => ({ line, ticks })).sort((a, b) => a.line - b.line);
}
