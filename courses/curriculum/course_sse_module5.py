"""Course 1, module 5: policy challenges, strategies and the co-construction of policy."""

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

BRIEF_8_SOURCE = """
    Policy brief 8 of the phase-1 series of the ILO programme Strengthening Social and
    Solidarity Economy (SSE) in Asia (2019-2021).
"""

LESSON_CHALLENGES = lesson(
    "seven-policy-challenges",
    "Seven policy challenges",
    "The seven challenges that the last policy brief of phase 1 found for SSE policy in Asia.",
    9,
    [
        heading("What holds the SSE back?"),
        paragraph(
            """
            The first phase of the programme ended with a series of eight policy briefs.
            The last one, brief 8, looked across the six countries and named seven
            challenges for public policy on the SSE. You will meet them in many countries
            of the region, in different forms.
            """
        ),
        heading("The seven challenges"),
        paragraph(
            numbered(
                """<b>Forging sustainable organizations.</b> Many SSE entities are small and
                fragile. Policy should help them to last, not only to start.""",
                """<b>Recognizing the SSE as more than a welfare partner.</b> The SSE is often
                seen only as a helper that delivers social services. It is also an
                economic actor that creates work and income.""",
                """<b>Policy coherence and consistency.</b> Different ministries and laws may
                treat the same kind of organization in different ways, and programmes may
                change often. Policies need to fit together and last.""",
                """<b>Promoting the SSE as a sector.</b> Cooperatives, associations, mutuals
                and social enterprises are often treated separately. Seen together, as one
                sector, they are easier to recognise and support.""",
                """<b>Strengthening the institutional ecosystem.</b> SSE entities need an
                environment that supports them, such as suitable finance, training,
                support organizations and networks.""",
                """<b>The SSE and the urban informal economy.</b> Many workers in cities
                work informally, for example as street vendors or home-based workers. SSE
                entities can help them organize and improve their work.""",
                """<b>Addressing the democratic deficit.</b> The democratic dimension is the
                least developed part of the SSE in the region. Members often have little
                say.""",
            )
        ),
        key_concept(
            "Democratic deficit",
            """
            A democratic deficit is a gap between the democratic ideal of the SSE and
            reality. In the region, many organizations have members, but members do not
            elect leaders or take part in decisions. Policy can help, for example by
            supporting member training or by making democratic rules simple to follow.
            """,
        ),
        knowledge_check(
            multiple(
                "Which of these are among the seven policy challenges of brief 8?",
                """The seven challenges include sustainable organizations, recognizing the
                SSE as more than a welfare partner and addressing the democratic deficit.""",
                right(
                    "Forging sustainable organizations.",
                    "Yes: this is the first challenge.",
                ),
                right(
                    "Addressing the democratic deficit.",
                    "Yes: the democratic dimension is the least developed.",
                ),
                right(
                    "The SSE and the urban informal economy.",
                    "Yes: this is one of the seven challenges.",
                ),
                wrong(
                    "Replacing all private companies with cooperatives.",
                    "No: this is not a challenge named in the brief.",
                ),
            )
        ),
        reflection(
            """
            Which of the seven challenges is most urgent in your country? Give one example
            that shows it.
            """
        ),
        source(BRIEF_8_SOURCE),
    ],
)

LESSON_STRATEGIES = lesson(
    "four-strategies",
    "Four strategies for the way forward",
    "Mainstreaming, transformative, community and civil society strategies to strengthen the SSE.",
    8,
    [
        heading("From challenges to action"),
        paragraph(
            """
            Brief 8 did not stop at the challenges. It proposed four strategies. They work
            best together, and each can involve governments, workers' and employers'
            organizations, and SSE entities themselves.
            """
        ),
        heading("1. The mainstreaming strategy", "h3"),
        paragraph(
            """
            This strategy builds <b>public and policy awareness</b> of the SSE. Remember
            that phase-2 researchers found a vibrant SSE but little awareness of the term.
            Mainstreaming means bringing the SSE into the main debates, plans and
            statistics, for example by including it in a national development plan, or by
            training officials about it.
            """
        ),
        heading("2. The transformative strategy", "h3"),
        paragraph(
            """
            This strategy helps <b>Partial Hybrid Organizations (PHOs) and informal
            workers to adopt SSE features</b>. A PHO that meets only two dimensions can
            strengthen the third. For example, a social service provider can give its users
            a voice on its board. A group of informal street vendors can form an
            association or a cooperative.
            """
        ),
        heading("3. The community strategy", "h3"),
        paragraph(
            """
            This strategy builds <b>links with territories and with other SSE
            entities</b>. SSE entities are rooted in a place. When cooperatives, savings
            groups, local schools and the local government of one district work together,
            for example on a local market or a care service, they become stronger than each
            one alone.
            """
        ),
        heading("4. The civil society strategy", "h3"),
        paragraph(
            """
            This strategy builds <b>networks, coalitions and advocacy</b>, and the
            <b>participation of SSE actors in policy</b>. SSE entities that speak with one
            voice can explain their needs to government and take part in drafting laws and
            programmes.
            """
        ),
        key_concept(
            "Strategies and features",
            bullets(
                "Mainstreaming makes the SSE and its seven features known.",
                "The transformative strategy helps organizations adopt missing features.",
                "The community strategy strengthens mutual aid and the general interest.",
                "The civil society strategy gives SSE actors a voice in policy.",
            ),
        ),
        knowledge_check(
            single(
                """A workers' organization helps informal waste pickers to set up their own
                cooperative. Which strategy is this?""",
                """Helping informal workers adopt SSE features is the transformative
                strategy.""",
                right(
                    "The transformative strategy.", "Correct: informal workers adopt SSE features."
                ),
                wrong(
                    "The mainstreaming strategy.",
                    "No: mainstreaming is about public and policy awareness.",
                ),
                wrong(
                    "The community strategy.",
                    "Not the best fit: the community strategy is about links with territories.",
                ),
            )
        ),
        reflection(
            """
            Which of the four strategies could your own organization lead? What would be the
            first step?
            """
        ),
        source(BRIEF_8_SOURCE),
    ],
)

LESSON_CO_CONSTRUCTION = lesson(
    "co-constructing-policy",
    "Co-constructing policy",
    "Why SSE policies work best when SSE actors and governments build them together.",
    8,
    [
        heading("Policy made with, not for, the SSE"),
        paragraph(
            """
            Brief 8 concludes that policies for the SSE are best <b>co-constructed</b> by
            SSE actors and governments. Co-construction means that both sides design the
            policy together: they share what they know, agree on the problem, draft the
            measures and review the results.
            """,
            """
            Why does this matter? A policy written by officials alone may not fit the
            reality of a savings group or a farmers' cooperative. A demand made by SSE
            actors alone may ignore what the state can afford or manage. Together they can
            build a policy that is useful and lasting. Co-construction also respects the
            autonomy of SSE entities.
            """,
        ),
        key_concept(
            "Co-construction",
            """
            SSE actors and governments design, carry out and review policy together, as
            partners, instead of the government deciding alone.
            """,
        ),
        heading("Examples from the region"),
        paragraph(
            bullets(
                """In the Philippines, intermediary organizations take part in policy and
                planning.""",
                """In the Republic of Korea, a Council of Local Governments for SSE brings
                local authorities together to support the SSE.""",
                """In the second phase of the programme, national advisory committees
                validated the mapping findings in each country.""",
            )
        ),
        heading("Who brings what?"),
        paragraph(
            bullets(
                """<b>Governments</b> bring laws, budgets, data and public services.""",
                """<b>Workers' organizations</b> bring the voice of workers, including
                informal workers.""",
                """<b>Employers' organizations</b> bring links to business, markets and
                skills.""",
                """<b>Cooperatives and other SSE institutions</b> bring practical experience
                of what works on the ground.""",
            )
        ),
        heading("Steps towards co-construction", "h3"),
        paragraph(
            numbered(
                "Map the SSE together, so that everyone starts from the same facts.",
                "Hold a policy dialogue where each side explains its needs.",
                "Draft measures together, and test them with SSE entities.",
                "Review the results together, and adjust.",
            )
        ),
        knowledge_check(
            true_false(
                """In co-construction, the government writes the policy alone and then asks
                SSE actors to follow it.""",
                False,
                """In co-construction, SSE actors and governments design and review policy
                together.""",
                "Right: both sides build the policy together.",
                "Not quite: deciding alone is the opposite of co-construction.",
            )
        ),
        reflection(
            """
            In your country, where could SSE actors and government sit together to shape
            policy? Who should be at the table?
            """
        ),
        source(BRIEF_8_SOURCE),
    ],
)

QUIZ_MODULE_5 = quiz(
    "module-5-quiz",
    "Module 5 quiz: policy for the SSE",
    "Check what you have learned about policy challenges, strategies and co-construction. "
    "You need 70% to pass.",
    [
        single(
            "According to brief 8, which dimension of the SSE is the least developed?",
            "The democratic dimension is the least developed: this is the democratic deficit.",
            right("The democratic dimension.", "Correct: the democratic deficit."),
            wrong("The economic dimension.", "No: the brief names the democratic dimension."),
            wrong("The social dimension.", "No: the brief names the democratic dimension."),
        ),
        multiple(
            "Which of these are among the four strategies of brief 8?",
            "The four strategies are mainstreaming, transformative, community and civil society.",
            right("The mainstreaming strategy.", "Yes: public and policy awareness."),
            right("The community strategy.", "Yes: links with territories and SSE entities."),
            right("The civil society strategy.", "Yes: networks, coalitions and advocacy."),
            wrong("The privatization strategy.", "No: this is not one of the four."),
            wrong("The isolation strategy.", "No: this is not one of the four."),
        ),
        true_false(
            "Brief 8 concludes that SSE policies are best co-constructed by SSE actors and "
            "governments.",
            True,
            "Co-construction by SSE actors and governments is the brief's conclusion.",
            "Correct.",
            "Not quite: the brief recommends co-construction.",
        ),
        single(
            """A ministry trains its officials about the SSE and includes the SSE in a
            national development plan. Which strategy is this?""",
            "Building public and policy awareness is the mainstreaming strategy.",
            right("The mainstreaming strategy.", "Correct."),
            wrong(
                "The transformative strategy.",
                "No: that strategy helps PHOs and informal workers adopt SSE features.",
            ),
            wrong(
                "The civil society strategy.",
                "No: that strategy is led by networks and coalitions of SSE actors.",
            ),
        ),
        single(
            """What does the challenge "recognizing the SSE as more than a welfare partner"
            mean?""",
            """The SSE is often seen only as delivering social services, but it is also an
            economic actor.""",
            right(
                "The SSE is also an economic actor, not only a helper for social services.",
                "Correct.",
            ),
            wrong(
                "The SSE should stop providing social services.",
                "No: it can provide services and also be an economic actor.",
            ),
            wrong(
                "The SSE should be run by welfare ministries.",
                "No: this would go against autonomy.",
            ),
        ),
        multiple(
            "Which of these are among the seven policy challenges of brief 8?",
            """Policy coherence and consistency, promoting the SSE as a sector and
            strengthening the institutional ecosystem are all among the seven.""",
            right("Policy coherence and consistency.", "Yes."),
            right("Promoting the SSE as a sector.", "Yes."),
            right("Strengthening the institutional ecosystem.", "Yes."),
            wrong(
                "Reducing the number of SSE entities.",
                "No: this is not a challenge in the brief.",
            ),
        ),
        true_false(
            """The transformative strategy helps Partial Hybrid Organizations and informal
            workers to adopt SSE features.""",
            True,
            "This is exactly the aim of the transformative strategy.",
            "Correct.",
            "Not quite: this is the transformative strategy.",
        ),
    ],
)

MODULE_5 = module(
    "policy-for-the-sse",
    "Policy for the SSE",
    "The seven policy challenges and four strategies of the last phase-1 policy brief, and "
    "how SSE actors and governments can co-construct policy.",
    [LESSON_CHALLENGES, LESSON_STRATEGIES, LESSON_CO_CONSTRUCTION, QUIZ_MODULE_5],
)
