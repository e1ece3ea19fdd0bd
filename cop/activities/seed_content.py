"""The demo's follow-up activities (seed.py plays them through the services): the national
follow-up of the programme's two phases in all twelve countries, and two regional
activities (../shared/CONTENT.md).

Phase 2 (Cambodia, Kyrgyzstan, Lao PDR, Mongolia, Thailand, Viet Nam) follows up its
mapping studies: national advisory committees, validation workshops, the dissemination
of the findings shared at the Bangkok conference of November 2023, policy dialogues.
Phase 1 (China, Indonesia, Japan, Malaysia, the Philippines, the Republic of Korea)
follows up its research and its eight policy briefs: legal reviews, networks, dialogues.

How an activity is written down (seed.py reads these keys):

- days: an int is a number of days from the day of seeding (negative: in the past), a
  `date` is that day; `planned` and `actual` are (start, end) pairs of them, or None.
- `created`: the day the activity was added (its timeline starts there).
- `links`: the titles of a seeded workshop, course (or course module: one of the two) and
  forum topic, and a space's slug. A link whose target was not seeded is left empty.
- `updates`: (day, new status or "", body), oldest first; an activity starts planned and
  reaches its status through them.
- `indicators`: each with its `values`: (quarter, value), where the quarter is an int
  (0: the current quarter, -1: the one before...), a period ("2023-Q4"), or END (the
  quarter of the activity's actual end); the value is a number, or {sex: number} for an
  indicator broken down by sex (the total is their sum).
- `comments`: (e-mail of a demo account, day, body), the discussion under it.

The people who act follow from the country (seed.py, `actor`): the demo focal points for
Cambodia and Thailand (they own their activities), the programme officer for the regional
ones, the site administrator for the other countries (no owner).
"""

from datetime import date

from accounts.constants import Constituency

from .constants import Aggregation, Kind, Status

END = "end"  # a value of the quarter in which the activity ended

# CONTENT.md gives the month of the Bangkok conference; the days are the demo's.
CONFERENCE = (date(2023, 11, 28), date(2023, 11, 29))

GOV, WORKERS, EMPLOYERS, SSE, RESEARCH, INTERNATIONAL = (
    Constituency.GOVERNMENT,
    Constituency.WORKERS,
    Constituency.EMPLOYERS,
    Constituency.SSE,
    Constituency.RESEARCH,
    Constituency.INTERNATIONAL,
)
TRIPARTITE_AND_SSE = [GOV, WORKERS, EMPLOYERS, SSE]

# Seeded elsewhere, found by title (workshops, courses, modules, topics) or slug (spaces).
REGIONAL_WORKSHOP = "Understanding the social and solidarity economy and its seven features"
CAMBODIA_VALIDATION = "Validation of the SSE mapping study of Cambodia"
THAI_COOPERATIVE_TRAINING = "Cooperative governance in practice: a training for Thai cooperatives"
VIET_NAM_TRAINING = "Building an SSE policy framework in Viet Nam"
MONGOLIA_DIALOGUE = "Policy dialogue on the social and solidarity economy in Mongolia"
PHILIPPINES_TOT = "Training of trainers: teaching the SSE course in the Philippines"
SSE_COURSE = "Understanding the social and solidarity economy"
POLICY_COURSE = "From mapping to policy dialogue"
POLICY_MODULE = "From findings to policy"
CAMBODIA_TOPIC = "Validation workshop of the Cambodia mapping: summary and next steps"
THAI_TOPIC = "Registering a social enterprise: questions from community enterprises"
VIET_NAM_TOPIC = "Cooperatives, cooperative groups and social enterprises in the Viet Nam mapping"

CONFERENCE_TITLE = "Research dissemination at the international conference in Bangkok"
THAI_DRAFT_TITLE = "Awareness campaign: what the SSE means for community enterprises"


ACTIVITIES = [
    # --- Regional ------------------------------------------------------------------------
    {
        "country": "",
        "kind": Kind.RESEARCH_DISSEMINATION,
        "title": CONFERENCE_TITLE,
        "description": (
            "The programme's international conference in **Bangkok, November 2023**, where "
            "the national researchers of phase 2 shared what the mapping of the social and "
            "solidarity economy found in Cambodia, Kyrgyzstan, Lao PDR, Mongolia, Thailand "
            "and Viet Nam, beside the phase-1 research and its policy briefs.\n\n"
            "What came out of it, in every country:\n\n"
            "- the SSE is vibrant, but few people know the term;\n"
            "- many entities were started by the government or by donors and still depend "
            "on them;\n"
            "- democratic governance is the feature most often missing."
        ),
        "lead_organization": "ILO Regional Office for Asia and the Pacific",
        "constituencies": [GOV, WORKERS, EMPLOYERS, SSE, RESEARCH, INTERNATIONAL],
        "created": date(2023, 9, 4),
        "planned": CONFERENCE,
        "actual": CONFERENCE,
        "updates": [
            (
                date(2023, 10, 16),
                Status.IN_PROGRESS,
                "The six phase-2 countries confirmed their presenters; the regional "
                "advisory committee reviewed the programme.",
            ),
            (
                date(2023, 11, 30),
                Status.COMPLETED,
                "The conference took place in Bangkok. Each national team presented its "
                "mapping, and the phase-1 policy briefs were shared with every delegation. "
                "The presentations are in the regional space.",
            ),
        ],
        "indicators": [
            {
                "name": "Countries presenting their mapping findings",
                "unit": "countries",
                "target": 6,
                "values": [(END, 6)],
            },
            {
                "name": "Phase-1 policy briefs shared",
                "unit": "briefs",
                "target": 8,
                "aggregation": Aggregation.LATEST,
                "values": [(END, 8)],
            },
        ],
        "comments": [
            (
                "moderator@example.org",
                date(2023, 12, 4),
                "Thank you all. Which finding surprised your delegation most?",
            ),
            (
                "learner2@example.org",
                date(2023, 12, 6),
                "For us, how many cooperative groups meet most of the seven features "
                "without calling themselves SSE.",
            ),
        ],
    },
    {
        "country": "",
        "kind": Kind.CAPACITY_BUILDING,
        "title": "Regional workshop on the seven features of the SSE",
        "description": (
            "Three days in Bangkok, and online, for the twelve countries' constituents: "
            "what the SSE is, the seven features that set its organizations apart, and "
            "what they mean for policy and statistics. Participants take the course "
            "*Understanding the social and solidarity economy* first."
        ),
        "lead_organization": "ILO Regional Office for Asia and the Pacific",
        "constituencies": [GOV, WORKERS, EMPLOYERS, SSE],
        "created": -40,
        "planned": (21, 23),
        "links": {"workshop": REGIONAL_WORKSHOP, "course": SSE_COURSE, "space": "regional"},
        "updates": [
            (
                -6,
                "",
                "Registration is open. Each focal point nominates up to five participants, "
                "one of them at least from a workers' or employers' organization.",
            ),
        ],
        "indicators": [
            {
                "name": "Participants completing the workshop",
                "unit": "people",
                "target": 60,
                "by_sex": True,
            },
        ],
    },
    # --- Cambodia (the demo focal point owns them) --------------------------------------
    {
        "country": "KH",
        "kind": Kind.ADVISORY_COMMITTEE,
        "title": "National advisory committee meeting: validation of the mapping findings",
        "description": (
            "The national advisory committee reviews and validates the findings of the "
            "mapping of the SSE in Cambodia before they are shared widely, and agrees the "
            "next steps of the follow-up."
        ),
        "lead_organization": "Ministry of Labour and Vocational Training",
        "constituencies": [GOV, WORKERS, EMPLOYERS, SSE, RESEARCH],
        "created": -60,
        "planned": (-17, -17),
        "actual": (-17, -17),
        "links": {"topic": CAMBODIA_TOPIC, "space": "cambodia"},
        "updates": [
            (
                -30,
                Status.IN_PROGRESS,
                "The research team sent the draft findings to the committee members.",
            ),
            (
                -16,
                Status.COMPLETED,
                "The committee validated the findings. Next steps: an awareness-raising "
                "session for provincial officials and a capacity-building workshop for "
                "savings-group leaders. Summary in the forum.",
            ),
        ],
        "indicators": [
            {
                "name": "Committee members attending",
                "unit": "people",
                "target": 15,
                "by_sex": True,
                "values": [(END, {"woman": 6, "man": 7})],
            },
            {
                "name": "Recommendations adopted",
                "unit": "recommendations",
                "target": 5,
                "values": [(END, 4)],
            },
        ],
    },
    {
        "country": "KH",
        "kind": Kind.AWARENESS,
        "title": "Awareness raising on the SSE for provincial officials",
        "description": (
            "Half-day sessions in the provinces on what the social and solidarity economy "
            "is, how to recognise its organizations, and how the provincial departments "
            "can support them."
        ),
        "lead_organization": "Ministry of Labour and Vocational Training",
        "constituencies": [GOV],
        "created": -200,
        "planned": (-150, 60),
        "actual": (-140, None),
        "links": {"course": SSE_COURSE},
        "updates": [
            (-140, Status.IN_PROGRESS, "The first session, in Kampong Cham, took place."),
            (
                -95,
                "",
                "A second province covered. Officials asked for the material in Khmer; "
                "it is being translated.",
            ),
            (-12, "", "The Khmer material is ready and was used in Siem Reap."),
        ],
        "indicators": [
            {"name": "Sessions held", "unit": "sessions", "target": 8, "values": [(-1, 2), (0, 1)]},
            {
                "name": "Officials reached",
                "unit": "people",
                "target": 200,
                "by_sex": True,
                "values": [(-1, {"woman": 19, "man": 26}), (0, {"woman": 9, "man": 11})],
            },
        ],
    },
    {
        "country": "KH",
        "kind": Kind.VALIDATION_WORKSHOP,
        "title": "National validation workshop of the SSE mapping study",
        "description": (
            "The research team presents the mapping to government, workers' and employers' "
            "organizations and SSE organizations, who discuss and validate it. "
            "Interpretation between Khmer and English; seats kept for each constituency."
        ),
        "lead_organization": "Ministry of Labour and Vocational Training",
        "constituencies": TRIPARTITE_AND_SSE,
        "created": -20,
        "planned": (35, 36),
        "links": {"workshop": CAMBODIA_VALIDATION, "module": POLICY_MODULE},
        "updates": [
            (-10, "", "Invitations sent; the focal point approves the registrations."),
        ],
        "indicators": [
            {"name": "Organizations taking part", "unit": "organizations", "target": 30},
        ],
    },
    # --- Thailand (the demo focal point owns them) --------------------------------------
    {
        "country": "TH",
        "kind": Kind.ADVISORY_COMMITTEE,
        "title": "National advisory committee meeting: the follow-up plan",
        "description": (
            "The committee reviews the follow-up activities of the year and agrees the "
            "plan for the next. Agenda suggestions are welcome in the Thailand space."
        ),
        "lead_organization": "Ministry of Labour",
        "constituencies": [GOV, WORKERS, EMPLOYERS, SSE, RESEARCH],
        "created": -25,
        "planned": (19, 19),
        "links": {"space": "thailand"},
        "updates": [
            (
                -3,
                "",
                "The meeting is set at the Ministry of Labour, Bangkok. Community "
                "enterprises asked for a session on social enterprise registration.",
            ),
        ],
        "indicators": [
            {"name": "Committee members attending", "unit": "people", "target": 18, "by_sex": True},
        ],
    },
    {
        "country": "TH",
        "kind": Kind.CAPACITY_BUILDING,
        "title": "Cooperative governance training for Thai cooperatives",
        "description": (
            "Two days in Chiang Mai with cooperative boards and managers: general "
            "assemblies, the rights of members, transparent accounts, and bringing young "
            "members and women into the board. Each cooperative leaves with a governance "
            "improvement plan."
        ),
        "lead_organization": "Ministry of Labour, with Chiang Mai Cooperative College",
        "constituencies": [SSE, GOV],
        "created": -75,
        "planned": (-30, -29),
        "actual": (-30, -29),
        "links": {"workshop": THAI_COOPERATIVE_TRAINING},
        "updates": [
            (-45, Status.IN_PROGRESS, "Twenty-five cooperatives nominated board members."),
            (
                -28,
                Status.COMPLETED,
                "The training took place. The session on **general assemblies** was the "
                "participants' favourite; they asked for more time on case studies.",
            ),
        ],
        "indicators": [
            {
                "name": "Cooperative board members trained",
                "unit": "people",
                "target": 25,
                "by_sex": True,
                "values": [(END, {"woman": 13, "man": 9})],
            },
            {
                "name": "Cooperatives with a governance improvement plan",
                "unit": "cooperatives",
                "target": 10,
                "values": [(END, 4)],
            },
        ],
    },
    {
        "country": "TH",
        "kind": Kind.RESEARCH_DISSEMINATION,
        "title": "Dissemination of the Thailand SSE mapping study in the provinces",
        "description": (
            "After its presentation at the Bangkok conference of November 2023, the "
            "mapping study goes to the provinces: provincial offices, community "
            "enterprises, cooperatives and workers' organizations discuss what it found "
            "and what it means for them."
        ),
        "lead_organization": "Ministry of Labour",
        "constituencies": [GOV, WORKERS, SSE, RESEARCH],
        "created": -330,
        "planned": (-300, 90),
        "actual": (-280, None),
        "updates": [
            (-280, Status.IN_PROGRESS, "The first provincial event, in Khon Kaen."),
            (-150, "", "Events in the North and the South; a Thai summary is printed."),
            (-60, "", "Community enterprises asked for a follow-up on registration."),
        ],
        "indicators": [
            {
                "name": "Provincial dissemination events held",
                "unit": "events",
                "target": 8,
                "values": [(-3, 2), (-2, 2), (-1, 2), (0, 1)],
            },
            {
                "name": "Participants in dissemination events",
                "unit": "people",
                "target": 400,
                "by_sex": True,
                "values": [
                    (-3, {"woman": 41, "man": 37}),
                    (-2, {"woman": 46, "man": 34}),
                    (-1, {"woman": 52, "man": 43}),
                    (0, {"woman": 18, "man": 12}),
                ],
            },
        ],
        "comments": [
            (
                "learner@example.org",
                -55,
                "ขอบคุณครับ วิสาหกิจชุมชนในจังหวัดของผมอยากเข้าร่วมการเผยแพร่ผลการศึกษา"
                "ครั้งต่อไป\n\n*In English:* thank you; community enterprises in my "
                "province would like to join the next dissemination event.",
            ),
        ],
    },
    {
        "country": "TH",
        "kind": Kind.LEGAL_REVIEW,
        "title": "Review of the registration of community and social enterprises",
        "description": (
            "Many community enterprises ask whether they should register as social "
            "enterprises and what they would gain. The review compares the two "
            "registrations against the seven features and proposes guidance."
        ),
        "lead_organization": "Ministry of Labour",
        "constituencies": [GOV, SSE, RESEARCH],
        "created": -120,
        "planned": (-100, 120),
        "actual": (-95, None),
        "links": {"topic": THAI_TOPIC},
        "updates": [
            (-95, Status.IN_PROGRESS, "The questions collected in the forum frame the review."),
            (-20, "", "A first consultation with community enterprises in Chiang Rai."),
        ],
        "indicators": [
            {
                "name": "Consultations with community enterprises",
                "unit": "consultations",
                "target": 6,
                "values": [(-1, 2), (0, 1)],
            },
        ],
    },
    {
        "country": "TH",
        "kind": Kind.AWARENESS,
        "title": THAI_DRAFT_TITLE,
        "description": (
            "A draft, not yet shared: radio and social media spots in Thai on what the SSE "
            "is, with community enterprises telling their own stories."
        ),
        "lead_organization": "Ministry of Labour",
        "constituencies": [SSE],
        "created": -2,
        "planned": (60, 150),
        "draft": True,
        "indicators": [
            {"name": "Radio and social media spots", "unit": "spots", "target": 12},
        ],
    },
    # --- The other phase-2 countries ----------------------------------------------------
    {
        "country": "VN",
        "kind": Kind.CAPACITY_BUILDING,
        "title": "Training on SSE policy frameworks for ministries and provinces",
        "description": (
            "A training for ministries and provincial departments on the legal and policy "
            "frameworks for cooperatives, social enterprises and other SSE organizations, "
            "with the lessons of the region."
        ),
        "lead_organization": "Ministry of Labour, Invalids and Social Affairs",
        "constituencies": [GOV],
        "created": -50,
        "planned": (45, 46),
        "links": {"workshop": VIET_NAM_TRAINING, "course": POLICY_COURSE},
        "updates": [(-7, "", "Provinces nominate their participants.")],
        "indicators": [
            {"name": "Officials trained", "unit": "people", "target": 30, "by_sex": True},
        ],
    },
    {
        "country": "VN",
        "kind": Kind.RESEARCH_DISSEMINATION,
        "title": "Sharing the Viet Nam mapping with cooperative groups",
        "description": (
            "The mapping found many cooperative groups and social enterprises that practise "
            "most of the seven features. Meetings with them share the findings and ask what "
            "support they need."
        ),
        "lead_organization": "Ministry of Labour, Invalids and Social Affairs",
        "constituencies": [GOV, SSE],
        "created": -210,
        "planned": (-180, 30),
        "actual": (-170, None),
        "links": {"topic": VIET_NAM_TOPIC},
        "updates": [
            (-170, Status.IN_PROGRESS, "The first meeting, with cooperative groups in Hanoi."),
            (-40, "", "Meetings in the Mekong Delta."),
        ],
        "indicators": [
            {
                "name": "Cooperative groups reached",
                "unit": "groups",
                "target": 60,
                "values": [(-2, 14), (-1, 18), (0, 6)],
            },
        ],
    },
    {
        "country": "MN",
        "kind": Kind.POLICY_DIALOGUE,
        "title": "Policy dialogue on the next steps after the national mapping",
        "description": (
            "Government, the social partners and SSE organizations discuss a law on the "
            "SSE, statistics, and support for herders' cooperatives."
        ),
        "lead_organization": "National focal point's office",
        "constituencies": TRIPARTITE_AND_SSE,
        "created": -35,
        "planned": (28, 28),
        "links": {"workshop": MONGOLIA_DIALOGUE, "module": POLICY_MODULE},
        "updates": [(-9, "", "Background notes circulated to the participants.")],
        "indicators": [
            {"name": "Organizations taking part", "unit": "organizations", "target": 40},
        ],
    },
    {
        "country": "MN",
        "kind": Kind.ADVISORY_COMMITTEE,
        "title": "National advisory committee meeting: preparing the policy dialogue",
        "description": "The committee agrees the questions the policy dialogue will discuss.",
        "lead_organization": "National focal point's office",
        "constituencies": [GOV, WORKERS, EMPLOYERS, SSE],
        "created": -110,
        "planned": (-70, -70),
        "actual": (-70, -70),
        "updates": [
            (
                -70,
                Status.COMPLETED,
                "The committee met and agreed three questions for the dialogue.",
            ),
        ],
        "indicators": [
            {
                "name": "Committee members attending",
                "unit": "people",
                "target": 12,
                "by_sex": True,
                "values": [(END, {"woman": 5, "man": 6})],
            },
        ],
    },
    {
        "country": "KG",
        "kind": Kind.RESEARCH_DISSEMINATION,
        "title": "A summary of the Kyrgyzstan mapping in Kyrgyz and Russian",
        "description": (
            "A short summary of the mapping study, in Kyrgyz and Russian, for local "
            "governments, cooperatives and associations."
        ),
        "lead_organization": "National research team, with the ILO",
        "constituencies": [GOV, SSE, RESEARCH],
        "created": -150,
        "planned": (-120, 60),
        "actual": (-110, None),
        "updates": [
            (-110, Status.IN_PROGRESS, "The summary is written and translated."),
            (-30, "", "Copies sent to the regions."),
        ],
        "indicators": [
            {
                "name": "Copies of the summary distributed",
                "unit": "copies",
                "target": 500,
                "values": [(-1, 200), (0, 120)],
            },
        ],
    },
    {
        "country": "LA",
        "kind": Kind.ADVISORY_COMMITTEE,
        "title": "National advisory committee meeting on the follow-up of the mapping",
        "description": (
            "The committee reviews what the mapping recommended and chooses the first "
            "follow-up activities."
        ),
        "lead_organization": "National focal point's office",
        "constituencies": [GOV, WORKERS, EMPLOYERS, SSE],
        "created": -130,
        "planned": (-85, -85),
        "actual": (-85, -85),
        "updates": [
            (-84, Status.COMPLETED, "The committee chose two activities: awareness and training."),
        ],
        "indicators": [
            {
                "name": "Committee members attending",
                "unit": "people",
                "target": 14,
                "by_sex": True,
                "values": [(END, {"woman": 6, "man": 8})],
            },
        ],
    },
    # --- Phase 1 ------------------------------------------------------------------------
    {
        "country": "CN",
        "kind": Kind.POLICY_DIALOGUE,
        "title": "Policy dialogue on farmers' specialized cooperatives",
        "description": (
            "The phase-1 research found that farmers' specialized cooperatives reinvented "
            "the cooperative model. The dialogue shares what makes them work, and where "
            "democratic governance is missing."
        ),
        "lead_organization": "Research partners, with the ILO",
        "constituencies": [GOV, SSE, RESEARCH],
        "created": -160,
        "planned": (-100, 20),
        "actual": (-95, None),
        "updates": [(-95, Status.IN_PROGRESS, "A first round with researchers and cooperatives.")],
        "indicators": [
            {
                "name": "Dialogue sessions held",
                "unit": "sessions",
                "target": 3,
                "values": [(-1, 1)],
            },
        ],
    },
    {
        "country": "ID",
        "kind": Kind.LEGAL_REVIEW,
        "title": "Review of the cooperative law after the Constitutional Court ruling",
        "description": (
            "The cooperative law was revoked by the Constitutional Court and an older law "
            "reinstated. The review asks what a new law should keep of the SSE values in "
            "the Constitution and Pancasila."
        ),
        "lead_organization": "Research partners, with the ILO",
        "constituencies": [GOV, SSE, RESEARCH],
        "created": -190,
        "planned": (-170, 100),
        "actual": (-160, None),
        "updates": [
            (-160, Status.IN_PROGRESS, "The review team compared the two laws."),
            (-50, "", "Consultations with cooperative federations."),
        ],
        "indicators": [
            {
                "name": "Review sessions held",
                "unit": "sessions",
                "target": 4,
                "values": [(-2, 1), (-1, 1)],
            },
        ],
    },
    {
        "country": "JP",
        "kind": Kind.NETWORK_BUILDING,
        "title": "A network of consumer cooperatives and local governments",
        "description": (
            "Japan's SSE collaborates strongly across sectors. The network brings consumer "
            "cooperatives and local governments together to share how they work with each "
            "other."
        ),
        "lead_organization": "Consumer cooperatives, with local governments",
        "constituencies": [SSE, GOV],
        "created": -260,
        "planned": (-240, 120),
        "actual": (-230, None),
        "updates": [
            (-230, Status.IN_PROGRESS, "Eight partners signed the network's charter."),
            (-40, "", "Thirteen partners now; a first joint meeting is planned."),
        ],
        "indicators": [
            {
                "name": "Partners in the network",
                "unit": "partners",
                "target": 20,
                "aggregation": Aggregation.LATEST,
                "values": [(-2, 8), (-1, 11), (0, 13)],
            },
        ],
    },
    {
        "country": "MY",
        "kind": Kind.POLICY_DIALOGUE,
        "title": "Policy dialogue on a legal framework for social enterprises",
        "description": (
            "The Twelfth Malaysia Plan gives SSE entities a development role, but there is "
            "no legal framework for social enterprises. The dialogue asks what one should "
            "hold."
        ),
        "lead_organization": "Research partners, with the ILO",
        "constituencies": [GOV, SSE, EMPLOYERS],
        "created": -140,
        "planned": (-60, -60),
        "updates": [
            (-65, Status.POSTPONED, "Postponed to next year, so that more ministries can join."),
        ],
        "indicators": [
            {"name": "Ministries taking part", "unit": "ministries", "target": 5},
        ],
    },
    {
        "country": "PH",
        "kind": Kind.CAPACITY_BUILDING,
        "title": "Training of trainers for the SSE course",
        "description": (
            "Trainers learn to run the course *Understanding the social and solidarity "
            "economy* with groups: leading the reflections, adapting the country cases, "
            "following up."
        ),
        "lead_organization": "National focal point's office",
        "constituencies": [SSE, WORKERS],
        "created": -30,
        "planned": (14, 21),
        "links": {"workshop": PHILIPPINES_TOT, "course": SSE_COURSE},
        "updates": [(-4, "", "Twenty trainers confirmed.")],
        "indicators": [
            {"name": "Trainers certified", "unit": "people", "target": 20, "by_sex": True},
        ],
    },
    {
        "country": "PH",
        "kind": Kind.LEGAL_REVIEW,
        "title": "Consultations on the social enterprise bill",
        "description": (
            "People's organizations, cooperatives and intermediary organizations comment "
            "on the bill on social enterprises."
        ),
        "lead_organization": "National focal point's office",
        "constituencies": [SSE, GOV, WORKERS],
        "created": -120,
        "planned": (-100, 30),
        "actual": (-90, None),
        "updates": [(-90, Status.IN_PROGRESS, "The first consultation, in Quezon City.")],
        "indicators": [
            {
                "name": "Organizations consulted",
                "unit": "organizations",
                "target": 50,
                "values": [(-1, 22), (0, 9)],
            },
        ],
    },
    {
        "country": "KR",
        "kind": Kind.OTHER,
        "title": "Study visit of phase-2 focal points to local SSE councils",
        "description": (
            "A visit to the Council of Local Governments for SSE, to see the ecosystem "
            "approach at work."
        ),
        "lead_organization": "Korea Social Enterprise Promotion Agency (KoSEA)",
        "constituencies": [GOV, SSE],
        "created": -180,
        "planned": (-40, -36),
        "updates": [
            (
                -80,
                Status.CANCELLED,
                "Cancelled: a regional webinar on the ecosystem approach replaces it.",
            ),
        ],
        "indicators": [
            {"name": "Focal points taking part", "unit": "people", "target": 6},
        ],
    },
    {
        "country": "KR",
        "kind": Kind.NETWORK_BUILDING,
        "title": "Sharing the ecosystem approach with local governments in the region",
        "description": (
            "Korean local governments share how they support the SSE as an ecosystem, with "
            "their peers in the twelve countries."
        ),
        "lead_organization": "Korea Social Enterprise Promotion Agency (KoSEA)",
        "constituencies": [GOV, SSE],
        "created": -75,
        "planned": (-60, 180),
        "actual": (-50, None),
        "updates": [(-50, Status.IN_PROGRESS, "The first online exchange, with five cities.")],
        "indicators": [
            {
                "name": "Local governments taking part",
                "unit": "local governments",
                "target": 15,
                "aggregation": Aggregation.LATEST,
                "values": [(-1, 5), (0, 7)],
            },
        ],
    },
]

# The quarterly reports (the previous quarter), played after every value is entered.
REPORTS = [
    {
        "country": "TH",
        "quarter": -1,
        "by": "focal.th@example.org",
        "summary": (
            "Two provincial dissemination events and two consultations on registration. "
            "Participants are broken down by sex."
        ),
    },
    {
        "country": "KH",
        "quarter": -1,
        "by": "focal.kh@example.org",
        "summary": "Two awareness sessions for provincial officials.",
        "returned_by": "officer@example.org",
        "comment": (
            "The officials reached (45) do not match the two session reports (52). Please "
            "check the attendance lists and attach them as evidence."
        ),
    },
]
