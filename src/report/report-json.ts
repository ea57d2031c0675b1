import type { Report } from './report.js';

/** report.json's text: JSON has no Infinity (written as strings, NaN as null), and six significant digits are plenty. */
export function reportJson(report: Report): string {
  return jsonText(report, 1);
}

/** Any part of a report (a verdict, say) as JSON with report.json's number rules. */
export function jsonText(value: unknown, indent = 2): string {
  return `${JSON.stringify(value, jsonNumbers, indent)}\n`;
}

function jsonNumbers(_key: string, value: unknown): unknown {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : value < 0 ? '-Infinity' : null;
    if (!Number.isInteger(value)) return Number(value.toPrecision(6));
  }
  return value;
}
