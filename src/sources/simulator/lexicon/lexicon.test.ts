import { getLIDModel } from 'fasttext.wasm.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../rng.js';
import { renderTemplate, wordingCount } from '../template.js';
import { CLAIMS, compilePack, CORE_LANGUAGES, EVENT_PLACES, INCIDENT_IDS, LANGUAGE_PACKS, TOPICS } from './index.js';

const ALL = LANGUAGE_PACKS.map((p) => compilePack(p));

function samples(code: string, perTemplate: number, seed = 1): string[] {
  const pack = ALL.find((p) => p.code === code)!;
  const rng = new Rng(seed);
  const place = EVENT_PLACES[0].names[code];
  const out: string[] = [];
  const templates = [...pack.topicSentences.flat(), ...pack.eventSentences, ...pack.claims, ...pack.coordinated];
  for (const t of templates) {
    for (let i = 0; i < perTemplate; i++) out.push(renderTemplate(t, rng, { place, incident: pack.incidents[i % pack.incidents.length], link: 'https://x.example/1' }));
  }
  return out;
}

describe('language packs', () => {
  it('cover the eight core languages and more, each with every topic, incident and claim', () => {
    const codes = ALL.map((p) => p.code);
    for (const code of CORE_LANGUAGES) expect(codes).toContain(code);
    expect(codes.length).toBeGreaterThanOrEqual(13);
    for (const pack of ALL) {
      expect(pack.topicSentences).toHaveLength(TOPICS.length);
      for (const sentences of pack.topicSentences) expect(sentences.length).toBeGreaterThanOrEqual(3);
      expect(pack.incidents).toHaveLength(INCIDENT_IDS.length);
      for (const word of pack.incidents) expect(word.trim().length).toBeGreaterThan(0);
      expect(pack.claims).toHaveLength(CLAIMS.length);
      expect(pack.eventSentences.length).toBeGreaterThanOrEqual(3);
      for (const t of pack.eventSentences) expect([...t.slots].sort()).toEqual(expect.arrayContaining(['incident', 'place']));
      for (const t of pack.coordinated) expect(t.slots.has('link')).toBe(true);
      // A claim must have wordings to reword into.
      for (const t of pack.claims) expect(wordingCount(t)).toBeGreaterThanOrEqual(6);
      for (const place of EVENT_PLACES) expect(place.names[pack.code], `${place.tag} in ${pack.code}`).toBeTruthy();
    }
  });

  it('write varied text: hundreds of distinct sentences per language before posts combine them', () => {
    for (const pack of ALL) {
      const variants = pack.topicSentences.flat().reduce((sum, t) => sum + wordingCount(t), 0);
      expect(variants, pack.code).toBeGreaterThan(300);
    }
  });

  it('render without doubled punctuation, stray spaces or leftover template syntax', () => {
    const bad = /[!?！？]\.|\.\.(?!\.)|,,|，，|\s[,.，。،]|[,，،]\.|\s\s|^\s|\s$|[[\]{}|]/;
    for (const pack of ALL) {
      for (const text of samples(pack.code, 12)) expect(bad.test(text), `${pack.code}: ${JSON.stringify(text)}`).toBe(false);
    }
  });

  it('end every sentence, reaction and reply with terminal punctuation', () => {
    const terminal = /[.!?。！？؟।…]$/u;
    for (const pack of ALL) {
      const rng = new Rng(2);
      const place = EVENT_PLACES[1].names[pack.code];
      for (const t of [...pack.topicSentences.flat(), ...pack.eventSentences, ...pack.claims]) {
        for (let i = 0; i < 30; i++) {
          const text = renderTemplate(t, rng, { place, incident: pack.incidents[i % pack.incidents.length] });
          expect(terminal.test(text), `${pack.code}: ${text}`).toBe(true);
        }
      }
      for (const line of [...pack.reactions, ...pack.replies]) expect(terminal.test(line), `${pack.code}: ${line}`).toBe(true);
    }
  });

  it('keep each Arabic-script language in its own orthography', () => {
    const persianOnly = /[پچژگیک]/; // پ چ ژ گ ی ک: Persian letters (ی and ک are the Persian forms)
    const arabicYehKaf = /[يك]/; // Arabic yeh and kaf, which Persian does not use
    const uyghurOnly = /[ېۇۈۆۋڭەھ]/;
    const ar = samples('ar', 8).join(' ');
    const fa = samples('fa', 8).join(' ');
    const ug = samples('ug', 8).join(' ');
    expect(ar).not.toMatch(persianOnly);
    expect(ar).not.toMatch(/[ېۇۈۆۋڭە]/);
    expect(fa).toMatch(persianOnly);
    expect(fa).not.toMatch(arabicYehKaf);
    expect(fa).not.toMatch(/[ېۇۈۆۋڭە]/);
    expect(ug).toMatch(uyghurOnly);
    // Uyghur writes y with ي and k with ك, never the Persian forms.
    expect(ug).not.toMatch(/[یک]/);
  });
});

describe('language identification of the generated text (fastText lid.176)', () => {
  let identify: (text: string) => Promise<string>;
  beforeAll(async () => {
    const model = await getLIDModel();
    await model.load();
    identify = async (text) => {
      const r = await model.identify(text);
      return r.alpha2 ?? r.alpha3;
    };
  });

  it('recognises the language of topic sentences in every pack', async () => {
    for (const pack of ALL) {
      const rng = new Rng(5);
      const sentences = pack.topicSentences.flat().map((t) => renderTemplate(t, rng));
      let right = 0;
      for (const s of sentences) if ((await identify(s)) === pack.code) right++;
      // Short Chinese lines are sometimes taken for Japanese (shared Han characters).
      expect(right / sentences.length, `${pack.code}: ${right}/${sentences.length}`).toBeGreaterThanOrEqual(pack.code === 'zh' ? 0.8 : 0.9);
    }
  });
});
