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

/**
 * More of tidewatch's polar words: the forms tweets use (inflections, slang, dialect spellings).
 * Kept apart from CORE_POLARITY so each list stays free of repeated keys; both feed the `core`
 * lexicon (a word in both gets the mean).
 */
export const CORE_POLARITY_MORE: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  en: {
    lmao: 2, lmfao: 2, rofl: 2, woohoo: 3, yess: 2, yesss: 2, grateful: 3, thankful: 3, gorgeous: 3, adorable: 3, hilarious: 2, epic: 2, legend: 2, blessed: 3, stoked: 3, pumped: 2, yummy: 2, delicious: 3, winning: 2, victory: 2, champions: 2,
    ugh: -2, ughh: -2, wtf: -2, smh: -2, fml: -3, bullshit: -3, dumb: -2, gross: -2, pissed: -3, exhausted: -2, tired: -1, heartbroken: -3, miserable: -3, depressed: -3, depressing: -3, lonely: -2, worried: -2, scam: -3, ruined: -3, ruin: -2, tragedy: -3, murder: -3, shooting: -3, terrorist: -3, attack: -2, hell: -2, failure: -3, cried: -2, tears: -2, sexist: -3, corrupt: -3, fake: -2, worthless: -3, hopeless: -3, sucked: -3,
  },
  es: {
    encanto: 2, encantó: 3, gustó: 2, gustan: 2, preciosas: 3, precioso: 3, hermosos: 3, buenísimo: 3, buenisimo: 3, increíbles: 3, felicidad: 3, alegría: 3, disfrutar: 2, disfrutando: 2, disfruta: 2, victoria: 2, campeón: 2, campeones: 2, ganamos: 2, ídolo: 2, crack: 2, guay: 2, molan: 2, chulo: 2, orgullosa: 2, risas: 2, jeje: 1, jejeje: 1, suerte: 1, ánimo: 1, gracias: 2, maravilla: 3,
    odiar: -3, asquerosa: -3, pésimo: -3, pésima: -3, peores: -3, tristeza: -2, llorando: -2, lloro: -2, duele: -2, matar: -3, asesino: -3, asesinato: -3, violencia: -3, ladrón: -3, robo: -2, mentira: -2, mentiras: -2, mentiroso: -3, mentirosos: -3, vergonzoso: -3, indignante: -3, indignación: -3, hartos: -3, cansada: -2, cansado: -2, aburrida: -2, crisis: -2, recortes: -2, fracaso: -3, perdimos: -2, derrota: -2, imbécil: -3, gilipollas: -3, tonta: -2, estúpida: -3, basura: -3, pena: -2, rabia: -3, enfadado: -3, enfadada: -3, decepción: -3, decepcionado: -3, ridículo: -3, inútil: -3, sinvergüenza: -3, sinvergüenzas: -3, cabrón: -3, miserable: -3, paro: -1, culpa: -1,
  },
  pt: {
    adorei: 3, amei: 3, amando: 3, amo: 3, gostei: 2, lindos: 3, lindas: 3, felicidade: 3, ótimo: 3, ótima: 3, incrível: 3, sensacional: 3, maravilha: 3, arrasou: 3, arrasa: 3, parabéns: 3, valeu: 2, torcendo: 2, vitória: 2, ganhou: 2, campeão: 2, bacana: 2, massa: 1, delícia: 3, delicia: 3, engraçado: 2, rindo: 2, rsrs: 1, risos: 2, kkkkkk: 2, hahaha: 2, perfeito: 3, fofinho: 2, orgulhoso: 2,
    odiei: -3, detesto: -3, horrível: -3, péssimo: -3, péssima: -3, tristeza: -2, chatice: -2, ódio: -3, odio: -3, nojento: -3, vergonhoso: -3, ridículo: -3, lixo: -3, caralho: -2, desgraça: -3, desgraçado: -3, lamentável: -3, decepção: -3, decepcionado: -3, decepcionante: -3, cansado: -2, cansada: -2, doente: -2, chorando: -2, chorei: -2, morreu: -2, mortos: -2, infelizmente: -2, fracasso: -3, perdeu: -2, derrota: -2, bosta: -3, sacanagem: -2, injustiça: -3, absurdo: -2, vagabundo: -3, corrupção: -3, mentira: -2, mentiroso: -3, golpe: -2, golpista: -3, pqp: -3, fdp: -3, affe: -2, afff: -2, tenso: -1, raiva: -3,
  },
  fr: {
    génial: 3, géniale: 3, magnifique: 3, merveilleux: 3, merveilleuse: 3, incroyable: 3, félicitations: 3, bonheur: 3, joie: 3, heureux: 3, ravi: 3, adore: 3, adorable: 3, belles: 2, beaux: 2, marrant: 2, drôle: 2, ptdr: 2, hâte: 2, vivement: 2, fière: 2, réussite: 2, succès: 2, gagné: 2, victoire: 2, champion: 2, meilleurs: 2, kiffe: 2, excellente: 3, formidable: 3, sublime: 3, top: 2, enfin: 1,
    nul: -3, nulle: -3, chiant: -2, affreux: -3, affreuse: -3, tristesse: -2, détester: -3, haine: -3, honteux: -3, honteuse: -3, scandale: -3, scandaleux: -3, mauvaise: -3, malade: -2, inquiet: -2, inquiétant: -2, colère: -3, énervé: -3, énervée: -3, marre: -3, dégoûté: -3, dégoûtée: -3, dégueulasse: -3, pourri: -3, pourrie: -3, catastrophe: -3, désastre: -3, dommage: -2, hélas: -2, malheureusement: -2, tué: -3, tués: -3, attentat: -3, terroriste: -3, terrorisme: -3, guerre: -2, chômage: -2, échec: -3, défaite: -2, ennuyeux: -2, déçu: -3, déçue: -3, déception: -3, ridicule: -3, conne: -3, connasse: -3, abruti: -3, imbécile: -3, stupide: -3, galère: -2, relou: -2, pleurer: -2, souffrance: -3, douleur: -2, menace: -2, dangereux: -2, crise: -2,
  },
  de: {
    spitze: 3, wunderschön: 3, wunderschöne: 3, schöne: 2, schönen: 2, schönes: 2, schön: 2, bester: 2, liebt: 3, lieb: 2, dankeschön: 2, freut: 3, froh: 3, glücklich: 3, glück: 2, spaß: 2, gewonnen: 2, sieg: 2, gratuliere: 3, glückwunsch: 3, herzlichen: 2, mega: 2, genial: 3, großartig: 3, grossartig: 3, fantastisch: 3, traumhaft: 3, lustig: 2, yay: 3, klasse: 3,
    scheiße: -3, scheiß: -3, blöd: -3, dumme: -3, dummer: -3, idioten: -3, hasse: -4, schlechter: -3, schlimmste: -3, schrecklich: -3, grausam: -3, eklig: -3, widerlich: -3, peinlich: -2, trauer: -2, traurige: -2, schade: -2, sorge: -2, sorgen: -2, wütend: -3, wut: -3, ärgerlich: -2, ärger: -2, genervt: -3, enttäuscht: -3, enttäuschung: -3, skandal: -3, tote: -2, toten: -2, krieg: -2, terror: -3, niederlage: -2, versagt: -3, versager: -3, falsch: -1, müde: -1, kaputt: -2, arschloch: -4, verdammt: -2, übel: -2, elend: -3, katastrophal: -3, unfassbar: -1, nervt: -3, mies: -3, leider: -2,
  },
  it: {
    bellissimi: 3, bellissime: 3, bravissimo: 3, bravissima: 3, stupendo: 3, stupenda: 3, splendido: 3, splendida: 3, felicità: 3, gioia: 3, complimenti: 3, vittoria: 2, vinto: 2, orgoglio: 2, orgoglioso: 2, simpatico: 2, simpatica: 2, mitico: 3, mitica: 3, piace: 2, piaciuto: 2, spettacolo: 2, spettacolare: 3, geniale: 3, ottimi: 3, fantastici: 3, perfetti: 3, evviva: 3, grazie: 2, ahahahah: 2, ahahah: 2, ahaha: 2, hahaha: 2,
    orribile: -3, terribile: -3, schifoso: -3, schifosa: -3, schifezza: -3, vaffanculo: -4, odiare: -3, tristezza: -2, paura: -2, incazzato: -3, arrabbiato: -3, arrabbiata: -3, vergognoso: -3, vergognatevi: -3, ridicola: -3, squallido: -3, noia: -2, malato: -2, guerra: -2, tragedia: -3, peccato: -2, delusione: -3, deluso: -3, delusa: -3, fallimento: -3, sconfitta: -2, perso: -2, ladro: -3, corruzione: -3, mafia: -3, bugie: -3, bugiardo: -3, idioti: -3, cretino: -3, coglione: -3, imbecille: -3, buffone: -3, buffoni: -3, tasse: -1, pessimi: -3, incapaci: -3, incapace: -3, vergogna: -3, schifo: -3,
  },
  ar: {
    'الجميل': 2, 'حلوه': 2, 'فرحان': 3, 'فرحانه': 3, 'الفرحة': 3, 'سعاده': 3, 'بحب': 3, 'حبيبي': 2, 'حبيبتي': 2, 'احبك': 3, 'أحبك': 3, 'مشكور': 2, 'تسلم': 2, 'يسلمو': 2, 'مبارك': 2, 'ماشاء': 2, 'يارب': 1, 'توفيق': 2, 'ناجح': 2, 'فوز': 2, 'فاز': 2, 'انتصار': 2, 'نصر': 2, 'عظيمة': 3, 'روعه': 3, 'ابداع': 3, 'إبداع': 3, 'جمال': 2, 'امل': 1, 'أمل': 1, 'خير': 1, 'بخير': 2, 'طيب': 1, 'لطيف': 2, 'ضحك': 2, 'اجمل': 3, 'أجمل': 3, 'تحفة': 3, 'قمة': 2, 'بطل': 2, 'ابطال': 2, 'فخر': 2, 'فخور': 3, 'مميز': 2, 'مميزة': 2, 'يجنن': 3, 'تجنن': 3, 'رهيب': 2, 'هههههههه': 2, 'ههههههه': 2,
    'سئ': -3, 'وحش': -2, 'وحشة': -2, 'زباله': -3, 'زبالة': -3, 'تافه': -3, 'تافهة': -3, 'الفشل': -3, 'غباء': -3, 'اغبياء': -3, 'حقيرة': -4, 'الكذب': -2, 'نصاب': -3, 'حرامي': -3, 'حرامية': -3, 'لص': -3, 'الفساد': -3, 'فاسد': -3, 'الظلم': -3, 'ظالم': -3, 'الحزن': -2, 'زعلان': -2, 'زعلانة': -2, 'مكتئب': -3, 'اكتئاب': -3, 'الموت': -2, 'ميت': -2, 'القتل': -3, 'قتيل': -3, 'جريمة': -3, 'مجزرة': -3, 'مجازر': -3, 'الارهاب': -3, 'ارهابي': -3, 'إرهابي': -3, 'ارهابيين': -3, 'دمار': -3, 'تدمير': -3, 'قصف': -3, 'الحرب': -2, 'جرحى': -2, 'كارثه': -3, 'مصيبة': -3, 'مشكله': -2, 'أزمة': -2, 'ازمة': -2, 'خوف': -2, 'مخيف': -2, 'خايف': -2, 'غضب': -3, 'غاضب': -3, 'عار': -3, 'العار': -3, 'خيانة': -3, 'عميل': -2, 'احتلال': -2, 'الاحتلال': -2, 'عنصري': -3, 'عنصرية': -3, 'لعنة': -3, 'لعنه': -3, 'يلعن': -3, 'تعبان': -2, 'ملل': -2, 'ممل': -2, 'مزعج': -2, 'ضعيف': -1, 'غلط': -2, 'خطأ': -2, 'متخلف': -3, 'تخلف': -3, 'حسبي': -2, 'الله المستعان': -1,
  },
  hi: {
    acchi: 2, achhi: 2, achi: 2, acche: 2, achhe: 2, ache: 1, badhiyaa: 3, mazaa: 2, maza: 2, mazza: 2, maja: 2, khushiyan: 3, pyari: 2, pyara: 2, pyare: 2, sahi: 1, shabash: 3, jabardast: 3, zabardast: 3, kamaal: 3, dhamaal: 3, superhit: 3, blockbuster: 3, jeet: 2, jeeto: 2, jitega: 2, jeetega: 2, mubarak: 3, badhaai: 3, hahaha: 2, hahahaha: 2,
    buraa: -3, bekaar: -3, bekar: -3, faltu: -3, ghatiya: -3, gandi: -3, ganda: -3, gande: -3, dukhi: -2, rona: -2, ro: -1, gusse: -3, sharam: -3, besharam: -3, beshram: -3, chor: -3, chutiya: -3, chutiye: -3, kutte: -3, kamina: -3, kamine: -3, harami: -3, haramkhor: -3, bhrasht: -3, ghotala: -3, jhootha: -3, jhoothe: -3, fekta: -2, feku: -2, pappu: -1, haar: -2, haare: -2, haarenge: -2, bakwaas: -3, bakwas: -3, bakvas: -3, pagal: -2, ullu: -2, afsos: -2, dukh: -2, nafrat: -3, gaali: -2, maaro: -2, marna: -2,
  },
};
