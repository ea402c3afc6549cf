import { describe, expect, expectTypeOf, it } from 'vitest';
import { AlertSchema, type Alert } from '../model/alert.js';
import { alertEmail } from './email.js';
import { alertHeadline, alertTopicKey, languageLabels, rateUnit, type NotifiableAlert } from './notifiable-alert.js';
import { chatMessage } from './slack.js';
import { webhookBody } from './webhook.js';

const alert: Alert = AlertSchema.parse({
  id: 'spike:vaccines:1736935200000',
  kind: 'spike',
  watch: 'vaccines',
  topicKey: 'spike:vaccines',
  startedAt: 1736935080000,
  firedAt: 1736935200000,
  windowMs: 60_000,
  terms: [{ term: 'recall', kind: 'word', observed: 80, baseline: 3, significance: 9.1 }],
  observed: 120,
  baseline: 14,
  significance: 8.3,
  languages: { en: 90, de: 30 },
  platforms: { x: 120 },
  representative: [{ id: 'x:1', text: 'Recall <now>', createdAt: 1736935190000, lang: 'en' }],
  series: [],
});

describe('the Alert model as a NotifiableAlert', () => {
  it('is accepted by every formatter as it is', () => {
    expectTypeOf<Alert>().toExtend<NotifiableAlert>();
    expect(alertHeadline(alert)).toBe('spike in "vaccines": 120/min vs 14 baseline');
    expect(alertTopicKey(alert)).toBe('spike:vaccines');
    expect(languageLabels(alert.languages)).toEqual(['en 75%', 'de 25%']);
    expect(alertEmail(alert).html).toContain('Recall &#60;now&#62;');
    expect(chatMessage(alert).attachments[0]!.fields.find((f) => f.title === 'Driving terms')!.value).toBe('recall');
    expect(JSON.parse(webhookBody(alert, 'd')).alert).toEqual(alert);
  });

  it('derives a topic key for emerging alerts without one', () => {
    const a: NotifiableAlert = { ...alert, kind: 'emerging', topicKey: undefined, terms: ['b', 'a'] };
    expect(alertTopicKey(a)).toBe('a\u0001b');
    expect(alertTopicKey({ ...a, kind: 'spike' })).toBe('');
  });

  it('names common windows', () => {
    expect([1_000, 60_000, 3_600_000, 300_000, undefined].map(rateUnit)).toEqual(['/s', '/min', '/h', ' per 5 min', '']);
  });
});
