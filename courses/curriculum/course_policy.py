"""Course 2: From mapping to policy dialogue (intermediate), for policymakers and national
focal points.
"""

from .blocks import (
    bullets,
    course_minutes,
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

PROGRAMME_SOURCE = """
    ILO programme Strengthening Social and Solidarity Economy (SSE) in Asia, phase 2
    (July 2021 - December 2023).
"""

LESSON_MAPPING_METHOD = lesson(
    "the-phase-2-mapping-method",
    "How phase 2 mapped the SSE",
    "National researchers, an analytical tool and the seven features: how the SSE was "
    "mapped in six countries.",
    9,
    [
        heading("Why map the SSE?"),
        paragraph(
            """
            You cannot support what you cannot see. Before a government writes an SSE
            policy, it needs to know which SSE entities exist, what they do, how they work
            and what holds them back. A mapping study answers these questions, and gives
            SSE actors and government the same facts to discuss.
            """
        ),
        heading("Who mapped, and with what"),
        paragraph(
            """
            In the second phase of the programme (July 2021 to December 2023),
            <b>national researchers</b> mapped the SSE landscape in Cambodia, Kyrgyzstan,
            Lao PDR, Mongolia, Thailand and Viet Nam. They knew the language, the laws and
            the organizations of their own country.
            """,
            """
            They worked with an <b>analytical tool</b>. The research work of the programme
            refined the analytical framework of phase 1, which sorted organizations by
            three dimensions: social, economic and democratic. The phase-2 studies looked
            for entities that practise the <b>seven features</b> of the 2022 definition, or
            practise some of them and lack others, and recommended how they can adopt the
            missing features.
            """,
        ),
        key_concept(
            "The seven features, as a mapping lens",
            numbered(
                "Economic activity.",
                "Collective and/or general interest.",
                "Voluntary cooperation.",
                "Mutual aid.",
                "Democratic and/or participatory governance.",
                "Autonomy and independence.",
                "Primacy of people and social purpose over capital.",
            ),
        ),
        heading("Good practice for a national mapping"),
        paragraph(
            bullets(
                """Look at practice as well as law: what the law says and what organizations
                do can differ.""",
                """Search beyond official registers: informal and community-based groups are
                easy to miss.""",
                """Record which features each type of entity practises and which it lacks,
                not only a yes or no.""",
                """Turn gaps into recommendations: how can each type adopt the features it
                lacks?""",
            )
        ),
        heading("What the researchers found"),
        paragraph(
            """
            The researchers found a vibrant SSE, but little awareness of the term, and many
            entities induced by or dependent on government or donors. Their work also
            serves a wider goal of the programme: a normative SSE model that can be
            identified in all twelve countries of the programme.
            """
        ),
        knowledge_check(
            single(
                "What did the phase-2 mapping studies recommend for each type of entity?",
                """They looked at which of the seven features entities practise and
                recommended how to adopt the missing ones.""",
                right(
                    "How it can adopt the SSE features it lacks.",
                    "Correct: gaps become recommendations.",
                ),
                wrong(
                    "Whether it should be closed.",
                    "No: the studies aim to strengthen entities, not close them.",
                ),
                wrong(
                    "Which ministry should manage it.",
                    "No: this would go against autonomy and independence.",
                ),
            )
        ),
        reflection(
            """
            Which kinds of SSE entities in your country would a mapping find easily, and
            which could it miss?
            """
        ),
        source(PROGRAMME_SOURCE),
    ],
)

LESSON_VALIDATION = lesson(
    "national-advisory-committees-and-validation",
    "National advisory committees and validation workshops",
    "How national advisory committees and validation workshops check and own the findings.",
    8,
    [
        heading("Why validate?"),
        paragraph(
            """
            A mapping study is written by researchers, but its findings are about the
            whole country. Before the findings are used for policy, the people who know
            the SSE best should check them. In phase 2, <b>national advisory committees
            validated the findings</b> of the national researchers.
            """,
            """
            Validation does two things. It improves the findings: people can correct
            errors and add entities that the researchers missed. And it builds ownership:
            when government and SSE actors have checked the findings, they are more likely
            to act on them.
            """,
        ),
        heading("The national advisory committee"),
        paragraph(
            """
            A national advisory committee follows the mapping in one country. It is most
            useful when it brings together the constituents of the programme:
            """,
            bullets(
                "policymakers from government;",
                "workers' organizations;",
                "employers' organizations;",
                "cooperatives and wider SSE institutions.",
            ),
            """
            In each country a <b>national focal point</b> keeps the work moving and
            follows up on what the committee decides.
            """,
        ),
        heading("Running a validation workshop"),
        paragraph(
            """
            A validation workshop presents the draft findings to a wider group and asks:
            are they right, and are they complete? Good practice includes:
            """,
            numbered(
                "Share a short summary in the national language before the workshop.",
                """Invite SSE entities themselves, including small and informal groups,
                women and young people.""",
                """Present the findings by feature: which features are strong, which are
                weak.""",
                """Give time for small-group discussion, and record every correction and
                disagreement.""",
                "Agree on the next steps and on who will revise the report.",
            ),
        ),
        key_concept(
            "Validation is not approval",
            """
            A validation workshop is not only a ceremony to approve a report. Its value
            lies in the corrections, the disagreements and the new ideas that it brings
            out.
            """,
        ),
        knowledge_check(
            multiple(
                "What does a good validation process achieve?",
                """Validation corrects and completes the findings and builds ownership among
                the people who will use them.""",
                right(
                    "It corrects errors in the findings.",
                    "Yes: people who know the SSE can spot mistakes.",
                ),
                right(
                    "It adds entities that the researchers missed.",
                    "Yes: especially informal groups.",
                ),
                right(
                    "It builds ownership of the findings.",
                    "Yes: people act on findings they have checked.",
                ),
                wrong(
                    "It removes the need for any further dialogue.",
                    "No: validation is a step towards policy dialogue, not the end.",
                ),
            )
        ),
        reflection(
            """
            Who in your country should take part in validating an SSE mapping? Who is often
            forgotten?
            """
        ),
        source(PROGRAMME_SOURCE),
    ],
)

LESSON_REGIONAL = lesson(
    "the-regional-advisory-committee",
    "The regional advisory committee and the community of practice",
    "How regional structures guide the work and connect the twelve countries.",
    7,
    [
        heading("Guidance across borders"),
        paragraph(
            """
            National work needs regional support. In phase 2, a <b>regional advisory
            committee (RAC)</b> guided the work of the programme. Guidance at regional
            level helps national studies to stay comparable, so that lessons from one
            country can inform another.
            """,
            """
            The findings of the six phase-2 countries were shared at an international
            conference in Bangkok in November 2023. Phase 1 had its own research
            conference. These meetings let researchers, policymakers and SSE actors compare
            results across the region.
            """,
        ),
        heading("Two work areas"),
        paragraph(
            bullets(
                """<b>Research:</b> refine the analytical framework, map the SSE in each
                country, carry out case studies, and build a normative SSE model that can be
                identified in all twelve countries.""",
                """<b>Capacity building:</b> design and run capacity-building workshops,
                establish a regional community of practice for the SSE, and carry out
                national follow-up activities.""",
            )
        ),
        key_concept(
            "The regional community of practice",
            """
            A community of practice is a group of people who share a field of work and
            learn from each other over time. The regional community of practice for the
            SSE spans all twelve countries of the programme: China, Indonesia, Japan,
            Malaysia, the Philippines and the Republic of Korea from phase 1, and Cambodia,
            Kyrgyzstan, Lao PDR, Mongolia, Thailand and Viet Nam from phase 2.
            """,
        ),
        heading("Making the most of it"),
        paragraph(
            """
            As a policymaker or focal point, you can use the community to ask how other
            countries handled a problem you face. For example, how did another country
            bring SSE actors into policy and planning, or support social enterprises? You
            can also share your own country's results, so that others learn from them.
            """
        ),
        knowledge_check(
            true_false(
                "The regional community of practice covers only the six phase-2 countries.",
                False,
                "The regional community of practice spans all twelve countries.",
                "Right: it spans all twelve countries of both phases.",
                "Not quite: it spans all twelve countries.",
            )
        ),
        reflection(
            """
            What question about the SSE in your country would you like to ask colleagues in
            other countries of the region?
            """
        ),
        source(PROGRAMME_SOURCE),
    ],
)

LESSON_DIALOGUE = lesson(
    "co-construction-and-policy-dialogue",
    "Co-construction and policy dialogue",
    "How to turn mapping findings into policy that SSE actors and government build together.",
    9,
    [
        heading("From findings to policy"),
        paragraph(
            """
            A validated mapping is a strong starting point for policy. The last policy brief
            of phase 1 concluded that SSE policies are best <b>co-constructed</b> by SSE
            actors and governments: designed, carried out and reviewed together. A
            <b>policy dialogue</b> is one of the main tools for this.
            """
        ),
        key_concept(
            "Policy dialogue",
            """
            A structured meeting, or series of meetings, where government and SSE actors
            discuss a policy question on the basis of shared evidence, and agree on what
            to do next.
            """,
        ),
        heading("Preparing a policy dialogue"),
        paragraph(
            numbered(
                """<b>Start from the evidence.</b> Use the validated mapping: which features
                are strong, which are weak, and which types of entity are missing from
                policy.""",
                """<b>Choose a clear question.</b> For example: how can support for
                cooperatives build members' own decisions instead of replacing them?""",
                """<b>Invite the right people.</b> Government, workers' and employers'
                organizations, cooperatives and wider SSE institutions, including small and
                informal groups.""",
                """<b>Agree on an outcome.</b> A dialogue should end with agreed next steps,
                such as a legal or policy review, or a pilot programme.""",
            )
        ),
        heading("An agenda from brief 8"),
        paragraph(
            """
            The seven policy challenges of brief 8 can help you to set the agenda: forging
            sustainable organizations; recognizing the SSE as more than a welfare partner;
            policy coherence and consistency; promoting the SSE as a sector; strengthening
            the institutional ecosystem; the SSE and the urban informal economy; and
            addressing the democratic deficit.
            """,
            """
            The four strategies suggest answers. <b>Mainstreaming</b> raises public and
            policy awareness. The <b>transformative</b> strategy helps PHOs and informal
            workers adopt SSE features. The <b>community</b> strategy builds links with
            territories and other SSE entities. The <b>civil society</b> strategy builds
            networks, coalitions, advocacy and participation in policy.
            """,
        ),
        knowledge_check(
            single(
                "What should a good policy dialogue end with?",
                """A dialogue should end with agreed next steps, such as a legal or policy
                review or a pilot programme.""",
                right("Agreed next steps.", "Correct: dialogue should lead to action."),
                wrong(
                    "A speech by the minister, and no follow-up.",
                    "No: without follow-up, the dialogue changes nothing.",
                ),
                wrong(
                    "A decision taken by government alone.",
                    "No: that is not co-construction.",
                ),
            )
        ),
        reflection(
            """
            Which policy question about the SSE in your country is most ready for a
            dialogue? What evidence would you bring?
            """
        ),
        source(
            """
            Policy brief 8 of the phase-1 series of the ILO programme Strengthening Social
            and Solidarity Economy (SSE) in Asia.
            """
        ),
    ],
)

LESSON_FOLLOW_UP = lesson(
    "planning-national-follow-up",
    "Planning national follow-up activities",
    "The types of national follow-up activity, and how to plan and record them.",
    8,
    [
        heading("Keeping the momentum"),
        paragraph(
            """
            Mapping and dialogue are only useful if they lead to action. National follow-up
            activities are part of the capacity-building work of the programme. In each
            country, the <b>national focal point</b> plans them with partners and records
            them on this platform, so that the regional community of practice can follow
            progress and learn.
            """
        ),
        heading("Types of activity"),
        paragraph(
            bullets(
                "national advisory committee meeting;",
                "validation workshop;",
                "policy dialogue;",
                "capacity-building workshop or training;",
                "awareness raising;",
                "legal or policy review;",
                "research dissemination;",
                "network or coalition building;",
                "other.",
            )
        ),
        heading("Planning an activity"),
        paragraph(
            numbered(
                """<b>Link it to a finding.</b> Each activity should answer a gap found in
                the mapping or raised in a dialogue.""",
                "<b>Choose the type</b> that best fits the aim.",
                """<b>Set a clear objective</b>: what should be different after the
                activity?""",
                """<b>Plan participants</b>: constituents, SSE entities, women and young
                people.""",
                """<b>Record it</b>: date, type, participants and results, and what comes
                next.""",
            )
        ),
        key_concept(
            "An illustrative plan",
            """
            Suppose a mapping found little awareness of the term SSE among local officials,
            and many savings groups that depend on one donor. A focal point might plan an
            <b>awareness-raising</b> session for local officials, a <b>capacity-building
            training</b> for savings groups on autonomy and democratic governance, and a
            <b>network-building</b> meeting so that the groups can support each other.
            """,
        ),
        knowledge_check(
            single(
                """A ministry wants to check whether its cooperative law fits the seven
                features. Which activity type fits best?""",
                "Checking a law against the features is a legal or policy review.",
                right("Legal or policy review.", "Correct."),
                wrong("Research dissemination.", "No: that shares existing research."),
                wrong("Awareness raising.", "No: that builds public understanding."),
            )
        ),
        heading("Learning from results"),
        paragraph(
            """
            Recording is not only for reports. When every country records its activities
            in the same way, focal points can see what worked elsewhere and reuse good
            ideas. After each activity, note in a few lines what changed, what did not, and
            what you would do differently. Share the most useful lessons with the regional
            community of practice.
            """
        ),
        reflection(
            """
            Plan one follow-up activity for your country: its type, its objective, who will
            take part, and how you will know it worked.
            """
        ),
        source(PROGRAMME_SOURCE),
    ],
)

COURSE_QUIZ = quiz(
    "course-quiz",
    "Course quiz: from mapping to policy dialogue",
    "Check what you have learned about mapping, validation, co-construction and national "
    "follow-up. You need 70% to pass.",
    [
        single(
            "Who mapped the SSE landscape in each phase-2 country?",
            "National researchers mapped the SSE in each country with an analytical tool.",
            right("National researchers.", "Correct."),
            wrong("The regional advisory committee.", "No: the RAC guided the work."),
            wrong("Private consulting companies.", "No: national researchers did the mapping."),
        ),
        true_false(
            "In phase 2, national advisory committees validated the findings of the mapping.",
            True,
            "National advisory committees validated the findings in each country.",
            "Correct.",
            "Not quite: validation was the role of the national advisory committees.",
        ),
        multiple(
            "Which of these are national follow-up activity types?",
            """The types include national advisory committee meetings, validation
            workshops, policy dialogues, legal or policy reviews and more.""",
            right("Policy dialogue.", "Yes."),
            right("Legal or policy review.", "Yes."),
            right("Network or coalition building.", "Yes."),
            wrong("Closing SSE entities that lack features.", "No: this is not an activity type."),
        ),
        single(
            "What did the regional advisory committee (RAC) do?",
            "The RAC guided the work of the programme in phase 2.",
            right("It guided the work of the programme.", "Correct."),
            wrong("It registered SSE entities.", "No: the RAC is not a registration body."),
            wrong("It wrote national laws.", "No: it guided the programme's work."),
        ),
        true_false(
            "The phase-2 findings were shared at an international conference in Bangkok in "
            "November 2023.",
            True,
            "The findings were shared at an international conference in Bangkok.",
            "Correct.",
            "Not quite: the conference took place in Bangkok in November 2023.",
        ),
        multiple(
            "What did the phase-2 mapping studies look for?",
            """They looked for entities that practise the seven features, or practise some
            and lack others, and recommended how to adopt the missing ones.""",
            right(
                "Entities that practise all seven features.",
                "Yes: these are full SSE entities.",
            ),
            right(
                "Entities that practise some features and lack others.",
                "Yes: they can adopt the missing ones.",
            ),
            right(
                "Ways for entities to adopt missing features.",
                "Yes: the studies made recommendations.",
            ),
            wrong(
                "Only entities registered under a cooperative law.",
                "No: the studies looked at practice, not one legal form.",
            ),
        ),
        single(
            "What does co-construction of policy mean?",
            "SSE actors and governments design, carry out and review policy together.",
            right(
                "SSE actors and governments build the policy together.",
                "Correct.",
            ),
            wrong(
                "Government writes the policy and SSE actors follow it.",
                "No: that is a top-down approach.",
            ),
            wrong(
                "SSE actors write the policy without government.",
                "No: co-construction needs both sides.",
            ),
        ),
        true_false(
            "The regional community of practice for the SSE spans all twelve countries of "
            "the programme.",
            True,
            "It spans the six phase-1 and the six phase-2 countries.",
            "Correct.",
            "Not quite: it spans all twelve countries.",
        ),
    ],
)

MODULE_MAPPING = module(
    "mapping-the-sse",
    "Mapping the SSE",
    "How the second phase of the programme mapped the SSE, and how national and regional "
    "committees validated and guided the work.",
    [LESSON_MAPPING_METHOD, LESSON_VALIDATION, LESSON_REGIONAL],
)

MODULE_POLICY = module(
    "from-findings-to-policy",
    "From findings to policy",
    "How to use the findings in policy dialogue with SSE actors, and how to plan national "
    "follow-up activities.",
    [LESSON_DIALOGUE, LESSON_FOLLOW_UP, COURSE_QUIZ],
)

MODULES = [MODULE_MAPPING, MODULE_POLICY]

COURSE_POLICY = {
    "slug": "from-mapping-to-policy-dialogue",
    "title": "From mapping to policy dialogue",
    "summary": (
        "How the programme mapped the SSE with national researchers, an analytical tool and "
        "the seven features, and how the findings were validated. How to turn them into "
        "co-constructed policy and national follow-up activities."
    ),
    "audience": (
        "Policymakers and national focal points who have completed, or know the content "
        "of, the introductory course on the SSE."
    ),
    "outcomes": [
        "Describe the phase-2 mapping method: national researchers, the analytical tool and "
        "the seven features.",
        "Explain the roles of national advisory committees, validation workshops and the "
        "regional advisory committee.",
        "Prepare a policy dialogue that supports the co-construction of SSE policy.",
        "Plan and record national follow-up activities of the right type.",
    ],
    "minutes": course_minutes(MODULES),
    "level": "intermediate",
    "modules": MODULES,
}
