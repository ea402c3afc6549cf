import { createHash } from 'node:crypto';
import type { Post } from '../../model/post.js';
import { seededRandom } from '../../sources/simulator/rng.js';
import { makePost } from '../../testing/fixtures.js';

/**
 * A seeded multilingual post stream for the server's end-to-end tests and benchmarks (the real
 * simulator lives in src/sources/simulator; this one only needs to be fast to make in bulk and
 * to cover the scripts the dashboard must render: Latin, Arabic and Persian right-to-left, CJK).
 */

const TEMPLATES: { lang: string; texts: string[] }[] = [
  { lang: 'en', texts: ['Flood warning issued for the river valley #flood', 'Vaccine appointments open this week #health', 'Election debate tonight, who won? #election', 'Heatwave breaks records across the region', 'New study on air quality in cities https://news.example.org/air'] },
  { lang: 'es', texts: ['Alerta por inundaciones en Valencia #dana', 'La campaña de vacunación continúa #salud', 'Debate electoral esta noche #elecciones', 'Ola de calor en Madrid https://noticias.example.es/calor'] },
  { lang: 'fr', texts: ['Inondations dans le sud, vigilance rouge #inondation', 'Campagne de vaccination prolongée #santé', 'Débat électoral ce soir #élections'] },
  { lang: 'ar', texts: ['تحذير من الفيضانات في المدينة #فيضان', 'حملة التطعيم مستمرة هذا الأسبوع', 'مناظرة الانتخابات الليلة #انتخابات'] },
  { lang: 'fa', texts: ['هشدار سیل در شهر امروز', 'واکسیناسیون این هفته ادامه دارد'] },
  { lang: 'zh', texts: ['今天洪水预警发布了 #洪水', '疫苗接种本周继续', '选举辩论今晚举行'] },
  { lang: 'ru', texts: ['Предупреждение о наводнении в городе #наводнение', 'Вакцинация продолжается на этой неделе'] },
];
const PLATFORMS = ['x', 'bluesky', 'mastodon'];


const authorKeyCache: string[] = [];
function authorKeysFor(n: number): string[] {
  for (let i = authorKeyCache.length; i < n; i++) authorKeyCache.push(createHash('sha256').update(`author-${i}`).digest('hex').slice(0, 32));
  return authorKeyCache.slice(0, n);
}

export interface SamplePostOptions {
  seed?: number;
  /** Distinct author pseudonyms to draw from. */
  authors?: number;
  source?: string;
  /** Id prefix, so separate runs into one store do not collide. */
  prefix?: string;
}

/** `count` posts evenly spread over [start, end), oldest first. */
export function samplePosts(count: number, start: number, end: number, options: SamplePostOptions = {}): Post[] {
  const rand = seededRandom(options.seed ?? 7);
  const authors = options.authors ?? 2000;
  const authorKeys = authorKeysFor(Math.min(authors, 5000));
  const posts: Post[] = [];
  const step = (end - start) / Math.max(1, count);
  const prefix = options.prefix ?? 's';
  for (let i = 0; i < count; i++) {
    const group = TEMPLATES[Math.floor(rand() * rand() * TEMPLATES.length)];
    const base = group.texts[Math.floor(rand() * group.texts.length)];
    const platform = PLATFORMS[Math.floor(rand() * PLATFORMS.length)];
    const score = Math.round((rand() * 2 - 1) * 100) / 100;
    const text = `${base} ${Math.floor(rand() * 1000)}`;
    posts.push(
      makePost({
        id: `${platform}:${prefix}${i}`,
        platform,
        source: options.source ?? 'sample',
        url: `https://${platform}.example.com/p/${prefix}${i}`,
        text,
        createdAt: Math.floor(start + i * step),
        ingestedAt: Math.floor(start + i * step),
        authorKey: authorKeys[Math.floor(rand() * authorKeys.length)],
        lang: group.lang,
        langConfidence: 0.9,
        sentiment: { label: score > 0.3 ? 'positive' : score < -0.3 ? 'negative' : 'neutral', score },
      }),
    );
  }
  return posts;
}
