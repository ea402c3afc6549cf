import type { Rng } from './rng.js';

/**
 * Sentence templates the simulator fills in. A template is plain text with two kinds of holes:
 *
 *   [a|b|c]   one of the alternatives (an empty one, `[very |]`, lets a word drop out);
 *   {slot}    a value: {n} a small number, {pct} a percentage figure, {time} a clock time,
 *             {place} {incident} {tag} an injected event's place, incident and hashtag,
 *             {link} a URL.
 *
 * Alternatives are written whole by the lexicon's author, so every combination stays
 * grammatical without the generator knowing anything about agreement or case.
 */

export const SLOTS = ['n', 'pct', 'time', 'place', 'incident', 'tag', 'link'] as const;
export type SlotName = (typeof SLOTS)[number];

const SLOT_N = 0;
const SLOT_PCT = 1;
const SLOT_TIME = 2;
const SLOT_PLACE = 3;
const SLOT_INCIDENT = 4;
const SLOT_TAG = 5;
const SLOT_LINK = 6;

/** Text with slots in it, inside an alternative: literal strings and slot indexes. */
export type SlotText = readonly (string | number)[];

/** One alternative: plain text, or text with slots. */
export type Alternative = string | SlotText;

/** Literal text, a set of alternatives, or a slot (its index in SLOTS). */
export type TemplatePart = string | readonly Alternative[] | number;

export interface Template {
  readonly source: string;
  readonly parts: readonly TemplatePart[];
  /** How many alternation parts it has (the length of a choice vector). */
  readonly alternations: number;
  readonly slots: ReadonlySet<SlotName>;
}

export interface SlotValues {
  place?: string;
  incident?: string;
  tag?: string;
  link?: string;
}

export class TemplateError extends Error {
  override name = 'TemplateError';
}

const SLOT = /\{([a-z]+)\}/g;

/** Split text into literal strings and slot indexes. */
function parseSlots(text: string, source: string, offset: number, slots: Set<SlotName>): (string | number)[] {
  const out: (string | number)[] = [];
  let last = 0;
  for (const m of text.matchAll(SLOT)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    const slot = SLOTS.indexOf(m[1] as SlotName);
    if (slot < 0) throw new TemplateError(`unknown slot {${m[1]}} at column ${offset + m.index + 1}: ${source}`);
    out.push(slot);
    slots.add(SLOTS[slot]);
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  const rest = text.replace(SLOT, '');
  if (/[{}]/.test(rest)) throw new TemplateError(`unbalanced brace in template: ${source}`);
  return out;
}

export function compileTemplate(source: string): Template {
  const parts: TemplatePart[] = [];
  const slots = new Set<SlotName>();
  let alternations = 0;
  let i = 0;
  while (i < source.length) {
    const open = source.indexOf('[', i);
    const literalEnd = open < 0 ? source.length : open;
    if (literalEnd > i) {
      const literal = source.slice(i, literalEnd);
      if (literal.includes(']')) throw new TemplateError(`unbalanced bracket at column ${i + literal.indexOf(']') + 1}: ${source}`);
      parts.push(...parseSlots(literal, source, i, slots));
    }
    if (open < 0) break;
    const close = source.indexOf(']', open);
    const nested = source.indexOf('[', open + 1);
    if (close < 0 || (nested >= 0 && nested < close)) throw new TemplateError(`unbalanced bracket at column ${open + 1}: ${source}`);
    const options = source.slice(open + 1, close).split('|');
    if (options.length < 2) throw new TemplateError(`alternation needs at least two options at column ${open + 1}: ${source}`);
    parts.push(
      options.map((option): Alternative => {
        const parsed = parseSlots(option, source, open + 1, slots);
        return parsed.length === 1 && typeof parsed[0] === 'string' ? parsed[0] : parsed.length === 0 ? '' : parsed;
      }),
    );
    alternations++;
    i = close + 1;
  }
  // Merge adjacent literals so rendering appends fewer pieces.
  const merged: TemplatePart[] = [];
  for (const part of parts) {
    const prev = merged[merged.length - 1];
    if (typeof part === 'string' && typeof prev === 'string') merged[merged.length - 1] = prev + part;
    else merged.push(part);
  }
  return { source, parts: merged, alternations, slots };
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

function renderSlot(slot: number, rng: Rng, values: SlotValues): string {
  switch (slot) {
    case SLOT_N:
      return String(2 + rng.int(58));
    case SLOT_PCT:
      return String(2 + rng.int(28));
    case SLOT_TIME:
      return `${pad2(6 + rng.int(17))}:${pad2(15 * rng.int(4))}`;
    case SLOT_PLACE:
      return values.place ?? '';
    case SLOT_INCIDENT:
      return values.incident ?? '';
    case SLOT_TAG:
      return values.tag ?? '';
    case SLOT_LINK:
      return values.link ?? '';
    default:
      return '';
  }
}

function renderAlternative(option: Alternative, rng: Rng, values: SlotValues): string {
  if (typeof option === 'string') return option;
  let out = '';
  for (let i = 0; i < option.length; i++) {
    const piece = option[i];
    out += typeof piece === 'string' ? piece : renderSlot(piece, rng, values);
  }
  return out;
}

const NO_VALUES: SlotValues = {};

/** Fill a template with random alternatives. */
export function renderTemplate(template: Template, rng: Rng, values: SlotValues = NO_VALUES): string {
  let out = '';
  const parts = template.parts;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (typeof part === 'string') out += part;
    else if (typeof part === 'number') out += renderSlot(part, rng, values);
    else out += renderAlternative(part[Math.floor(rng.next() * part.length)], rng, values);
  }
  return out;
}

/** A random choice vector for a template's alternations: a fixed wording of it. */
export function chooseWording(template: Template, rng: Rng): Uint8Array {
  const choices = new Uint8Array(template.alternations);
  let k = 0;
  for (const part of template.parts) {
    if (typeof part === 'object') choices[k++] = rng.int(part.length);
  }
  return choices;
}

/**
 * Render a fixed wording, re-choosing each alternation with probability `swap` — a light
 * rewording (synonym swaps, dropped optional words) of the same sentence.
 */
export function renderWording(template: Template, choices: Uint8Array, rng: Rng, swap: number, values: SlotValues = NO_VALUES): string {
  let out = '';
  let k = 0;
  const parts = template.parts;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (typeof part === 'string') out += part;
    else if (typeof part === 'number') out += renderSlot(part, rng, values);
    else {
      const choice = swap > 0 && rng.next() < swap ? rng.int(part.length) : choices[k];
      out += renderAlternative(part[choice], rng, values);
      k++;
    }
  }
  return out;
}

/** How many distinct texts the alternations of a template can produce (slots not counted). */
export function wordingCount(template: Template): number {
  let count = 1;
  for (const part of template.parts) if (typeof part === 'object') count *= part.length;
  return count;
}
