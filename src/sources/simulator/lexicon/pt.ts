import type { LanguagePack } from './types.js';

/** Brazilian Portuguese. */
export const pt: LanguagePack = {
  code: 'pt',
  name: 'Portuguese',
  share: 0.06,
  utcOffsets: [-3, 0],
  space: ' ',
  topics: {
    everyday: {
      sentences: [
        'Bom dia, [pessoal|galera]! [Primeiro o café.|Bora que hoje tem muito trabalho.|Me desejem sorte hoje.]',
        'Dia [longo|corrido|estranho] no trabalho, [só quero ir pra casa|preciso de um cochilo|finalmente acabou].',
        '[Quem mais ainda está acordado|Quem mais acordou cedo assim|Quem mais passou o dia inteiro em reunião]?',
      ],
      hashtags: ['bomdia', 'segundafeira'],
    },
    weather: {
      sentences: [
        '[Quanta chuva|Mais um temporal|Chuva sem parar] [hoje|hoje à tarde], [levem guarda-chuva|as ruas estão alagadas|fiquei encharcado].',
        'A previsão diz que [vai esfriar muito|vai ter tempestade|vai ventar muito|vem uma onda de calor] [amanhã|no fim de semana|na sexta].',
        '[Que manhã linda|Que dia cinzento|Que noite fria], [nenhuma nuvem no céu|a neblina não foi embora|o céu está limpo].',
      ],
      hashtags: ['chuva', 'calor', 'previsão'],
    },
    sport: {
      sentences: [
        '[Que jogo|Jogo incrível|Que final de jogo]! [Fizemos o gol|Eles marcaram] aos {n} minutos.',
        '[O juiz|Nosso técnico|O goleiro] [errou feio|foi brilhante|tem que sair] [hoje à noite|no segundo tempo].',
        'Quem vai no clássico [no sábado|semana que vem|amanhã à noite]?',
      ],
      hashtags: ['futebol', 'Brasileirão'],
    },
    transport: {
      sentences: [
        '[O trem|Meu ônibus|O metrô] [está {n} minutos atrasado|foi cancelado|está lotado] [de novo|hoje de manhã|como sempre].',
        '[A marginal|A ponte|A avenida] está [completamente parada|fechada|travada por causa de um acidente] [perto da estação|no centro|desde cedo].',
        '[Perdi a conexão|Estou preso na plataforma|Esperei {n} minutos por um táxi] [às {time}|hoje à noite|de novo].',
      ],
      hashtags: ['trânsito', 'metrô'],
    },
    food: {
      sentences: [
        '[Fiz|Preparei|Testei] [uma feijoada|um bolo de limão|pizza caseira|pão de queijo] [hoje à noite|pela primeira vez|para a família][ e ficou incrível| e queimou tudo|, receita abaixo].',
        '[A nova padaria|A pastelaria|A lanchonete nova] [da esquina|perto da feira|do centro] [vale a fila|é superestimada|finalmente abriu].',
        'O preço [do café|dos ovos|da carne] [está absurdo|subiu de novo|está fora de controle] [esse mês|em todo lugar].',
      ],
      hashtags: ['receita', 'comida'],
    },
    health: {
      sentences: [
        '[Metade do escritório|Minha família inteira|Todo mundo que eu conheço] [está com gripe|está tossindo|pegou uma virose] [essa semana|de novo|agora].',
        'Não esqueçam de [beber água|tomar a vacina da gripe|dormir bem|lavar as mãos][ hoje| neste inverno|, gente].',
        '[No posto de saúde|No hospital|No consultório] [esperei {n} minutos|estava lotado|falta funcionário] [hoje|hoje de manhã|de novo].',
      ],
      hashtags: ['gripe', 'saúde'],
    },
    elections: {
      sentences: [
        'O debate [de ontem à noite|dos candidatos] foi [um desastre|surpreendentemente bom|difícil de assistir][, sinceramente|].',
        '[As pesquisas|As novas pesquisas|As últimas pesquisas] mostram [uma disputa acirrada|a oposição na frente|o prefeito perdendo força] [a {n} dias da eleição|essa semana|na capital].',
        'Não esqueçam de [tirar o título de eleitor|conferir sua seção eleitoral|votar no domingo].',
      ],
      hashtags: ['eleições', 'voto'],
    },
    economy: {
      sentences: [
        'O aluguel subiu [{pct}%|de novo|esse ano][ e o salário não|, inacreditável| e ninguém se surpreende].',
        'A inflação [chegou a|caiu para|ficou em] {pct}% [esse mês|segundo os últimos dados|segundo o Banco Central].',
        '[A fábrica|Uma grande empresa|A usina] [está contratando|anunciou demissões|vai fechar] [mês que vem|na nossa cidade|depois de {n} anos].',
      ],
      hashtags: ['economia', 'inflação'],
    },
    technology: {
      sentences: [
        '[Meu celular|A nova atualização|Esse app] [trava toda hora|acaba com a bateria|é muito bom] [desde ontem|depois da atualização|no notebook].',
        '[A internet|A conexão|A rede] [caiu de novo|está muito lenta|fica caindo] [em casa|no prédio todo|desde cedo].',
        'Alguém recomenda [um gerenciador de senhas|um notebook para estudante|um celular barato]?',
      ],
      hashtags: ['tecnologia', 'IA'],
    },
    culture: {
      sentences: [
        '[Acabei de ver|Vi|Finalmente vi] [o filme novo|aquele documentário|a peça] [ontem à noite|no festival|com os amigos] e [amei|chorei|dormi].',
        '[Esse álbum|Aquele show|A nova exposição] [é incrível|valeu cada centavo|foi uma decepção].',
        '[Estou lendo|Terminei|Comecei] [um romance sobre o mar|uma história da cidade|poemas de Drummond] [essa semana|no ônibus|hoje à noite].',
      ],
      hashtags: ['cinema', 'livros', 'música'],
    },
  },
  openers: ['Atualização:', 'Sinceramente:', 'Pergunta séria:', 'Opinião impopular:', 'Aviso:'],
  reactions: [
    'Inacreditável.', 'Não dá pra inventar isso.', 'O que vocês acham?', 'Verdade pura.', 'É por isso que eu amo essa cidade.', 'De novo não.',
    'Finalmente uma notícia boa.', 'Cansei disso.', 'Quem mais?', 'Só digo isso.', 'Que loucura.', 'Amei.',
  ],
  replies: [
    'Exatamente.', 'Fonte?', 'Mentira, eu estava lá.', 'Aqui também!', 'Isso merece mais atenção.', 'Tem certeza?',
    'Obrigado por compartilhar.', 'Concordo totalmente.', 'Não foi isso que aconteceu.', 'Kkkkk igual.',
  ],
  breaking: ['URGENTE:', 'Compartilhem antes que apaguem:', 'Acordem:', 'Ninguém está falando disso:', 'Espalhem:'],
  incidents: {
    flood: 'enchente',
    wildfire: 'incêndio florestal',
    earthquake: 'terremoto',
    derailment: 'descarrilamento de trem',
    metroStrike: 'greve do metrô',
    foodPoisoning: 'intoxicação alimentar',
    measles: 'surto de sarampo',
    protest: 'protesto em massa',
    recount: 'recontagem de votos',
    bankCollapse: 'falência de banco',
    factoryFire: 'incêndio em fábrica',
    dataBreach: 'vazamento de dados',
    networkOutage: 'queda da rede',
  },
  eventSentences: [
    '[Urgente|Última hora]: {incident} em {place}, [ruas fechadas|moradores deixando a região|equipes de resgate no local].',
    '{incident} em {place} [agora mesmo|desde cedo|há uma hora]. [Alguém tem notícias?|Força a todos aí.|Se cuidem.]',
    'Minha timeline inteira fala de {place}: {incident}, [e está piorando|e nada de informação oficial].',
  ],
  claims: {
    water: '[A água da torneira|A água potável] da cidade [foi|está] [contaminada|envenenada] [e as autoridades estão escondendo|e os responsáveis estão abafando o caso|e ninguém conta pra vocês].',
    banks: '[Os bancos|Todos os bancos|Os grandes bancos] vão congelar [as poupanças|todos os depósitos|o dinheiro do povo] [na próxima segunda|a partir da semana que vem|na segunda] — [saquem seu dinheiro agora|tirem o dinheiro enquanto dá|saquem tudo hoje].',
    ballots: '[Milhares de|Caixas de|Sacos cheios de] cédulas foram encontradas [perto de um rio|num lixão|atrás de um galpão]: [a eleição foi fraudada|roubaram os votos|essa eleição é uma farsa].',
    meters: 'Os novos medidores inteligentes [gravam|escutam] [em segredo|escondido] [as conversas|tudo o que vocês falam] [em casa|na sala][ e mandam para o exterior| e ninguém pediu nossa opinião|, confiram o de vocês].',
    bread: 'Os supermercados vão [ficar sem pão|ficar com as prateleiras vazias] [essa semana|em poucos dias|até sexta] [por causa de|devido a] um acordo secreto [de exportação|com compradores estrangeiros].',
    blackout: 'O apagão [de ontem à noite|de ontem] foi [um teste|um ensaio] de uma arma [cibernética estrangeira|hacker estrangeira][, dizem fontes internas|, engenheiros confirmam|, e eles sabem disso].',
    schools: 'As escolas vão [fechar|parar] por [um mês|quatro semanas] [a partir da semana que vem|a partir de segunda][, mas ninguém avisa os pais|, e estão escondendo isso|, a decisão já foi tomada].',
  },
  coordinated: [
    '[Leiam isso|Todo mundo precisa ver isso|Leia agora]: [a verdade sobre a água|o que a mídia não mostra|a história real do apagão] {link}',
    '[Bomba|Inacreditável|Finalmente revelado]! {link} [#Acordem|#Verdade|#Compartilhe]',
  ],
  domains: ['folhadodia.example', 'jornaldacidade.example'],
};
