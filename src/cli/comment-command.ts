import type { Log } from '../action/publish.js';
import { EXIT, type Command } from './command.js';
import { integerOption, stringOption } from './shared-options.js';

export const commentCommand: Command = {
  name: 'comment',
  summary: 'post the report of a PR check from its artifact as the sticky PR comment (the fork-safe workflow_run half)',
  usage: `      --artifact DIR        the downloaded report artifact (default: perfgate-report); only report.json is read
      --comment-id ID       which sticky comment to update (default: perfgate)
      --comment-author LOGIN  the token's login, when it is a GitHub App's (default: asked, else github-actions[bot])
      --max-api-writes N    writes allowed in this run (default: 20)
      --dry-run             print the comment that would be posted and stop: no token, event or
                            GitHub call needed (the artifact is validated as for posting)

Runs in a workflow_run workflow: reads GITHUB_EVENT_PATH, GITHUB_REPOSITORY, GITHUB_API_URL and
the token from GITHUB_TOKEN. The pull request is found by the run's head SHA and repository.`,
  options: {
    artifact: { type: 'string' },
    'comment-id': { type: 'string' },
    'comment-author': { type: 'string' },
    'max-api-writes': { type: 'string' },
    'dry-run': { type: 'boolean' },
  },
  async run(values, _positionals, io) {
    const text = (name: string) => stringOption(values, name);
    // Octokit loads only when this command runs, not with every command (docs/releasing.md).
    const [{ readEventContext }, { previewComment, runComment }] = await Promise.all([import('../github/event-context.js'), import('../action/comment.js')]);
    if (values['dry-run'] === true) {
      // The event is used only for the link to the check's run, and only when there is one.
      const context = process.env.GITHUB_REPOSITORY && process.env.GITHUB_EVENT_PATH ? await readEventContext() : null;
      io.stdout.write(`${previewComment(text('artifact') ?? 'perfgate-report', text('comment-id') ?? 'perfgate', context)}\n`);
      return EXIT.pass;
    }
    const token = process.env.GITHUB_TOKEN ?? '';
    // The runner masks what it is told to: ::add-mask:: before anything could print the token.
    if (token !== '' && process.env.GITHUB_ACTIONS === 'true') io.stdout.write(`::add-mask::${token}\n`);
    const log: Log = {
      info: (line) => io.stderr.write(`${line}\n`),
      notice: (line) => io.stderr.write(`${line}\n`),
      warning: (line) => io.stderr.write(`warning: ${line}\n`),
      debug: () => undefined,
    };
    const result = await runComment(
      await readEventContext(),
      text('artifact') ?? 'perfgate-report',
      {
        token,
        commentId: text('comment-id') ?? 'perfgate',
        commentAuthor: text('comment-author') ?? '',
        maxApiWrites: integerOption('--max-api-writes', text('max-api-writes') ?? '20', 1),
      },
      log,
    );
    io.stdout.write(result.url ? `commented on #${result.pullRequest}: ${result.url}\n` : 'no comment posted\n');
    return EXIT.pass;
  },
};
