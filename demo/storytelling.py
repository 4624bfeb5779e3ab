"""Demo course STO-101, "Human-rights storytelling", as data (its Arabic translation is in
storytelling_ar.py). Quotes are composite testimonies and case studies composite examples,
and they say so: no real person is quoted."""

from demo.common import COMPOSITE_CONSENT

AUTHENTIC_VOICES = [
    (
        "paragraph",
        "<p>The most powerful human-rights stories are told by the people who live them. Our "
        "job is often not to tell the story ourselves, but to make room for the people who can "
        "tell it best, and to stand beside them with evidence, protection and reach.</p>",
    ),
    ("heading", {"text": "Why the official voice falls flat", "level": "h2"}),
    (
        "paragraph",
        "<p>An organisational statement is built to be accurate, careful and defensible. Those "
        "are virtues in a report or a legal brief. On social media they can sound cold. Phrases "
        'like "we call on the authorities" or "we are deeply concerned" have been used so '
        "often, by so many institutions, that many readers no longer hear them.</p>"
        "<p>Audiences respond to <b>people</b>: a mother explaining what the eviction notice "
        "meant for her children, a young lawyer describing her first day defending protesters, "
        "a farmer showing the river that used to feed his fields. A single, specific voice makes "
        "an abstract right concrete.</p>",
    ),
    ("heading", {"text": "Whose voice is it?", "level": "h2"}),
    (
        "paragraph",
        "<p>Before you write or film anything, ask three questions:</p>"
        "<ul>"
        "<li><b>Who is closest to this story?</b> Usually it is not us.</li>"
        "<li><b>Do they want to tell it, and in what form?</b> Some people want to speak on camera; "
        "others prefer text, audio, or someone else speaking for them.</li>"
        "<li><b>What do they gain, and what do they risk?</b> Visibility can protect people, and "
        "it can endanger them.</li>"
        "</ul>",
    ),
    (
        "quote",
        {
            "quote": (
                "For years organisations came to take our photos and left. This time they asked us "
                "what we wanted to say, and we filmed it ourselves. People in my own town finally "
                "listened, because it was us talking."
            ),
            "speaker": "A youth activist in Nairobi",
            "role": "Member of a partner youth network",
            "consent": True,
            "consent_note": COMPOSITE_CONSENT,
        },
    ),
    ("heading", {"text": "Our role: amplify, support, verify", "level": "h2"}),
    (
        "paragraph",
        "<p>Centring authentic voices does not mean stepping away. People who share their "
        "stories with us need us to:</p>"
        "<ul>"
        "<li><b>Amplify</b>: share their content on our channels, credited to them, and open "
        "doors to media and decision-makers.</li>"
        "<li><b>Support</b>: training, equipment, editing help, and safety advice, if they want it.</li>"
        "<li><b>Verify</b>: check the facts around their story, so nobody can discredit it, and "
        "add the context and research only we can provide.</li>"
        "</ul>",
    ),
    (
        "case_study",
        {
            "title": "From press release to first-person video (composite example)",
            "context": (
                "<p>A campaign on forced evictions had a strong research report and a well-written "
                "press release. Online, it was barely noticed. <i>This case study combines several "
                "campaigns; details have been changed.</i></p>"
            ),
            "what_happened": (
                "<p>Two residents who had been evicted agreed to tell their stories. A local "
                "videographer trained them to film on their phones. They chose what to show: the "
                "school their children could no longer reach, the receipts for rent paid for ten "
                "years. Our account posted their videos under their own names, with a link to the "
                "report.</p>"
            ),
            "what_we_learned": (
                "<p>The residents' videos were watched and shared far more than anything we had "
                "posted, and journalists contacted them directly. The report gave the videos "
                "credibility; the videos gave the report an audience.</p>"
            ),
        },
    ),
    (
        "do_dont",
        {
            "title": "Putting authentic voices first",
            "dos": [
                "Ask people how they want to tell their story, and in what format",
                "Credit them by name if they wish, or respect their choice not to be named",
                "Keep their words; edit for length, not for tone",
                "Add our evidence and context around their voice",
            ],
            "donts": [
                "Put words in people's mouths to fit a campaign message",
                "Use people's stories as illustrations for our statement",
                "Replace a strong first-person voice with an institutional summary",
            ],
        },
    ),
    (
        "reflection",
        {
            "prompt": (
                "Look at the last three posts from an account you manage or contribute to. Whose "
                "voice do they use? How could one of them be retold by someone closer to the story?"
            ),
            "guidance": "Be specific: name the kind of person, and what they might say.",
        },
    ),
    (
        "key_takeaways",
        {
            "title": "Key takeaways",
            "items": [
                "People respond to people: a specific voice makes a right concrete",
                "Ask who is closest to the story, whether they want to tell it, and what they risk",
                "Our role is to amplify, support and verify, not to speak over people",
                "Research and first-person stories are strongest together",
            ],
        },
    ),
]

HOPEFUL_FRAMING = [
    (
        "paragraph",
        "<p>Human-rights work deals with terrible things, and we must never play them down. But "
        "a steady stream of horror has a cost: people feel powerless, switch off, or conclude "
        "that nothing can change. Research on audiences and our own campaign results point the "
        "same way: <b>hope mobilises, fear paralyses</b>.</p>",
    ),
    ("heading", {"text": "From problem to possibility", "level": "h2"}),
    (
        "paragraph",
        "<p>A hopeful frame does not hide the problem. It puts it in a story that leads somewhere:</p>"
        "<ul>"
        "<li><b>Start with shared values</b>: safety, family, fairness, freedom to speak. Most "
        'people share them, even if they do not use the words "human rights".</li>'
        "<li><b>Name the problem and who is responsible</b>, plainly, without jargon.</li>"
        "<li><b>Show that change is possible</b>: a law changed, a person released, a community "
        "that won.</li>"
        "<li><b>Offer a clear action</b> that matches the size of the problem.</li>"
        "</ul>",
    ),
    ("heading", {"text": "Show people as agents, not victims", "level": "h2"}),
    (
        "paragraph",
        "<p>The people in our stories are not only people things happened to. They organise, "
        "resist, care for others and win. Describe what they <b>do</b>, not only what was done "
        'to them. Prefer "women human-rights defenders who documented…" to "helpless women '
        'who suffered…". Choose images that show people standing, speaking and working '
        "together, not only in distress.</p>",
    ),
    (
        "do_dont",
        {
            "title": "Framing",
            "dos": [
                "Lead with values your audience already holds",
                "Show a win, however small, or a path to one",
                "Describe people by what they do and want",
                "Give one clear action people can take today",
            ],
            "donts": [
                "Open with the most shocking image you have",
                "Use the language of pity: helpless, voiceless, suffering",
                "Repeat the opponent's framing, even to rebut it",
                "Ask for an action far too small or too vague for the problem",
            ],
        },
    ),
    (
        "callout",
        {
            "tone": "tip",
            "title": "Don't repeat the myth",
            "body": (
                '<p>Repeating a false claim in order to rebut it ("No, refugees are not '
                'criminals") makes it more familiar. State what is true first, in your own '
                'terms: "People fleeing war want what we all want: safety for their kids."</p>'
            ),
        },
    ),
    (
        "case_study",
        {
            "title": "Two posts, one campaign (composite example)",
            "context": (
                "<p>A campaign for the release of a detained student journalist tested two "
                "versions of the same post. <i>This is a composite example; details and figures "
                "are illustrative.</i></p>"
            ),
            "what_happened": (
                '<p>Version A showed a dark photo of a prison wall: "Another journalist silenced. '
                'How many more?" Version B showed the student laughing with classmates, and a '
                "message from them: \"Her articles asked questions. We're asking one too: free her. "
                'Add your name." Version B was shared more than twice as often and brought in many '
                "more signatures.</p>"
            ),
            "what_we_learned": (
                "<p>People wanted to act for someone they could see as a person with a future, and "
                "they responded to a community already taking action. The facts were the same; the "
                "frame changed the response.</p>"
            ),
        },
    ),
    (
        "checklist",
        {
            "title": "Before you post, read it once more",
            "items": [
                "Does it start from a value the audience shares?",
                "Is the responsible party named plainly?",
                "Do the people in it have agency?",
                "Is there a sign that change is possible?",
                "Is the action clear and proportionate?",
            ],
        },
    ),
    (
        "reflection",
        {
            "prompt": (
                "Rewrite the first sentence of a recent statement or post about a serious violation "
                "so that it starts from a shared value and points to a possibility of change."
            ),
            "guidance": "Keep every fact. Change only the frame.",
        },
    ),
    (
        "key_takeaways",
        {
            "title": "Key takeaways",
            "items": [
                "Hope mobilises; a steady stream of horror makes people switch off",
                "Start with shared values, name the problem, show a possibility, offer an action",
                "Show people as agents, not only as victims",
                "State the truth in your own terms instead of repeating the myth",
            ],
        },
    ),
]

NEWS_AND_LISTENING = [
    (
        "paragraph",
        "<p>Most people do not go looking for human-rights content. They meet it when it "
        "connects to something already in their feed: the news, a trending topic, a viral "
        "video, a football match, an election. <b>News-driven content</b> joins those "
        "conversations; <b>social listening</b> tells you which conversations are happening.</p>",
    ),
    ("heading", {"text": "Joining the news cycle", "level": "h2"}),
    (
        "paragraph",
        "<p>When a story breaks, ask quickly:</p>"
        "<ul>"
        "<li><b>Is there a human-rights angle we can speak to with authority?</b> If our research "
        "does not cover it, say less, or point to those who know.</li>"
        "<li><b>What can we add</b> that others cannot: a fact from our research, a voice from the "
        "ground, a clear explanation of what the law says?</li>"
        "<li><b>Is it the right moment?</b> In a tragedy, the first hours are for solidarity, not "
        "for campaign asks.</li>"
        "</ul>"
        "<p>Speed matters, and so does accuracy. Prepare in advance: explainers on likely "
        "topics, approved key facts, and a named person who can sign off on a post within the "
        "hour.</p>",
    ),
    ("heading", {"text": "Social listening", "level": "h2"}),
    (
        "paragraph",
        "<p>Social listening means watching what people are saying about an issue, in public, "
        "to understand the conversation before you join it. It helps you to:</p>"
        "<ul>"
        "<li>spot trending topics and the words people actually use;</li>"
        "<li>find the voices who already lead the conversation;</li>"
        "<li>see misinformation early, before it sets;</li>"
        "<li>notice when a campaign or a partner is starting to be targeted.</li>"
        "</ul>"
        "<p>Simple tools go a long way: saved searches on each platform, trending lists, alerts "
        "for key terms in each of your languages, and the comments under your own posts.</p>",
    ),
    (
        "callout",
        {
            "tone": "important",
            "title": "Listen, don't surveil",
            "body": (
                "<p>Listening covers public conversations and trends. Do not build files on "
                "individuals, join private groups under false pretences, or collect personal data "
                "beyond what the data protection policy allows. Ask the data protection officer "
                "if you are unsure.</p>"
            ),
        },
    ),
    (
        "checklist",
        {
            "title": "A weekly listening routine",
            "items": [
                "Check saved searches for your issues in every relevant language",
                "Note the three biggest conversations and the words people use",
                "Note new voices worth following or partnering with",
                "Flag misinformation and hostile campaigns to the digital team",
                "Share a short summary with your team, with one suggested response",
            ],
        },
    ),
    (
        "case_study",
        {
            "title": "The football final (composite example)",
            "context": (
                "<p>A national team reached a cup final. Listening showed fans discussing the "
                "conditions of the migrant workers who had built the stadium. <i>This is a "
                "composite example; details have been changed.</i></p>"
            ),
            "what_happened": (
                "<p>Within a day, the team posted a short explainer using fans' own language, with "
                "a migrant worker's message recorded earlier with his consent, and a link to our "
                "research. A sports commentator who had raised the issue shared it.</p>"
            ),
            "what_we_learned": (
                "<p>We reached football fans who would never follow a human-rights account, because "
                "we joined a conversation they were already having. The preparation mattered: the "
                "research and the consented testimony were ready.</p>"
            ),
        },
    ),
    (
        "do_dont",
        {
            "title": "News-driven content",
            "dos": [
                "Prepare explainers and approved facts before the news breaks",
                "Use the words people are already using",
                "Add something only we can add: evidence, context, a voice",
            ],
            "donts": [
                "Jump on every trend, whatever the link to our work",
                "Publish unverified claims to be first",
                "Use a tragedy to push an unrelated ask",
            ],
        },
    ),
    (
        "reflection",
        {
            "prompt": (
                "What is one news event coming up in the next three months (an election, a summit, "
                "a sports event, an anniversary) where your work has something to add? What would "
                "you prepare now?"
            ),
            "guidance": "List the facts, voices and approvals you would need ready.",
        },
    ),
    (
        "key_takeaways",
        {
            "title": "Key takeaways",
            "items": [
                "People meet human-rights content through conversations already in their feed",
                "Join the news only where we can add evidence, context or a voice",
                "Social listening reveals trends, language, voices and emerging attacks",
                "Listen to public conversations; never surveil individuals",
                "Preparation makes speed and accuracy possible together",
            ],
        },
    ),
]

CONSENT_AND_DIGNITY = [
    (
        "paragraph",
        "<p>The people in our stories trust us with something precious: their experience, their "
        "image, sometimes their safety. <b>Informed consent</b> and <b>dignity</b> are not "
        "paperwork; they are how we keep that trust and how we avoid causing harm.</p>",
    ),
    ("heading", {"text": "What informed consent means", "level": "h2"}),
    (
        "paragraph",
        "<p>Consent is informed when the person understands:</p>"
        "<ul>"
        "<li><b>what</b> will be published (words, photo, video, name, location);</li>"
        "<li><b>where</b> and for how long: a report, social media, partners, the press;</li>"
        "<li><b>who</b> might see it, including the authorities and people in their community;</li>"
        "<li>the <b>risks</b>, honestly explained;</li>"
        "<li>that they can say no, or change their mind later, with no effect on any help they receive.</li>"
        "</ul>"
        "<p>Ask in the person's own language, without pressure, and record the consent as the "
        "consent policy requires. For children, you need the consent of a parent or guardian "
        "and the child's own agreement.</p>",
    ),
    (
        "callout",
        {
            "tone": "important",
            "title": "Consent is ongoing",
            "body": (
                "<p>Circumstances change. A person who was safe to be named last year may not be "
                "today. Before reusing a story, check again, and take content down quickly if "
                "someone asks.</p>"
            ),
        },
    ),
    ("heading", {"text": "Dignity in words and images", "level": "h2"}),
    (
        "paragraph",
        "<p>Ask yourself: would the person recognise themselves in this, and be comfortable "
        "with how they are shown? Avoid images taken at people's most vulnerable moments, and "
        "never show injuries, bodies or children in distress to get attention. Describe people "
        "by who they are, not only by what happened to them. Let them read or see the final "
        "version when you can.</p>",
    ),
    (
        "content_note",
        {
            "note": (
                "This case study refers to a survivor of sexual violence being identified without "
                "her consent. It contains no description of the violence."
            ),
            "content": [
                (
                    "case_study",
                    {
                        "title": "The photo that identified a survivor (composite example)",
                        "context": (
                            "<p>A partner organisation shared a story about a survivor of sexual "
                            "violence. Her face was blurred and her name changed. <i>This is a "
                            "composite example; details have been changed.</i></p>"
                        ),
                        "what_happened": (
                            "<p>The photo showed a distinctive shop sign behind her, and the caption "
                            "named her village. Within days, people in her community recognised her. "
                            "She faced stigma and had to move. The post was removed, but screenshots "
                            "kept circulating.</p>"
                        ),
                        "what_we_learned": (
                            "<p>Blurring a face is not enough. Backgrounds, clothing, voices, locations "
                            "and metadata can all identify someone. We now have a second person check "
                            "every image and caption for identifying details before publication, and "
                            "we strip location data from files.</p>"
                        ),
                    },
                ),
            ],
        },
    ),
    (
        "checklist",
        {
            "title": "Before publishing someone's story",
            "items": [
                "Consent is informed, freely given and recorded",
                "The person knows where it will appear and for how long",
                "Names, faces, voices, backgrounds and captions are checked for identifying details",
                "Location data has been removed from photos and videos",
                "A second person has reviewed it for safety and dignity",
                "The person knows how to ask us to take it down",
            ],
        },
    ),
    (
        "quote",
        {
            "quote": (
                "They asked me three times if I was sure, and told me I could change my mind. "
                "That is why I said yes."
            ),
            "speaker": "A woman who shared her story of eviction",
            "role": "Community member, composite testimony",
            "consent": True,
            "consent_note": COMPOSITE_CONSENT,
        },
    ),
    (
        "reflection",
        {
            "prompt": (
                "Think of an image or story you have seen used in a campaign. What might the person "
                "in it have felt seeing it online? What would you change?"
            ),
            "guidance": "Consider the image, the caption and where it was shared.",
        },
    ),
    (
        "key_takeaways",
        {
            "title": "Key takeaways",
            "items": [
                "Consent is informed, freely given, recorded, and can be withdrawn at any time",
                "Check again before reusing a story: risks change",
                "Blurring a face is not enough: backgrounds, voices and metadata identify people",
                "Show people as they would want to be seen",
            ],
        },
    ),
]

SOLIDARITY = [
    (
        "paragraph",
        "<p>Change is usually won by people organising where they live: student unions, "
        "workers, women's groups, indigenous communities, families of the disappeared. Our "
        "role is to <b>stand with them</b>, on their terms. Done well, international solidarity "
        "gives movements protection and reach. Done badly, it takes over their story or puts "
        "them at risk.</p>",
    ),
    ("heading", {"text": "Follow the movement's lead", "level": "h2"}),
    (
        "paragraph",
        "<ul>"
        "<li><b>Ask what they need.</b> Visibility? Quiet diplomatic pressure? Legal support? "
        "Sometimes the most useful thing is to say nothing in public.</li>"
        "<li><b>Use their words, hashtags and timing.</b> Do not launch a parallel campaign with "
        "our own branding.</li>"
        "<li><b>Credit them</b>, and send attention, media requests and resources their way.</li>"
        "<li><b>Check the risks with them</b>: international attention can protect, and it can be "
        "used by authorities to label activists as foreign agents.</li>"
        "</ul>",
    ),
    (
        "content_note",
        {
            "note": (
                "This case study mentions arrests of protesters and the use of force by police. It "
                "contains no graphic detail."
            ),
            "content": [
                (
                    "case_study",
                    {
                        "title": '"The world is watching" (composite example)',
                        "context": (
                            "<p>During peaceful protests in one country, security forces arrested "
                            "hundreds of people and the internet was repeatedly cut. Activists on the "
                            "ground told us what they needed most: for the authorities to see that "
                            "<b>the world is watching</b>. <i>This case study combines several "
                            "campaigns; details have been changed.</i></p>"
                        ),
                        "what_happened": (
                            "<p>We followed their lead. Supporters in many countries posted photos of "
                            "themselves holding handwritten signs with the movement's own hashtag, "
                            "in the movement's language and ours. Our accounts shared activists' "
                            "content when they asked, translated it, and never showed the faces of "
                            "protesters without their agreement. Regional staff kept a direct line "
                            "to organisers, who told us when to push and when to go quiet.</p>"
                        ),
                        "what_we_learned": (
                            "<p>Organisers said the volume of international attention gave them "
                            "courage and, they believed, some protection. The campaign worked because "
                            "it was theirs: their hashtag, their timing, their call. Our job was to "
                            "multiply it, and to take care not to expose anyone.</p>"
                        ),
                    },
                ),
                (
                    "quote",
                    {
                        "quote": (
                            "When the internet came back, the first thing we saw was people holding "
                            "our slogan in cities we had never been to. We were not alone any more."
                        ),
                        "speaker": "A student organiser",
                        "role": "Member of a grassroots movement, composite testimony",
                        "consent": True,
                        "consent_note": COMPOSITE_CONSENT,
                    },
                ),
            ],
        },
    ),
    (
        "do_dont",
        {
            "title": "Solidarity",
            "dos": [
                "Ask movements what they need before acting",
                "Use their hashtags, language and timing",
                "Credit and link to them; send attention their way",
                "Check every image for faces and identifying details",
            ],
            "donts": [
                "Rebrand a grassroots campaign as ours",
                "Post protesters' faces without their agreement",
                "Speak for a movement without asking it",
                "Keep posting when organisers ask us to go quiet",
            ],
        },
    ),
    (
        "callout",
        {
            "tone": "info",
            "title": "Keep a direct line",
            "body": (
                "<p>Solidarity depends on trust built before a crisis. Regional offices should know "
                "the organisers and have a secure way to reach them. If you do not have that line, "
                "ask the regional office before posting.</p>"
            ),
        },
    ),
    (
        "reflection",
        {
            "prompt": (
                "Which grassroots groups work on the issues you cover? What do you know about what "
                "they want from international organisations, and how could you find out?"
            ),
            "guidance": "Name the groups, and the colleague who knows them best.",
        },
    ),
    (
        "key_takeaways",
        {
            "title": "Key takeaways",
            "items": [
                "Movements lead; we amplify on their terms",
                "Ask what they need, including whether to stay silent",
                "Use their words, hashtags and timing, and credit them",
                "International attention can protect and can endanger: check with them",
            ],
        },
    ),
]

PLATFORM_ACCOUNTABILITY = [
    (
        "paragraph",
        "<p>Social platforms are where many of our stories are told, and where many activists "
        "are harassed, silenced or put under surveillance. The companies that run them make "
        "decisions that shape what billions of people can say and see. Like governments, they "
        "have <b>human-rights responsibilities</b>, and campaigns can hold them to account.</p>",
    ),
    ("heading", {"text": "What we ask platforms to do", "level": "h2"}),
    (
        "paragraph",
        "<ul>"
        "<li><b>Moderate fairly in every language</b>, with enough moderators who know the "
        "language and context, not only English.</li>"
        "<li><b>Protect human-rights defenders</b> from coordinated harassment and from mass false "
        "reporting that gets their accounts suspended.</li>"
        "<li><b>Be transparent</b> about how content is ranked and removed, and about government "
        "requests for data or takedowns.</li>"
        "<li><b>Respect privacy</b>: limit surveillance-based advertising and protect users' data.</li>"
        "<li><b>Provide remedy</b>: appeals that work, within a reasonable time.</li>"
        "</ul>",
    ),
    ("heading", {"text": "How accountability campaigns work", "level": "h2"}),
    (
        "paragraph",
        "<p>Accountability campaigns towards platforms combine several kinds of pressure:</p>"
        "<ul>"
        "<li><b>Evidence</b>: documented cases, with consent, showing a pattern rather than a "
        "single incident.</li>"
        "<li><b>Direct engagement</b>: meetings with policy and trust-and-safety teams, with "
        "specific asks and deadlines.</li>"
        "<li><b>Public pressure</b>: users, creators and partners asking publicly for change, "
        "often on the platform itself.</li>"
        "<li><b>Regulation</b>: working with lawmakers and regulators where laws are being written.</li>"
        "</ul>",
    ),
    (
        "case_study",
        {
            "title": "Moderation in a language the platform ignored (composite example)",
            "context": (
                "<p>Activists writing in a widely spoken regional language reported that hate speech "
                "against them stayed online for weeks, while their own posts were removed by "
                "automated systems. <i>This is a composite example; details have been changed.</i></p>"
            ),
            "what_happened": (
                "<p>With partners, we collected and verified dozens of cases with the consent of "
                "those affected, and met the platform's policy team with three specific asks. When "
                "progress stalled, creators who wrote in that language posted about their own "
                "experiences, and the evidence was shared with regulators.</p>"
            ),
            "what_we_learned": (
                "<p>The platform committed to hiring moderators for the language and to a faster "
                "appeals route for human-rights defenders. Evidence opened the door; public pressure "
                "and regulators kept it open. Monitoring whether commitments are kept is part of the "
                "campaign.</p>"
            ),
        },
    ),
    (
        "checklist",
        {
            "title": "Documenting a platform harm",
            "items": [
                "Record links, dates, screenshots and account names",
                "Note what was reported, when, and what the platform replied",
                "Get consent from the people affected before using their cases",
                "Look for patterns across cases, languages and countries",
                "Store evidence securely, as the data protection policy requires",
            ],
        },
    ),
    (
        "do_dont",
        {
            "title": "Campaigning towards platforms",
            "dos": [
                "Base every ask on documented evidence",
                "Make specific, measurable asks with a timeline",
                "Work with creators and users who experience the harm",
            ],
            "donts": [
                "Rely on a single viral incident as proof",
                "Share screenshots that expose the people harmed",
                "Stop once a commitment is made, without checking it is kept",
            ],
        },
    ),
    (
        "reflection",
        {
            "prompt": (
                "What is one platform problem that affects the people you work with? What evidence "
                "would you need to show it is a pattern?"
            ),
            "guidance": "Think about the language, the country and who is most affected.",
        },
    ),
    (
        "key_takeaways",
        {
            "title": "Key takeaways",
            "items": [
                "Platforms have human-rights responsibilities, as governments do",
                "Ask for fair moderation in every language, protection for defenders, "
                "transparency and remedy",
                "Combine evidence, direct engagement, public pressure and regulation",
                "Check that commitments are kept",
            ],
        },
    ),
]

COURSE = {
    "course_code": "STO-101",
    "title": "Human-rights storytelling",
    "slug": "human-rights-storytelling",
    "summary": (
        "How to tell human-rights stories people believe and share: authentic voices, hopeful "
        "framing, news-driven content, consent and dignity, solidarity with movements, and "
        "campaigns that hold platforms to account."
    ),
    "learning_objectives": (
        "<ul>"
        "<li>Put the voices of people closest to a story ahead of the official voice</li>"
        "<li>Frame stories around shared values, agency and the possibility of change</li>"
        "<li>Join news conversations with evidence, guided by social listening</li>"
        "<li>Obtain informed consent and protect the dignity and safety of the people featured</li>"
        "<li>Show solidarity with grassroots movements on their terms</li>"
        "<li>Explain how accountability campaigns towards platforms work</li>"
        "</ul>"
    ),
    "audience": (
        "Everyone who writes, films, posts or approves content for the organisation: "
        "campaigners, communications officers, researchers and regional office staff."
    ),
    "validity_months": None,
    "certificate_enabled": True,
    "cover": {
        "title": "Course cover: Human-rights storytelling",
        "filename": "sto-101-cover.png",
        "motif": "voices",
        "background": (16, 42, 67),
        "colours": ((244, 162, 97), (42, 157, 143), (233, 196, 106)),
        "alt": (
            "Illustration of three overlapping speech bubbles in orange, teal and yellow "
            "on a dark blue background."
        ),
    },
    "modules": [
        {
            "slug": "authentic-voices",
            "title": "Authentic voices over the official voice",
            "estimated_minutes": 12,
            "body": AUTHENTIC_VOICES,
        },
        {
            "slug": "hopeful-framing",
            "title": "Hope is a strategy: positive framing",
            "estimated_minutes": 12,
            "body": HOPEFUL_FRAMING,
        },
        {
            "slug": "news-and-social-listening",
            "title": "News-driven content and social listening",
            "estimated_minutes": 15,
            "body": NEWS_AND_LISTENING,
        },
        {
            "slug": "consent-and-dignity",
            "title": "Consent and dignity",
            "estimated_minutes": 15,
            "body": CONSENT_AND_DIGNITY,
        },
        {
            "slug": "solidarity",
            "title": "Solidarity with grassroots movements",
            "estimated_minutes": 12,
            "body": SOLIDARITY,
        },
        {
            "slug": "platform-accountability",
            "title": "Holding platforms to account",
            "estimated_minutes": 12,
            "body": PLATFORM_ACCOUNTABILITY,
        },
    ],
}
