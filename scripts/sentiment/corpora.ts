/**
 * Readers for the public sentiment sets in ../shared/data (see its README). Every reader returns
 * plain examples; none of them copies data anywhere. Labels: 0 negative, 1 neutral, 2 positive.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';

export type Label = 0 | 1 | 2;
export interface Example {
  text: string;
  label: Label;
  lang: string;
  /** Where it came from, for per-source weighting and reporting. */
  source: string;
  /** Line in its file (0-based), for the labelled sets read line by line. */
  row?: number;
}

export const UMSAB_LANGS = {
  arabic: 'ar',
  english: 'en',
  french: 'fr',
  german: 'de',
  hindi: 'hi',
  italian: 'it',
  portuguese: 'pt',
  spanish: 'es',
} as const;
export type UmsabLanguage = keyof typeof UMSAB_LANGS;

/** The package root: the nearest folder above this module with a package.json. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('package.json not found above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
  return dir;
}

/** ../shared/data beside the package root, or $TIDEWATCH_SHARED_DATA; undefined when absent. */
export function sharedDataDir(): string | undefined {
  const data = process.env.TIDEWATCH_SHARED_DATA ?? resolve(packageRoot(), '..', 'shared', 'data');
  return existsSync(join(data, 'sentiment')) ? data : undefined;
}

/** Runs a read-only script on ../shared/data; where the data is absent it says so and does nothing. */
export function withSharedData(script: string, run: (data: string) => number): number {
  const data = sharedDataDir();
  if (!data) {
    console.error(`${script}: ../shared/data not found; skipped`);
    return 0;
  }
  return run(data);
}

function lines(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  const out = text.split('\n');
  if (out.at(-1) === '') out.pop();
  return out;
}

/** UMSAB tweets keep escapes such as `\u2019` and `\u002c` literally; undo them. */
export function unescapeTweet(s: string): string {
  return s.replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function labelled(dir: string, split: string, lang: string, source: string): Example[] {
  const texts = lines(join(dir, `${split}_text.txt`));
  const labels = lines(join(dir, `${split}_labels.txt`));
  if (texts.length !== labels.length) throw new Error(`${dir}/${split}: ${texts.length} texts but ${labels.length} labels`);
  return texts.map((t, i) => {
    const label = Number(labels[i]);
    if (label !== 0 && label !== 1 && label !== 2) throw new Error(`${dir}/${split}_labels.txt line ${i + 1}: bad label ${labels[i]}`);
    return { text: unescapeTweet(t), label, lang, source, row: i };
  });
}

/**
 * Rows [start, end) of UMSAB training splits, by source, whose labels look independent of their
 * texts, as `npx tsx scripts/sentiment/alignment-audit.ts` found them before the stems were added:
 * a model trained without Hindi predicted Hindi rows 0–1195 at 0.36 accuracy (chance: 0.33) and the
 * rest at 0.46, and training on these rows taught it nothing about them (with the stems the audit
 * finds rows 175–1195, 0.35 against 0.44). Training keeps them by default: leaving them out
 * (`--drop-unaligned`) did not raise the dev score (docs/models/sentiment.md, "Alignment audit").
 */
export const UMSAB_UNALIGNED_TRAIN_ROWS: Readonly<Record<string, readonly [number, number]>> = { 'umsab-hi': [0, 1195] };

/** For an example of a UMSAB training split (readUmsab(…, 'train')). */
export function isUnalignedTrainRow(e: Example): boolean {
  const range = UMSAB_UNALIGNED_TRAIN_ROWS[e.source];
  return range !== undefined && e.row !== undefined && e.row >= range[0] && e.row < range[1];
}

export function readUmsab(data: string, language: UmsabLanguage, split: 'train' | 'val'): Example[] {
  return labelled(join(data, 'sentiment', 'umsab', language), split, UMSAB_LANGS[language], `umsab-${UMSAB_LANGS[language]}`);
}

export function readTweetEvalVal(data: string): Example[] {
  return labelled(join(data, 'sentiment', 'tweeteval'), 'val', 'en', 'tweeteval');
}

/** ASTD (Egyptian Arabic tweets): OBJ and NEUTRAL become neutral unless `neutral` is false. */
export function readAstd(data: string, neutral: boolean): Example[] {
  const out: Example[] = [];
  for (const file of ['train.tsv', 'validation.tsv']) {
    const rows = lines(join(data, 'sentiment', 'astd', file)).slice(1);
    for (const row of rows) {
      const tab = row.lastIndexOf('\t');
      const text = row.slice(0, tab);
      const tag = row.slice(tab + 1).trim();
      const label: Label | undefined = tag === 'POS' ? 2 : tag === 'NEG' ? 0 : neutral && (tag === 'OBJ' || tag === 'NEUTRAL') ? 1 : undefined;
      if (label !== undefined) out.push({ text, label, lang: 'ar', source: 'astd' });
    }
  }
  return out;
}

/** Chinese hotel and food-delivery reviews, binary. */
export function readZhReviews(data: string): Example[] {
  const out: Example[] = [];
  for (const file of ['ChnSentiCorp_htl_all.csv', 'waimai_10k.csv']) {
    const rows = parse(readFileSync(join(data, 'sentiment', 'zh_reviews', file)), { columns: true, skip_empty_lines: true, relax_quotes: true }) as Array<{ label: string; text: string }>;
    for (const r of rows) if (r.text) out.push({ text: r.text, label: r.label === '1' ? 2 : 0, lang: 'zh', source: 'zh-reviews' });
  }
  return out;
}

/** Weibo emotions mapped to polarity: optimism and gratitude positive, fear/disgust/sadness/anger negative, surprise dropped. */
export function readWeiboEmotion(data: string): Example[] {
  const rows = parse(readFileSync(join(data, 'emotion', 'weibo', 'labeled.csv')), { columns: true, skip_empty_lines: true, relax_quotes: true }) as Array<{ label: string; text: string }>;
  const out: Example[] = [];
  for (const r of rows) {
    const e = Number(r.label);
    const label: Label | undefined = e === 2 || e === 4 ? 2 : e === 0 || e === 1 || e === 5 || e === 6 ? 0 : undefined;
    if (label !== undefined && r.text) out.push({ text: r.text, label, lang: 'zh', source: 'weibo-emotion' });
  }
  return out;
}

/** Lines of a gzipped TSV, header dropped. */
export function readGzipTsv(path: string): string[][] {
  return gunzipSync(readFileSync(path)).toString('utf8').split('\n').slice(1).filter((l) => l.length > 0).map((l) => l.split('\t'));
}

/** Unlabelled tweets (Ma et al. 2016 news and rumour events), one per distinct text. */
export function readMa2016Texts(data: string): string[] {
  const seen = new Set<string>();
  for (const row of readGzipTsv(join(data, 'streams', 'ma2016_events.tsv.gz'))) {
    const text = row[4];
    if (text) seen.add(text);
  }
  return [...seen];
}

/** Unlabelled tweets from TweetLID with their language tags (es, pt, en, ...). */
export function readTweetLid(data: string): Array<{ text: string; lang: string }> {
  return lines(join(data, 'langid', 'tweetlid', 'train.tsv')).map((l) => l.split('\t')).filter((r) => r.length >= 4).map((r) => ({ lang: r[2], text: r.slice(3).join('\t') }));
}

/** Text key for overlap checks: case, spacing and punctuation ignored. */
export function overlapKey(text: string): string {
  return unescapeTweet(text).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * TweetEval validation texts the evaluation reports on: those not in UMSAB's English training
 * split. UMSAB drew its English training tweets from TweetEval validation (1,430 of 1,838), so the
 * evaluation reports TweetEval on the remaining tweets, which no tidewatch model trains on.
 */
export function reportedTweetEvalKeys(data: string, holdoutAll: boolean): Set<string> {
  const umsabEnglish = new Set(readUmsab(data, 'english', 'train').map((e) => overlapKey(e.text)));
  return new Set(readTweetEvalVal(data).map((e) => overlapKey(e.text)).filter((k) => holdoutAll || !umsabEnglish.has(k)));
}

