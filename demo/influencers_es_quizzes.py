"""The Spanish quizzes of the two translated INF-101 modules (influencers_es.py).

Only the words are translated here, in the same order as the English quiz in
influencers_quizzes.py; the rest comes from the English quiz (quiz_translations.py)."""

from demo.influencers_quizzes import QUIZZES as ENGLISH_QUIZZES
from demo.quiz_translations import translate_quiz

TRUE = "Verdadero"
FALSE = "Falso"

WHY_INFLUENCERS = [
    {
        "prompt": (
            "¿Por qué tantas personas, en especial las de 16 a 34 años, pasan de largo ante las "
            "publicaciones institucionales de la organización?"
        ),
        "explanation": (
            "El módulo da tres razones: el cansancio de las voces oficiales, la distancia que crea "
            "una cuenta institucional y los algoritmos, que premian la conversación por encima de "
            "los anuncios. La gente sigue a personas, no a organizaciones."
        ),
        "choices": [
            (
                "Siguen a personas más que a organizaciones, y están acostumbradas a contenidos que "
                "les hablan directamente",
                "Correcto. Al lado de una creadora que habla desde su cocina, una declaración que "
                "empieza con «La organización expresa su profunda preocupación» suena como un aviso "
                "clavado en un tablón.",
            ),
            (
                "La mayoría está en contra de los derechos humanos como causa",
                "El módulo no dice eso. El problema es la voz, no la causa: el mismo tema llega "
                "cuando lo explica un creador en quien confían.",
            ),
            (
                "Nuestras publicaciones son demasiado cortas para explicar bien los temas",
                "La extensión no es el problema que describe el módulo. Lo son el tono y la "
                "distancia: el lenguaje oficial suena como si hablara de la gente, no con ella.",
            ),
            (
                "Las plataformas bloquean los contenidos publicados por organizaciones benéficas y ONG",
                "Las plataformas no nos bloquean. Sus algoritmos premian las publicaciones que "
                "generan conversación, y los anuncios rara vez lo hacen.",
            ),
        ],
    },
    {
        "prompt": (
            "¿Cuáles de estas cosas menciona el módulo como aportaciones de los influencers? "
            "Elige todas las que correspondan."
        ),
        "explanation": (
            "Los influencers aportan confianza ya construida, acceso a nuevos públicos, soltura en "
            "su plataforma y contexto local. Hablan por sí mismos, y su trabajo lleva nuestra "
            "investigación a nuevas personas en lugar de sustituirla."
        ),
        "choices": [
            (
                "Confianza ya construida: sus seguidores los eligieron, a menudo a lo largo de años",
                "Sí. Lo que dicen llega como el consejo de alguien conocido, no como una campaña.",
            ),
            (
                "Acceso a públicos que todavía no son simpatizantes nuestros",
                "Sí. Los seguidores de una humorista rara vez son ya simpatizantes nuestros: de eso "
                "se trata.",
            ),
            (
                "Soltura con los formatos, el humor y los tiempos de su plataforma",
                "Sí. Los creadores conocen su plataforma mucho mejor que cualquier institución.",
            ),
            (
                "La autoridad para hablar en nombre de la organización",
                "No. Los influencers no son nuestros portavoces: hablan por sí mismos.",
            ),
            (
                "Una manera de prescindir de la investigación y del análisis jurídico",
                "No. El trabajo con influencers lleva la investigación y la incidencia a nuevas "
                "personas; no las sustituye.",
            ),
        ],
    },
    {
        "prompt": (
            "Para que el mensaje sea exacto, los influencers deberían repetir palabra por palabra "
            "la declaración oficial de la organización."
        ),
        "explanation": (
            "Los influencers son aliados, no altavoces. La exactitud viene de compartir datos "
            "sólidos y revisarlos, no de un guion que anula la voz propia del creador."
        ),
        "choices": [
            (
                TRUE,
                "No exactamente. Leer nuestra declaración hace perder la confianza y la soltura por "
                "las que vale la pena trabajar con un creador, y su público lo notará enseguida.",
            ),
            (
                FALSE,
                "Correcto. Los creadores hablan por sí mismos, con sus propias palabras; nosotros "
                "les damos los datos y los límites.",
            ),
        ],
    },
    {
        "prompt": (
            "¿Por qué sugiere el módulo que los creadores con entre 10 000 y 100 000 seguidores "
            "suelen funcionar mejor que las celebridades?"
        ),
        "explanation": (
            "Los microinfluencers suelen tener una relación más cercana con su público, más "
            "interacción y más tiempo para una colaboración real. Varios de ellos juntos pueden "
            "llegar a más personas adecuadas que un solo nombre famoso."
        ),
        "choices": [
            (
                "Suelen tener una relación más cercana con su público, más interacción y más tiempo "
                "para una colaboración real",
                "Correcto. La cercanía y el tiempo para la colaboración son lo que los hace eficaces.",
            ),
            (
                "Se les puede pedir que trabajen gratis porque son menos conocidos",
                "No. Hay que pagar de forma justa el trabajo de los creadores, sea cual sea el "
                "tamaño de su cuenta.",
            ),
            (
                "Las plataformas muestran las publicaciones de las cuentas pequeñas a más personas "
                "que las de las celebridades",
                "El módulo no afirma nada parecido. La ventaja está en la relación con el público, "
                "no en el algoritmo.",
            ),
            (
                "No necesitan un acuerdo por escrito ni una etiqueta de publicidad",
                "No. Toda publicación que apoyamos necesita un acuerdo y una indicación clara de que "
                "es publicidad, por pequeña que sea la cuenta.",
            ),
        ],
    },
    {
        "prompt": (
            "En el caso del lanzamiento de un informe que por fin llegó a la gente joven, ¿qué fue "
            "lo que más influyó en la calidad de los vídeos de los creadores?"
        ),
        "explanation": (
            "La media hora que cada creador pasó con la investigadora responsable importó más que "
            "cualquier guion: quienes entendían el tema lo explicaban con seguridad, con su propio "
            "estilo."
        ),
        "choices": [
            (
                "La media hora que cada creador pasó con la investigadora responsable",
                "Correcto. Entender el tema les permitió explicarlo con seguridad.",
            ),
            (
                "Un guion común, para que todos los vídeos usaran los mismos mensajes clave",
                "No. Ninguno de los creadores usó nuestras palabras, y sus vídeos se compartieron "
                "mucho más que nuestra propia publicación de lanzamiento.",
            ),
            (
                "Publicar los vídeos desde las cuentas de la propia organización",
                "No. Los creadores publicaron en sus propios canales, para su propio público.",
            ),
            (
                "Elegir solo a creadores que ya hacen campaña por los derechos humanos",
                "No. Eran una humorista, un vlogger de vida estudiantil, una fotógrafa callejera y "
                "un músico: llegar a nuevos públicos era precisamente el objetivo.",
            ),
        ],
    },
]

CHOOSING_PARTNERS = [
    {
        "prompt": "¿Qué debes hacer antes de mirar el perfil de un solo creador?",
        "explanation": (
            "Empieza por el público, no por el influencer: anota a quién necesitas llegar (edad, "
            "país, idioma, intereses) y qué esperas que haga. Después busca a las personas a las "
            "que ese público ya escucha."
        ),
        "choices": [
            (
                "Anotar a qué público necesitas llegar y qué esperas que haga",
                "Correcto. El público decide qué creadores vale la pena contactar.",
            ),
            (
                "Preseleccionar a los creadores con más seguidores",
                "No. Elegir a alguien solo por su número de seguidores es una de las cosas que el "
                "módulo dice que no hay que hacer.",
            ),
            (
                "Enviar una breve presentación al mayor número posible de creadores",
                "No. La diligencia debida va antes de cualquier contacto, y empieza por el público.",
            ),
            (
                "Acordar el rango de tarifas con el equipo de finanzas",
                "Las tarifas importan más adelante. El primer paso es saber a quién necesitas llegar.",
            ),
        ],
    },
    {
        "prompt": (
            "¿Qué comprobaciones forman parte de la diligencia debida antes de contactar a un "
            "creador? Elige todas las que correspondan."
        ),
        "explanation": (
            "La lista de comprobación incluye revisar doce meses de contenido, buscar escándalos, "
            "detectar seguidores falsos, pedir los datos del público, enumerar las colaboraciones "
            "pasadas, preguntar a la oficina regional, pensar en el riesgo del propio creador y "
            "anotar lo que encontraste."
        ),
        "choices": [
            (
                "Revisar al menos doce meses de publicaciones, vídeos e historias destacadas",
                "Sí. Fíjate en lo que han dicho y hecho, no solo en lo que publican sobre nosotros.",
            ),
            (
                "Buscar señales de seguidores falsos, como saltos repentinos o comentarios genéricos",
                "Sí. Poca interacción para el tamaño de la cuenta es otra señal de alerta.",
            ),
            (
                "Pensar si trabajar con nosotros podría poner en peligro al creador allí donde vive",
                "Sí. La seguridad del propio creador forma parte de la diligencia debida.",
            ),
            (
                "Pedir al creador la contraseña de su cuenta de estadísticas",
                "No. Nunca pidas contraseñas: pide capturas de pantalla de los datos del público que "
                "muestran sus propias estadísticas.",
            ),
            (
                "Revisar solo las publicaciones en las que mencionan los derechos humanos",
                "No. Comprobar que sus valores encajan con los nuestros significa mirarlo todo, "
                "incluidos los ataques a grupos cuyos derechos defendemos y sus colaboraciones con "
                "marcas o gobiernos.",
            ),
        ],
    },
    {
        "prompt": (
            "Un creador con dos millones de seguidores es un buen aliado para una campaña dirigida a "
            "jóvenes de tu país, siempre que su contenido sea bueno."
        ),
        "explanation": (
            "El número de seguidores no dice nada de quiénes son esos seguidores. Pide los datos del "
            "público: un creador cuyo público está sobre todo en otro país, o es en su mayoría mayor "
            "de 45 años, puede no ser el aliado adecuado por bueno que sea su contenido."
        ),
        "choices": [
            (
                TRUE,
                "No necesariamente. Si su público está sobre todo en otro lugar o es mayor, no "
                "llegará a las personas que necesitas.",
            ),
            (
                FALSE,
                "Correcto. Comprueba primero la edad y el país del público en las propias "
                "estadísticas del creador.",
            ),
        ],
    },
    {
        "prompt": (
            "Mientras revisas a un creador con el que te gustaría trabajar, encuentras una "
            "publicación antigua en la que se burlaba de las personas refugiadas. ¿Qué aconseja el "
            "módulo?"
        ),
        "explanation": (
            "Nadie tiene un historial perfecto, y las personas cambian. Si encuentras algo, háblalo "
            "abiertamente con el creador y con tu responsable, en lugar de ignorarlo o descartarlo "
            "sin una conversación."
        ),
        "choices": [
            (
                "Hablarlo abiertamente con el creador y con tu responsable antes de decidir",
                "Correcto. Una conversación abierta te permite valorar si sus valores han cambiado.",
            ),
            (
                "Descartarlo de inmediato, sin contactarle",
                "El módulo desaconseja descartar a alguien sin una conversación: las personas cambian.",
            ),
            (
                "Ignorarlo: lo que importa es lo que publicará para nosotros",
                "No. Nuestra credibilidad viaja con cada aliado, así que su historial importa.",
            ),
            (
                "Pedirle que borre la publicación discretamente y seguir adelante",
                "No. Ocultarla no resuelve la cuestión de si sus valores encajan con los nuestros, y "
                "puede salir a la luz más tarde.",
            ),
        ],
    },
    {
        "prompt": (
            "Piensas contactar a creadores en un país donde que te vean con una organización de "
            "derechos humanos es peligroso. ¿Con quién deberías hablar primero?"
        ),
        "explanation": (
            "En contextos de alto riesgo, habla con la persona de referencia en seguridad de tu "
            "región antes de contactar a creadores, explica los riesgos con honestidad y deja que "
            "el creador decida con toda la información."
        ),
        "choices": [
            (
                "Con la persona de referencia en seguridad de tu región",
                "Correcto. Puede evaluar los riesgos antes de que se contacte a nadie.",
            ),
            (
                "Con el equipo de alianzas de la plataforma",
                "No. La plataforma no puede evaluar el riesgo que corre el creador allí donde vive.",
            ),
            (
                "Con la agencia del creador, para no exponerle",
                "No. Habla directamente con el creador, no solo a través de una agencia, y pide "
                "antes consejo de seguridad.",
            ),
            (
                "Con nadie: el creador es quien mejor puede valorar el riesgo por sí solo",
                "El creador decide, pero con toda la información, después de que hayas pedido "
                "consejo de seguridad.",
            ),
        ],
    },
    {
        "prompt": (
            "¿Qué afirmaciones sobre los tipos de aliados coinciden con el módulo? Elige todas las "
            "que correspondan."
        ),
        "explanation": (
            "Los nano y microcreadores aportan comunidades cercanas y locales; los creadores "
            "expertos son adecuados para temas complejos; los creadores activistas tienen mucha "
            "fuerza, pero a menudo son los más expuestos al riesgo. Los creadores grandes aportan "
            "alcance, pero con tarifas más altas y menos tiempo para la cocreación."
        ),
        "choices": [
            (
                "Los nano y microcreadores tienen comunidades cercanas, a menudo locales, con mucha "
                "confianza",
                "Sí. Son buenos para profundizar y para llegar a una ciudad o a un grupo concretos.",
            ),
            (
                "Los creadores expertos, como abogadas o médicos, son buenos para cuestiones complejas",
                "Sí. Explicar es su oficio.",
            ),
            (
                "Los creadores activistas tienen mucha fuerza, pero a menudo son los más expuestos al riesgo",
                "Sí. Su seguridad requiere un cuidado especial.",
            ),
            (
                "Los creadores grandes suelen tener más tiempo para la cocreación",
                "No. Los creadores grandes aportan alcance y visibilidad, con tarifas más altas y "
                "menos tiempo para la cocreación.",
            ),
        ],
    },
]

QUIZZES = {
    "why-influencers": translate_quiz(ENGLISH_QUIZZES["why-influencers"], WHY_INFLUENCERS),
    "choosing-partners": translate_quiz(ENGLISH_QUIZZES["choosing-partners"], CHOOSING_PARTNERS),
}
