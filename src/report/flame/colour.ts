import type { Outcome } from '../../analysis/index.js';

export interface FrameColour {
  readonly fill: string;
  readonly text: string;
}

/**
 * The colour of a frame, by its function's finding: red slower, blue faster, more
 * intense the larger the change (a doubling or halving is full intensity), grey when the
 * statistics found no significant change. Grey frames vary a little in lightness by name
 * so neighbours stay apart.
 */
export function frameColour(outcome: Outcome | null, ratio: number, name: string): FrameColour {
  let hash = 0;
  for (let i = 0; i < name.length; i++) hash = (hash * 31 + name.charCodeAt(i)) | 0;
  const jitter = ((hash >>> 0) % 1000) / 1000;
  if (outcome === 'regressed' || outcome === 'improved') {
    const size = Number.isFinite(ratio) && ratio > 0 ? Math.min(1, Math.abs(Math.log2(ratio))) : 1;
    // Even a just-significant change must read as red or blue, hence the 0.3 floor.
    const intensity = 0.3 + 0.7 * size;
    const lightness = Math.round(82 - 40 * intensity);
    const hue = outcome === 'regressed' ? 2 : 214;
    return { fill: `hsl(${hue}, ${Math.round(72 + 6 * jitter)}%, ${lightness}%)`, text: lightness < 58 ? '#ffffff' : '#1b1b1b' };
  }
  return { fill: `hsl(40, 6%, ${Math.round(76 + 12 * jitter)}%)`, text: '#1b1b1b' };
}

