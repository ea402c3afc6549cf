import { describe, expect, it } from 'vitest';
import { alertContextPhrase } from './alert.js';

describe('alertContextPhrase', () => {
  it('names an emerging alert\'s context words, and nothing when it has none', () => {
    expect(alertContextPhrase({ context: ['lyon', 'metro'] })).toBe('its posts also mention lyon, metro');
    expect(alertContextPhrase({ context: [] })).toBe('');
    expect(alertContextPhrase({})).toBe('');
  });
});
