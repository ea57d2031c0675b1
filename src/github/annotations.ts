import type { FunctionFinding } from '../analysis/index.js';
import { nanosAsTime, percent, signedPercent } from '../report/format.js';
import type { Report } from '../report/index.js';

export interface Annotation {
  readonly level: 'error' | 'warning';
  /** Path relative to the repository root, as GitHub wants it. */
  readonly file: string;
  readonly startLine: number;
  readonly title: string;
  readonly message: string;
}

/**
 * GitHub shows at most 10 annotations of each level per step (and 50 per job); past that
 * they are dropped silently, so perfgate chooses: the most important regressions first.
 */
export const MAX_ANNOTATIONS = 10;

export interface AnnotationOptions {
  /** Error when the gate fails the step, warning when it only reports. */
  readonly level: 'error' | 'warning';
  /** A function's repository path and start line, when its source is in the repository. */
  readonly locate: (finding: FunctionFinding) => { file: string; line: number } | null;
}

/** One annotation per regressed function whose source is in the repository, most important first. Pure. */
export function regressionAnnotations(report: Report, options: AnnotationOptions): Annotation[] {
  const regressed = report.comparison.findings.filter((f) => f.outcome === 'regressed');
  const located = regressed.flatMap((finding) => {
    const at = options.locate(finding);
    return at ? [{ finding, at }] : [];
  });
  const shown = located.slice(0, MAX_ANNOTATIONS);
  const hidden = located.length - shown.length;
  return shown.map(({ finding, at }, index) => ({
    level: options.level,
    file: at.file,
    startLine: at.line,
    title: `perfgate: ${finding.name} regressed`,
    message:
      `${finding.name} takes ${shareChange(finding)} of busy CPU ` +
      `(self ${nanosAsTime(finding.perRequestNanos.baseline.self)} → ${nanosAsTime(finding.perRequestNanos.candidate.self)} per request; ` +
      `self ${signedPercent(finding.self.ratio)}, total ${signedPercent(finding.total.ratio)}).` +
      (index === shown.length - 1 && hidden > 0 ? ` ${hidden} more regressed function(s) are in the report.` : ''),
  }));
}

function shareChange(f: FunctionFinding): string {
  const metric = f.self.outcome === 'regressed' ? f.self : f.total;
  return `${percent(metric.baselineMedian)} → ${percent(metric.candidateMedian)} (${f.self.outcome === 'regressed' ? 'self' : 'total'})`;
}
