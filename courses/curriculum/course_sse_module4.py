"""Course 1, module 4: recognising SSE entities with the phase-1 analytical tool."""

from .blocks import (
    bullets,
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

TOOL_SOURCE = """
    Analytical tool of the phase-1 research (2019-2021) of the ILO programme Strengthening
    Social and Solidarity Economy (SSE) in Asia, led by Seoul National University.
"""

LESSON_DIMENSIONS = lesson(
    "three-dimensions",
    "The three dimensions of the analytical tool",
    "The phase-1 analytical tool looks at three dimensions of an organization: social, "
    "economic and democratic.",
    8,
    [
        heading("Why a tool?"),
        paragraph(
            """
            The first phase of the programme studied six very different countries. Each has
            its own laws, its own names for organizations and its own history. To count and
            compare SSE entities across all of them, the researchers needed one common
            yardstick. They built an <b>analytical tool</b> with three core dimensions:
            social, economic and democratic. Each dimension has one or two
            <b>sub-conditions</b>.
            """
        ),
        key_concept(
            "1. The social dimension",
            "An organization meets the social dimension if:",
            bullets(
                "it addresses specific social problems; <b>or</b>",
                """its core activity is in the public interest, such as education, health
                care or culture.""",
            ),
        ),
        key_concept(
            "2. The economic dimension",
            """
            An organization meets the economic dimension if it is engaged in productive or
            service activities. These may be for-profit or non-profit.
            """,
        ),
        key_concept(
            "3. The democratic dimension",
            "An organization meets the democratic dimension if it has:",
            bullets(
                """<b>free establishment</b>: it is easy to set up legally, for example
                without special permission; <b>and/or</b>""",
                "<b>democratic governance</b> inside the organization.",
            ),
        ),
        heading("One sub-condition is enough"),
        paragraph(
            """
            A dimension is met when <b>at least one</b> of its sub-conditions is met. For
            example, a community clinic does not need to address a specific social problem:
            health care is in the public interest, so it meets the social dimension. A
            cooperative that can be registered easily meets the democratic dimension
            through free establishment, and it meets it again if its members really govern
            it.
            """
        ),
        heading("Examples", "h3"),
        paragraph(
            bullets(
                """A women's weaving group that helps poor widows earn an income addresses a
                specific social problem: social dimension met.""",
                """A savings group that lends to its members provides a financial service:
                economic dimension met.""",
                """An association that anyone can register with a simple form, and whose
                members elect the committee, meets both democratic sub-conditions.""",
            )
        ),
        knowledge_check(
            multiple(
                "Which facts meet a sub-condition of the democratic dimension?",
                """Free establishment and democratic governance inside the organization are
                the two sub-conditions of the democratic dimension.""",
                right(
                    "Members elect the board, one member, one vote.",
                    "Yes: this is democratic governance inside the organization.",
                ),
                right(
                    "The organization can be set up by simple registration.",
                    "Yes: this is free establishment.",
                ),
                wrong(
                    "The organization sells vegetables at the market.",
                    "No: this meets the economic dimension, not the democratic one.",
                ),
                wrong(
                    "The organization runs a school.",
                    "No: this meets the social dimension (public interest).",
                ),
            )
        ),
        reflection(
            """
            Choose one organization you know well. Which sub-conditions does it meet under
            each of the three dimensions?
            """
        ),
        source(TOOL_SOURCE),
    ],
)

LESSON_CLASSIFY = lesson(
    "sseoe-pho-or-outside",
    "SSEOE, PHO or outside the SSE?",
    "How the analytical tool classifies an organization, with worked examples to practise.",
    9,
    [
        key_concept(
            "The classification rule",
            numbered(
                """At least one sub-condition met under <b>all three</b> dimensions: an
                <b>SSE organization or enterprise (SSEOE)</b>.""",
                """At least one sub-condition met under <b>exactly two</b> dimensions: a
                <b>Partial Hybrid Organization (PHO)</b>.""",
                """Met under only one dimension, or none: <b>outside the SSE</b> as the
                mapping defines it.""",
            ),
        ),
        heading("How to apply it"),
        paragraph(
            numbered(
                "Take each dimension in turn: social, economic, democratic.",
                """Check its sub-conditions. If at least one is met, mark the dimension
                "met".""",
                "Count the dimensions that are met: three, two, or one or none.",
                "Apply the rule above.",
            )
        ),
        heading("Worked example 1: a weaving group"),
        paragraph(
            """
            A women's weaving group helps women in a poor district earn an income (social:
            met). It sells cloth every week (economic: met). Any group of women can form
            such a group, and members choose their leader each year (democratic: met).
            Three dimensions are met, so it is an <b>SSEOE</b>.
            """
        ),
        heading("Worked example 2: a hospital"),
        paragraph(
            """
            A hospital provides health care, which is in the public interest (social: met).
            It provides services (economic: met). It could only be created by a special
            decree, and its board is appointed by a ministry (democratic: not met). Two
            dimensions are met, so it is a <b>PHO</b>.
            """
        ),
        heading("Worked example 3: a trading company"),
        paragraph(
            """
            A company buys and sells building materials for profit (economic: met). It
            addresses no specific social problem, and its core activity is not in the
            public interest (social: not met). It was set up with a special licence, and
            its owner decides alone (democratic: not met). Only one dimension is met, so it
            is <b>outside the SSE</b> as mapped.
            """
        ),
        paragraph(
            """
            A PHO is not a failure. Many PHOs do valuable work, and some can adopt the
            missing features and move closer to the SSE.
            """
        ),
        knowledge_check(
            single(
                """A village savings group helps poor households avoid moneylenders. It
                collects savings and gives loans every month. Any group of villagers may
                form one, and members vote on every loan. How does the tool classify it?""",
                """Social (a specific social problem), economic (a financial service) and
                democratic (free establishment and member votes) are all met.""",
                right("An SSEOE.", "Correct: all three dimensions are met."),
                wrong("A PHO.", "No: a PHO meets exactly two dimensions; this group meets three."),
                wrong(
                    "Outside the SSE.",
                    "No: it meets all three dimensions.",
                ),
            )
        ),
        knowledge_check(
            single(
                """A neighbourhood association campaigns for street lights to make its streets
                safer. It produces no goods and provides no services. Members elect its
                committee. How does the tool classify it?""",
                """Social (a specific problem) and democratic (elected committee) are met, but
                not economic: two dimensions make it a PHO.""",
                right("A PHO.", "Correct: exactly two dimensions are met."),
                wrong("An SSEOE.", "No: it has no productive or service activity."),
                wrong("Outside the SSE.", "No: it meets two dimensions, not one or none."),
            )
        ),
        reflection(
            """
            Classify two organizations you know with the tool. Did the result surprise you?
            """
        ),
        source(TOOL_SOURCE),
    ],
)

LESSON_LIMITS = lesson(
    "limits-of-the-tool",
    "The limits of the tool, and the seven features",
    "What the analytical tool can miss, and how the seven features add to it.",
    8,
    [
        heading("Limit 1: practice can differ from the law"),
        paragraph(
            """
            Researchers often start from the law: what does the cooperative law, or the
            law on associations, say? But practice can differ from what the law says. A
            law may require a general assembly of members, yet in one cooperative the
            manager decides everything and the assembly never meets. The other way round,
            a group with no legal duty to be democratic may hold fair elections every
            year. A good mapping checks what organizations really do.
            """
        ),
        heading("Limit 2: informal groups are hard to capture"),
        paragraph(
            """
            Many SSE entities in Asia are informal and community-based: savings groups,
            funeral associations, groups that share irrigation water or manage a forest by
            custom. They are not in any register and often keep few written records. A
            mapping that relies on official lists will miss them. To reduce this gap, the
            phase-1 mapping also included national organizations that were not
            institutionalized.
            """
        ),
        key_concept(
            "A tool, not a verdict",
            """
            The tool sorts organizations for research. It does not judge their value. The
            phrase "outside the SSE as mapped" means outside the map, under the tool's
            rules. It does not mean that an organization is bad or cannot change.
            """,
        ),
        heading("From three dimensions to seven features"),
        paragraph(
            """
            The second phase refined the analytical framework. Its mapping studies look for
            organizations that practise the <b>seven features</b> from the 2022 definition,
            or practise some and lack others. They then recommend how each organization can
            adopt the features it lacks. The three dimensions tell you <i>whether</i> an
            organization is on the map. The seven features tell you <i>how</i> it can grow
            stronger as an SSE entity.
            """
        ),
        knowledge_check(
            single(
                """The law says a cooperative must hold a general assembly every year, but
                a researcher learns that this one has not met for five years. What should
                the researcher do?""",
                """Practice can differ from the law, so the researcher should record what
                really happens and note the gap.""",
                right(
                    "Record that, in practice, members do not govern, and note the gap.",
                    "Correct: the mapping should reflect practice, not only the law.",
                ),
                wrong(
                    "Mark democratic governance as met, because the law requires it.",
                    "No: this ignores what really happens.",
                ),
                wrong(
                    "Leave the cooperative out of the study without noting anything.",
                    "No: the gap is useful information, and other conditions may still be met.",
                ),
            )
        ),
        knowledge_check(
            true_false(
                """An informal savings group that is not registered anywhere can never be
                on the map.""",
                False,
                """Informal groups are hard to capture, but the phase-1 mapping also included
                non-institutionalized national organizations.""",
                "Right: informal groups are hard to capture, not excluded by definition.",
                "Not quite: the difficulty is practical; informal groups are not excluded.",
            )
        ),
        reflection(
            """
            Which informal SSE groups in your area would an official register miss? How
            could a researcher find them?
            """
        ),
        source(TOOL_SOURCE),
    ],
)

QUIZ_MODULE_4 = quiz(
    "module-4-quiz",
    "Module 4 quiz: recognising SSE entities",
    "Practise the analytical tool on short cases. You need 70% to pass.",
    [
        single(
            "An organization meets at least one sub-condition under all three dimensions. "
            "What is it?",
            "All three dimensions met means an SSE organization or enterprise (SSEOE).",
            right("An SSE organization or enterprise (SSEOE).", "Correct."),
            wrong("A Partial Hybrid Organization (PHO).", "No: a PHO meets exactly two."),
            wrong("Outside the SSE.", "No: it meets all three dimensions."),
        ),
        single(
            "What is a Partial Hybrid Organization (PHO)?",
            "A PHO meets at least one sub-condition under exactly two of the three dimensions.",
            right(
                "An organization that meets exactly two of the three dimensions.",
                "Correct.",
            ),
            wrong(
                "An organization that meets all three dimensions.",
                "No: that is an SSEOE.",
            ),
            wrong(
                "An organization that meets only one dimension.",
                "No: one dimension or none is outside the SSE as mapped.",
            ),
            wrong(
                "An organization that is half owned by the state.",
                "No: the term is about the number of dimensions met, not ownership.",
            ),
        ),
        multiple(
            "Which of these are sub-conditions of the social dimension?",
            """The social dimension is met if the organization addresses specific social
            problems, or if its core activity is in the public interest.""",
            right(
                "It addresses specific social problems.",
                "Yes: this is one sub-condition.",
            ),
            right(
                "Its core activity is in the public interest, such as education or health care.",
                "Yes: this is the other sub-condition.",
            ),
            wrong(
                "It is easy to set up legally.",
                "No: free establishment belongs to the democratic dimension.",
            ),
            wrong(
                "It sells goods or services.",
                "No: this belongs to the economic dimension.",
            ),
        ),
        true_false(
            "To meet the economic dimension, an organization must be run for profit.",
            False,
            """The economic dimension covers productive or service activities, for-profit
            or non-profit.""",
            "Correct: non-profit activities count too.",
            "Not quite: the activity can be for-profit or non-profit.",
        ),
        single(
            """A private school is owned by one family. It teaches children (public
            interest) and charges fees. It could only be opened with a special licence, and
            the family takes every decision. How does the tool classify it?""",
            """Social (education) and economic (a service) are met; democratic is not, so it
            is a PHO.""",
            right("A PHO.", "Correct: exactly two dimensions are met."),
            wrong("An SSEOE.", "No: the democratic dimension is not met."),
            wrong("Outside the SSE.", "No: two dimensions are met."),
        ),
        single(
            """A trading company imports luxury cars for profit. It addresses no social
            problem and its activity is not in the public interest. It could only be set up
            with a special licence, and one owner takes every decision. How does the tool
            classify it?""",
            "Only the economic dimension is met, so it is outside the SSE as mapped.",
            right("Outside the SSE as mapped.", "Correct: only one dimension is met."),
            wrong("A PHO.", "No: a PHO meets exactly two dimensions."),
            wrong("An SSEOE.", "No: it meets only the economic dimension."),
        ),
        multiple(
            "Which are known limits of the phase-1 analytical tool?",
            """Practice can differ from the law, and informal and community-based entities
            are hard to capture.""",
            right(
                "Practice can differ from what the law says.",
                "Yes: the law may say one thing while the organization does another.",
            ),
            right(
                "Informal and community-based entities are hard to capture.",
                "Yes: they are often missing from official registers.",
            ),
            wrong(
                "It can only be used in one country.",
                "No: it was built to compare six countries.",
            ),
            wrong(
                "It ignores the economic side of organizations.",
                "No: the economic dimension is one of its three dimensions.",
            ),
        ),
        true_false(
            """The phase-2 mapping studies recommend how organizations can adopt the features
            of the SSE that they lack.""",
            True,
            """The studies look for entities that practise the seven features, or some of
            them, and recommend how to adopt the missing ones.""",
            "Correct.",
            "Not quite: recommending how to adopt missing features is part of the studies.",
        ),
    ],
)

MODULE_4 = module(
    "recognising-sse-entities",
    "Recognising SSE entities",
    "The analytical tool of the first phase: three dimensions, a simple classification "
    "rule, its limits, and practice cases.",
    [LESSON_DIMENSIONS, LESSON_CLASSIFY, LESSON_LIMITS, QUIZ_MODULE_4],
)
