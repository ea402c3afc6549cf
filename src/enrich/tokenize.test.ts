import { describe, expect, it } from 'vitest';
import { fold, MAX_SEGMENTED_RUN, tokenize } from './tokenize.js';

describe('tokenize', () => {
  it('folds case, width and diacritics and drops URLs and mentions', () => {
    expect(tokenize('RT @bob: Climate CHANGE is réal! https://www.example.org/a?b=1. #ClimateAction')).toEqual(['rt', 'climate', 'change', 'is', 'real', 'climateaction']);
    expect(tokenize('ＡＢＣ full width don’t')).toEqual(['abc', 'full', 'width', "don't"]);
  });

  it('segments Chinese, Japanese and Thai runs into words', () => {
    expect(tokenize('今天天气很好，我们去北京吧 #天气')).toEqual(['今天', '天气', '很好', '我们', '去', '北京', '吧', '天气']);
    expect(tokenize('iphone手机很好用')).toEqual(['iphone', '手机', '很好', '用']);
    expect(tokenize('สวัสดีครับ ประเทศไทย')).toEqual(['สวัสดี', 'ครับ', 'ประเทศไทย']);
  });

  it('segments every run of a text as it would segment that run alone', () => {
    const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
    const alone = (run: string) => [...segmenter.segment(run)].filter((s) => s.isWordLike).map((s) => s.segment);
    expect(tokenize('北京的交通很拥挤 and 上海 today，大家注意安全。東京の天気は晴れ iphone手机 ราคาน้ำมันแพง')).toEqual([
      ...alone('北京的交通很拥挤'), 'and', ...alone('上海'), 'today', ...alone('大家注意安全'), ...alone('東京の天気は晴れ'),
      'iphone', ...alone('手机'), ...alone('ราคาน้ำมันแพง'),
    ]);
  });

  it('cuts a very long run into runs of at most MAX_SEGMENTED_RUN characters', () => {
    const long = '我们今天去公园散步'.repeat(11_000); // ~100k characters without a break
    const chunks = Array.from({ length: Math.ceil(long.length / MAX_SEGMENTED_RUN) }, (_, i) => long.slice(i * MAX_SEGMENTED_RUN, (i + 1) * MAX_SEGMENTED_RUN));
    const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
    expect(tokenize(long)).toEqual(chunks.flatMap((c) => [...segmenter.segment(c)].filter((s) => s.isWordLike).map((s) => s.segment)));
  });

  it('keeps Thai SARA AM whole so that น้ำมัน is one word inside a sentence', () => {
    expect(fold('น้ำ')).toBe('น้ำ');
    expect(tokenize('ราคาน้ำมันแพง')).toContain('น้ำมัน');
  });

  it('keeps marks that carry letters in Indic scripts and strips Arabic short vowels', () => {
    expect(tokenize('हिन्दी भाषा')).toEqual(['हिन्दी', 'भाषा']);
    expect(tokenize('مَرْحَبًا بالعالم')).toEqual(['مرحبا', 'بالعالم']);
    expect(tokenize('ياخشىمۇسىز دۇنيا')).toEqual(['ياخشىمۇسىز', 'دۇنيا']);
    expect(tokenize('Привет, мир!')).toEqual(['привет', 'мир']);
    expect(tokenize('Выходной! Ёлка')).toEqual(['выходной', 'елка']);
  });

  it('returns nothing for emoji, punctuation and empty text', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize('😀 !!! 🎉')).toEqual([]);
  });
});
