"""Course 1, module 3: the SSE in Asia (roots, country cases, phase-2 findings)."""

from .blocks import (
    bullets,
    country_case,
    heading,
    key_concept,
    knowledge_check,
    lesson,
    module,
    multiple,
    numbered,
    paragraph,
    quiz,
    reflection,
    right,
    single,
    source,
    true_false,
    wrong,
)

PHASE_1_SOURCE = """
    Phase-1 research (2019-2021) of the ILO programme Strengthening Social and Solidarity
    Economy (SSE) in Asia, led by Seoul National University (Center for Social Innovation,
    Education and Research), and its series of eight policy briefs.
"""

LESSON_ROOTS = lesson(
    "roots-and-patterns",
    "Deep roots and common patterns",
    "Why the SSE in Asia is both very old and very new, and five patterns it shares across "
    "the region.",
    8,
    [
        heading("Old traditions, a new name"),
        paragraph(
            """
            Working together for shared needs is not new in Asia. Solidarity, reciprocity,
            mutual aid and respect for common property have deep cultural roots in the
            region. In many places, families exchange labour at planting and harvest time.
            Neighbours share the costs of a wedding or a funeral. Villages look after
            forests, pastures, fishing grounds and water together.
            """,
            """
            Modern SSE entities, such as cooperatives, mutuals and social enterprises, often
            grow from these traditions. They give old habits of cooperation written rules,
            a legal form and a place in the market.
            """,
        ),
        key_concept(
            "Common property",
            """
            Common property is a resource that a community owns or manages together, such
            as a forest, a pasture or an irrigation canal. Everyone may use it, under rules
            that the community agrees. Respect for common property is one of the roots of
            the SSE in Asia.
            """,
        ),
        heading("Five patterns across the region"),
        paragraph(
            """
            The first phase of the programme (2019-2021) studied six countries: China,
            Indonesia, Japan, Malaysia, the Philippines and the Republic of Korea. Across
            these very different countries, the researchers saw five common patterns:
            """,
            numbered(
                """<b>Deep cultural roots</b> in solidarity, reciprocity, mutual aid and
                respect for common property.""",
                """<b>A strong role of the state.</b> Governments may, for example,
                promote, fund or guide SSE entities.""",
                """<b>Cooperatives are the most prominent form</b> of SSE entity, and the one
                best known to the public.""",
                """<b>The recent rise of social enterprises</b>, businesses whose main aim
                is social.""",
                """<b>A discourse of harmony and partnership.</b> The SSE is usually described
                as working together with the public and private sectors, not against
                them.""",
            ),
        ),
        heading("Strengths and risks"),
        paragraph(
            """
            These patterns bring strengths. Support from the state can help SSE entities to
            start and grow. Partnership with government and business can open markets. But
            there are risks too. When the state is very strong, SSE entities may lose their
            autonomy. When partnership means always agreeing, members may lose their voice.
            Keep these patterns in mind as you read the country cases in the next lessons.
            """
        ),
        knowledge_check(
            single(
                "Which form of SSE entity did phase-1 research find the most prominent in Asia?",
                "Across the region, cooperatives are the most prominent form of SSE entity.",
                right("Cooperatives.", "Correct: they are the most prominent form."),
                wrong(
                    "Foundations.",
                    "No: foundations exist, but cooperatives are the most prominent form.",
                ),
                wrong(
                    "Social enterprises.",
                    "Not yet: social enterprises are rising, but cooperatives lead.",
                ),
            )
        ),
        reflection(
            """
            Which traditions of solidarity or mutual aid exist where you live? Do any modern
            organizations build on them?
            """
        ),
        source(PHASE_1_SOURCE),
    ],
)

LESSON_EAST_ASIA = lesson(
    "cases-japan-china-korea",
    "Country cases: Japan, China and the Republic of Korea",
    "What the first phase of the programme found in three East Asian countries.",
    8,
    [
        heading("Three different paths"),
        paragraph(
            """
            Research in the first phase was led by Seoul National University and
            published, among other results, in a series of eight policy briefs. In this
            lesson you will read what it found in three East Asian countries. Look for the
            five regional patterns, and for what makes each country different.
            """
        ),
        heading("Japan"),
        country_case(
            "JP",
            """
            In Japan, SSE entities work in relatively few sectors. Consumer cooperatives
            are very strong: about 30% of the population are members. SSE entities also
            collaborate strongly across sectors.
            """,
        ),
        paragraph(
            """
            Japan shows that the SSE does not need to be everywhere to matter. When a form
            such as the consumer cooperative reaches a large part of the population, it
            becomes part of daily life. Collaboration across sectors also makes SSE
            entities stronger than they would be alone.
            """
        ),
        heading("China"),
        country_case(
            "CN",
            """
            China has by far the largest cooperative sector in the world, with diverse SSE
            entities in rural and urban areas. Farmers' Specialized Cooperatives have
            reinvented the cooperative model. NGOs that provide services face restrictions
            on for-profit activity.
            """,
        ),
        paragraph(
            """
            China shows how much the law shapes the SSE. The cooperative model can be
            reinvented for new needs, as farmers' cooperatives show. At the same time,
            rules on what NGOs may do affect whether service providers can earn their own
            income.
            """
        ),
        heading("Republic of Korea"),
        country_case(
            "KR",
            """
            The Republic of Korea has community credit cooperatives, consumer cooperatives,
            village-based enterprises, self-sufficiency enterprises and social enterprises.
            The Korea Social Enterprise Promotion Agency (KoSEA) supports social
            enterprises, a Framework Act on Social Economy has been proposed, and a Council
            of Local Governments for SSE brings local authorities together.
            """,
        ),
        paragraph(
            """
            The Republic of Korea is moving towards an <b>ecosystem approach</b>. This
            means supporting not only single enterprises, but the whole environment around
            them: laws, finance, training, support agencies, networks and local
            governments. The Republic of Korea also funds this ILO programme, through its
            Ministry of Employment and Labour, and KoSEA was the implementing partner in
            phase 1.
            """
        ),
        knowledge_check(
            multiple(
                "Which statements match the phase-1 findings for these three countries?",
                """Japan has about 30% of the population in consumer cooperatives, China has
                by far the largest cooperative sector, and the Republic of Korea is shifting
                to an ecosystem approach.""",
                right(
                    "About 30% of Japan's population are members of consumer cooperatives.",
                    "Yes: consumer cooperatives are very strong in Japan.",
                ),
                right(
                    "China has by far the largest cooperative sector in the world.",
                    "Yes: this is a key finding for China.",
                ),
                right(
                    "The Republic of Korea is shifting to an ecosystem approach.",
                    "Yes: policy looks at the whole environment of SSE entities.",
                ),
                wrong(
                    "In Japan, SSE entities work in almost every sector of the economy.",
                    "No: in Japan they work in relatively few sectors.",
                ),
            )
        ),
        reflection(
            """
            Which of the three countries is closest to the situation in your own country?
            What idea from it would you like to try?
            """
        ),
        source(PHASE_1_SOURCE),
    ],
)

LESSON_SOUTH_EAST_ASIA = lesson(
    "cases-philippines-malaysia-indonesia",
    "Country cases: the Philippines, Malaysia and Indonesia",
    "What the first phase of the programme found in three South-East Asian countries.",
    8,
    [
        heading("Civil society, faith and law"),
        paragraph(
            """
            The three South-East Asian countries of the first phase show other sides of
            the SSE: the strength of civil society, the role of faith-based giving, and the
            weight of the law.
            """
        ),
        heading("The Philippines"),
        country_case(
            "PH",
            """
            The Philippines has a dynamic core of NGOs and People's Organizations, with a
            few large cooperatives and mutual benefit associations. A Bill on social
            enterprises has been put forward. Intermediary organizations take part in
            policy-making and planning.
            """,
        ),
        paragraph(
            """
            In the Philippines, intermediary organizations, which support and connect
            grassroots groups, bring the voice of the SSE into policy and planning. This is
            an example of SSE actors taking part in public decisions, which you will meet
            again in module 5.
            """
        ),
        heading("Malaysia"),
        country_case(
            "MY",
            """
            In Malaysia, Islamic philanthropy and social finance institutions work beside
            conventional cooperatives. The Twelfth Malaysia Plan (2021-2025) gives SSE
            entities a role in development, but there is no legal framework for social
            enterprises.
            """,
        ),
        heading("Indonesia"),
        country_case(
            "ID",
            """
            In Indonesia, too, Islamic philanthropy and social finance institutions exist
            beside conventional cooperatives. SSE values are prominent in the Constitution
            and in Pancasila, the state philosophy, but rarely appear in later laws. The
            cooperative law was revoked by the Constitutional Court and an older law was
            reinstated.
            """,
        ),
        paragraph(
            """
            Malaysia and Indonesia remind us that the SSE is not only cooperatives.
            Religious giving and social finance can fund schools, clinics and small
            businesses in the spirit of solidarity. They also show two policy gaps. A plan
            can give the SSE a role without a law for social enterprises. And values
            written in a constitution do not always reach later laws.
            """
        ),
        key_concept(
            "Law and practice",
            """
            Laws and plans matter, but they are not the whole picture. A country can have
            strong SSE values and practice while its laws are incomplete or changing. This
            is why the programme studies both the law and what organizations actually do.
            """,
        ),
        knowledge_check(
            true_false(
                """In Malaysia, the Twelfth Malaysia Plan (2021-2025) gives SSE entities a
                development role, and there is also a legal framework for social
                enterprises.""",
                False,
                """The plan gives SSE entities a development role, but Malaysia has no legal
                framework for social enterprises.""",
                "Right: the plan exists, but there is no legal framework for social enterprises.",
                "Not quite: Malaysia has no legal framework for social enterprises.",
            )
        ),
        reflection(
            """
            Are SSE values written in your country's constitution, plans or laws? Where do
            you see a gap between what is written and what happens?
            """
        ),
        source(PHASE_1_SOURCE),
    ],
)

LESSON_PHASE_2 = lesson(
    "phase-2-findings",
    "A lively SSE with a low profile: what phase 2 found",
    "The second phase of the programme found a vibrant SSE, little awareness of the term, "
    "and much dependence on government and donors.",
    8,
    [
        heading("Six more countries"),
        paragraph(
            """
            The second phase of the programme ran from July 2021 to December 2023 in
            Cambodia, Kyrgyzstan, Lao PDR, Mongolia, Thailand and Viet Nam. National
            researchers mapped the SSE in each country with an analytical tool. National
            advisory committees validated their findings. A regional advisory committee
            guided the work, and the findings were shared at an international conference
            in Bangkok in November 2023.
            """
        ),
        heading("Three findings"),
        paragraph(
            numbered(
                """<b>The SSE is vibrant.</b> The researchers found many active SSE
                entities, of many kinds.""",
                """<b>Few people know the term "SSE".</b> Many organizations practise the
                features of the SSE without using the name.""",
                """<b>Many entities are induced by, or depend on, government or
                donors.</b> They were set up because a programme or project encouraged
                them, or they survive mainly on its support.""",
            )
        ),
        key_concept(
            "Induced and dependent entities",
            """
            Help from government or donors is not bad in itself. It can start useful
            groups. The risk comes when members did not really choose to cooperate (feature
            3), or when outsiders take the decisions (feature 6). Such groups often fade
            when the support ends.
            """,
        ),
        heading("What this means for you"),
        paragraph(
            bullets(
                """<b>Government officials</b> can raise awareness of the SSE, and design
                support that builds members' own decisions instead of replacing them.""",
                """<b>Workers' organizations</b> can help informal workers to form their own
                SSE entities and keep them democratic.""",
                """<b>Employers' organizations</b> can link SSE enterprises with business
                partners and markets on fair terms.""",
                """<b>Community practitioners</b> can help groups to use the seven features
                to check and strengthen how they work.""",
            ),
            """
            The low awareness of the term is also an opportunity. Once people see that
            their savings group or cooperative is part of a wider SSE, they can join
            networks, learn from each other and speak with one voice.
            """,
        ),
        knowledge_check(
            true_false(
                """Phase-2 researchers found that SSE entities are rare in Cambodia,
                Kyrgyzstan, Lao PDR, Mongolia, Thailand and Viet Nam.""",
                False,
                """They found a vibrant SSE, but little awareness of the term and many
                entities that depend on government or donors.""",
                "Right: the SSE is vibrant; it is the term that is little known.",
                "Not quite: the researchers found a vibrant SSE in these countries.",
            )
        ),
        reflection(
            """
            Think of an SSE entity you know that was set up with help from a government
            programme or a donor. What would help it to stand on its own feet?
            """
        ),
    ],
)

QUIZ_MODULE_3 = quiz(
    "module-3-quiz",
    "Module 3 quiz: the SSE in Asia",
    "Check what you have learned about the roots of the SSE in Asia, the country cases and "
    "the phase-2 findings. You need 70% to pass.",
    [
        multiple(
            "Which of these are cultural roots of the SSE in Asia?",
            """Phase-1 research found deep roots in solidarity, reciprocity, mutual aid and
            respect for common property.""",
            right("Solidarity.", "Yes: this is one of the roots."),
            right("Reciprocity.", "Yes: this is one of the roots."),
            right("Respect for common property.", "Yes: this is one of the roots."),
            wrong(
                "Private ownership of all natural resources.",
                "No: the roots include respect for common property.",
            ),
        ),
        single(
            "About what share of Japan's population are members of consumer cooperatives?",
            "Phase-1 research found that about 30% of the population are members.",
            right("About 30%.", "Correct."),
            wrong("About 3%.", "No: consumer cooperatives are much stronger in Japan."),
            wrong("About 90%.", "No: the figure is about 30%."),
        ),
        true_false(
            "China has by far the largest cooperative sector in the world.",
            True,
            "This is one of the phase-1 findings for China.",
            "Correct.",
            "Not quite: phase-1 research found China's cooperative sector the largest.",
        ),
        single(
            "What did the Constitutional Court of Indonesia do with the cooperative law?",
            "The Constitutional Court revoked the cooperative law and an older law was reinstated.",
            right(
                "It revoked the law, and an older law was reinstated.",
                "Correct.",
            ),
            wrong(
                "It extended the law to social enterprises.",
                "No: the court revoked the law.",
            ),
            wrong(
                "It made membership of cooperatives compulsory.",
                "No: the court revoked the law, and an older law was reinstated.",
            ),
        ),
        multiple(
            "Which of these did phase-2 researchers find?",
            """They found a vibrant SSE, little awareness of the term, and many entities
            induced by or dependent on government or donors.""",
            right("A vibrant SSE.", "Yes: many active SSE entities."),
            right("Little awareness of the term SSE.", "Yes: the term is not well known."),
            right(
                "Many entities induced by or dependent on government or donors.",
                "Yes: this was a common finding.",
            ),
            wrong(
                "Strong legal frameworks for the SSE in all six countries.",
                "No: the findings did not say this.",
            ),
            wrong(
                "No SSE entities in rural areas.",
                "No: the SSE was found to be vibrant.",
            ),
        ),
        single(
            "Which organization was the implementing partner of the programme in phase 1?",
            """The Korea Social Enterprise Promotion Agency (KoSEA) was the implementing
            partner in phase 1.""",
            right("KoSEA, the Korea Social Enterprise Promotion Agency.", "Correct."),
            wrong(
                "The UN Task Force on SSE.",
                "No: the Task Force is a UN body, not the implementing partner.",
            ),
            wrong(
                "A Council of Local Governments for SSE.",
                "No: the Council brings local governments together in the Republic of Korea.",
            ),
        ),
        true_false(
            """In Asia, the SSE is usually described as working in harmony and partnership
            with the public and private sectors.""",
            True,
            "Phase-1 research found a discourse of harmony and partnership across the region.",
            "Correct.",
            "Not quite: harmony and partnership is the usual discourse in the region.",
        ),
        single(
            """In which country do intermediary organizations take part in policy-making and
            planning, beside a dynamic core of NGOs and People's Organizations?""",
            "This is a phase-1 finding for the Philippines.",
            right("The Philippines.", "Correct."),
            wrong("Japan.", "No: Japan is known for strong consumer cooperatives."),
            wrong("Malaysia.", "No: the finding is about the Philippines."),
        ),
    ],
)

MODULE_3 = module(
    "the-sse-in-asia",
    "The SSE in Asia",
    "The cultural roots and common patterns of the SSE in Asia, six country cases from the "
    "first phase of the programme, and what the second phase found.",
    [LESSON_ROOTS, LESSON_EAST_ASIA, LESSON_SOUTH_EAST_ASIA, LESSON_PHASE_2, QUIZ_MODULE_3],
)
