import { useEffect, useRef, useState } from 'preact/hooks';
import { api, type Diagnostic } from '../api.js';

/**
 * A query field that lints as you type: a mirror layer under the transparent input draws wavy
 * underlines under the spans the server's diagnostics point at, and the messages show below.
 */
export function QueryInput({ value, onInput, placeholder, id }: { value: string; onInput: (v: string) => void; placeholder?: string; id?: string }) {
  const [diagnostics, setDiagnostics] = useState<Diagnostic[]>([]);
  const mirror = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!value.trim()) {
      setDiagnostics([]);
      return;
    }
    let cancelled = false;
    const t = window.setTimeout(() => {
      api<{ diagnostics: Diagnostic[] }>('/api/watches/lint', { method: 'POST', body: { query: value } }).then(
        (r) => !cancelled && setDiagnostics(r.diagnostics),
        () => undefined,
      );
    }, 150);
    return () => {
      cancelled = true;
      window.clearTimeout(t);
    };
  }, [value]);

  // Segments of the query, each underlined when a diagnostic covers it.
  const segments: { text: string; severity?: 'error' | 'warning' }[] = [];
  const marks = [...diagnostics].filter((d) => d.end > d.start).sort((a, b) => a.start - b.start);
  let pos = 0;
  for (const d of marks) {
    const start = Math.max(pos, Math.min(d.start, value.length));
    const end = Math.min(Math.max(d.end, start), value.length);
    if (start > pos) segments.push({ text: value.slice(pos, start) });
    if (end > start) segments.push({ text: value.slice(start, end), severity: d.severity });
    pos = Math.max(pos, end);
  }
  if (pos < value.length) segments.push({ text: value.slice(pos) });

  const syncScroll = () => {
    if (mirror.current && input.current) mirror.current.scrollLeft = input.current.scrollLeft;
  };

  return (
    <div class="query-input">
      <div class="query-field">
        <div class="query-mirror" ref={mirror} aria-hidden="true" dir="auto">
          {segments.map((s, i) => (s.severity ? <span key={i} class={`lint-${s.severity}`}>{s.text}</span> : s.text))}
        </div>
        <input
          ref={input}
          id={id}
          class="query-text"
          type="text"
          spellcheck={false}
          autocomplete="off"
          dir="auto"
          value={value}
          placeholder={placeholder ?? 'flood AND (valencia OR #dana) lang:es'}
          aria-invalid={diagnostics.some((d) => d.severity === 'error')}
          onInput={(e) => onInput((e.target as HTMLInputElement).value)}
          onScroll={syncScroll}
          onKeyUp={syncScroll}
        />
      </div>
      {diagnostics.length > 0 ? (
        <ul class="diagnostics" role="status">
          {diagnostics.map((d, i) => (
            <li key={i} class={`diag-${d.severity}`}>
              column {d.start + 1}: {d.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
