"""What `forum.seed` makes: the demo accounts it writes as, the categories, the
discussions (with a post waiting for approval and a flagged one) and the watched words."""

from accounts.constants import REGIONAL_SLUG

from .models import PostAccess, ReadAccess, WatchedWordAction

# The demo accounts (accounts/seed.py), by a short key used in the discussions below.
ACCOUNTS = {
    "trainer": "trainer@example.org",  # Maria Santos, ILO, Philippines
    "moderator": "moderator@example.org",  # Bat-Erdene Dorj, Mongolia
    "focal_kh": "focal.kh@example.org",  # Sokha Chan, focal point for Cambodia
    "focal_th": "focal.th@example.org",  # Pimchanok Srisuk, focal point for Thailand
    "learner": "learner@example.org",  # Somchai Wongsakul, workers' organization, Thailand
    "learner2": "learner2@example.org",  # Nguyễn Thị Lan, government, Viet Nam
}


PENDING_REASON = "A new member's first 2 posts are checked by a moderator."


ILO_SSE = "https://www.ilo.org/topics-and-sectors/social-and-solidarity-economy"


REGIONAL = {
    "name": "Regional",
    "description": "For everyone in the twelve countries: introduce yourself, share news and "
    "ask the questions that cross borders.",
}


# (slug, name, description, read access, post access)
THEMATIC = [
    (
        "announcements",
        "Announcements",
        "News from the programme team and the moderators: events, new courses and changes "
        "to the forum. Only moderators start topics here; everyone may read.",
        ReadAccess.PUBLIC,
        PostAccess.MODERATORS,
    ),
    (
        "sse-concepts",
        "SSE concepts",
        "What the social and solidarity economy is, and its seven features: economic "
        "activity, collective or general interest, voluntary cooperation, mutual aid, "
        "democratic governance, autonomy, and people before capital. Newcomers start here.",
        ReadAccess.PUBLIC,
        PostAccess.MEMBERS,
    ),
    (
        "cooperatives-and-mutuals",
        "Cooperatives and mutuals",
        "Running and governing cooperatives, mutual benefit societies and associations: "
        "membership, one member one vote, sharing surpluses.",
        ReadAccess.PUBLIC,
        PostAccess.MEMBERS,
    ),
    (
        "policy-and-law",
        "Policy and law",
        "For policymakers and everyone who works with them: laws, national strategies and "
        "drafts shared for comment. Members only: drafts posted here are not public.",
        ReadAccess.MEMBERS,
        PostAccess.MEMBERS,
    ),
    (
        "informal-economy",
        "The SSE and the informal economy",
        "Self-help groups, associations of informal-sector workers and home-based workers: "
        "how organizing together leads to decent work.",
        ReadAccess.PUBLIC,
        PostAccess.MEMBERS,
    ),
    (
        "women-and-youth",
        "Women and youth",
        "Women's cooperatives and savings groups, young people starting social enterprises: "
        "leadership, skills and care work.",
        ReadAccess.PUBLIC,
        PostAccess.MEMBERS,
    ),
    (
        "finance-and-markets",
        "Finance and markets",
        "Savings and credit, community finance, fair trade and selling what SSE entities "
        "make: where the money comes from and where the products go.",
        ReadAccess.PUBLIC,
        PostAccess.MEMBERS,
    ),
]


# The discussions. Each topic: (category slug, title, author key, days ago it started,
# pinned, posts). Each post: (author key, hours after the topic started, Markdown body,
# options). Bodies name people as {key} where an @mention is wanted: the seeder puts in
# the person's real handle. Options: "pending" (waits for approval), "flag" (one open flag).
TOPICS = [
    (
        "announcements",
        "How this forum works: moderation in plain words",
        "moderator",
        27,
        True,
        [
            (
                "moderator",
                0,
                "Welcome to the forum of the regional community of practice on the social "
                "and solidarity economy (SSE). A few things to know:\n\n"
                "- **Your first 2 posts are checked by a moderator** before others see them. "
                "After that, you post freely.\n"
                "- If a post is rude, off topic or advertising, use **Flag**. A moderator "
                "reviews every flag; a post flagged by three members is hidden until then.\n"
                "- National focal points moderate their country's category; the moderators "
                "look after the whole forum.\n"
                "- Write in the language you are comfortable with, and add a short English "
                "summary if you want people from other countries to follow.\n\n"
                "Questions about the rules? Reply here.",
                {},
            ),
        ],
    ),
    (
        REGIONAL_SLUG,
        "Welcome! Introduce yourself and your organization",
        "moderator",
        26,
        True,
        [
            (
                "moderator",
                0,
                "Hello everyone, and welcome to the regional category. Tell us:\n\n"
                "1. who you are and where you work,\n"
                "2. your country,\n"
                "3. one SSE organization you admire, and why.\n\n"
                "I start: I am Bat-Erdene, from the Mongolian Cooperative Alliance in "
                "Ulaanbaatar. I admire the herders' cooperatives that share pasture and "
                "sell cashmere together instead of one family at a time.",
                {},
            ),
            (
                "trainer",
                3,
                "Hi all, Maria from the ILO, based in Manila. I run the course on this "
                "platform. In the Philippines I admire the mutual benefit associations: "
                "members insure each other where no insurer goes.\n\n"
                "If you are new to the topic, the ILO page on the "
                f"[social and solidarity economy]({ILO_SSE}) is a good start.",
                {},
            ),
            (
                "focal_kh",
                20,
                "Sokha, national focal point for Cambodia, at the Ministry of Labour and "
                "Vocational Training. I admire our community-based savings groups: mostly "
                "women, with their own rules and their own money.",
                {},
            ),
            (
                "focal_th",
                26,
                "Pimchanok, focal point for Thailand (Ministry of Labour). My pick: the "
                "community enterprises in the north that process and sell local products "
                "together. Happy to connect anyone working on them.",
                {},
            ),
        ],
    ),
    (
        REGIONAL_SLUG,
        "The seven features in the mapping studies: what was hardest to find?",
        "trainer",
        18,
        False,
        [
            (
                "trainer",
                0,
                "The phase-2 mapping studies in Cambodia, Kyrgyzstan, Lao PDR, Mongolia, "
                "Thailand and Viet Nam looked for entities that practise the **seven "
                "features** of the SSE, or some of them. Before the regional webinar, I "
                "would like to hear from the focal points:\n\n"
                "- Which feature was the hardest to find in practice?\n"
                "- What did the researchers recommend to entities that lack it?",
                {},
            ),
            (
                "focal_kh",
                5,
                "In Cambodia it was clearly **democratic governance**. Many groups do good "
                "work, but one leader takes the decisions. The recommendation was simple "
                "steps first: a yearly general meeting, written rules, one member one vote "
                "for choosing the committee.",
                {},
            ),
            (
                "focal_th",
                9,
                "For Thailand I would say **autonomy and independence**. Many community "
                "enterprises were started with government support and still depend on it. "
                "That is not bad in itself, but members should decide for themselves.",
                {},
            ),
            (
                "moderator",
                30,
                "Same two in Mongolia. It matches what the phase-1 policy briefs said: the "
                "democratic dimension is the least developed in the region. "
                "@{trainer}, could the webinar have a short session on how an "
                "organization adopts the features it lacks?",
                {},
            ),
            (
                "trainer",
                34,
                "Good idea, @{moderator}. I will add 20 minutes on it, with one example "
                "from each country. Focal points, please send me yours.",
                {},
            ),
        ],
    ),
    (
        "thailand",
        "Registering a social enterprise: questions from community enterprises",
        "focal_th",
        15,
        False,
        [
            (
                "focal_th",
                0,
                "สวัสดีค่ะ วิสาหกิจชุมชนหลายแห่งถามว่าควรจดทะเบียนเป็นวิสาหกิจเพื่อสังคม"
                "หรือไม่ และจะได้ประโยชน์อะไรบ้าง เราจะรวบรวมคำถามเพื่อนำไปหารือใน"
                "การประชุมคณะกรรมการที่ปรึกษาระดับชาติครั้งต่อไป "
                "กรุณาตอบในกระทู้นี้ได้เลยค่ะ\n\n"
                "*In English:* several community enterprises ask whether they should "
                "register as social enterprises, and what they would gain. I am collecting "
                "the questions for the next national advisory committee meeting: please "
                "reply here.",
                {},
            ),
            (
                "trainer",
                6,
                "A useful way to frame it for them: the registration is a legal form, the "
                "seven features are a practice. An enterprise can register and still lack "
                "democratic governance, or practise all seven features without registering. "
                "The course's self-assessment helps a group see where it stands before it "
                "chooses.",
                {},
            ),
            (
                "focal_th",
                28,
                "Thank you, Maria. I will use the self-assessment at the next provincial "
                "workshop and bring the results to the committee.",
                {},
            ),
        ],
    ),
    (
        "viet-nam",
        "Cooperatives, cooperative groups and social enterprises in the Viet Nam mapping",
        "trainer",
        12,
        False,
        [
            (
                "trainer",
                0,
                "Several members from Viet Nam asked about the mapping. The kinds of "
                "entities we discuss most:\n\n"
                "- cooperatives and unions of cooperatives,\n"
                "- cooperative groups (smaller and less formal),\n"
                "- social enterprises,\n"
                "- associations, and women's savings and self-help groups.\n\n"
                "The open question is **autonomy**: how many of them are run by their "
                "members, and how many depend on the authorities or on donors?",
                {},
            ),
            (
                "moderator",
                4,
                "In Mongolia we had the same question. What helped was to look at who "
                "chooses the leaders and who approves the budget, not only at the law.",
                {},
            ),
            (
                "focal_kh",
                22,
                "In Cambodia too: the law says one thing, practice another. The phase-1 "
                "tool already warned that practice can differ from what the law says.",
                {},
            ),
            (
                "learner2",
                40,
                "Thank you for this list. In our ministry we are reviewing how cooperatives "
                "are registered. Could the registration form ask about the seven features, "
                "for example how members vote, so that we learn more than the number of "
                "members?",
                {"pending": True},
            ),
        ],
    ),
    (
        "cambodia",
        "Validation workshop of the Cambodia mapping: summary and next steps",
        "focal_kh",
        10,
        False,
        [
            (
                "focal_kh",
                0,
                "Last week the national advisory committee validated the findings of the "
                "Cambodia mapping. In short:\n\n"
                "- the SSE is vibrant, but few people know the term;\n"
                "- many entities were started by the government or by donors and still "
                "depend on them;\n"
                "- democratic governance is the feature most often missing.\n\n"
                "Next steps: an awareness-raising session for provincial officials and a "
                "capacity-building workshop for savings-group leaders.",
                {},
            ),
            (
                "moderator",
                5,
                "Congratulations on the validation! Will the workshop materials be in "
                "Khmer? Others could translate them for their own countries.",
                {},
            ),
            (
                "focal_kh",
                8,
                "Yes, in Khmer first; we will share them in the regional category too.",
                {},
            ),
            (
                "trainer",
                24,
                "Great. For the savings-group leaders, the lessons on **mutual aid** and "
                "**democratic governance** in the course could be used as they are. I can "
                "help adapt the exercises.",
                {},
            ),
        ],
    ),
    (
        "sse-concepts",
        "What makes an organization part of the SSE? The seven features in plain words",
        "trainer",
        21,
        False,
        [
            (
                "trainer",
                0,
                "A short answer for newcomers. Since the International Labour Conference of "
                "June 2022, an SSE entity is recognized by seven features:\n\n"
                "1. **Economic activity**: it produces goods, services or knowledge.\n"
                "2. **Collective or general interest**: it serves its members or the public, "
                "not private gain.\n"
                "3. **Voluntary cooperation**: people join freely.\n"
                "4. **Mutual aid**: members support each other and their community.\n"
                "5. **Democratic or participatory governance**: members take part in "
                "decisions, for example one member, one vote.\n"
                "6. **Autonomy and independence**: it governs itself.\n"
                "7. **People and social purpose before capital**: surpluses are reinvested "
                "or shared fairly, not taken out by investors.\n\n"
                "Cooperatives, mutual benefit societies, associations, foundations and "
                "social enterprises can all be part of it. More on the "
                f"[ILO's SSE page]({ILO_SSE}).",
                {},
            ),
            (
                "moderator",
                6,
                "The words of the 2022 resolution, for those who want them:\n\n"
                "> the SSE encompasses enterprises, organizations and other entities "
                "engaged in economic, social and environmental activities to serve the "
                "collective and/or general interest\n\n"
                "The UN General Assembly reaffirmed this definition in April 2023.",
                {},
            ),
            (
                "focal_kh",
                30,
                "A question from our provincial officials: does a group have to practise "
                "all seven to count? Many of ours practise five or six.",
                {},
            ),
            (
                "learner",
                50,
                "Our home-based workers' group sells handwoven bags and scarves: 20% "
                "off this month! Send me a message to order, delivery everywhere in "
                "Thailand.",
                {"flag": True},
            ),
            (
                "trainer",
                54,
                "@{focal_kh} no: the mapping studies looked for entities that practise the "
                "seven features *or some of them*, and recommended how they can adopt the "
                "missing ones. A group with five or six is on the way, and the course shows "
                "how to get the rest.",
                {},
            ),
        ],
    ),
    (
        "policy-and-law",
        "Drafting a national SSE strategy: how do we co-construct it?",
        "focal_th",
        8,
        False,
        [
            (
                "focal_th",
                0,
                "We are starting to draft elements of a national strategy for the SSE. "
                "The phase-1 briefs say policies work best when they are co-constructed by "
                "SSE actors and governments. In practice, how did you involve cooperatives, "
                "workers' organizations and community enterprises?",
                {},
            ),
            (
                "trainer",
                3,
                "The last policy brief of phase 1 proposes four strategies you could use "
                "as the outline:\n\n"
                "- **mainstreaming**: public and policy awareness of the SSE;\n"
                "- **transformative**: help hybrid organizations and informal workers adopt "
                "SSE features;\n"
                "- **community**: links with territories and with other SSE entities;\n"
                "- **civil society**: networks, coalitions and participation in policy.",
                {},
            ),
            (
                "focal_kh",
                20,
                "We used the national advisory committee: government, workers' and "
                "employers' organizations and SSE networks sit together. The draft went "
                "back to them twice before anything was decided.",
                {},
            ),
            (
                "moderator",
                44,
                "From the cooperative side: give SSE networks time to consult their own "
                "members. Two weeks is not enough for a federation of rural cooperatives.",
                {},
            ),
        ],
    ),
    (
        "informal-economy",
        "From self-help group to cooperative: organizing informal workers",
        "moderator",
        5,
        False,
        [
            (
                "moderator",
                0,
                "Associations of informal-sector workers and women's self-help groups are "
                "part of the SSE. Many want to become cooperatives to sign contracts and "
                "reach markets. What are the first steps that worked for you?",
                {},
            ),
            (
                "focal_th",
                6,
                "In Thailand, @{learner}'s network supports home-based workers who want to "
                "form a cooperative. What they asked for first was not the law but "
                "bookkeeping and how to run a members' meeting.",
                {},
            ),
            (
                "trainer",
                20,
                "That matches the ILO's experience: start with the practice of mutual aid "
                "and democratic decisions, then the legal form. Keeping records of "
                "savings and decisions also builds the members' trust.",
                {},
            ),
        ],
    ),
]


FLAG_DETAIL = "An advertisement, not about the seven features. Perhaps for Finance and markets?"


WATCHED_WORDS = [
    ("casino*", WatchedWordAction.BLOCK),
    ("guaranteed returns", WatchedWordAction.APPROVE),
]
