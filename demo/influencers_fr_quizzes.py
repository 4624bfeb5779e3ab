"""The French quizzes of the two translated INF-101 modules (influencers_fr.py).

Only the words are translated here, in the same order as the English quiz in
influencers_quizzes.py; the rest comes from the English quiz (quiz_translations.py)."""

from demo.influencers_quizzes import QUIZZES as ENGLISH_QUIZZES
from demo.quiz_translations import translate_quiz

TRUE = "Vrai"
FALSE = "Faux"

WHY_INFLUENCERS = [
    {
        "prompt": (
            "Pourquoi tant de personnes, en particulier les 16-34 ans, font-elles défiler les "
            "publications institutionnelles de l’organisation sans s’arrêter ?"
        ),
        "explanation": (
            "Le module donne trois raisons : la lassitude face aux voix officielles, la distance "
            "que crée un compte institutionnel, et des algorithmes qui récompensent la conversation "
            "plutôt que les annonces. Les gens suivent des personnes, pas des organisations."
        ),
        "choices": [
            (
                "Elles suivent des personnes plutôt que des organisations, et sont habituées à des "
                "contenus qui s’adressent directement à elles",
                "Exact. À côté d’une créatrice qui parle depuis sa cuisine, une déclaration qui "
                "commence par « L’organisation est profondément préoccupée » ressemble à un avis "
                "punaisé sur un panneau d’affichage.",
            ),
            (
                "La plupart d’entre elles sont opposées à la cause des droits humains",
                "Le module ne dit pas cela. Le problème, c’est la voix, pas la cause : le même sujet "
                "passe quand un créateur en qui elles ont confiance l’explique.",
            ),
            (
                "Nos publications sont trop courtes pour bien expliquer les sujets",
                "La longueur n’est pas le problème que décrit le module. Le ton et la distance, "
                "si : le langage officiel semble parler des gens, et non avec eux.",
            ),
            (
                "Les plateformes bloquent les contenus publiés par les associations et les ONG",
                "Les plateformes ne nous bloquent pas. Leurs algorithmes récompensent les "
                "publications qui suscitent la conversation, ce que les annonces font rarement.",
            ),
        ],
    },
    {
        "prompt": (
            "Parmi ces apports, lesquels le module attribue-t-il aux influenceurs ? Choisissez "
            "toutes les bonnes réponses."
        ),
        "explanation": (
            "Les influenceurs apportent une confiance déjà acquise, l’accès à de nouveaux publics, "
            "l’aisance sur leur plateforme et la connaissance du contexte local. Ils parlent en leur "
            "nom, et leur travail porte nos recherches vers de nouvelles personnes au lieu de les "
            "remplacer."
        ),
        "choices": [
            (
                "Une confiance déjà acquise : leurs abonnés les ont choisis, souvent depuis des années",
                "Oui. Ce qu’ils disent arrive comme le conseil d’une personne familière, pas comme "
                "une campagne.",
            ),
            (
                "L’accès à des publics qui ne nous soutiennent pas encore",
                "Oui. Les abonnés d’une humoriste nous soutiennent rarement déjà : c’est tout l’intérêt.",
            ),
            (
                "L’aisance avec les formats, l’humour et le rythme de leur plateforme",
                "Oui. Les créateurs connaissent leur plateforme bien mieux qu’aucune institution.",
            ),
            (
                "L’autorité pour parler au nom de l’organisation",
                "Non. Les influenceurs ne sont pas nos porte-parole : ils parlent en leur nom.",
            ),
            (
                "Un moyen de se passer de la recherche et de l’analyse juridique",
                "Non. Le travail avec les influenceurs porte la recherche et le plaidoyer vers de "
                "nouvelles personnes ; il ne les remplace pas.",
            ),
        ],
    },
    {
        "prompt": (
            "Pour que le message reste exact, les influenceurs devraient reprendre mot pour mot la "
            "déclaration officielle de l’organisation."
        ),
        "explanation": (
            "Les influenceurs sont des partenaires, pas des porte-voix. L’exactitude vient de faits "
            "solides partagés et relus ensemble, pas d’un script qui efface la voix propre du "
            "créateur."
        ),
        "choices": [
            (
                TRUE,
                "Pas tout à fait. Lire notre déclaration fait perdre la confiance et l’aisance qui "
                "font l’intérêt de travailler avec un créateur, et son public s’en apercevra tout "
                "de suite.",
            ),
            (
                FALSE,
                "Exact. Les créateurs parlent en leur nom, avec leurs propres mots ; nous leur "
                "donnons les faits et les limites.",
            ),
        ],
    },
    {
        "prompt": (
            "Pourquoi le module suggère-t-il que les créateurs qui ont entre 10 000 et 100 000 "
            "abonnés fonctionnent souvent mieux que les célébrités ?"
        ),
        "explanation": (
            "Les micro-influenceurs ont en général une relation plus proche avec leur public, plus "
            "d’engagement et plus de temps pour un vrai partenariat. À plusieurs, ils peuvent "
            "toucher davantage de personnes pertinentes qu’un seul nom célèbre."
        ),
        "choices": [
            (
                "Ils ont en général une relation plus proche avec leur public, plus d’engagement et "
                "plus de temps pour un vrai partenariat",
                "Exact. La proximité et le temps consacré au partenariat font leur efficacité.",
            ),
            (
                "On peut leur demander de travailler gratuitement, puisqu’ils sont moins connus",
                "Non. Le travail des créateurs doit être rémunéré équitablement, quelle que soit la "
                "taille de leur compte.",
            ),
            (
                "Les plateformes montrent les publications des petits comptes à plus de monde que "
                "celles des célébrités",
                "Le module n’affirme rien de tel. L’avantage tient à la relation avec le public, pas "
                "à l’algorithme.",
            ),
            (
                "Ils n’ont besoin ni d’un accord écrit ni d’une mention de partenariat",
                "Non. Toute publication que nous soutenons exige un accord et une mention claire du "
                "partenariat, si petit que soit le compte.",
            ),
        ],
    },
    {
        "prompt": (
            "Dans l’étude de cas du lancement d’un rapport qui a enfin touché les jeunes, qu’est-ce "
            "qui a le plus compté pour la qualité des vidéos des créateurs ?"
        ),
        "explanation": (
            "La demi-heure que chaque créateur a passée avec la chercheuse principale a compté "
            "davantage que n’importe quel script : les créateurs qui comprenaient le sujet "
            "l’expliquaient avec assurance, dans leur propre style."
        ),
        "choices": [
            (
                "La demi-heure que chaque créateur a passée avec la chercheuse principale",
                "Exact. Comprendre le sujet leur a permis de l’expliquer avec assurance.",
            ),
            (
                "Un script commun, pour que toutes les vidéos reprennent les mêmes messages clés",
                "Non. Aucun des créateurs n’a repris nos formulations, et leurs vidéos ont été bien "
                "plus partagées que notre propre publication de lancement.",
            ),
            (
                "La publication des vidéos depuis les comptes de l’organisation",
                "Non. Les créateurs ont publié sur leurs propres chaînes, pour leur propre public.",
            ),
            (
                "Le choix de créateurs qui militent déjà pour les droits humains",
                "Non. C’étaient une humoriste, un vlogueur de la vie étudiante, une photographe de "
                "rue et un musicien : toucher de nouveaux publics était justement le but.",
            ),
        ],
    },
]

CHOOSING_PARTNERS = [
    {
        "prompt": "Que devez-vous faire avant de regarder le profil du moindre créateur ?",
        "explanation": (
            "Commencez par le public, pas par l’influenceur : notez qui vous devez atteindre (âge, "
            "pays, langue, centres d’intérêt) et ce que vous espérez qu’il fasse. Cherchez ensuite "
            "les personnes qu’il écoute déjà."
        ),
        "choices": [
            (
                "Noter le public que vous devez atteindre et ce que vous espérez qu’il fasse",
                "Exact. C’est le public qui décide quels créateurs valent la peine d’être contactés.",
            ),
            (
                "Présélectionner les créateurs qui ont le plus d’abonnés",
                "Non. Choisir quelqu’un pour son seul nombre d’abonnés fait partie de ce que le "
                "module déconseille.",
            ),
            (
                "Envoyer une courte présentation au plus grand nombre possible de créateurs",
                "Non. La diligence raisonnable passe avant toute prise de contact, et elle commence "
                "par le public.",
            ),
            (
                "Convenir de la fourchette de tarifs avec l’équipe financière",
                "Les tarifs comptent plus tard. La première étape est de savoir qui vous devez atteindre.",
            ),
        ],
    },
    {
        "prompt": (
            "Quelles vérifications relèvent de la diligence raisonnable avant de contacter un "
            "créateur ? Choisissez toutes les bonnes réponses."
        ),
        "explanation": (
            "La liste comprend l’examen de douze mois de contenus, la recherche de scandales, le "
            "repérage de faux abonnés, la demande des données d’audience, la liste des partenariats "
            "passés, l’avis du bureau régional, la prise en compte du risque pour le créateur "
            "lui-même, et la consignation de ce que vous avez trouvé."
        ),
        "choices": [
            (
                "Examiner au moins douze mois de publications, de vidéos et de stories à la une",
                "Oui. Regardez ce qu’ils ont dit et fait, pas seulement ce qu’ils publient sur nous.",
            ),
            (
                "Chercher des signes de faux abonnés, comme des hausses soudaines ou des "
                "commentaires génériques",
                "Oui. Peu d’interactions pour la taille du compte, c’est un autre signal d’alerte.",
            ),
            (
                "Se demander si travailler avec nous pourrait mettre le créateur en danger là où il vit",
                "Oui. La sécurité du créateur fait partie de la diligence raisonnable.",
            ),
            (
                "Demander au créateur les identifiants de son compte de statistiques",
                "Non. Ne demandez jamais de mot de passe : demandez des captures d’écran des données "
                "d’audience de ses propres statistiques.",
            ),
            (
                "Ne vérifier que les publications où il parle de droits humains",
                "Non. Vérifier la compatibilité des valeurs, c’est tout regarder, y compris les "
                "attaques contre des groupes dont nous défendons les droits et ses partenariats avec "
                "des marques ou des gouvernements.",
            ),
        ],
    },
    {
        "prompt": (
            "Un créateur qui a deux millions d’abonnés est un bon partenaire pour une campagne "
            "auprès des jeunes de votre pays, du moment que son contenu est bon."
        ),
        "explanation": (
            "Le nombre d’abonnés ne dit rien de qui sont ces abonnés. Demandez les données "
            "d’audience : un créateur dont le public est surtout dans un autre pays, ou a surtout "
            "plus de 45 ans, n’est peut-être pas le bon partenaire, si bon que soit son contenu."
        ),
        "choices": [
            (
                TRUE,
                "Pas forcément. Si son public est surtout ailleurs ou plus âgé, il ne touchera pas "
                "les personnes que vous devez atteindre.",
            ),
            (
                FALSE,
                "Exact. Vérifiez d’abord l’âge et le pays du public dans les statistiques du créateur.",
            ),
        ],
    },
    {
        "prompt": (
            "En vous renseignant sur un créateur avec qui vous aimeriez travailler, vous trouvez "
            "une ancienne publication où il se moquait des réfugiés. Que conseille le module ?"
        ),
        "explanation": (
            "Personne n’a un parcours parfait, et les gens changent. Si vous trouvez quelque chose, "
            "parlez-en ouvertement avec le créateur et votre responsable, plutôt que de l’ignorer "
            "ou d’écarter le créateur sans discussion."
        ),
        "choices": [
            (
                "En parler ouvertement avec le créateur et votre responsable avant de décider",
                "Exact. Une discussion franche vous permet de juger si ses valeurs ont changé.",
            ),
            (
                "L’écarter tout de suite, sans le contacter",
                "Le module déconseille d’écarter quelqu’un sans discussion : les gens changent.",
            ),
            (
                "L’ignorer : ce qui compte, c’est ce qu’il publiera pour nous",
                "Non. Notre crédibilité voyage avec chaque partenaire, donc son parcours compte.",
            ),
            (
                "Lui demander de supprimer discrètement la publication et continuer",
                "Non. La cacher ne règle pas la question de la compatibilité des valeurs, et elle "
                "peut ressortir plus tard.",
            ),
        ],
    },
    {
        "prompt": (
            "Vous prévoyez de contacter des créateurs dans un pays où être vu avec une organisation "
            "de défense des droits humains est dangereux. À qui devez-vous parler en premier ?"
        ),
        "explanation": (
            "Dans les contextes à haut risque, parlez à votre référent sécurité régional avant de "
            "contacter des créateurs, expliquez honnêtement les risques et laissez le créateur "
            "décider en toute connaissance de cause."
        ),
        "choices": [
            (
                "À votre référent sécurité régional",
                "Exact. Il peut évaluer les risques avant que quiconque soit contacté.",
            ),
            (
                "À l’équipe partenariats de la plateforme",
                "Non. La plateforme ne peut pas évaluer le risque pour le créateur là où il vit.",
            ),
            (
                "À l’agence du créateur, pour ne pas l’exposer",
                "Non. Parlez directement au créateur, pas seulement par l’intermédiaire d’une "
                "agence, et demandez d’abord conseil en matière de sécurité.",
            ),
            (
                "À personne : le créateur est le mieux placé pour juger seul du risque",
                "Le créateur décide, mais en toute connaissance de cause, après que vous avez "
                "demandé conseil en matière de sécurité.",
            ),
        ],
    },
    {
        "prompt": (
            "Quelles affirmations sur les types de partenaires correspondent au module ? Choisissez "
            "toutes les bonnes réponses."
        ),
        "explanation": (
            "Les nano et micro-créateurs apportent des communautés proches et locales ; les "
            "créateurs experts conviennent aux sujets complexes ; les créateurs militants sont "
            "très efficaces, mais souvent les plus exposés au risque. Les grands créateurs "
            "apportent de la portée, mais avec des tarifs plus élevés et moins de temps pour "
            "la co-création."
        ),
        "choices": [
            (
                "Les nano et micro-créateurs ont des communautés proches, souvent locales, qui leur "
                "font très confiance",
                "Oui. Ils conviennent pour approfondir et pour toucher une ville ou un groupe précis.",
            ),
            (
                "Les créateurs experts, comme les avocates ou les médecins, conviennent aux sujets complexes",
                "Oui. Expliquer, c’est leur métier.",
            ),
            (
                "Les créateurs militants sont très efficaces, mais souvent les plus exposés au risque",
                "Oui. Leur sécurité demande une attention particulière.",
            ),
            (
                "Les grands créateurs ont en général le plus de temps pour la co-création",
                "Non. Les grands créateurs apportent de la portée et de la visibilité, avec des "
                "tarifs plus élevés et moins de temps pour la co-création.",
            ),
        ],
    },
]

QUIZZES = {
    "why-influencers": translate_quiz(ENGLISH_QUIZZES["why-influencers"], WHY_INFLUENCERS),
    "choosing-partners": translate_quiz(ENGLISH_QUIZZES["choosing-partners"], CHOOSING_PARTNERS),
}
