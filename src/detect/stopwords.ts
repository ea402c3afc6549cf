/**
 * Function words that must never name an emerging topic, for the languages tidewatch sees most,
 * plus platform noise (rt, via, amp). Kept short on purpose: a term's own history already
 * normalises frequent words, and the detector also damps any term whose learned rate per post is
 * high (see `maxBaselineRate`), which covers languages without a list here. Entries are in the
 * tokenizer's folded form (lower case, Latin diacritics removed).
 */

import { fold } from '../enrich/tokenize.js';

const LISTS: Record<string, string> = {
  platform: 'rt via amp http https www com html htm jpg png gif pic status twitter tweet tweets retweet lol omg',
  en: `a about above after again against all am an and any are aren't as at be because been before being below
    between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down during each few for
    from further had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself him himself
    his how how's i i'd i'll i'm i've if in into is isn't it it's its itself let's me more most mustn't my myself no nor
    not of off on once only or other ought our ours ourselves out over own same shan't she she'd she'll she's should
    shouldn't so some such than that that's the their theirs them themselves then there there's these they they'd
    they'll they're they've this those through to too under until up very was wasn't we we'd we'll we're we've were
    weren't what what's when when's where where's which while who who's whom why why's will with won't would wouldn't
    you you'd you'll you're you've your yours yourself yourselves im dont cant wont its just like get got also now
    new one two us said says say will can go going know think see really still even much many via u ur gonna wanna`,
  es: `de la que el en y a los del se las por un para con no una su al lo como mas pero sus le ya o este si porque
    esta entre cuando muy sin sobre tambien me hasta hay donde quien desde todo nos durante todos uno les ni contra
    otros ese eso ante ellos e esto mi antes algunos que unos yo otro otras otra el tanto esa estos mucho quienes nada
    muchos cual poco ella estar estas algunas algo nosotros es son fue ser ha han era q pq xq`,
  pt: `de a o que e do da em um para e com nao uma os no se na por mais as dos como mas foi ao ele das tem a seu sua
    ou ser quando muito ha nos ja esta eu tambem so pelo pela ate isso ela entre era depois sem mesmo aos ter seus
    quem nas me esse eles estao voce tinha foram essa num nem suas meu as minha tem numa pelos elas havia seja qual
    sera nos tenho lhe deles essas esses pelas este fosse dele tu te voces vos lhes meus minhas teu tua teus tuas nosso
    nossa nossos nossas dela delas esta estes estas aquele aquela aqueles aquelas isto aquilo vc pra pro ta`,
  fr: `au aux avec ce ces dans de des du elle en et eux il ils je la le les leur lui ma mais me meme mes moi mon ne
    nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un une vos votre vous c d j l
    m n s t y ete etre est sont suis a ai as avons avez ont etait cette cet plus tout tres bien fait faire comme si`,
  de: `aber alle allem allen aller alles als also am an ander andere anderem anderen anderer anderes auch auf aus bei
    bin bis bist da damit dann das dass dasselbe dazu dein deine dem den denn der des dich die dies diese dieser dieses
    dir doch dort du durch ein eine einem einen einer eines er es etwas euer eure fur gegen gewesen hab habe haben hat
    hatte hier hin hinter ich ihm ihn ihnen ihr ihre im in indem ins ist jede jedem jeden jeder jedes jene jetzt kann
    kein keine konnen man manche mein meine mich mir mit muss nach nicht nichts noch nun nur ob oder ohne sehr sein
    seine sich sie sind so solche soll sondern sonst uber um und uns unser unter viel vom von vor war waren warst was
    weg weil weiter welche wenn werde werden wie wieder will wir wird wirst wo wollen zu zum zur zwar zwischen`,
  it: `ad al allo ai agli alla alle con col coi da dal dallo dai dagli dalla dalle di del dello dei degli della delle
    in nel nello nei negli nella nelle su sul sullo sui sugli sulla sulle per tra contro io tu lui lei noi voi loro mio
    mia miei mie tuo tua tuoi tue suo sua suoi sue nostro nostra nostri nostre vostro vostra vostri vostre mi ti ci vi
    lo la li le gli ne il un uno una ma ed se perche anche come dov dove che chi cui non piu quale quanto quanti quanta
    quante quello quelli quella quelle questo questi questa queste si tutto tutti e ho hai ha abbiamo avete hanno sono
    sei siamo siete era erano essere stato`,
  nl: `de en van ik te dat die in een hij het niet zijn is was op aan met als voor had er maar om hem dan zou of wat
    mijn men dit zo door over ze zich bij ook tot je mij uit der daar haar naar heb hoe heeft hebben deze u want nog
    zal me zij nu ge geen omdat iets worden toch al waren veel meer doen toen moet ben zonder kan hun dus alles onder
    ja eens hier wie werd altijd doch wordt wezen kunnen ons zelf tegen na reeds wil kon niets uw iemand geweest andere`,
  ru: `и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее мне было вот от
    меня еще нет о из ему теперь когда даже ну вдруг ли если уже или ни быть был него до вас нибудь опять уж вам ведь
    там потом себя ничего ей может они тут где есть надо ней для мы тебя их чем была сам чтоб без будто чего раз тоже
    себе под будет ж тогда кто этот того потому этого какой совсем ним здесь этом один почти мой тем чтобы нее сейчас
    были куда зачем всех никогда можно при наконец два об другой хоть после над больше тот через эти нас про всего них
    какая много разве три эту моя впрочем хорошо свою этой перед иногда лучше чуть том нельзя такой им более всегда
    конечно всю между это`,
  uk: `і й та що не на в у з за до від по як це так але він вона воно вони ми ви ти я його її їх бо чи ще вже то
    був була було були є буде для при про під над без між мене тебе нас вас їм йому ній цей ця ці той тих`,
  ar: `في من على إلى الى عن مع هذا هذه ذلك تلك التي الذي الذين ما لا لم لن أن ان إن كان كانت قد و او أو ثم
    يا هو هي هم هن نحن انا أنا انت أنت كل بعد قبل عند حتى إذا اذا لكن بين فيه فيها منه منها عليه عليها له لها لهم
    به بها كما ايضا أيضا غير بل اي أي هل وهو وهي وفي ومن وما ولا الله`,
  fa: `و در به از که این را با است برای آن یک تا هم بر می شود شد بود کرد کند ها های خود نیز اما یا اگر هر
    چه باید پس او ما من تو شما آنها ایشان وی همه دیگر بی نه بین پیش روی زیر`,
  tr: `ve bir bu da de ile için ne o ki gibi çok daha en ama mı mi mu mü var yok ben sen biz siz onlar şu her
    kadar sonra olarak olan oldu olduğu diye ya veya hem değil ise bile şey`,
  id: `yang dan di ke dari ini itu untuk dengan tidak ada akan pada juga dalam saya kami kita mereka anda ia dia
    atau sudah bisa karena oleh sebagai lebih tersebut telah hanya jika saat apa ya aja gak nggak yg dgn utk`,
  hi: `के का की है में और को से एक यह वह पर ने भी नहीं हैं था थी थे कि जो कर हो तो ही या इस उस लिए तक साथ बहुत`,
  zh: `我们 你们 他们 她们 它们 自己 这个 那个 这些 那些 这样 那样 什么 怎么 为什么 没有 一个 一些 就是 还是 可以
    不是 已经 因为 所以 但是 如果 虽然 而且 或者 以及 现在 今天 时候 的话 这里 那里 大家 真的 知道 觉得 还有 不要
    不会 可能 一下 一样 这么 那么 非常 应该 需要 之后 之前 然后 其实 只是 通过 进行 表示 其中 以后 起来`,
  ja: `これ それ あれ この その あの ここ そこ あそこ こちら どこ だれ なに なん ます です でした ました ません
    した して いる いた ある あり こと もの よう ため から まで など なる なっ られ れる さん という って けど でも
    また そして しかし ので のに たち`,
  ko: `이 그 저 것 수 등 및 더 또 또는 그리고 하지만 그러나 그래서 있다 없다 하다 했다 한다 되다 된다 에서 으로 에게`,
};

// Folded with the tokenizer's own folding so that list and tokens agree (й → и, é → e).
const STOPWORDS: ReadonlySet<string> = new Set(
  Object.values(LISTS).flatMap((list) => list.split(/\s+/).filter((w) => w.length > 0).map(fold)),
);

export function isStopword(token: string): boolean {
  return STOPWORDS.has(token);
}

/** Languages with a list of their own (the platform list applies to all). */
export const STOPWORD_LANGUAGES: readonly string[] = Object.keys(LISTS).filter((k) => k !== 'platform');
