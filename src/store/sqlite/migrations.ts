import type Database from 'better-sqlite3';

/**
 * Schema migrations, applied in order inside one transaction each; `schema_version` records the
 * last one applied. Append new migrations; never edit one that has shipped.
 *
 * Text search: `posts_fts.tokens` holds the post's tokens from tidewatch's tokenizer joined by
 * spaces (already folded), so FTS5's unicode61 tokenizer only has to split on spaces. It is told
 * that marks (M*) and `'`/`_` are token characters, so one tidewatch token is one FTS5 token in
 * every script (Devanagari vowel signs, Thai marks, `don't`).
 */
export const MIGRATIONS: readonly string[] = [
  // 1: posts, full-text index, rollups, checkpoints, quarantine
  `
  CREATE TABLE posts (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    platform TEXT NOT NULL,
    source TEXT NOT NULL,
    url TEXT,
    created_at INTEGER NOT NULL,
    ingested_at INTEGER NOT NULL,
    author_key TEXT NOT NULL,
    text TEXT NOT NULL,
    lang TEXT NOT NULL,
    lang_confidence REAL NOT NULL,
    hashtags TEXT NOT NULL DEFAULT '[]',
    mentions TEXT NOT NULL DEFAULT '[]',
    links TEXT NOT NULL DEFAULT '[]',
    domains TEXT NOT NULL DEFAULT '[]',
    reply_to TEXT,
    quote_of TEXT,
    repost_of TEXT,
    metrics TEXT,
    sentiment_label TEXT,
    sentiment_score REAL
  );
  CREATE INDEX posts_created_at ON posts(created_at);
  CREATE INDEX posts_reply_to ON posts(reply_to) WHERE reply_to IS NOT NULL;
  CREATE INDEX posts_quote_of ON posts(quote_of) WHERE quote_of IS NOT NULL;
  CREATE INDEX posts_repost_of ON posts(repost_of) WHERE repost_of IS NOT NULL;

  -- Entities as rows so that field filters (#tag, @mention, domain:, url:) are indexed look-ups.
  -- kind: 'h' hashtag, 'm' mention, 'd' domain, 'u' link
  CREATE TABLE post_entities (
    post INTEGER NOT NULL REFERENCES posts(rowid) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (kind, value, post)
  ) WITHOUT ROWID;
  CREATE INDEX post_entities_post ON post_entities(post);

  CREATE VIRTUAL TABLE posts_fts USING fts5(
    tokens,
    content = '',
    contentless_delete = 1,
    prefix = '3',
    tokenize = "unicode61 remove_diacritics 0 categories 'L* N* Co M*' tokenchars '''_'"
  );
  CREATE VIRTUAL TABLE posts_vocab USING fts5vocab(posts_fts, 'row');

  -- Per-minute counts of all posts by language and platform, kept at ingest.
  CREATE TABLE rollup_minute (
    minute INTEGER NOT NULL,
    lang TEXT NOT NULL,
    platform TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (minute, lang, platform)
  ) WITHOUT ROWID;

  CREATE TABLE checkpoints (
    source TEXT PRIMARY KEY,
    cursor TEXT NOT NULL,
    updated_at INTEGER NOT NULL
  );

  CREATE TABLE quarantine (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL,
    line INTEGER NOT NULL,
    reason TEXT NOT NULL,
    excerpt TEXT NOT NULL,
    at INTEGER NOT NULL
  );

  CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );
  `,
  // 2: watches (saved queries) and their per-minute rollups. A watch's rollups count exactly the
  // posts it matches among those with rowid <= synced_rowid; backfill and ingest both advance it,
  // each in its own transaction, so neither misses nor double-counts a post (store/sqlite/watches.ts).
  `
  CREATE TABLE watches (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    query TEXT NOT NULL,
    description TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    rev INTEGER NOT NULL DEFAULT 1,
    synced_rowid INTEGER NOT NULL DEFAULT 0
  );

  CREATE TABLE watch_rollup_minute (
    watch_id INTEGER NOT NULL REFERENCES watches(id) ON DELETE CASCADE,
    minute INTEGER NOT NULL,
    lang TEXT NOT NULL,
    n INTEGER NOT NULL,
    neg INTEGER NOT NULL DEFAULT 0,
    neu INTEGER NOT NULL DEFAULT 0,
    pos INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (watch_id, minute, lang)
  ) WITHOUT ROWID;
  `,
  // 3: alerts, API tokens and the audit log. Before this migration the server created them itself
  // (IF NOT EXISTS), so databases from then already have them.
  `
  CREATE TABLE IF NOT EXISTS alerts (
    id TEXT PRIMARY KEY,
    watch TEXT,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    fired_at INTEGER NOT NULL,
    acknowledged_at INTEGER,
    body TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS alerts_fired_at ON alerts(fired_at);

  -- API tokens: only a hash of each token is kept.
  CREATE TABLE IF NOT EXISTS api_tokens (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    hash BLOB NOT NULL UNIQUE,
    created_at INTEGER NOT NULL,
    last_used_at INTEGER,
    revoked INTEGER NOT NULL DEFAULT 0
  );

  -- Who queried or exported what, and when.
  CREATE TABLE IF NOT EXISTS audit_log (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    actor TEXT NOT NULL,
    role TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT NOT NULL,
    detail TEXT NOT NULL,
    ip TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS audit_log_at ON audit_log(at);
  `,
  // 4: each source's newest post, kept at ingest, so source health reads a source that has gone
  // quiet from here instead of scanning posts (which have no index on source). Filled once from
  // the posts already stored.
  `
  CREATE TABLE source_stats (
    source TEXT PRIMARY KEY,
    last_created_at INTEGER NOT NULL,
    last_ingested_at INTEGER NOT NULL
  );
  INSERT INTO source_stats (source, last_created_at, last_ingested_at)
    SELECT source, MAX(created_at), MAX(ingested_at) FROM posts GROUP BY source;
  `,
  // 5: posts their platform announced deleted. The post is removed with everything counted from
  // it, and its id stays here so that a later import of the same post does not store it again.
  // The rowid orders the deletions: readers that hold posts in memory watch MAX(rowid).
  `
  CREATE TABLE deleted_posts (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    deleted_at INTEGER NOT NULL,
    reason TEXT NOT NULL
  );
  `,
];

export function migrate(db: Database.Database): number {
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
  const row = db.prepare('SELECT version FROM schema_version').get() as { version: number } | undefined;
  let version = row?.version ?? 0;
  if (!row) db.prepare('INSERT INTO schema_version (version) VALUES (0)').run();
  if (version > MIGRATIONS.length) {
    throw new Error(`database schema version ${version} is newer than this tidewatch (${MIGRATIONS.length}); upgrade tidewatch`);
  }
  for (; version < MIGRATIONS.length; version++) {
    const sql = MIGRATIONS[version];
    db.transaction(() => {
      db.exec(sql);
      db.prepare('UPDATE schema_version SET version = ?').run(version + 1);
    })();
  }
  return version;
}
