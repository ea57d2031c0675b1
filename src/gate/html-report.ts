import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { decodePprof } from '../profile/index.js';
import { functionLines } from '../profile/stacks.js';
import { buildFlameTree, flameMeasures, flamePageData, renderHtml, type NamedProfile, type Report } from '../report/index.js';

/** Each side's merged profiles (CPU, and allocation ones when there are any), decoded. */
export interface SideProfiles {
  readonly candidate: readonly NamedProfile[];
  readonly baseline: readonly NamedProfile[];
}

/**
 * Reads the merged profiles `report.merged` names (relative to the report folder). A
 * side's allocation profile, once there is a merged one, belongs in the same list: the
 * flame graph offers every measure it finds by sample type.
 */
export function readSideProfiles(outputDir: string, merged: Report['merged'], allocations?: Report['mergedAllocations']): SideProfiles {
  const read = (relative: string): NamedProfile => {
    const path = join(outputDir, relative);
    return { profile: decodePprof(readFileSync(path), path), source: path };
  };
  return {
    candidate: [read(merged.candidate), ...(allocations ? [read(allocations.candidate)] : [])],
    baseline: merged.baseline ? [read(merged.baseline), ...(allocations?.baseline ? [read(allocations.baseline)] : [])] : [],
  };
}

/** First lines of the functions in either side's profiles, the candidate's first. */
export function functionLinesOf(sides: SideProfiles): Record<string, number> {
  return functionLines([...sides.candidate, ...sides.baseline].map((p) => p.profile));
}

/** Writes report.html and, beside it, the static flamegraph.svg; returns their paths. */
export function writeHtmlReport(outputDir: string, report: Report, sides: SideProfiles): { html: string; svg: string | null } {
  const measures = flameMeasures(sides.candidate, sides.baseline);
  const flame = measures.length > 0 ? flamePageData(buildFlameTree(measures), report.comparison) : null;
  const rendered = renderHtml(report, flame);
  const html = join(outputDir, 'report.html');
  writeFileAtomic(html, rendered.html);
  if (rendered.svg === null) return { html, svg: null };
  const svg = join(outputDir, 'flamegraph.svg');
  writeFileAtomic(svg, `<?xml version="1.0" encoding="UTF-8"?>\n${rendered.svg}\n`);
  return { html, svg };
}
