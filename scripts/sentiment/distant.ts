/**
 * Distant supervision (Go, Bhayani & Huang 2009; Read 2005): tweets whose emoticons or emoji all
 * point one way are labelled by them, and the emoticons are removed from the text so the model
 * learns from the words around them rather than from the label's own source.
 */
import { NEGATIVE_EMOJI, NEGATIVE_EMOTICONS, POSITIVE_EMOJI, POSITIVE_EMOTICONS } from '../../src/enrich/sentiment-lexicon.js';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readMa2016Texts, readTweetLid, type Example, type Label } from './corpora.js';

const escape = (e: string) => e.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
const POS = new RegExp(`(?<![\\p{L}\\p{N}:/])(?:${POSITIVE_EMOTICONS.map(escape).join('|')})(?![\\p{L}\\p{N}/])|[${POSITIVE_EMOJI}]`, 'giu');
const NEG = new RegExp(`(?<![\\p{L}\\p{N}:/])(?:${NEGATIVE_EMOTICONS.filter((e) => e !== ':|').map(escape).join('|')})(?![\\p{L}\\p{N}/])|[${NEGATIVE_EMOJI}]`, 'giu');

/** Label of a text by its emoticons and emoji alone, with them stripped; undefined when mixed or none. */
export function emoticonLabel(text: string): { label: Label; text: string } | undefined {
  const pos = text.match(POS)?.length ?? 0;
  const neg = text.match(NEG)?.length ?? 0;
  if ((pos > 0) === (neg > 0)) return undefined;
  const stripped = text.replace(POS, ' ').replace(NEG, ' ').replace(/\s+/g, ' ').trim();
  if (stripped.length < 10) return undefined;
  return { label: pos > 0 ? 2 : 0, text: stripped };
}

/** English tweets from ma2016 labelled by their emoticons; `neutralPerPolar` news-like tweets per labelled one as neutral. */
export function distantEnglish(data: string, neutralPerPolar = 0): Example[] {
  const out: Example[] = [];
  const texts = readMa2016Texts(data);
  const unlabelled: string[] = [];
  for (const t of texts) {
    if (t.startsWith('RT ')) continue;
    const l = emoticonLabel(t);
    if (l) out.push({ text: l.text, label: l.label, lang: 'en', source: 'distant-en' });
    else if (/https?:\/\//.test(t) && !/[!?]/.test(t)) unlabelled.push(t);
  }
  const want = Math.round(out.length * neutralPerPolar);
  for (let i = 0; i < want && unlabelled.length > 0; i++) {
    const t = unlabelled[Math.floor((i * 2654435761) % unlabelled.length)];
    out.push({ text: t, label: 1, lang: 'en', source: 'distant-en-neutral' });
  }
  return out;
}

/** TweetLID languages the model has, by TweetLID tag. */
const TWEETLID_LANGS: Record<string, string> = { es: 'es', pt: 'pt', en: 'en' };

/** Spanish, Portuguese and English TweetLID tweets (2014) labelled by their emoticons and emoji, which are stripped. */
export function distantTweetLid(data: string): Example[] {
  const out: Example[] = [];
  const seen = new Set<string>();
  for (const { text, lang } of readTweetLid(data)) {
    const l = TWEETLID_LANGS[lang];
    if (!l || seen.has(text) || text.startsWith('RT ')) continue;
    seen.add(text);
    const e = emoticonLabel(text);
    if (e) out.push({ text: e.text, label: e.label, lang: l, source: 'distant-tweetlid' });
  }
  return out;
}

/** Up to `perLanguage` news sentences (lingua/Leipzig) per UMSAB language written in its UMSAB script, as neutral. */
export function newsNeutral(data: string, perLanguage: number): Example[] {
  const out: Example[] = [];
  for (const lang of ['en', 'es', 'pt', 'fr', 'de', 'it', 'ar']) {
    const path = join(data, 'langid', 'lingua', 'sentences', `${lang}.txt`);
    if (!existsSync(path)) continue;
    const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l.trim().length > 0);
    for (const text of lines.slice(0, perLanguage)) out.push({ text, label: 1, lang, source: 'news-neutral' });
  }
  return out;
}
