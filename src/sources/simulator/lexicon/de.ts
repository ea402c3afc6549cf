import type { LanguagePack } from './types.js';

export const de: LanguagePack = {
  code: 'de',
  name: 'German',
  share: 0.04,
  utcOffsets: [1],
  space: ' ',
  topics: {
    everyday: {
      sentences: [
        'Guten Morgen [zusammen|an alle]! [Erst mal Kaffee.|Auf geht\'s.|Drückt mir heute die Daumen.]',
        '[Langer|Stressiger|Seltsamer] Tag im Büro, [ich will nur noch nach Hause|ich brauche ein Nickerchen|endlich Feierabend].',
        '[Wer ist noch wach|Wer ist auch schon so früh auf|Wer hatte auch den ganzen Tag Meetings]?',
      ],
      hashtags: ['Montag', 'Alltag'],
    },
    weather: {
      sentences: [
        '[So viel Regen|Schon wieder Gewitter|Dauerregen] [heute|heute Nachmittag], [nehmt einen Schirm mit|die Straßen stehen unter Wasser|ich bin klatschnass].',
        'Der Wetterbericht sagt [Schnee|Gewitter|starken Wind|eine Hitzewelle] [für morgen|fürs Wochenende|für Freitag] voraus.',
        '[Was für ein schöner Morgen|Grauer Tag heute|Kalter Abend], [keine einzige Wolke am Himmel|der Nebel hält sich|der Himmel ist klar].',
      ],
      hashtags: ['Wetter', 'Unwetter', 'Hitze'],
    },
    sport: {
      sentences: [
        '[Was für ein Spiel|Unglaubliches Spiel|Was für ein Finale]! [Wir haben|Die haben] in der {n}. Minute getroffen.',
        '[Der Schiri|Unser Trainer|Der Torwart] war [heute Abend|in der zweiten Halbzeit] [eine Katastrophe|überragend|völlig neben der Spur].',
        'Wer geht [am Samstag|nächste Woche|morgen Abend] zum Derby?',
      ],
      hashtags: ['Fußball', 'Bundesliga'],
    },
    transport: {
      sentences: [
        '[Der Zug|Mein Bus|Die S-Bahn] [hat {n} Minuten Verspätung|fällt aus|ist total überfüllt] [schon wieder|heute Morgen|wie immer].',
        '[Die Autobahn|Die Brücke|Der Tunnel] ist [komplett dicht|gesperrt|nach einem Unfall blockiert], [am Bahnhof geht nichts mehr|die Innenstadt steht|seit heute früh].',
        '[Anschluss verpasst|Stehe am Bahnsteig fest|{n} Minuten auf ein Taxi gewartet] [um {time}|heute Abend|schon wieder].',
      ],
      hashtags: ['Bahn', 'Stau', 'Pendeln'],
    },
    food: {
      sentences: [
        '[Heute Abend|Zum ersten Mal|Für die Familie] [Linsensuppe|Zitronenkuchen|Pizza|Käsespätzle] gemacht[ und es war super| und alles ist angebrannt|, Rezept unten].',
        'Die neue [Bäckerei|Dönerbude|Kaffeebar] [an der Ecke|am Markt|in der Innenstadt] [lohnt sich|wird überschätzt|hat endlich geöffnet].',
        '[Kaffee|Butter|Das Mittagessen] ist [so teuer geworden|schon wieder teurer|unbezahlbar] [diesen Monat|überall].',
      ],
      hashtags: ['Rezept', 'Kochen'],
    },
    health: {
      sentences: [
        '[Das halbe Büro|Meine ganze Familie|Die halbe Klasse] [hat Grippe|hustet|ist krank] [diese Woche|schon wieder|gerade].',
        'Denkt daran, [genug zu trinken|euch gegen Grippe impfen zu lassen|genug zu schlafen|die Hände zu waschen].',
        '[In der Praxis|Im Krankenhaus|In der Notaufnahme] [{n} Minuten gewartet|war es total voll|fehlt Personal] [heute|heute Morgen|schon wieder].',
      ],
      hashtags: ['Grippe', 'Gesundheit'],
    },
    elections: {
      sentences: [
        'Die Debatte [gestern Abend|der Kandidaten] war [ein Desaster|überraschend gut|schwer zu ertragen][, ehrlich gesagt|].',
        '[Neue Umfragen|Die aktuellen Umfragen] zeigen [ein knappes Rennen|die Opposition vorne|den Bürgermeister im Abwärtstrend] [{n} Tage vor der Wahl|diese Woche|in der Hauptstadt].',
        'Vergesst nicht, [euch ins Wählerverzeichnis einzutragen|euer Wahllokal zu prüfen|am Sonntag wählen zu gehen].',
      ],
      hashtags: ['Wahl', 'Wahlkampf'],
    },
    economy: {
      sentences: [
        'Die Miete ist [um {pct} %|schon wieder|dieses Jahr] gestiegen[, die Löhne nicht|, unfassbar|, und keiner ist überrascht].',
        'Die Inflation [liegt bei {pct} %|ist auf {pct} % gesunken|ist auf {pct} % gestiegen], [meldet die Zentralbank|so die neuesten Zahlen].',
        '[Ab nächstem Monat|In unserer Stadt] [stellt die Fabrik wieder ein|macht das Werk dicht|kündigt ein großer Arbeitgeber Entlassungen an].',
      ],
      hashtags: ['Inflation', 'Mieten', 'Wirtschaft'],
    },
    technology: {
      sentences: [
        '[Mein Handy|Das neue Update|Diese App] [stürzt ständig ab|frisst den Akku|ist echt gut] [seit gestern|seit dem Update|auf dem Laptop].',
        '[Das Internet|Das WLAN] [ist schon wieder weg|ist so langsam|bricht ständig ab] [zu Hause|im ganzen Haus|seit heute Morgen].',
        'Kann jemand [einen Passwortmanager|einen Laptop fürs Studium|ein günstiges Handy] empfehlen?',
      ],
      hashtags: ['Tech', 'KI'],
    },
    culture: {
      sentences: [
        '[Gestern Abend|Auf dem Festival|Mit Freunden] [den neuen Film|die Doku|das Theaterstück] gesehen und [fand es großartig|musste weinen|bin eingeschlafen].',
        '[Dieses Album|Das Konzert|Die neue Ausstellung] [ist unglaublich|war jeden Cent wert|war eine Enttäuschung].',
        '[Diese Woche|Im Zug|Heute Abend] lese ich [einen Roman über das Meer|eine Geschichte unserer Stadt|Gedichte von Rilke].',
      ],
      hashtags: ['Kino', 'Buch', 'Musik'],
    },
  },
  openers: ['Update:', 'Ehrlich:', 'Ernsthafte Frage:', 'Unpopuläre Meinung:', 'Kurze Info:'],
  reactions: [
    'Unglaublich.', 'Das kann man sich nicht ausdenken.', 'Was meint ihr?', 'So wahr.', 'Deshalb liebe ich diese Stadt.', 'Nicht schon wieder.',
    'Endlich mal gute Nachrichten.', 'Ich hab es so satt.', 'Wer noch?', 'Nur mal so.', 'Krass.', 'Liebe es.',
  ],
  replies: [
    'Genau das.', 'Quelle?', 'Stimmt nicht, ich war dabei.', 'Bei mir auch!', 'Das braucht mehr Aufmerksamkeit.', 'Bist du sicher?',
    'Danke fürs Teilen.', 'Volle Zustimmung.', 'So war das nicht.', 'Haha, genau so.',
  ],
  breaking: ['EILMELDUNG:', 'Teilen, bevor es gelöscht wird:', 'Wacht auf:', 'Keiner redet darüber:', 'Verbreitet das:'],
  incidents: {
    flood: 'Hochwasser',
    wildfire: 'Waldbrand',
    earthquake: 'Erdbeben',
    derailment: 'Zugentgleisung',
    metroStrike: 'U-Bahn-Streik',
    foodPoisoning: 'Lebensmittelvergiftung',
    measles: 'Masernausbruch',
    protest: 'Massenprotest',
    recount: 'Neuauszählung der Stimmen',
    bankCollapse: 'Bankenpleite',
    factoryFire: 'Fabrikbrand',
    dataBreach: 'Datenleck',
    networkOutage: 'Netzausfall',
  },
  eventSentences: [
    '[Eilmeldung|Aktuell]: {incident} in {place}, [Straßen gesperrt|Anwohner verlassen das Gebiet|Rettungskräfte vor Ort].',
    '{incident} in {place} [gerade jetzt|seit heute Morgen|seit einer Stunde]. [Hat jemand Infos?|Alles Gute euch dort.|Passt auf euch auf.]',
    'Meine ganze Timeline redet über {place}: {incident}, [und es wird schlimmer|und noch keine offiziellen Infos].',
  ],
  claims: {
    water: '[Das Leitungswasser|Das Trinkwasser] in der Stadt [ist|wurde] [verseucht|vergiftet] [und die Behörden verschweigen es|und die Verantwortlichen vertuschen es|und keiner sagt es euch].',
    banks: '[Die Banken|Alle Banken|Die großen Banken] frieren [nächsten Montag|ab nächster Woche|am Montag] [die Sparkonten|alle Einlagen|die Ersparnisse der Leute] ein — [hebt euer Geld jetzt ab|holt euer Bargeld, solange es geht|hebt heute alles ab].',
    ballots: '[Tausende|Kisten voller|Säcke voller] Stimmzettel wurden [an einem Fluss|auf einer Müllkippe|hinter einer Lagerhalle] gefunden: [die Wahl war manipuliert|die Stimmen wurden gestohlen|diese Wahl ist Betrug].',
    meters: 'Die neuen Smart Meter [bei euch zu Hause|in euren Wohnungen] [zeichnen heimlich Gespräche auf|hören heimlich alles mit|nehmen heimlich alles auf][ und schicken es ins Ausland|, und niemand hat uns gefragt| — prüft eure].',
    bread: 'Den Supermärkten [geht diese Woche|geht in wenigen Tagen|geht bis Freitag] das Brot aus, [wegen eines geheimen Exportdeals|wegen eines geheimen Deals mit ausländischen Käufern].',
    blackout: 'Der Stromausfall [von gestern Nacht|von gestern] war [ein Test|eine Generalprobe] für eine ausländische [Cyberwaffe|Hackeroperation][, sagen Insider|, bestätigen Ingenieure|, und sie wissen es].',
    schools: 'Die Schulen [schließen|machen dicht] [ab nächster Woche|ab Montag] für [einen Monat|vier Wochen][, aber die Eltern erfahren nichts|, und sie halten es geheim|, die Entscheidung steht schon].',
  },
  coordinated: [
    '[Unbedingt lesen|Das muss jeder sehen|Jetzt lesen]: [die Wahrheit über unser Trinkwasser|was die Medien verschweigen|die wahre Geschichte hinter dem Stromausfall] {link}',
    '[Das ist der Hammer|Unfassbar|Endlich aufgedeckt]! {link} [#WachtAuf|#Wahrheit|#Teilen]',
  ],
  domains: ['tagesblatt.example', 'stadtanzeiger.example'],
};
