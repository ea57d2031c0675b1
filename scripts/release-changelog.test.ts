import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript module run by node directly (scripts/release.mjs)
import { checkVersion, compareVersions, releaseChangelog, releaseNotes } from './release-changelog.mjs';

const CHANGELOG = `# Changelog

Intro.

## Unreleased

### Fixed
- a thing

## 0.1.0

The first version.
`;

describe('release changelog', () => {
  it('moves the Unreleased entries under the version and leaves an empty Unreleased', () => {
    const released = releaseChangelog(CHANGELOG, '0.2.0', '2026-11-30');
    expect(released).toBe(`# Changelog

Intro.

## Unreleased

## 0.2.0 — 2026-11-30

### Fixed
- a thing

## 0.1.0

The first version.
`);
    expect(releaseNotes(released, '0.2.0')).toBe('### Fixed\n- a thing\n');
    expect(releaseNotes(released, '0.1.0')).toBe('The first version.\n');
  });

  it('refuses an empty Unreleased section, a version released twice, and a version with no section', () => {
    expect(() => releaseChangelog('# Changelog\n\n## Unreleased\n\n## 0.1.0\n\nx\n', '0.2.0', '2026-11-30')).toThrow('"## Unreleased" is empty');
    expect(() => releaseChangelog(CHANGELOG, '0.1.0', '2026-11-30')).toThrow('0.1.0 already has a section');
    expect(() => releaseNotes(CHANGELOG, '0.3.0')).toThrow('no section for 0.3.0');
  });

  it('accepts only newer X.Y.Z versions', () => {
    expect(checkVersion('0.2.0', '0.1.0')).toBe('0.2.0');
    expect(checkVersion('0.2.0-rc.1', '0.1.0')).toBe('0.2.0-rc.1');
    expect(() => checkVersion('v0.2.0', '0.1.0')).toThrow('expected a version such as 0.2.0 (got "v0.2.0")');
    expect(() => checkVersion('0.1.0', '0.1.0')).toThrow('not newer than the current version 0.1.0');
    expect(compareVersions('0.2.0-rc.1', '0.2.0')).toBeLessThan(0);
    expect(compareVersions('0.10.0', '0.9.1')).toBeGreaterThan(0);
  });
});
