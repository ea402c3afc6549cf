import { describe, expect, it } from 'vitest';
import { fold, tokenize } from './tokenize.js';

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
