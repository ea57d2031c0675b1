import { PerfgateError } from '../errors.js';
import { fileOfFrame, resolveFrame, type NamingContext, type ResolvedFrame } from './function-identity.js';
import type { PprofTables } from './pprof-tables.js';
import type { V8CallFrame } from './v8-cpu-profile.js';

/** A V8 call tree (CPU or sampling heap profile) flattened to nodes and parent links. */
export interface CallTree {
  readonly callFrameOf: ReadonlyMap<number, V8CallFrame>;
  readonly parentOf: ReadonlyMap<number, number>;
  /** What is being converted, for error messages ("V8 profile", "V8 heap profile"). */
  readonly source: string;
}

const ROOT_FRAME = '(root)';

/**
 * Identities and pprof stacks of a call tree's nodes, each resolved once. Stacks are leaf
 * first, without V8's `(root)`, with consecutive `(node internals)` frames folded into one.
 */
export class CallTreeStacks {
  private readonly resolved = new Map<number, ResolvedFrame | null>();
  private readonly files = new Map<number, string>();
  private readonly stacks = new Map<number, readonly number[]>();

  constructor(
    private readonly tree: CallTree,
    private readonly context: NamingContext,
    private readonly tables: PprofTables,
  ) {}

  /** The resolved frame of a node, or null for V8's root. */
  frame(nodeId: number): ResolvedFrame | null {
    const known = this.resolved.get(nodeId);
    if (known !== undefined) return known;
    const callFrame = this.callFrame(nodeId);
    let frame: ResolvedFrame | null = null;
    if (callFrame.functionName !== ROOT_FRAME) frame = resolveFrame(callFrame, this.context, callFrame.functionName === '' ? this.enclosingName(nodeId) : undefined);
    this.resolved.set(nodeId, frame);
    return frame;
  }

  /** The stack of a node as pprof location ids, leaf first; `leafLine` puts the leaf at that line. */
  stack(nodeId: number, leafLine?: number): readonly number[] {
    const stack = this.callerStack(nodeId);
    const frame = this.frame(nodeId);
    if (leafLine === undefined || !frame || frame.grouped || stack.length === 0) return stack;
    return [this.tables.location(frame, leafLine), ...stack.slice(1)];
  }

  private callerStack(nodeId: number): readonly number[] {
    const known = this.stacks.get(nodeId);
    if (known) return known;
    // Walked iteratively from the first memoised ancestor down, so deep trees cannot overflow the call stack.
    const chain: number[] = [];
    let current: number | undefined = nodeId;
    while (current !== undefined && !this.stacks.has(current)) {
      if (chain.length > this.tree.callFrameOf.size) throw new PerfgateError('PROFILE_INVALID', `${this.tree.source}: the parent chain of node ${nodeId} has a cycle`);
      chain.push(current);
      current = this.tree.parentOf.get(current);
    }
    let below: readonly number[] = current === undefined ? [] : this.stacks.get(current)!;
    for (let i = chain.length - 1; i >= 0; i--) {
      const id = chain[i]!;
      const frame = this.frame(id);
      if (frame) {
        const location = this.tables.location(frame);
        // A run of Node internals is one frame of the group, not one per internal function.
        if (!(frame.grouped && below[0] === location)) below = [location, ...below];
      }
      this.stacks.set(id, below);
    }
    return below;
  }

  private callFrame(nodeId: number): V8CallFrame {
    const callFrame = this.tree.callFrameOf.get(nodeId);
    if (!callFrame) throw new PerfgateError('PROFILE_INVALID', `${this.tree.source}: refers to unknown node ${nodeId}`);
    return callFrame;
  }

  private fileOf(nodeId: number): string {
    let file = this.files.get(nodeId);
    if (file === undefined) {
      file = fileOfFrame(this.callFrame(nodeId), this.context);
      this.files.set(nodeId, file);
    }
    return file;
  }

  /** The V8 name of the nearest caller in the same file that has one. */
  private enclosingName(nodeId: number): string | undefined {
    const file = this.fileOf(nodeId);
    if (file === '') return undefined;
    let current = this.tree.parentOf.get(nodeId);
    for (let depth = 0; current !== undefined && depth <= this.tree.callFrameOf.size; depth++) {
      const callFrame = this.callFrame(current);
      if (callFrame.functionName !== '' && callFrame.functionName !== ROOT_FRAME && this.fileOf(current) === file) return callFrame.functionName;
      current = this.tree.parentOf.get(current);
    }
    return undefined;
  }
}
