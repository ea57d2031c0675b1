import { createRequire as __perfgateCreateRequire } from 'node:module'; const require = __perfgateCreateRequire(import.meta.url);
import {
  writeShardFolder
} from "./chunk-QMALCRGF.js";
import {
  BASELINE_SCHEMA,
  BASELINE_VERSION,
  baselineAllocationProfilePath,
  baselineProfilePath,
  currentCommit,
  currentEnvironment,
  escalationRef,
  measure,
  measureInterleaved,
  measurementSettings,
  planBaseline,
  profileSourceFor,
  readBaseline
} from "./chunk-CX6DI6OH.js";
import {
  shardName,
  shardPairs
} from "./chunk-DQ57QZL7.js";
import {
  describeError
} from "./chunk-RXSKCGKU.js";

// src/gate/shard-run.ts
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync } from "node:fs";
import { join, relative } from "node:path";
var STORED_PROFILES = { cpu: "profiles/stored-baseline.pb.gz", allocations: "profiles/stored-baseline.alloc.pb.gz" };
async function runShard(options) {
  const { config, progress, shard } = options;
  const dir = config.outputDir;
  mkdirSync(join(dir, "profiles"), { recursive: true });
  const candidateCommit = currentCommit(config.root);
  const candidateEnvSha256 = createHash("sha256").update(JSON.stringify(Object.entries(config.candidateEnv).sort())).digest("hex");
  const base = { schema: "perfgate.shard", version: 1, createdAt: (/* @__PURE__ */ new Date()).toISOString(), shard, service: options.service, candidateCommit, candidateEnvSha256 };
  let pairs = [];
  try {
    pairs = shardPairs(shard, config.trials);
    const stored = existsSync(config.baselinePath) ? readBaseline(config.baselinePath) : void 0;
    const here = { environment: currentEnvironment(profileSourceFor(config, options.agentPath).expectedRuntime), settings: measurementSettings(config) };
    const plan = planBaseline(config.compare, stored, here, config.baselinePath);
    const ref = plan.source === "same-runner" ? plan.ref : plan.notComparable.length > 0 && config.compare.baseline !== "stored" ? escalationRef(config, plan.baseline) : null;
    progress.line(`shard ${shardName(shard)}: pairs ${pairs.join(", ")} of ${config.trials}; baseline ${ref !== null ? `same-runner, commit ${ref}` : `stored (${config.baselinePath})`}`);
    const createdAt = (/* @__PURE__ */ new Date()).toISOString();
    const asBaseline = (m, commit) => ({ schema: BASELINE_SCHEMA, version: BASELINE_VERSION, createdAt, commit, environment: m.environment, settings: m.settings, trials: m.trials });
    const rel = (paths) => paths.map((p) => relative(dir, p));
    if (ref !== null) {
      const both = await measureInterleaved(options, ref, pairs);
      const manifest2 = {
        ...base,
        pairs,
        status: "complete",
        kind: "same-runner",
        why: plan.why,
        notComparable: [],
        compare: config.compare,
        reproduce: options.reproduce,
        profiles: profilesOf(rel(both.baseline.profiles), rel(both.candidate.profiles), rel(both.baseline.allocationProfiles), rel(both.candidate.allocationProfiles))
      };
      writeShardFolder(dir, manifest2, { baseline: asBaseline(both.baseline, both.baseCommit), candidate: asBaseline(both.candidate, candidateCommit) });
      return { dir, manifest: manifest2 };
    }
    if (plan.source !== "stored") throw new Error("unreachable: no ref and no stored baseline");
    const candidate = await measure({ ...options, only: pairs });
    const copied = (from, to) => {
      if (!existsSync(from)) return [];
      copyFileSync(from, join(dir, to));
      return [to];
    };
    const manifest = {
      ...base,
      pairs,
      status: "complete",
      kind: "stored",
      why: plan.why,
      notComparable: plan.notComparable,
      compare: config.compare,
      reproduce: options.reproduce,
      profiles: profilesOf(
        copied(baselineProfilePath(config.baselinePath), STORED_PROFILES.cpu),
        rel(candidate.profiles),
        copied(baselineAllocationProfilePath(config.baselinePath), STORED_PROFILES.allocations),
        rel(candidate.allocationProfiles)
      )
    };
    writeShardFolder(dir, manifest, { baseline: plan.baseline, candidate: asBaseline(candidate, candidateCommit) });
    return { dir, manifest };
  } catch (error) {
    writeShardFolder(dir, { ...base, pairs, status: "failed", error: describeError(error) });
    throw error;
  }
}
function profilesOf(baseline, candidate, baselineAllocations, candidateAllocations) {
  return { baseline, candidate, baselineAllocations, candidateAllocations };
}

export {
  STORED_PROFILES,
  runShard
};
