import type { Comparison, FunctionFinding, MetricComparison, Replaces } from '../analysis/index.js';
import { allocationCell, bytesAsSize } from './allocation-cells.js';
import { decisiveMetric } from './decisive-metric.js';
import { change, codeSpanText, cpuValue, escapeMarkdown, formatQ, nanosAsTime, signedPercent } from './format.js';

// Markdown table rows of function findings, shared by the gate's and the canary's reports.

/**
 * The top changes: one row per function, showing the metric that decided it (its own time,
 * its total, or its allocations), with that metric's figures and q, so that a row never
 * reads "REGRESSED" beside figures that did not move.
 */
export function topTable(findings: readonly FunctionFinding[], lines: Readonly<Record<string, number>>, perRequest: (value: number) => string): string[] {
  const rows = ['| function | file:line | decided by | per request, baseline → candidate | measured, baseline → candidate | change (95% CI) | q |', '|---|---|---|---:|---:|---|---:|'];
  for (const f of findings) {
    const { name, metric } = decisiveMetric(f);
    const line = lines[f.key];
    const where = f.file === '' ? '(native)' : line ? `${f.file}:${line}` : f.file;
    const perRequestCell =
      name === 'allocations' && f.allocationsPerRequest
        ? `${bytesAsSize(f.allocationsPerRequest.baseline.bytes)} → ${bytesAsSize(f.allocationsPerRequest.candidate.bytes)}`
        : `${perRequest(f.perRequestNanos.baseline[name === 'allocations' ? 'self' : name])} → ${perRequest(f.perRequestNanos.candidate[name === 'allocations' ? 'self' : name])}`;
    rows.push(
      `| ${mark(f)}${escapeMarkdown(f.name)}${tags(f)} | ${escapeMarkdown(where)} | ${DECIDED_BY[name]} | ${perRequestCell} | ${values(metric)} | ${metricChange(metric)} | ${formatQ(metric.q)} |`,
    );
  }
  return rows;
}

export function functionTable(findings: readonly FunctionFinding[], perRequest: (value: number) => string): string[] {
  const rows = [
    '| function | file | self | total | self per request | change self (95% CI) | change total (95% CI) | q (self / total) | allocated per request, change (95% CI) |',
    '|---|---|---:|---:|---:|---|---|---:|---|',
  ];
  for (const f of findings) {
    rows.push(
      `| ${mark(f)}${escapeMarkdown(f.name)}${tags(f)} | ${escapeMarkdown(f.file || '(native)')} | ${values(f.self)} | ${values(f.total)} | ` +
        `${perRequest(f.perRequestNanos.baseline.self)} → ${perRequest(f.perRequestNanos.candidate.self)} | ${metricChange(f.self)} | ${metricChange(f.total)} | ${formatQ(f.self.q)} / ${formatQ(f.total.q)} | ${allocationCell(f)} |`,
    );
  }
  return rows;
}

/**
 * "What changed in the code that ran": packages whose version changed, came or went, with
 * their own CPU per request and its change; then functions new or gone. An upgrade reads
 * "express 4.18.2 → 4.19.0: +X% CPU per request", with its functions in the tables above.
 */
export function codeChangesSection(comparison: Comparison): string[] {
  const packages = (comparison.packages ?? []).filter((p) => p.presence !== 'both' || p.baselineVersions.join() !== p.candidateVersions.join() || p.outcome === 'regressed' || p.outcome === 'improved');
  const oneSided = comparison.findings.filter((f) => f.presence !== 'both' || f.renamedFrom !== undefined || f.replaces !== undefined);
  if (packages.length === 0 && oneSided.length === 0) return [];
  const out = ['### What changed in the code that ran', ''];
  const changed = comparison.changedCode?.cpu;
  if (changed) {
    out.push(
      `All code that came, went or was upgraded, as one unit (own time; code that moved nets out): ${values(changed)}, ${metricChange(changed)}, ${changed.outcome}. New code, or a changed package's code, that regressed alone is blamed only when this rose too.`,
      '',
    );
  }
  if (packages.length > 0) {
    out.push('| package | version, baseline → candidate | own CPU per request | change (95% CI) | q |', '|---|---|---:|---|---:|');
    for (const p of packages) {
      const versions = `${p.baselineVersions.join(', ') || '—'} → ${p.candidateVersions.join(', ') || '—'}`;
      out.push(
        `| ${outcomeMark(p.outcome)}${escapeMarkdown(p.name)} | ${escapeMarkdown(versions)} | ${nanosAsTime(p.perRequestNanos.baseline)} → ${nanosAsTime(p.perRequestNanos.candidate)} | ${metricChange(p.self)}${p.replaces ? `; ${replacesText(p.replaces, p.presence, escapeMarkdown)}` : ''} | ${formatQ(p.self.q)} |`,
      );
    }
    out.push('');
  }
  if (oneSided.length > 0) {
    out.push('| function | file | | total, baseline → candidate | outcome |', '|---|---|---|---:|---|');
    for (const f of oneSided) {
      const what = f.renamedFrom !== undefined ? `renamed from ${escapeMarkdown(f.renamedFrom)}` : f.presence === 'added' ? 'new' : f.presence === 'gone' ? 'gone' : 'changed';
      out.push(`| ${mark(f)}${escapeMarkdown(f.name)} | ${escapeMarkdown(f.file || '(native)')} | ${what}${f.replaces ? `, ${replacesText(f.replaces, f.presence, escapeMarkdown)}` : ''} | ${values(f.total)} | ${f.outcome} |`);
    }
    out.push('');
  }
  return out;
}

/**
 * Why a regression of changed code is not blamed: "replaces code that went: net +1.2% (…)" for
 * new code judged with all changed code, "moved within package express: net −31.0% (…)" for code
 * judged with its package.
 */
export function replacesText(r: Replaces, presence: FunctionFinding['presence'], escape: (text: string) => string = (text) => text): string {
  const net = `net ${signedPercent(r.ratio)} (${signedPercent(r.ci.low)} … ${signedPercent(r.ci.high)}${r.outcome === 'inconclusive' ? ', inconclusive' : ''})`;
  if (r.unit.startsWith('package ')) return `moved within ${escape(r.unit)}: ${net}`;
  return `${presence === 'added' ? 'replaces code that went' : 'code moved'}: ${net}`;
}

const DECIDED_BY = { self: 'own time', total: 'total time', allocations: 'allocations' } as const;

/** New, gone, renamed, or the package versions a library function ran under. */
function tags(f: FunctionFinding): string {
  const parts: string[] = [];
  if (f.presence === 'added') parts.push('new');
  if (f.presence === 'gone') parts.push('gone');
  if (f.renamedFrom !== undefined) parts.push('renamed');
  const pkg = f.package;
  if (pkg && pkg.baselineVersion && pkg.candidateVersion && pkg.baselineVersion !== pkg.candidateVersion) parts.push(`${pkg.name} ${pkg.baselineVersion} → ${pkg.candidateVersion}`);
  return parts.length === 0 ? '' : ` (${escapeMarkdown(parts.join(', '))})`;
}

function mark(f: FunctionFinding): string {
  return outcomeMark(f.outcome);
}

function outcomeMark(outcome: FunctionFinding['outcome']): string {
  switch (outcome) {
    case 'regressed':
      return '🔴 ';
    case 'improved':
      return '🔵 ';
    case 'inconclusive':
      return '⚪ ';
    case 'unchanged':
      return '';
  }
}

/** A metric's two medians: shares as percentages, nanoseconds per request (same-runner) as times. */
function values(metric: MetricComparison): string {
  const show = (v: number) => cpuValue(v, Math.max(metric.baselineMedian, metric.candidateMedian));
  return `${show(metric.baselineMedian)} → ${show(metric.candidateMedian)}`;
}

/** The change and its interval; for a metric zero on one side, its value's interval on the other (what was tested against zero). */
export function metricChange(metric: MetricComparison): string {
  if (metric.costCi) {
    const show = (v: number) => cpuValue(v, metric.costCi!.high);
    const side = Number.isFinite(metric.ratio) ? 'gone' : 'new';
    return `${side} (${show(metric.costCi.low)} … ${show(metric.costCi.high)})`;
  }
  return change(metric);
}

/** Text for inside backticks: a backtick would end the span early. */
export function inlineCode(text: string): string {
  return codeSpanText(text);
}
