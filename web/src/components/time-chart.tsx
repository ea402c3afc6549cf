import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface ChartSeries {
  label: string;
  values: (number | null)[];
  color: string;
  width?: number;
  dash?: number[];
  fill?: string;
}

export interface TimeChartProps {
  /** Bucket starts, epoch ms. */
  times: number[];
  series: ChartSeries[];
  /** Indexes into `series` of an upper and lower line to shade between (a baseline band). */
  band?: { upper: number; lower: number; fill: string };
  /** Vertical markers (alerts), epoch ms. */
  markers?: { t: number; label: string }[];
  height?: number;
  yLabel?: string;
  yRange?: [number, number];
}

/** A uPlot time chart that follows its container's width. */
export function TimeChart({ times, series, band, markers = [], height = 220, yLabel, yRange }: TimeChartProps) {
  const el = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const markerRef = useRef(markers);
  markerRef.current = markers;

  useEffect(() => {
    const host = el.current;
    if (!host) return;
    const styles = getComputedStyle(document.documentElement);
    const ink = styles.getPropertyValue('--muted').trim() || '#667';
    const opts: uPlot.Options = {
      width: Math.max(200, host.clientWidth),
      height,
      legend: { show: true, live: false },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: true }, y: yRange ? { range: yRange } : { range: (_u, _min, max) => [0, Math.max(1, max * 1.1)] } },
      axes: [
        { stroke: ink, grid: { stroke: 'rgba(128,128,128,0.15)' } },
        { stroke: ink, grid: { stroke: 'rgba(128,128,128,0.15)' }, label: yLabel, size: 50 },
      ],
      series: [{}, ...series.map((s) => ({ label: s.label, stroke: s.color, width: s.width ?? 2, dash: s.dash, fill: s.fill, points: { show: false }, spanGaps: false }))],
      bands: band ? [{ series: [band.upper + 1, band.lower + 1], fill: band.fill }] : undefined,
      hooks: {
        draw: [
          (u) => {
            const ctx = u.ctx;
            ctx.save();
            ctx.strokeStyle = '#d33';
            ctx.lineWidth = 2 * devicePixelRatio;
            ctx.setLineDash([4 * devicePixelRatio, 3 * devicePixelRatio]);
            for (const m of markerRef.current) {
              const x = u.valToPos(m.t / 1000, 'x', true);
              if (x < u.bbox.left || x > u.bbox.left + u.bbox.width) continue;
              ctx.beginPath();
              ctx.moveTo(x, u.bbox.top);
              ctx.lineTo(x, u.bbox.top + u.bbox.height);
              ctx.stroke();
            }
            ctx.restore();
          },
        ],
      },
    };
    const data = [times.map((t) => t / 1000), ...series.map((s) => s.values)] as uPlot.AlignedData;
    plot.current?.destroy();
    plot.current = new uPlot(opts, data, host);
    const ro = new ResizeObserver(() => plot.current?.setSize({ width: Math.max(200, host.clientWidth), height }));
    ro.observe(host);
    return () => {
      ro.disconnect();
      plot.current?.destroy();
      plot.current = null;
    };
    // Rebuild when the shape changes; data-only changes go through setData below.
  }, [series.length, band?.upper, band?.lower, height, yLabel]);

  useEffect(() => {
    plot.current?.setData([times.map((t) => t / 1000), ...series.map((s) => s.values)] as uPlot.AlignedData);
  }, [times, series, markers]);

  return <div class="chart" ref={el} data-points={times.length} data-markers={markers.length} />;
}

/** Aligns sparse {t, value} rows onto a full bucket grid (missing buckets are 0 or null). */
export function grid(from: number, to: number, step: number): number[] {
  const start = Math.floor(from / step) * step;
  const out: number[] = [];
  for (let t = start; t < to; t += step) out.push(t);
  return out;
}
