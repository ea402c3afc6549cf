import type { LanguagePack } from './types.js';

export const tr: LanguagePack = {
  code: 'tr',
  name: 'Turkish',
  share: 0.04,
  utcOffsets: [3],
  space: ' ',
  topics: {
    everyday: {
      sentences: [
        'Herkese günaydın! [Önce kahve.|Yeni bir gün, yeni bir başlangıç.|Bugün bana şans dileyin.]',
        'İşte [uzun|yoğun|garip] bir gün, [bir an önce eve gitmek istiyorum|biraz uyumam lazım|sonunda bitti].',
        '[Hâlâ uyanık olan var mı|Bu kadar erken kalkan başka var mı|Bütün gün toplantıda olan başka var mı]?',
      ],
      hashtags: ['günaydın', 'hayat'],
    },
    weather: {
      sentences: [
        'Bugün [çok yağmur yağdı|yine fırtına var|yağmur hiç durmadı], [şemsiyenizi alın|sokakları su bastı|sırılsıklam oldum].',
        'Hava durumuna göre [yarın|hafta sonu|cuma günü] [kar|sağanak|şiddetli rüzgâr|sıcak hava dalgası] bekleniyor.',
        '[Ne güzel bir sabah|Bugün hava çok kapalı|Akşam çok soğuk], [gökyüzünde tek bulut yok|sis hâlâ dağılmadı|evde çay içme havası].',
      ],
      hashtags: ['havadurumu', 'yağmur'],
    },
    sport: {
      sentences: [
        '[Ne maçtı ama|İnanılmaz bir maç|Ne final]! {n}. dakikada [golü attık|gol yedik].',
        '[Hakem|Hocamız|Kaleci] [bu akşam|ikinci yarıda] [büyük hata yaptı|harikaydı|berbattı].',
        '[Cumartesi|Haftaya|Yarın akşam] derbiye kim gidiyor?',
      ],
      hashtags: ['futbol', 'derbi'],
    },
    transport: {
      sentences: [
        '[Metro|Otobüs|Tren] [yine {n} dakika gecikti|bugün iptal|tıklım tıklım], [her gün aynı|sabah sabah çile|yeter artık].',
        '[Çevre yolu|Köprü|Tünel] [tamamen kilitlendi|kapatıldı|kaza yüzünden kapandı], [istasyon civarında|şehir merkezinde|sabahtan beri] trafik durma noktasında.',
        '[{n} dakika taksi bekledim|Aktarmayı kaçırdım|Peronda mahsur kaldım], [saat {time} oldu|bu akşam yine|berbat].',
      ],
      hashtags: ['trafik', 'metro'],
    },
    food: {
      sentences: [
        '[Bu akşam|İlk kez|Aile için] [mercimek çorbası|limonlu kek|ev yapımı pizza|mantı] yaptım, [harika oldu|yaktım|tarifi aşağıda].',
        '[Köşedeki|Pazarın yanındaki|Merkezdeki] yeni [fırın|kebapçı|kafe] [sırayı hak ediyor|abartılıyor|sonunda açıldı].',
        'Bu ay [çay|yumurta|ekmek] yine zamlandı, [çok pahalı|alım gücü kalmadı|her yerde aynı].',
      ],
      hashtags: ['tarif', 'yemek'],
    },
    health: {
      sentences: [
        '[Ofisin yarısı|Bütün ailem|Tüm arkadaşlarım] bu hafta [grip oldu|öksürüyor|hasta].',
        '[Bol su içmeyi|Grip aşısı olmayı|İyi uyumayı|Ellerinizi yıkamayı] unutmayın.',
        '[Hastanede|Klinikte|Doktorda] [{n} dakika bekledim|çok kalabalıktı|personel yetersiz] [bugün|bu sabah|yine].',
      ],
      hashtags: ['grip', 'sağlık'],
    },
    elections: {
      sentences: [
        'Dünkü münazara [felaketti|beklenenden iyiydi|izlemesi zordu], [açıkçası|her zamanki gibi].',
        '[Yeni anketler|Son anketler] [başa baş bir yarışı|muhalefetin önde olduğunu|belediye başkanının oy kaybettiğini] gösteriyor.',
        '[Seçmen kaydınızı kontrol etmeyi|Sandık yerinizi öğrenmeyi|Pazar günü oy vermeyi] unutmayın.',
      ],
      hashtags: ['seçim', 'oy'],
    },
    economy: {
      sentences: [
        'Kira [yüzde {pct}|yine|bu yıl iki kez] arttı, [maaşlar aynı|inanılmaz|kimse şaşırmadı].',
        '[Bu ay|Son verilere göre|Merkez Bankası\'na göre] enflasyon yüzde {pct} [oldu|seviyesinde|civarında].',
        '[Gelecek ay|Şehrimizde] [fabrika işçi alıyor|büyük bir şirket işten çıkarma açıkladı|tekstil fabrikası kapanıyor].',
      ],
      hashtags: ['ekonomi', 'enflasyon', 'kira'],
    },
    technology: {
      sentences: [
        '[Telefonum|Yeni güncelleme|Bu uygulama] [sürekli çöküyor|şarjı çok çabuk bitiriyor|gerçekten çok iyi] [dünden beri|güncellemeden sonra|bilgisayarda da].',
        '[İnternet|Wi-Fi] [yine gitti|çok yavaş|sürekli kopuyor] [evde|bütün binada|sabahtan beri].',
        '[İyi bir şifre yöneticisi|Öğrenci için dizüstü bilgisayar|Ucuz bir telefon] önerebilecek var mı?',
      ],
      hashtags: ['teknoloji', 'yapayzeka'],
    },
    culture: {
      sentences: [
        '[Dün akşam|Festivalde|Arkadaşlarla] [yeni filmi|o belgeseli|oyunu] izledim, [bayıldım|ağladım|uyuyakaldım].',
        '[Bu albüm|O konser|Yeni sergi] [harika|her kuruşuna değdi|hayal kırıklığıydı].',
        '[Bu hafta|Trende|Bu akşam] [deniz üzerine bir roman|şehrimizin tarihini|Nazım Hikmet\'in şiirlerini] okuyorum.',
      ],
      hashtags: ['sinema', 'kitap', 'müzik'],
    },
  },
  openers: ['Güncelleme:', 'Açıkçası:', 'Ciddi soru:', 'Popüler olmayan görüş:', 'Bilgi:'],
  reactions: [
    'İnanılmaz.', 'Bunu kimse uyduramaz.', 'Siz ne düşünüyorsunuz?', 'Çok doğru.', 'İşte bu yüzden bu şehri seviyorum.', 'Yine mi!',
    'Sonunda iyi bir haber.', 'Bıktım artık.', 'Başka kim?', 'Söylemiş olayım.', 'Çılgınlık.', 'Bayıldım.',
  ],
  replies: [
    'Aynen öyle.', 'Kaynak?', 'Doğru değil, oradaydım.', 'Bende de aynı!', 'Bu daha çok konuşulmalı.', 'Emin misin?',
    'Paylaştığın için teşekkürler.', 'Kesinlikle katılıyorum.', 'Olay öyle olmadı.', 'Haha aynı.',
  ],
  breaking: ['SON DAKİKA:', 'Silinmeden paylaşın:', 'Uyanın:', 'Kimse bundan bahsetmiyor:', 'Yayın:'],
  incidents: {
    flood: 'sel',
    wildfire: 'orman yangını',
    earthquake: 'deprem',
    derailment: 'tren kazası',
    metroStrike: 'metro grevi',
    foodPoisoning: 'gıda zehirlenmesi',
    measles: 'kızamık salgını',
    protest: 'kitlesel protesto',
    recount: 'oyların yeniden sayımı',
    bankCollapse: 'banka iflası',
    factoryFire: 'fabrika yangını',
    dataBreach: 'veri sızıntısı',
    networkOutage: 'şebeke arızası',
  },
  eventSentences: [
    '[Son dakika|Acil]: {place} kentinde {incident}, [yollar kapatıldı|bölge halkı tahliye ediliyor|ekipler olay yerinde].',
    '{place}: [şu anda|sabahtan beri|bir saattir] {incident} var. [Haberi olan var mı?|Geçmiş olsun.|Kendinize dikkat edin.]',
    'Bütün akışım {place} haberleriyle dolu: {incident}, [durum kötüleşiyor|hâlâ resmi açıklama yok].',
  ],
  claims: {
    water: 'Şehrin [musluk suyu|içme suyu] [kirlenmiş|zehirlenmiş] [ve yetkililer bunu saklıyor|ve yetkililer olayı örtbas ediyor|ve kimse size söylemiyor].',
    banks: '[Bankalar|Bütün bankalar|Büyük bankalar] [önümüzdeki pazartesi|gelecek haftadan itibaren|pazartesi günü] [tasarruf hesaplarını|tüm mevduatları|halkın birikimlerini] donduracak — [paranızı hemen çekin|fırsat varken nakit çekin|bugün her şeyi çekin].',
    ballots: '[Binlerce oy pusulası|Kutular dolusu oy pusulası|Çuvallar dolusu oy pusulası] [bir nehir kenarında|çöplükte|bir deponun arkasında] bulundu: [seçime hile karıştı|oylar çalındı|bu seçim bir sahtekârlık].',
    meters: 'Yeni akıllı sayaçlar [gizlice|sessizce] [evdeki konuşmaları|söylediğiniz her şeyi] [kaydediyor|dinliyor][ ve yurt dışına gönderiyor| ve kimse bize sormadı|, sizinkini kontrol edin].',
    bread: '[Bu hafta|Birkaç gün içinde|Cumaya kadar] marketlerde [ekmek bitecek|ekmek kalmayacak|raflar boşalacak], [sebebi|nedeni] gizli bir [ihracat anlaşması|yabancı alıcılarla yapılan anlaşma].',
    blackout: '[Dün geceki|Dünkü] elektrik kesintisi yabancı bir [siber silahın|hacker operasyonunun] [testiydi|provasıydı][, diyor içeridekiler|, mühendisler doğruladı|, ve bunu biliyorlar].',
    schools: 'Okullar [gelecek haftadan itibaren|pazartesiden itibaren] [bir ay|dört hafta] [kapanacak|tatil edilecek][, ama velilere söylenmiyor|, ve bunu gizliyorlar|, karar çoktan verildi].',
  },
  coordinated: [
    '[Mutlaka okuyun|Herkes bunu görmeli|Hemen okuyun]: [içme suyunun gerçeği|medyanın göstermedikleri|elektrik kesintisinin asıl hikâyesi] {link}',
    '[Bomba gibi|İnanılmaz|Sonunda ortaya çıktı]! {link} [#Uyanın|#Gerçek|#Paylaş]',
  ],
  domains: ['gundemhaber.example', 'sehirpostasi.example'],
};
