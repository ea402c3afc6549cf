import { UsageError } from './context.js';

const UNITS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/**
 * A time given on the command line: ISO 8601 (`2026-01-05`, `2026-01-05T12:00Z`), epoch
 * milliseconds, or an age relative to `now` (`90m`, `24h`, `7d`, `2w`).
 */
export function parseTimeFlag(value: string | undefined, flag: string, now = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const rel = /^(\d+(?:\.\d+)?)([mhdw])$/.exec(value);
  if (rel) return now - Number(rel[1]) * UNITS[rel[2]];
  if (/^\d{11,}$/.test(value)) return Number(value);
  const t = Date.parse(value);
  if (!Number.isFinite(t)) throw new UsageError(`${flag} is not a time: ${value} (use ISO 8601, like 2026-01-05T12:00Z, or an age like 24h or 7d)`);
  return t;
}

export function positiveInt(value: string, flag: string, min = 1): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`${flag} must be a whole number ≥ ${min}, not ${value}`);
  return n;
}
