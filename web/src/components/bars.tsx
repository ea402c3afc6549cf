import type { Suppressed } from '../api.js';
import { formatNumber } from '../format.js';

/** Horizontal bars for a breakdown, with the k-suppression note when rows were withheld. */
export function Bars({ rows, suppressed, dirAuto = false, empty = 'Nothing yet.' }: { rows: { label: string; value: number; href?: string }[]; suppressed?: Suppressed; dirAuto?: boolean; empty?: string }) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  return (
    <div>
      {rows.length === 0 ? <p class="muted">{empty}</p> : null}
      <ul class="bars">
        {rows.map((r) => (
          <li key={r.label}>
            <span class="bar-label" dir={dirAuto ? 'auto' : undefined} title={r.label}>
              {r.href ? <a href={r.href}>{r.label}</a> : r.label}
            </span>
            <span class="bar-track">
              <span class="bar" style={{ width: `${(r.value / max) * 100}%` }} />
            </span>
            <span class="bar-value">{formatNumber(r.value)}</span>
          </li>
        ))}
      </ul>
      <SuppressedNote suppressed={suppressed} />
    </div>
  );
}

export function SuppressedNote({ suppressed }: { suppressed?: Suppressed }) {
  if (!suppressed || suppressed.rows === 0) return null;
  return (
    <p class="suppressed" data-suppressed={suppressed.rows}>
      {suppressed.rows} {suppressed.rows === 1 ? 'row' : 'rows'} ({formatNumber(suppressed.posts)} posts) withheld: fewer than {suppressed.k} distinct authors.
    </p>
  );
}
