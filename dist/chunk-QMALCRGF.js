import { createRequire as __perfgateCreateRequire } from 'node:module'; const require = __perfgateCreateRequire(import.meta.url);
import {
  parseBaseline,
  writeBaseline
} from "./chunk-CX6DI6OH.js";
import {
  checkProfileFileSize,
  decodePprof
} from "./chunk-RSJDVD32.js";
import {
  shardName
} from "./chunk-DQ57QZL7.js";
import {
  writeFileAtomic
} from "./chunk-BKLRVJWE.js";
import {
  compareSchema
} from "./chunk-PRMFOBU2.js";
import {
  PerfgateError,
  describeError
} from "./chunk-RXSKCGKU.js";
import {
  external_exports
} from "./chunk-L7LVZID3.js";

// src/gate/shard-folder.ts
import { lstatSync, readFileSync, realpathSync } from "node:fs";
import { isAbsolute, join, relative } from "node:path";
var SHARD_SCHEMA = "perfgate.shard";
var SHARD_VERSION = 1;
var SHARD_FILE = "shard.json";
var SHARD_SIDE_FILES = { baseline: "baseline.json", candidate: "candidate.json" };
var MAX_SHARD_JSON_BYTES = 64 * 1024 * 1024;
function writeShardFolder(dir, manifest, sides) {
  if (sides) {
    writeBaseline(join(dir, SHARD_SIDE_FILES.baseline), sides.baseline);
    writeBaseline(join(dir, SHARD_SIDE_FILES.candidate), sides.candidate);
  }
  writeFileAtomic(join(dir, SHARD_FILE), `${JSON.stringify(manifest, null, 1)}
`);
}
var profilePath = external_exports.string().max(200).regex(/^profiles\/[A-Za-z0-9._-]+\.pb\.gz$/, "expected profiles/<name>.pb.gz inside the shard folder");
var profileList = external_exports.array(profilePath).max(1e3);
var common = {
  schema: external_exports.literal(SHARD_SCHEMA),
  version: external_exports.literal(SHARD_VERSION),
  createdAt: external_exports.string().max(100),
  shard: external_exports.strictObject({ index: external_exports.number().int().min(1).max(999), count: external_exports.number().int().min(1).max(999) }).refine((s) => s.index <= s.count, "index must be <= count"),
  service: external_exports.string().max(200),
  candidateCommit: external_exports.string().max(100).nullable(),
  candidateEnvSha256: external_exports.string().regex(/^[0-9a-f]{64}$/, "expected a sha256"),
  pairs: external_exports.array(external_exports.number().int().min(1).max(1e5)).max(1e4)
};
var manifestSchema = external_exports.discriminatedUnion("status", [
  external_exports.strictObject({
    ...common,
    status: external_exports.literal("complete"),
    kind: external_exports.enum(["same-runner", "stored"]),
    why: external_exports.string().max(4e3),
    notComparable: external_exports.array(external_exports.string().max(2e3)).max(100),
    compare: compareSchema,
    reproduce: external_exports.string().max(4e3),
    profiles: external_exports.strictObject({ baseline: profileList, candidate: profileList, baselineAllocations: profileList, candidateAllocations: profileList })
  }),
  external_exports.strictObject({ ...common, status: external_exports.literal("failed"), error: external_exports.string().max(2e4) })
]);
function readShardFolder(dir) {
  const manifestPath = join(dir, SHARD_FILE);
  let raw;
  try {
    raw = JSON.parse(readCapped(manifestPath, MAX_SHARD_JSON_BYTES));
  } catch (error) {
    if (error instanceof PerfgateError) throw error;
    throw new PerfgateError("SHARD_INVALID", `${manifestPath}: not valid JSON (${describeError(error)})`);
  }
  if (raw && typeof raw === "object" && "version" in raw && typeof raw.version === "number" && raw.version > SHARD_VERSION) {
    throw new PerfgateError("SHARD_INVALID", `${manifestPath}: shard version ${raw.version} is newer than this perfgate understands (${SHARD_VERSION}); use the same perfgate version for the shards and the merge`);
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new PerfgateError("SHARD_INVALID", `${manifestPath}: ${issue.path.map(String).join(".") || "(top level)"}: ${issue.message}`);
  }
  const manifest = parsed.data;
  if (manifest.status !== "complete") return { dir, manifest };
  const side = (name2) => {
    const path = join(dir, SHARD_SIDE_FILES[name2]);
    const baseline = parseBaseline(readCapped(path, MAX_SHARD_JSON_BYTES), path);
    return baseline;
  };
  const sides = { baseline: side("baseline"), candidate: side("candidate") };
  const name = shardName(manifest.shard);
  if (sides.candidate.trials.length !== manifest.pairs.length) {
    throw new PerfgateError("SHARD_INVALID", `${join(dir, SHARD_SIDE_FILES.candidate)}: shard ${name} ran ${manifest.pairs.length} pairs but holds ${sides.candidate.trials.length} candidate trials`);
  }
  if (manifest.kind === "same-runner" && sides.baseline.trials.length !== manifest.pairs.length) {
    throw new PerfgateError("SHARD_INVALID", `${join(dir, SHARD_SIDE_FILES.baseline)}: shard ${name} ran ${manifest.pairs.length} pairs but holds ${sides.baseline.trials.length} baseline trials`);
  }
  return { dir, manifest, sides };
}
function readShardProfile(dir, relativePath) {
  const path = join(dir, relativePath);
  const stat = regularFile(path);
  const inside = relative(realpathSync(dir), realpathSync(path));
  if (inside.startsWith("..") || isAbsolute(inside)) throw new PerfgateError("SHARD_INVALID", `${path}: resolves outside the shard folder ${dir}; refusing to read it`);
  checkProfileFileSize(stat.size, path);
  return decodePprof(readFileSync(path), path);
}
function readCapped(path, cap) {
  const stat = regularFile(path);
  if (stat.size > cap) throw new PerfgateError("SHARD_INVALID", `${path}: ${stat.size} bytes, over the ${cap}-byte cap`);
  return readFileSync(path, "utf8");
}
function regularFile(path) {
  let stat;
  try {
    stat = lstatSync(path);
  } catch (error) {
    throw new PerfgateError("SHARD_INVALID", `${path}: cannot read it (${describeError(error)}); is this a folder written by \`perfgate run --shard I/N\`?`);
  }
  if (!stat.isFile()) throw new PerfgateError("SHARD_INVALID", `${path}: expected a regular file (got a ${stat.isSymbolicLink() ? "symbolic link" : "folder or device"}); refusing to follow it`);
  return stat;
}

export {
  SHARD_FILE,
  writeShardFolder,
  readShardFolder,
  readShardProfile
};
