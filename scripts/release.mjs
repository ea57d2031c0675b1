// npm run release -- X.Y.Z [--push]
// Cuts a release from a clean main: bumps the version, rebuilds dist/ (the version is baked
// into the bundle), moves CHANGELOG.md's Unreleased entries under the version, points the
// README's install lines at it, commits, tags vX.Y.Z and moves the major tag (v0, v1, …)
// that users pin. With --push it pushes the commit and both tags; the release workflow then
// checks dist/ and publishes the GitHub release. docs/releasing.md is the procedure.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { checkVersion, releaseChangelog } from './release-changelog.mjs';

const args = process.argv.slice(2);
const push = args.includes('--push');
const positional = args.filter((a) => !a.startsWith('--'));
const unknown = args.filter((a) => a.startsWith('--') && a !== '--push');
if (positional.length !== 1 || unknown.length > 0) fail(`usage: npm run release -- X.Y.Z [--push]${unknown.length ? ` (unknown option ${unknown.join(', ')})` : ''}`);

const git = (...a) => execFileSync('git', a, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
const run = (cmd, ...a) => execFileSync(cmd, a, { stdio: ['ignore', 'inherit', 'inherit'] });
const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

try {
  const current = readJson('package.json').version;
  const version = checkVersion(positional[0], current);
  const tag = `v${version}`;
  const majorTag = `v${version.split('.')[0]}`;

  // The tree: clean, on main, and the tag unused — a release is exactly a commit of main.
  const branch = git('rev-parse', '--abbrev-ref', 'HEAD');
  if (branch !== 'main' && process.env.PERFGATE_RELEASE_BRANCH !== branch) fail(`release: on branch ${branch}; releases are cut from main`);
  const dirty = git('status', '--porcelain');
  if (dirty !== '') fail(`release: the working tree has changes; commit or stash them first:\n${dirty}`);
  if (git('tag', '--list', tag) !== '') fail(`release: the tag ${tag} already exists`);

  const changelog = releaseChangelog(readFileSync('CHANGELOG.md', 'utf8'), version, new Date().toISOString().slice(0, 10));

  run('npm', 'version', version, '--no-git-tag-version');
  run('npm', 'run', 'build');
  writeFileSync('CHANGELOG.md', changelog);
  const readme = readFileSync('README.md', 'utf8');
  writeFileSync(
    'README.md',
    readme
      .replace(/releases\/download\/v[\w.-]+\/perfgate-[\w.-]+?\.tgz/g, `releases/download/${tag}/perfgate-${version}.tgz`)
      .replace(/github:perfgate\/perfgate#v\d[\w.-]*/g, `github:perfgate/perfgate#${tag}`),
  );

  run('git', 'add', '--all', '--', 'package.json', 'package-lock.json', 'CHANGELOG.md', 'README.md', 'dist', 'perfgate.schema.json');
  run('git', 'commit', '--quiet', '-m', `Release ${tag}`);
  run('git', 'tag', '--annotate', tag, '-m', `perfgate ${tag}`);
  // The major tag follows the newest release of its major version: `uses: perfgate/perfgate@v0`.
  run('git', 'tag', '--force', '--annotate', majorTag, '-m', `perfgate ${tag}`);
  if (push) {
    run('git', 'push', 'origin', 'HEAD', tag);
    run('git', 'push', '--force', 'origin', majorTag);
  }
  process.stdout.write(
    `released ${tag} (${majorTag} moved to it)\n` +
      (push ? '' : `push it with:\n  git push origin HEAD ${tag} && git push --force origin ${majorTag}\n`),
  );
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}

function fail(message) {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}
