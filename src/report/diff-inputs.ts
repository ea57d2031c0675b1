import { codeSpanText, escapeMarkdown, nanosAsTime } from './format.js';
import type { ProfileInputs } from './report.js';

/** The footer of a `perfgate diff` report: which files, which sample type. */
export function inputsSentence(inputs: ProfileInputs): string {
  const files = (list: readonly string[]) => (list.length === 1 ? `\`${codeSpanText(list[0] ?? '')}\`` : `${list.length} profiles (\`${codeSpanText(list[0] ?? '')}\` …)`);
  return (
    `Baseline: ${files(inputs.baseline)}; candidate: ${files(inputs.candidate)}. ` +
    `Compared: sample type \`${codeSpanText(inputs.sampleType)}\` (${escapeMarkdown(inputs.unit)}); "busy CPU" above means that sample type's total, and "per request" means per profile when the profiles carry no request count.`
  );
}

/** Formats a per-request value in the unit of the compared sample type (CPU time for gate runs). */
export function perRequestFormatter(inputs: ProfileInputs | undefined): (value: number) => string {
  const unit = inputs?.unit;
  switch (unit) {
    case undefined:
    case 'nanoseconds':
      return nanosAsTime;
    case 'bytes':
      return (v) => (Math.abs(v) >= 1024 * 1024 ? `${(v / (1024 * 1024)).toFixed(2)} MiB` : Math.abs(v) >= 1024 ? `${(v / 1024).toFixed(1)} KiB` : `${v.toFixed(0)} B`);
    default: {
      // The unit is a profile's free text, printed in every per-request cell of the markdown and
      // the HTML: only letters and digits of it are shown.
      const shown = unit.replace(/[^A-Za-z0-9]/g, '').slice(0, 40) || 'units';
      return (v) => `${Number(v.toPrecision(4))} ${shown}`;
    }
  }
}
