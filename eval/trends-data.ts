import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { extractEntities } from '../src/enrich/entities.js';
import { tokenize } from '../src/enrich/tokenize.js';
import type { DetectablePost } from '../src/detect/detectable-post.js';
import { hashString } from '../src/detect/term-hash.js';

/**
 * The real event stream for the trend evaluation: ma2016_events.tsv.gz (Ma et al. 2016 via
 * Logan-Siebert/Rumor_detection), tweets of 988 news/rumour events 2009–2015, with minute times.
 * The file is tab-separated with "-quoted fields (some tweets hold newlines); rows without a time
 * (about a fifth) cannot be placed in a stream and are skipped, and counted.
 */

export interface EventTweet {
  event: string;
  id: string;
  /** Real time, epoch ms: the minute from time_iso plus a deterministic second within it. */
  time: number;
  text: string;
}

export interface LoadedEvents {
  tweets: EventTweet[];
  rows: number;
  skippedNoTime: number;
}

const ISO_MINUTE = /^\d{4}-\d\d-\d\dT\d\d:\d\d$/;

export function loadMa2016(path: string): LoadedEvents {
  const text = gunzipSync(readFileSync(path)).toString('utf8');
  const rows = parse(text, { delimiter: '\t', columns: true, relax_quotes: true, relax_column_count: true }) as Record<string, string>[];
  const tweets: EventTweet[] = [];
  let skipped = 0;
  for (const r of rows) {
    if (!ISO_MINUTE.test(r.time_iso ?? '') || !r.text) {
      skipped++;
      continue;
    }
    // Times have minute resolution: spread a minute's tweets over its seconds, reproducibly.
    const second = hashString(r.tweet_id) % 60_000;
    tweets.push({ event: r.event, id: r.tweet_id, time: Date.parse(`${r.time_iso}:00Z`) + second, text: r.text });
  }
  tweets.sort((a, b) => a.time - b.time || (a.id < b.id ? -1 : 1));
  return { tweets, rows: rows.length, skippedNoTime: skipped };
}

/**
 * Stream time for real times that span years with long silences: every gap between consecutive
 * tweets longer than `gapCapMs` is shortened to `gapCapMs`; shorter gaps are kept as they are.
 * So the replay covers each stretch of real activity at its real pace, and the time replayed
 * (what "stream days" counts) is real time within `gapCapMs` of some tweet.
 */
export function compressTimes(sortedTimes: readonly number[], gapCapMs: number, streamStart: number): number[] {
  const out = new Array<number>(sortedTimes.length);
  let stream = streamStart;
  for (let i = 0; i < sortedTimes.length; i++) {
    if (i > 0) stream += Math.min(sortedTimes[i] - sortedTimes[i - 1], gapCapMs);
    out[i] = stream;
  }
  return out;
}

export function toDetectable(id: string, createdAt: number, text: string, lang: string, platform: string): DetectablePost {
  const entities = extractEntities(text);
  return {
    id,
    createdAt,
    text,
    tokens: tokenize(text),
    hashtags: entities.hashtags,
    links: entities.links,
    domains: entities.domains,
    lang,
    platform,
  };
}
