import type { LanguagePack } from './types.js';

export const es: LanguagePack = {
  code: 'es',
  name: 'Spanish',
  share: 0.11,
  utcOffsets: [-5, -3, 1],
  space: ' ',
  topics: {
    everyday: {
      sentences: [
        '[¡Buenos días|¡Buen día] a todos! [Primero, el café.|Vamos a por el día.|Que tengan un gran día.]',
        'Día [largo|complicado|raro] en el trabajo, [ya quiero llegar a casa|necesito una siesta|por fin terminé].',
        '[Acabo de terminar|Por fin terminé] [el libro que empecé el mes pasado|de limpiar toda la casa|mi primera carrera en semanas].',
        '¿Alguien más [sigue despierto|está despierto tan temprano|está atrapado en reuniones todo el día]?',
        '[El perro del vecino|El gato|Mi hermano pequeño] me despertó a las {time} [otra vez|hoy|un domingo].',
      ],
      hashtags: ['buenosdías', 'lunes', 'vida'],
    },
    weather: {
      sentences: [
        '¡[Cuánta lluvia|Qué tormenta|Otra vez lluvia] [hoy|esta tarde]! [Lleven paraguas.|Las calles están inundadas.|Estoy empapado.]',
        '[Ya hace|Hace] {n} grados [y sol|afuera|a las {time}].',
        '[El pronóstico|La previsión] dice que [nevará|habrá tormentas|hará mucho viento|llega una ola de calor] [mañana|este fin de semana|el viernes].',
        '[Qué mañana tan bonita|Qué día tan gris|Qué tarde tan fría], [ni una nube en el cielo|la niebla no se va|el cielo está despejado].',
      ],
      hashtags: ['clima', 'lluvia', 'calor'],
    },
    sport: {
      sentences: [
        '¡[Qué partido|Qué partidazo|Qué final de partido]! [Marcamos|Nos marcaron] en el minuto {n}.',
        '[El árbitro|Nuestro entrenador|El portero] [se equivocó mucho|estuvo brillante|tiene que irse] [esta noche|en la segunda parte].',
        '¿Quién va al clásico [el sábado|la próxima semana|mañana por la noche]?',
        '[Nuestro equipo|El club] [fichó a un nuevo delantero|perdió otra vez|va primero en la liga][ y no sé qué pensar|, por fin| esta temporada].',
      ],
      hashtags: ['fútbol', 'LaLiga', 'clásico'],
    },
    transport: {
      sentences: [
        '[El tren|Mi autobús|El metro] [lleva {n} minutos de retraso|está cancelado|va lleno] [otra vez|esta mañana|como siempre].',
        '[El puente|El túnel|El acceso norte] está [cortado|cerrado|colapsado] [cerca de la estación|en el centro|por un accidente].',
        '[Los nuevos carriles bici|Los autobuses nocturnos|Los trenes de cercanías] [llegan por fin|empiezan el mes que viene] [a nuestro barrio|al centro|al aeropuerto].',
        '[Perdí el transbordo|Sigo en el andén|Esperé {n} minutos un taxi] [a las {time}|esta noche|otra vez].',
      ],
      hashtags: ['tráfico', 'metro', 'transporte'],
    },
    food: {
      sentences: [
        '[Hice|Preparé|Probé a hacer] [sopa de lentejas|un bizcocho de limón|pizza casera|paella] [esta noche|por primera vez|para la familia][ y quedó increíble| y se me quemó|, les dejo la receta].',
        '[La nueva|La pequeña] [panadería|taquería|cafetería] [de la esquina|cerca del mercado|del centro] [vale la pena|está sobrevalorada|por fin abrió].',
        '[El café|El aceite|El menú del día] [está carísimo|subió otra vez|cuesta un ojo de la cara] [este mes|en todas partes].',
        '[El mejor|El peor] [desayuno|bocadillo|ceviche] que he probado [en años|esta semana|en esta ciudad].',
      ],
      hashtags: ['comida', 'receta', 'desayuno'],
    },
    health: {
      sentences: [
        '[Media oficina tiene gripe|Toda mi familia está resfriada|Todos mis amigos están enfermos] [esta semana|otra vez|ahora mismo].',
        'No olviden [beber agua|vacunarse contra la gripe|dormir bien|lavarse las manos][ hoy| este invierno|, amigos].',
        'En [la clínica|el hospital|el centro de salud] [había {n} minutos de espera|no cabía nadie|faltaba personal] [hoy|esta mañana|otra vez].',
        '[Volví a|Empecé a] [correr|hacer yoga|ir al gimnasio] [después de {n} semanas|este mes|hoy] y [me siento genial|me duelen las piernas|cuesta mucho].',
      ],
      hashtags: ['gripe', 'salud', 'bienestar'],
    },
    elections: {
      sentences: [
        'El debate [de anoche|de los candidatos] fue [un desastre|sorprendentemente bueno|difícil de ver][, la verdad|].',
        '[Las encuestas|Las nuevas encuestas|Los últimos sondeos] muestran [una carrera reñida|a la oposición por delante|al alcalde perdiendo terreno] [a {n} días de la votación|esta semana|en la capital].',
        'No olviden [inscribirse para votar|revisar su colegio electoral|votar el domingo].',
        'La participación [parece alta|va por el {pct}%|es baja] [en nuestro distrito|este año|según las autoridades].',
      ],
      hashtags: ['elecciones', 'voto', 'debate'],
    },
    economy: {
      sentences: [
        '[El alquiler|Mi alquiler] subió [un {pct}%|otra vez|este año][ y los sueldos no|, increíble| y nadie se sorprende].',
        'La inflación [llegó al|bajó al|se quedó en el] {pct}% [este mes|según los últimos datos|según el banco central].',
        '[La fábrica|Una gran empresa|La planta local] [está contratando|anunció despidos|va a cerrar] [el mes que viene|en nuestro pueblo|después de {n} años].',
        'Los tipos de interés [suben|bajaron|siguen igual] [otra vez|hoy|este trimestre].',
      ],
      hashtags: ['economía', 'inflación', 'alquiler'],
    },
    technology: {
      sentences: [
        '[Mi móvil|La nueva actualización|Esta app] [no deja de fallar|gasta mucha batería|es genial] [desde ayer|después de actualizar|en el portátil].',
        '[Probé|Estoy probando] [el nuevo asistente de IA|un teclado nuevo|la versión beta] [hoy|esta semana|en el trabajo] y [me sorprendió|tiene muchos errores|no está mal].',
        '[Internet|El wifi|Mi conexión] [no funciona|va lentísimo|se corta] [otra vez|en casa|en todo el edificio].',
        '¿Alguien me recomienda [un gestor de contraseñas|un portátil para estudiantes|un móvil barato]?',
      ],
      hashtags: ['tecnología', 'IA', 'móvil'],
    },
    culture: {
      sentences: [
        '[Acabo de ver|Vi|Por fin vi] [la nueva película|ese documental|la obra de teatro] [anoche|en el festival|con amigos] y [me encantó|lloré|me dormí].',
        '[Este disco|Ese concierto|La nueva exposición] [es increíble|valió cada euro|me decepcionó][, la verdad|].',
        '[Estoy leyendo|Acabo de terminar|Empecé] [una novela sobre el mar|una historia de la ciudad|poemas de Lorca] [esta semana|en el tren|esta noche].',
        '[Día de museos gratis|Feria del libro|Noche de jazz] [este domingo|en la biblioteca|en el centro], [¡nos vemos allí!|no se lo pierdan.|si alguien quiere venir.]',
      ],
      hashtags: ['cine', 'libros', 'música'],
    },
  },
  openers: ['Actualización:', 'Ojo:', 'Pregunta seria:', 'Opinión impopular:', 'Dato:'],
  reactions: [
    'Increíble.', 'No me lo puedo creer.', '¿Qué opinan?', 'Totalmente cierto.', 'Por esto amo esta ciudad.', 'Otra vez no.',
    'Por fin una buena noticia.', 'Estoy harto de esto.', '¿Alguien más?', 'Solo digo.', 'Qué locura.', 'Me encanta.',
  ],
  replies: [
    'Exacto.', '¿Fuente?', 'Falso, yo estaba allí.', '¡Igual aquí!', 'Esto merece más atención.', '¿Seguro?',
    'Gracias por compartir.', 'Totalmente de acuerdo.', 'Eso no es lo que pasó.', 'Jaja, lo mismo.',
  ],
  breaking: ['ÚLTIMA HORA:', 'Compartan antes de que lo borren:', '¡Despierten!', 'Nadie habla de esto:', 'Difundan:'],
  incidents: {
    flood: 'inundación',
    wildfire: 'incendio forestal',
    earthquake: 'terremoto',
    derailment: 'descarrilamiento de tren',
    metroStrike: 'huelga de metro',
    foodPoisoning: 'intoxicación alimentaria',
    measles: 'brote de sarampión',
    protest: 'protesta masiva',
    recount: 'recuento de votos',
    bankCollapse: 'quiebra bancaria',
    factoryFire: 'incendio en una fábrica',
    dataBreach: 'filtración de datos',
    networkOutage: 'caída de la red',
  },
  eventSentences: [
    '[Última hora|Urgente]: {incident} en {place}, [calles cortadas|la gente está saliendo de la zona|los servicios de emergencia ya están allí].',
    '{incident} en {place} [ahora mismo|desde esta mañana|desde hace una hora]. [¿Alguien tiene noticias?|Mucho ánimo a todos.|Cuídense mucho.]',
    'Todo mi timeline habla de {place}: {incident} [y cada vez peor|y no hay información oficial].',
    '[En directo|Actualización]: {incident} en {place} — [las autoridades hablarán a las {time}|más detalles pronto|por ahora no hay heridos].',
    'Mi hermana vive en {place} y dice que [la ciudad está paralizada|todo el mundo está en la calle|nadie sabe qué pasa]: {incident}.',
  ],
  claims: {
    water: '[El agua del grifo|El agua potable] de la ciudad [ha sido|fue] [contaminada|envenenada] [y las autoridades lo ocultan|y los responsables lo están tapando|y nadie te lo dice].',
    banks: '[Los bancos|Todos los bancos|Los grandes bancos] congelarán [las cuentas de ahorro|todos los depósitos|los ahorros de la gente] [el próximo lunes|a partir de la semana que viene|el lunes] — [saquen su dinero ya|retiren el efectivo mientras puedan|saquen todo hoy].',
    ballots: 'Encontraron [miles de|cajas de|bolsas llenas de] papeletas [tiradas junto a un río|en un vertedero|detrás de un almacén]: [las elecciones fueron amañadas|robaron los votos|estas elecciones son un fraude].',
    meters: 'Los nuevos contadores inteligentes [graban|escuchan] [en secreto|a escondidas] [las conversaciones|todo lo que dices] [en casa|en tu salón][ y las envían al extranjero| y nadie nos preguntó|, revisa el tuyo].',
    bread: 'Los supermercados [se quedarán sin pan|no tendrán pan|tendrán las estanterías vacías] [esta semana|en pocos días|antes del viernes] [por|debido a] un acuerdo secreto [de exportación|con compradores extranjeros].',
    blackout: 'El apagón [de anoche|de ayer] fue [una prueba de|un ensayo de] un arma [cibernética extranjera|informática extranjera][, dicen fuentes internas|, confirman ingenieros| y ellos lo saben].',
    schools: 'Las escuelas [cerrarán|van a cerrar] durante [un mes|cuatro semanas] [a partir de la semana que viene|desde el lunes][, pero no se lo dicen a los padres| y lo están ocultando|, la decisión ya está tomada].',
  },
  coordinated: [
    '[Lectura obligada|Todo el mundo tiene que ver esto|Lean esto ya]: [la verdad sobre el agua del grifo|lo que los medios no te muestran|la historia real del apagón] {link}',
    '¡[Esto es enorme|Increíble|Por fin sale a la luz]! {link} [#Despierten|#LaVerdad|#Compartan]',
    '[Intentaron ocultar esto|Léanlo antes de que lo borren|El informe que enterraron] {link}',
  ],
  domains: ['diariodelsur.example', 'elcronista.example', 'noticiasdehoy.example'],
};
