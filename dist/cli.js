#!/usr/bin/env node
import { createRequire as __perfgateCreateRequire } from 'node:module'; const require = __perfgateCreateRequire(import.meta.url);
import {
  DEFAULT_MAX_RECORDS,
  appendHistoryFile,
  branchRecords,
  currentRunContext,
  historyPage,
  historyRecord,
  historySteps,
  historySvg,
  parseWholeNumber,
  readHistoryFile,
  unflaggedRises
} from "./chunk-CDD5MUXY.js";
import {
  liveGroups
} from "./chunk-K7LC2DK3.js";
import "./chunk-RADQ4DZD.js";
import {
  PERFGATE_VERSION
} from "./chunk-6KH3PXZ3.js";
import {
  writeFileAtomic
} from "./chunk-BKLRVJWE.js";
import "./chunk-46DMX2E3.js";
import "./chunk-S6SIRFXG.js";
import "./chunk-SB6TE77W.js";
import {
  PerfgateError,
  describeError,
  isPerfgateError
} from "./chunk-RXSKCGKU.js";
import "./chunk-L7LVZID3.js";
import "./chunk-45BS2XPL.js";

// src/bin.ts
import { fileURLToPath } from "node:url";

// src/cli.ts
import { parseArgs } from "node:util";

// src/cli/baseline-command.ts
import { randomUUID } from "node:crypto";

// src/cli/command.ts
var EXIT = { pass: 0, regression: 1, error: 2 };
function exitCodeOf(outcome) {
  switch (outcome) {
    case "pass":
      return EXIT.pass;
    case "fail":
    case "fail-errors":
      return EXIT.regression;
    case "inconclusive":
      return EXIT.error;
    default: {
      const unreachable = outcome;
      return unreachable;
    }
  }
}

// src/cli/shared-options.ts
var MEASURE_OPTIONS = {
  config: { type: "string", short: "c" },
  trials: { type: "string" },
  requests: { type: "string" },
  warmup: { type: "string" },
  output: { type: "string" },
  baseline: { type: "string" },
  "base-ref": { type: "string" },
  "candidate-env": { type: "string", multiple: true },
  json: { type: "boolean" }
};
var MEASURE_USAGE = `  -c, --config FILE     perfgate.config.json (default: ./perfgate.config.json)
      --trials N        trials (fresh service processes) per side
      --requests N      measured requests per trial
      --warmup N        warm-up requests per trial
      --output DIR      report folder
      --baseline FILE   baseline file
      --base-ref REF    measure commit REF here too, interleaved with the candidate (same-runner),
                        instead of comparing with the stored baseline
      --candidate-env NAME=VALUE
                        set NAME in the candidate's service only (repeatable); the base commit in
                        same-runner mode never sees it
      --json            print the result as JSON on stdout (everything else goes to stderr)`;
async function configFromOptions(values) {
  const { loadConfig } = await import("./chunk-UQJJN5HW.js");
  const text = (name) => stringOption(values, name);
  const trials = text("trials");
  const requests = text("requests");
  const warmup = text("warmup");
  const output = text("output");
  const baseline = text("baseline");
  const baseRef = text("base-ref");
  const candidateEnv = candidateEnvOption(values["candidate-env"]);
  const overrides = {
    ...trials !== void 0 ? { trials: integerOption("--trials", trials, 2) } : {},
    ...requests !== void 0 ? { measureRequests: integerOption("--requests", requests, 1) } : {},
    ...warmup !== void 0 ? { warmupRequests: integerOption("--warmup", warmup, 0) } : {},
    ...output !== void 0 ? { output } : {},
    ...baseline !== void 0 ? { baseline } : {},
    ...baseRef !== void 0 ? { baseRef } : {},
    ...candidateEnv !== void 0 ? { candidateEnv } : {}
  };
  const configPath = text("config") ?? "perfgate.config.json";
  return { config: loadConfig(configPath, overrides), configPath };
}
function candidateEnvOption(raw) {
  if (!Array.isArray(raw) || raw.length === 0) return void 0;
  const env = {};
  for (const item of raw) {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(item);
    if (!match) throw new PerfgateError("USAGE", `--candidate-env: expected NAME=VALUE with NAME an environment variable name (got ${JSON.stringify(item)})`);
    env[match[1]] = match[2];
  }
  return env;
}
function integerOption(flag, raw, min) {
  return parseWholeNumber(flag, raw, min);
}
function stringOption(values, name) {
  const value = values[name];
  return typeof value === "string" ? value : void 0;
}

// src/cli/baseline-command.ts
var baselineCommand = {
  name: "baseline",
  summary: "measure the service and write the baseline file (refused if any request failed)",
  usage: MEASURE_USAGE,
  options: MEASURE_OPTIONS,
  async run(values, _positionals, io) {
    const { config } = await configFromOptions(values);
    const [{ runBaseline }, { consoleProgress }] = await Promise.all([import("./chunk-P6PC7RHH.js"), import("./chunk-MDJONBXK.js")]);
    const progress = io.progress ?? consoleProgress(io.stderr);
    const baseline = await runBaseline({ config, agentPath: io.agentPath, progress, runId: randomUUID(), ...io.signal ? { signal: io.signal } : {} });
    const written = `perfgate: wrote the baseline ${config.baselinePath} (${baseline.trials.length} trials, commit ${baseline.commit ?? "none"})
`;
    if (values.json) {
      io.stderr.write(written);
      io.stdout.write(`${JSON.stringify({ baseline: config.baselinePath, trials: baseline.trials.length, commit: baseline.commit ?? null }, null, 2)}
`);
    } else {
      io.stdout.write(written);
    }
    return EXIT.pass;
  }
};

// src/cli/comment-command.ts
var commentCommand = {
  name: "comment",
  summary: "post the report of a PR check from its artifact as the sticky PR comment (the fork-safe workflow_run half)",
  usage: `      --artifact DIR        the downloaded report artifact (default: perfgate-report); only report.json is read
      --comment-id ID       which sticky comment to update (default: perfgate)
      --comment-author LOGIN  the token's login, when it is a GitHub App's (default: asked, else github-actions[bot])
      --max-api-writes N    writes allowed in this run (default: 20)
      --dry-run             print the comment that would be posted and stop: no token, event or
                            GitHub call needed (the artifact is validated as for posting)

Runs in a workflow_run workflow: reads GITHUB_EVENT_PATH, GITHUB_REPOSITORY, GITHUB_API_URL and
the token from GITHUB_TOKEN. The pull request is found by the run's head SHA and repository.`,
  options: {
    artifact: { type: "string" },
    "comment-id": { type: "string" },
    "comment-author": { type: "string" },
    "max-api-writes": { type: "string" },
    "dry-run": { type: "boolean" }
  },
  async run(values, _positionals, io) {
    const text = (name) => stringOption(values, name);
    const [{ readEventContext }, { previewComment, runComment }] = await Promise.all([import("./chunk-G2ALKEW2.js"), import("./chunk-BHSQG7TR.js")]);
    if (values["dry-run"] === true) {
      const context = process.env.GITHUB_REPOSITORY && process.env.GITHUB_EVENT_PATH ? await readEventContext() : null;
      io.stdout.write(`${previewComment(text("artifact") ?? "perfgate-report", text("comment-id") ?? "perfgate", context)}
`);
      return EXIT.pass;
    }
    const token = process.env.GITHUB_TOKEN ?? "";
    if (token !== "" && process.env.GITHUB_ACTIONS === "true") io.stdout.write(`::add-mask::${token}
`);
    const log = {
      info: (line) => io.stderr.write(`${line}
`),
      notice: (line) => io.stderr.write(`${line}
`),
      warning: (line) => io.stderr.write(`warning: ${line}
`),
      debug: () => void 0
    };
    const result = await runComment(
      await readEventContext(),
      text("artifact") ?? "perfgate-report",
      {
        token,
        commentId: text("comment-id") ?? "perfgate",
        commentAuthor: text("comment-author") ?? "",
        maxApiWrites: integerOption("--max-api-writes", text("max-api-writes") ?? "20", 1)
      },
      log
    );
    io.stdout.write(result.url ? `commented on #${result.pullRequest}: ${result.url}
` : "no comment posted\n");
    return EXIT.pass;
  }
};

// src/cli/diff-command.ts
import { resolve } from "node:path";

// src/cli/colour.ts
function colourEnabled(stream, env) {
  if (env.NO_COLOR !== void 0 && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== void 0 && env.FORCE_COLOR !== "" && env.FORCE_COLOR !== "0") return true;
  return stream.isTTY === true && env.TERM !== "dumb";
}
var CODES = { red: [31, 39], green: [32, 39], yellow: [33, 39], bold: [1, 22], dim: [2, 22] };
function paint(text, style, enabled) {
  if (!enabled) return text;
  const [open, close] = CODES[style];
  return `\x1B[${open}m${text}\x1B[${close}m`;
}
function outcomeStyle(outcome) {
  switch (outcome) {
    case "pass":
      return "green";
    case "fail":
    case "fail-errors":
      return "red";
    case "inconclusive":
      return "yellow";
    default: {
      const unreachable = outcome;
      return unreachable;
    }
  }
}
function colourReport(text, outcome, enabled) {
  if (!enabled) return text;
  return text.split("\n").map((line) => {
    if (line.startsWith("perfgate: ")) return paint(paint(line, outcomeStyle(outcome), true), "bold", true);
    if (line.startsWith("REGRESSED ")) return paint("REGRESSED", "red", true) + line.slice("REGRESSED".length);
    if (line.startsWith("improved ")) return paint("improved", "green", true) + line.slice("improved".length);
    if (line.startsWith("warning: ")) return paint("warning:", "yellow", true) + line.slice("warning:".length);
    if (line.startsWith("rule: ") || line.startsWith("test: ")) return paint(line, "dim", true);
    return line;
  }).join("\n");
}

// src/cli/verdict-output.ts
async function writeVerdict(io, values, report, reportDir, filesLine) {
  const { jsonText, renderTerminal } = await import("./chunk-BJNU3MRF.js");
  const exitCode = exitCodeOf(report.comparison.verdict.outcome);
  const human = values.json ? io.stderr : io.stdout;
  human.write(colourReport(renderTerminal(report), report.comparison.verdict.outcome, colourEnabled(human, io.env ?? process.env)));
  human.write(filesLine);
  if (values.json) io.stdout.write(jsonText({ verdict: report.comparison.verdict, exitCode, report: `${reportDir}/report.json` }));
  return exitCode;
}

// src/cli/diff-command.ts
var diffCommand = {
  name: "diff",
  summary: "compare two pprof files (or two folders of trial profiles) with the gate's statistics and report",
  usage: `  BASELINE, CANDIDATE    a pprof file (.pb.gz), a folder with one file per trial, or a quoted
                         pattern such as 'perfgate-report/profiles/candidate-trial-*.pb.gz'
  -o, --output DIR       report folder (default: perfgate-diff)
      --sample-type T    sample type to compare (default: pprof's, the profile's default or last)
  -c, --config FILE      take the compare settings (alpha, floors, ignore) from this config
      --json             print the verdict as JSON on stdout (the report goes to stderr)

Exit code 0 pass, 1 regression, 2 error or inconclusive (always with one profile per side:
statistics need several trials).`,
  options: {
    output: { type: "string", short: "o" },
    "sample-type": { type: "string" },
    config: { type: "string", short: "c" },
    json: { type: "boolean" }
  },
  positionals: { min: 2, max: 2, name: "BASELINE CANDIDATE" },
  async run(values, positionals, io) {
    const [baseline, candidate] = positionals;
    const [{ loadConfig }, { compareSchema }, { runProfileDiff }] = await Promise.all([import("./chunk-UQJJN5HW.js"), import("./chunk-AHS6K3RR.js"), import("./chunk-PVMI4CPJ.js")]);
    const configPath = typeof values.config === "string" ? values.config : void 0;
    const settings = configPath ? loadConfig(configPath).compare : compareSchema.parse({});
    const outputDir = resolve(typeof values.output === "string" ? values.output : "perfgate-diff");
    const sampleType = typeof values["sample-type"] === "string" ? values["sample-type"] : void 0;
    const quote = (s) => /^[\w./*@:+-]+$/.test(s) && !s.includes("*") ? s : `'${s.replace(/'/g, `'\\''`)}'`;
    const reproduce = ["npx perfgate diff", quote(baseline), quote(candidate), ...sampleType ? ["--sample-type", quote(sampleType)] : [], ...configPath ? ["--config", quote(configPath)] : []].join(" ");
    const result = runProfileDiff({ baseline, candidate, outputDir, compare: settings, reproduce, ...sampleType ? { sampleType } : {} });
    return writeVerdict(
      io,
      values,
      result.report,
      result.reportDir,
      `report: ${result.reportDir}/report.md, report.json; merged profiles: ${result.reportDir}/profiles/ (go tool pprof -diff_base profiles/baseline.pb.gz profiles/candidate.pb.gz)
`
    );
  }
};

// src/cli/history-command.ts
import { join, resolve as resolve2 } from "node:path";
var historyCommand = {
  name: "history",
  summary: "the trend of a history file (perfgate run --history): history.html, history.svg and the steps found",
  usage: `  FILE                   an NDJSON history written by perfgate run --history
  -o, --output DIR       where history.html and history.svg go (default: perfgate-history)
      --branch NAME      the branch to chart (default: the one most runs belong to)

Exit code 0, or 2 when the file cannot be read.`,
  options: {
    output: { type: "string", short: "o" },
    branch: { type: "string" }
  },
  positionals: { min: 1, max: 1, name: "FILE" },
  async run(values, positionals, io) {
    const file = resolve2(positionals[0]);
    const all = readHistoryFile(file);
    if (all.length === 0) throw new PerfgateError("HISTORY_INVALID", `${positionals[0]}: no runs in it (or no such file); write one with perfgate run --history ${positionals[0]}`);
    const { branch, records } = branchRecords(all, typeof values.branch === "string" ? values.branch : void 0);
    if (records.length === 0) throw new PerfgateError("USAGE", `--branch ${String(values.branch)}: no run of that branch in ${positionals[0]} (branches: ${[...new Set(all.map((r) => r.branch ?? "(none)"))].join(", ")})`);
    const steps = historySteps(records);
    const dir = resolve2(typeof values.output === "string" ? values.output : "perfgate-history");
    writeFileAtomic(join(dir, "history.svg"), `<?xml version="1.0" encoding="UTF-8"?>
${historySvg(records, steps)}
`);
    writeFileAtomic(join(dir, "history.html"), historyPage(records, steps, branch));
    io.stdout.write(`${records.length} run(s)${branch ? ` of ${branch}` : ""}; ${steps.length === 0 ? "no step found" : `${steps.length} step(s)`}
`);
    for (const s of steps) {
      io.stdout.write(`step: CPU per request ${s.change >= 0 ? "+" : ""}${(s.change * 100).toFixed(1)}% from ${s.commit ?? `run ${s.index + 1}`} (p ${s.p.toFixed(3)})${s.gateFailed ? "" : ", which the gate did not fail"}
`);
    }
    if (unflaggedRises(steps).length > 0) io.stdout.write("warning: CPU per request rose in a step no gate run failed: a regression that crept in below the per-PR threshold\n");
    io.stdout.write(`history: ${join(dir, "history.html")}, ${join(dir, "history.svg")}
`);
    return EXIT.pass;
  }
};

// src/cli/import-har-command.ts
import { readFileSync } from "node:fs";

// src/cli/count.ts
function count(n, singular, plural = `${singular}s`) {
  return `${n} ${n === 1 ? singular : plural}`;
}

// src/cli/redaction-options.ts
import { statSync } from "node:fs";
var REDACTION_OPTIONS = {
  redact: { type: "string", multiple: true },
  keep: { type: "string", multiple: true },
  config: { type: "string", short: "c" }
};
var REDACTION_USAGE = `      --redact NAME       also redact this header or field (repeatable; * wildcards)
      --keep NAME         do not redact this header or field (repeatable)
  -c, --config FILE       take the redaction settings of this perfgate.config.json
Secrets are redacted by default (docs/redaction.md).`;
async function redactionFromOptions(values) {
  const [{ loadConfig }, { redactionRules }] = await Promise.all([import("./chunk-UQJJN5HW.js"), import("./chunk-4DCCVVKC.js")]);
  const fromConfig = typeof values.config === "string" ? loadConfig(values.config).redaction : void 0;
  const extra = listOption(values.redact);
  return redactionRules({
    headers: [...fromConfig?.headers ?? [], ...extra],
    fields: [...fromConfig?.fields ?? [], ...extra],
    keep: [...fromConfig?.keep ?? [], ...listOption(values.keep)]
  });
}
function listOption(value) {
  if (value === void 0) return [];
  const values = Array.isArray(value) ? value : [value];
  return values.flatMap((v) => String(v).split(",")).map((v) => v.trim()).filter((v) => v !== "");
}
function refuseExisting(path, flag) {
  let size = 0;
  try {
    size = statSync(path).size;
  } catch {
    return;
  }
  if (size > 0) throw new PerfgateError("USAGE", `${path} already exists (${size} bytes); pass ${flag} to replace it, or choose another --out`);
}

// src/cli/import-har-command.ts
var importHarCommand = {
  name: "import-har",
  summary: "convert HAR 1.2 files (browser dev tools, Playwright, proxies) into a replay file, secrets redacted",
  usage: `  -o, --out FILE          the replay file to write (NDJSON)
      --host NAME         only entries for this host (repeatable; *.example.com, host:port)
      --method M          only these methods (repeatable or comma-separated)
      --path-prefix P     only paths starting with P (repeatable)
      --path-pattern RE   only paths (with query) matching the regular expression RE (repeatable)
      --status S          only responses with this status: 200, 2xx or 200-299 (repeatable or comma-separated)
      --force             overwrite FILE if it exists
${REDACTION_USAGE}`,
  options: {
    out: { type: "string", short: "o" },
    host: { type: "string", multiple: true },
    method: { type: "string", multiple: true },
    "path-prefix": { type: "string", multiple: true },
    "path-pattern": { type: "string", multiple: true },
    status: { type: "string", multiple: true },
    force: { type: "boolean" },
    ...REDACTION_OPTIONS
  },
  positionals: { min: 1, max: 1e3, name: "FILE.har\u2026" },
  async run(values, positionals, io) {
    const out = typeof values.out === "string" ? values.out : void 0;
    if (out === void 0) throw new PerfgateError("USAGE", "import-har: --out FILE is required (the replay file to write)");
    if (!values.force) refuseExisting(out, "--force");
    const [{ writeFileAtomic: writeFileAtomic2 }, { createRedactor, formatReplayLine, importHar, parseReplay, statusMatcher }] = await Promise.all([import("./chunk-FPOJIX5N.js"), import("./chunk-4DCCVVKC.js")]);
    const filter = {
      hosts: listOption(values.host),
      methods: listOption(values.method),
      pathPrefixes: listOption(values["path-prefix"]),
      pathPatterns: listOption(values["path-pattern"]).map((source) => {
        try {
          return new RegExp(source);
        } catch (error) {
          throw new PerfgateError("USAGE", `--path-pattern: not a regular expression (${describeError(error)}; got ${JSON.stringify(source)})`);
        }
      }),
      statuses: listOption(values.status).map((s) => (statusMatcher(s), s))
    };
    const redactor = createRedactor(await redactionFromOptions(values));
    const records = [];
    let skipped = 0;
    for (const file of positionals) {
      const imported = importHar(readHar(file), file, filter);
      for (const warning of imported.warnings) io.stderr.write(`warning: ${warning}
`);
      skipped += imported.skipped.length;
      for (const record of imported.records) records.push(redactor.redact(record));
    }
    if (records.length === 0) {
      throw new PerfgateError("HAR_INVALID", `no entries to import from ${positionals.join(", ")} (${skipped} left out by the filters or not replayable); nothing written`);
    }
    const text = records.map(formatReplayLine).join("");
    parseReplay(text, out);
    writeFileAtomic2(out, text);
    io.stdout.write(
      `perfgate: wrote ${count(records.length, "request")} to ${out}` + (skipped > 0 ? ` (${count(skipped, "entry", "entries")} left out)` : "") + `; ${count(redactor.replaced, "secret value")} redacted as ${count(redactor.placeholders, "placeholder")}
`
    );
    return EXIT.pass;
  }
};
function readHar(file) {
  let text;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new PerfgateError("HAR_INVALID", `${file}: cannot read the HAR file (${describeError(error)})`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new PerfgateError("HAR_INVALID", `${file}: not valid JSON (${describeError(error)}); a HAR file is one JSON document`);
  }
}

// src/cli/merge-command.ts
import { resolve as resolve3 } from "node:path";
var mergeCommand = {
  name: "merge",
  summary: "combine the folders of `perfgate run --shard I/N` into one comparison, verdict and report (per service, and overall)",
  usage: `  -o, --output DIR      report folder (default: perfgate-report)
DIR\u2026 are the shard folders (each holds a shard.json); a failed or missing shard makes the
verdict inconclusive, and shards of other commits or settings are refused. Shards of several
services (configs) are merged per service into DIR/<service>/, with one report.md giving a
verdict per service and one overall; the exit code is the overall one.`,
  options: { output: { type: "string", short: "o" } },
  positionals: { min: 1, max: 999, name: "DIR\u2026" },
  async run(values, positionals, io) {
    const output = resolve3(stringOption(values, "output") ?? "perfgate-report");
    const [{ mergeServices }, { renderTerminal }] = await Promise.all([import("./chunk-KEEB7J33.js"), import("./chunk-BJNU3MRF.js")]);
    const result = mergeServices(positionals, output);
    const several = result.services.length > 1;
    for (const s of result.services) {
      if (several) io.stdout.write(`
== ${s.service} ==
`);
      io.stdout.write(renderTerminal(s.report));
    }
    if (several) io.stdout.write(`
overall (${result.services.length} services): ${result.outcome}
`);
    io.stdout.write(`report: ${result.reportDir}/${several ? "<service>/" : ""}report.html (flame graph), report.md, report.json
`);
    return exitCodeOf(result.outcome);
  }
};

// src/cli/record-command.ts
var DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;
var STOP_GRACE_MS = 5e3;
var recordCommand = {
  name: "record",
  summary: "a recording reverse proxy: forwards traffic to the service and appends each exchange to a replay file",
  usage: `      --upstream URL      the service to forward to, such as http://127.0.0.1:3000 (required)
      --listen HOST:PORT  where the proxy listens (default 127.0.0.1:8080; port 0 picks a free one)
  -o, --out FILE          the replay file to append to (required)
      --max-requests N    stop after recording N exchanges
      --duration SECONDS  stop after this long
      --max-body BYTES    record request bodies up to this size (default ${DEFAULT_MAX_BODY_BYTES}); larger ones are forwarded, not recorded
      --append            add to an existing FILE
      --force             replace an existing FILE
${REDACTION_USAGE}
Ctrl-C (SIGINT) or SIGTERM also stops it; the file is complete and valid whichever way it ends.`,
  options: {
    upstream: { type: "string" },
    listen: { type: "string" },
    out: { type: "string", short: "o" },
    "max-requests": { type: "string" },
    duration: { type: "string" },
    "max-body": { type: "string" },
    append: { type: "boolean" },
    force: { type: "boolean" },
    ...REDACTION_OPTIONS
  },
  async run(values, _positionals, io) {
    const text = (name) => stringOption(values, name);
    const upstreamText = text("upstream");
    const out = text("out");
    if (upstreamText === void 0) throw new PerfgateError("USAGE", "record: --upstream URL is required (the service to forward to, such as http://127.0.0.1:3000)");
    if (out === void 0) throw new PerfgateError("USAGE", "record: --out FILE is required (the replay file to write)");
    if (values.append && values.force) throw new PerfgateError("USAGE", "record: --append and --force contradict each other; pick one");
    const upstream = parseUpstream(upstreamText);
    const { host, port } = parseListen(text("listen") ?? "127.0.0.1:8080");
    const maxRequests = text("max-requests") !== void 0 ? integerOption("--max-requests", text("max-requests"), 1) : void 0;
    const durationMs = text("duration") !== void 0 ? secondsOption("--duration", text("duration")) : void 0;
    const maxBodyBytes = text("max-body") !== void 0 ? integerOption("--max-body", text("max-body"), 0) : DEFAULT_MAX_BODY_BYTES;
    const [{ createRedactor, formatReplayLine, RecordingProxy, ReplayAppender }, { consoleProgress }] = await Promise.all([import("./chunk-4DCCVVKC.js"), import("./chunk-MDJONBXK.js")]);
    const redactor = createRedactor(await redactionFromOptions(values));
    if (!values.append && !values.force) refuseExisting(out, "--append (add to it) or --force");
    const progress = io.progress ?? consoleProgress(io.stderr);
    const appender = ReplayAppender.open(out, { truncate: Boolean(values.force), onWarning: (w) => progress.line(`warning: ${w}`) });
    const skipReasons = /* @__PURE__ */ new Map();
    let stop = () => void 0;
    const stopped = new Promise((resolve5) => stop = resolve5);
    let proxy;
    try {
      proxy = await RecordingProxy.start({
        upstream,
        host,
        port,
        maxBodyBytes,
        ...maxRequests !== void 0 ? { maxRequests } : {},
        onRecord: (record) => {
          appender.append(formatReplayLine(redactor.redact(record)));
          progress.status(`recorded ${count(appender.lines, "exchange")}`);
        },
        onSkip: (reason) => skipReasons.set(reason, (skipReasons.get(reason) ?? 0) + 1),
        onLimit: () => stop(`recorded ${count(maxRequests ?? 0, "exchange")} (--max-requests)`)
      });
    } catch (error) {
      appender.close();
      throw error;
    }
    progress.line(`perfgate record: listening on ${proxy.origin.origin}, forwarding to ${upstream.origin}${upstream.pathname === "/" ? "" : upstream.pathname}; appending to ${out} (Ctrl-C to stop)`);
    const timer = durationMs !== void 0 ? setTimeout(() => stop(`${durationMs / 1e3} s passed (--duration)`), durationMs) : void 0;
    const onAbort = () => stop(`${String(io.signal?.reason ?? "signal")} received`);
    if (io.signal?.aborted) onAbort();
    io.signal?.addEventListener("abort", onAbort, { once: true });
    const why = await stopped;
    if (timer) clearTimeout(timer);
    io.signal?.removeEventListener("abort", onAbort);
    try {
      await proxy.stop(STOP_GRACE_MS);
    } finally {
      appender.close();
    }
    const notRecorded = [...skipReasons].map(([reason, n]) => `${n} \xD7 ${reason}`);
    io.stdout.write(
      `perfgate: stopped (${why}); recorded ${count(appender.lines, "exchange")} to ${out}; ${count(redactor.replaced, "secret value")} redacted as ${count(redactor.placeholders, "placeholder")}` + (notRecorded.length > 0 ? `; not recorded: ${notRecorded.join("; ")}` : "") + "\n"
    );
    return EXIT.pass;
  }
};
function parseUpstream(text) {
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new PerfgateError("USAGE", `--upstream: expected a URL such as http://127.0.0.1:3000 (got ${JSON.stringify(text)})`);
  }
  if (url.search !== "" || url.hash !== "") throw new PerfgateError("USAGE", `--upstream: expected no query or fragment (got ${JSON.stringify(text)})`);
  return url;
}
function parseListen(text) {
  const match = /^(?:\[([0-9a-fA-F:.]+)\]|([^:]+)):(\d{1,5})$/.exec(text) ?? /^()()(\d{1,5})$/.exec(text);
  const port = match ? Number(match[3]) : NaN;
  if (!match || port > 65535) throw new PerfgateError("USAGE", `--listen: expected HOST:PORT such as 127.0.0.1:8080 (got ${JSON.stringify(text)})`);
  return { host: match[1] || match[2] || "127.0.0.1", port };
}
function secondsOption(flag, raw) {
  const seconds = Number(raw);
  if (!/^\d+(\.\d+)?$/.test(raw) || !(seconds > 0)) throw new PerfgateError("USAGE", `${flag} must be a number of seconds > 0 (got "${raw}")`);
  return seconds * 1e3;
}

// src/cli/replay-command.ts
var SUBCOMMANDS = ["validate", "stats"];
var replayCommand = {
  name: "replay",
  summary: "check a replay file (validate FILE: every bad line) or show its mix (stats FILE: by method and route)",
  usage: `  validate FILE   list every bad line (line number, field, what was expected); exit 0 when valid, 2 when not
  stats FILE      requests by method and by route, recorded statuses, redaction placeholders
      --json      stats as JSON`,
  options: { json: { type: "boolean" } },
  positionals: { min: 2, max: 2, name: `${SUBCOMMANDS.join("|")} FILE` },
  async run(values, positionals, io) {
    const [sub, file] = positionals;
    if (!SUBCOMMANDS.includes(sub)) {
      throw new PerfgateError("USAGE", `replay: unknown subcommand "${sub}" (expected one of ${SUBCOMMANDS.join(", ")})`);
    }
    const [{ checkReplay, readReplayText, replayStats }, { textTable }] = await Promise.all([import("./chunk-4DCCVVKC.js"), import("./chunk-W2HJ4WEF.js")]);
    const check = checkReplay(readReplayText(file), file);
    for (const warning of check.warnings) io.stderr.write(`warning: ${warning}
`);
    if (sub === "validate") {
      for (const problem of check.problems) io.stdout.write(`${file}:${problem.line}: ${problem.message}
`);
      if (check.problems.length > 0) {
        io.stdout.write(`${file}: ${count(check.problems.length, "bad line")}, ${check.requests.length} good
`);
        return EXIT.error;
      }
      if (check.requests.length === 0) throw new PerfgateError("REPLAY_INVALID", `${file}: no requests (the file is empty; expected one JSON request per line)`);
      io.stdout.write(`${file}: valid, ${count(check.requests.length, "request")}
`);
      return EXIT.pass;
    }
    if (check.problems.length > 0) {
      throw new PerfgateError("REPLAY_INVALID", `${file}: ${check.problems.length} bad lines (the first: line ${check.problems[0].line}: ${check.problems[0].message}); run \`perfgate replay validate ${file}\``);
    }
    const stats = replayStats(check.requests);
    io.stdout.write(values.json ? `${JSON.stringify(stats, null, 2)}
` : renderStats(file, stats, textTable));
    return EXIT.pass;
  }
};
function renderStats(file, stats, textTable) {
  const share = (n) => `${(n / Math.max(1, stats.requests) * 100).toFixed(1)}%`;
  const out = [`${file}: ${count(stats.requests, "request")}`, ""];
  out.push(
    ...textTable(
      ["method", "requests", "share"],
      Object.entries(stats.methods).sort((a, b) => b[1] - a[1]).map(([method, n]) => [method, String(n), share(n)]),
      { alignNumbers: true }
    ),
    ""
  );
  out.push(
    ...textTable(
      ["route", "requests", "share", "recorded status", "body bytes", "median recorded ms"],
      stats.routes.map((r) => [
        r.route,
        String(r.requests),
        share(r.requests),
        Object.entries(r.statuses).sort((a, b) => b[1] - a[1]).map(([status, n]) => `${status} \xD7${n}`).join(", "),
        String(r.bodyBytes),
        r.medianDurationMs === void 0 ? "" : r.medianDurationMs.toFixed(1)
      ]),
      { alignNumbers: true }
    ),
    ""
  );
  out.push(`${stats.withStatus} of ${stats.requests} requests carry a recorded status (checked on replay).`);
  if (stats.withPlaceholders > 0) {
    out.push(`${stats.withPlaceholders} requests carry redaction placeholders; map them to test credentials with redaction.substitute (docs/redaction.md).`);
  }
  return `${out.join("\n")}
`;
}

// src/cli/run-command.ts
import { randomUUID as randomUUID2 } from "node:crypto";

// src/cli/history-option.ts
import { resolve as resolve4 } from "node:path";
var HISTORY_OPTIONS = {
  history: { type: "string" },
  "history-max": { type: "string" }
};
var HISTORY_USAGE = `      --history FILE    append this run to an NDJSON history (perfgate history FILE charts it)
      --history-max N   runs the history keeps, the oldest dropped (default: ${DEFAULT_MAX_RECORDS})`;
function appendToHistory(values, report, root) {
  if (typeof values.history !== "string") return null;
  const max = typeof values["history-max"] === "string" ? integerOption("--history-max", values["history-max"], 1) : DEFAULT_MAX_RECORDS;
  const path = resolve4(values.history);
  const { count: count2, dropped } = appendHistoryFile(path, historyRecord(report, currentRunContext(root)), max);
  return `history: run ${count2} of ${values.history}${dropped > 0 ? `; dropped the ${dropped} oldest (keeps ${max}: --history-max)` : ""}`;
}

// src/cli/run-command.ts
var runCommand = {
  name: "run",
  summary: "measure the service, compare with the baseline, report; exit 0 pass, 1 regression, 2 error",
  usage: `${MEASURE_USAGE}
      --shard I/N       run only the I-th of N shares of the pairs and write them to the output folder
                        for \`perfgate merge\` (no verdict; docs/sharding.md)
${HISTORY_USAGE}`,
  options: { ...MEASURE_OPTIONS, ...HISTORY_OPTIONS, shard: { type: "string" } },
  async run(values, _positionals, io) {
    const { config, configPath } = await configFromOptions(values);
    const [{ runGate }, { consoleProgress }] = await Promise.all([import("./chunk-P6PC7RHH.js"), import("./chunk-MDJONBXK.js")]);
    const progress = io.progress ?? consoleProgress(io.stderr);
    const baseRef = stringOption(values, "base-ref");
    const reproduce = `npx perfgate run --config ${configPath}${values.trials !== void 0 ? ` --trials ${config.trials}` : ""}${baseRef !== void 0 ? ` --base-ref ${baseRef}` : ""}`;
    const shard = stringOption(values, "shard");
    if (shard !== void 0) {
      const [{ runShard }, { parseShard }] = await Promise.all([import("./chunk-B2GOUHVC.js"), import("./chunk-335JKIJB.js")]);
      const result2 = await runShard({ config, agentPath: io.agentPath, progress, runId: randomUUID2(), reproduce: `${reproduce} --shard ${shard}`, shard: parseShard("--shard", shard), service: configPath, ...io.signal ? { signal: io.signal } : {} });
      io.stdout.write(`shard ${shard}: pairs ${result2.manifest.pairs.join(", ")} written to ${result2.dir}/ (merge every shard's folder with \`perfgate merge\`)
`);
      return EXIT.pass;
    }
    const result = await runGate({ config, agentPath: io.agentPath, progress, runId: randomUUID2(), reproduce, ...io.signal ? { signal: io.signal } : {} });
    const history = appendToHistory(values, result.report, config.root);
    return writeVerdict(io, values, result.report, result.reportDir, `${history ? `${history}
` : ""}report: ${result.reportDir}/report.html (flame graph), report.md, report.json; profiles: ${result.reportDir}/profiles/
`);
  }
};

// src/cli/index.ts
var COMMANDS = [runCommand, baselineCommand, mergeCommand, diffCommand, recordCommand, importHarCommand, replayCommand, commentCommand, historyCommand];

// src/cli.ts
function usage() {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    "usage: perfgate <command> [options]",
    "",
    "commands:",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "perfgate <command> --help shows its options. -v, --version prints the version.",
    ""
  ].join("\n");
}
async function cli(argv, io) {
  const [name, ...rest] = argv;
  if (name === "-v" || name === "--version") {
    io.stdout.write(`${PERFGATE_VERSION}
`);
    return EXIT.pass;
  }
  if (name === void 0 || name === "-h" || name === "--help" || name === "help") {
    (name === void 0 ? io.stderr : io.stdout).write(usage());
    return name === void 0 ? EXIT.error : EXIT.pass;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(`perfgate: unknown command "${name}" (expected one of ${COMMANDS.map((c) => c.name).join(", ")})

${usage()}`);
    return EXIT.error;
  }
  let parsed;
  try {
    parsed = parseArgs({ args: rest, allowPositionals: true, strict: true, options: { ...command.options, help: { type: "boolean", short: "h" } } });
  } catch (error) {
    io.stderr.write(`perfgate ${command.name}: ${describeError(error)}

usage: perfgate ${command.name} [options]
${command.usage}
`);
    return EXIT.error;
  }
  if (parsed.values.help) {
    io.stdout.write(`usage: perfgate ${command.name} [options]${command.positionals ? ` ${command.positionals.name}` : ""}

${command.summary}

${command.usage}
`);
    return EXIT.pass;
  }
  const allowed = command.positionals ?? { min: 0, max: 0, name: "" };
  if (parsed.positionals.length < allowed.min || parsed.positionals.length > allowed.max) {
    io.stderr.write(
      `perfgate ${command.name}: expected ${allowed.min === allowed.max ? allowed.min : `${allowed.min} to ${allowed.max}`} argument(s)${allowed.name ? ` (${allowed.name})` : ""}, got ${parsed.positionals.length}
`
    );
    return EXIT.error;
  }
  try {
    return await command.run(parsed.values, parsed.positionals, io);
  } catch (error) {
    if (isPerfgateError(error)) io.stderr.write(`perfgate: ${error.message}
`);
    else io.stderr.write(`perfgate: internal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}
`);
    return EXIT.error;
  }
}

// src/bin.ts
var interrupt = new AbortController();
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    if (interrupt.signal.aborted) {
      for (const group of liveGroups()) group.kill();
      process.exit(EXIT.error);
    }
    process.stderr.write(`
perfgate: ${signal} received, stopping the service\u2026
`);
    interrupt.abort(signal);
  });
}
var agentPath = fileURLToPath(new URL("./agent.cjs", import.meta.url));
process.exitCode = await cli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, agentPath, signal: interrupt.signal });
