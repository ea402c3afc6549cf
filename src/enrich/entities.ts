import { fold } from './tokenize.js';

/** Hashtags, mentions and links found in a post's text, folded the way queries fold them. */
export interface Entities {
  hashtags: string[];
  mentions: string[];
  links: string[];
  domains: string[];
}

const HASHTAG = /(?<![\p{L}\p{N}_&/#])[#＃]([\p{L}\p{M}\p{N}_]*[\p{L}\p{M}][\p{L}\p{M}\p{N}_]*)/gu;
const MENTION = /(?<![\p{L}\p{N}_])@([A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?)/gu;
const LINK = /\bhttps?:\/\/[^\s<>"'`，。！？、「」]+/giu;
const TRAILING_PUNCT = /[).,;:!?\]}>»”’'"…]+$/u;

function unique(values: Iterable<string>): string[] {
  return [...new Set(values)];
}

/** Host of a URL, lower-cased, without `www.`; undefined when it does not parse. */
export function domainOf(url: string): string | undefined {
  try {
    const host = new URL(url).hostname.toLowerCase();
    if (!host || !host.includes('.')) return undefined;
    return host.startsWith('www.') ? host.slice(4) : host;
  } catch {
    return undefined;
  }
}

/** Trim punctuation that ends a sentence rather than the URL, keeping balanced parentheses. */
function trimLink(raw: string): string {
  let url = raw.replace(TRAILING_PUNCT, '');
  const open = (url.match(/\(/g) ?? []).length;
  const close = (url.match(/\)/g) ?? []).length;
  if (open > close && raw.slice(url.length).startsWith(')')) url += ')';
  return url;
}

/**
 * Add the entities a source gave beside the text (e.g. expanded links of an X API response) to
 * those found in it. Returns `found` itself when there is nothing to add.
 */
export function withSourceEntities(found: Entities, extra: { hashtags?: string[]; mentions?: string[]; links?: string[] }): Entities {
  const tags = extra.hashtags?.length ? extra.hashtags.map((h) => fold(h.replace(/^[#＃]/, ''))).filter((h) => !found.hashtags.includes(h)) : [];
  const names = extra.mentions?.length ? extra.mentions.map((h) => h.replace(/^@/, '').toLowerCase()).filter((m) => !found.mentions.includes(m)) : [];
  // Sources often list the links that are also in the text: only new ones need parsing.
  const links = extra.links?.length ? extra.links.filter((l) => !found.links.includes(l)) : [];
  if (tags.length === 0 && names.length === 0 && links.length === 0) return found;
  const allLinks = unique([...found.links, ...links]);
  return {
    hashtags: unique([...found.hashtags, ...tags]),
    mentions: unique([...found.mentions, ...names]),
    links: allLinks,
    domains: links.length > 0 ? unique([...found.domains, ...links.map(domainOf).filter((d): d is string => d !== undefined)]) : found.domains,
  };
}

export function extractEntities(text: string, extra?: { hashtags?: string[]; mentions?: string[]; links?: string[] }): Entities {
  const hashtags = [...text.matchAll(HASHTAG)].map((m) => fold(m[1]));
  const mentions = [...text.matchAll(MENTION)].map((m) => m[1].toLowerCase());
  const links = [...text.matchAll(LINK)].map((m) => trimLink(m[0]));
  if (extra?.hashtags) hashtags.push(...extra.hashtags.map((h) => fold(h.replace(/^[#＃]/, ''))));
  if (extra?.mentions) mentions.push(...extra.mentions.map((h) => h.replace(/^@/, '').toLowerCase()));
  if (extra?.links) links.push(...extra.links);
  const uniqueLinks = unique(links);
  const domains = unique(uniqueLinks.map(domainOf).filter((d): d is string => d !== undefined));
  return { hashtags: unique(hashtags), mentions: unique(mentions), links: uniqueLinks, domains };
}
