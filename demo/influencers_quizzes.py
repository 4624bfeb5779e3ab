"""The quizzes of demo course INF-101, "Working with influencers" (influencers.py), as data.

QUIZZES maps a module slug to its quiz: "settings" are ModulePage quiz fields, and each
question has a kind ("single", "multiple" or "true_false"), a prompt, points, an explanation
and its choices as (text, is_correct, feedback). demo/site.py checks every question
with the same rules as the admin and attaches the quiz to its module.

The Spanish and French versions of the first two are in influencers_es_quizzes.py and
influencers_fr_quizzes.py: keep the questions and choices in the same order when editing.

Every question is answered by the module's own text. The optional toolkit module has no quiz:
it is reference material, and a quiz would make an optional module feel like a test."""

TRUE = "True"
FALSE = "False"

WHY_INFLUENCERS = {
    "settings": {
        "quiz_pass_mark": 80,
        "quiz_shuffle_choices": True,
        "quiz_feedback_policy": "after_each",
    },
    "questions": [
        {
            "kind": "single",
            "prompt": (
                "Why do so many people, especially those aged 16 to 34, scroll past the "
                "organisation's institutional posts?"
            ),
            "points": 1,
            "explanation": (
                "The module gives three reasons: fatigue with official voices, the distance an "
                "institutional account creates, and algorithms that reward conversation over "
                "announcements. People follow people, not organisations."
            ),
            "choices": [
                (
                    "They follow people rather than organisations, and are used to content that "
                    "talks to them directly",
                    True,
                    "Right. Next to a creator talking from their kitchen, a statement that begins "
                    '"The organisation is deeply concerned" sounds like a notice on a noticeboard.',
                ),
                (
                    "Most of them disagree with human rights as a cause",
                    False,
                    "The module does not say this. The problem is the voice, not the cause: the same "
                    "issue lands when a creator they trust explains it.",
                ),
                (
                    "Our posts are too short to explain the issues properly",
                    False,
                    "Length is not the problem the module describes. Tone and distance are: "
                    "official wording sounds as if it is talking about people, not with them.",
                ),
                (
                    "Platforms block content published by charities and NGOs",
                    False,
                    "Platforms do not block us. Their algorithms reward posts that start "
                    "conversations, which announcements rarely do.",
                ),
            ],
        },
        {
            "kind": "multiple",
            "prompt": "Which of these does the module list as things influencers bring? Pick all that apply.",
            "points": 1,
            "explanation": (
                "Influencers bring built-in trust, reach into new audiences, fluency in their "
                "platform and local context. They speak for themselves, and their work carries "
                "our research to new people rather than replacing it."
            ),
            "choices": [
                (
                    "Built-in trust: their followers chose them, often over years",
                    True,
                    "Yes. What they say arrives as advice from someone familiar, not as a campaign.",
                ),
                (
                    "Reach into audiences who are not our supporters yet",
                    True,
                    "Yes. A comedian's followers are rarely our supporters already: that is the point.",
                ),
                (
                    "Fluency in their platform's formats, humour and timing",
                    True,
                    "Yes. Creators know their platform far better than any institution can.",
                ),
                (
                    "The authority to speak on the organisation's behalf",
                    False,
                    "No. Influencers are not our spokespeople: they speak for themselves.",
                ),
                (
                    "A way to do without research and legal analysis",
                    False,
                    "No. Influencer work carries research and advocacy to new people; it does not "
                    "replace them.",
                ),
            ],
        },
        {
            "kind": "true_false",
            "prompt": (
                "To keep the message accurate, influencers should repeat the organisation's "
                "official statement word for word."
            ),
            "points": 1,
            "explanation": (
                "Influencers are partners, not megaphones. Accuracy comes from sharing good facts "
                "and reviewing them, not from a script that throws away the creator's own voice."
            ),
            "choices": [
                (
                    TRUE,
                    False,
                    "Not quite. Reading out our statement loses the trust and fluency that make a "
                    "creator worth working with, and their audience will notice at once.",
                ),
                (
                    FALSE,
                    True,
                    "Right. Creators speak for themselves, in their own words; we give them the "
                    "facts and the boundaries.",
                ),
            ],
        },
        {
            "kind": "single",
            "prompt": (
                "Why does the module suggest that creators with 10,000 to 100,000 followers often "
                "work better than celebrities?"
            ),
            "points": 1,
            "explanation": (
                "Micro-influencers usually have closer relationships with their audience, higher "
                "engagement and more time for a real partnership. Several of them together can "
                "reach more of the right people than one famous name."
            ),
            "choices": [
                (
                    "They usually have closer relationships with their audience, higher engagement "
                    "and more time for a real partnership",
                    True,
                    "Right. Closeness and time for the partnership are what make them effective.",
                ),
                (
                    "They can be asked to work for free because they are less well known",
                    False,
                    "No. Creators should be paid fairly for their work, whatever the size of their account.",
                ),
                (
                    "Platforms show smaller accounts' posts to more people than celebrities' posts",
                    False,
                    "The module makes no such claim. The advantage is the relationship with the "
                    "audience, not the algorithm.",
                ),
                (
                    "They do not need a written agreement or disclosure label",
                    False,
                    "No. Every supported post needs an agreement and clear disclosure, however small "
                    "the account.",
                ),
            ],
        },
        {
            "kind": "single",
            "prompt": (
                "In the case study of a report launch that finally reached young people, what "
                "mattered most for the quality of the creators' videos?"
            ),
            "points": 1,
            "explanation": (
                "The half hour each creator spent with the lead researcher mattered more than any "
                "script: creators who understood the issue explained it with confidence, in their "
                "own style."
            ),
            "choices": [
                (
                    "The half hour each creator spent with the lead researcher",
                    True,
                    "Right. Understanding the issue let them explain it with confidence.",
                ),
                (
                    "A shared script, so every video used the same key messages",
                    False,
                    "No. None of the creators used our wording, and their videos were shared far "
                    "more than our own launch post.",
                ),
                (
                    "Posting the videos from the organisation's own accounts",
                    False,
                    "No. The creators posted on their own channels, to their own audiences.",
                ),
                (
                    "Choosing only creators who already campaign on human rights",
                    False,
                    "No. The four were a comedian, a student-life vlogger, a street photographer "
                    "and a musician: reach into new audiences was the point.",
                ),
            ],
        },
    ],
}

CHOOSING_PARTNERS = {
    # A bank of six: each attempt draws four, so a retake asks different questions.
    "settings": {
        "quiz_pass_mark": 75,
        "quiz_draw_count": 4,
        "quiz_shuffle_questions": True,
        "quiz_shuffle_choices": True,
        "quiz_feedback_policy": "after_each",
    },
    "questions": [
        {
            "kind": "single",
            "prompt": "What should you do before you look at a single creator's profile?",
            "points": 1,
            "explanation": (
                "Start with the audience, not the influencer: write down who you need to reach "
                "(age, country, language, interests) and what you hope they will do. Then look for "
                "the people they already listen to."
            ),
            "choices": [
                (
                    "Write down the audience you need to reach and what you hope they will do",
                    True,
                    "Right. The audience decides which creators are worth approaching.",
                ),
                (
                    "Shortlist the creators with the largest follower counts",
                    False,
                    "No. Choosing someone for their follower count alone is one of the module's don'ts.",
                ),
                (
                    "Send a short introduction to as many creators as possible",
                    False,
                    "No. Due diligence comes before any approach, and it starts with the audience.",
                ),
                (
                    "Agree the fee range with the finance team",
                    False,
                    "Fees matter later. The first step is knowing whom you need to reach.",
                ),
            ],
        },
        {
            "kind": "multiple",
            "prompt": "Which checks belong in due diligence before you approach a creator? Pick all that apply.",
            "points": 1,
            "explanation": (
                "The checklist includes reviewing twelve months of content, searching for "
                "scandals, looking for fake followers, asking for audience data, listing past "
                "partnerships, asking the regional office, considering the creator's own risk, "
                "and recording what you found."
            ),
            "choices": [
                (
                    "Review at least twelve months of posts, videos and Story highlights",
                    True,
                    "Yes. Look at what they have said and done, not only at what they post about us.",
                ),
                (
                    "Look for signs of fake followers, such as sudden jumps or generic comments",
                    True,
                    "Yes. Low engagement for the size of the account is another warning sign.",
                ),
                (
                    "Consider whether working with us could endanger the creator where they live",
                    True,
                    "Yes. The creator's own safety is part of due diligence.",
                ),
                (
                    "Ask the creator for the login to their analytics account",
                    False,
                    "No. Never ask for passwords: ask for screenshots of the audience data their "
                    "own analytics show.",
                ),
                (
                    "Check only the posts in which they mention human rights",
                    False,
                    "No. Values fit means looking at everything, including attacks on groups whose "
                    "rights we defend and their brand or government partnerships.",
                ),
            ],
        },
        {
            "kind": "true_false",
            "prompt": (
                "A creator with two million followers is a good partner for a youth campaign in "
                "your country, as long as their content is good."
            ),
            "points": 1,
            "explanation": (
                "Follower counts say nothing about who the followers are. Ask for audience data: "
                "a creator whose audience is mostly in another country, or mostly over 45, may be "
                "the wrong partner however good their content is."
            ),
            "choices": [
                (
                    TRUE,
                    False,
                    "Not necessarily. If their audience is mostly elsewhere or older, they will not "
                    "reach the people you need.",
                ),
                (
                    FALSE,
                    True,
                    "Right. Check the audience's age and country in the creator's own analytics first.",
                ),
            ],
        },
        {
            "kind": "single",
            "prompt": (
                "While checking a creator you would like to work with, you find an old post in "
                "which they mocked refugees. What does the module advise?"
            ),
            "points": 1,
            "explanation": (
                "Nobody has a perfect record, and people change. If you find something, talk about "
                "it openly with the creator and your manager, rather than ignoring it or rejecting "
                "them without a conversation."
            ),
            "choices": [
                (
                    "Talk about it openly with the creator and your manager before deciding",
                    True,
                    "Right. An open conversation lets you judge whether their values have changed.",
                ),
                (
                    "Drop them straight away, without contacting them",
                    False,
                    "The module advises against rejecting someone without a conversation: people change.",
                ),
                (
                    "Ignore it: what matters is what they will post for us",
                    False,
                    "No. Our credibility travels with every partner, so their record matters.",
                ),
                (
                    "Ask them to delete the post quietly and go ahead",
                    False,
                    "No. Hiding it does not answer the question of values fit, and it can surface later.",
                ),
            ],
        },
        {
            "kind": "single",
            "prompt": (
                "You plan to approach creators in a country where being seen with a human-rights "
                "organisation is dangerous. Whom should you talk to first?"
            ),
            "points": 1,
            "explanation": (
                "In high-risk contexts, talk to your regional security focal point before "
                "approaching creators, explain the risks honestly, and let the creator decide with "
                "full information."
            ),
            "choices": [
                (
                    "Your regional security focal point",
                    True,
                    "Right. They can assess the risks before anyone is approached.",
                ),
                (
                    "The platform's partnerships team",
                    False,
                    "No. The platform cannot assess the risk to the creator where they live.",
                ),
                (
                    "The creator's agency, so the creator is not exposed",
                    False,
                    "No. Talk to the creator directly, not only through an agency, and take "
                    "security advice first.",
                ),
                (
                    "Nobody: the creator is best placed to judge the risk alone",
                    False,
                    "The creator decides, but with full information, after you have taken security advice.",
                ),
            ],
        },
        {
            "kind": "multiple",
            "prompt": "Which statements about kinds of partner match the module? Pick all that apply.",
            "points": 1,
            "explanation": (
                "Nano and micro creators bring close, local communities; expert creators suit "
                "complex issues; activist creators are powerful but often the most exposed to risk. "
                "Larger creators bring reach, but higher fees and less time for co-creation."
            ),
            "choices": [
                (
                    "Nano and micro creators have close, often local communities with high trust",
                    True,
                    "Yes. They are good for depth and for reaching a specific city or group.",
                ),
                (
                    "Expert creators, such as lawyers or doctors, are good for complex issues",
                    True,
                    "Yes. They explain things for a living.",
                ),
                (
                    "Activist creators are powerful but often the most exposed to risk",
                    True,
                    "Yes. Their safety needs particular care.",
                ),
                (
                    "Large creators usually have the most time for co-creation",
                    False,
                    "No. Large creators bring reach and visibility, with higher fees and less time "
                    "for co-creation.",
                ),
            ],
        },
    ],
}

BRIEFING = {
    "settings": {
        "quiz_pass_mark": 80,
        "quiz_shuffle_choices": True,
        "quiz_feedback_policy": "after_each",
    },
    "questions": [
        {
            "kind": "multiple",
            "prompt": "What does a good brief give a creator? Pick all that apply.",
            "points": 1,
            "explanation": (
                "A good brief gives the facts, the boundaries and the freedom to say it their way, "
                "on one page. Too little and the content may be wrong or unsafe; too much and it "
                "reads like an advert."
            ),
            "choices": [
                (
                    "The facts, with their sources",
                    True,
                    "Yes. Three key facts, checked by the research team.",
                ),
                (
                    "The boundaries: words to avoid and what must never be shown",
                    True,
                    "Yes. For example, no faces of people at risk, no locations.",
                ),
                (
                    "The freedom to say it their way",
                    True,
                    "Yes. Their own voice is why their audience listens.",
                ),
                (
                    "A script to read word for word",
                    False,
                    "No. Scripts make content sound like an advert, and audiences notice at once.",
                ),
                (
                    "Our logo and hashtag to show in every frame",
                    False,
                    "No. Asking for our branding everywhere is one of the module's don'ts.",
                ),
            ],
        },
        {
            "kind": "single",
            "prompt": "When a creator sends you a draft, what should you review?",
            "points": 1,
            "explanation": (
                "Review facts and safety, not tone or jokes, aim for one round of feedback, and "
                "reply as quickly as you agreed: a post that waits a week for approval may no "
                "longer be relevant."
            ),
            "choices": [
                (
                    "Facts and safety only, in one round of feedback",
                    True,
                    "Right. Their style is theirs; accuracy and safety are our responsibility.",
                ),
                (
                    "Tone, jokes and style, so it sounds like the organisation",
                    False,
                    "No. Sounding like the organisation is exactly what we want to avoid.",
                ),
                (
                    "Everything, with edits from each interested colleague",
                    False,
                    "No. Several rounds of edits from different colleagues is one of the don'ts.",
                ),
                (
                    "Nothing: once briefed, creators publish without review",
                    False,
                    "No. We check facts and safety, for example that nobody at risk can be identified.",
                ),
            ],
        },
        {
            "kind": "single",
            "prompt": "Which of these is true of short video (Reels, YouTube Shorts and similar)?",
            "points": 1,
            "explanation": (
                "In short video the first two seconds decide whether anyone keeps watching. One "
                "idea per video, a person talking to camera, captions on screen."
            ),
            "choices": [
                (
                    "The first two seconds decide whether anyone keeps watching",
                    True,
                    "Right. Open with the person and the idea, not a logo.",
                ),
                (
                    "It works best with several ideas packed into one video",
                    False,
                    "No. The module recommends one idea per video.",
                ),
                (
                    "It disappears after a day unless saved as a highlight",
                    False,
                    "That describes Instagram Stories, not short video.",
                ),
                (
                    "Captions can be skipped, because short video is watched with the sound on",
                    False,
                    "No. Many people watch with the sound off: captions go on every video.",
                ),
            ],
        },
        {
            "kind": "true_false",
            "prompt": "Every video should carry burned-in captions in the language of the audience.",
            "points": 1,
            "explanation": (
                "Many people watch with the sound off, and people who are deaf or hard of hearing "
                "rely on captions. Ask for burned-in captions on every video and text descriptions "
                "on images."
            ),
            "choices": [
                (
                    TRUE,
                    True,
                    "Right. Captions are not optional.",
                ),
                (
                    FALSE,
                    False,
                    "Not so. Without captions you lose everyone watching with the sound off, and "
                    "people who are deaf or hard of hearing.",
                ),
            ],
        },
        {
            "kind": "single",
            "prompt": (
                "In the Stories series on phone surveillance, the first draft sounded like an "
                "advert. What turned it around?"
            ),
            "points": 1,
            "explanation": (
                "The team dropped the six-page brief and script and set up a thirty-minute call "
                "between the creator and a technologist. The creator's own curiosity became the "
                "story. Scripts kill authenticity; access to experts builds it."
            ),
            "choices": [
                (
                    "A thirty-minute call between the creator and a technologist, instead of a script",
                    True,
                    "Right. The second series drew many times more replies than the first.",
                ),
                (
                    "A longer, more detailed script with approved wording",
                    False,
                    "No. The six-page brief with a script was the problem.",
                ),
                (
                    "Adding the organisation's logo and hashtag to every frame",
                    False,
                    "No. That would make it sound even more like an advert.",
                ),
                (
                    "Moving the series from Stories to a long YouTube video",
                    False,
                    "No. It stayed a five-frame Stories series ending with a quiz sticker.",
                ),
            ],
        },
    ],
}

DISCLOSURE = {
    "settings": {
        "quiz_pass_mark": 80,
        "quiz_shuffle_choices": True,
        "quiz_feedback_policy": "after_each",
        "quiz_time_limit_minutes": 10,
    },
    "questions": [
        {
            "kind": "multiple",
            "prompt": (
                "In which of these situations must a creator's post be disclosed as a partnership? "
                "Pick all that apply."
            ),
            "points": 1,
            "explanation": (
                "Disclose whenever the creator has received anything of value from us (a fee, "
                "expenses, gifts, equipment, exclusive access) or has worked with us on the "
                "content (a brief, a script, our review). A post made entirely on their own needs "
                "no disclosure from them."
            ),
            "choices": [
                (
                    "We paid for their travel to a field visit",
                    True,
                    "Yes. Paying expenses or travel is something of value.",
                ),
                (
                    "We gave them exclusive access to one of our researchers",
                    True,
                    "Yes. Exclusive access counts as something of value.",
                ),
                (
                    "We reviewed their video before it went out",
                    True,
                    "Yes. Working with us on the content, including review, must be disclosed.",
                ),
                (
                    "They posted about our report on their own, with no contact from us",
                    False,
                    "No disclosure is needed from them. If we then share or promote their post, we "
                    "say so on our side.",
                ),
            ],
        },
        {
            "kind": "single",
            "prompt": "Where should the disclosure appear in a caption?",
            "points": 1,
            "explanation": (
                "Use the platform's own label and say it in words at the start of the caption, in "
                "the audience's language. Never hide it among hashtags at the end or behind a "
                '"more" link.'
            ),
            "choices": [
                (
                    "At the start, in the audience's language, as well as the platform's label",
                    True,
                    'Right. For example "Paid partnership with…" as the first words.',
                ),
                (
                    "Among the hashtags at the end, as #ad",
                    False,
                    "No. Hiding it among hashtags at the end is exactly what the module warns against.",
                ),
                (
                    'After the "more" link, so the post reads naturally',
                    False,
                    'No. Disclosure must never be hidden behind a "more" link.',
                ),
                (
                    "Nowhere: the platform's label is enough on its own",
                    False,
                    "No. Use the label and say it in words as well.",
                ),
            ],
        },
        {
            "kind": "true_false",
            "prompt": "In a Stories series, it is enough to disclose the partnership on the last frame.",
            "points": 1,
            "explanation": (
                "In a Stories series, show the disclosure on the first frame and keep it visible. "
                "In videos, say it out loud as well as on screen."
            ),
            "choices": [
                (
                    TRUE,
                    False,
                    "No. Many people never reach the last frame: disclose on the first and keep it visible.",
                ),
                (
                    FALSE,
                    True,
                    "Right. The first frame, and kept visible throughout.",
                ),
            ],
        },
        {
            "kind": "true_false",
            "prompt": (
                "If a paid partnership follows the disclosure rules of one country, it can follow "
                "the same rules everywhere."
            ),
            "points": 1,
            "explanation": (
                "Advertising law and rules on political or issue-based content vary by country; "
                "some restrict foreign-funded advocacy, and many tighten rules around elections. "
                "Check with the legal team and the regional office before agreeing any paid "
                "partnership."
            ),
            "choices": [
                (
                    TRUE,
                    False,
                    "No. Assuming the rules in one country apply in another is one of the module's don'ts.",
                ),
                (
                    FALSE,
                    True,
                    "Right. Check local rules with legal and the regional office every time.",
                ),
            ],
        },
        {
            "kind": "single",
            "prompt": "Why do hidden partnerships backfire?",
            "points": 1,
            "explanation": (
                "Hidden partnerships usually come to light. When they do, they damage the "
                "creator's relationship with their audience and hand our opponents a story about "
                "secret foreign money. Clear disclosure protects everyone."
            ),
            "choices": [
                (
                    "When they come to light they damage the creator's trust and feed stories of "
                    "secret foreign money",
                    True,
                    "Right. Openness protects both the creator and the organisation.",
                ),
                (
                    "Platforms automatically delete posts without a partnership label",
                    False,
                    "The module does not say this. The damage comes from the loss of trust when the "
                    "partnership is discovered.",
                ),
                (
                    "Disclosed posts are always shown to more people",
                    False,
                    "The module makes no claim about reach. Disclosure is about honesty with the audience.",
                ),
                (
                    "Undisclosed partnerships cost more in fees",
                    False,
                    "Cost is not the issue. Trust is.",
                ),
            ],
        },
        {
            "kind": "single",
            "prompt": (
                "A supported video went out without its partnership label, and hostile accounts "
                "claim the creator is secretly paid by a foreign organisation. What worked in the "
                "module's case study?"
            ),
            "points": 1,
            "explanation": (
                "With the creator's agreement, we replied publicly that it was a paid partnership "
                "and why we work with creators; the creator added the label and a pinned comment. "
                "Openness took the heat out of the story within hours; silence would have fed it."
            ),
            "choices": [
                (
                    "Saying publicly, with the creator's agreement, that it was a paid partnership and why",
                    True,
                    "Right. Openness took the heat out of the story within hours.",
                ),
                (
                    "Staying silent until the story dies down",
                    False,
                    "No. Silence would have fed the story.",
                ),
                (
                    "Asking the creator to delete the video",
                    False,
                    "No. Deleting it would look like hiding something, and screenshots remain.",
                ),
                (
                    "Saying that no payment was made",
                    False,
                    "No. It was a paid partnership; denying it would be dishonest and would "
                    "backfire when it came out.",
                ),
            ],
        },
    ],
}

SAFETY = {
    # Answers are shown only after passing, so the three attempts stay a real test.
    "settings": {
        "quiz_pass_mark": 80,
        "quiz_attempt_limit": 3,
        "quiz_shuffle_choices": True,
        "quiz_feedback_policy": "after_pass",
    },
    "questions": [
        {
            "kind": "single",
            "prompt": "A creator you work with is facing a pile-on after a post. What do you do first?",
            "points": 1,
            "explanation": (
                "Call them privately first: ask how they are and what they need, and do not decide "
                "for them. Then document, report and escalate, assess offline risk, and decide any "
                "public response together."
            ),
            "choices": [
                (
                    "Call them privately and ask how they are and what they need",
                    True,
                    "Right. Reaching out quickly and privately comes before anything else.",
                ),
                (
                    "Post a statement of support from the organisation's account",
                    False,
                    "Not first, and not without their agreement: a public statement can also "
                    "amplify the attack.",
                ),
                (
                    "Report every abusive comment so it disappears as fast as possible",
                    False,
                    "Not yet. Document first: reporting can make the evidence disappear.",
                ),
                (
                    "Advise them to stay offline until it blows over",
                    False,
                    "No. Telling them to ignore it or stay offline is one of the module's don'ts.",
                ),
            ],
        },
        {
            "kind": "true_false",
            "prompt": (
                "Report abusive posts to the platform before taking screenshots, so they are "
                "removed as quickly as possible."
            ),
            "points": 1,
            "explanation": (
                "Document before anything is removed: screenshots with dates, links and account "
                "names. Reporting can make evidence disappear, and the evidence may be needed for "
                "escalation, a safety plan or legal action."
            ),
            "choices": [
                (
                    TRUE,
                    False,
                    "No. Once a post is removed, the evidence may be gone. Document first, then report.",
                ),
                (
                    FALSE,
                    True,
                    "Right. Screenshots with dates, links and account names come first.",
                ),
            ],
        },
        {
            "kind": "multiple",
            "prompt": (
                "Which of these signs suggest the harassment may move offline and needs an urgent "
                "safety response, with the security focal point? Pick all that apply."
            ),
            "points": 1,
            "explanation": (
                "A hint that the sender knows where the person is, threats that mention a place or "
                "family, published personal details and coordinated repetition are signs that "
                "harassment may move offline. They need a safety response, not only moderation."
            ),
            "choices": [
                (
                    "A message hinting that the sender knows where the creator films",
                    True,
                    "Yes. Threats that mention a location need a physical safety plan.",
                ),
                (
                    "The creator's home address published online",
                    True,
                    "Yes. Doxxing needs an offline risk assessment at once.",
                ),
                (
                    "The same insult posted hundreds of times from new accounts",
                    True,
                    "Yes. Coordinated repetition is a sign of an organised campaign.",
                ),
                (
                    "A follower disagreeing strongly with the creator's argument",
                    False,
                    "No. Disagreement, however strong, is not harassment.",
                ),
            ],
        },
        {
            "kind": "single",
            "prompt": (
                "Who has the deciding voice on whether, and how, we respond publicly to an attack "
                "on a creator?"
            ),
            "points": 1,
            "explanation": (
                "Decide the public response together. A statement of support can help, and it can "
                "also amplify the attack: the person targeted has the deciding voice."
            ),
            "choices": [
                (
                    "The person targeted",
                    True,
                    "Right. It is their safety and their audience.",
                ),
                (
                    "The organisation's press office",
                    False,
                    "The press office may help, but the person targeted decides.",
                ),
                (
                    "The regional security focal point",
                    False,
                    "The security focal point assesses offline risk; the decision on a public "
                    "response belongs to the person targeted.",
                ),
                (
                    "The digital team that runs our accounts",
                    False,
                    "No. Replying from official channels without an agreed plan is one of the don'ts.",
                ),
            ],
        },
        {
            "kind": "multiple",
            "prompt": "What belongs in the safety plan you agree before the first post? Pick all that apply.",
            "points": 1,
            "explanation": (
                "Agree who watches the comments, turn on two-step verification, remove personal "
                "details from public profiles, set up comment filters, agree a contact reachable at "
                "any hour, agree when to pause, offer wellbeing support, and talk through likely "
                "attacks. The creator can always stop."
            ),
            "choices": [
                (
                    "Two-step verification on every account involved",
                    True,
                    "Yes. It protects against hacking and impersonation.",
                ),
                (
                    "Comment filters with abusive keywords in the relevant languages",
                    True,
                    "Yes. Filters reduce what everyone has to read.",
                ),
                (
                    "A contact who can be reached at any hour, and how to escalate",
                    True,
                    "Yes. Attacks do not keep office hours.",
                ),
                (
                    "A commitment that the creator will finish the campaign whatever happens",
                    False,
                    "No. The plan says the creator can always stop.",
                ),
                (
                    "Public contact details for the creator, so supporters can reach them",
                    False,
                    "No. Remove home address, phone number and family photos from public profiles.",
                ),
            ],
        },
        {
            "kind": "true_false",
            "prompt": (
                "If you are moderating abuse aimed at a partner, not at you, it does not affect "
                "your own wellbeing."
            ),
            "points": 1,
            "explanation": (
                "Reading and moderating abuse is exposure to harmful content. Share the work, limit "
                "the length of each session, take breaks, and tell your manager when it gets heavy. "
                "The staff wellbeing programme is confidential and open to you."
            ),
            "choices": [
                (
                    TRUE,
                    False,
                    "No. Reading abuse is exposure to harmful content, whoever it is aimed at.",
                ),
                (
                    FALSE,
                    True,
                    "Right. Look after yourself too: breaks, shared work and the wellbeing programme.",
                ),
            ],
        },
    ],
}

MEASURING = {
    "settings": {
        "quiz_pass_mark": 80,
        "quiz_shuffle_choices": True,
        "quiz_feedback_policy": "after_each",
    },
    "questions": [
        {
            "kind": "single",
            "prompt": "Why are views, likes and follower counts called vanity metrics?",
            "points": 1,
            "explanation": (
                "They are easy to collect and pleasant to report, but they say little about "
                "whether anything changed. Measure along the path from attention to change: reach, "
                "quality of engagement, action, attitude and outcome."
            ),
            "choices": [
                (
                    "They are easy to collect and pleasant to report, but say little about change",
                    True,
                    "Right. Useful, but not evidence that anyone was moved.",
                ),
                (
                    "They are always inflated by fake accounts",
                    False,
                    "Fake followers exist, but that is not why they are called vanity metrics.",
                ),
                (
                    "Platforms no longer show them to creators",
                    False,
                    "No. Platforms still show them; they just do not tell you whether anything changed.",
                ),
                (
                    "They measure the creator's popularity but never the organisation's",
                    False,
                    "Not the point. Whoever they measure, they show attention, not change.",
                ),
            ],
        },
        {
            "kind": "multiple",
            "prompt": "Which of these show the quality of engagement? Pick all that apply.",
            "points": 1,
            "explanation": (
                "Quality of engagement means saves, shares, Story replies, answers to question "
                "stickers, how much of a video people watched and comments that show "
                "understanding. Impressions and follower counts are, at best, reach."
            ),
            "choices": [
                (
                    "Saves and shares",
                    True,
                    "Yes. People keep and pass on what matters to them.",
                ),
                (
                    "Story replies and answers to question stickers",
                    True,
                    "Yes. They show people engaging in a conversation.",
                ),
                (
                    "How much of the video people watched",
                    True,
                    "Yes. Watch time shows whether the message held attention.",
                ),
                (
                    "The total number of impressions",
                    False,
                    "No. Impressions are a measure of exposure, and a weak one: one person can "
                    "count many times.",
                ),
                (
                    "The creator's follower count",
                    False,
                    "No. Follower counts say nothing about how people engaged with this content.",
                ),
            ],
        },
        {
            "kind": "true_false",
            "prompt": "To report a campaign's reach, add up the impressions from every creator.",
            "points": 1,
            "explanation": (
                "Report unique accounts reached in the right age group and country. Adding up "
                "impressions across creators, as if they were people, is one of the module's "
                "don'ts."
            ),
            "choices": [
                (
                    TRUE,
                    False,
                    "No. Impressions are not people: the same person can be counted many times over.",
                ),
                (
                    FALSE,
                    True,
                    "Right. Report unique accounts reached within the audience you aimed for.",
                ),
            ],
        },
        {
            "kind": "single",
            "prompt": "When should you agree which analytics a creator will share with you?",
            "points": 1,
            "explanation": (
                "Creators' analytics are private to them. Agree in the contract which screenshots "
                "or exports they will share, for example after seven days and after thirty, so "
                "nobody has to chase them later."
            ),
            "choices": [
                (
                    "In the contract, before the campaign starts",
                    True,
                    "Right. For example screenshots after seven days and after thirty.",
                ),
                (
                    "After the campaign, once you see which posts did well",
                    False,
                    "Too late: you end up chasing data, and the baseline may be lost.",
                ),
                (
                    "Only if the campaign seems to be underperforming",
                    False,
                    "No. You need the data whatever the result, to learn from it.",
                ),
                (
                    "Never: creators' analytics are private and cannot be shared",
                    False,
                    "They are private to the creator, but creators can share screenshots or "
                    "exports when it is agreed.",
                ),
            ],
        },
        {
            "kind": "single",
            "prompt": (
                "Two offices campaigned for the same petition: one with a celebrity (about two "
                "million views, three hundred signatures), one with eight local micro-creators "
                "(about 150,000 views, more than four thousand signatures). What does the module "
                "conclude?"
            ),
            "points": 1,
            "explanation": (
                "Judged on views, the celebrity campaign won; judged on the change we wanted, the "
                "micro-creators did, and their comments gave us questions for the next phase. A "
                "tracked link for each creator made the difference visible."
            ),
            "choices": [
                (
                    "Judged on the change we wanted, the micro-creator campaign did better",
                    True,
                    "Right. Signatures were the change the campaign asked for.",
                ),
                (
                    "The celebrity campaign did better, because it reached far more people",
                    False,
                    "Only if you judge on views, which is exactly the vanity metric to avoid.",
                ),
                (
                    "They did equally well, since each reached its own audience",
                    False,
                    "No. One produced more than ten times as many signatures.",
                ),
                (
                    "They cannot be compared, because the creators had different audiences",
                    False,
                    "They can: both aimed at the same petition, and tracked links showed what each produced.",
                ),
            ],
        },
        {
            "kind": "true_false",
            "prompt": (
                "When a policy changes after an influencer campaign, we should report that the "
                "campaign caused the change."
            ),
            "points": 1,
            "explanation": (
                "At the outcome level (decision-makers responding, media picking up the story, a "
                "policy changing) we speak of contribution, not proof. Claiming that one post "
                "caused a policy change is one of the module's don'ts."
            ),
            "choices": [
                (
                    TRUE,
                    False,
                    "No. Many things shape a policy change; claim contribution, not cause.",
                ),
                (
                    FALSE,
                    True,
                    "Right. Speak of contribution, and show the evidence for it.",
                ),
            ],
        },
    ],
}

QUIZZES = {
    "why-influencers": WHY_INFLUENCERS,
    "choosing-partners": CHOOSING_PARTNERS,
    "briefing-and-co-creation": BRIEFING,
    "disclosure": DISCLOSURE,
    "safety-and-wellbeing": SAFETY,
    "measuring-impact": MEASURING,
}
