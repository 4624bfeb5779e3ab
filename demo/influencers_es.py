"""The Spanish translation of demo course INF-101 ("Working with influencers"): the course
page and its first two modules. Modules are matched to the English ones by slug; the
translated pages keep the English slugs and the course code. Their quizzes are in
influencers_es_quizzes.py."""

from demo.common import COMPOSITE_CONSENT_ES

WHY_INFLUENCERS = [
    (
        "paragraph",
        "<p>Durante la mayor parte de nuestra historia, nuestra voz pública ha sido una voz "
        "<b>institucional</b>: comunicados de prensa, informes, declaraciones firmadas por la "
        "organización. Esa voz sigue importando. Periodistas, tribunales y gobiernos necesitan "
        "nuestras pruebas en ese formato. Pero en las redes sociales, cada vez más personas "
        "simplemente pasan de largo.</p>"
        "<p>Este módulo explica por qué colaborar con influencers y creadores de contenido puede "
        "llevar nuestro trabajo a personas a las que nuestras propias cuentas no llegan, y qué "
        "pueden y qué no pueden lograr esas colaboraciones.</p>",
    ),
    ("heading", {"text": "La gente se cansa de la voz oficial", "level": "h2"}),
    (
        "paragraph",
        "<p>El público, y en especial las personas de 16 a 34 años, sigue a <b>personas</b>, no "
        "a organizaciones. Está acostumbrado a contenidos que le hablan directamente, en su "
        "propia jerga, desde el dormitorio, la cocina o la calle de alguien. A su lado, una "
        "declaración que empieza con «La organización expresa su profunda preocupación» suena "
        "como un aviso clavado en un tablón.</p>"
        "<p>Esto nos importa por tres razones:</p>"
        "<ul>"
        "<li><b>Cansancio.</b> Durante años, la gente ha escuchado voces oficiales de gobiernos, "
        "empresas y organizaciones benéficas. Muchas personas han aprendido a desconectar.</li>"
        "<li><b>Distancia.</b> Una cuenta institucional puede sonar como si hablara de la gente, "
        "no con ella. Esa distancia es justo lo que aprovechan nuestros adversarios cuando dicen "
        "que los derechos humanos son un asunto extranjero o de élites.</li>"
        "<li><b>Algoritmos.</b> Las plataformas premian los contenidos que generan conversación. "
        "Las publicaciones personales y cercanas llegan más lejos que los anuncios.</li>"
        "</ul>",
    ),
    ("heading", {"text": "Lo que aportan los influencers", "level": "h2"}),
    (
        "paragraph",
        "<p>Un influencer es cualquier persona en la que su público confía lo suficiente como "
        "para actuar según lo que dice. Puede ser una celebridad, pero con mucha más frecuencia "
        "es una estudiante que hace vlogs, un comentarista de fútbol, una enfermera que explica "
        "noticias de salud, un poeta o una gamer. Lo que aportan:</p>"
        "<ul>"
        "<li><b>Confianza ya construida.</b> Sus seguidores los eligieron, a menudo a lo largo de "
        "años. Cuando hablan de un tema, llega como el consejo de alguien conocido, no como una "
        "campaña.</li>"
        "<li><b>Acceso a nuevos públicos.</b> Los seguidores de una humorista rara vez son ya "
        "simpatizantes nuestros. De eso se trata.</li>"
        "<li><b>Soltura.</b> Los creadores conocen los formatos, el humor y los tiempos de su "
        "plataforma mucho mejor que cualquier institución.</li>"
        "<li><b>Contexto.</b> Los creadores locales saben qué palabras funcionan en su idioma y "
        "cuáles se volverán en su contra.</li>"
        "</ul>",
    ),
    (
        "quote",
        {
            "quote": (
                "Yo no sigo a organizaciones. Sigo a personas que explican las cosas como lo harían "
                "mis amigos. Cuando una creadora que veo habló de estudiantes detenidos después de "
                "una protesta, fue la primera vez que de verdad lo busqué."
            ),
            "speaker": "Una estudiante de 22 años en Ciudad de México",
            "role": "Participante en un grupo de discusión con el público",
            "consent": True,
            "consent_note": COMPOSITE_CONSENT_ES,
        },
    ),
    ("heading", {"text": "Lo que los influencers no son", "level": "h2"}),
    (
        "paragraph",
        "<p>Los influencers son <b>aliados, no altavoces</b>. No están para leer nuestro "
        "comunicado de prensa, y no son nuestros portavoces: hablan por sí mismos. No sustituyen "
        "la investigación, el análisis jurídico ni la incidencia ante quienes toman decisiones; "
        "llevan ese trabajo a personas que de otro modo nunca oirían hablar de él. Y tienen en "
        "juego su propia reputación, sus ingresos y su seguridad, que debemos respetar.</p>",
    ),
    (
        "callout",
        {
            "tone": "tip",
            "title": "Las cuentas pequeñas suelen funcionar mejor",
            "body": (
                "<p>Los creadores con entre 10 000 y 100 000 seguidores (a menudo llamados "
                "microinfluencers) suelen tener una relación más cercana con su público, más "
                "interacción y más tiempo para una colaboración real que las celebridades. Varios "
                "de ellos juntos pueden llegar a más personas adecuadas que un solo nombre famoso.</p>"
            ),
        },
    ),
    (
        "case_study",
        {
            "title": "Un lanzamiento de informe que por fin llegó a la gente joven (ejemplo compuesto)",
            "context": (
                "<p>Una oficina regional publicó una investigación sobre la actuación policial en "
                "las protestas estudiantiles. Nuestros canales llegaron a periodistas y a "
                "simpatizantes de siempre, pero casi a nadie menor de 25 años, las personas más "
                "afectadas. <i>Este caso combina varias campañas; se han cambiado detalles.</i></p>"
            ),
            "what_happened": (
                "<p>Una semana antes del lanzamiento, cuatro creadores (una humorista, un vlogger "
                "de vida estudiantil, una fotógrafa callejera y un músico) recibieron las "
                "conclusiones principales y pasaron media hora con la investigadora responsable. "
                "Cada uno hizo Stories o vídeos cortos con su propio estilo. Ninguno usó nuestras "
                "palabras.</p>"
            ),
            "what_we_learned": (
                "<p>Los vídeos de los creadores se compartieron mucho más que la publicación de "
                "lanzamiento de la organización, y la mayoría de las preguntas en sus comentarios "
                "eran sobre qué podía hacer la gente joven. El tiempo con la investigadora importó "
                "más que cualquier guion: quienes entendían el tema lo explicaban con seguridad.</p>"
            ),
        },
    ),
    (
        "do_dont",
        {
            "title": "Decidir si encaja una colaboración con influencers",
            "dos": [
                "Partir del público al que hay que llegar y preguntarse a quién escucha ya",
                "Tratar a los creadores como expertos en su público",
                "Combinar su contenido con nuestra investigación e incidencia",
                "Reservar tiempo para la relación, no solo para las publicaciones",
            ],
            "donts": [
                "Usar a influencers para repetir palabra por palabra una declaración oficial",
                "Elegir a alguien solo por su número de seguidores",
                "Esperar que una sola publicación cambie opiniones por sí misma",
                "Contactar a creadores días antes de un lanzamiento, sin tiempo para generar confianza",
            ],
        },
    ),
    (
        "reflection",
        {
            "prompt": (
                "Piensa en la última campaña en la que trabajaste. ¿A quién intentabas llegar, y a "
                "quién escuchan ya esas personas en internet?"
            ),
            "guidance": (
                "Nombra dos o tres tipos de voces, no necesariamente famosas. Volverás a usar tu "
                "respuesta en el módulo sobre cómo elegir aliados."
            ),
        },
    ),
    (
        "key_takeaways",
        {
            "title": "Ideas clave",
            "items": [
                "Mucha gente, sobre todo de 16 a 34 años, desconecta de la voz institucional oficial",
                "Los influencers aportan confianza, acceso a nuevos públicos y soltura en su plataforma",
                "Son aliados que hablan por sí mismos, no altavoces de nuestras declaraciones",
                "El trabajo con influencers complementa la investigación y la incidencia; no las sustituye",
            ],
        },
    ),
]

CHOOSING_PARTNERS = [
    (
        "paragraph",
        "<p>El aliado adecuado no es el más famoso. Es la persona cuyo <b>público</b> necesitas "
        "alcanzar, cuyos <b>valores</b> encajan con los nuestros y que puede trabajar con "
        "nosotros de forma <b>segura</b>. Este módulo explica cómo encontrarla y qué comprobar "
        "antes de enviar el primer mensaje.</p>",
    ),
    ("heading", {"text": "Empieza por el público, no por el influencer", "level": "h2"}),
    (
        "paragraph",
        "<p>Anota a quién necesitas llegar antes de mirar un solo perfil: edad, país, idioma, "
        "intereses y lo que esperas que hagan. En la mayor parte de nuestro trabajo con jóvenes, "
        "el público son personas de <b>16 a 34 años</b>, y las plataformas donde pasan el tiempo "
        "son, en la mayoría de los países donde trabajamos, <b>Instagram y YouTube</b>, seguidas "
        "de cerca por las aplicaciones de vídeo corto. Compruébalo en tu propio país: cambia "
        "deprisa.</p>"
        "<p>Después, pide a los creadores los datos de su público. Instagram y YouTube muestran a "
        "los creadores la edad, el país y el género de su público; pide capturas de pantalla. Un "
        "creador con dos millones de seguidores, la mayoría en otro país o mayores de 45 años, "
        "puede no ser el aliado adecuado para esta campaña, por bueno que sea su contenido.</p>",
    ),
    ("heading", {"text": "Afinidad de valores", "level": "h2"}),
    (
        "paragraph",
        "<p>Nuestra credibilidad viaja con cada aliado. Fíjate en lo que han dicho y hecho, no "
        "solo en lo que publican sobre nosotros:</p>"
        "<ul>"
        "<li>¿Han atacado o ridiculizado a mujeres, personas LGBTI, refugiados, minorías "
        "religiosas o étnicas, o a cualquier grupo cuyos derechos defendemos?</li>"
        "<li>¿Promocionan marcas, gobiernos o causas que chocan con nuestro trabajo, por ejemplo "
        "una campaña turística de un gobierno al que criticamos?</li>"
        "<li>¿Son coherentes? Un interés repentino por una causa puede ser sincero, pero pregunta "
        "por qué.</li>"
        "</ul>"
        "<p>Nadie tiene un historial perfecto, y las personas cambian. Si encuentras algo, háblalo "
        "abiertamente con el creador y con tu responsable, en lugar de ignorarlo o descartarlo "
        "sin una conversación.</p>",
    ),
    ("heading", {"text": "Diligencia debida, paso a paso", "level": "h2"}),
    (
        "checklist",
        {
            "title": "Antes de contactar a un creador",
            "items": [
                "Revisa al menos doce meses de publicaciones, vídeos e historias destacadas",
                "Busca su nombre junto a palabras como escándalo, falso, pagado o vetado, en todos los "
                "idiomas pertinentes",
                "Busca seguidores falsos: saltos repentinos, poca interacción para su tamaño, "
                "comentarios genéricos o sin relación con el tema",
                "Pide los datos demográficos de su público a partir de sus propias estadísticas",
                "Enumera sus colaboraciones actuales y pasadas con marcas, partidos y gobiernos",
                "Pregunta a colegas de la oficina regional qué saben del creador",
                "Piensa en el riesgo del propio creador: ¿podría ponerle en peligro trabajar con "
                "nosotros allí donde vive?",
                "Anota en el expediente de la colaboración qué comprobaste, cuándo y qué encontraste",
            ],
        },
    ),
    (
        "callout",
        {
            "tone": "important",
            "title": "Su seguridad forma parte de la diligencia debida",
            "body": (
                "<p>En algunos países, que te vean con una organización de derechos humanos puede "
                "traer vigilancia, amenazas legales, pérdida de ingresos o cosas peores. Habla con "
                "la persona de referencia en seguridad de tu región antes de contactar a creadores "
                "en contextos de alto riesgo, explica los riesgos con honestidad y deja que el "
                "creador decida con toda la información.</p>"
            ),
        },
    ),
    ("heading", {"text": "Tipos de aliados", "level": "h2"}),
    (
        "paragraph",
        "<ul>"
        "<li><b>Nano y microcreadores</b> (hasta unos 100 000 seguidores): comunidades cercanas, "
        "mucha confianza, a menudo locales. Buenos para profundizar y para llegar a una ciudad o "
        "a un grupo concretos.</li>"
        "<li><b>Creadores medianos y grandes</b>: alcance y visibilidad, tarifas más altas, menos "
        "tiempo para la cocreación.</li>"
        "<li><b>Creadores expertos</b>: abogadas, médicos, docentes o periodistas que explican "
        "temas en internet. Buenos para cuestiones complejas.</li>"
        "<li><b>Creadores activistas</b>: personas que ya hacen campaña sobre el tema. Con mucha "
        "fuerza, pero a menudo las más expuestas al riesgo.</li>"
        "</ul>",
    ),
    (
        "quote",
        {
            "quote": (
                "Lo primero que pregunto a un nuevo aliado no es cuánto cobra, sino por qué este "
                "tema. Si la respuesta es sincera, el contenido también lo será."
            ),
            "speaker": "Responsable de alianzas en una oficina regional",
            "role": "Personal de campañas",
            "consent": True,
            "consent_note": COMPOSITE_CONSENT_ES,
        },
    ),
    (
        "do_dont",
        {
            "title": "Contactar a creadores",
            "dos": [
                "Pagar de forma justa el trabajo de los creadores, con un acuerdo por escrito",
                "Preguntar qué ha funcionado antes con su público",
                "Ser honestos sobre las posturas nuestras que puedan disgustar a su público",
                "Hablar directamente con el creador, no solo a través de una agencia",
            ],
            "donts": [
                "Dar por hecho que los creadores trabajarán gratis por la causa",
                "Fiarse del número de seguidores o de una publicación viral",
                "Ocultar partes de nuestro trabajo que más tarde podrían causarles problemas",
                "Contactar a creadores en países de alto riesgo sin una conversación sobre seguridad",
            ],
        },
    ),
    (
        "reflection",
        {
            "prompt": (
                "Elige a un creador que creas que podría llevar una campaña que conoces bien. Con "
                "la lista de comprobación anterior, ¿qué tendrías que comprobar antes de "
                "contactarle, y qué podría hacer que la colaboración fuera arriesgada para él o ella?"
            ),
            "guidance": "Enumera las comprobaciones en el orden en que las harías.",
        },
    ),
    (
        "key_takeaways",
        {
            "title": "Ideas clave",
            "items": [
                "Define primero el público: en el trabajo con jóvenes, a menudo de 16 a 34 años, en "
                "Instagram y YouTube",
                "Pide a los creadores datos de su público en lugar de fiarte del número de seguidores",
                "Comprueba la afinidad de valores y las colaboraciones pasadas, y habla abiertamente "
                "de lo que encuentres",
                "La seguridad del propio creador forma parte de la diligencia debida",
                "Anota lo que comprobaste, para que otras personas puedan contar con ello",
            ],
        },
    ),
]

TRANSLATION = {
    "language_code": "es",
    "course_code": "INF-101",
    "title": "Trabajar con influencers",
    "summary": (
        "Cómo encontrar, informar y apoyar a influencers y creadores que puedan llevar mensajes de "
        "derechos humanos a públicos de 16 a 34 años, con seguridad, con transparencia y con "
        "resultados que se puedan medir."
    ),
    "learning_objectives": (
        "<ul>"
        "<li>Explicar por qué los creadores de confianza llegan a personas a las que una cuenta "
        "institucional no llega</li>"
        "<li>Elegir aliados cuyos valores y públicos encajen, tras una diligencia debida adecuada</li>"
        "<li>Informar a los creadores para que hagan contenido propio de su plataforma, con su "
        "propia voz</li>"
        "<li>Asegurarse de que toda publicación apoyada indique claramente la colaboración</li>"
        "<li>Prepararse ante el acoso a un influencer aliado y responder a él</li>"
        "<li>Medir qué cambió, más allá de visualizaciones y «me gusta»</li>"
        "</ul>"
    ),
    "audience": (
        "Personal de campañas, comunicación y participación juvenil, y cualquier persona de una "
        "oficina regional que planifique o apruebe trabajo con influencers y creadores."
    ),
    "cover_image_alt": (
        "Ilustración de un teléfono inteligente que muestra una fila de círculos de historias y un "
        "botón de reproducción, sobre un fondo morado oscuro."
    ),
    "modules": [
        {"slug": "why-influencers", "title": "¿Por qué trabajar con influencers?", "body": WHY_INFLUENCERS},
        {"slug": "choosing-partners", "title": "Elegir a los aliados adecuados", "body": CHOOSING_PARTNERS},
    ],
}
