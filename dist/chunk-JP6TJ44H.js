import { createRequire as __perfgateCreateRequire } from 'node:module'; const require = __perfgateCreateRequire(import.meta.url);
import {
  configSchema
} from "./chunk-PRMFOBU2.js";
import {
  valueAt
} from "./chunk-HHDVV6HW.js";
import {
  PerfgateError,
  describeError
} from "./chunk-RXSKCGKU.js";
import {
  external_exports
} from "./chunk-L7LVZID3.js";

// src/config/load-config.ts
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";

// src/config/config-json-schema.ts
var CONFIG_SCHEMA_ID = "https://raw.githubusercontent.com/perfgate/perfgate/v0/perfgate.schema.json";
function configJsonSchema() {
  const schema = external_exports.toJSONSchema(configSchema, {
    // What a user writes (defaults optional), not what parsing returns.
    io: "input",
    override: ({ jsonSchema }) => {
      if (jsonSchema.format === "starts_with") delete jsonSchema.format;
    }
  });
  const { $schema, ...rest } = schema;
  return { $schema, $id: CONFIG_SCHEMA_ID, title: "perfgate.config.json", description: "perfgate configuration (docs/configuration.md)", ...rest };
}
function knownKeysAt(schema, path) {
  let node = schema;
  for (const segment of path) {
    const object = node;
    node = object.properties?.[String(segment)] ?? (typeof object.additionalProperties === "object" ? object.additionalProperties : void 0);
    if (node === void 0) return [];
  }
  return Object.keys(node.properties ?? {});
}

// src/config/unknown-key.ts
function unknownKeyMessage(file, field, key, known) {
  const guess = closestKey(key, known);
  const hint = guess !== void 0 ? `did you mean ${JSON.stringify(guess)}?` : `expected one of ${known.map((k) => JSON.stringify(k)).join(", ")}`;
  return `${file}: ${field}: unknown key ${JSON.stringify(key)} (${hint})`;
}
function closestKey(key, known) {
  let best;
  for (const candidate of known) {
    const distance = candidate.toLowerCase() === key.toLowerCase() ? 0 : editDistance(key, candidate);
    if (best === void 0 || distance < best.distance) best = { key: candidate, distance };
  }
  if (best === void 0) return void 0;
  return best.distance <= Math.max(1, Math.floor(best.key.length / 3)) ? best.key : void 0;
}
function editDistance(a, b) {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d = new Array(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(d[(i - 1) * cols + j] + 1, d[i * cols + j - 1] + 1, d[(i - 1) * cols + j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, d[(i - 2) * cols + j - 2] + 1);
      d[i * cols + j] = value;
    }
  }
  return d[rows * cols - 1];
}

// src/config/load-config.ts
function loadConfig(path, overrides = {}) {
  const configPath = resolve(path);
  let text;
  try {
    text = readFileSync(configPath, "utf8");
  } catch (error) {
    throw new PerfgateError("CONFIG_INVALID", `${path}: cannot read the config file (${describeError(error)})`);
  }
  let raw;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new PerfgateError("CONFIG_INVALID", `${path}: not valid JSON (${describeError(error)})`);
  }
  return parseConfig(raw, configPath, overrides);
}
function parseConfig(raw, configPath, overrides = {}) {
  const result = configSchema.safeParse(raw);
  if (!result.success) {
    throw new PerfgateError("CONFIG_INVALID", formatIssues(configPath, raw, result.error.issues));
  }
  const c = result.data;
  const dir = dirname(configPath);
  const at = (p) => resolve(dir, p);
  const trials = overrides.trials ?? c.trials;
  if (!Number.isInteger(trials) || trials < 2) {
    throw new PerfgateError("USAGE", `--trials must be an integer >= 2 (got ${String(overrides.trials)})`);
  }
  const config = {
    configPath,
    root: at(c.root),
    service: {
      ...c.service,
      cwd: at(c.service.cwd)
    },
    replayPath: at(c.replay),
    baselinePath: overrides.baseline !== void 0 ? resolve(overrides.baseline) : at(c.baseline),
    outputDir: overrides.output !== void 0 ? resolve(overrides.output) : at(c.output),
    trials,
    load: {
      ...c.load,
      ...overrides.measureRequests !== void 0 ? { measureRequests: overrides.measureRequests } : {},
      ...overrides.warmupRequests !== void 0 ? { warmupRequests: overrides.warmupRequests } : {}
    },
    profile: c.profile,
    compare: overrides.baseRef !== void 0 ? { ...c.compare, baseline: "same-runner", baseRef: overrides.baseRef } : c.compare,
    redaction: c.redaction,
    candidateEnv: overrides.candidateEnv ?? {}
  };
  if (config.load.measureRequests < config.load.connections) {
    throw new PerfgateError(
      "CONFIG_INVALID",
      `${configPath}: load.measureRequests (${config.load.measureRequests}) must be at least load.connections (${config.load.connections})`
    );
  }
  return config;
}
function formatIssues(file, raw, issues) {
  const lines = issues.map((issue) => {
    const field = issue.path.length > 0 ? issue.path.map(String).join(".") : "(top level)";
    const got = valueAt(raw, issue.path);
    const shown = got === void 0 ? "" : ` (got ${JSON.stringify(got)})`;
    if (issue.code === "unrecognized_keys") {
      const known = knownKeysAt(configJsonSchema(), issue.path);
      return issue.keys.map((key) => unknownKeyMessage(file, field, key, known)).join("\n");
    }
    if (issue.code === "invalid_type" && got === void 0) {
      return `${file}: ${field}: required (expected ${issue.expected})`;
    }
    return `${file}: ${field}: ${issue.message}${shown}`;
  });
  return lines.join("\n");
}

export {
  loadConfig,
  parseConfig
};
