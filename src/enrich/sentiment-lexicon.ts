/**
 * tidewatch's own polarity cues, written for the project: emoji and emoticon polarity, negators,
 * intensifiers and a small core of unambiguous polar words in the languages the sentiment model
 * is evaluated on (plus Chinese). They feed a few dense features of the learned model; the model
 * learns how far to trust them, so the lists favour precision over coverage.
 *
 * Words are written as people type them and folded with tidewatch's `fold` when used, so
 * diacritics are optional (`não` and `nao` are one entry).
 */

/** Emoji with a clear polarity, by code point sequence without variation selectors. */
export const POSITIVE_EMOJI =
  '😀😃😄😁😆😅🤣😂😊😇🙂😉😍🥰😘😗😙😚😋😛😜🤪😝🤗🤩🥳😎😌☺😺😸😹😻💋👍👏🙌💪🎉🎊🎈🎁🏆🥇❤💕💖💗💘💙💚💛💜🧡🤍💞💓💝💟♥💯🔥✨🌟⭐🌹🌸💐🌈☀✌🤘👌🙏💃🕺🍾🥂👑😏🤑🤤';
export const NEGATIVE_EMOJI =
  '😞😔😟😕🙁☹😣😖😫😩🥺😢😭😤😠😡🤬😱😨😰😥😓💔👎🤮🤢😒🙄😑😬💩😷🤦😪😿😾👿💀☠😵🥴🤯😧😦🖕🤡😳😮‍💨';

/** ASCII emoticons; matched on the raw text, as tokens, before tokenising drops punctuation. */
export const POSITIVE_EMOTICONS = [
  ':)', ':-)', ': )', ':]', '=)', '(:', ':d', ':-d', '=d', ';)', ';-)', ';d', ':p', ':-p', ';p', 'xd', 'xp',
  '<3', '^_^', '^^', '^.^', ':3', ":')", ':*', ':-*', '8)', 'b)', '\\o/', '(y)',
];
export const NEGATIVE_EMOTICONS = [
  ':(', ':-(', ': (', ':[', '=(', '):', ":'(", ":'-(", 'd:', ':/', ':-/', ':\\', '>:(', '</3', '-_-', ':s', ':|', 'T_T', ';(', ':@', '>.<', 'u_u',
];

/**
 * Words that invert the polarity of what follows within a short window, per language. Folded
 * forms; contractions such as `don't` are caught by their `n't` ending.
 */
export const NEGATORS: Readonly<Record<string, readonly string[]>> = {
  en: ['not', 'no', 'never', 'nobody', 'nothing', 'none', 'neither', 'nor', 'without', 'cannot', 'cant', 'dont', 'doesnt', 'didnt', 'isnt', 'wasnt', 'arent', 'werent', 'wont', 'wouldnt', 'shouldnt', 'couldnt', 'aint', 'hardly', 'barely', 'nowhere', 'lack', 'lacks'],
  es: ['no', 'nunca', 'jamas', 'ni', 'sin', 'nada', 'tampoco', 'nadie', 'ningun', 'ninguna', 'ninguno'],
  pt: ['nao', 'nunca', 'jamais', 'nem', 'sem', 'nada', 'ninguem', 'nenhum', 'nenhuma', 'tampouco'],
  fr: ['ne', 'pas', 'jamais', 'rien', 'sans', 'aucun', 'aucune', 'ni', 'personne', 'non', "n'est", "n'a", "n'ai", "n'y", "n'en", "n'es", "n'etait", "n'avait"],
  de: ['nicht', 'kein', 'keine', 'keinen', 'keinem', 'keiner', 'keines', 'nie', 'niemals', 'nichts', 'ohne', 'kaum', 'weder', 'niemand', 'net', 'ned'],
  it: ['non', 'mai', 'niente', 'nulla', 'senza', 'nessuno', 'nessuna', 'ne', 'neanche', 'nemmeno', 'neppure'],
  ar: ['لا', 'لم', 'لن', 'ليس', 'ليست', 'مش', 'مو', 'بدون', 'غير', 'مب', 'ما', 'مافي', 'ماكو', 'بلا', 'ولا'],
  hi: ['nahi', 'nahin', 'nhi', 'nai', 'na', 'mat', 'bina', 'nahee', 'नहीं', 'नही', 'न', 'मत', 'बिना', 'ना'],
  zh: ['不', '没', '没有', '别', '无', '未', '不是', '不要', '不会', '不能'],
};

/** Words that strengthen (>1) or soften (<1) the next polar word. */
export const INTENSIFIERS: Readonly<Record<string, number>> = {
  very: 1.3, so: 1.2, really: 1.3, too: 1.2, extremely: 1.5, totally: 1.3, absolutely: 1.4, super: 1.3, most: 1.2, incredibly: 1.4, quite: 1.1,
  slightly: 0.7, somewhat: 0.8, kinda: 0.8, bit: 0.8,
  muy: 1.3, muito: 1.3, muita: 1.3, tres: 1.3, vraiment: 1.3, trop: 1.3, sehr: 1.3, echt: 1.2, total: 1.2, voll: 1.2, molto: 1.3, troppo: 1.2, davvero: 1.3,
  bahut: 1.3, bohot: 1.3, bht: 1.3, bahot: 1.3, jyada: 1.2, 'बहुत': 1.3, 'جدا': 1.3, 'جداً': 1.3, 'اوي': 1.3, 'قوي': 1.2, 'كتير': 1.2,
  '很': 1.3, '非常': 1.5, '太': 1.3, '特别': 1.4, '真': 1.2, '超': 1.3,
};

/**
 * Core polar words, valence in [-4, 4]. Chosen to be unambiguous in tweets; the learned n-gram
 * weights carry the rest.
 */
export const CORE_POLARITY: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  en: {
    good: 2, great: 3, love: 3, loved: 3, loving: 3, awesome: 3, amazing: 3, excellent: 3, best: 3, happy: 3, glad: 2, nice: 2, beautiful: 3, wonderful: 3, fantastic: 3, perfect: 3, fun: 2, cool: 1, thanks: 2, thank: 2, congrats: 3, congratulations: 3, excited: 3, exciting: 3, enjoy: 2, enjoyed: 2, win: 2, won: 2, brilliant: 3, lovely: 3, proud: 2, yay: 3, lol: 1, haha: 2, hahaha: 2, favorite: 2, favourite: 2, like: 1, liked: 1, cute: 2, glorious: 3, blessed: 3, success: 2, hope: 1, luck: 1, incredible: 3, superb: 3, delighted: 3, fabulous: 3, pleased: 2, good_luck: 2,
    bad: -3, worst: -4, hate: -4, hated: -4, awful: -3, terrible: -3, horrible: -3, sad: -2, angry: -3, sucks: -3, suck: -3, annoying: -2, annoyed: -2, stupid: -3, disappointed: -3, disappointing: -3, disgusting: -3, shame: -2, poor: -2, fail: -2, failed: -2, wrong: -2, sorry: -1, crap: -3, shit: -3, damn: -2, fuck: -3, fucking: -2, ugly: -3, pathetic: -3, useless: -3, boring: -2, sick: -2, scared: -2, afraid: -2, upset: -2, cry: -2, crying: -2, kill: -3, killed: -3, dead: -3, death: -2, racist: -3, idiot: -3, idiots: -3, lies: -2, liar: -3, disaster: -3, ridiculous: -2, worse: -3, hurt: -2, pain: -2, rip: -2, tragic: -3, unfortunately: -2, furious: -3, mad: -2, lost: -1,
  },
  es: {
    bueno: 2, buena: 2, buenos: 2, buenas: 1, genial: 3, excelente: 3, mejor: 2, feliz: 3, felices: 3, amor: 3, encanta: 3, encanto: 2, hermoso: 3, hermosa: 3, bonito: 2, bonita: 2, increible: 3, gracias: 2, guapo: 2, guapa: 2, alegria: 3, divertido: 2, perfecto: 3, perfecta: 3, maravilloso: 3, maravillosa: 3, bien: 1, jaja: 2, jajaja: 2, jajajaja: 2, felicidades: 3, mola: 2, orgulloso: 2, precioso: 3, preciosa: 3, fantastico: 3, gusta: 2, enhorabuena: 3, quiero: 1, exito: 2,
    malo: -3, mala: -3, peor: -3, odio: -4, triste: -2, horrible: -3, asco: -3, mierda: -3, vergüenza: -3, verguenza: -3, puta: -2, joder: -2, miedo: -2, mal: -2, fatal: -3, pesimo: -3, pesima: -3, terrible: -3, asqueroso: -3, idiota: -3, estupido: -3, tonto: -2, cabreado: -3, harto: -3, harta: -3, lamentable: -3, muerte: -2, muerto: -2, muertos: -2, ladrones: -3, corrupto: -3, corruptos: -3, corrupcion: -3, desastre: -3, llorar: -2, dolor: -2, aburrido: -2, ojete: -2,
  },
  pt: {
    bom: 2, boa: 2, otimo: 3, otima: 3, excelente: 3, melhor: 2, feliz: 3, felizes: 3, amor: 3, amo: 3, adoro: 3, lindo: 3, linda: 3, bonito: 2, bonita: 2, incrivel: 3, obrigado: 2, obrigada: 2, alegria: 3, divertido: 2, perfeito: 3, perfeita: 3, maravilhoso: 3, maravilhosa: 3, kkk: 2, kkkk: 2, kkkkk: 2, haha: 2, rs: 1, parabens: 3, orgulho: 2, demais: 1, top: 2, sucesso: 2, fofo: 2, fofa: 2, gosto: 1, legal: 2, show: 2,
    ruim: -3, pior: -3, odeio: -4, triste: -2, horrivel: -3, nojo: -3, merda: -3, vergonha: -3, porra: -2, medo: -2, mal: -2, pessimo: -3, pessima: -3, terrivel: -3, idiota: -3, burro: -2, chato: -2, chata: -2, raiva: -3, lamentavel: -3, morte: -2, morreu: -2, ladrao: -3, ladroes: -3, corrupto: -3, desastre: -3, chorar: -2, dor: -2, saco: -2, affs: -2, aff: -2, droga: -2, decepcao: -3, ridiculo: -3,
  },
  fr: {
    bon: 2, bonne: 2, super: 2, genial: 3, excellent: 3, excellente: 3, meilleur: 2, meilleure: 2, heureux: 3, heureuse: 3, amour: 3, aime: 2, adore: 3, beau: 2, belle: 2, magnifique: 3, incroyable: 3, merci: 2, bravo: 3, joie: 3, parfait: 3, parfaite: 3, merveilleux: 3, sympa: 2, cool: 1, felicitations: 3, mdr: 2, lol: 1, top: 2, content: 2, contente: 2, ravi: 3, ravie: 3, chouette: 2, extra: 2, bien: 1, succes: 2, fier: 2, fiere: 2,
    mauvais: -3, mauvaise: -3, pire: -3, deteste: -4, triste: -2, horrible: -3, nul: -3, nulle: -3, merde: -3, honte: -3, putain: -2, peur: -2, mal: -2, terrible: -2, idiot: -3, con: -2, connard: -4, chiant: -2, chiante: -2, colere: -3, lamentable: -3, mort: -2, morts: -2, catastrophe: -3, pleurer: -2, douleur: -2, degoute: -3, degueulasse: -3, marre: -3, dommage: -2, nuls: -3, pourri: -3, scandale: -3, honteux: -3, inquiet: -2, grave: -1,
  },
  de: {
    gut: 2, gute: 2, guten: 1, super: 2, toll: 3, tolle: 3, geil: 3, geile: 3, klasse: 3, prima: 3, besten: 2, beste: 2, glucklich: 3, liebe: 3, lieben: 3, schon: 1, schoen: 2, schones: 2, schone: 2, wunderbar: 3, wunderschon: 3, danke: 2, freue: 3, freuen: 3, freude: 3, perfekt: 3, spass: 2, cool: 1, hammer: 2, genial: 3, herrlich: 3, lecker: 2, gluckwunsch: 3, juhu: 3, yeah: 2, haha: 2, lol: 1, endlich: 1, stolz: 2, lustig: 2,
    schlecht: -3, schlechte: -3, schlimm: -3, schlimmer: -3, hasse: -4, traurig: -2, scheisse: -3, scheiss: -3, scheiß: -3, kacke: -3, mist: -2, schade: -2, angst: -2, doof: -2, blod: -3, bloed: -3, dumm: -3, nervt: -3, nervig: -2, ekelhaft: -3, peinlich: -2, wutend: -3, sauer: -2, tot: -2, tod: -2, katastrophe: -3, leider: -2, enttauscht: -3, enttauschend: -3, langweilig: -2, furchtbar: -3, schrecklich: -3, hass: -3, arsch: -3, mies: -3, krank: -2, verloren: -2, fehler: -2, skandal: -3,
  },
  it: {
    buono: 2, buona: 2, bravo: 3, brava: 3, bravi: 3, ottimo: 3, ottima: 3, grande: 2, grandi: 2, bello: 3, bella: 3, belle: 2, belli: 2, bellissimo: 3, bellissima: 3, meglio: 2, migliore: 2, felice: 3, felici: 3, amore: 3, adoro: 3, amo: 3, grazie: 2, complimenti: 3, fantastico: 3, fantastica: 3, perfetto: 3, perfetta: 3, meraviglioso: 3, meravigliosa: 3, divertente: 2, haha: 2, ahah: 2, ahahah: 2, auguri: 2, forza: 2, evviva: 3, bene: 1, top: 2, successo: 2,
    cattivo: -3, brutto: -3, brutta: -3, peggio: -3, peggiore: -3, odio: -4, triste: -2, orribile: -3, schifo: -3, merda: -3, vergogna: -3, cazzo: -2, paura: -2, male: -2, pessimo: -3, pessima: -3, terribile: -3, idiota: -3, stupido: -3, noioso: -2, rabbia: -3, morte: -2, morto: -2, morti: -2, ladri: -3, corrotti: -3, disastro: -3, piangere: -2, dolore: -2, squallido: -3, ridicolo: -3, purtroppo: -2, basta: -1, vergognoso: -3, schifoso: -3, delusione: -3, deluso: -3, crisi: -2,
  },
  ar: {
    'جميل': 3, 'جميلة': 3, 'رائع': 3, 'رائعة': 3, 'حلو': 2, 'حلوة': 2, 'ممتاز': 3, 'ممتازة': 3, 'احسن': 2, 'أحسن': 2, 'افضل': 2, 'أفضل': 2, 'سعيد': 3, 'سعيدة': 3, 'سعادة': 3, 'حب': 3, 'احب': 3, 'أحب': 3, 'الحب': 2, 'شكرا': 2, 'شكراً': 2, 'مبروك': 3, 'الحمد': 2, 'الحمدلله': 2, 'جيد': 2, 'جيدة': 2, 'نجاح': 2, 'فرح': 3, 'فرحة': 3, 'تحية': 2, 'عظيم': 3, 'بالتوفيق': 3, 'مبدع': 3, 'روعة': 3, 'هههه': 2, 'ههههه': 2, 'هههههه': 2, 'ابتسامة': 2, 'يسعد': 2, 'الله يحفظك': 2, 'ماشاءالله': 2, 'تبارك': 2,
    'سيء': -3, 'سيئ': -3, 'سيئة': -3, 'اسوء': -3, 'أسوأ': -3, 'اسوأ': -3, 'حزين': -2, 'حزينة': -2, 'حزن': -2, 'كره': -3, 'اكره': -4, 'أكره': -4, 'زفت': -3, 'فاشل': -3, 'فاشلة': -3, 'فشل': -3, 'خرا': -3, 'قرف': -3, 'مقرف': -3, 'حرام': -2, 'للاسف': -2, 'للأسف': -2, 'مؤسف': -2, 'كارثة': -3, 'قتل': -3, 'قتلى': -3, 'مقتل': -3, 'موت': -2, 'ارهاب': -3, 'إرهاب': -3, 'ظلم': -3, 'حسبي الله': -3, 'حسبنا': -2, 'غبي': -3, 'حقير': -4, 'خاين': -3, 'خائن': -3, 'فساد': -3, 'كذاب': -3, 'كذب': -2, 'مشكلة': -2, 'وجع': -2, 'الم': -1, 'ألم': -2, 'استشهاد': -2, 'شهداء': -1, 'تفجير': -3, 'حرب': -2, 'انفجار': -3, 'ضحايا': -3,
  },
  hi: {
    accha: 2, acha: 2, achha: 2, achchha: 2, badhiya: 3, badiya: 3, badia: 3, mast: 3, shandar: 3, zabardast: 3, jabardast: 3, khush: 3, khushi: 3, pyar: 3, pyaar: 3, sundar: 3, shukriya: 2, dhanyawad: 2, dhanyavad: 2, badhai: 3, mubarak: 3, jai: 1, jeet: 2, jeeta: 2, jeetenge: 2, best: 2, superb: 3, awesome: 3, great: 2, love: 3, nice: 2, good: 2, happy: 3, congrats: 3, wah: 2, waah: 2, kamaal: 3, kamal: 2, lajawab: 3, dil: 1, hit: 2, superhit: 3,
    bura: -3, buri: -3, bure: -3, bekar: -3, bekaar: -3, bakwas: -3, bakwaas: -3, ghatiya: -3, ganda: -3, gandi: -3, dukh: -2, dukhi: -2, gussa: -3, sharam: -3, sharm: -3, chor: -3, jhooth: -3, jhoot: -3, jhootha: -3, pagal: -2, bewakoof: -3, bevkuf: -3, kutta: -3, kutte: -3, haar: -2, hara: -1, maar: -2, mara: -2, dard: -2, afsos: -2, ghotala: -3, bhrasht: -3, flop: -3, worst: -4, bad: -3, hate: -4, shame: -3, sad: -2, 'अच्छा': 2, 'अच्छी': 2, 'बढ़िया': 3, 'खुश': 3, 'प्यार': 3, 'बुरा': -3, 'बेकार': -3, 'दुख': -2, 'शर्म': -3,
  },
  zh: {
    '好': 1, '喜欢': 3, '爱': 3, '开心': 3, '高兴': 3, '快乐': 3, '满意': 3, '不错': 2, '棒': 3, '赞': 3, '漂亮': 2, '美': 2, '美味': 3, '好吃': 3, '推荐': 2, '感谢': 2, '谢谢': 2, '加油': 2, '幸福': 3, '优秀': 3, '完美': 3, '舒服': 2, '干净': 2, '方便': 2, '划算': 2, '感动': 2, '希望': 1, '祝福': 2, '哈哈': 2, '哈哈哈': 2, '温暖': 2, '支持': 1, '厉害': 2,
    '差': -3, '坏': -3, '讨厌': -3, '难过': -2, '伤心': -3, '失望': -3, '生气': -3, '愤怒': -3, '垃圾': -3, '难吃': -3, '脏': -3, '恶心': -3, '糟糕': -3, '害怕': -2, '担心': -2, '恐惧': -3, '悲伤': -3, '痛苦': -3, '可怜': -2, '不满': -3, '投诉': -2, '慢': -1, '贵': -1, '吵': -2, '死': -2, '哭': -2, '无语': -2, '郁闷': -2, '烦': -2, '骗子': -3, '心疼': -1, '崩溃': -3, '可恶': -3,
  },
};
