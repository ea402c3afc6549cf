import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLanguageIdentifier, type LanguageIdentifier } from './langid.js';
import { fastTextLabelToCode, normalizeLanguageCode } from './langid-codes.js';
import { decodeResolver, encodeResolver } from './langid-resolver.js';
import { cleanForLanguageId, profileScripts, Script } from './langid-text.js';

let lid: LanguageIdentifier;

beforeAll(async () => {
  lid = await createLanguageIdentifier();
});

describe('createLanguageIdentifier', () => {
  it('loads lid.176 and the resolver and answers synchronously', () => {
    const guess = lid.identify('The weather is lovely today and we are going to the beach.');
    expect(guess).not.toBeInstanceOf(Promise);
    expect(guess.lang).toBe('en');
    expect(guess.confidence).toBeGreaterThan(0.5);
    expect(guess.confidence).toBeLessThanOrEqual(1);
  });

  it.each([
    ['en', 'This morning I went to the market and bought some fresh fruit and vegetables.'],
    ['es', 'Esta mañana fui al mercado y compré algunas frutas y verduras frescas.'],
    ['fr', 'Ce matin, je suis allé au marché et j’ai acheté des fruits et des légumes frais.'],
    ['de', 'Heute Morgen bin ich auf den Markt gegangen und habe frisches Obst und Gemüse gekauft.'],
    ['pt', 'Hoje de manhã fui ao mercado e comprei frutas e legumes frescos.'],
    ['ar', 'ذهبت إلى السوق صباح اليوم واشتريت بعض الخضروات والفواكه الطازجة.'],
    ['fa', 'امروز صبح به بازار رفتم و مقداری میوه و سبزی تازه خریدم.'],
    ['ur', 'آج صبح میں بازار گیا اور کچھ تازہ پھل اور سبزیاں خریدیں۔'],
    ['ug', 'بۈگۈن ئەتىگەن بازارغا بېرىپ بىر ئاز يېڭى مېۋە ۋە كۆكتات سېتىۋالدىم.'],
    ['zh', '今天早上我去市场买了一些新鲜的水果和蔬菜。'],
    ['ja', '今朝、市場に行って新鮮な果物と野菜を買いました。'],
    ['ko', '오늘 아침에 시장에 가서 신선한 과일과 채소를 샀어요.'],
    ['ru', 'Сегодня утром я ходил на рынок и купил свежие фрукты и овощи.'],
    ['hi', 'आज सुबह मैं बाज़ार गया और कुछ ताज़े फल और सब्ज़ियाँ खरीदीं।'],
    ['mr', 'आज सकाळी मी बाजारात गेलो आणि काही ताजी फळे आणि भाज्या विकत घेतल्या.'],
    ['th', 'เมื่อเช้านี้ฉันไปตลาดและซื้อผลไม้และผักสด'],
    ['el', 'Σήμερα το πρωί πήγα στην αγορά και αγόρασα φρέσκα φρούτα και λαχανικά.'],
    ['he', 'הבוקר הלכתי לשוק וקניתי פירות וירקות טריים.'],
  ])('identifies %s', (lang, text) => {
    expect(lid.identify(text).lang).toBe(lang);
  });

  it.each([[''], ['   \n\t '], ['😀🎉👍🔥'], ['12345 678 90'], ['https://example.com/some/path?x=1'], ['@alice @bob_99'], ['!!! ??? ...']])(
    'says und with confidence 0 for %j',
    (text) => {
      expect(lid.identify(text)).toEqual({ lang: 'und', confidence: 0 });
    },
  );

  it('reads Latin names inside a Greek or Russian post as part of that post', () => {
    expect(lid.identify("Είδαμε το Charlie Wilson's War. Καλό.").lang).toBe('el');
    expect(lid.identify('Смотрели Charlie Wilson’s War вчера, отличный фильм').lang).toBe('ru');
  });

  it('looks past mentions, retweet markers, links and emoji', () => {
    const tweet = 'RT @juan_perez: @maria_lopez @pepe_garcia @noticias_hoy https://t.co/AbCdEf123 ¿Vienes a la fiesta esta noche? 🎉🎉';
    expect(lid.identify(tweet).lang).toBe('es');
  });

  it.each([
    ['ms', 'Kerajaan akan membelanjakan wang tersebut untuk membina lebih banyak sekolah di kawasan luar bandar.'],
    ['id', 'Presiden Joko Widodo meresmikan jalan tol baru di Jawa Tengah pada hari Senin.'],
    ['nb', 'Regjeringen foreslår å øke bevilgningene til sykehusene neste år.'],
    ['da', 'Jeg har ikke hørt noget fra ham siden i går, men jeg håber han kommer hjem snart.'],
    ['nn', 'Eg har ikkje høyrt noko frå han sidan i går, men eg håpar han kjem heim snart.'],
    ['af', 'Ek het gister saam met my vriende na die strand gegaan en ons het baie lekker gekuier.'],
    ['nl', 'Ik ben gisteren met mijn vrienden naar het strand gegaan en we hebben ons goed vermaakt.'],
    ['gl', 'Onte fomos á praia cos nosos amigos e despois xantamos nun restaurante do porto.'],
    ['pt', 'Ontem fomos à praia com os nossos amigos e depois almoçámos num restaurante do porto.'],
    ['es', 'Ayer fuimos a la playa con nuestros amigos y después comimos en un restaurante del puerto.'],
    ['hr', 'Vlada je najavila nove mjere za potporu poljoprivrednicima tijekom sljedeće godine.'],
    ['sr', 'Влада Србије је најавила нове мере за подршку пољопривредницима током следеће године.'],
    ['zu', 'Ngiyabonga kakhulu ngosizo lwakho, sengizokwazi ukuqeda umsebenzi wami namuhla.'],
    ['xh', 'Enkosi kakhulu ngoncedo lwakho, ngoku ndiza kukwazi ukugqiba umsebenzi wam namhlanje.'],
  ])('separates close languages: %s', (lang, text) => {
    expect(lid.identify(text).lang).toBe(lang);
  });

  it('answers every string, including lone surrogates, controls and very long text, with a valid code', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        const { lang, confidence } = lid.identify(text);
        expect(lang).toMatch(/^([a-z]{2,3}|und)$/);
        expect(confidence).toBeGreaterThanOrEqual(0);
        expect(confidence).toBeLessThanOrEqual(1);
      }),
      { numRuns: 500, seed: 7 },
    );
    expect(lid.identify('Das ist ein ganz normaler deutscher Satz über das Wetter. '.repeat(3000)).lang).toBe('de');
    expect(lid.identify('\u0000\ud800 hola amigos, ¿qué tal estáis todos hoy?\udfff').lang).toBe('es');
  });

  it('builds and answers inside a worker_thread', async () => {
    const source = `
      import { parentPort, workerData } from 'node:worker_threads';
      const { register } = await import('tsx/esm/api');
      register();
      const { createLanguageIdentifier } = await import(workerData.module);
      const lid = await createLanguageIdentifier();
      parentPort.postMessage(workerData.texts.map((t) => lid.identify(t).lang));
    `;
    const texts = ['Bonjour à tous, comment allez-vous aujourd’hui ?', 'Eg har ikkje høyrt noko frå han sidan i går.', '今天天气很好', ''];
    const worker = new Worker(source, { eval: true, workerData: { module: new URL('./langid.ts', import.meta.url).href, texts } });
    try {
      const result = await new Promise<unknown>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      });
      expect(result).toEqual(['fr', 'nn', 'zh', 'und']);
    } finally {
      await worker.terminate();
    }
  });
});

describe('cleanForLanguageId', () => {
  it('drops links, mentions, RT, the # of hashtags, emoji, digits and punctuation', () => {
    expect(cleanForLanguageId('RT @user: Hola, ¿cómo estás? 😀 https://t.co/abc #Madrid2024 www.example.com/x')).toBe('Hola cómo estás Madrid');
  });

  it('keeps apostrophes and hyphens only inside words', () => {
    expect(cleanForLanguageId("l'amour d'été -- rock-n-roll 'quoted'")).toBe("l'amour d'été rock-n-roll quoted");
  });

  it('squeezes letters repeated three or more times', () => {
    expect(cleanForLanguageId('siiiiii nooooo')).toBe('sii noo');
  });

  it('cuts a URL glued to the word before it', () => {
    expect(cleanForLanguageId('Shrimp Crock Talehttp://fb.me/2iuwZxarx')).toBe('Shrimp Crock Tale');
  });

  it('keeps supplementary Han characters and combining marks', () => {
    expect(cleanForLanguageId('𠀀好 e\u0301te\u0301')).toBe('𠀀好 e\u0301te\u0301');
  });
});

describe('profileScripts', () => {
  it('counts letters per script and weighs CJK signs as words', () => {
    const p = profileScripts('iPhone手机很好用');
    expect(p.counts[Script.Latin]).toBe(6);
    expect(p.counts[Script.Han]).toBe(5);
    expect(p.dominant).toBe(Script.Han);
    expect(profileScripts('Привет мир').dominant).toBe(Script.Cyrillic);
    expect(profileScripts('123 !!').letters).toBe(0);
  });
});

describe('language codes', () => {
  it.each([
    ['pt-BR', 'pt'],
    ['iw', 'he'],
    ['in', 'id'],
    ['no', 'nb'],
    ['nob', 'nb'],
    ['zh-Hant', 'zh'],
    ['cmn', 'zh'],
    ['spa', 'es'],
    ['fil', 'tl'],
    ['gaz', 'om'],
    ['ckb', 'ckb'],
    ['und', 'und'],
    ['zxx', 'und'],
    ['', 'und'],
    ['not a tag', 'und'],
  ])('normalises %j to %s', (tag, code) => {
    expect(normalizeLanguageCode(tag)).toBe(code);
  });

  it('maps lid.176 labels that are not ISO codes', () => {
    expect(fastTextLabelToCode('als')).toBe('gsw');
    expect(fastTextLabelToCode('no')).toBe('nb');
    expect(fastTextLabelToCode('arz')).toBe('ar');
    expect(fastTextLabelToCode('ceb')).toBe('ceb');
  });
});

describe('resolver file format', () => {
  it('round-trips header and int8 weights', () => {
    const weights = Int8Array.from([1, -2, 3, -4, 5, -6, 7, -127]);
    const blob = encodeResolver({ version: 1, trainedOn: 'test' }, [
      {
        script: 'latin',
        classes: ['a', 'b'],
        spec: { dim: 4, minN: 1, maxN: 2, words: false },
        scale: 0.5,
        bias: [0.1, -0.1],
        fastTextWeight: [1, 2],
        trustAbove: { 'a|1': 0.9 },
        decoys: [],
        partners: { a: ['b'] },
        overrideAbove: 0.4,
        overrideAboveFor: { 'a|3': 0.6 },
        weights,
      },
    ]);
    const { header, groups } = decodeResolver(blob);
    expect(header.trainedOn).toBe('test');
    expect(groups[0].classIndex.get('b')).toBe(1);
    expect([...groups[0].weights]).toEqual([...weights]);
    expect(groups[0].trustAbove).toEqual({ 'a|1': 0.9 });
  });
});
