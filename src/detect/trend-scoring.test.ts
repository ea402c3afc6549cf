import { describe, expect, it } from 'vitest';
import type { Alert } from '../model/alert.js';
import { alertWords, eventOnset, scoreTrendAlerts, topTfIdfTerms } from './trend-scoring.js';

const MIN = 60_000;

function alert(id: string, firedAt: number, terms: [string, Alert['terms'][number]['kind']][]): Alert {
  return {
    id,
    kind: 'emerging',
    watch: null,
    topicKey: id,
    startedAt: firedAt,
    firedAt,
    windowMs: 30 * MIN,
    terms: terms.map(([term, kind]) => ({ term, kind, observed: 5, baseline: 0, significance: 6 })),
    observed: 5,
    baseline: 0,
    significance: 6,
    languages: {},
    platforms: {},
    representative: [],
    series: [],
    status: 'open',
    acknowledgedAt: null,
  };
}

describe('trend scoring', () => {
  it('characteristic terms by TF-IDF exclude words every event uses', () => {
    const docs = new Map([
      ['flood', [['the', 'flood', 'kazan'], ['the', 'flood', 'river']]],
      ['quake', [['the', 'quake', 'chile'], ['quake', 'chile', 'the']]],
    ]);
    const top = topTfIdfTerms(docs, 2);
    expect(top.get('flood')).toEqual(['flood', 'kazan']);
    expect(top.get('quake')).toEqual(['chile', 'quake']);
  });

  it('onset is the first post that starts a burst, not a stray early post', () => {
    const times = [0, 500 * MIN, 501 * MIN, 502 * MIN, 503 * MIN, 504 * MIN];
    expect(eventOnset(times, 5, 30 * MIN)).toBe(500 * MIN);
  });

  it('matches alerts by term and activity, measures delay, and counts false alarms', () => {
    const flood = { name: 'flood', times: [0, 60 * MIN, 61 * MIN, 62 * MIN, 63 * MIN, 64 * MIN, 70 * MIN], terms: new Set(['flood', 'kazan']) };
    const small = { name: 'small', times: [200 * MIN, 201 * MIN, 202 * MIN], terms: new Set(['strike']), inRecall: false };
    const alerts = [
      alert('early', 30 * MIN, [['flood', 'word']]), // event not active yet: a false alarm
      alert('hit', 70 * MIN, [['#kazan', 'hashtag'], ['rain + flood', 'pair']]),
      alert('again', 75 * MIN, [['kazan', 'word']]),
      alert('other', 202 * MIN, [['strike', 'word']]), // a real (small) event: no false alarm
      alert('noise', 300 * MIN, [['news.example', 'domain'], ['lol', 'word']]),
    ];
    expect(alertWords(alerts[1], 5)).toEqual(['kazan', 'rain', 'flood']);
    const score = scoreTrendAlerts(alerts, [flood, small]);
    expect(score.events).toHaveLength(1);
    expect(score.recall).toBe(1);
    expect(score.events[0]).toMatchObject({ onset: 60 * MIN, detected: true, firstMatchAt: 70 * MIN, delayMin: 10, delayFromFirstPostMin: 70, matchingAlerts: 2 });
    expect(score.falseAlarmAlerts.map((a) => a.id)).toEqual(['early', 'noise']);
    expect(score.medianDelayMin).toBe(10);
  });
});
