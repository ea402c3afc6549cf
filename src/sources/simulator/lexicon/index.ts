import { compileTemplate, type Template } from '../template.js';
import { ar } from './ar.js';
import { de } from './de.js';
import { en } from './en.js';
import { es } from './es.js';
import { fa } from './fa.js';
import { fr } from './fr.js';
import { hi } from './hi.js';
import { ja } from './ja.js';
import { pt } from './pt.js';
import { ru } from './ru.js';
import { tr } from './tr.js';
import { CLAIMS, INCIDENTS, TOPICS, type Incident, type LanguagePack } from './types.js';
import { ug } from './ug.js';
import { zh } from './zh.js';

export * from './types.js';
export * from './world.js';

/** Every language the simulator writes, in the order the default stream uses. */
export const LANGUAGE_PACKS: readonly LanguagePack[] = [en, es, fr, ar, zh, ru, fa, ug, de, pt, hi, ja, tr];

/** The eight languages the issue asks the demo stream to carry at least. */
export const CORE_LANGUAGES: readonly string[] = ['en', 'es', 'fr', 'ar', 'zh', 'ru', 'fa', 'ug'];

export const INCIDENT_IDS = Object.keys(INCIDENTS) as Incident[];

export function languagePack(code: string): LanguagePack | undefined {
  return LANGUAGE_PACKS.find((p) => p.code === code);
}

/** A language pack with its templates parsed and its lists indexed, ready for the generator. */
export interface CompiledPack {
  code: string;
  share: number;
  utcOffsets: number[];
  space: string;
  /** Indexed like TOPICS. */
  topicSentences: Template[][];
  /** Indexed like TOPICS; without `#`. */
  topicHashtags: string[][];
  openers: string[];
  reactions: string[];
  replies: string[];
  breaking: string[];
  /** Indexed like INCIDENT_IDS. */
  incidents: string[];
  eventSentences: Template[];
  /** Indexed like CLAIMS. */
  claims: Template[];
  coordinated: Template[];
  domains: string[];
}

const compiled = new Map<string, CompiledPack>();

export function compilePack(pack: LanguagePack): CompiledPack {
  const cached = compiled.get(pack.code);
  if (cached) return cached;
  const result: CompiledPack = {
    code: pack.code,
    share: pack.share,
    utcOffsets: pack.utcOffsets,
    space: pack.space,
    topicSentences: TOPICS.map((t) => pack.topics[t].sentences.map(compileTemplate)),
    topicHashtags: TOPICS.map((t) => pack.topics[t].hashtags),
    openers: pack.openers,
    reactions: pack.reactions,
    replies: pack.replies,
    breaking: pack.breaking,
    incidents: INCIDENT_IDS.map((i) => pack.incidents[i]),
    eventSentences: pack.eventSentences.map(compileTemplate),
    claims: CLAIMS.map((c) => compileTemplate(pack.claims[c])),
    coordinated: pack.coordinated.map(compileTemplate),
    domains: pack.domains,
  };
  compiled.set(pack.code, result);
  return result;
}
