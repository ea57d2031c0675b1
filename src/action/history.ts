import type { EventContext } from '../github/event-context.js';
import { readDataFile, updateDataFile, type DataFileLocation } from '../github/data-branch.js';
import { appendRecord, branchRecords, currentRunContext, DEFAULT_MAX_RECORDS, historyRecord, historySteps, parseHistory, serializeHistory } from '../history/index.js';
import { trendMarkdown } from '../history/trend-markdown.js';
import { historySvg } from '../history/history-svg.js';
import type { Report } from '../report/index.js';
import type { ActionInputs } from './action-inputs.js';
import type { GitHubClient } from '../github/client.js';
import { githubClient, type Log } from './publish.js';

export interface HistoryOutcome {
  /** The trend section for the comment and the summary; empty when there is nothing to show. */
  readonly comment: string;
  readonly summary: string;
  /** The data branch commit this run's record went into, when it was recorded. */
  readonly recorded: string | null;
  /** The branch's trend chart (history.svg's), for the report folder; null when there is no history. */
  readonly svg: string | null;
}

const NOTHING: HistoryOutcome = { comment: '', summary: '', recorded: null, svg: null };

/**
 * `history: true` in check mode. A run on a history branch (the default branch unless
 * `history-branches` says otherwise), and not a PR, appends its record to the data branch;
 * a PR's run reads the default branch's history and returns the trend to show beside its report.
 */
export async function runHistory(report: Report, context: EventContext | null, inputs: ActionInputs, root: string, log: Log, env: NodeJS.ProcessEnv = process.env): Promise<HistoryOutcome> {
  if (!inputs.history) return NOTHING;
  if (!context || inputs.token === '') {
    log.warning('perfgate: history needs the workflow event and a github-token; nothing was recorded or read.');
    return NOTHING;
  }
  const client = githubClient(context, inputs, log);
  const at: DataFileLocation = { repo: context.repo, branch: inputs.historyBranch, path: inputs.historyFile };
  const recordedBranches = inputs.historyBranches.length > 0 ? inputs.historyBranches : context.defaultBranch ? [context.defaultBranch] : [];
  const source = `${at.branch}:${at.path}`;
  if (context.pullRequest === null) {
    const branch = env.GITHUB_REF_NAME ?? '';
    if (!recordedBranches.includes(branch)) {
      log.info(`perfgate: not recording history for ${branch || 'this ref'} (history-branches: ${recordedBranches.join(', ') || 'the default branch, unknown in this event'})`);
      return NOTHING;
    }
    const run = currentRunContext(root, env);
    const runUrl = context.runId ? `${context.serverUrl}/${context.repo.owner}/${context.repo.repo}/actions/runs/${context.runId}` : null;
    const record = historyRecord(report, { ...run, branch, runUrl });
    let dropped = 0;
    const written = await updateDataFile(
      client,
      at,
      (text) => {
        const next = appendRecord(text === null ? [] : parseHistory(text, source), record, DEFAULT_MAX_RECORDS);
        dropped = next.dropped;
        return serializeHistory(next.records);
      },
      `perfgate: history of ${branch} at ${(report.candidate.commit ?? 'unknown').slice(0, 12)}`,
    );
    log.info(`perfgate: recorded this run in ${source} (commit ${written.commit.slice(0, 12)}, ${written.attempts} attempt(s))${dropped > 0 ? `; dropped the ${dropped} oldest runs (keeps ${DEFAULT_MAX_RECORDS})` : ''}`);
    return { ...NOTHING, recorded: written.commit };
  }
  return readTrend(report, client, at, recordedBranches, source);
}

/**
 * The default branch's trend beside a PR's report: read from the data branch, never
 * written. The comment mode calls it too, since that is where the PR's comment is posted.
 */
export async function prTrend(report: Report, context: EventContext, inputs: Pick<ActionInputs, 'history' | 'historyBranch' | 'historyFile' | 'historyBranches' | 'token' | 'maxApiWrites'>, log: Log): Promise<HistoryOutcome> {
  if (!inputs.history || inputs.token === '') return NOTHING;
  const at: DataFileLocation = { repo: context.repo, branch: inputs.historyBranch, path: inputs.historyFile };
  const recordedBranches = inputs.historyBranches.length > 0 ? inputs.historyBranches : context.defaultBranch ? [context.defaultBranch] : [];
  return readTrend(report, githubClient(context, inputs, log), at, recordedBranches, `${at.branch}:${at.path}`);
}

async function readTrend(report: Report, client: GitHubClient, at: DataFileLocation, recordedBranches: readonly string[], source: string): Promise<HistoryOutcome> {
  const file = await readDataFile(client, at);
  if (file === null) return NOTHING;
  const trendBranch = recordedBranches[0];
  const { branch, records } = branchRecords(parseHistory(file.text, source), trendBranch);
  const steps = historySteps(records);
  const here = report.diffScore ? { cpuMicrosPerRequest: report.diffScore.cpuPerRequest.candidateMedian } : null;
  const name = branch ?? 'the default branch';
  return {
    comment: trendMarkdown(records, steps, name, here),
    summary: trendMarkdown(records, steps, name, here, { mermaid: true }) + 'The whole history as a chart: `trend.svg` in the report artifact.\n',
    recorded: null,
    svg: records.length > 0 ? historySvg(records, steps) : null,
  };
}
