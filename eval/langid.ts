/**
 * Language identification, side by side: tidewatch's identifier, the same without its trained
 * resolver, fastText lid.176 alone, and the detectors eld, cld3 (cld3-asm) and franc (franc-all),
 * on the HELD-OUT halves (odd 0-based positions) of ../shared/data/langid — the resolver trains
 * on the even halves (scripts/train-langid.ts). Accuracy counts a language a system cannot name
 * as wrong. Speed is strings per CPU-second of this process (wall-clock figures on a shared
 * machine are noise; they are in the JSON too).
 *
 *   npm run eval:langid            prints tables, then one JSON line of headline figures
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { loadModule } from 'cld3-asm';
import { eld } from 'eld/large';
import { franc } from 'franc-all';
import { loadFastTextLid } from '../src/enrich/langid-fasttext.js';
import { fastTextLabelToCode, normalizeLanguageCode } from '../src/enrich/langid-codes.js';
import { createLanguageIdentifier } from '../src/enrich/langid.js';
import { LINGUA_KINDS, readLingua, readTweetLid, readUdhr, readUmsab, requireLangidData, type LabelledText } from './langid-data.js';

interface System {
  name: string;
  identify(text: string): string;
}

interface EvalSet {
  name: string;
  /** What the set is, printed above its table. */
  note: string;
  items: LabelledText[];
  /** Print per-language accuracy. */
  perLanguage: boolean;
}

interface Score {
  accuracy: number;
  n: number;
  stringsPerCpuSecond: number;
  stringsPerWallSecond: number;
  /** gold language → [right, total] */
  byLanguage: Map<string, [number, number]>;
}

async function loadSystems(): Promise<System[]> {
  const tidewatch = await createLanguageIdentifier();
  const withoutResolver = await createLanguageIdentifier({ resolver: false });
  const ft = await loadFastTextLid();
  const cld = (await loadModule()).create(0, 1000);
  return [
    { name: 'tidewatch', identify: (t) => tidewatch.identify(t).lang },
    { name: 'tidewatch-no-resolver', identify: (t) => withoutResolver.identify(t).lang },
    {
      name: 'fasttext',
      identify: (t) => {
        const { labels } = ft.predict(t.replace(/[\r\n]+/g, ' '), 1);
        return labels.length > 0 ? fastTextLabelToCode(labels[0]) : 'und';
      },
    },
    { name: 'eld', identify: (t) => normalizeLanguageCode(eld.detect(t).language) },
    { name: 'cld3', identify: (t) => normalizeLanguageCode(cld.findLanguage(t).language) },
    { name: 'franc', identify: (t) => normalizeLanguageCode(franc(t, { minLength: 1 })) },
  ];
}

function score(system: System, items: LabelledText[]): Score {
  for (const item of items.slice(0, 200)) system.identify(item.text);
  const byLanguage = new Map<string, [number, number]>();
  let right = 0;
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  const guesses = items.map((item) => system.identify(item.text));
  const wall = (performance.now() - wall0) / 1000;
  const cpuUsage = process.cpuUsage(cpu0);
  const cpu = (cpuUsage.user + cpuUsage.system) / 1e6;
  items.forEach((item, i) => {
    const row = byLanguage.get(item.lang) ?? [0, 0];
    row[1]++;
    if (guesses[i] === item.lang) {
      row[0]++;
      right++;
    }
    byLanguage.set(item.lang, row);
  });
  return {
    accuracy: items.length > 0 ? right / items.length : 0,
    n: items.length,
    stringsPerCpuSecond: Math.round(items.length / Math.max(cpu, 1e-6)),
    stringsPerWallSecond: Math.round(items.length / Math.max(wall, 1e-6)),
    byLanguage,
  };
}

const pct = (x: number): string => `${(100 * x).toFixed(1)}`;

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}

function udhrSets(root: string, knownToFastText: ReadonlySet<string>): EvalSet[] {
  const heldOut = readUdhr(root, 'heldout');
  return [
    {
      name: 'udhr-uyghur-arabic',
      note: 'UDHR held-out paragraphs of Uyghur in Arabic script (uig_arab)',
      items: heldOut.filter((p) => p.iso6393 === 'uig' && p.bcp47.endsWith('Arab')),
      perLanguage: false,
    },
    {
      name: 'udhr-fasttext-languages',
      note: 'UDHR held-out paragraphs of every language lid.176 names (one version per row of the file)',
      items: heldOut.filter((p) => knownToFastText.has(p.lang)),
      perLanguage: false,
    },
  ];
}

function umsabSet(root: string): EvalSet | undefined {
  const items = readUmsab(root, 'heldout');
  if (!items) return undefined;
  return {
    name: 'umsab-tweets',
    note: 'UMSAB sentiment tweets in 7 languages, held-out half (label = collection, so a few are wrong; Hindi left out: mostly romanised or English)',
    items,
    perLanguage: true,
  };
}

/** English news-event tweets (Ma et al. 2016), first 20,000: how many stay English. */
function englishTweetsSet(root: string): EvalSet | undefined {
  const path = join(root, '..', 'streams', 'ma2016_events.tsv.gz');
  if (!existsSync(path)) return undefined;
  const lines = gunzipSync(readFileSync(path)).toString('utf8').split('\n').slice(1, 20_001);
  const items = lines.map((l) => l.split('\t')[4] ?? '').filter((t) => t.trim()).map((text) => ({ lang: 'en', text }));
  return { name: 'english-tweets', note: 'English news-event tweets (ma2016, first 20,000 rows; a few are not English)', items, perLanguage: false };
}

async function main(): Promise<void> {
  const root = requireLangidData('eval:langid');
  if (!root) return;
  const systems = await loadSystems();
  const ft = await loadFastTextLid();
  const knownToFastText = new Set(ft.labels().map(fastTextLabelToCode));
  const sets: EvalSet[] = [
    ...LINGUA_KINDS.map((kind) => ({
      name: `lingua-${kind}`,
      note: `lingua ${kind}, held-out half, all 79 languages`,
      items: readLingua(root, kind, 'heldout'),
      perLanguage: kind !== 'single-words',
    })),
    {
      name: 'tweetlid',
      note: 'TweetLID 2014 held-out half: rows labelled es, pt, ca, en, gl or eu (deleted tweets, text "Not Available", left out)',
      items: readTweetLid(root, 'heldout'),
      perLanguage: true,
    },
    ...udhrSets(root, knownToFastText),
  ];
  for (const extra of [umsabSet(root), englishTweetsSet(root)]) if (extra) sets.push(extra);

  console.log('Language identification: trained on even (0-based) lines of each file, evaluated here on the odd lines (held-out halves).');
  console.log('Accuracy in %; a language a system cannot name counts as wrong. Speed: strings per CPU-second.\n');
  const results: Record<string, Record<string, Score>> = {};
  for (const set of sets) {
    results[set.name] = {};
    for (const system of systems) results[set.name][system.name] = score(system, set.items);
    console.log(`== ${set.name} (${set.items.length} texts): ${set.note}`);
    printTable(
      ['system', 'accuracy %', 'strings/s', 'µs/string'],
      systems.map((s) => {
        const r = results[set.name][s.name];
        return [s.name, pct(r.accuracy), String(r.stringsPerCpuSecond), (1e6 / r.stringsPerCpuSecond).toFixed(1)];
      }),
    );
    if (set.perLanguage) {
      const langs = [...results[set.name][systems[0].name].byLanguage.keys()].sort();
      console.log(`\n   per language (${set.name}):`);
      printTable(
        ['lang', 'n', ...systems.map((s) => s.name)],
        langs.map((lang) => {
          const n = results[set.name][systems[0].name].byLanguage.get(lang)![1];
          return [lang, String(n), ...systems.map((s) => {
            const [right, total] = results[set.name][s.name].byLanguage.get(lang)!;
            return pct(right / total);
          })];
        }),
      );
    }
    console.log('');
  }
  const headline: Record<string, Record<string, { accuracy: number; n: number; stringsPerCpuSecond: number; stringsPerWallSecond: number }>> = {};
  for (const [set, bySystem] of Object.entries(results)) {
    headline[set] = {};
    for (const [system, r] of Object.entries(bySystem)) {
      headline[set][system] = { accuracy: Number((100 * r.accuracy).toFixed(2)), n: r.n, stringsPerCpuSecond: r.stringsPerCpuSecond, stringsPerWallSecond: r.stringsPerWallSecond };
    }
  }
  console.log(JSON.stringify({ eval: 'langid', split: 'train on even 0-based lines, evaluate on odd (held-out) lines', sets: headline }));
}

await main();
