// CHANGELOG.md for releases: the release script turns "## Unreleased" into the release's
// section, and the release workflow publishes that section as the GitHub release's notes.
// Pure: text in, text out.

const UNRELEASED = '## Unreleased';
const VERSION = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/;

/** A version the release script accepts: X.Y.Z, optionally with a pre-release (0.2.0-rc.1). */
export function checkVersion(version, current) {
  if (!VERSION.test(version)) throw new Error(`release: expected a version such as 0.2.0 (got ${JSON.stringify(version)})`);
  if (compareVersions(version, current) <= 0) throw new Error(`release: ${version} is not newer than the current version ${current}`);
  return version;
}

/** Orders X.Y.Z versions; a pre-release sorts before its release (0.2.0-rc.1 < 0.2.0). */
export function compareVersions(a, b) {
  const parse = (v) => {
    const [core, pre] = v.split(/-(.*)/s);
    return { parts: core.split('.').map(Number), pre };
  };
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < 3; i++) if (x.parts[i] !== y.parts[i]) return x.parts[i] - y.parts[i];
  if (x.pre === y.pre) return 0;
  if (x.pre === undefined) return 1;
  if (y.pre === undefined) return -1;
  return x.pre < y.pre ? -1 : 1;
}

/** The changelog with its Unreleased entries moved under "## X.Y.Z — date", and a fresh empty Unreleased. */
export function releaseChangelog(text, version, date) {
  const lines = text.split('\n');
  const start = lines.indexOf(UNRELEASED);
  if (start < 0) throw new Error(`CHANGELOG.md: no "${UNRELEASED}" heading to release`);
  if (lines.includes(`## ${version}`) || lines.some((l) => l.startsWith(`## ${version} `))) throw new Error(`CHANGELOG.md: ${version} already has a section`);
  const end = nextSection(lines, start);
  const entries = lines.slice(start + 1, end).join('\n').trim();
  if (entries === '') throw new Error(`CHANGELOG.md: "${UNRELEASED}" is empty; say what changed before releasing`);
  return [...lines.slice(0, start), UNRELEASED, '', `## ${version} — ${date}`, '', entries, '', ...lines.slice(end)].join('\n');
}

/** The body of a version's section, for the GitHub release. */
export function releaseNotes(text, version) {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l === `## ${version}` || l.startsWith(`## ${version} `));
  if (start < 0) throw new Error(`CHANGELOG.md: no section for ${version} (expected a heading "## ${version} — YYYY-MM-DD")`);
  const notes = lines.slice(start + 1, nextSection(lines, start)).join('\n').trim();
  if (notes === '') throw new Error(`CHANGELOG.md: the section for ${version} is empty`);
  return `${notes}\n`;
}

function nextSection(lines, after) {
  const next = lines.findIndex((l, i) => i > after && l.startsWith('## '));
  return next < 0 ? lines.length : next;
}
