import { z } from 'zod';

/**
 * A delivery channel: where alerts go (signed webhook, Slack/Mattermost incoming webhook, e-mail
 * over SMTP, or the live server-sent-events feed) and which alerts it wants. Channels live in the
 * data folder (channels.json) or are added with `tidewatch channel add`.
 */

export const CHANNEL_KINDS = ['webhook', 'slack', 'email', 'sse'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

export const ALERT_KINDS = ['spike', 'emerging'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
const CHANNEL_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
/** Deliberately loose: nodemailer accepts `Name <addr>` too; the SMTP server is the judge. */
const MAILBOX = /^[^\s@<>]+@[^\s@<>]+$|^[^<>]*<[^\s@<>]+@[^\s@<>]+>$/;

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const httpUrl = z
  .string()
  .url()
  .refine((u) => /^https?:$/.test(new URL(u).protocol), { message: 'must be an http(s) URL' });

export const QuietHoursSchema = z
  .object({
    start: z.string().regex(HH_MM, 'must be HH:MM (24-hour)'),
    end: z.string().regex(HH_MM, 'must be HH:MM (24-hour)'),
    tz: z.string().refine(isValidTimeZone, { message: 'unknown IANA time zone' }).default('UTC'),
  })
  .strict();
export type QuietHours = z.infer<typeof QuietHoursSchema>;

export const SmtpConfigSchema = z
  .object({
    host: z.string().min(1),
    port: z.number().int().min(1).max(65535),
    /** true = implicit TLS (usually port 465); false = plain, upgraded by STARTTLS when offered. */
    secure: z.boolean().default(false),
    user: z.string().min(1).optional(),
    pass: z.string().optional(),
    from: z.string().regex(MAILBOX, 'must be an e-mail address'),
    to: z.array(z.string().regex(MAILBOX, 'must be an e-mail address')).min(1),
  })
  .strict();
export type SmtpConfig = z.infer<typeof SmtpConfigSchema>;

export const ChannelSchema = z
  .object({
    name: z.string().regex(CHANNEL_NAME, 'letters, digits, "_", "-", "." (max 64), starting with a letter or digit'),
    kind: z.enum(CHANNEL_KINDS),
    url: httpUrl.optional(),
    /** HMAC key for X-Tidewatch-Signature (webhook). Never printed: see describeChannel. */
    secret: z.string().min(16, 'at least 16 characters').optional(),
    smtp: SmtpConfigSchema.optional(),
    /** Watch names whose alerts this channel receives; empty = all watches. */
    watches: z.array(z.string().min(1)).default([]),
    /** Alert kinds this channel receives; absent = all kinds. */
    kinds: z.array(z.enum(ALERT_KINDS)).min(1).optional(),
    minSignificance: z.number().nonnegative().optional(),
    quietHours: QuietHoursSchema.optional(),
    /** No repeat alert for the same (watch, kind, topic) within this many seconds; default 900. */
    cooldownSeconds: z.number().int().nonnegative().optional(),
    /** Webhook/Slack: attempts before a dead letter (default 5) and per-request timeout (default 5000 ms). */
    maxAttempts: z.number().int().min(1).max(20).optional(),
    timeoutMs: z.number().int().min(50).max(120_000).optional(),
    enabled: z.boolean().default(true),
  })
  .strict()
  .superRefine((c, ctx) => {
    if ((c.kind === 'webhook' || c.kind === 'slack') && !c.url) {
      ctx.addIssue({ code: 'custom', path: ['url'], message: `required for a ${c.kind} channel` });
    }
    if (c.kind === 'webhook' && !c.secret) {
      ctx.addIssue({ code: 'custom', path: ['secret'], message: 'required for a webhook channel (requests are signed)' });
    }
    if (c.kind === 'email' && !c.smtp) {
      ctx.addIssue({ code: 'custom', path: ['smtp'], message: 'required for an email channel' });
    }
    if (c.kind !== 'email' && c.smtp) {
      ctx.addIssue({ code: 'custom', path: ['smtp'], message: `not used by a ${c.kind} channel` });
    }
    if ((c.kind === 'email' || c.kind === 'sse') && c.url) {
      ctx.addIssue({ code: 'custom', path: ['url'], message: `not used by a ${c.kind} channel` });
    }
  });
/** A validated channel (defaults applied). */
export type Channel = z.infer<typeof ChannelSchema>;
/** What a user writes: defaults may be left out. */
export type ChannelInput = z.input<typeof ChannelSchema>;

export class ChannelConfigError extends Error {
  override name = 'ChannelConfigError';
  constructor(
    message: string,
    /** Each problem as `path: message`, e.g. `channels[2].smtp.port: expected number`. */
    readonly issues: string[],
  ) {
    super(message);
  }
}

function formatIssues(error: z.ZodError, prefix: string): string[] {
  return error.issues.map((i) => {
    let path = prefix;
    for (const p of i.path) path += typeof p === 'number' ? `[${p}]` : path ? `.${String(p)}` : String(p);
    return `${path || '(root)'}: ${i.message}`;
  });
}

/** Parses one channel config; throws ChannelConfigError naming each bad field. */
export function parseChannel(input: unknown): Channel {
  const r = ChannelSchema.safeParse(input);
  if (r.success) return r.data;
  const issues = formatIssues(r.error, '');
  throw new ChannelConfigError(`invalid channel: ${issues.join('; ')}`, issues);
}

/** Parses a list of channels (e.g. channels.json); names must be unique. */
export function parseChannelList(input: unknown): Channel[] {
  const r = z.array(ChannelSchema).safeParse(input);
  if (!r.success) {
    const issues = formatIssues(r.error, 'channels');
    throw new ChannelConfigError(`invalid channels: ${issues.join('; ')}`, issues);
  }
  const seen = new Set<string>();
  const issues: string[] = [];
  r.data.forEach((c, i) => {
    if (seen.has(c.name)) issues.push(`channels[${i}].name: duplicate channel name "${c.name}"`);
    seen.add(c.name);
  });
  if (issues.length) throw new ChannelConfigError(`invalid channels: ${issues.join('; ')}`, issues);
  return r.data;
}

const REDACTED = '[redacted]';

/** A URL with credentials, query values and (for chat webhooks, whose path is the token) the path hidden. */
export function redactUrl(raw: string, hidePath = false): string {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return REDACTED;
  }
  const auth = u.username || u.password ? `${REDACTED}@` : '';
  const path = hidePath && u.pathname !== '/' ? `/${REDACTED}` : u.pathname;
  const query = [...u.searchParams.keys()].map((k) => `${encodeURIComponent(k)}=${REDACTED}`).join('&');
  return `${u.protocol}//${auth}${u.host}${path}${query ? `?${query}` : ''}`;
}

/**
 * The channel as it may be printed or served: secrets, SMTP passwords, URL credentials and query
 * values are replaced, and a Slack/Mattermost URL (the path is the token) keeps only its host.
 */
export function describeChannel(channel: Channel): Record<string, unknown> {
  const out: Record<string, unknown> = { ...channel };
  if (channel.url) out.url = redactUrl(channel.url, channel.kind === 'slack');
  if (channel.secret !== undefined) out.secret = REDACTED;
  if (channel.smtp) {
    const smtp: Record<string, unknown> = { ...channel.smtp };
    if (channel.smtp.pass !== undefined) smtp.pass = REDACTED;
    out.smtp = smtp;
  }
  return out;
}
