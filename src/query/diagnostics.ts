/** Errors and warnings about a query, pointing at the text they concern. */

export type DiagnosticCode =
  | 'empty-query'
  | 'unbalanced-paren'
  | 'empty-group'
  | 'unterminated-quote'
  | 'empty-phrase'
  | 'dangling-operator'
  | 'lowercase-operator'
  | 'mixed-and-or'
  | 'near-distance'
  | 'near-operand'
  | 'near-chain'
  | 'wildcard-too-short'
  | 'wildcard-position'
  | 'wildcard-word'
  | 'wildcard-expansion'
  | 'unknown-field'
  | 'field-value'
  | 'no-people'
  | 'no-words'
  | 'unexpected-character'
  | 'too-deep'
  | 'too-long'
  | 'negative-only'
  | 'unsupported';

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  severity: Severity;
  code: DiagnosticCode;
  message: string;
  /** What to write instead, when there is an obvious fix. */
  hint?: string;
  /** UTF-16 offsets into the query text (`end` exclusive). */
  start: number;
  end: number;
  /** 1-based line and column of `start`; the column counts characters (code points). */
  line: number;
  column: number;
}

/** Raised by APIs that take a query and cannot go on: carries every diagnostic. */
export class QueryError extends Error {
  override name = 'QueryError';
  constructor(
    readonly diagnostics: Diagnostic[],
    readonly query?: string,
  ) {
    super(diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.line}:${d.column}: ${d.message}`).join('; ') || 'invalid query');
  }
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Line and (code point) column of a UTF-16 offset, both 1-based. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(Math.max(offset, 0), text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  let column = 1;
  for (let i = lineStart; i < end; i++) {
    const c = text.charCodeAt(i);
    // A high surrogate and its low surrogate are one character.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) i++;
    column++;
  }
  return { line, column };
}

/** Builds diagnostics for one query text. */
export class DiagnosticSink {
  readonly diagnostics: Diagnostic[] = [];
  constructor(readonly text: string) {}

  add(severity: Severity, code: DiagnosticCode, start: number, end: number, message: string, hint?: string): void {
    const { line, column } = positionOf(this.text, start);
    const d: Diagnostic = { severity, code, message, start, end: Math.max(end, start), line, column };
    if (hint) d.hint = hint;
    this.diagnostics.push(d);
  }
  error(code: DiagnosticCode, start: number, end: number, message: string, hint?: string): void {
    this.add('error', code, start, end, message, hint);
  }
  warn(code: DiagnosticCode, start: number, end: number, message: string, hint?: string): void {
    this.add('warning', code, start, end, message, hint);
  }
  get hasErrors(): boolean {
    return hasErrors(this.diagnostics);
  }
}

// Characters a terminal draws two columns wide (East Asian wide and full-width forms).
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1f64f}\u{1f900}-\u{1f9ff}\u{20000}-\u{3fffd}]/u;
const ZERO_WIDTH = /[\p{M}\u200b-\u200f\u2060\ufeff]/u;

function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ZERO_WIDTH.test(ch) ? 0 : WIDE.test(ch) ? 2 : ch === '\t' ? 1 : 1;
  return w;
}

/**
 * Human-readable diagnostics with the offending line and a caret under the span, e.g.
 *
 *     error[unbalanced-paren] 1:1: `(` is never closed
 *       1 | (climate OR weather
 *         | ^
 *       hint: add `)` where the group ends
 */
export function formatDiagnostics(text: string, diagnostics: readonly Diagnostic[]): string {
  const lines = text.split('\n');
  const out: string[] = [];
  for (const d of diagnostics) {
    out.push(`${d.severity}[${d.code}] ${d.line}:${d.column}: ${d.message}`);
    const lineText = (lines[d.line - 1] ?? '').replace(/\t/g, ' ');
    const lineStart = lines.slice(0, d.line - 1).reduce((n, l) => n + l.length + 1, 0);
    const before = lineText.slice(0, Math.max(0, d.start - lineStart));
    const spanEnd = Math.min(d.end, lineStart + lineText.length);
    const marked = lineText.slice(Math.max(0, d.start - lineStart), Math.max(0, spanEnd - lineStart));
    const gutter = String(d.line);
    const pad = ' '.repeat(gutter.length);
    out.push(`  ${gutter} | ${lineText}`);
    out.push(`  ${pad} | ${' '.repeat(displayWidth(before))}${'^'.repeat(Math.max(1, displayWidth(marked)))}`);
    if (d.hint) out.push(`  ${pad}   hint: ${d.hint}`);
  }
  return out.join('\n');
}
