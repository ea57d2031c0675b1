// node scripts/release-notes.mjs vX.Y.Z: prints CHANGELOG.md's section for the tag, for the
// release workflow's GitHub release; fails unless the tag is package.json's version.
import { readFileSync } from 'node:fs';
import { releaseNotes } from './release-changelog.mjs';

const tag = process.argv[2] ?? '';
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
try {
  if (tag !== `v${version}`) throw new Error(`release-notes: the tag ${JSON.stringify(tag)} is not package.json's version v${version}; tag with npm run release`);
  process.stdout.write(releaseNotes(readFileSync('CHANGELOG.md', 'utf8'), version));
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
}
