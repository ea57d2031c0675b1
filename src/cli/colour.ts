import type { Verdict } from '../analysis/index.js';

/**
 * Whether to colour what goes to `stream`: on a terminal, unless NO_COLOR is set to
 * anything (no-color.org) or TERM is dumb; FORCE_COLOR turns it on when piped (CI logs
 * that render ANSI). Never inside files: reports are written elsewhere, without it.
 */
export function colourEnabled(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' && env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true && env.TERM !== 'dumb';
}

type Style = 'red' | 'green' | 'yellow' | 'bold' | 'dim';
const CODES: Record<Style, [number, number]> = { red: [31, 39], green: [32, 39], yellow: [33, 39], bold: [1, 22], dim: [2, 22] };

export function paint(text: string, style: Style, enabled: boolean): string {
  if (!enabled) return text;
  const [open, close] = CODES[style];
  return `\x1b[${open}m${text}\x1b[${close}m`;
}

function outcomeStyle(outcome: Verdict['outcome']): Style {
  switch (outcome) {
    case 'pass':
      return 'green';
    case 'fail':
    case 'fail-errors':
      return 'red';
    case 'inconclusive':
      return 'yellow';
    default: {
      const unreachable: never = outcome;
      return unreachable;
    }
  }
}

/**
 * The terminal report with the verdict, the regressed and improved rows and the warnings
 * coloured. Only whole words at the start of a line change, so the tables stay aligned.
 */
export function colourReport(text: string, outcome: Verdict['outcome'], enabled: boolean): string {
  if (!enabled) return text;
  return text
    .split('\n')
    .map((line) => {
      if (line.startsWith('perfgate: ')) return paint(paint(line, outcomeStyle(outcome), true), 'bold', true);
      if (line.startsWith('REGRESSED ')) return paint('REGRESSED', 'red', true) + line.slice('REGRESSED'.length);
      if (line.startsWith('improved ')) return paint('improved', 'green', true) + line.slice('improved'.length);
      if (line.startsWith('warning: ')) return paint('warning:', 'yellow', true) + line.slice('warning:'.length);
      if (line.startsWith('rule: ') || line.startsWith('test: ')) return paint(line, 'dim', true);
      return line;
    })
    .join('\n');
}
