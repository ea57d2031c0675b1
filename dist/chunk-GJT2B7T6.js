import { createRequire as __perfgateCreateRequire } from 'node:module'; const require = __perfgateCreateRequire(import.meta.url);
import {
  PerfgateError,
  describeError
} from "./chunk-RXSKCGKU.js";
import {
  external_exports
} from "./chunk-L7LVZID3.js";

// src/github/event-context.ts
import { readFileSync } from "node:fs";
var sha = external_exports.string().regex(/^[0-9a-f]{40}$/, "expected a 40-digit hex commit id");
var repoName = external_exports.string().regex(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/, "expected owner/name");
var repository = external_exports.object({ full_name: repoName });
var payloadSchema = external_exports.object({
  repository: external_exports.object({ default_branch: external_exports.string().min(1).optional() }).optional(),
  action: external_exports.string().optional(),
  sender: external_exports.object({ login: external_exports.string().min(1) }).optional(),
  label: external_exports.object({ name: external_exports.string() }).optional(),
  pull_request: external_exports.object({
    number: external_exports.number().int().positive(),
    user: external_exports.object({ login: external_exports.string().min(1) }).nullable().optional(),
    head: external_exports.object({ sha, ref: external_exports.string().min(1), repo: repository.nullable() }),
    base: external_exports.object({ sha, ref: external_exports.string().min(1), repo: repository })
  }).optional(),
  workflow_run: external_exports.object({
    id: external_exports.number().int().positive(),
    event: external_exports.string(),
    head_sha: sha,
    head_branch: external_exports.string().nullable(),
    head_repository: repository.nullable().optional(),
    conclusion: external_exports.string().nullable()
  }).optional()
});
async function readEventContext() {
  const env = process.env;
  const repository2 = env.GITHUB_REPOSITORY ?? "";
  const match = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(repository2);
  if (!match) throw new PerfgateError("USAGE", `GITHUB_REPOSITORY: expected "owner/repo" (got ${JSON.stringify(repository2)}); is this running inside GitHub Actions?`);
  const eventPath = env.GITHUB_EVENT_PATH;
  if (eventPath) {
    try {
      JSON.parse(readFileSync(eventPath, "utf8"));
    } catch (error) {
      throw new PerfgateError("USAGE", `GITHUB_EVENT_PATH (${eventPath}): cannot read the event payload (${describeError(error)})`);
    }
  }
  const { context: loaded } = await import("./chunk-PPQTU73Y.js");
  const context = new loaded.constructor();
  const parsed = payloadSchema.safeParse(context.payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new PerfgateError("USAGE", `${eventPath}: event payload field ${issue.path.join(".")}: ${issue.message}`);
  }
  const payload = parsed.data;
  const pr = payload.pull_request;
  const run = payload.workflow_run;
  return {
    eventName: context.eventName ?? "",
    repo: { owner: match[1], repo: match[2] },
    // An empty variable counts as unset (the context keeps it), and no trailing slash.
    apiUrl: (context.apiUrl || "https://api.github.com").replace(/\/+$/, ""),
    serverUrl: (context.serverUrl || "https://github.com").replace(/\/+$/, ""),
    runId: Number.isSafeInteger(context.runId) && context.runId > 0 ? String(context.runId) : null,
    pullRequest: pr ? {
      number: pr.number,
      headSha: pr.head.sha,
      headRef: pr.head.ref,
      headRepo: pr.head.repo?.full_name ?? null,
      baseRepo: pr.base.repo.full_name,
      baseSha: pr.base.sha,
      baseRef: pr.base.ref,
      // A deleted fork (repo null) is still not this repository.
      fromFork: pr.head.repo?.full_name.toLowerCase() !== pr.base.repo.full_name.toLowerCase(),
      author: pr.user?.login ?? null
    } : null,
    sender: payload.sender?.login ?? null,
    label: payload.label?.name ?? null,
    action: payload.action ?? null,
    workflowRun: run ? {
      id: run.id,
      event: run.event,
      headSha: run.head_sha,
      headBranch: run.head_branch,
      headRepo: run.head_repository?.full_name ?? null,
      conclusion: run.conclusion
    } : null,
    defaultBranch: payload.repository?.default_branch ?? null
  };
}
function repoOf(fullName) {
  const [owner = "", repo = ""] = fullName.split("/");
  return { owner, repo };
}

export {
  readEventContext,
  repoOf
};
