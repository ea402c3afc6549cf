/**
 * Label audit of the UMSAB splits: how far each language's labels agree with signals that do not
 * depend on the model — a tweet's own emoticons and emoji, and repeated texts — to tell a hard
 * language from noisy labels. The figures are in docs/models/sentiment.md.
 *
 *   npx tsx scripts/sentiment/label-audit.ts [--json]
 *
 * For each language and split: of the tweets whose emoticons/emoji all point one way (the rule the
 * distant supervision uses), how many carry the matching label, the opposite polar label, or
 * neutral; and texts repeated within a split or between train and validation, with how many of
 * them keep one label. Reads only; skips with a message when ../shared/data is absent.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { overlapKey, readUmsab, UMSAB_LANGS, withSharedData, type Example, type UmsabLanguage } from './corpora.js';
import { emoticonLabel } from './distant.js';

export interface EmoticonAgreement {
  /** Tweets with one-way emoticons/emoji. */
  n: number;
  /** Labelled with the emoticons' polarity. */
  same: number;
  /** Labelled with the opposite polarity. */
  opposite: number;
  neutral: number;
}

export interface SplitAudit {
  examples: number;
  emoticons: EmoticonAgreement;
  /** Distinct texts that occur more than once, and those among them whose copies share one label. */
  repeated: number;
  repeatedConsistent: number;
}

export function emoticonAgreement(examples: readonly Example[]): EmoticonAgreement {
  const a: EmoticonAgreement = { n: 0, same: 0, opposite: 0, neutral: 0 };
  for (const e of examples) {
    const l = emoticonLabel(e.text);
    if (!l) continue;
    a.n++;
    if (e.label === 1) a.neutral++;
    else if (e.label === l.label) a.same++;
    else a.opposite++;
  }
  return a;
}

export function repeats(examples: readonly Example[]): { repeated: number; consistent: number } {
  const labels = new Map<string, Set<number>>();
  const counts = new Map<string, number>();
  for (const e of examples) {
    const k = overlapKey(e.text);
    if (k.length < 8) continue; // "hair cutting"-length texts repeat by chance
    counts.set(k, (counts.get(k) ?? 0) + 1);
    const s = labels.get(k) ?? new Set<number>();
    s.add(e.label);
    labels.set(k, s);
  }
  let repeated = 0;
  let consistent = 0;
  for (const [k, c] of counts) {
    if (c < 2) continue;
    repeated++;
    if (labels.get(k)!.size === 1) consistent++;
  }
  return { repeated, consistent };
}

export function auditLanguage(data: string, language: UmsabLanguage): Record<'train' | 'val' | 'trainAndVal', SplitAudit> {
  const train = readUmsab(data, language, 'train');
  const val = readUmsab(data, language, 'val');
  const split = (xs: Example[]): SplitAudit => {
    const r = repeats(xs);
    return { examples: xs.length, emoticons: emoticonAgreement(xs), repeated: r.repeated, repeatedConsistent: r.consistent };
  };
  // Between splits: texts in both, counted once per distinct text.
  const valKeys = new Set(val.map((e) => overlapKey(e.text)));
  const both = [...train.filter((e) => valKeys.has(overlapKey(e.text))), ...val.filter((e) => train.some((t) => overlapKey(t.text) === overlapKey(e.text)))];
  return { train: split(train), val: split(val), trainAndVal: split(both) };
}

function main(data: string): number {
  const { values } = parseArgs({ options: { json: { type: 'boolean', default: false } } });
  const out: Record<string, ReturnType<typeof auditLanguage>> = {};
  for (const language of Object.keys(UMSAB_LANGS) as UmsabLanguage[]) out[UMSAB_LANGS[language]] = auditLanguage(data, language);
  if (values.json) {
    console.log(JSON.stringify(out, null, 2));
    return 0;
  }
  const pct = (a: number, b: number): string => (b === 0 ? '—' : `${Math.round((100 * a) / b)}%`);
  console.log('| language | split | emoticon tweets | label = emoticons | opposite | neutral | repeated texts | of which one label | repeated between train and val |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const [lang, a] of Object.entries(out)) {
    for (const s of ['train', 'val'] as const) {
      const e = a[s].emoticons;
      console.log(`| ${lang} | ${s} | ${e.n} | ${e.same} (${pct(e.same, e.n)}) | ${e.opposite} | ${e.neutral} | ${a[s].repeated} | ${a[s].repeatedConsistent} | ${s === 'val' ? `${a.trainAndVal.repeated} (${a.trainAndVal.repeatedConsistent} one label)` : ''} |`);
    }
  }
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = withSharedData('label-audit', main);
