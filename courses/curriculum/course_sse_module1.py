"""Course 1, module 1: what the SSE is (definitions, values, forms of SSE entities)."""

from .blocks import (
    bullets,
    heading,
    key_concept,
    knowledge_check,
    lesson,
    module,
    multiple,
    paragraph,
    quiz,
    quote,
    reflection,
    right,
    single,
    source,
    true_false,
    wrong,
)

ILC_2022 = """
    International Labour Conference, 110th session, June 2022: Resolution concerning decent
    work and the social and solidarity economy. The definition was reaffirmed by the United
    Nations General Assembly in its resolution of 18 April 2023.
"""

ILC_2022_DEFINITION = """
    The SSE encompasses enterprises, organizations and other entities that are engaged in
    economic, social and environmental activities to serve the collective and/or general
    interest, which are based on the principles of voluntary cooperation and mutual aid,
    democratic and/or participatory governance, autonomy and independence, and the primacy
    of people and social purpose over capital in the distribution and use of surpluses
    and/or profits as well as assets.
"""

LESSON_SSE_AROUND_YOU = lesson(
    "the-sse-around-you",
    "The SSE around you",
    "You already know the social and solidarity economy: this lesson gives it a name and "
    "two early definitions.",
    7,
    [
        heading("You probably know the SSE already"),
        paragraph(
            """
            In villages and towns across Asia, people work together to meet needs that
            they cannot meet alone. A group of women buy thread together, weave cloth and
            sell it at the market. Farmers bring their rice to a cooperative to get a
            better price. Neighbours put a little money into a savings group every month
            and lend it to each other. A village looks after its forest together and
            shares what the forest gives.
            """,
            """
            These groups are very different in size and shape. But they have something in
            common. They do economic work. They serve their members or their community,
            not one owner. And their members have a say in how they are run. Today many
            people call this the <b>social and solidarity economy</b>, or <b>SSE</b>.
            """,
        ),
        heading("A new name for old practices"),
        paragraph(
            """
            For many people in the region, the term "SSE" is new, even when the practice
            is very old. Researchers in the ILO programme "Strengthening Social and
            Solidarity Economy (SSE) in Asia" found a lively SSE in their countries, but
            little awareness of the term itself. This course helps you to recognise the
            SSE, to describe it with international definitions, and to support it with
            good policy.
            """
        ),
        key_concept(
            "Two sides and one way of working",
            """
            Every definition of the SSE has an <b>economic</b> side (producing goods,
            services or knowledge), a <b>social</b> side (meeting people's needs) and a
            <b>way of working together</b> (cooperation, solidarity and shared
            decisions).
            """,
        ),
        heading("Two early definitions"),
        heading("The ILO, 2009", "h3"),
        paragraph(
            """
            In 2009, in its plan of action for Africa, the ILO described the SSE as
            enterprises and organizations, such as cooperatives, mutual benefit societies,
            associations, foundations and social enterprises. They produce goods, services
            and knowledge. They pursue both economic and social aims. And they foster
            solidarity.
            """
        ),
        heading("The UN Task Force on SSE", "h3"),
        paragraph(
            """
            The United Nations Task Force on Social and Solidarity Economy (UNTFSSE)
            stresses three things:
            """,
            bullets(
                """explicit economic and social objectives, and often environmental ones
                too;""",
                """cooperative, associative and solidarity relations between workers,
                producers and consumers;""",
                "workplace democracy and self-management.",
            ),
            """
            In 2022, the member States of the ILO agreed on a fuller definition. You will
            study it in the next lesson.
            """,
        ),
        knowledge_check(
            single(
                "Which statement matches the ILO's 2009 description of the SSE?",
                """The ILO described SSE enterprises and organizations as pursuing both
                economic and social aims and fostering solidarity.""",
                right(
                    """Enterprises and organizations that pursue both economic and social
                    aims and foster solidarity.""",
                    "Correct: both aims together, plus solidarity, are the core of it.",
                ),
                wrong(
                    "Government departments that deliver social services.",
                    """Government departments are not SSE entities; the SSE is made up of
                    enterprises and organizations such as cooperatives and associations.""",
                ),
                wrong(
                    "Companies whose only aim is the highest return for their investors.",
                    "An aim that is only financial leaves out the social aim and solidarity.",
                ),
            )
        ),
        reflection(
            """
            Think of a group in your village, town or workplace where people work together
            to meet a shared need. What does it do, and who decides how it is run?
            """
        ),
        source(
            """
            ILO (2009), plan of action for the social economy in Africa, as quoted in the
            brochure of the ILO programme Strengthening SSE in Asia, phase 2; United Nations
            Task Force on Social and Solidarity Economy (UNTFSSE).
            """
        ),
    ],
)

LESSON_2022_DEFINITION = lesson(
    "the-2022-definition",
    "The international definition of 2022",
    "The definition adopted by the International Labour Conference in 2022, and the values "
    "of the SSE.",
    8,
    [
        heading("A definition agreed by governments, workers and employers"),
        paragraph(
            """
            Every year, the governments, workers' organizations and employers' organizations
            of the ILO's member States meet at the International Labour Conference. In June
            2022, at its 110th session, the Conference adopted a resolution concerning
            decent work and the social and solidarity economy. It gave the SSE a
            definition agreed by governments, workers and employers together.
            """,
            """
            On 18 April 2023, the United Nations General Assembly adopted a resolution that
            reaffirmed this definition. This gives it wide international support. This
            course, and the research of the programme, are built on it.
            """,
        ),
        quote(ILC_2022_DEFINITION, ILC_2022),
        heading("The definition, part by part"),
        paragraph(
            bullets(
                "<b>Who:</b> enterprises, organizations and other entities.",
                "<b>What they do:</b> economic, social and environmental activities.",
                """<b>Why:</b> to serve the collective interest (of their members) and/or
                the general interest (of society).""",
                """<b>How:</b> by following four principles: voluntary cooperation and mutual
                aid; democratic and/or participatory governance; autonomy and independence;
                and the primacy of people and social purpose over capital, both in the use
                of surpluses or profits and in the use of assets.""",
            ),
            """
            The words "and/or" matter. An organization may serve its members, the public, or
            both. It may be democratic (one member, one vote) or participatory (members,
            workers or users take part in decisions in other ways). The programme's
            researchers drew seven features from this definition. Module 2 looks at each of
            them.
            """,
        ),
        key_concept(
            "The values of the SSE",
            "The 2022 resolution names these values:",
            bullets(
                "care for people and planet;",
                "equality and fairness;",
                "interdependence;",
                "self-governance;",
                "transparency and accountability;",
                "the attainment of decent work and livelihoods.",
            ),
        ),
        paragraph(
            """
            Values are what the SSE believes in. Principles are how it acts. For example, a
            farmers' cooperative that shows its accounts to members at every meeting
            practises transparency and accountability. A community forestry group that
            plants trees to protect a water source shows care for people and planet.
            """
        ),
        knowledge_check(
            multiple(
                "Which of these are principles named in the 2022 definition?",
                """The four principles are voluntary cooperation and mutual aid, democratic
                and/or participatory governance, autonomy and independence, and the primacy
                of people and social purpose over capital.""",
                right(
                    "Voluntary cooperation and mutual aid.",
                    "Yes: this is the first principle in the definition.",
                ),
                right(
                    "Democratic and/or participatory governance.",
                    "Yes: members take part in decisions.",
                ),
                right(
                    "Autonomy and independence.",
                    "Yes: SSE entities govern themselves.",
                ),
                wrong(
                    "The highest possible return to investors.",
                    "No: the definition puts people and social purpose before capital.",
                ),
                wrong(
                    "Control by a government ministry.",
                    "No: this is the opposite of autonomy and independence.",
                ),
            )
        ),
        reflection(
            """
            Which of the six SSE values matters most in your own work? Give one example of
            how you see it, or miss it, in practice.
            """
        ),
        source(ILC_2022),
    ],
)

LESSON_FORMS = lesson(
    "forms-of-sse-entities",
    "Forms of SSE entities",
    "Cooperatives, mutuals, associations, foundations, social enterprises, self-help "
    "groups and more: the many forms of the SSE.",
    8,
    [
        heading("Many shapes, one family"),
        paragraph(
            """
            SSE entities come in many forms. Some are registered under a law, for example
            a cooperative law. Others are informal groups that follow their own rules or
            local custom. Here are the main forms named by the ILO in 2009, with one more
            that is very common in Asia:
            """,
            bullets(
                """<b>Cooperatives</b> are owned and run by the members who use their
                services: farmers', consumers', workers' or credit cooperatives.""",
                """<b>Mutual benefit societies</b> (mutuals) collect contributions from
                members to protect each other against risks such as illness, accidents or
                death.""",
                """<b>Associations</b> bring people together for a shared purpose, for
                example an association of street vendors or of home-based workers.""",
                """<b>Foundations</b> set aside money or property for a social purpose,
                such as scholarships or health care.""",
                """<b>Social enterprises</b> are businesses whose main aim is social, for
                example a restaurant that trains and employs young people with
                disabilities.""",
                """<b>Self-help groups</b> are small groups, often of women, who save,
                borrow and work together.""",
            ),
        ),
        heading("The wider list of the UN Task Force on SSE", "h3"),
        paragraph(
            """
            The UNTFSSE adds other forms to the list: women's self-help groups, community
            forestry groups, social provisioning organizations (groups that provide care,
            food, water or other basic needs), fair-trade organizations, associations of
            informal-sector workers, social enterprises, and community currency and
            alternative finance schemes. Many of these are small, local and informal.
            """
        ),
        key_concept(
            "Form is not enough",
            """
            A legal form alone does not make an organization part of the SSE. A
            "cooperative" that one businessman controls, and where members never vote, does
            not act like an SSE entity. And an unregistered savings group, run by its
            members with fair rules, can be a true SSE entity. What counts is how the
            organization works in practice.
            """,
        ),
        paragraph(
            """
            This is why the programme looks at the <b>features</b> of an organization, not
            only at its name or its legal form. In the next module you will learn the seven
            features. You can use them to check any organization, whatever its form.
            """
        ),
        knowledge_check(
            true_false(
                "Only organizations registered under a law can be part of the SSE.",
                False,
                """The UNTFSSE list includes women's self-help groups and community forestry
                groups, which are often informal. What counts is how an organization works,
                not only its legal status.""",
                "Right: informal groups can be SSE entities too.",
                "Not quite: many SSE entities, such as self-help groups, are informal.",
            )
        ),
        reflection(
            """
            Which forms of SSE entity do you see in your country? Are most of them
            registered under a law, or are they informal groups?
            """
        ),
        source(
            """
            ILO (2009), plan of action for the social economy in Africa; United Nations
            Task Force on Social and Solidarity Economy (UNTFSSE).
            """
        ),
    ],
)

QUIZ_MODULE_1 = quiz(
    "module-1-quiz",
    "Module 1 quiz: what the SSE is",
    "Check what you have learned about the definitions, values and forms of the SSE. You "
    "need 70% to pass, and you can try again.",
    [
        single(
            "Which body adopted the international definition of the SSE in June 2022?",
            """The International Labour Conference adopted it at its 110th session, in a
            resolution concerning decent work and the SSE.""",
            right(
                "The International Labour Conference, at its 110th session.",
                "Correct: the ILO's member States adopted it at the Conference.",
            ),
            wrong(
                "The United Nations General Assembly.",
                "The General Assembly reaffirmed the definition later, on 18 April 2023.",
            ),
            wrong(
                "The UN Task Force on SSE.",
                "The Task Force has its own description, but it did not adopt this one.",
            ),
        ),
        true_false(
            """The United Nations General Assembly reaffirmed the 2022 definition of the SSE
            in a resolution of 18 April 2023.""",
            True,
            "The General Assembly resolution of 18 April 2023 reaffirmed the definition.",
            "Correct: this gave the definition wide international support.",
            "Not quite: the General Assembly did reaffirm it, on 18 April 2023.",
        ),
        multiple(
            "Which of these are values of the SSE named in the 2022 resolution?",
            """The values are care for people and planet, equality and fairness,
            interdependence, self-governance, transparency and accountability, and decent
            work and livelihoods.""",
            right("Care for people and planet.", "Yes: this is one of the six values."),
            right("Equality and fairness.", "Yes: this is one of the six values."),
            right("Transparency and accountability.", "Yes: this is one of the six values."),
            wrong(
                "Competition at any cost.",
                "No: the SSE values interdependence and cooperation, not competition.",
            ),
            wrong(
                "Growth of shareholder value.",
                "No: the SSE puts people and social purpose before capital.",
            ),
        ),
        single(
            "According to the 2022 definition, whose interest do SSE entities serve?",
            "SSE entities serve the collective interest of members and/or the general interest.",
            right(
                "The collective interest and/or the general interest.",
                "Correct: members' shared interest, the public interest, or both.",
            ),
            wrong(
                "The private interest of their investors.",
                "No: private gain for investors is not the purpose of an SSE entity.",
            ),
            wrong(
                "The interest of the government that registered them.",
                "No: SSE entities are autonomous and independent from government.",
            ),
        ),
        multiple(
            "Which of these does the UN Task Force on SSE list as part of the SSE?",
            """The UNTFSSE list includes women's self-help groups, community forestry groups,
            fair-trade organizations and community currency and alternative finance schemes,
            among others.""",
            right("Women's self-help groups.", "Yes: they are on the UNTFSSE list."),
            right("Community forestry groups.", "Yes: they are on the UNTFSSE list."),
            right("Fair-trade organizations.", "Yes: they are on the UNTFSSE list."),
            right(
                "Community currency and alternative finance schemes.",
                "Yes: they are on the UNTFSSE list.",
            ),
            wrong(
                "Large companies owned by private investors.",
                "No: these serve private gain and are not on the list.",
            ),
        ),
        true_false(
            "In the ILO's 2009 description, SSE enterprises pursue only economic aims.",
            False,
            "The 2009 description says they pursue both economic and social aims.",
            "Correct: they pursue both economic and social aims, and foster solidarity.",
            "Not quite: the description speaks of both economic and social aims.",
        ),
        single(
            """A village "cooperative" is controlled by one trader. Members never meet or
            vote. What is the best way to look at it?""",
            """Legal form alone is not enough: what counts is how the organization works in
            practice.""",
            right(
                """It has the name of a cooperative, but in practice it does not work like an
                SSE entity.""",
                "Correct: look at practice, not only at the name or legal form.",
            ),
            wrong(
                "It is an SSE entity, because it is registered as a cooperative.",
                "No: a legal form alone does not make an organization part of the SSE.",
            ),
            wrong(
                "It can never become an SSE entity.",
                "No: if members start to meet, vote and decide, it can change its practice.",
            ),
        ),
        single(
            """Which kind of relations between workers, producers and consumers does the UN
            Task Force on SSE stress?""",
            "The UNTFSSE stresses cooperative, associative and solidarity relations.",
            right(
                "Cooperative, associative and solidarity relations.",
                "Correct: this is how the Task Force describes them.",
            ),
            wrong(
                "Competitive relations in a free market.",
                "No: the Task Force stresses cooperation and solidarity.",
            ),
            wrong(
                "Relations controlled by the state.",
                "No: the Task Force stresses workplace democracy and self-management.",
            ),
        ),
        true_false(
            """Under the 2022 definition, the primacy of people over capital applies to
            surpluses or profits and also to assets.""",
            True,
            """The definition speaks of the distribution and use of surpluses and/or profits
            as well as assets.""",
            "Correct: both surpluses or profits and assets are covered.",
            "Not quite: the definition names assets as well as surpluses and profits.",
        ),
    ],
)

MODULE_1 = module(
    "what-is-the-sse",
    "What the SSE is",
    "The international definitions of the social and solidarity economy, its values, and "
    "the many forms that SSE entities take.",
    [LESSON_SSE_AROUND_YOU, LESSON_2022_DEFINITION, LESSON_FORMS, QUIZ_MODULE_1],
)
