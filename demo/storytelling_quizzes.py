"""The quizzes of demo course STO-101, "Human-rights storytelling" (storytelling.py), as data,
in the shape described in influencers_quizzes.py. The Arabic versions of the first two are in
storytelling_ar_quizzes.py: keep the questions and choices in the same order when editing."""

TRUE = "True"
FALSE = "False"

AUTHENTIC_VOICES = {
    "settings": {
        "quiz_pass_mark": 80,
        "quiz_shuffle_choices": True,
        "quiz_feedback_policy": "after_each",
    },
    "questions": [
        {
            "kind": "single",
            "prompt": "Why does the official voice of an organisation often fall flat on social media?",
            "points": 1,
            "explanation": (
                "A statement is built to be accurate, careful and defensible: virtues in a report, "
                'but cold online. Phrases like "we are deeply concerned" have been used so often, by '
                "so many institutions, that many readers no longer hear them."
            ),
            "choices": [
                (
                    "Its careful, much-repeated phrases have become so familiar that readers no "
                    "longer hear them",
                    True,
                    "Right. Audiences respond to people, not to institutional formulas.",
                ),
                (
                    "Organisational statements are usually inaccurate",
                    False,
                    "No. They are built to be accurate and defensible; the problem is that they sound cold.",
                ),
                (
                    "Platforms limit how far organisations' posts can travel",
                    False,
                    "The module does not say this. The problem is how the voice sounds, not a platform rule.",
                ),
                (
                    "Statements are too short to explain the facts",
                    False,
                    "Length is not the issue. A single, specific voice makes a right concrete in a "
                    "way a careful statement cannot.",
                ),
            ],
        },
        {
            "kind": "multiple",
            "prompt": (
                "Before you write or film anything, which questions does the module ask you to "
                "consider? Pick all that apply."
            ),
            "points": 1,
            "explanation": (
                "Ask who is closest to the story (usually not us), whether they want to tell it "
                "and in what form, and what they gain and risk: visibility can protect people, and "
                "it can endanger them."
            ),
            "choices": [
                (
                    "Who is closest to this story?",
                    True,
                    "Yes. Usually it is not us.",
                ),
                (
                    "Do they want to tell it, and in what form?",
                    True,
                    "Yes. Some want to speak on camera; others prefer text, audio, or someone else "
                    "speaking for them.",
                ),
                (
                    "What do they gain, and what do they risk?",
                    True,
                    "Yes. Visibility can protect people, and it can endanger them.",
                ),
                (
                    "Which version will get our account the most engagement?",
                    False,
                    "No. Reach matters, but the story belongs to the person who lives it: their "
                    "wishes and safety come first.",
                ),
            ],
        },
        {
            "kind": "single",
            "prompt": "What is our role when people share their stories with us?",
            "points": 1,
            "explanation": (
                "Centring authentic voices does not mean stepping away. We amplify (share and "
                "credit their content, open doors), support (training, equipment, safety advice) "
                "and verify (check the facts and add context and research)."
            ),
            "choices": [
                (
                    "To amplify, support and verify",
                    True,
                    "Right. We stand beside them with evidence, protection and reach.",
                ),
                (
                    "To step away and let them post on their own",
                    False,
                    "No. Centring their voices does not mean leaving them without support or evidence.",
                ),
                (
                    "To retell their stories in the organisation's voice",
                    False,
                    "No. Replacing a strong first-person voice with an institutional summary is one "
                    "of the module's don'ts.",
                ),
                (
                    "To speak for them, so they are never exposed",
                    False,
                    "Only if they ask for it. Some people prefer someone else to speak for them, but "
                    "that is their choice to make.",
                ),
            ],
        },
        {
            "kind": "true_false",
            "prompt": (
                "When editing someone's first-person video, you may change their wording to fit "
                "the campaign message, as long as the facts stay the same."
            ),
            "points": 1,
            "explanation": (
                "Keep their words: edit for length, not for tone. Putting words in people's mouths "
                "to fit a campaign message is one of the module's don'ts."
            ),
            "choices": [
                (
                    TRUE,
                    False,
                    "No. Their words are what make the story authentic. Edit for length, not for tone.",
                ),
                (
                    FALSE,
                    True,
                    "Right. Keep their words, and add our evidence and context around them.",
                ),
            ],
        },
        {
            "kind": "single",
            "prompt": (
                "In the case study on forced evictions, what did the research report and the "
                "residents' videos give each other?"
            ),
            "points": 1,
            "explanation": (
                "The residents' videos were watched and shared far more than anything we had "
                "posted, and journalists contacted them directly. The report gave the videos "
                "credibility; the videos gave the report an audience."
            ),
            "choices": [
                (
                    "The report gave the videos credibility; the videos gave the report an audience",
                    True,
                    "Right. Research and first-person stories are strongest together.",
                ),
                (
                    "The videos made the report unnecessary",
                    False,
                    "No. Each video linked to the report, which made the stories hard to discredit.",
                ),
                (
                    "The report gave the residents a script to follow",
                    False,
                    "No. The residents chose what to show and filmed it themselves.",
                ),
                (
                    "Nothing: the videos would have worked as well without the research",
                    False,
                    "No. The research gave the videos credibility, so nobody could discredit them.",
                ),
            ],
        },
    ],
}

HOPEFUL_FRAMING = {
    "settings": {
        "quiz_pass_mark": 80,
        "quiz_shuffle_choices": True,
        "quiz_feedback_policy": "after_each",
    },
    "questions": [
        {
            "kind": "single",
            "prompt": 'What does the module mean by "hope mobilises, fear paralyses"?',
            "points": 1,
            "explanation": (
                "A steady stream of horror has a cost: people feel powerless, switch off, or "
                "conclude that nothing can change. A hopeful frame does not hide the problem; it "
                "puts it in a story that leads somewhere."
            ),
            "choices": [
                (
                    "A stream of horror makes people switch off; showing that change is possible "
                    "moves them to act",
                    True,
                    "Right. Research on audiences and our own campaign results point the same way.",
                ),
                (
                    "We should leave out the worst violations so audiences stay positive",
                    False,
                    "No. We must never play down terrible things; a hopeful frame names the problem plainly.",
                ),
                (
                    "Hopeful posts get more likes, so they are better for our accounts",
                    False,
                    "Not the point. Hope matters because it moves people to act, not because of likes.",
                ),
                (
                    "Hopeful framing only works for small, local issues",
                    False,
                    "No. The module applies it to serious violations too, such as a detained journalist.",
                ),
            ],
        },
        {
            "kind": "multiple",
            "prompt": "Which of these are steps in a hopeful frame? Pick all that apply.",
            "points": 1,
            "explanation": (
                "Start with shared values, name the problem and who is responsible, show that "
                "change is possible, and offer a clear action that matches the size of the problem."
            ),
            "choices": [
                (
                    "Start with values most people share, such as safety, family or fairness",
                    True,
                    'Yes. Most people share them, even if they never say "human rights".',
                ),
                (
                    "Name the problem and who is responsible, plainly",
                    True,
                    "Yes. Hope does not mean hiding who is responsible.",
                ),
                (
                    "Show that change is possible",
                    True,
                    "Yes. A law changed, a person released, a community that won.",
                ),
                (
                    "Offer a clear action that matches the size of the problem",
                    True,
                    "Yes. Not too small or too vague for the problem.",
                ),
                (
                    "Open with the most shocking image you have, to get attention",
                    False,
                    "No. This is one of the module's don'ts: shock tends to make people switch off.",
                ),
            ],
        },
        {
            "kind": "single",
            "prompt": "Which wording shows the people in a story as agents rather than only as victims?",
            "points": 1,
            "explanation": (
                "Describe what people do, not only what was done to them: they organise, resist, "
                "care for others and win. Avoid the language of pity, such as helpless, voiceless "
                "or suffering."
            ),
            "choices": [
                (
                    "Women human-rights defenders who documented the abuses",
                    True,
                    "Right. It describes what they did.",
                ),
                (
                    "Helpless women who suffered in silence",
                    False,
                    "No. This is the language of pity the module asks us to avoid.",
                ),
                (
                    "Voiceless victims waiting for someone to help them",
                    False,
                    "No. Voiceless is pity language, and it is rarely true.",
                ),
                (
                    "Women who were targeted by the abuses",
                    False,
                    "Accurate, but it describes only what was done to them. Say what they do.",
                ),
            ],
        },
        {
            "kind": "true_false",
            "prompt": (
                'To counter a false claim, repeat it and then rebut it, for example: "No, refugees '
                'are not criminals."'
            ),
            "points": 1,
            "explanation": (
                "Repeating a false claim in order to rebut it makes it more familiar. State what is "
                'true first, in your own terms: "People fleeing war want what we all want: safety '
                'for their kids."'
            ),
            "choices": [
                (
                    TRUE,
                    False,
                    "No. Repeating the myth, even to rebut it, makes it more familiar.",
                ),
                (
                    FALSE,
                    True,
                    "Right. State the truth in your own terms instead.",
                ),
            ],
        },
        {
            "kind": "single",
            "prompt": (
                "A campaign for a detained student journalist tested two posts. Why was version B, "
                "which showed her laughing with classmates, shared more than twice as often?"
            ),
            "points": 1,
            "explanation": (
                "People wanted to act for someone they could see as a person with a future, and "
                "they responded to a community already taking action. The facts were the same; the "
                "frame changed the response."
            ),
            "choices": [
                (
                    "It showed her as a person with a future, and a community already taking action",
                    True,
                    "Right. Same facts, different frame.",
                ),
                (
                    "It contained more facts about her case",
                    False,
                    "No. The facts were the same in both versions.",
                ),
                (
                    "It used a darker, more dramatic image",
                    False,
                    "No. The dark photo of a prison wall was version A, which did worse.",
                ),
                (
                    "It was posted at a better time of day",
                    False,
                    "The module does not mention timing: the difference was the frame.",
                ),
            ],
        },
    ],
}

NEWS_AND_LISTENING = {
    "settings": {
        "quiz_pass_mark": 80,
        "quiz_shuffle_choices": True,
        "quiz_feedback_policy": "after_each",
    },
    "questions": [
        {
            "kind": "multiple",
            "prompt": "When a story breaks, which questions should you ask before joining in? Pick all that apply.",
            "points": 1,
            "explanation": (
                "Ask whether there is a human-rights angle we can speak to with authority, what we "
                "can add that others cannot, and whether it is the right moment. Speed matters, and "
                "so does accuracy."
            ),
            "choices": [
                (
                    "Is there a human-rights angle we can speak to with authority?",
                    True,
                    "Yes. If our research does not cover it, say less, or point to those who know.",
                ),
                (
                    "What can we add that others cannot?",
                    True,
                    "Yes. A fact from our research, a voice from the ground, what the law says.",
                ),
                (
                    "Is it the right moment?",
                    True,
                    "Yes. In a tragedy, the first hours are for solidarity.",
                ),
                (
                    "How can we post first, before the facts are checked?",
                    False,
                    "No. Publishing unverified claims to be first is one of the module's don'ts.",
                ),
            ],
        },
        {
            "kind": "true_false",
            "prompt": (
                "The first hours after a tragedy are a good time to launch a campaign ask, while "
                "attention is at its highest."
            ),
            "points": 1,
            "explanation": (
                "In a tragedy, the first hours are for solidarity, not for campaign asks. Using a "
                "tragedy to push an unrelated ask is one of the module's don'ts."
            ),
            "choices": [
                (
                    TRUE,
                    False,
                    "No. The first hours are for solidarity; an ask then looks like exploiting "
                    "people's grief.",
                ),
                (
                    FALSE,
                    True,
                    "Right. Solidarity first; campaign asks can wait.",
                ),
            ],
        },
        {
            "kind": "single",
            "prompt": "Which of these is social listening as the module defines it?",
            "points": 1,
            "explanation": (
                "Social listening means watching what people say about an issue in public, to "
                "understand the conversation before you join it. It covers public conversations "
                "and trends, never files on individuals or private groups joined under false "
                "pretences."
            ),
            "choices": [
                (
                    "Following public conversations about an issue to understand them before joining",
                    True,
                    "Right. Saved searches, trending lists, alerts and your own comments go a long way.",
                ),
                (
                    "Joining activists' private groups under another name to hear their plans",
                    False,
                    "No. Joining private groups under false pretences is surveillance, not listening.",
                ),
                (
                    "Keeping files on people who criticise the organisation",
                    False,
                    "No. Do not build files on individuals: listen to conversations, do not surveil.",
                ),
                (
                    "Counting the likes on our own posts each week",
                    False,
                    "No. Likes on our posts say little about the wider conversation.",
                ),
            ],
        },
        {
            "kind": "multiple",
            "prompt": "What can social listening help you do? Pick all that apply.",
            "points": 1,
            "explanation": (
                "Listening helps you spot trending topics and the words people use, find the voices "
                "who already lead the conversation, see misinformation early, and notice when a "
                "campaign or partner is starting to be targeted."
            ),
            "choices": [
                (
                    "Spot trending topics and the words people actually use",
                    True,
                    "Yes. Then use their words, not ours.",
                ),
                (
                    "Find the voices who already lead the conversation",
                    True,
                    "Yes. They may be future partners.",
                ),
                (
                    "See misinformation early, before it sets",
                    True,
                    "Yes. Flag it to the digital team.",
                ),
                (
                    "Notice when a partner is starting to be targeted",
                    True,
                    "Yes. Early warning gives time to protect them.",
                ),
                (
                    "Find out where the people behind hostile accounts live",
                    False,
                    "No. That is surveillance of individuals, which the module rules out.",
                ),
            ],
        },
        {
            "kind": "single",
            "prompt": (
                "In the football final example, the team joined the conversation within a day. "
                "What made that speed possible without losing accuracy?"
            ),
            "points": 1,
            "explanation": (
                "Preparation makes speed and accuracy possible together: explainers on likely "
                "topics, approved key facts and a named person who can sign off within the hour. In "
                "the example, the research and a consented testimony were ready."
            ),
            "choices": [
                (
                    "The research and a consented testimony were prepared in advance",
                    True,
                    "Right. Prepared material let the team move fast and stay accurate.",
                ),
                (
                    "The team skipped approval to be first",
                    False,
                    "No. Preparation includes a named person who can approve a post within the hour.",
                ),
                (
                    "A famous footballer posted the explainer for us",
                    False,
                    "No. A sports commentator shared it after we posted; the preparation was ours.",
                ),
                (
                    "A paid advert targeted football fans",
                    False,
                    "No. It worked because it joined a conversation fans were already having.",
                ),
            ],
        },
    ],
}

CONSENT_AND_DIGNITY = {
    "settings": {
        "quiz_pass_mark": 80,
        "quiz_shuffle_questions": True,
        "quiz_shuffle_choices": True,
        "quiz_feedback_policy": "after_each",
    },
    "questions": [
        {
            "kind": "multiple",
            "prompt": "For consent to be informed, what must the person understand? Pick all that apply.",
            "points": 1,
            "explanation": (
                "The person must understand what will be published, where and for how long, who "
                "might see it, the risks, and that they can say no or change their mind later with "
                "no effect on any help they receive."
            ),
            "choices": [
                (
                    "What will be published: words, photo, video, name or location",
                    True,
                    "Yes. Each of these can be agreed or refused separately.",
                ),
                (
                    "Where it will appear and for how long",
                    True,
                    "Yes. A report, social media, partners, the press.",
                ),
                (
                    "Who might see it, including the authorities and their own community",
                    True,
                    "Yes. The audience they worry about may not be ours.",
                ),
                (
                    "That saying no will not affect any help they receive",
                    True,
                    "Yes. Otherwise consent is not freely given.",
                ),
                (
                    "That once they agree, they cannot change their mind",
                    False,
                    "No. Consent is ongoing: people can change their mind later, and we take content "
                    "down quickly if they ask.",
                ),
            ],
        },
        {
            "kind": "true_false",
            "prompt": (
                "Once someone has given consent, you can reuse their story in later campaigns "
                "without asking again."
            ),
            "points": 1,
            "explanation": (
                "Consent is ongoing. Circumstances change: a person who was safe to be named last "
                "year may not be today. Check again before reusing a story."
            ),
            "choices": [
                (
                    TRUE,
                    False,
                    "No. Risks change; check again before every reuse.",
                ),
                (
                    FALSE,
                    True,
                    "Right. Consent is ongoing, and can be withdrawn at any time.",
                ),
            ],
        },
        {
            "kind": "single",
            "prompt": (
                "A survivor's face is blurred and her name changed. What else must be checked "
                "before her photo and story are published?"
            ),
            "points": 1,
            "explanation": (
                "Blurring a face is not enough. Backgrounds, clothing, voices, locations, captions "
                "and metadata can all identify someone. A second person checks every image and "
                "caption, and location data is stripped from files."
            ),
            "choices": [
                (
                    "Backgrounds, clothing, voice, captions and location data",
                    True,
                    "Right. Any of these can identify her.",
                ),
                (
                    "Nothing more: a blurred face and a changed name are enough",
                    False,
                    "No. In the case study, a shop sign and the name of her village identified her.",
                ),
                (
                    "Only that the photo is sharp enough for social media",
                    False,
                    "No. Image quality is not a safety check.",
                ),
                (
                    "That the caption names her village, so the story is credible",
                    False,
                    "No. Naming the village is exactly what led her community to recognise her.",
                ),
            ],
        },
        {
            "kind": "single",
            "prompt": "What consent do you need to feature a child in a story?",
            "points": 1,
            "explanation": (
                "For children, you need the consent of a parent or guardian and the child's own "
                "agreement, asked in their language and without pressure."
            ),
            "choices": [
                (
                    "The consent of a parent or guardian, and the child's own agreement",
                    True,
                    "Right. Both are needed.",
                ),
                (
                    "The consent of a parent or guardian is enough",
                    False,
                    "Not enough: the child's own agreement is needed too.",
                ),
                (
                    "The child's agreement is enough if they are old enough to use social media",
                    False,
                    "No. A parent or guardian must consent as well.",
                ),
                (
                    "The consent of the partner organisation that introduced you",
                    False,
                    "No. A partner cannot consent on a child's behalf.",
                ),
            ],
        },
        {
            "kind": "single",
            "prompt": "Which choice of image best respects the dignity of the person in it?",
            "points": 1,
            "explanation": (
                "Ask whether the person would recognise themselves and be comfortable with how they "
                "are shown. Avoid images of people at their most vulnerable, never show injuries, "
                "bodies or children in distress to get attention, and let people see the final "
                "version when you can."
            ),
            "choices": [
                (
                    "One they would recognise themselves in and be comfortable with, shown to them "
                    "before publication",
                    True,
                    "Right. Show people as they would want to be seen.",
                ),
                (
                    "The most emotional photo, taken at the moment of greatest distress",
                    False,
                    "No. Avoid images taken at people's most vulnerable moments.",
                ),
                (
                    "A photo of their injuries, as proof of the violation",
                    False,
                    "No. Never show injuries to get attention.",
                ),
                (
                    "A photo of their child in tears, with the child's face blurred",
                    False,
                    "No. Never show children in distress to get attention, blurred or not.",
                ),
            ],
        },
    ],
}

SOLIDARITY = {
    "settings": {
        "quiz_pass_mark": 80,
        "quiz_shuffle_choices": True,
        "quiz_feedback_policy": "after_each",
    },
    "questions": [
        {
            "kind": "single",
            "prompt": "What is our role when we show solidarity with a grassroots movement?",
            "points": 1,
            "explanation": (
                "Change is usually won by people organising where they live. Our role is to stand "
                "with them, on their terms: done well, solidarity gives protection and reach; done "
                "badly, it takes over their story or puts them at risk."
            ),
            "choices": [
                (
                    "To stand with them on their terms and multiply what they lead",
                    True,
                    "Right. Movements lead; we amplify.",
                ),
                (
                    "To take over the campaign, since we have more reach",
                    False,
                    "No. Taking over their story is what solidarity done badly looks like.",
                ),
                (
                    "To launch a parallel campaign with our own branding",
                    False,
                    "No. Use their words, hashtags and timing instead.",
                ),
                (
                    "To stay out, because international attention always harms activists",
                    False,
                    "Not always: it can protect as well as endanger. Check with them.",
                ),
            ],
        },
        {
            "kind": "true_false",
            "prompt": "Sometimes the most useful thing we can do for a movement is to say nothing in public.",
            "points": 1,
            "explanation": (
                "Ask what they need: visibility, quiet diplomatic pressure, legal support. "
                "Sometimes the most useful thing is to say nothing in public, and we keep quiet "
                "when organisers ask us to."
            ),
            "choices": [
                (
                    TRUE,
                    True,
                    "Right. Silence can be what protects them best.",
                ),
                (
                    FALSE,
                    False,
                    "Not so. Public attention is not always what a movement needs; ask them.",
                ),
            ],
        },
        {
            "kind": "multiple",
            "prompt": "Which of these follow a movement's lead? Pick all that apply.",
            "points": 1,
            "explanation": (
                "Following a movement's lead means asking what they need, using their hashtags, "
                "language and timing, crediting them and sending attention their way, going quiet "
                "when asked, and checking every image for faces and identifying details."
            ),
            "choices": [
                (
                    "Using their hashtags, language and timing",
                    True,
                    "Yes. It keeps the campaign theirs.",
                ),
                (
                    "Crediting them and passing media requests their way",
                    True,
                    "Yes. Send attention and resources to them.",
                ),
                (
                    "Going quiet when organisers ask us to",
                    True,
                    "Yes. They know the risks on the ground best.",
                ),
                (
                    "Posting protesters' faces to show how many people took part",
                    False,
                    "No. Never show protesters' faces without their agreement.",
                ),
                (
                    "Adding our logo to their campaign so our supporters recognise it",
                    False,
                    "No. Rebranding a grassroots campaign as ours is one of the don'ts.",
                ),
            ],
        },
        {
            "kind": "single",
            "prompt": "Why should you check the risks with activists before drawing international attention to them?",
            "points": 1,
            "explanation": (
                "International attention can protect activists, and it can be used by authorities "
                "to label them as foreign agents. Check the risks with them before acting."
            ),
            "choices": [
                (
                    "Attention can protect them, but authorities can also use it to label them "
                    "foreign agents",
                    True,
                    "Right. Only they can weigh that risk.",
                ),
                (
                    "International hashtags are penalised by the platforms",
                    False,
                    "The module does not say this. The risk is to the activists, not our reach.",
                ),
                (
                    "Attention slows campaigns down",
                    False,
                    "No. The concern is the activists' safety.",
                ),
                (
                    "Our legal team must approve every hashtag we use",
                    False,
                    "Not the reason the module gives: it is about the activists' safety.",
                ),
            ],
        },
        {
            "kind": "single",
            "prompt": 'In the "world is watching" example, why did the solidarity campaign work?',
            "points": 1,
            "explanation": (
                "It was the movement's campaign: their hashtag, their timing, their call. Supporters "
                "elsewhere multiplied it, our accounts shared activists' content when asked and never "
                "showed faces without agreement, and regional staff kept a direct line to organisers."
            ),
            "choices": [
                (
                    "It was the movement's own: their hashtag, timing and call, multiplied by others",
                    True,
                    "Right. Our job was to multiply it without exposing anyone.",
                ),
                (
                    "We designed a new slogan and hashtag for it",
                    False,
                    "No. Supporters used the movement's own hashtag.",
                ),
                (
                    "Our accounts showed protesters' faces, to prove the arrests",
                    False,
                    "No. We never showed protesters' faces without their agreement.",
                ),
                (
                    "We kept posting whatever happened, to keep the pressure up",
                    False,
                    "No. Organisers told us when to push and when to go quiet, and we listened.",
                ),
            ],
        },
    ],
}

PLATFORM_ACCOUNTABILITY = {
    "settings": {
        "quiz_pass_mark": 80,
        "quiz_shuffle_choices": True,
        "quiz_feedback_policy": "after_each",
    },
    "questions": [
        {
            "kind": "true_false",
            "prompt": "Like governments, the companies that run social platforms have human-rights responsibilities.",
            "points": 1,
            "explanation": (
                "Platforms make decisions that shape what billions of people can say and see. Like "
                "governments, they have human-rights responsibilities, and campaigns can hold them "
                "to account."
            ),
            "choices": [
                (
                    TRUE,
                    True,
                    "Right. That is the basis for every accountability campaign towards them.",
                ),
                (
                    FALSE,
                    False,
                    "Not so. Companies have human-rights responsibilities too, and platforms shape "
                    "what billions of people can say.",
                ),
            ],
        },
        {
            "kind": "multiple",
            "prompt": "Which of these do we ask platforms to do? Pick all that apply.",
            "points": 1,
            "explanation": (
                "We ask platforms to moderate fairly in every language, protect human-rights "
                "defenders, be transparent about ranking, removals and government requests, respect "
                "privacy, and provide remedy through appeals that work."
            ),
            "choices": [
                (
                    "Moderate fairly in every language, not only English",
                    True,
                    "Yes. With enough moderators who know the language and context.",
                ),
                (
                    "Protect human-rights defenders from coordinated harassment and mass false reporting",
                    True,
                    "Yes. Mass false reporting can get defenders' accounts suspended.",
                ),
                (
                    "Be transparent about ranking, removals and government requests",
                    True,
                    "Yes. Including requests for data or takedowns.",
                ),
                (
                    "Provide appeals that work, within a reasonable time",
                    True,
                    "Yes. That is what remedy means.",
                ),
                (
                    "Show human-rights organisations' posts above everyone else's",
                    False,
                    "No. We ask for fairness and transparency, not special treatment for us.",
                ),
            ],
        },
        {
            "kind": "single",
            "prompt": "What kind of evidence makes a campaign towards a platform strong?",
            "points": 1,
            "explanation": (
                "Documented cases, gathered with the consent of those affected, that show a pattern "
                "rather than a single incident. Record links, dates, screenshots and replies, and "
                "store evidence securely."
            ),
            "choices": [
                (
                    "Documented cases, gathered with consent, that show a pattern",
                    True,
                    "Right. A pattern is much harder to dismiss than one incident.",
                ),
                (
                    "One viral incident that everyone has seen",
                    False,
                    "No. Relying on a single viral incident as proof is one of the don'ts.",
                ),
                (
                    "Screenshots shared widely, with the names of the people harmed",
                    False,
                    "No. Never share screenshots that expose the people harmed.",
                ),
                (
                    "A survey showing that users are unhappy with the platform",
                    False,
                    "General dissatisfaction is not evidence of a specific harm; documented cases are.",
                ),
            ],
        },
        {
            "kind": "single",
            "prompt": "Which combination of pressure do accountability campaigns towards platforms use?",
            "points": 1,
            "explanation": (
                "Accountability campaigns combine evidence, direct engagement with policy and "
                "trust-and-safety teams, public pressure from users, creators and partners, and "
                "work with lawmakers and regulators."
            ),
            "choices": [
                (
                    "Evidence, direct engagement, public pressure and regulation",
                    True,
                    "Right. In the case study, evidence opened the door and public pressure and "
                    "regulators kept it open.",
                ),
                (
                    "Public pressure alone, because platforms respond only to bad press",
                    False,
                    "No. Pressure works best on top of evidence and specific asks.",
                ),
                (
                    "Private meetings only, so the platform is not embarrassed",
                    False,
                    "No. When progress stalled in the case study, public pressure and regulators helped.",
                ),
                (
                    "Asking our supporters to leave the platform",
                    False,
                    "The module does not propose this: many of our stories, and the people harmed, "
                    "are on the platform.",
                ),
            ],
        },
        {
            "kind": "true_false",
            "prompt": "Once a platform commits to a change, the campaign is over.",
            "points": 1,
            "explanation": (
                "Monitoring whether commitments are kept is part of the campaign. Stopping once a "
                "commitment is made, without checking it is kept, is one of the module's don'ts."
            ),
            "choices": [
                (
                    TRUE,
                    False,
                    "No. Commitments need checking: monitoring is part of the campaign.",
                ),
                (
                    FALSE,
                    True,
                    "Right. Check that the commitment is kept.",
                ),
            ],
        },
    ],
}

QUIZZES = {
    "authentic-voices": AUTHENTIC_VOICES,
    "hopeful-framing": HOPEFUL_FRAMING,
    "news-and-social-listening": NEWS_AND_LISTENING,
    "consent-and-dignity": CONSENT_AND_DIGNITY,
    "solidarity": SOLIDARITY,
    "platform-accountability": PLATFORM_ACCOUNTABILITY,
}
