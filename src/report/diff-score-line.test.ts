import { describe, expect, it } from 'vitest';
import { compare, detectability, diffScore } from '../analysis/index.js';
import { compareSchema } from '../config/schema.js';
import { diffScoreLine } from './diff-score-line.js';
import { syntheticTrials } from './fixtures.test-helper.js';

describe('diffScoreLine', () => {
  const settings = compareSchema.parse({});
  const { baseline, candidate } = syntheticTrials();
  const comparison = compare(baseline, candidate, settings);
  const score = diffScore(baseline, candidate, comparison, settings);

  it("leaves CPU per request's bare-test figure out when the run has the gate's own", () => {
    const seen = detectability(comparison, score.cpuPerRequest, settings.maxDetectable, settings.alpha);
    expect(seen.cpuPerRequest).not.toBeNull();
    const line = diffScoreLine(score, seen);
    expect(line).toMatch(/^CPU per request [+-]\d+\.\d% \(95% CI [^;)]+\)/);
    expect(line).not.toMatch(/CPU per request[^;]*would see/);
  });

  it('names the bare test for what it is when the run has no figure of its own (perfgate diff, older reports)', () => {
    expect(diffScoreLine(score)).toMatch(/^CPU per request [^;]+; a bare (sign-flip|mann-whitney) test at α 0\.05 would see \+\d+\.\d% with 80% power\)/);
  });
});
