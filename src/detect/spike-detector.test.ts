import { describe, expect, it } from 'vitest';
import type { Alert } from '../model/alert.js';
import { AlertSchema } from '../model/alert.js';
import type { DetectablePost } from './detectable-post.js';
import { SpikeDetector } from './spike-detector.js';
import { seededRandom } from '../sources/simulator/rng.js';

const MINUTE = 60_000;
const DAY = 1440;
const START = Date.UTC(2024, 0, 1);

function poisson(mean: number, rand: () => number): number {
  const l = Math.exp(-mean);
  let k = 0;
  let p = 1;
  do {
    k++;
    p *= rand();
  } while (p > l);
  return k - 1;
}

/** Per-minute counts with a strong daily rhythm (×0.1 at night to ×1.9 in the afternoon). */
function rhythm(days: number, seed: number, base = 20): number[] {
  const rand = seededRandom(seed);
  const counts: number[] = [];
  for (let m = 0; m < days * DAY; m++) counts.push(poisson(base * (1 + 0.9 * Math.sin((2 * Math.PI * m) / DAY)), rand));
  return counts;
}

function feed(detector: SpikeDetector, counts: number[]): Alert[] {
  const alerts: Alert[] = [];
  counts.forEach((c, m) => alerts.push(...detector.observeMinute(START + m * MINUTE, c)));
  return alerts;
}

describe('SpikeDetector on per-minute series', () => {
  it('does not fire on the daily rhythm alone, over a week and several seeds', () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const alerts = feed(new SpikeDetector({ watch: 'w' }), rhythm(7, seed));
      expect(alerts, `seed ${seed}`).toEqual([]);
    }
  });

  it('fires at the minute of a spike, with baseline, observed value and series', () => {
    for (const seed of [1, 2, 3]) {
      const counts = rhythm(5, seed);
      const spikeMinute = 4 * DAY + 600; // day 5, 10:00, on the rising flank of the rhythm
      counts[spikeMinute] += 45;
      const alerts = feed(new SpikeDetector({ watch: 'vaccines' }), counts);
      expect(alerts).toHaveLength(1);
      const a = alerts[0];
      expect(Math.floor((a.firedAt - START) / MINUTE)).toBe(spikeMinute);
      expect(a.startedAt).toBe(START + spikeMinute * MINUTE);
      expect(a.kind).toBe('spike');
      expect(a.watch).toBe('vaccines');
      expect(a.windowMs).toBe(MINUTE);
      expect(a.observed).toBe(counts[spikeMinute]);
      // Expected at 10:00 is 20·(1 + 0.9·sin(2π·600/1440)) ≈ 29.
      expect(a.baseline).toBeGreaterThan(25);
      expect(a.baseline).toBeLessThan(33);
      expect(a.significance).toBeGreaterThanOrEqual(5);
      expect(a.series.at(-1)).toMatchObject({ t: START + spikeMinute * MINUTE, observed: counts[spikeMinute] });
      expect(a.series.length).toBeGreaterThan(30);
      expect(() => AlertSchema.parse(a)).not.toThrow();
    }
  });

  it('fires on a moderate surge that lasts ten minutes, at the window that shows it', () => {
    const counts = rhythm(4, 9);
    const from = 3 * DAY + 900;
    for (let m = from; m < from + 30; m++) counts[m] += 14; // +14/min on ~33/min: no single minute is extreme
    const alerts = feed(new SpikeDetector({ watch: 'w' }), counts);
    expect(alerts).toHaveLength(1);
    const firedMinute = Math.floor((alerts[0].firedAt - START) / MINUTE);
    expect(firedMinute).toBeGreaterThanOrEqual(from);
    expect(firedMinute).toBeLessThan(from + 12);
  });

  it('respects the cool-down: one alert per surge, a new one for a later surge', () => {
    const counts = rhythm(4, 3);
    const first = 3 * DAY + 300;
    for (let m = first; m < first + 20; m++) counts[m] += 60; // one long surge
    const second = first + 30; // a second burst 10 minutes after the surge ends: inside the cool-down
    counts[second] += 80;
    const third = first + 300; // five hours later: a new surge
    counts[third] += 80;
    const alerts = feed(new SpikeDetector({ watch: 'w', cooldownMinutes: 60 }), counts);
    expect(alerts.map((a) => Math.floor((a.firedAt - START) / MINUTE))).toEqual([first, third]);
  });

  it('needs a minimum count: 3 posts where 1 is usual is no alert, 12 where 1 is usual is', () => {
    const quiet: number[] = new Array<number>(3 * DAY).fill(0).map((_, m) => (m % 3 === 0 ? 1 : 0));
    const small = [...quiet];
    small[2 * DAY + 700] = 3;
    expect(feed(new SpikeDetector({ watch: 'w' }), small)).toEqual([]);
    const large = [...quiet];
    large[2 * DAY + 700] = 12;
    expect(feed(new SpikeDetector({ watch: 'w' }), large)).toHaveLength(1);
  });

  it('says it is warming up and fires nothing before a day of history', () => {
    const d = new SpikeDetector({ watch: 'w' });
    const counts = rhythm(1, 4).slice(0, 600);
    counts[500] += 200;
    expect(feed(d, counts)).toEqual([]);
    const status = d.status();
    expect(status.warm).toBe(false);
    expect(status.reason).toMatch(/cold start/);
  });
});

/** Posts for a series of minute counts, spread over each minute, with words. */
function postsFor(counts: number[], words: (minute: number, i: number) => string[]): DetectablePost[] {
  const posts: DetectablePost[] = [];
  counts.forEach((c, m) => {
    for (let i = 0; i < c; i++) {
      const tokens = words(m, i);
      posts.push({
        id: `p${m}-${i}`,
        createdAt: START + m * MINUTE + Math.floor(((i + 0.5) / c) * MINUTE),
        tokens,
        text: tokens.join(' '),
        lang: i % 4 === 0 ? 'es' : 'en',
        platform: 'bluesky',
      });
    }
  });
  return posts;
}

const CHATTER = ['weather', 'coffee', 'traffic', 'music', 'school', 'football', 'dinner', 'movie', 'garden', 'market'];

describe('SpikeDetector on posts (event time)', () => {
  const counts = rhythm(3, 11, 10);
  const spikeMinute = 2 * DAY + 720;
  counts[spikeMinute] += 40;
  const posts = postsFor(counts, (m, i) => {
    const base = [CHATTER[(m * 7 + i) % CHATTER.length], CHATTER[(m + i * 3) % CHATTER.length], 'vaccine'];
    // The extra posts of the spike minute talk about a recall.
    return m === spikeMinute && i >= counts[spikeMinute] - 40 ? [...base, 'recall', 'batch', 'contaminated'] : base;
  });

  function run(input: DetectablePost[]): Alert[] {
    const d = new SpikeDetector({ watch: 'vaccines' });
    const alerts: Alert[] = [];
    for (const p of input) alerts.push(...d.observe(p));
    alerts.push(...d.flush());
    return alerts;
  }

  it('fires on the post that makes the minute significant and names the driving terms', () => {
    const alerts = run(posts);
    expect(alerts).toHaveLength(1);
    const a = alerts[0];
    expect(Math.floor((a.firedAt - START) / MINUTE)).toBe(spikeMinute);
    expect(a.firedAt % MINUTE).not.toBe(MINUTE - 1); // mid-minute: fired by a post, not at the minute's close
    expect(a.terms.slice(0, 3).map((t) => t.term).sort()).toEqual(['batch', 'contaminated', 'recall']);
    expect(a.terms[0].observed).toBeGreaterThan(a.terms[0].baseline);
    expect(a.terms.map((t) => t.term)).not.toContain('vaccine'); // in every post: no rise
    expect(a.languages.en).toBeGreaterThan(0);
    expect(a.platforms).toHaveProperty('bluesky');
    expect(a.representative.length).toBeGreaterThan(0);
    expect(a.representative[0].text).toContain('recall');
  });

  it('gives the same alerts when posts arrive shuffled within the lateness tolerance', () => {
    const rand = seededRandom(5);
    const shuffled = [...posts];
    // Swap neighbours up to ~2 s apart (tolerance is 5 s).
    for (let i = 0; i + 1 < shuffled.length; i++) {
      if (rand() < 0.5 && shuffled[i + 1].createdAt - shuffled[i].createdAt < 2_000) [shuffled[i], shuffled[i + 1]] = [shuffled[i + 1], shuffled[i]];
    }
    expect(shuffled).not.toEqual(posts);
    expect(run(shuffled)).toEqual(run(posts));
  });

  it('continues from a JSON snapshot exactly as without the restart', () => {
    const whole = run(posts);
    const d = new SpikeDetector({ watch: 'vaccines' });
    const cut = posts.findIndex((p) => p.createdAt >= START + (2 * DAY + 100) * MINUTE);
    const alerts: Alert[] = [];
    for (const p of posts.slice(0, cut)) alerts.push(...d.observe(p));
    const restored = SpikeDetector.restore(JSON.parse(JSON.stringify(d.snapshot())));
    for (const p of posts.slice(cut)) alerts.push(...restored.observe(p));
    alerts.push(...restored.flush());
    expect(alerts).toEqual(whole);
  });

  it('closes quiet minutes when stream time advances without posts', () => {
    const d = new SpikeDetector({ watch: 'w' });
    d.observe({ id: 'a', createdAt: START + 10, tokens: ['x'] });
    d.advanceTo(START + 10 * MINUTE);
    expect(d.status().closedUntil).toBe(START + 9 * MINUTE);
  });
});
