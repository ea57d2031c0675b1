import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Profile } from 'pprof-format';
import { baselineAllocationProfilePath } from '../baseline/index.js';
import type { Config } from '../config/index.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { decodePprof, encodePprofGzip, mergeProfiles, scaledLike } from '../profile/index.js';
import type { Report } from '../report/index.js';

/**
 * The allocation counterpart of the merged CPU profiles: the candidate's trials merged
 * into `profiles/candidate.alloc.pb.gz`, and the baseline's (re-measured here, or stored
 * beside the baseline file) scaled to the candidate's request count, so that
 * `go tool pprof -diff_base` compares allocations per request too.
 */
export function writeSideAllocationProfiles(candidatePprofs: readonly Profile[], config: Config, baselinePprofs: readonly Profile[] | undefined): NonNullable<Report['mergedAllocations']> | undefined {
  if (candidatePprofs.length === 0) return undefined;
  const dir = join(config.outputDir, 'profiles');
  const candidate = mergeProfiles(candidatePprofs, 'candidate allocation profiles');
  writeFileAtomic(join(dir, 'candidate.alloc.pb.gz'), encodePprofGzip(candidate));
  const storedPath = baselineAllocationProfilePath(config.baselinePath);
  const baseline =
    baselinePprofs && baselinePprofs.length > 0
      ? mergeProfiles(baselinePprofs, 'baseline allocation profiles')
      : existsSync(storedPath)
        ? decodePprof(readFileSync(storedPath), storedPath)
        : undefined;
  if (!baseline) return { candidate: 'profiles/candidate.alloc.pb.gz', baseline: null };
  writeFileAtomic(join(dir, 'baseline.alloc.pb.gz'), encodePprofGzip(scaledLike(baseline, candidate, storedPath)));
  return { candidate: 'profiles/candidate.alloc.pb.gz', baseline: 'profiles/baseline.alloc.pb.gz' };
}
