"""Demo course INF-101, "Working with influencers", as data.

Each module body is a list of (block_type, value) tuples in the shape of courses/blocks.py;
demo/site.py validates and publishes them. Quotes are composite testimonies and case
studies composite examples, and they say so: no real person is quoted."""

from demo.common import COMPOSITE_CONSENT

WHY_INFLUENCERS = [
    (
        "paragraph",
        "<p>For most of our history, our public voice has been an <b>institutional</b> one: press "
        "releases, reports, statements signed by the organisation. That voice still matters. "
        "Journalists, courts and governments need our evidence in that form. But on social "
        "platforms, a growing share of people simply scroll past it.</p>"
        "<p>This module explains why partnering with influencers and creators can carry our work "
        "to people our own accounts do not reach, and what those partnerships can and cannot do.</p>",
    ),
    ("heading", {"text": "People tire of the official voice", "level": "h2"}),
    (
        "paragraph",
        "<p>Audiences, and especially people aged 16 to 34, follow <b>people</b>, not "
        "organisations. They are used to content that talks to them directly, in their own "
        "slang, from someone's bedroom, kitchen or street. Next to that, a statement that "
        'begins "The organisation is deeply concerned" sounds like a notice pinned to a '
        "noticeboard.</p>"
        "<p>There are three reasons this matters for us:</p>"
        "<ul>"
        "<li><b>Fatigue.</b> People have heard official voices, from governments, companies and "
        "charities, for years. Many have learned to tune them out.</li>"
        "<li><b>Distance.</b> An institutional account can sound as if it is talking about people, "
        "not with them. That distance is exactly what our opponents exploit when they call "
        "human rights a foreign or elite concern.</li>"
        "<li><b>Algorithms.</b> Platforms reward content that starts conversations. Personal, "
        "conversational posts travel further than announcements.</li>"
        "</ul>",
    ),
    ("heading", {"text": "What influencers bring", "level": "h2"}),
    (
        "paragraph",
        "<p>An influencer is anyone whose audience trusts them enough to act on what they say. "
        "That can be a celebrity, but far more often it is a student vlogger, a football "
        "commentator, a nurse who explains health news, a poet or a gamer. What they bring:</p>"
        "<ul>"
        "<li><b>Built-in trust.</b> Their followers chose them, often over years. When they "
        "speak about an issue, it arrives as advice from someone familiar, not as a campaign.</li>"
        "<li><b>Reach into new audiences.</b> A comedian's followers are rarely our supporters "
        "already. That is the point.</li>"
        "<li><b>Fluency.</b> Creators know their platform's formats, humour and timing far "
        "better than any institution can.</li>"
        "<li><b>Context.</b> Local creators know which words land in their language and which "
        "will be twisted against them.</li>"
        "</ul>",
    ),
    (
        "quote",
        {
            "quote": (
                "I don't follow organisations. I follow people who explain things the way my friends "
                "would. When a creator I watch talked about students being detained after a protest, "
                "it was the first time I actually looked it up."
            ),
            "speaker": "A 22-year-old student in Mexico City",
            "role": "Participant in an audience focus group",
            "consent": True,
            "consent_note": COMPOSITE_CONSENT,
        },
    ),
    ("heading", {"text": "What influencers are not", "level": "h2"}),
    (
        "paragraph",
        "<p>Influencers are <b>partners, not megaphones</b>. They are not there to read out our "
        "press release, and they are not our spokespeople: they speak for themselves. They do not "
        "replace research, legal analysis or advocacy with decision-makers; they carry that work "
        "to people who would otherwise never hear of it. And they have their own reputations, "
        "incomes and safety at stake, which we must respect.</p>",
    ),
    (
        "callout",
        {
            "tone": "tip",
            "title": "Smaller accounts often work better",
            "body": (
                "<p>Creators with 10,000 to 100,000 followers (often called micro-influencers) "
                "usually have closer relationships with their audience, higher engagement and more "
                "time for a real partnership than celebrities. Several of them together can reach "
                "more of the right people than one famous name.</p>"
            ),
        },
    ),
    (
        "case_study",
        {
            "title": "A report launch that finally reached young people (composite example)",
            "context": (
                "<p>A regional office published research on the policing of student protests. Our "
                "own channels reached journalists and existing supporters, but almost nobody under "
                "25, the people most affected. <i>This case study combines several campaigns; "
                "details have been changed.</i></p>"
            ),
            "what_happened": (
                "<p>A week before launch, four creators (a comedian, a student-life vlogger, a "
                "street photographer and a musician) were briefed on the key findings and spent "
                "half an hour with the lead researcher. Each made Stories or short videos in their "
                "own style. None used our wording.</p>"
            ),
            "what_we_learned": (
                "<p>The creators' videos were shared far more than the organisation's launch post, "
                "and most of the questions in their comments were about what young people could do. "
                "The time with the researcher mattered more than any script: creators who "
                "understood the issue explained it with confidence.</p>"
            ),
        },
    ),
    (
        "do_dont",
        {
            "title": "Deciding whether an influencer partnership fits",
            "dos": [
                "Start from the audience you need to reach and ask who they already listen to",
                "Treat creators as experts on their audience",
                "Combine their content with our research and advocacy",
                "Budget time for the relationship, not only for the posts",
            ],
            "donts": [
                "Use influencers to repeat an official statement word for word",
                "Choose someone for their follower count alone",
                "Expect one post to change minds on its own",
                "Approach creators days before a launch with no time to build trust",
            ],
        },
    ),
    (
        "reflection",
        {
            "prompt": (
                "Think of the last campaign you worked on. Who were you trying to reach, and who "
                "do those people already listen to online?"
            ),
            "guidance": (
                "Name two or three kinds of voices, not necessarily famous ones. You will use your "
                "answer again in the module on choosing partners."
            ),
        },
    ),
    (
        "key_takeaways",
        {
            "title": "Key takeaways",
            "items": [
                "Many people, especially aged 16 to 34, tune out the official institutional voice",
                "Influencers bring built-in trust, reach into new audiences and fluency in their platform",
                "They are partners who speak for themselves, not megaphones for our statements",
                "Influencer work complements research and advocacy; it does not replace them",
            ],
        },
    ),
]

CHOOSING_PARTNERS = [
    (
        "paragraph",
        "<p>The right partner is not the most famous one. It is the person whose <b>audience</b> "
        "you need to reach, whose <b>values</b> fit ours, and who can work with us "
        "<b>safely</b>. This module walks through how to find them and what to check before you "
        "send the first message.</p>",
    ),
    ("heading", {"text": "Start with the audience, not the influencer", "level": "h2"}),
    (
        "paragraph",
        "<p>Write down who you need to reach before you look at a single profile: age, country, "
        "language, interests, and what you hope they will do. For most of our youth work the "
        "audience is people aged <b>16 to 34</b>, and the platforms where they spend time "
        "are, in most of the countries where we work, <b>Instagram and YouTube</b>, with "
        "short-video apps close behind. Check this for your own country: it changes fast.</p>"
        "<p>Then ask creators for their audience data. Instagram and YouTube both show "
        "creators the age, country and gender of their audience; ask for screenshots. A creator "
        "with two million followers mostly in another country, or mostly over 45, may be the "
        "wrong partner for this campaign however good their content is.</p>",
    ),
    ("heading", {"text": "Values fit", "level": "h2"}),
    (
        "paragraph",
        "<p>Our credibility travels with every partner. Look at what they have said and done, "
        "not only at what they post about us:</p>"
        "<ul>"
        "<li>Have they attacked or mocked women, LGBTI people, refugees, religious or ethnic "
        "minorities, or any group whose rights we defend?</li>"
        "<li>Do they promote brands, governments or causes that conflict with our work, for "
        "example a tourism campaign for a government we are criticising?</li>"
        "<li>Are they consistent? A sudden interest in a cause can be real, but ask why.</li>"
        "</ul>"
        "<p>Nobody has a perfect record, and people change. If you find something, talk about "
        "it openly with the creator and your manager rather than ignoring it or rejecting them "
        "without a conversation.</p>",
    ),
    ("heading", {"text": "Due diligence, step by step", "level": "h2"}),
    (
        "checklist",
        {
            "title": "Before you approach a creator",
            "items": [
                "Review at least twelve months of posts, videos and Story highlights",
                "Search their name with words like scandal, fake, paid or banned, in every relevant language",
                "Look for fake followers: sudden jumps, low engagement for the size, "
                "generic or off-topic comments",
                "Ask for audience demographics from their own analytics",
                "List their current and past brand, political and government partnerships",
                "Ask colleagues in the regional office what they know of the creator",
                "Consider the creator's own risk: could working with us endanger them where they live?",
                "Record what you checked, when and what you found in the partnership file",
            ],
        },
    ),
    (
        "callout",
        {
            "tone": "important",
            "title": "Their safety is part of due diligence",
            "body": (
                "<p>In some countries, being seen with a human-rights organisation can bring "
                "surveillance, legal threats, loss of income or worse. Talk to your regional "
                "security focal point before approaching creators in high-risk contexts, explain "
                "the risks honestly, and let the creator decide with full information.</p>"
            ),
        },
    ),
    ("heading", {"text": "Kinds of partner", "level": "h2"}),
    (
        "paragraph",
        "<ul>"
        "<li><b>Nano and micro creators</b> (up to about 100,000 followers): close communities, "
        "high trust, often local. Good for depth and for reaching a specific city or group.</li>"
        "<li><b>Mid-tier and large creators</b>: reach and visibility, higher fees, less time "
        "for co-creation.</li>"
        "<li><b>Expert creators</b>: lawyers, doctors, teachers or journalists who explain "
        "things online. Good for complex issues.</li>"
        "<li><b>Activist creators</b>: people already campaigning on the issue. Powerful, but "
        "often the most exposed to risk.</li>"
        "</ul>",
    ),
    (
        "quote",
        {
            "quote": (
                "The first thing I ask a new partner is not how much they charge but why this "
                "issue. If the answer is real, the content will be too."
            ),
            "speaker": "A partnerships lead in a regional office",
            "role": "Campaigns staff",
            "consent": True,
            "consent_note": COMPOSITE_CONSENT,
        },
    ),
    (
        "do_dont",
        {
            "title": "Approaching creators",
            "dos": [
                "Pay creators fairly for their work, with a written agreement",
                "Ask what has worked with their audience before",
                "Be honest about our positions their audience may dislike",
                "Talk to the creator directly, not only through an agency",
            ],
            "donts": [
                "Expect creators to work for free for the cause by default",
                "Rely on follower counts or one viral post",
                "Hide parts of our work that might cause them trouble later",
                "Approach creators in high-risk countries without a security conversation",
            ],
        },
    ),
    (
        "reflection",
        {
            "prompt": (
                "Pick one creator you think could carry a campaign you know well. Using the "
                "checklist above, what would you need to check before approaching them, and what "
                "could make the partnership risky for them?"
            ),
            "guidance": "List the checks in the order you would do them.",
        },
    ),
    (
        "key_takeaways",
        {
            "title": "Key takeaways",
            "items": [
                "Define the audience first: for youth work often 16 to 34, on Instagram and YouTube",
                "Ask creators for audience data instead of trusting follower counts",
                "Check values fit and past partnerships, and talk openly about what you find",
                "The creator's own safety is part of due diligence",
                "Write down what you checked, so others can rely on it",
            ],
        },
    ),
]

BRIEFING = [
    (
        "paragraph",
        "<p>A good brief gives a creator three things: <b>the facts</b>, <b>the boundaries</b> "
        "and <b>the freedom</b> to say it their way. Too little and the content may be wrong or "
        "unsafe; too much and it reads like an advert, which their audience will spot at once.</p>",
    ),
    ("heading", {"text": "What goes in a brief", "level": "h2"}),
    (
        "checklist",
        {
            "title": "A one-page brief",
            "items": [
                "The issue in two sentences, and why it matters now",
                "The audience and the one thing we hope they will do: learn, sign, share or show up",
                "Three key facts with their sources, checked by the research team",
                "Words to use and words to avoid, for example people seeking asylum rather than illegals",
                "What must never be shown: faces of people at risk, locations, identifying details",
                "The disclosure wording every post must carry",
                "Dates, formats and a named contact who answers within a day",
                "What we will review (facts and safety) and what we will not (their style)",
            ],
        },
    ),
    ("heading", {"text": "Platform-native formats", "level": "h2"}),
    (
        "paragraph",
        "<p>Content works when it looks like it belongs on the platform. Ask creators which "
        "formats their audience responds to, and plan with these in mind:</p>"
        "<ul>"
        "<li><b>Instagram Stories</b>: vertical, a few seconds per frame, gone in a day unless "
        "saved as a highlight. The first frame must make people stop. Poll, quiz and question "
        "stickers turn watching into a conversation; a link sticker can lead to an action.</li>"
        "<li><b>Short video</b> (Reels, YouTube Shorts and similar): the first two seconds "
        "decide whether anyone keeps watching. One idea per video, a person talking to camera, "
        "captions on screen.</li>"
        "<li><b>Long-form YouTube</b>: explainers, interviews with a researcher, a creator "
        "following a story over time.</li>"
        "<li><b>Lives</b>: a question-and-answer session with one of our experts, with a "
        "moderator watching the comments.</li>"
        "</ul>",
    ),
    (
        "callout",
        {
            "tone": "tip",
            "title": "Captions are not optional",
            "body": (
                "<p>Many people watch with the sound off, and people who are deaf or hard of "
                "hearing rely on captions. Ask for burned-in captions on every video and text "
                "descriptions on images, in the language of the audience.</p>"
            ),
        },
    ),
    ("heading", {"text": "Co-creation, not sign-off", "level": "h2"}),
    (
        "paragraph",
        "<p>The best partnerships start with a conversation, not a document. Invite creators to "
        "a call with a researcher, or, with their consent and with care, with people affected by "
        "the issue. Let the creator propose the format. When drafts come back, review "
        "<b>facts and safety</b>, not tone or jokes. Aim for one round of feedback, and agree in "
        "advance how quickly you will reply: news moves fast, and a post that waits a week for "
        "approval may no longer be relevant.</p>",
    ),
    (
        "case_study",
        {
            "title": "The Stories series on phone surveillance (composite example)",
            "context": (
                "<p>A campaign on spyware used against journalists needed to explain a technical "
                "issue to young audiences. <i>This case study combines several partnerships; "
                "details have been changed.</i></p>"
            ),
            "what_happened": (
                "<p>The first brief was six pages long and included a script. The creator's draft "
                "sounded like an advert, and we all knew it. We started again with a thirty-minute "
                "call between the creator and a technologist. The creator then made a five-frame "
                'Stories series called "I checked my own phone", ending with a quiz sticker. We '
                "reviewed the facts only.</p>"
            ),
            "what_we_learned": (
                "<p>The second series drew many times more replies than the first. The creator's "
                "own curiosity was the story. Scripts kill authenticity; access to experts "
                "builds it.</p>"
            ),
        },
    ),
    (
        "do_dont",
        {
            "title": "Briefing a creator",
            "dos": [
                "Share the key facts and sources, then let them use their own voice",
                "Offer time with a researcher or campaigner",
                "Agree formats, dates and turnaround times in writing",
                "Review for facts and safety only",
            ],
            "donts": [
                "Send a script to read word for word",
                "Ask for our logo or hashtag in every frame",
                "Send several rounds of edits from different colleagues",
                "Share material that could identify people at risk",
            ],
        },
    ),
    (
        "reflection",
        {
            "prompt": (
                "Rewrite one key message from a current campaign as the first frame of an "
                "Instagram Story: no more than twelve words, spoken by a person, not by an "
                "organisation."
            ),
            "guidance": "Read it aloud. Would a friend say it like that?",
        },
    ),
    (
        "key_takeaways",
        {
            "title": "Key takeaways",
            "items": [
                "A brief gives facts, boundaries and freedom, on one page",
                "Plan for the platform: Stories, short video, long-form and Lives each work differently",
                "Captions and text descriptions on everything",
                "Co-create: access to experts beats any script",
                "Review for facts and safety, quickly, once",
            ],
        },
    ),
]

DISCLOSURE = [
    (
        "paragraph",
        "<p>We ask governments and companies to be transparent. We must hold ourselves to the "
        "same standard. When we support a creator's content, with money or in any other way, "
        "their audience has a right to know.</p>"
        "<p>Hidden partnerships also backfire. When they come to light, and they usually do, they "
        "damage the creator's relationship with their audience and hand our opponents a story "
        "about secret foreign money. Clear disclosure protects everyone.</p>",
    ),
    ("heading", {"text": "What counts as a partnership", "level": "h2"}),
    (
        "paragraph",
        "<p>Disclose whenever the creator has received <b>anything of value</b> from us or has "
        "worked with us on the content:</p>"
        "<ul>"
        "<li>a fee, or payment of expenses or travel;</li>"
        "<li>gifts, equipment or exclusive access, for example to a researcher or a field visit;</li>"
        "<li>a brief, a script, or our review of the content before it went out.</li>"
        "</ul>"
        "<p>If a creator posts about our work entirely on their own, with no contact from us, no "
        "disclosure is needed; but if we then share or promote their post, say so on our side.</p>",
    ),
    ("heading", {"text": "How to disclose", "level": "h2"}),
    (
        "paragraph",
        "<ul>"
        "<li>Use the platform's own label: the <b>paid partnership</b> label on Instagram, the "
        "<b>paid promotion</b> setting on YouTube, and their equivalents elsewhere.</li>"
        "<li>Also say it in words, at the <b>start</b> of the caption and in the audience's "
        'language: "Paid partnership with…" or "Made in partnership with…".</li>'
        "<li>In videos, say it out loud as well as on screen.</li>"
        "<li>In a Stories series, show it on the first frame and keep it visible.</li>"
        '<li>Never hide it among hashtags at the end, or behind a "more" link.</li>'
        "</ul>",
    ),
    (
        "callout",
        {
            "tone": "important",
            "title": "The rules differ by country",
            "body": (
                "<p>Advertising law and rules on political or issue-based content vary. Some "
                "countries restrict foreign-funded advocacy or require registration, and many "
                "tighten rules around elections. Check with the legal team and the regional "
                "office before agreeing any paid partnership.</p>"
            ),
        },
    ),
    (
        "checklist",
        {
            "title": "Disclosure check before anything goes live",
            "items": [
                "The written agreement requires disclosure and gives the exact wording",
                "The platform's partnership label is switched on",
                "The disclosure is in the first line of the caption, in the right language",
                "Videos say it out loud; Stories show it on the first frame",
                "Our own reposts say that the content was made in partnership",
                "Legal and the regional office have confirmed local rules",
            ],
        },
    ),
    (
        "case_study",
        {
            "title": "When the label was missing (composite example)",
            "context": (
                "<p>A creator posted a well-received video about the rights of domestic workers, "
                "made with our support. In the rush of launch day, the partnership label was left "
                "off. <i>This is a composite example; details have been changed.</i></p>"
            ),
            "what_happened": (
                "<p>Within a day, accounts hostile to the campaign claimed the creator was secretly "
                "paid by a foreign organisation. We replied publicly, with the creator's agreement, "
                "saying that the video was a paid partnership and why we work with creators, and "
                "the creator added the label and a pinned comment.</p>"
            ),
            "what_we_learned": (
                "<p>Openness took the heat out of the story within hours; silence would have fed "
                "it. We now check the label as part of every pre-publication review, and the "
                "agreement template names the exact wording.</p>"
            ),
        },
    ),
    (
        "do_dont",
        {
            "title": "Disclosure",
            "dos": [
                "Disclose every paid or supported post, clearly and early",
                "Explain publicly, if asked, why we work with creators",
                "Put the disclosure wording in the agreement",
            ],
            "donts": [
                "Rely on #ad buried among other hashtags",
                "Ask a creator to present supported content as spontaneous",
                "Assume the rules in one country apply in another",
            ],
        },
    ),
    (
        "reflection",
        {
            "prompt": (
                'A follower asks under a creator\'s post: "Are you being paid to say this?" '
                "Write the reply you would want the creator, or our account, to give."
            ),
            "guidance": "Two or three sentences, honest and friendly.",
        },
    ),
    (
        "key_takeaways",
        {
            "title": "Key takeaways",
            "items": [
                "Transparency is a human-rights value: we disclose what we ask others to disclose",
                "Anything of value, or our input on the content, means it must be disclosed",
                "Use the platform label and plain words at the start of the post",
                "Hidden partnerships feed stories of secret foreign money",
                "Check local rules with legal and the regional office",
            ],
        },
    ),
]

SAFETY = [
    (
        "paragraph",
        "<p>Creators who speak about human rights become targets. Women, LGBTI people, "
        "racialised creators and anyone working in a repressive context face the worst of it. "
        "When we invite someone to speak with us, we share responsibility for what follows. "
        "This module covers how to prepare, what to do when a partner is attacked, and how to "
        "look after the people involved, including yourself.</p>",
    ),
    ("heading", {"text": "What online harassment can look like", "level": "h2"}),
    (
        "paragraph",
        "<ul>"
        "<li><b>Pile-ons</b>: hundreds of hostile comments within hours, often coordinated.</li>"
        "<li><b>Doxxing</b>: publishing someone's address, workplace or family details.</li>"
        "<li><b>Threats</b>, including sexualised threats and threats against family.</li>"
        "<li><b>Smears</b>: claims of foreign funding, fake screenshots, manipulated video.</li>"
        "<li><b>Impersonation</b> and <b>mass false reporting</b> to get accounts suspended.</li>"
        "<li><b>Legal and state pressure</b>: summonses, raids, travel bans.</li>"
        "</ul>",
    ),
    (
        "content_note",
        {
            "note": (
                "This section quotes examples of abusive and threatening messages, with slurs "
                "removed. It does not describe violence."
            ),
            "content": [
                (
                    "paragraph",
                    "<p>These messages are typical of what one creator received after posting about "
                    "the rights of refugees. They are shortened and anonymised:</p>"
                    "<ul>"
                    '<li>"You\'re paid by foreigners to betray your own country."</li>'
                    '<li>"Delete this or your family will see what you really are."</li>'
                    '<li>"We know which café you film in. Be careful."</li>'
                    "<li>The same insult, posted two hundred times from new accounts "
                    "with no profile pictures.</li>"
                    "</ul>"
                    "<p>Notice the patterns: claims of foreign funding, threats that involve family, a "
                    "hint that the sender knows where the person is, and coordinated repetition. The "
                    "last two are signs that the harassment may move offline and needs an urgent "
                    "safety response, not only moderation.</p>",
                ),
                (
                    "quote",
                    {
                        "quote": (
                            "The worst part wasn't the messages. It was not knowing whether anyone at "
                            "the organisation had seen them. When someone called me that evening and "
                            "asked what I needed, I could breathe again."
                        ),
                        "speaker": "A creator in Beirut",
                        "role": "Partner in a refugee-rights campaign",
                        "consent": True,
                        "consent_note": COMPOSITE_CONSENT,
                    },
                ),
            ],
        },
    ),
    ("heading", {"text": "Before: prepare together", "level": "h2"}),
    (
        "checklist",
        {
            "title": "Safety plan before the first post",
            "items": [
                "Agree who watches the comments, and for how long after each post",
                "Turn on two-step verification on every account involved",
                "Remove home address, phone number and family photos from public profiles",
                "Set up comment filters with abusive keywords in the relevant languages",
                "Agree a contact who can be reached at any hour, and how to escalate",
                "Agree when to limit comments, pause or delete, and that the creator can always stop",
                "Offer the wellbeing support the partnership agreement provides",
                "Talk through the attacks that are likely, so nothing comes as a shock",
            ],
        },
    ),
    ("heading", {"text": "During: when an influencer is attacked", "level": "h2"}),
    (
        "paragraph",
        "<ol>"
        "<li><b>Call them privately first.</b> Ask how they are and what they need. Do not "
        "decide for them.</li>"
        "<li><b>Document before anything is removed</b>: screenshots with dates, links and "
        "account names. Reporting can make evidence disappear.</li>"
        "<li><b>Report and escalate</b> through the platforms' reporting tools, and through "
        "any trusted-partner channel our digital team has.</li>"
        "<li><b>Assess offline risk</b> with the security focal point. Threats that mention a "
        "location, or published personal details, need a physical safety plan.</li>"
        "<li><b>Decide the public response together.</b> A statement of support can help; it can "
        "also amplify the attack. The person targeted has the deciding voice.</li>"
        "<li><b>Do not argue with trolls</b> from official accounts without an agreed plan.</li>"
        "</ol>",
    ),
    (
        "do_dont",
        {
            "title": "Responding to an attack",
            "dos": [
                "Reach out to the person privately and quickly",
                "Keep a dated record of the abuse",
                "Involve the security focal point when threats mention places or family",
                "Let the person targeted decide what is said in public",
            ],
            "donts": [
                "Tell them to ignore it or to stay offline",
                "Post a statement about them without their agreement",
                "Reply to abusive accounts from official channels on impulse",
                "Share screenshots of the abuse more widely than needed",
            ],
        },
    ),
    ("heading", {"text": "After: look after people, including yourself", "level": "h2"}),
    (
        "paragraph",
        "<p>When things calm down, hold a short debrief with the creator: what helped, what did "
        "not, whether they want to continue. Thank them. Harassment can leave a mark long after "
        "the comments stop, so make sure they know the support on offer is still there.</p>",
    ),
    (
        "callout",
        {
            "tone": "info",
            "title": "Your own wellbeing",
            "body": (
                "<p>Reading and moderating abuse is exposure to harmful content. Share the work, "
                "limit the length of each session, take breaks, and tell your manager when it "
                "gets heavy. The staff wellbeing programme is confidential and open to you.</p>"
            ),
        },
    ),
    (
        "reflection",
        {
            "prompt": (
                "If a creator you work with received a threat mentioning their neighbourhood "
                "tonight, who would you call first, and do you have their number?"
            ),
            "guidance": (
                "If you do not know, find out this week: your regional security focal point and the "
                "escalation contact for the partnership."
            ),
        },
    ),
    (
        "key_takeaways",
        {
            "title": "Key takeaways",
            "items": [
                "Harassment of creators is predictable: plan for it before the first post",
                "Reach out privately first and let the person targeted decide",
                "Document before reporting; escalate threats that mention places or family",
                "A public response can help or amplify: agree it together",
                "Look after the people who read the abuse, including yourself",
            ],
        },
    ),
]

MEASURING = [
    (
        "paragraph",
        "<p>Views, likes and follower counts are easy to collect and pleasant to report. They "
        "are often called <b>vanity metrics</b> because they say little about whether anything "
        "changed. This module shows how to plan measurement that tells you whether a partnership "
        "moved people, and how to get the data you need from creators.</p>",
    ),
    ("heading", {"text": "Start with the change you want", "level": "h2"}),
    (
        "paragraph",
        "<p>Before the campaign, write one sentence: <i>after seeing this, we want these people "
        "to…</i> Then pick measures along the path from attention to change:</p>"
        "<ul>"
        "<li><b>Reach</b>: unique accounts reached in the right age group and country, not total "
        "impressions.</li>"
        "<li><b>Quality of engagement</b>: saves, shares, Story replies, answers to question "
        "stickers, how much of the video people watched, and comments that show understanding.</li>"
        "<li><b>Action</b>: petition signatures, sign-ups or event attendance, tracked with a "
        "link or code for each creator.</li>"
        "<li><b>Attitude</b>: a short poll before and after, or a careful reading of a sample of "
        "comments.</li>"
        "<li><b>Outcome</b>: decision-makers responding, media picking up the story, a policy "
        "changing. Here we speak of <i>contribution</i>, not proof.</li>"
        "</ul>",
    ),
    (
        "callout",
        {
            "tone": "tip",
            "title": "Ask for data before, not after",
            "body": (
                "<p>Creators' analytics are private to them. Agree in the contract which screenshots "
                "or exports they will share, for example after seven days and after thirty, so nobody "
                "has to chase them later.</p>"
            ),
        },
    ),
    (
        "checklist",
        {
            "title": "A measurement plan on one page",
            "items": [
                "The change we want, in one sentence",
                "Two or three measures that show it, with a baseline where possible",
                "A tracked link or code for each creator",
                "The analytics each creator will share, and when",
                "A sample of comments to read and code by hand",
                "A date for the review, and who will act on it",
            ],
        },
    ),
    (
        "case_study",
        {
            "title": "Two campaigns, two stories (composite example)",
            "context": (
                "<p>Two offices ran influencer campaigns for the same petition. <i>The campaigns are "
                "composites and the figures illustrative.</i></p>"
            ),
            "what_happened": (
                "<p>The first worked with one celebrity: about two million views and three hundred "
                "signatures. The second worked with eight local micro-creators: about one hundred and "
                "fifty thousand views, more than four thousand signatures and hundreds of comments "
                "asking how to help.</p>"
            ),
            "what_we_learned": (
                "<p>Judged on views, the first campaign won. Judged on the change we wanted, the "
                "second did, and its comments gave us a list of questions to answer in the next "
                "phase. Tracked links for each creator made the difference visible.</p>"
            ),
        },
    ),
    (
        "do_dont",
        {
            "title": "Reporting results",
            "dos": [
                "Report reach within the audience you aimed for",
                "Show actions and quotes from comments, not just totals",
                "Say what did not work and what you will change",
            ],
            "donts": [
                "Add up impressions across creators as if they were people",
                "Claim that one post caused a policy change",
                "Rank creators only by views when you share results with them",
            ],
        },
    ),
    (
        "reflection",
        {
            "prompt": (
                "Choose one objective from a campaign you know. Which single number would show that "
                "it worked, and how would you collect it?"
            ),
            "guidance": "If the honest answer is that you cannot collect it, name the best proxy.",
        },
    ),
    (
        "key_takeaways",
        {
            "title": "Key takeaways",
            "items": [
                "Views and likes are vanity metrics: useful, but not evidence of change",
                "Measure along the path: reach, quality of engagement, action, attitude, outcome",
                "Agree in the contract what data creators will share and when",
                "Use a tracked link or code per creator",
                "Speak of contribution, not proof, when outcomes change",
            ],
        },
    ),
]

TOOLKIT = [
    (
        "paragraph",
        "<p>This optional module collects practical material you can adapt: what to put in a "
        "partnership agreement, questions for a first call with a creator, and where to look "
        "for more. It is not needed to complete the course.</p>",
    ),
    ("heading", {"text": "What a partnership agreement should cover", "level": "h2"}),
    (
        "checklist",
        {
            "title": "Partnership agreement",
            "items": [
                "Scope: number and format of posts, platforms and dates",
                "Fee, expenses and when they are paid",
                "Disclosure: the exact wording and the platform label",
                "Review: what we check (facts and safety), and our turnaround time",
                "Use of the content on our channels, and for how long",
                "Safety and wellbeing support, and the escalation contact",
                "How either side can end the partnership, including after a crisis",
                "Personal data: what we hold about the creator and for how long",
            ],
        },
    ),
    ("heading", {"text": "Questions for a first call", "level": "h2"}),
    (
        "paragraph",
        "<ul>"
        "<li>Why does this issue matter to you?</li>"
        "<li>What has worked well with your audience before, and what has not?</li>"
        "<li>What would make you uncomfortable about working with us?</li>"
        "<li>Have you faced harassment before? What helped?</li>"
        "<li>Who else should we be talking to?</li>"
        "</ul>",
    ),
    ("heading", {"text": "A first message to a creator", "level": "h2"}),
    (
        "paragraph",
        "<p>Keep the first approach short, personal and honest. Adapt this example to your own "
        "words and language:</p>"
        "<p><i>Hi Amina, I work on the youth campaigns team at the organisation. I have followed "
        "your videos about studying abroad for a while, and your series on visa rules stayed with "
        "me. In March we are publishing research on how young migrants are treated at borders, "
        "and we are looking for two or three creators who might want to make something about it "
        "in their own way. It would be a paid partnership, clearly labelled. Would you be open to "
        "a twenty-minute call next week? There is no obligation, and I am happy to answer any "
        "questions about who we are and how we work first.</i></p>"
        "<p>Notice what it does: it shows you know their work, names the issue and the timing, "
        "says it is paid and disclosed, and leaves them free to say no.</p>",
    ),
    (
        "callout",
        {
            "tone": "tip",
            "title": "Write in their language",
            "body": (
                "<p>Approach creators in the language they make content in. Ask a colleague in the "
                "regional office to check the tone: a message that sounds warm in one language can "
                "sound stiff or pushy in another.</p>"
            ),
        },
    ),
    ("heading", {"text": "Further reading", "level": "h2"}),
    (
        "paragraph",
        "<ul>"
        "<li>The platforms' own help pages on branded content and paid partnership labels.</li>"
        "<li>Your country's advertising standards body's guidance on influencer marketing.</li>"
        "<li>The organisation's digital security guide: ask your regional security focal point.</li>"
        "<li>The course <b>Human-rights storytelling</b> in this catalogue, especially the "
        "module on consent and dignity.</li>"
        "</ul>",
    ),
    (
        "key_takeaways",
        {
            "title": "Key takeaways",
            "items": [
                "Put disclosure, safety and exit terms in every agreement",
                "A first call about motivation and risk saves trouble later",
                "A first message should be short, personal, honest about payment and easy to decline",
            ],
        },
    ),
]

COURSE = {
    "course_code": "INF-101",
    "title": "Working with influencers",
    "slug": "working-with-influencers",
    "summary": (
        "How to find, brief and support influencers and creators who can carry human-rights "
        "messages to audiences aged 16 to 34, safely, transparently and with results you can measure."
    ),
    "learning_objectives": (
        "<ul>"
        "<li>Explain why trusted creators reach people an institutional account cannot</li>"
        "<li>Choose partners whose values and audiences fit, after proper due diligence</li>"
        "<li>Brief creators to make platform-native content in their own voice</li>"
        "<li>Make sure every supported post is clearly disclosed</li>"
        "<li>Prepare for, and respond to, harassment of an influencer partner</li>"
        "<li>Measure what changed, beyond views and likes</li>"
        "</ul>"
    ),
    "audience": (
        "Campaigns, communications and youth engagement staff, and anyone in a regional office "
        "who plans or approves work with influencers and creators."
    ),
    "validity_months": 24,
    "certificate_enabled": True,
    "cover": {
        "title": "Course cover: Working with influencers",
        "filename": "inf-101-cover.png",
        "motif": "phone",
        "background": (46, 16, 101),
        "colours": ((255, 214, 102), (30, 30, 46), (255, 107, 107)),
        "alt": (
            "Illustration of a smartphone showing a row of story circles and a play button, "
            "on a deep purple background."
        ),
    },
    "modules": [
        {
            "slug": "why-influencers",
            "title": "Why work with influencers?",
            "estimated_minutes": 12,
            "body": WHY_INFLUENCERS,
        },
        {
            "slug": "choosing-partners",
            "title": "Choosing the right partners",
            "estimated_minutes": 15,
            "body": CHOOSING_PARTNERS,
        },
        {
            "slug": "briefing-and-co-creation",
            "title": "Briefing and co-creating platform-native content",
            "estimated_minutes": 15,
            "body": BRIEFING,
        },
        {
            "slug": "disclosure",
            "title": "Disclosure and transparency",
            "estimated_minutes": 10,
            "body": DISCLOSURE,
        },
        {
            "slug": "safety-and-wellbeing",
            "title": "Safety and wellbeing online",
            "estimated_minutes": 18,
            "body": SAFETY,
        },
        {
            "slug": "measuring-impact",
            "title": "Measuring impact beyond vanity metrics",
            "estimated_minutes": 12,
            "body": MEASURING,
        },
        {
            "slug": "toolkit",
            "title": "Toolkit and further reading (optional)",
            "estimated_minutes": 8,
            "required_for_completion": False,
            "body": TOOLKIT,
        },
    ],
}
