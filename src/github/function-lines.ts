import { readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { FunctionFinding } from '../analysis/index.js';
import { decodePprof, functionKey } from '../profile/index.js';

/**
 * Start lines of functions, read from the candidate's pprof files (the comparison keys
 * functions by name and file only, so that edits above a function do not rename it).
 */
export function functionStartLines(profilePaths: readonly string[]): Map<string, number> {
  const lines = new Map<string, number>();
  for (const path of profilePaths) {
    let profile;
    try {
      profile = decodePprof(readFileSync(path), path);
    } catch {
      continue; // A missing or unreadable profile only costs an annotation.
    }
    const strings = profile.stringTable.strings;
    for (const fn of profile.function) {
      const key = functionKey({ name: strings[Number(fn.name)] ?? '', file: strings[Number(fn.filename)] ?? '' });
      const line = Number(fn.startLine);
      if (line > 0 && !lines.has(key)) lines.set(key, line);
    }
  }
  return lines;
}

/**
 * Where a finding's source is in the repository, or null for Node's own modules,
 * dependencies and anything outside the workspace (GitHub cannot annotate those).
 */
export function locator(lines: ReadonlyMap<string, number>, root: string, workspace: string): (finding: FunctionFinding) => { file: string; line: number } | null {
  return (finding) => {
    const line = lines.get(finding.key);
    if (line === undefined || finding.file === '' || finding.file.startsWith('node:') || /(^|\/)node_modules\//.test(finding.file)) return null;
    const absolute = isAbsolute(finding.file) ? finding.file : resolve(root, finding.file);
    const file = relative(workspace, absolute);
    if (file === '' || file.startsWith('..') || isAbsolute(file)) return null;
    return { file: file.split(sep).join('/'), line };
  };
}

export function profilePathsOf(reportDir: string, profiles: readonly string[]): string[] {
  return profiles.map((p) => join(reportDir, p));
}
