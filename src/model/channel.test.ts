import { describe, expect, it } from 'vitest';
import { ChannelConfigError, describeChannel, parseChannel, parseChannelList, redactUrl } from './channel.js';

const webhook = { name: 'ops-hook', kind: 'webhook', url: 'https://hooks.example.org/tidewatch', secret: 'abcdefghijklmnop' };

function issuesOf(input: unknown): string[] {
  try {
    parseChannel(input);
  } catch (err) {
    expect(err).toBeInstanceOf(ChannelConfigError);
    expect((err as Error).name).toBe('ChannelConfigError');
    return (err as ChannelConfigError).issues;
  }
  throw new Error('expected a ChannelConfigError');
}

describe('parseChannel', () => {
  it('applies defaults', () => {
    expect(parseChannel(webhook)).toEqual({ ...webhook, watches: [], enabled: true });
    expect(parseChannel({ name: 'live', kind: 'sse' })).toEqual({ name: 'live', kind: 'sse', watches: [], enabled: true });
  });

  it('accepts a full e-mail channel with rules', () => {
    const c = parseChannel({
      name: 'desk',
      kind: 'email',
      smtp: { host: '127.0.0.1', port: 2525, user: 'tw', pass: 'pw', from: 'tidewatch <alerts@tidewatch.test>', to: ['desk@newsroom.test'] },
      watches: ['vaccines'],
      kinds: ['spike'],
      minSignificance: 4,
      quietHours: { start: '22:00', end: '07:00', tz: 'Asia/Shanghai' },
      cooldownSeconds: 1800,
    });
    expect(c.smtp!.secure).toBe(false);
    expect(c.quietHours!.tz).toBe('Asia/Shanghai');
  });

  it('names each bad field', () => {
    expect(issuesOf({ name: 'x', kind: 'webhook' })).toEqual([
      'url: required for a webhook channel',
      'secret: required for a webhook channel (requests are signed)',
    ]);
    expect(issuesOf({ name: 'x', kind: 'email' })).toEqual(['smtp: required for an email channel']);
    expect(issuesOf({ ...webhook, url: 'ftp://example.org/x' })).toEqual(['url: must be an http(s) URL']);
    expect(issuesOf({ ...webhook, secret: 'short' })[0]).toMatch(/^secret: /);
    expect(issuesOf({ name: 'q', kind: 'sse', quietHours: { start: '25:00', end: '07:00', tz: 'Mars/Olympus' } })).toEqual([
      'quietHours.start: must be HH:MM (24-hour)',
      'quietHours.tz: unknown IANA time zone',
    ]);
    expect(issuesOf({ name: 'm', kind: 'email', smtp: { host: 'h', port: 'x', from: 'nope', to: [] } }).map((i) => i.split(':')[0])).toEqual([
      'smtp.port',
      'smtp.from',
      'smtp.to',
    ]);
    expect(issuesOf({ name: 'bad name!', kind: 'sse' })[0]).toMatch(/^name: /);
    expect(issuesOf({ name: 'k', kind: 'sse', kinds: ['volcano'] })[0]).toMatch(/^kinds\[0\]: /);
    expect(issuesOf({ name: 'k', kind: 'sse', colour: 'red' })[0]).toMatch(/colour/);
  });
});

describe('parseChannelList', () => {
  it('rejects duplicate names and prefixes paths with the index', () => {
    expect(() => parseChannelList([webhook, webhook])).toThrow('channels[1].name: duplicate channel name "ops-hook"');
    try {
      parseChannelList([webhook, { name: 'x', kind: 'slack' }]);
    } catch (err) {
      expect((err as ChannelConfigError).issues).toEqual(['channels[1].url: required for a slack channel']);
    }
  });
});

describe('describeChannel', () => {
  it('never shows secrets, SMTP passwords, URL credentials or chat tokens', () => {
    const hook = describeChannel(parseChannel({ ...webhook, url: 'https://user:pw@hooks.example.org/t?token=abc&x=1' }));
    expect(hook.secret).toBe('[redacted]');
    expect(hook.url).toBe('https://[redacted]@hooks.example.org/t?token=[redacted]&x=[redacted]');

    const slack = describeChannel(parseChannel({ name: 's', kind: 'slack', url: 'https://hooks.slack.test/services/T000/B000/XXXXSECRET' }));
    expect(slack.url).toBe('https://hooks.slack.test/[redacted]');

    const mail = describeChannel(
      parseChannel({ name: 'm', kind: 'email', smtp: { host: 'smtp.test', port: 587, user: 'u', pass: 'hunter2', from: 'a@b.test', to: ['c@d.test'] } }),
    );
    expect(mail.smtp).toMatchObject({ host: 'smtp.test', user: 'u', pass: '[redacted]' });

    const printed = JSON.stringify([hook, slack, mail]);
    for (const secret of ['abcdefghijklmnop', 'pw@', 'abc&', 'XXXXSECRET', 'hunter2']) expect(printed).not.toContain(secret);
  });

  it('redactUrl leaves a plain URL readable', () => {
    expect(redactUrl('http://127.0.0.1:9000/hook')).toBe('http://127.0.0.1:9000/hook');
    expect(redactUrl('not a url')).toBe('[redacted]');
  });
});
