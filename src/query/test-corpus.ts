/**
 * A fixed multilingual corpus for the query tests: real tokenizer and entity extraction, a little
 * of every script tidewatch has to handle, replies/reposts/quotes, links, hashtags, mentions,
 * diacritics, full-width text and mixed case. Keys (`en1`, `zh3`…) are the posts' native ids.
 */
import { extractEntities } from '../enrich/entities.js';
import { tokenize } from '../enrich/tokenize.js';
import type { Post } from '../model/post.js';

interface Spec {
  key: string;
  lang: string;
  text: string;
  platform?: string;
  source?: string;
  replyTo?: string;
  repostOf?: string;
  quoteOf?: string;
  sentiment?: 'negative' | 'neutral' | 'positive';
}

export const CORPUS_START = Date.UTC(2025, 2, 1, 0, 0, 0);
/** Posts are ten minutes apart, in the order below. */
export const CORPUS_STEP = 10 * 60_000;

const SPECS: Spec[] = [
  { key: 'en1', lang: 'en', text: 'Climate change is accelerating, scientists warn #ClimateCrisis https://www.nature.com/articles/climate-2024', sentiment: 'negative', source: 'x-firehose' },
  { key: 'en2', lang: 'en', platform: 'bluesky', text: 'Global warming and climate policy: the new plan from @UNFCCC fails to deliver', sentiment: 'negative', source: 'jetstream' },
  { key: 'en3', lang: 'en', platform: 'mastodon', text: "Women's rights march in the city today; women and men together for equality", sentiment: 'positive', source: 'mastodon.social' },
  { key: 'en4', lang: 'en', text: 'A woman spoke about climate anxiety at the school board meeting', sentiment: 'neutral' },
  { key: 'en5', lang: 'en', text: 'The crisis of climate is not a hoax, says the report' },
  { key: 'en6', lang: 'en', platform: 'bluesky', text: 'Climate crisis now!', source: 'jetstream' },
  { key: 'en7', lang: 'en', platform: 'rss', source: 'BBC News', text: 'Crisis talks on trade; climate is later on the agenda with many other important items' },
  { key: 'en8', lang: 'en', text: 'E-mail scams target seniors; never reply to an email asking for passwords' },
  { key: 'en9', lang: 'en', text: "Don't panic: the U.S. economy grew 3% in Q2" },
  { key: 'en10', lang: 'en', platform: 'rss', source: 'Example Wire', text: 'Read more at https://news.example.org/story/123 and https://example.org/about' },
  { key: 'en11', lang: 'en', text: 'Great coverage by https://notexample.org/x' },
  { key: 'en12', lang: 'en', text: 'Totally agree with this thread about vaccines', replyTo: 'x:en1' },
  { key: 'en13', lang: 'en', text: 'RT vaccine rollout expands to children', repostOf: 'x:en19' },
  { key: 'en14', lang: 'en', platform: 'bluesky', text: 'This! Vaccines save lives', quoteOf: 'bluesky:en19', sentiment: 'positive', source: 'jetstream' },
  { key: 'en15', lang: 'en', platform: 'mastodon', text: 'COLOUR or color? The colour of the sky is blue', source: 'mastodon.social' },
  { key: 'en16', lang: 'en', text: 'Football fans celebrate the championship win', sentiment: 'positive' },
  { key: 'en17', lang: 'en', platform: 'mastodon', text: "The climatologist's view: climates change over millennia", source: 'mastodon.social' },
  { key: 'en18', lang: 'en', text: 'FULL-WIDTH ＣＬＩＭＡＴＥ text and Ｃｒｉｓｉｓ here' },
  { key: 'en19', lang: 'en', platform: 'bluesky', text: 'Vaccine misinformation spreads on social media, experts say', source: 'jetstream' },
  { key: 'en20', lang: 'en', text: 'and or not near these words appear as plain text' },
  { key: 'en21', lang: 'en', text: '#Vaccines https://www.who.int/news' },
  { key: 'en22', lang: 'en', platform: 'rss', source: 'BBC News', text: 'Protest in London over fuel prices; police respond', sentiment: 'negative' },
  { key: 'en23', lang: 'en', text: 'Fuel prices rise again. Drivers protest.' },
  { key: 'en24', lang: 'en', platform: 'rss', source: 'Reuters', text: 'Breaking: earthquake hits coastal region, no tsunami warning' },
  { key: 'en25', lang: 'en', text: 'CAFÉ culture in Montréal' },
  { key: 'en26', lang: 'en', text: 'Cafe owners protest rent hikes in Montreal' },
  { key: 'en27', lang: 'en', platform: 'mastodon', text: 'naïve résumé coöperate', source: 'mastodon.social' },
  { key: 'en28', lang: 'en', text: 'climate climate climate' },
  { key: 'en29', lang: 'en', text: 'Check https://www.example.org/reports/2024?x=1 for the climate report' },
  { key: 'en30', lang: 'en', platform: 'bluesky', text: 'Wildfires and heatwaves: the climate emergency plan was announced by the council', source: 'jetstream' },
  { key: 'en31', lang: 'en', text: 'Plan for the emergency: the council announced climate measures' },
  { key: 'en32', lang: 'en', text: '@WHO says the outbreak is under control #health' },
  { key: 'en33', lang: 'en', text: 'Heads up @who_int: new data https://who.int/data' },
  { key: 'en34', lang: 'en', text: "The women's march and the woman who led it" },
  { key: 'en35', lang: 'en', text: 'Womxn and womyn are alternative spellings' },
  { key: 'en36', lang: 'en', text: 'Climate: crisis, crisis everywhere' },
  { key: 'en37', lang: 'en', platform: 'mastodon', source: 'mastodon.social', text: 'Wildfire smoke covers the valley; air quality alerts issued' },
  { key: 'es1', lang: 'es', text: 'El cambio climático es una crisis global #CambioClimático', sentiment: 'negative' },
  { key: 'es2', lang: 'es', text: 'Las mujeres marchan por sus derechos en Madrid' },
  { key: 'es3', lang: 'es', platform: 'rss', source: 'El País', text: 'Crisis económica: la inflación sube otra vez' },
  { key: 'es4', lang: 'es', platform: 'mastodon', source: 'mastodon.social', text: '¿Qué pasa con el clima? Llueve mucho en Sevilla' },
  { key: 'fr1', lang: 'fr', platform: 'rss', source: 'Le Monde', text: 'Le réchauffement climatique inquiète les Français' },
  { key: 'fr2', lang: 'fr', platform: 'rss', source: 'Le Monde', text: 'Grève générale à Paris contre la réforme des retraites', sentiment: 'neutral' },
  { key: 'fr3', lang: 'fr', platform: 'mastodon', source: 'mastodon.social', text: "L'été le plus chaud jamais enregistré à Marseille" },
  { key: 'fr4', lang: 'fr', text: 'Les femmes et la crise du climat' },
  { key: 'de1', lang: 'de', text: 'Der Klimawandel ist eine Krise für die Welt' },
  { key: 'de2', lang: 'de', platform: 'rss', source: 'Tagesschau', text: 'Straße gesperrt wegen Demonstration in Berlin' },
  { key: 'de3', lang: 'de', platform: 'mastodon', source: 'mastodon.social', text: 'Über 1000 Menschen demonstrieren für Klimaschutz' },
  { key: 'ar1', lang: 'ar', text: 'تغير المناخ أزمة عالمية', sentiment: 'negative' },
  { key: 'ar2', lang: 'ar', text: 'مُظاهرات في القاهرة ضد ارتفاع الأسعار' },
  { key: 'ar3', lang: 'ar', text: '#المناخ يتغير بسرعة' },
  { key: 'fa1', lang: 'fa', text: 'تغییرات اقلیمی بحران جدی است' },
  { key: 'fa2', lang: 'fa', text: 'اعتراض در تهران به گرانی بنزین' },
  { key: 'ug1', lang: 'ug', text: 'ئۈرۈمچىدە ھاۋا رايى ياخشى' },
  { key: 'ug2', lang: 'ug', text: 'ئۇيغۇر تىلى ۋە مەدەنىيىتى' },
  { key: 'ru1', lang: 'ru', text: 'Изменение климата — глобальный кризис' },
  { key: 'ru2', lang: 'ru', text: 'Ёлки в Москве украшены к празднику' },
  { key: 'ru3', lang: 'ru', platform: 'rss', source: 'Meduza', text: 'Протест в Москве против повышения цен на бензин' },
  { key: 'zh1', lang: 'zh', platform: 'weibo', source: 'weibo', text: '今天北京天气很好 #天气' },
  { key: 'zh2', lang: 'zh', platform: 'weibo', source: 'weibo', text: '北京天气预报：明天有雨' },
  { key: 'zh3', lang: 'zh', platform: 'weibo', source: 'weibo', text: '全球气候变化是一个严重的危机', sentiment: 'negative' },
  { key: 'zh4', lang: 'zh', platform: 'weibo', source: 'weibo', text: '上海的天气很热' },
  { key: 'zh5', lang: 'zh', platform: 'weibo', source: 'weibo', text: '气候危机需要全球合作 https://news.sina.com.cn/c/2024' },
  { key: 'ja1', lang: 'ja', text: '東京の天気は晴れです' },
  { key: 'ja2', lang: 'ja', text: '気候変動の危機について議論した' },
  { key: 'ja3', lang: 'ja', text: '今日は東京で抗議デモがありました' },
  { key: 'th1', lang: 'th', text: 'อากาศร้อนมากในกรุงเทพ' },
  { key: 'th2', lang: 'th', text: 'การประท้วงในกรุงเทพวันนี้' },
  { key: 'hi1', lang: 'hi', text: 'जलवायु परिवर्तन एक गंभीर संकट है' },
  { key: 'hi2', lang: 'hi', text: 'दिल्ली में मौसम बहुत गर्म है' },
];

/** A post as enrichment would produce it, from a text and a few facts. */
export function makePost(spec: Spec, createdAt: number): Post {
  const platform = spec.platform ?? 'x';
  const entities = extractEntities(spec.text);
  const post: Post = {
    id: `${platform}:${spec.key}`,
    platform,
    source: spec.source ?? platform,
    createdAt,
    ingestedAt: createdAt + 1000,
    authorKey: (spec.key.charCodeAt(0).toString(16) + '0'.repeat(32)).slice(0, 32),
    text: spec.text,
    lang: spec.lang,
    langConfidence: 0.99,
    tokens: tokenize(spec.text),
    ...entities,
  };
  const url = entities.links[0];
  if (url) post.url = url;
  if (spec.replyTo) post.replyTo = spec.replyTo;
  if (spec.repostOf) post.repostOf = spec.repostOf;
  if (spec.quoteOf) post.quoteOf = spec.quoteOf;
  if (spec.sentiment) post.sentiment = { label: spec.sentiment, score: spec.sentiment === 'negative' ? -0.7 : spec.sentiment === 'positive' ? 0.7 : 0 };
  return post;
}

export const CORPUS: readonly Post[] = SPECS.map((s, i) => makePost(s, CORPUS_START + i * CORPUS_STEP));

/** The key (native id) of a corpus post. */
export function keyOf(post: Post): string {
  return post.id.slice(post.id.indexOf(':') + 1);
}
