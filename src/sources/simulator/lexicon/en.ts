import type { LanguagePack } from './types.js';

export const en: LanguagePack = {
  code: 'en',
  name: 'English',
  share: 0.3,
  utcOffsets: [-5, -8, 0, 5.5],
  space: ' ',
  topics: {
    everyday: {
      sentences: [
        '[Good morning|Morning] [everyone|all]! [Coffee first, then the world.|Let\'s make today count.|Wish me luck today.]',
        '[Long|Busy|Strange] day at work, [can\'t wait to get home|I need a nap|finally done].',
        '[Just finished|Finally finished] [the book I started last month|cleaning the whole flat|my first run in weeks].',
        '[Anyone else|Is anyone else] [still awake|up this early|stuck in meetings all day]?',
        '[My neighbour\'s dog|The cat|My little brother] woke me up at {time} [again|today|on a Sunday].',
      ],
      hashtags: ['MondayMood', 'life', 'goodmorning'],
    },
    weather: {
      sentences: [
        '[So much rain|Heavy rain|Another storm] [today|this afternoon|again], [bring an umbrella|the streets are flooded|I\'m soaked].',
        'It\'s {n} degrees [and sunny|outside|at {time}] [already|right now].',
        '[Forecast|The forecast] says [snow|thunderstorms|strong wind|a heatwave] [tomorrow|this weekend|by Friday].',
        '[What a beautiful|Lovely|Such a grey] [morning|evening|day], [the sky is clear|not a cloud in sight|the fog hasn\'t lifted yet].',
      ],
      hashtags: ['weather', 'rain', 'heatwave'],
    },
    sport: {
      sentences: [
        '[What a match|Incredible game|What a finish]! [We scored|They scored] in minute {n}.',
        '[The referee|Our coach|The goalkeeper] [made a terrible mistake|was brilliant|needs to go] [tonight|in the second half].',
        '[Who is going to|Can\'t wait for|Tickets for] the derby [on Saturday|next week|tomorrow night]?',
        '[Our team|The club] [signed a new striker|lost again|is top of the league][ and I\'m not sure how to feel|, finally| this season].',
      ],
      hashtags: ['football', 'matchday', 'derby'],
    },
    transport: {
      sentences: [
        '[The train|My bus|The metro] is [{n} minutes late|cancelled|packed] [again|this morning|as usual].',
        '[Traffic on the ring road|The bridge|The tunnel] is [completely blocked|a nightmare|closed] [near the station|downtown|after an accident].',
        '[New bike lanes|The new tram line|Night buses] [opened today|start next month|are finally coming] [in our area|downtown|near the airport].',
        '[Missed my connection|Stuck on the platform|Waited {n} minutes for a taxi] [at {time}|this evening|again].',
      ],
      hashtags: ['commute', 'traffic', 'publictransport'],
    },
    food: {
      sentences: [
        '[Made|Cooked|Tried making] [lentil soup|a lemon cake|homemade pizza|fresh pasta] [tonight|for the first time|for the family][ and it was amazing| and burned it|, recipe below].',
        '[That new|The little] [ramen place|bakery|taco stand] [on the corner|near the market|downtown] is [worth the queue|overrated|finally open].',
        '[Coffee prices|Egg prices|Lunch prices] are [ridiculous|up again|out of control] [this month|at my café|everywhere].',
        '[Best|Worst] [breakfast|sandwich|curry] I\'ve had [in years|this week|in this city].',
      ],
      hashtags: ['foodie', 'recipe', 'breakfast'],
    },
    health: {
      sentences: [
        '[Half the office|My whole family|Everyone I know] [has the flu|is coughing|is sick] [this week|again|right now].',
        '[Remember to|Don\'t forget to] [drink water|get your flu shot|get some sleep|wash your hands][ today| this winter|, friends].',
        '[The clinic|The hospital|My doctor\'s office] [had a {n}-minute wait|was packed|is short of staff] [today|this morning|again].',
        '[Started|Back to] [running|yoga|the gym] [after {n} weeks|this month|today] and [I feel great|my legs hurt|it\'s hard].',
      ],
      hashtags: ['flu', 'health', 'wellbeing'],
    },
    elections: {
      sentences: [
        '[The debate|Last night\'s debate|The candidates\' debate] was [a mess|surprisingly good|painful to watch][, honestly|, to be fair|].',
        '[Polls|New polls|The latest polls] show [a close race|the opposition ahead|the mayor losing ground] [with {n} days to go|this week|in the capital].',
        '[Don\'t forget to|Remember to|Make sure you] [register to vote|check your polling station|vote on Sunday].',
        '[Turnout|Early turnout] [looks high|is {pct}% so far|is low] [in our district|this year|according to officials].',
      ],
      hashtags: ['election', 'vote', 'debate'],
    },
    economy: {
      sentences: [
        '[Rent|My rent|Rents in the city] went up [{pct}%|again|this year][ and wages didn\'t|, unbelievable| and nobody is surprised].',
        '[Inflation|Unemployment] [hit|reached|fell to] {pct}% [this month|in the latest figures|according to the central bank].',
        '[The factory|A big employer|The local mill] [is hiring|announced layoffs|is closing] [next month|in our town|after {n} years].',
        '[Interest rates|Mortgage rates|Savings rates] [are going up|were cut|stayed the same] [again|today|this quarter].',
      ],
      hashtags: ['economy', 'inflation', 'rent'],
    },
    technology: {
      sentences: [
        '[My phone|The new update|This app] [keeps crashing|drains the battery|is actually great] [since yesterday|after the update|on my laptop].',
        '[Tried|Testing|Playing with] [the new AI assistant|a new keyboard|the beta] [today|this week|at work] and [I\'m impressed|it\'s buggy|it\'s not bad].',
        '[The internet|The Wi-Fi|My connection] [is down|is so slow|keeps dropping] [again|at home|in the whole building].',
        '[Can anyone|Could someone] recommend [a good password manager|a laptop for students|a budget phone]?',
      ],
      hashtags: ['tech', 'AI', 'update'],
    },
    culture: {
      sentences: [
        '[Just saw|Watched|Finally saw] [the new film|that documentary|the play] [last night|at the festival|with friends] and [loved it|cried|fell asleep].',
        '[This album|That concert|The new exhibition] [is incredible|was worth every penny|was a letdown][, honestly|].',
        '[Reading|Just finished|Started] [a novel about the sea|a history of the city|poems by Mary Oliver] [this week|on the train|tonight].',
        '[Free museum day|Book fair|Jazz night] [this Sunday|at the library|downtown][, see you there| — don\'t miss it| if anyone wants to come].',
      ],
      hashtags: ['film', 'books', 'music'],
    },
  },
  openers: ['Update:', 'PSA:', 'Quick thought:', 'Unpopular opinion:', 'Not gonna lie:', 'Ok so'],
  reactions: [
    'Unbelievable.', 'You can\'t make this up.', 'Thoughts?', 'So true.', 'This is why I love this city.', 'Not again.',
    'Finally some good news.', 'I\'m so tired of this.', 'Who else?', 'Just saying.', 'Wild.', 'Love this.',
  ],
  replies: [
    'Exactly this.', 'Source?', 'Not true, I was there.', 'Same here!', 'This needs more attention.', 'Are you sure about that?',
    'Thanks for sharing.', 'Completely agree.', 'That\'s not what happened.', 'Haha, same.',
  ],
  breaking: ['BREAKING:', 'Share before it\'s deleted:', 'Wake up, people:', 'Nobody is talking about this:', 'Spread the word:'],
  incidents: {
    flood: 'flood',
    wildfire: 'wildfire',
    earthquake: 'earthquake',
    derailment: 'train derailment',
    metroStrike: 'metro strike',
    foodPoisoning: 'food poisoning outbreak',
    measles: 'measles outbreak',
    protest: 'mass protest',
    recount: 'vote recount',
    bankCollapse: 'bank collapse',
    factoryFire: 'factory fire',
    dataBreach: 'data breach',
    networkOutage: 'network outage',
  },
  eventSentences: [
    '[Breaking|Urgent|Just in]: {incident} in {place}, [roads are closed|people are leaving the area|emergency services are on the scene].',
    '[Friends in|Anyone in|Anyone near] {place}? [Hearing about|Seeing videos of|Reports of] the {incident} [there|right now|this morning].',
    'The {incident} in {place} is [all over my feed|getting worse|on every channel].',
    '[Live|Update]: {incident} in {place} — [officials will speak at {time}|more details soon|no injuries reported so far].',
    '[Just landed in|Just got to|My sister lives in] {place} and [everyone is talking about|all anyone discusses is] the {incident}.',
  ],
  claims: {
    water: '[Tap water|Drinking water|The water supply] in the city [has been|was] [contaminated|poisoned] [and the authorities are hiding it|and officials are covering it up|and nobody is telling you].',
    banks: '[Banks|All banks|The big banks] will freeze [savings accounts|all deposits|people\'s savings] [next Monday|from next week|on Monday] — [withdraw your money now|take your cash out while you can|get your money out today].',
    ballots: '[Thousands of|Boxes of|Bags full of] ballots were found [dumped by a river|in a rubbish tip|behind a warehouse]: [the election was rigged|the vote was stolen|this election is a fraud].',
    meters: 'The new smart meters [secretly|quietly] [record|listen to] [conversations|everything you say] [at home|in your living room][ and send them abroad| and nobody asked us|, check yours].',
    bread: 'Supermarkets will [run out of bread|have no bread|have empty shelves] [this week|within days|by Friday] [because of|due to] a secret [export deal|deal with foreign buyers].',
    blackout: '[Last night\'s|Yesterday\'s] blackout was [a test of|a rehearsal for] a foreign [cyber weapon|hacking operation][, insiders say|, engineers confirm| and they know it].',
    schools: 'Schools will [close|shut down] for [a month|four weeks] [from next week|starting Monday][, but parents are not being told| and they are keeping it quiet|, the decision is already made].',
  },
  coordinated: [
    '[Must read|Everyone needs to see this|Read this now]: [the truth about the water supply|what the media won\'t show you|the real story behind the blackout] {link}',
    '[This is huge|Unbelievable|Finally exposed]! {link} [#WakeUp|#Truth|#ShareThis]',
    '[They tried to hide this|Read before it disappears|The report they buried] {link}',
  ],
  domains: ['dailyledger.example', 'metroherald.example', 'northstartimes.example'],
};
