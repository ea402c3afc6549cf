import type { NotifiableAlert } from './notifiable-alert.js';

/** Sample alerts for delivery tests and benches. */
export function sampleAlert(overrides: Partial<NotifiableAlert> = {}): NotifiableAlert {
  return {
    id: 'alrt_0001',
    kind: 'spike',
    watch: 'vaccines',
    startedAt: Date.UTC(2025, 0, 15, 9, 58),
    firedAt: Date.UTC(2025, 0, 15, 10, 0),
    terms: [{ term: 'recall' }, { term: 'batch' }, { term: '#vaccinerecall' }],
    observed: 120,
    baseline: 14,
    significance: 8.3,
    windowMs: 60_000,
    languages: [
      { lang: 'en', share: 0.62 },
      { lang: 'zh', share: 0.21 },
    ],
    representative: [
      { id: 'x:1', text: 'Health agency announces <b>recall</b> of batch 42 & asks clinics to stop', url: 'https://example.org/p/1' },
      { id: 'weibo:2', text: '疫苗批次召回', url: 'https://example.org/p/2' },
    ],
    ...overrides,
  };
}
