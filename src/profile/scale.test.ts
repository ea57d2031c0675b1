import { describe, expect, it } from 'vitest';
import { functionTable } from '../analysis/function-table.js';
import { requestsOf } from './merge.js';
import { scaledLike, scaleToRequests } from './scale.js';
import type { V8CpuProfile } from './v8-cpu-profile.js';
import { v8ToPprof } from './v8-to-pprof.js';

const frame = (id: number, functionName: string, children: number[] = []) => ({ id, callFrame: { functionName, scriptId: '1', url: 'file:///app/a.js', lineNumber: 0, columnNumber: 0 }, children });
const v8: V8CpuProfile = { nodes: [frame(1, '(root)', [2]), frame(2, 'handle', [3]), frame(3, 'parse')], startTime: 0, endTime: 4000, samples: [3, 3, 2, 3], timeDeltas: [0, 1000, 1000, 1000] };
const withRequests = (requests: number) => v8ToPprof(v8, { root: '/app', startedAtMs: 0, samplingIntervalUs: 1000, comments: [`perfgate: requests=${requests}`, 'perfgate: replay=r.ndjson'] });

describe('scaleToRequests', () => {
  it('rescales every value and the request count, keeping per-request figures and other comments', () => {
    const scaled = scaleToRequests(withRequests(100), 250, 'base');
    expect(requestsOf(scaled)).toBe(250);
    const before = functionTable(withRequests(100), 'before');
    const after = functionTable(scaled, 'after');
    expect(after.total).toBe(before.total * 2.5);
    expect(after.functions['a.js#parse']!.selfNanos / 250).toBe(before.functions['a.js#parse']!.selfNanos / 100);
    const comments = scaled.comment.map((c) => scaled.stringTable.strings[Number(c)]);
    expect(comments).toContain('perfgate: replay=r.ndjson');
    expect(comments.filter((c) => c!.startsWith('perfgate: requests='))).toEqual(['perfgate: requests=250']);
    expect(comments.some((c) => /scaled ×2\.50000 from 100 requests/.test(c!))).toBe(true);
  });

  it('leaves the original untouched and refuses a profile without a request count', () => {
    const original = withRequests(100);
    scaleToRequests(original, 300, 'base');
    expect(functionTable(original, 'o').total).toBe(4_000_000);
    const anonymous = v8ToPprof(v8, { root: '/app', startedAtMs: 0, samplingIntervalUs: 1000 });
    expect(() => scaleToRequests(anonymous, 10, 'old.pb.gz')).toThrow(/old\.pb\.gz: the profile does not say how many requests it covers/);
    expect(scaledLike(anonymous, original, 'old.pb.gz')).toBe(anonymous);
    expect(requestsOf(scaledLike(withRequests(50), original, 'b'))).toBe(100);
  });
});
