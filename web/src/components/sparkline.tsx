import type { Point } from '../api.js';

/** A tiny SVG line (no chart library on the overview, which must load fast). */
export function Sparkline({ points, width = 160, height = 36, from, to, step }: { points: Point[]; width?: number; height?: number; from: number; to: number; step: number }) {
  const n = Math.max(1, Math.round((to - from) / step));
  const values = new Array<number>(n).fill(0);
  for (const p of points) {
    const i = Math.floor((p.t - from) / step);
    if (i >= 0 && i < n) values[i] += p.count;
  }
  const max = Math.max(1, ...values);
  const d = values.map((v, i) => `${i === 0 ? 'M' : 'L'}${((i / Math.max(1, n - 1)) * width).toFixed(1)},${(height - 2 - (v / max) * (height - 4)).toFixed(1)}`).join('');
  return (
    <svg class="sparkline" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`posts per hour, max ${max}`}>
      <path d={`${d}L${width},${height}L0,${height}Z`} class="spark-fill" />
      <path d={d} class="spark-line" fill="none" />
    </svg>
  );
}
