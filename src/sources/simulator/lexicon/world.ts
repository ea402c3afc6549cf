import type { Topic } from './types.js';

/**
 * Things the simulator shares across languages: the places injected events happen in (named in
 * every language), emoji, and link domains. Domains are fictional and sit under the reserved
 * `.example` TLD (RFC 2606), so no real outlet is shown spreading a made-up story.
 */

export interface Place {
  /** Latin name used in the event's hashtag. */
  tag: string;
  names: Record<string, string>;
}

export const EVENT_PLACES: readonly Place[] = [
  { tag: 'Kazan', names: { en: 'Kazan', es: 'Kazán', fr: 'Kazan', ar: 'قازان', zh: '喀山', ru: 'Казань', fa: 'کازان', ug: 'قازان', de: 'Kasan', pt: 'Kazan', hi: 'कज़ान', ja: 'カザン', tr: 'Kazan' } },
  { tag: 'Kashgar', names: { en: 'Kashgar', es: 'Kasgar', fr: 'Kachgar', ar: 'كاشغر', zh: '喀什', ru: 'Кашгар', fa: 'کاشغر', ug: 'قەشقەر', de: 'Kaschgar', pt: 'Kashgar', hi: 'काशगर', ja: 'カシュガル', tr: 'Kaşgar' } },
  { tag: 'Alexandria', names: { en: 'Alexandria', es: 'Alejandría', fr: 'Alexandrie', ar: 'الإسكندرية', zh: '亚历山大港', ru: 'Александрия', fa: 'اسکندریه', ug: 'ئىسكەندەرىيە', de: 'Alexandria', pt: 'Alexandria', hi: 'अलेक्जेंड्रिया', ja: 'アレクサンドリア', tr: 'İskenderiye' } },
  { tag: 'Shiraz', names: { en: 'Shiraz', es: 'Shiraz', fr: 'Chiraz', ar: 'شيراز', zh: '设拉子', ru: 'Шираз', fa: 'شیراز', ug: 'شىراز', de: 'Schiras', pt: 'Xiraz', hi: 'शिराज़', ja: 'シーラーズ', tr: 'Şiraz' } },
  { tag: 'Lyon', names: { en: 'Lyon', es: 'Lyon', fr: 'Lyon', ar: 'ليون', zh: '里昂', ru: 'Лион', fa: 'لیون', ug: 'لىيون', de: 'Lyon', pt: 'Lyon', hi: 'ल्योन', ja: 'リヨン', tr: 'Lyon' } },
  { tag: 'Porto', names: { en: 'Porto', es: 'Oporto', fr: 'Porto', ar: 'بورتو', zh: '波尔图', ru: 'Порту', fa: 'پورتو', ug: 'پورتو', de: 'Porto', pt: 'Porto', hi: 'पोर्तो', ja: 'ポルト', tr: 'Porto' } },
  { tag: 'Chengdu', names: { en: 'Chengdu', es: 'Chengdu', fr: 'Chengdu', ar: 'تشنغدو', zh: '成都', ru: 'Чэнду', fa: 'چنگدو', ug: 'چېڭدۇ', de: 'Chengdu', pt: 'Chengdu', hi: 'चेंगदू', ja: '成都', tr: 'Chengdu' } },
  { tag: 'Izmir', names: { en: 'Izmir', es: 'Esmirna', fr: 'Izmir', ar: 'إزمير', zh: '伊兹密尔', ru: 'Измир', fa: 'ازمیر', ug: 'ئىزمىر', de: 'Izmir', pt: 'Esmirna', hi: 'इज़मिर', ja: 'イズミル', tr: 'İzmir' } },
  { tag: 'Valencia', names: { en: 'Valencia', es: 'Valencia', fr: 'Valence', ar: 'فالنسيا', zh: '瓦伦西亚', ru: 'Валенсия', fa: 'والنسیا', ug: 'ۋالېنسىيە', de: 'Valencia', pt: 'Valência', hi: 'वालेंसिया', ja: 'バレンシア', tr: 'Valensiya' } },
  { tag: 'Osaka', names: { en: 'Osaka', es: 'Osaka', fr: 'Osaka', ar: 'أوساكا', zh: '大阪', ru: 'Осака', fa: 'اوساکا', ug: 'ئوساكا', de: 'Osaka', pt: 'Osaka', hi: 'ओसाका', ja: '大阪', tr: 'Osaka' } },
  { tag: 'Pune', names: { en: 'Pune', es: 'Pune', fr: 'Pune', ar: 'بونه', zh: '浦那', ru: 'Пуна', fa: 'پونه', ug: 'پۇنا', de: 'Pune', pt: 'Pune', hi: 'पुणे', ja: 'プネー', tr: 'Pune' } },
];

/** The incident part of an event hashtag (#KazanFlood). */
export const INCIDENT_TAGS: Record<string, string> = {
  flood: 'Flood',
  wildfire: 'Wildfire',
  earthquake: 'Earthquake',
  derailment: 'TrainDerailment',
  metroStrike: 'MetroStrike',
  foodPoisoning: 'FoodPoisoning',
  measles: 'MeaslesOutbreak',
  protest: 'Protest',
  recount: 'Recount',
  bankCollapse: 'BankCollapse',
  factoryFire: 'FactoryFire',
  dataBreach: 'DataBreach',
  networkOutage: 'NetworkOutage',
};

/** The hashtag a narrative's pushers may add, by claim. */
export const CLAIM_TAGS: Record<string, string> = {
  water: 'WaterCoverUp',
  banks: 'BankFreeze',
  ballots: 'StolenBallots',
  meters: 'SmartMeterSpying',
  bread: 'BreadShortage',
  blackout: 'CyberBlackout',
  schools: 'SchoolClosures',
};

export const GENERAL_EMOJI: readonly string[] = ['😂', '😡', '❤️', '👍', '🙏', '😮', '😢', '🔥', '👏', '🤔', '😅', '💯', '🙄', '😍'];

export const TOPIC_EMOJI: Record<Topic, readonly string[]> = {
  everyday: ['☕', '😴', '🙌', '🌅'],
  weather: ['☔', '🌧️', '☀️', '❄️', '🌪️'],
  sport: ['⚽', '🏆', '🥅', '🏟️'],
  transport: ['🚆', '🚌', '🚇', '🚲'],
  food: ['🍕', '🍜', '☕', '🥐', '🍲'],
  health: ['🤒', '💉', '🏥', '💪'],
  elections: ['🗳️', '📊'],
  economy: ['📈', '📉', '💸', '🏦'],
  technology: ['📱', '💻', '🤖', '🔋'],
  culture: ['🎬', '📚', '🎶', '🎭'],
};

export const ALARM_EMOJI: readonly string[] = ['🚨', '⚠️', '‼️', '😱', '👀'];

/** Sites people share across languages. */
export const GLOBAL_DOMAINS: readonly string[] = ['video.example', 'pics.example', 'blog.example', 'lnk.example'];

/** Where coordinated bursts point. */
export const DUBIOUS_DOMAINS: readonly string[] = ['truthwire.example', 'realvoice24.example', 'freepress-now.example', 'awakenews.example'];

/** Topic names as URL sections. */
export const SECTIONS: Record<Topic, string> = {
  everyday: 'life',
  weather: 'weather',
  sport: 'sport',
  transport: 'transport',
  food: 'food',
  health: 'health',
  elections: 'politics',
  economy: 'economy',
  technology: 'tech',
  culture: 'culture',
};
