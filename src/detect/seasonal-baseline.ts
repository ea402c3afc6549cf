/**
 * A per-minute count baseline with a daily rhythm: exponentially weighted mean and variance per
 * time-of-day slot (24 one-hour slots by default), read off by linear interpolation between the
 * centres of neighbouring slots so that a steep morning rise does not look like a step at the hour.
 * Learning is robust: once a slot is warm, a minute above mean + 4σ is learned as mean + 4σ, so a
 * surge barely moves the baseline it is judged against.
 */

export interface SeasonalBaselineOptions {
  slotMinutes: number;
  halfLifeDays: number;
  /** Minutes a slot must have seen before it is trusted. */
  minSlotSamples: number;
}

export interface SeasonalBaselineSnapshot {
  options: SeasonalBaselineOptions;
  mean: number[];
  variance: number[];
  samples: number[];
}

export interface Expectation {
  mean: number;
  variance: number;
  warm: boolean;
}

const DAY_MINUTES = 1440;
const WINSOR_SD = 4;

export class SeasonalBaseline {
  readonly slots: number;
  private readonly mean: Float64Array;
  private readonly variance: Float64Array;
  private readonly samples: Float64Array;
  private readonly alpha: number;

  constructor(readonly options: SeasonalBaselineOptions) {
    if (DAY_MINUTES % options.slotMinutes !== 0) throw new RangeError('slotMinutes must divide 1440');
    this.slots = DAY_MINUTES / options.slotMinutes;
    this.mean = new Float64Array(this.slots);
    this.variance = new Float64Array(this.slots);
    this.samples = new Float64Array(this.slots);
    // Each slot sees slotMinutes samples a day.
    this.alpha = 1 - 2 ** (-1 / (options.halfLifeDays * options.slotMinutes));
  }

  private slotOf(minute: number): number {
    const minuteOfDay = (((minute / 60_000) % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES;
    return Math.floor(minuteOfDay / this.options.slotMinutes);
  }

  /** Expected count and variance for the minute starting at `minute` (epoch ms). */
  expect(minute: number): Expectation {
    const minuteOfDay = (((minute / 60_000) % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES;
    // Position in slot-centre coordinates: slot i's centre is at i + 0.5.
    const x = (minuteOfDay + 0.5) / this.options.slotMinutes - 0.5;
    const lo = Math.floor(x);
    const f = x - lo;
    const a = (lo + this.slots) % this.slots;
    const b = (lo + 1) % this.slots;
    const warm = this.samples[a] >= this.options.minSlotSamples && this.samples[b] >= this.options.minSlotSamples;
    return {
      mean: this.mean[a] * (1 - f) + this.mean[b] * f,
      variance: this.variance[a] * (1 - f) + this.variance[b] * f,
      warm,
    };
  }

  /** Whether the slot of this minute has enough history on its own. */
  slotWarm(minute: number): boolean {
    return this.samples[this.slotOf(minute)] >= this.options.minSlotSamples;
  }

  learn(minute: number, count: number): void {
    const s = this.slotOf(minute);
    const n = this.samples[s];
    let x = count;
    if (n >= this.options.minSlotSamples) {
      const cap = this.mean[s] + WINSOR_SD * Math.sqrt(this.variance[s] + this.mean[s] + 1);
      if (x > cap) x = cap;
    }
    const alpha = Math.max(this.alpha, 1 / (n + 1));
    const diff = x - this.mean[s];
    const incr = alpha * diff;
    this.mean[s] += incr;
    this.variance[s] = (1 - alpha) * (this.variance[s] + diff * incr);
    this.samples[s] = n + 1;
  }

  /** Minutes of history before every slot is warm. */
  minutesToWarm(): number {
    let worst = 0;
    for (let s = 0; s < this.slots; s++) worst = Math.max(worst, this.options.minSlotSamples - this.samples[s]);
    return worst;
  }

  snapshot(): SeasonalBaselineSnapshot {
    return { options: { ...this.options }, mean: [...this.mean], variance: [...this.variance], samples: [...this.samples] };
  }

  static restore(s: SeasonalBaselineSnapshot): SeasonalBaseline {
    const b = new SeasonalBaseline(s.options);
    b.mean.set(s.mean);
    b.variance.set(s.variance);
    b.samples.set(s.samples);
    return b;
  }
}
