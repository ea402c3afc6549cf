import { extractEntities } from '../enrich/entities.js';
import { tokenize } from '../enrich/tokenize.js';
import type { Post } from '../model/post.js';

/** A stored-shape Post built with the real tokenizer and entity extraction (for store and query tests). */
export function makePost(fields: Partial<Post> & { id: string; text: string; createdAt: number }): Post {
  const platform = fields.platform ?? fields.id.split(':')[0] ?? 'test';
  return {
    platform,
    source: 'test',
    ingestedAt: fields.createdAt,
    authorKey: '0'.repeat(32),
    lang: 'und',
    langConfidence: 0,
    tokens: tokenize(fields.text),
    ...extractEntities(fields.text),
    ...fields,
  };
}
