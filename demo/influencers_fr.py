"""The French translation of demo course INF-101 ("Working with influencers"): the course
page and its first two modules. Modules are matched to the English ones by slug; the
translated pages keep the English slugs and the course code. Their quizzes are in
influencers_fr_quizzes.py."""

from demo.common import COMPOSITE_CONSENT_FR

WHY_INFLUENCERS = [
    (
        "paragraph",
        "<p>Pendant la plus grande partie de notre histoire, notre voix publique a été une voix "
        "<b>institutionnelle</b> : communiqués de presse, rapports, déclarations signées par "
        "l’organisation. Cette voix compte toujours. Journalistes, tribunaux et gouvernements "
        "ont besoin de nos éléments de preuve sous cette forme. Mais sur les réseaux sociaux, de "
        "plus en plus de gens la font simplement défiler sans s’arrêter.</p>"
        "<p>Ce module explique pourquoi des partenariats avec des influenceurs et des créateurs "
        "de contenu peuvent porter notre travail auprès de personnes que nos propres comptes "
        "n’atteignent pas, et ce que ces partenariats peuvent et ne peuvent pas faire.</p>",
    ),
    ("heading", {"text": "Le public se lasse de la voix officielle", "level": "h2"}),
    (
        "paragraph",
        "<p>Le public, et en particulier les 16-34 ans, suit des <b>personnes</b>, pas des "
        "organisations. Il est habitué à des contenus qui s’adressent directement à lui, dans "
        "son propre argot, depuis la chambre, la cuisine ou la rue de quelqu’un. À côté, une "
        "déclaration qui commence par « L’organisation est profondément préoccupée » ressemble "
        "à un avis punaisé sur un panneau d’affichage.</p>"
        "<p>Cela compte pour nous pour trois raisons :</p>"
        "<ul>"
        "<li><b>La lassitude.</b> Depuis des années, on entend des voix officielles, celles des "
        "gouvernements, des entreprises et des associations. Beaucoup ont appris à ne plus les "
        "écouter.</li>"
        "<li><b>La distance.</b> Un compte institutionnel peut donner l’impression de parler des "
        "gens, pas avec eux. C’est exactement cette distance qu’exploitent nos adversaires "
        "lorsqu’ils présentent les droits humains comme une préoccupation étrangère ou "
        "élitiste.</li>"
        "<li><b>Les algorithmes.</b> Les plateformes récompensent les contenus qui lancent des "
        "conversations. Les publications personnelles et directes vont plus loin que les "
        "annonces.</li>"
        "</ul>",
    ),
    ("heading", {"text": "Ce qu’apportent les influenceurs", "level": "h2"}),
    (
        "paragraph",
        "<p>Un influenceur, c’est toute personne à qui son public fait assez confiance pour agir "
        "d’après ce qu’elle dit. Ce peut être une célébrité, mais c’est bien plus souvent une "
        "étudiante vidéaste, un commentateur de football, une infirmière qui explique "
        "l’actualité de la santé, un poète ou une joueuse de jeux vidéo. Ce qu’ils apportent :</p>"
        "<ul>"
        "<li><b>Une confiance déjà acquise.</b> Leurs abonnés les ont choisis, souvent depuis des "
        "années. Quand ils parlent d’un sujet, le message arrive comme le conseil d’une personne "
        "familière, pas comme une campagne.</li>"
        "<li><b>L’accès à de nouveaux publics.</b> Les abonnés d’une humoriste sont rarement "
        "déjà nos sympathisants. C’est tout l’intérêt.</li>"
        "<li><b>L’aisance.</b> Les créateurs connaissent les formats, l’humour et le bon moment "
        "de leur plateforme bien mieux qu’aucune institution.</li>"
        "<li><b>Le contexte.</b> Les créateurs locaux savent quels mots portent dans leur langue "
        "et lesquels seront retournés contre eux.</li>"
        "</ul>",
    ),
    (
        "quote",
        {
            "quote": (
                "Je ne suis pas des organisations. Je suis des gens qui expliquent les choses comme "
                "le feraient mes amis. Quand une créatrice que je regarde a parlé d’étudiants "
                "arrêtés après une manifestation, c’est la première fois que je me suis vraiment "
                "renseignée."
            ),
            "speaker": "Une étudiante de 22 ans à Mexico",
            "role": "Participante à un groupe de discussion avec le public",
            "consent": True,
            "consent_note": COMPOSITE_CONSENT_FR,
        },
    ),
    ("heading", {"text": "Ce que les influenceurs ne sont pas", "level": "h2"}),
    (
        "paragraph",
        "<p>Les influenceurs sont des <b>partenaires, pas des porte-voix</b>. Ils ne sont pas là "
        "pour lire notre communiqué de presse, et ce ne sont pas nos porte-parole : ils parlent "
        "en leur propre nom. Ils ne remplacent ni la recherche, ni l’analyse juridique, ni le "
        "plaidoyer auprès des décideurs ; ils portent ce travail auprès de personnes qui n’en "
        "auraient jamais entendu parler autrement. Et leur réputation, leurs revenus et leur "
        "sécurité sont en jeu : nous devons les respecter.</p>",
    ),
    (
        "callout",
        {
            "tone": "tip",
            "title": "Les petits comptes fonctionnent souvent mieux",
            "body": (
                "<p>Les créateurs qui ont entre 10 000 et 100 000 abonnés (souvent appelés "
                "micro-influenceurs) ont en général une relation plus proche avec leur public, "
                "plus d’interactions et plus de temps pour un vrai partenariat que les célébrités. "
                "Plusieurs d’entre eux ensemble peuvent toucher davantage les bonnes personnes "
                "qu’un seul nom célèbre.</p>"
            ),
        },
    ),
    (
        "case_study",
        {
            "title": "Le lancement d’un rapport qui a enfin touché les jeunes (exemple composite)",
            "context": (
                "<p>Un bureau régional a publié une recherche sur le maintien de l’ordre lors des "
                "manifestations étudiantes. Nos propres canaux ont touché les journalistes et nos "
                "sympathisants habituels, mais presque personne de moins de 25 ans, les premiers "
                "concernés. <i>Cette étude de cas réunit plusieurs campagnes ; des détails ont été "
                "modifiés.</i></p>"
            ),
            "what_happened": (
                "<p>Une semaine avant le lancement, quatre créateurs (une humoriste, un vidéaste de "
                "la vie étudiante, une photographe de rue et un musicien) ont reçu les principales "
                "conclusions et passé une demi-heure avec la chercheuse principale. Chacun a "
                "réalisé des Stories ou de courtes vidéos dans son propre style. Aucun n’a repris "
                "nos formulations.</p>"
            ),
            "what_we_learned": (
                "<p>Les vidéos des créateurs ont été bien plus partagées que la publication de "
                "lancement de l’organisation, et la plupart des questions posées en commentaire "
                "portaient sur ce que les jeunes pouvaient faire. Le temps passé avec la "
                "chercheuse a compté davantage que n’importe quel script : les créateurs qui "
                "comprenaient le sujet l’expliquaient avec assurance.</p>"
            ),
        },
    ),
    (
        "do_dont",
        {
            "title": "Décider si un partenariat avec des influenceurs convient",
            "dos": [
                "Partir du public à atteindre et se demander qui il écoute déjà",
                "Considérer les créateurs comme des experts de leur public",
                "Associer leurs contenus à nos recherches et à notre plaidoyer",
                "Prévoir du temps pour la relation, pas seulement pour les publications",
            ],
            "donts": [
                "Demander à des influenceurs de répéter mot pour mot une déclaration officielle",
                "Choisir quelqu’un pour son seul nombre d’abonnés",
                "Attendre d’une seule publication qu’elle fasse changer les avis",
                "Contacter des créateurs quelques jours avant un lancement, sans temps pour créer "
                "la confiance",
            ],
        },
    ),
    (
        "reflection",
        {
            "prompt": (
                "Pensez à la dernière campagne sur laquelle vous avez travaillé. Qui cherchiez-vous "
                "à atteindre, et qui ces personnes écoutent-elles déjà en ligne ?"
            ),
            "guidance": (
                "Citez deux ou trois types de voix, pas forcément célèbres. Vous réutiliserez votre "
                "réponse dans le module sur le choix des partenaires."
            ),
        },
    ),
    (
        "key_takeaways",
        {
            "title": "À retenir",
            "items": [
                "Beaucoup de gens, surtout les 16-34 ans, n’écoutent plus la voix institutionnelle "
                "officielle",
                "Les influenceurs apportent une confiance acquise, l’accès à de nouveaux publics et "
                "l’aisance sur leur plateforme",
                "Ce sont des partenaires qui parlent en leur nom, pas des porte-voix de nos déclarations",
                "Le travail avec les influenceurs complète la recherche et le plaidoyer ; il ne les "
                "remplace pas",
            ],
        },
    ),
]

CHOOSING_PARTNERS = [
    (
        "paragraph",
        "<p>Le bon partenaire n’est pas le plus célèbre. C’est la personne dont vous devez "
        "atteindre le <b>public</b>, dont les <b>valeurs</b> rejoignent les nôtres et qui peut "
        "travailler avec nous en <b>sécurité</b>. Ce module explique comment la trouver et ce "
        "qu’il faut vérifier avant d’envoyer le premier message.</p>",
    ),
    ("heading", {"text": "Partir du public, pas de l’influenceur", "level": "h2"}),
    (
        "paragraph",
        "<p>Notez qui vous devez atteindre avant de regarder le moindre profil : âge, pays, "
        "langue, centres d’intérêt, et ce que vous espérez qu’ils fassent. Pour l’essentiel de "
        "notre travail auprès des jeunes, le public a entre <b>16 et 34 ans</b>, et les "
        "plateformes où il passe du temps sont, dans la plupart des pays où nous travaillons, "
        "<b>Instagram et YouTube</b>, suivies de près par les applications de vidéos courtes. "
        "Vérifiez-le pour votre pays : cela change vite.</p>"
        "<p>Demandez ensuite aux créateurs les données de leur public. Instagram et YouTube "
        "indiquent aux créateurs l’âge, le pays et le genre de leur public ; demandez des "
        "captures d’écran. Un créateur qui compte deux millions d’abonnés, surtout dans un autre "
        "pays ou surtout âgés de plus de 45 ans, n’est peut-être pas le bon partenaire pour "
        "cette campagne, aussi bons que soient ses contenus.</p>",
    ),
    ("heading", {"text": "Des valeurs compatibles", "level": "h2"}),
    (
        "paragraph",
        "<p>Notre crédibilité voyage avec chaque partenaire. Regardez ce qu’ils ont dit et fait, "
        "pas seulement ce qu’ils publient sur nous :</p>"
        "<ul>"
        "<li>Ont-ils attaqué ou moqué des femmes, des personnes LGBTI, des réfugiés, des "
        "minorités religieuses ou ethniques, ou tout groupe dont nous défendons les droits ?</li>"
        "<li>Font-ils la promotion de marques, de gouvernements ou de causes en contradiction "
        "avec notre travail, par exemple une campagne touristique pour un gouvernement que nous "
        "critiquons ?</li>"
        "<li>Sont-ils cohérents ? Un intérêt soudain pour une cause peut être sincère, mais "
        "demandez pourquoi.</li>"
        "</ul>"
        "<p>Personne n’a un parcours parfait, et les gens changent. Si vous trouvez quelque "
        "chose, parlez-en ouvertement avec le créateur et avec votre responsable plutôt que de "
        "l’ignorer ou de l’écarter sans discussion.</p>",
    ),
    ("heading", {"text": "La diligence raisonnable, étape par étape", "level": "h2"}),
    (
        "checklist",
        {
            "title": "Avant de contacter un créateur",
            "items": [
                "Passez en revue au moins douze mois de publications, de vidéos et de Stories à la une",
                "Cherchez son nom avec des mots comme scandale, faux, payé ou banni, dans toutes les "
                "langues utiles",
                "Repérez les faux abonnés : hausses soudaines, peu d’interactions pour la taille du "
                "compte, commentaires génériques ou hors sujet",
                "Demandez les données démographiques de son public, tirées de ses propres statistiques",
                "Listez ses partenariats actuels et passés avec des marques, des partis et des gouvernements",
                "Demandez à vos collègues du bureau régional ce qu’ils savent du créateur",
                "Pensez au risque pour le créateur lui-même : travailler avec nous pourrait-il le "
                "mettre en danger là où il vit ?",
                "Consignez dans le dossier du partenariat ce que vous avez vérifié, quand et ce que "
                "vous avez trouvé",
            ],
        },
    ),
    (
        "callout",
        {
            "tone": "important",
            "title": "Sa sécurité fait partie de la diligence raisonnable",
            "body": (
                "<p>Dans certains pays, être vu avec une organisation de défense des droits "
                "humains peut entraîner de la surveillance, des menaces judiciaires, une perte de "
                "revenus ou pire. Parlez à votre référent sécurité régional avant de contacter des "
                "créateurs dans des contextes à haut risque, expliquez honnêtement les risques et "
                "laissez le créateur décider en toute connaissance de cause.</p>"
            ),
        },
    ),
    ("heading", {"text": "Les types de partenaires", "level": "h2"}),
    (
        "paragraph",
        "<ul>"
        "<li><b>Nano et micro-créateurs</b> (jusqu’à environ 100 000 abonnés) : communautés "
        "proches, forte confiance, souvent locales. Utiles pour approfondir et pour toucher une "
        "ville ou un groupe précis.</li>"
        "<li><b>Créateurs moyens et grands</b> : portée et visibilité, tarifs plus élevés, moins "
        "de temps pour la co-création.</li>"
        "<li><b>Créateurs experts</b> : avocates, médecins, enseignants ou journalistes qui "
        "expliquent des sujets en ligne. Utiles pour les questions complexes.</li>"
        "<li><b>Créateurs militants</b> : des personnes qui font déjà campagne sur le sujet. Très "
        "efficaces, mais souvent les plus exposées au risque.</li>"
        "</ul>",
    ),
    (
        "quote",
        {
            "quote": (
                "La première chose que je demande à un nouveau partenaire, ce n’est pas son tarif, "
                "mais pourquoi ce sujet. Si la réponse est sincère, le contenu le sera aussi."
            ),
            "speaker": "Une responsable des partenariats dans un bureau régional",
            "role": "Équipe campagnes",
            "consent": True,
            "consent_note": COMPOSITE_CONSENT_FR,
        },
    ),
    (
        "do_dont",
        {
            "title": "Contacter des créateurs",
            "dos": [
                "Rémunérer équitablement le travail des créateurs, avec un accord écrit",
                "Demander ce qui a déjà fonctionné auprès de leur public",
                "Être honnête sur nos positions qui pourraient déplaire à leur public",
                "Parler directement au créateur, pas seulement par l’intermédiaire d’une agence",
            ],
            "donts": [
                "Attendre par défaut des créateurs qu’ils travaillent gratuitement pour la cause",
                "Se fier au nombre d’abonnés ou à une seule publication virale",
                "Cacher des aspects de notre travail qui pourraient leur causer des ennuis plus tard",
                "Contacter des créateurs dans des pays à haut risque sans échange sur la sécurité",
            ],
        },
    ),
    (
        "reflection",
        {
            "prompt": (
                "Choisissez un créateur qui pourrait, selon vous, porter une campagne que vous "
                "connaissez bien. À l’aide de la liste ci-dessus, que devriez-vous vérifier avant "
                "de le contacter, et qu’est-ce qui pourrait rendre le partenariat risqué pour lui ?"
            ),
            "guidance": "Listez les vérifications dans l’ordre où vous les feriez.",
        },
    ),
    (
        "key_takeaways",
        {
            "title": "À retenir",
            "items": [
                "Définissez d’abord le public : pour le travail avec les jeunes, souvent les 16-34 ans, "
                "sur Instagram et YouTube",
                "Demandez aux créateurs les données de leur public au lieu de vous fier au nombre d’abonnés",
                "Vérifiez la compatibilité des valeurs et les partenariats passés, et parlez "
                "ouvertement de ce que vous trouvez",
                "La sécurité du créateur fait partie de la diligence raisonnable",
                "Consignez ce que vous avez vérifié, pour que d’autres puissent s’y fier",
            ],
        },
    ),
]

TRANSLATION = {
    "language_code": "fr",
    "course_code": "INF-101",
    "title": "Travailler avec des influenceurs",
    "summary": (
        "Comment trouver, briefer et soutenir des influenceurs et des créateurs capables de porter "
        "des messages de défense des droits humains auprès des 16-34 ans, en toute sécurité, en "
        "toute transparence et avec des résultats mesurables."
    ),
    "learning_objectives": (
        "<ul>"
        "<li>Expliquer pourquoi des créateurs de confiance touchent des personnes qu’un compte "
        "institutionnel n’atteint pas</li>"
        "<li>Choisir des partenaires dont les valeurs et les publics conviennent, après une "
        "diligence raisonnable sérieuse</li>"
        "<li>Briefer les créateurs pour qu’ils produisent des contenus adaptés à leur plateforme, "
        "avec leur propre voix</li>"
        "<li>Veiller à ce que chaque publication soutenue signale clairement le partenariat</li>"
        "<li>Se préparer au harcèlement d’un influenceur partenaire et y répondre</li>"
        "<li>Mesurer ce qui a changé, au-delà des vues et des mentions « J’aime »</li>"
        "</ul>"
    ),
    "audience": (
        "Les équipes campagnes, communication et mobilisation des jeunes, et toute personne d’un "
        "bureau régional qui prévoit ou valide un travail avec des influenceurs et des créateurs."
    ),
    "cover_image_alt": (
        "Illustration d’un smartphone affichant une rangée de cercles de Stories et un bouton de "
        "lecture, sur un fond violet foncé."
    ),
    "modules": [
        {
            "slug": "why-influencers",
            "title": "Pourquoi travailler avec des influenceurs ?",
            "body": WHY_INFLUENCERS,
        },
        {"slug": "choosing-partners", "title": "Choisir les bons partenaires", "body": CHOOSING_PARTNERS},
    ],
}
