"""Course 1, module 2 (part 1): the lessons on features 1 to 4."""

from .blocks import (
    bullets,
    feature_card,
    heading,
    key_concept,
    knowledge_check,
    lesson,
    multiple,
    numbered,
    paragraph,
    reflection,
    right,
    single,
    source,
    true_false,
    wrong,
)

FEATURES_SOURCE = """
    The seven features are drawn from the definition in the ILC resolution concerning
    decent work and the social and solidarity economy, 110th session, June 2022.
"""


LESSON_FEATURE_1 = lesson(
    "feature-1-economic-activity",
    "Feature 1: Economic activity",
    "SSE entities produce goods, services or knowledge; this lesson shows what that means "
    "and how a group can start.",
    7,
    [
        heading("Seven features to recognise the SSE"),
        paragraph(
            """
            The 2022 definition can be turned into seven features. The mapping studies of
            the programme look for organizations that practise all seven, or some of them,
            and suggest how they can adopt the ones they lack. In this module you will
            study one feature in each lesson. The first is economic activity.
            """
        ),
        feature_card(1),
        heading("What this feature means"),
        paragraph(
            """
            SSE entities are not only ideas or campaigns. They do real, regular work that
            creates value for people. The 2022 definition speaks of economic, social and
            environmental activities. So the activity can be:
            """,
            bullets(
                "making and selling products, such as food, cloth or crafts;",
                """providing services, such as credit, insurance, care, water, transport or
                waste collection;""",
                "producing knowledge, such as training, advice or research.",
            ),
            """
            The activity can aim at a profit or not. What matters is that the organization
            produces something useful, and does so on a regular basis.
            """,
        ),
        heading("Examples from the region"),
        paragraph(
            bullets(
                """A women's weaving self-help group buys thread together, weaves cloth and
                sells it at the district market.""",
                "A savings group collects savings every month and gives small loans.",
                """A community forestry group manages a forest and sells honey and bamboo
                from it.""",
                """An association of street vendors runs a shared storage room for its
                members' goods.""",
            )
        ),
        key_concept(
            "Economic and social together",
            """
            An SSE entity does not have to choose between being an economic actor and a
            social actor. It is both. Its economic activity is the way it reaches its
            social aims.
            """,
        ),
        heading("If your organization lacks this feature"),
        paragraph(
            """
            Some groups start as a cultural club, a campaign, or a charity that only hands
            out donations. They can add an economic activity step by step:
            """,
            numbered(
                "Find a need that members share.",
                "Choose one concrete activity that answers it.",
                "Plan the costs, the prices and who does what.",
                "Keep simple records, and review the results after a few months.",
            ),
            """
            For example, a youth club that organises clean-up days could start a small
            paid waste-sorting service for the shops in its street.
            """,
        ),
        knowledge_check(
            single(
                "Which group shows feature 1, economic activity, most clearly?",
                """Running a rice mill for members is a regular activity that produces a
                service; the other groups produce no goods, services or knowledge.""",
                right(
                    "A village group that runs a rice mill and charges members a fair fee.",
                    "Correct: it provides a service on a regular basis.",
                ),
                wrong(
                    "A group that meets once a year for a festival and produces nothing.",
                    "No: it does not produce goods, services or knowledge.",
                ),
                wrong(
                    "A group that only signs petitions to a ministry.",
                    "No: a petition alone is not an economic activity.",
                ),
            )
        ),
        reflection(
            """
            What goods, services or knowledge does your organization, or one you know,
            produce? Who benefits from them?
            """
        ),
        source(FEATURES_SOURCE),
    ],
)

LESSON_FEATURE_2 = lesson(
    "feature-2-collective-and-general-interest",
    "Feature 2: Collective and/or general interest",
    "SSE entities serve their members' shared interest or the interest of society, not the "
    "private gain of a few.",
    7,
    [
        feature_card(2),
        heading("What this feature means"),
        paragraph(
            """
            Every organization serves somebody. This feature asks: <b>whose</b> interest
            comes first? In the SSE there are two answers, and many organizations give
            both.
            """,
            bullets(
                """The <b>collective interest</b> is the shared interest of the members. Farmers
                in a cooperative want a fair price for their rice. Members of a health mutual
                want help when they are ill.""",
                """The <b>general interest</b> is the interest of society as a whole: a clean
                environment, good health care, education, culture, or jobs for people who
                are left out.""",
            ),
            """
            What this feature excludes is <b>private gain</b> for a few owners or
            investors. An SSE entity may earn a surplus, and it should, to be sustainable.
            But the surplus is a means to serve people, not the goal.
            """,
        ),
        heading("Examples from the region"),
        paragraph(
            bullets(
                """A farmers' cooperative sells its members' rice together, so every member
                gets the same fair price (collective interest).""",
                """A social enterprise trains young people without work as mechanics and
                helps them find jobs (general interest).""",
                """A community forestry group protects the forest that feeds the village's
                water source. Its members earn from forest products, and the whole valley
                has clean water (both).""",
            )
        ),
        key_concept(
            "A simple test",
            """
            Ask: "If this organization earns more money, who benefits?" In an SSE entity the
            answer is the members, the workers, the users or the community, not one owner.
        """,
        ),
        heading("If your organization lacks this feature"),
        paragraph(
            """
            Warning signs are: decisions that mostly benefit the founder or the leader's
            family, or members who cannot say what the organization is for. To adopt this
            feature:
            """,
            numbered(
                """Write down, in a few plain sentences, the shared need or public good you
                serve, and agree on it with members.""",
                "Check each big decision against this purpose.",
                "Report regularly to members and to the community on what you have done.",
            ),
            """
            For example, a small guesthouse in a tourist town can write into its rules that
            it will train and employ young people from poor families, and report each year
            on how many it has trained.
            """,
        ),
        knowledge_check(
            true_false(
                "A cooperative that earns a surplus cannot be serving the collective interest.",
                False,
                """A surplus is not a problem in itself. What matters is that it serves the
                members or the community, not the private gain of a few.""",
                "Right: a surplus can be a way to serve members better.",
                "Not quite: SSE entities may earn a surplus; it must serve people.",
            )
        ),
        reflection(
            """
            Whose interest does your organization serve first? How would its members, or
            its neighbours, know?
            """
        ),
        source(FEATURES_SOURCE),
    ],
)

LESSON_FEATURE_3 = lesson(
    "feature-3-voluntary-cooperation",
    "Feature 3: Voluntary cooperation",
    "People set up and join SSE entities by free choice, and membership is open.",
    7,
    [
        feature_card(3),
        heading("What this feature means"),
        paragraph(
            """
            In the SSE, <b>membership and establishment are voluntary and open</b>. This
            has three parts:
            """,
            bullets(
                "People choose freely to set up the organization.",
                "People choose freely to join it, and they can leave it.",
                """Anyone who shares its purpose and accepts its rules can join, without
                unfair exclusion, for example because of gender, religion or ethnic
                group.""",
            ),
            """
            Why does this matter? When people join by choice, they feel that the
            organization is theirs. They come to meetings, pay their share and take
            responsibility. When people are made to join, they often stay passive, and the
            group fades when the pressure stops.
            """,
        ),
        heading("In the region"),
        paragraph(
            """
            In the second phase of the programme, researchers found many SSE entities that
            were set up by, or depend on, a government programme or a donor project. This
            is not wrong in itself. But imagine a cooperative formed only because farmers
            had to register to receive seeds. Did the farmers really choose to cooperate?
            Will they stay when the seeds stop?
            """,
            """
            By contrast, imagine a women's savings group that started when five neighbours
            decided to save together. Other women saw the results and asked to join. The
            group agreed on simple rules for joining and leaving and wrote them down. This
            is voluntary cooperation.
            """,
        ),
        key_concept(
            "Voluntary and open",
            """
            <b>Voluntary</b>: nobody is forced to set up, join or stay. <b>Open</b>: the
            door is open, on fair and clear terms, to all who share the purpose.
            """,
        ),
        heading("If your organization lacks this feature"),
        paragraph(
            numbered(
                """Write clear rules for joining and leaving, and share them in the local
                language.""",
                "Remove conditions that exclude people for reasons unrelated to the purpose.",
                """If members were registered by an authority, invite each of them to confirm
                freely that they want to be a member.""",
            )
        ),
        knowledge_check(
            single(
                """A district office registers every farmer in a village as a member of a new
                cooperative, without asking them. Which feature is most clearly missing?""",
                """The farmers did not choose to join, so the cooperative lacks voluntary
                cooperation.""",
                right(
                    "Voluntary cooperation.",
                    "Correct: membership was imposed, not freely chosen.",
                ),
                wrong(
                    "Economic activity.",
                    "Not this one: the case says nothing about what the cooperative produces.",
                ),
                wrong(
                    "Mutual aid.",
                    "Not the clearest gap: the problem described is how members joined.",
                ),
            )
        ),
        reflection(
            """
            How did the members of your organization join? Could a person who shares your
            purpose join tomorrow, and how would they know the rules?
            """
        ),
        source(FEATURES_SOURCE),
    ],
)

LESSON_FEATURE_4 = lesson(
    "feature-4-mutual-aid",
    "Feature 4: Mutual aid",
    "SSE entities practise solidarity and reciprocity among members and with the community.",
    7,
    [
        feature_card(4),
        heading("What this feature means"),
        paragraph(
            """
            Mutual aid means that members support each other and the wider community. Two
            words help to explain it:
            """,
            bullets(
                """<b>Solidarity</b>: standing together, especially with those who face hard
                times.""",
                """<b>Reciprocity</b>: giving and receiving in turn. I help you today, and
                you help me tomorrow.""",
            ),
            """
            Mutual aid has deep roots in Asia. In many places, families exchange labour at
            planting and harvest time. Neighbours help to build a house, or share the costs
            of a wedding or a funeral. SSE entities build on these traditions and give them
            rules that last.
            """,
        ),
        heading("Examples from the region"),
        paragraph(
            bullets(
                """A savings group keeps a small emergency fund. When a member's harvest
                fails, the group lets her delay her repayment.""",
                """A mutual benefit society collects small monthly contributions and pays
                for members' hospital costs.""",
                """An older cooperative trains the leaders of a new cooperative in
                bookkeeping, free of charge.""",
                """A weaving group gives part of its surplus to repair the village
                school.""",
            )
        ),
        key_concept(
            "Mutual aid is not charity",
            """
            In charity, one side gives and the other receives. In mutual aid, everyone is
            both a giver and a receiver. This builds trust and dignity, and it makes the
            group stronger.
            """,
        ),
        heading("If your organization lacks this feature"),
        paragraph(
            """
            Some organizations work well as businesses, but members never help each other
            and the community sees no benefit. To adopt mutual aid:
            """,
            numbered(
                """Agree on simple solidarity rules, such as an emergency fund or shared work
                days.""",
                """Create chances for members to help each other, for example by training new
                members or sharing tools.""",
                """Link with other SSE groups and with the community, so that support flows in
                both directions.""",
            ),
        ),
        knowledge_check(
            multiple(
                "Which of these practices show mutual aid?",
                """An emergency fund, shared work days and training new members are all forms
                of solidarity and reciprocity.""",
                right(
                    "An emergency fund for members in difficulty.",
                    "Yes: members share risks and support each other.",
                ),
                right(
                    "Shared work days at harvest time.",
                    "Yes: members give and receive labour in turn.",
                ),
                right(
                    "Experienced members train new members for free.",
                    "Yes: knowledge is shared as a form of solidarity.",
                ),
                wrong(
                    "The leader keeps all the surplus for himself.",
                    "No: this is private gain, not mutual aid.",
                ),
                wrong(
                    "Members undercut each other's prices to win the same buyer.",
                    "No: this is competition between members, not solidarity.",
                ),
            )
        ),
        reflection(
            """
            Think of a time when members of a group you know helped each other. What made it
            possible? Could it become a regular rule?
            """
        ),
        source(FEATURES_SOURCE),
    ],
)
