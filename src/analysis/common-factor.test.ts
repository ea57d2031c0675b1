import { describe, expect, it } from 'vitest';
import { commonFactor, contestedCentre } from './common-factor.js';

/** n evenly spread standard normal scores (a deterministic stand-in for n draws). */
function normalScores(n: number): number[] {
  return Array.from({ length: n }, (_, i) => probit((i + 0.5) / n));
}

function probit(p: number): number {
  // Bisection on the normal CDF (erf by Abramowitz–Stegun 7.1.26 is plenty for test inputs).
  const cdf = (x: number) => {
    const t = 1 / (1 + 0.3275911 * (Math.abs(x) / Math.SQRT2));
    const erf = 1 - (((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t) * Math.exp(-(x * x) / 2);
    return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
  };
  let low = -10;
  let high = 10;
  for (let i = 0; i < 80; i++) {
    const mid = (low + high) / 2;
    if (cdf(mid) < p) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

describe('commonFactor', () => {
  it('is 1 with fewer than five functions', () => {
    expect(commonFactor([{ effect: 0.2, se: 0.01 }])).toBe(1);
  });

  it('within the cluster, weighs a large function by its precision rather than as one vote', () => {
    // One large function at 0 (se 3%) and ten small ones at +6% (se 10%): ten votes peak at
    // +6%, but together they know about as much as the large one does, so the cluster's
    // value is about their precision-weighted mean, +3%. (The vote count alone said +5.5%.)
    const votes = [{ effect: 0, se: 0.03 }, ...normalScores(10).map((z) => ({ effect: 0.06 + 0.01 * z, se: 0.1 }))];
    const spreads = votes.map((v) => v.se ** 2 + 0.01 ** 2);
    const weighted = votes.reduce((a, v, i) => a + v.effect / spreads[i]!, 0) / spreads.reduce((a, s) => a + 1 / s, 0);
    expect(Math.abs(Math.log(commonFactor(votes)) - weighted)).toBeLessThan(0.006);
  });

  it('gives functions that moved no weight, however precise', () => {
    // 40 small functions unchanged (se 10%) and two large ones (se 2%), the candidate's
    // shares all 5% lower; 12 functions 30% slower, measured more precisely than the small ones.
    const unchanged = [...normalScores(40).map((z) => ({ effect: -0.05 + 0.1 * z, se: 0.1 })), { effect: -0.046, se: 0.02 }, { effect: -0.054, se: 0.02 }];
    const moved = normalScores(12).map((z) => ({ effect: -0.05 + Math.log(1.3) + 0.03 * z, se: 0.03 }));
    expect(Math.log(commonFactor([...unchanged, ...moved]))).toBeCloseTo(-0.05, 2);
  });

  it('is not pulled by a group of precise functions that moved 12%', () => {
    // The mode lands a little above the unchanged functions (the small ones' noise); the
    // eight moved ones are then 3–4 of their own standard errors away, which a refinement
    // reaching out to 4.685 of them let pull the value towards themselves.
    const unchanged = [...normalScores(40).map((z) => ({ effect: 0.1 * z, se: 0.1 })), { effect: 0, se: 0.02 }];
    const moved = normalScores(8).map((z) => ({ effect: Math.log(1.12) + 0.01 * z, se: 0.03 }));
    expect(Math.abs(Math.log(commonFactor([...unchanged, ...moved])))).toBeLessThan(0.01);
  });

  it('follows the functions that did not move when one function holding 40% of the CPU got 2× faster', () => {
    // Its own share halves and everyone else's rises by 1 / 0.8: the other functions agree.
    const others = normalScores(30).map((z) => ({ effect: Math.log(1.25) + 0.08 * z, se: 0.08 }));
    expect(commonFactor([{ effect: Math.log(0.5 / 0.8), se: 0.005 }, ...others])).toBeCloseTo(1.25, 2);
  });
});

describe('contestedCentre', () => {
  // Shares of a service whose 20 largest functions but one got 15–30% slower (+7.8% in all):
  // the unchanged ones' shares fell 7.5%, the moved ones' rose 7–20%. The large ones are
  // precise (se 2–4%), the 40 small ones are not (se 10%), and each fits either reading.
  const unchangedSmall = normalScores(40).map((z) => ({ effect: -0.075 + 0.1 * z, se: 0.1 }));
  const renderPage = { effect: -0.075, se: 0.01 };
  const movedLarge = Array.from({ length: 20 }, (_, i) => ({ effect: -0.075 + Math.log(1.15 + (0.15 * i) / 19), se: 0.02 + 0.001 * i }));

  it('is contested when the large functions and the small ones place the unchanged code apart', () => {
    const contest = contestedCentre([renderPage, ...movedLarge, ...unchangedSmall], 0.05);
    expect(contest.contested).toBe(true);
    expect(Math.log(contest.precise / contest.coarse)).toBeGreaterThan(contest.limit);
  });

  it('is not contested when one large function moved, or none did', () => {
    const unchangedLarge = movedLarge.map((f, i) => ({ effect: 0.02 * Math.sin(i), se: f.se }));
    const smalls = normalScores(40).map((z) => ({ effect: 0.1 * z, se: 0.1 }));
    expect(contestedCentre([...unchangedLarge, ...smalls], 0.05).contested).toBe(false);
    // renderPage 2× faster: its share halves, every other rises by 1 / 0.8.
    const others = [...unchangedLarge, ...smalls].map((f) => ({ effect: f.effect + Math.log(1.25), se: f.se }));
    expect(contestedCentre([{ effect: Math.log(0.5 / 0.8), se: 0.005 }, ...others], 0.05).contested).toBe(false);
  });

  it('never contests by less than the effect floor, and needs five functions a half', () => {
    const close = [...normalScores(10).map((z) => ({ effect: 0.001 * z, se: 0.001 })), ...normalScores(10).map((z) => ({ effect: 0.03 + 0.001 * z, se: 0.01 }))];
    expect(contestedCentre(close, 0.05).limit).toBeCloseTo(Math.log(1.05), 6);
    expect(contestedCentre(close, 0.05).contested).toBe(false);
    expect(contestedCentre(close, 0.01).contested).toBe(true);
    expect(contestedCentre(close.slice(0, 4), 0.01).contested).toBe(false);
    // No functions at all (an empty profile): a finite limit, which report.json can carry.
    expect(contestedCentre([], 0.05)).toEqual({ precise: 1, coarse: 1, limit: Math.log1p(0.05), contested: false });
  });
});
