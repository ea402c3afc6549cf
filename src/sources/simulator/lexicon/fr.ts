import type { LanguagePack } from './types.js';

export const fr: LanguagePack = {
  code: 'fr',
  name: 'French',
  share: 0.07,
  utcOffsets: [1, 0],
  space: ' ',
  topics: {
    everyday: {
      sentences: [
        '[Bonjour|Salut] tout le monde ! [D\'abord le café.|C\'est parti.|Souhaitez-moi bonne chance.]',
        'Journée [longue|chargée|bizarre] au boulot, [j\'ai hâte de rentrer|j\'ai besoin d\'une sieste|enfin fini].',
        '[Je viens de finir|J\'ai enfin fini] [le livre commencé le mois dernier|de ranger tout l\'appartement|ma première course depuis des semaines].',
        'Qui d\'autre est [encore réveillé|debout si tôt|coincé en réunion toute la journée] ?',
        '[Le chien du voisin|Le chat|Mon petit frère] m\'a réveillé à {time} [encore une fois|ce matin|un dimanche].',
      ],
      hashtags: ['lundi', 'bonjour', 'quotidien'],
    },
    weather: {
      sentences: [
        '[Tellement de pluie|Encore un orage|Quelle averse] [aujourd\'hui|cet après-midi], [prenez un parapluie|les rues sont inondées|je suis trempé].',
        'Il fait [déjà |]{n} degrés [et grand soleil|dehors|à {time}].',
        'La météo annonce [de la neige|des orages|du vent fort|une canicule] [demain|ce week-end|pour vendredi].',
        '[Quelle belle matinée|Quelle journée grise|Quelle soirée froide], [pas un nuage dans le ciel|le brouillard ne se lève pas|le ciel est dégagé].',
      ],
      hashtags: ['météo', 'pluie', 'canicule'],
    },
    sport: {
      sentences: [
        '[Quel match|Quelle fin de match|Match incroyable] ! [On a marqué|Ils ont marqué] à la {n}e minute.',
        '[L\'arbitre|Notre entraîneur|Le gardien] [s\'est complètement trompé|a été brillant|doit partir] [ce soir|en deuxième mi-temps].',
        'Qui va au derby [samedi|la semaine prochaine|demain soir] ?',
        '[Notre équipe|Le club] [a recruté un nouvel attaquant|a encore perdu|est en tête du championnat][ et je ne sais pas quoi en penser|, enfin| cette saison].',
      ],
      hashtags: ['foot', 'match', 'Ligue1'],
    },
    transport: {
      sentences: [
        '[Le train|Mon bus|Le métro] [a {n} minutes de retard|est supprimé|est bondé] [encore|ce matin|comme d\'habitude].',
        '[Le périphérique|Le pont|Le tunnel] est [complètement bloqué|fermé|saturé] [près de la gare|en centre-ville|après un accident].',
        '[Les nouvelles pistes cyclables|Les bus de nuit|Les nouveaux trams] [arrivent enfin|arrivent le mois prochain] [dans notre quartier|en centre-ville|à l\'aéroport].',
        '[J\'ai raté ma correspondance|Je suis bloqué sur le quai|J\'ai attendu un taxi {n} minutes] [à {time}|ce soir|encore une fois].',
      ],
      hashtags: ['transports', 'grève', 'RER'],
    },
    food: {
      sentences: [
        '[J\'ai fait|J\'ai préparé|J\'ai testé] [une soupe de lentilles|un gâteau au citron|une pizza maison|une quiche] [ce soir|pour la première fois|pour la famille][ et c\'était délicieux| et tout a brûlé|, recette en dessous].',
        '[La nouvelle|La petite] [boulangerie|crêperie|pizzeria] [du coin|près du marché|du centre] [vaut le détour|est surcotée|a enfin ouvert].',
        'Le prix [du café|des œufs|du beurre] [est délirant|a encore augmenté|explose] [ce mois-ci|partout].',
        '[Le meilleur|Le pire] [petit-déjeuner|sandwich|couscous] que j\'aie mangé [depuis des années|cette semaine|dans cette ville].',
      ],
      hashtags: ['recette', 'cuisine', 'boulangerie'],
    },
    health: {
      sentences: [
        '[La moitié du bureau|Toute ma famille|Tout le monde autour de moi] [a la grippe|tousse|est malade] [cette semaine|encore|en ce moment].',
        'N\'oubliez pas de [boire de l\'eau|vous faire vacciner contre la grippe|bien dormir|vous laver les mains][ aujourd\'hui| cet hiver|, les amis].',
        '[Aux urgences|Chez le médecin|À la pharmacie], [{n} minutes d\'attente|c\'était bondé|il manque du personnel] [aujourd\'hui|ce matin|encore une fois].',
        'J\'ai repris [la course|le yoga|la salle de sport] [après {n} semaines|ce mois-ci|aujourd\'hui] et [je me sens bien|j\'ai mal aux jambes|c\'est dur].',
      ],
      hashtags: ['grippe', 'santé', 'vaccination'],
    },
    elections: {
      sentences: [
        'Le débat [d\'hier soir|des candidats] était [un désastre|étonnamment bon|pénible à regarder][, franchement|].',
        '[Les sondages|Les nouveaux sondages|Les derniers sondages] montrent [une course serrée|l\'opposition en tête|le maire en perte de vitesse] [à {n} jours du vote|cette semaine|dans la capitale].',
        'N\'oubliez pas de [vous inscrire sur les listes électorales|vérifier votre bureau de vote|voter dimanche].',
        'La participation [semble élevée|atteint {pct} %|est faible] [dans notre circonscription|cette année|selon les autorités].',
      ],
      hashtags: ['élections', 'vote', 'débat'],
    },
    economy: {
      sentences: [
        '[Le loyer|Mon loyer] a augmenté [de {pct} %|encore|cette année][ et les salaires non|, incroyable| et personne n\'est surpris].',
        'L\'inflation [atteint|est tombée à|reste à] {pct} % [ce mois-ci|selon les derniers chiffres|selon la banque centrale].',
        '[L\'usine|Une grande entreprise|La scierie] [embauche|annonce des licenciements|va fermer] [le mois prochain|dans notre ville|après {n} ans].',
        'Les taux d\'intérêt [augmentent|ont baissé|restent stables] [encore|aujourd\'hui|ce trimestre].',
      ],
      hashtags: ['inflation', 'économie', 'loyers'],
    },
    technology: {
      sentences: [
        '[Mon téléphone|La nouvelle mise à jour|Cette appli] [plante sans arrêt|vide la batterie|est vraiment bien] [depuis hier|depuis la mise à jour|sur mon ordinateur].',
        '[J\'ai testé|Je teste] [le nouvel assistant IA|un nouveau clavier|la version bêta] [aujourd\'hui|cette semaine|au travail] et [je suis impressionné|c\'est plein de bugs|ce n\'est pas mal].',
        '[Internet|Le wifi|Le réseau] [ne marche plus|est très lent|coupe sans arrêt] [encore|à la maison|dans tout l\'immeuble].',
        'Quelqu\'un peut me conseiller [un gestionnaire de mots de passe|un ordinateur pour étudiant|un téléphone pas cher] ?',
      ],
      hashtags: ['tech', 'IA', 'numérique'],
    },
    culture: {
      sentences: [
        '[Je viens de voir|J\'ai vu|J\'ai enfin vu] [le nouveau film|ce documentaire|la pièce] [hier soir|au festival|avec des amis] et [j\'ai adoré|j\'ai pleuré|je me suis endormi].',
        '[Cet album|Ce concert|Cette nouvelle exposition] [est incroyable|m\'a déçu|vaut vraiment le coup][, franchement|].',
        '[Je lis|Je viens de finir|J\'ai commencé] [un roman sur la mer|une histoire de la ville|les poèmes de Prévert] [cette semaine|dans le train|ce soir].',
        '[Musées gratuits|Salon du livre|Soirée jazz] [ce dimanche|à la médiathèque|en centre-ville], [on s\'y retrouve ?|à ne pas manquer.|si quelqu\'un veut venir.]',
      ],
      hashtags: ['cinéma', 'lecture', 'musique'],
    },
  },
  openers: ['Petite mise à jour :', 'Franchement :', 'Question sérieuse :', 'Avis impopulaire :', 'Info :'],
  reactions: [
    'Incroyable.', 'On n\'invente rien.', 'Vous en pensez quoi ?', 'Tellement vrai.', 'C\'est pour ça que j\'aime cette ville.', 'Pas encore…',
    'Enfin une bonne nouvelle.', 'J\'en ai marre.', 'Qui d\'autre ?', 'Je dis ça, je dis rien.', 'N\'importe quoi.', 'J\'adore.',
  ],
  replies: [
    'Exactement.', 'Une source ?', 'Faux, j\'y étais.', 'Pareil ici !', 'Il faut en parler davantage.', 'Tu es sûr ?',
    'Merci pour le partage.', 'Entièrement d\'accord.', 'Ce n\'est pas ce qui s\'est passé.', 'Haha, pareil.',
  ],
  breaking: ['URGENT :', 'Partagez avant que ce soit supprimé :', 'Réveillez-vous :', 'Personne n\'en parle :', 'Faites tourner :'],
  incidents: {
    flood: 'inondation',
    wildfire: 'incendie de forêt',
    earthquake: 'tremblement de terre',
    derailment: 'déraillement de train',
    metroStrike: 'grève du métro',
    foodPoisoning: 'intoxication alimentaire',
    measles: 'épidémie de rougeole',
    protest: 'manifestation massive',
    recount: 'recomptage des voix',
    bankCollapse: 'faillite bancaire',
    factoryFire: 'incendie d\'usine',
    dataBreach: 'fuite de données',
    networkOutage: 'panne de réseau',
  },
  eventSentences: [
    '[Urgent|Dernière minute] : {incident} à {place}, [routes fermées|les habitants quittent le quartier|les secours sont sur place].',
    '{incident} à {place} [en ce moment|depuis ce matin|depuis une heure]. [Quelqu\'un a des nouvelles ?|Courage à tous.|Prenez soin de vous.]',
    'Tout mon fil parle de {place} : {incident}, [et ça empire|et toujours aucune info officielle].',
    '[En direct|Mise à jour] : {incident} à {place} — [point presse à {time}|plus de détails bientôt|pas de blessés pour l\'instant].',
    'Ma sœur habite à {place} et dit que [la ville est paralysée|tout le monde est dehors|personne ne sait ce qui se passe] : {incident}.',
  ],
  claims: {
    water: '[L\'eau du robinet|L\'eau potable] de la ville [a été|est] [contaminée|empoisonnée] [et les autorités le cachent|et les responsables étouffent l\'affaire|et personne ne vous le dit].',
    banks: '[Les banques|Toutes les banques|Les grandes banques] vont geler [les comptes d\'épargne|tous les dépôts|l\'épargne des gens] [lundi prochain|dès la semaine prochaine|lundi] — [retirez votre argent maintenant|sortez votre argent tant qu\'il est temps|retirez tout aujourd\'hui].',
    ballots: '[Des milliers de|Des cartons de|Des sacs remplis de] bulletins ont été retrouvés [au bord d\'une rivière|dans une décharge|derrière un entrepôt] : [l\'élection est truquée|le vote a été volé|cette élection est une fraude].',
    meters: 'Les nouveaux compteurs intelligents [enregistrent|écoutent] [secrètement|en cachette] [les conversations|tout ce que vous dites] [à la maison|dans votre salon][ et les envoient à l\'étranger| et personne ne nous a demandé notre avis|, vérifiez le vôtre].',
    bread: 'Les supermarchés [n\'auront plus de pain|seront à court de pain|auront des rayons vides] [cette semaine|d\'ici quelques jours|avant vendredi] [à cause d\'|en raison d\']un accord secret [d\'exportation|avec des acheteurs étrangers].',
    blackout: 'La panne de courant [d\'hier soir|d\'hier] était [un test d\'|une répétition pour ]une arme [cybernétique étrangère|informatique étrangère][, disent des initiés|, confirment des ingénieurs| et ils le savent].',
    schools: 'Les écoles vont [fermer|être fermées] pendant [un mois|quatre semaines] [dès la semaine prochaine|à partir de lundi][, mais on ne prévient pas les parents| et ils le gardent secret|, la décision est déjà prise].',
  },
  coordinated: [
    '[À lire absolument|Tout le monde doit voir ça|Lisez ça maintenant] : [la vérité sur l\'eau du robinet|ce que les médias ne montrent pas|la vraie histoire de la panne] {link}',
    '[C\'est énorme|Incroyable|Enfin révélé] ! {link} [#Réveillezvous|#Vérité|#Partagez]',
    '[Ils ont voulu cacher ça|À lire avant suppression|Le rapport qu\'ils ont enterré] {link}',
  ],
  domains: ['lequotidien.example', 'gazettedulac.example', 'infomatin.example'],
};
