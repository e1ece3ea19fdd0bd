"""Course 1: Understanding the social and solidarity economy (introductory).

Modules 1-5 live in course_sse_module1.py ... course_sse_module5.py; the final assessment is
here.
"""

from .blocks import course_minutes, module, multiple, quiz, right, single, true_false, wrong
from .course_sse_module1 import MODULE_1
from .course_sse_module2 import MODULE_2
from .course_sse_module3 import MODULE_3
from .course_sse_module4 import MODULE_4
from .course_sse_module5 import MODULE_5

FINAL_QUIZ = quiz(
    "final-quiz",
    "Final quiz",
    "This quiz covers the whole course. You need 70% to pass and to receive your "
    "certificate; you can try again.",
    [
        single(
            "Which text gives the SSE the definition used throughout this course?",
            """The resolution of the International Labour Conference, 110th session, June
            2022, reaffirmed by the UN General Assembly on 18 April 2023.""",
            right(
                "The ILC resolution concerning decent work and the SSE, June 2022.",
                "Correct: it was reaffirmed by the UN General Assembly in April 2023.",
            ),
            wrong(
                "A national cooperative law.",
                "No: national laws differ; the course uses the international definition.",
            ),
            wrong(
                "The Twelfth Malaysia Plan.",
                "No: the plan gives SSE entities a development role but is not the definition.",
            ),
        ),
        multiple(
            "Which of these are principles of the SSE in the 2022 definition?",
            """The principles are voluntary cooperation and mutual aid, democratic and/or
            participatory governance, autonomy and independence, and the primacy of people
            and social purpose over capital.""",
            right("Voluntary cooperation and mutual aid.", "Yes."),
            right("Democratic and/or participatory governance.", "Yes."),
            right("Primacy of people and social purpose over capital.", "Yes."),
            wrong(
                "Control by the largest investor.",
                "No: power does not follow capital in the SSE.",
            ),
            wrong(
                "Dependence on government funding.",
                "No: autonomy and independence is a principle.",
            ),
        ),
        true_false(
            "Transparency and accountability is one of the values of the SSE.",
            True,
            """The 2022 resolution names care for people and planet, equality and fairness,
            interdependence, self-governance, transparency and accountability, and decent
            work and livelihoods.""",
            "Correct.",
            "Not quite: it is one of the six values in the 2022 resolution.",
        ),
        multiple(
            "Which of these can be SSE entities?",
            """Cooperatives, mutual benefit societies, women's self-help groups and community
            forestry groups are all named in the ILO or UNTFSSE descriptions.""",
            right("Cooperatives.", "Yes."),
            right("Mutual benefit societies.", "Yes."),
            right("Women's self-help groups.", "Yes."),
            right("Community forestry groups.", "Yes."),
            wrong(
                "A ministry's department of agriculture.",
                "No: government bodies are not SSE entities.",
            ),
        ),
        single(
            """A savings group keeps an emergency fund. When a member's harvest fails, she may
            delay her repayment. Which feature does this show most clearly?""",
            "Supporting members in hard times is mutual aid: solidarity and reciprocity.",
            right("Mutual aid.", "Correct."),
            wrong("Autonomy and independence.", "No: the case is about solidarity."),
            wrong("Voluntary cooperation.", "No: the case is not about joining or leaving."),
        ),
        true_false(
            "Autonomy means that an SSE entity may not work with government or companies.",
            False,
            """Autonomy is about who decides. SSE entities can work with government and
            business, as long as members keep control.""",
            "Correct: partnership is possible when members keep control.",
            "Not quite: autonomy is about who decides, not about avoiding partners.",
        ),
        single(
            """A cooperative's rules say that, if it closes, its remaining assets go to
            another cooperative. What is this rule called?""",
            "This is an asset lock, a tool of feature 7.",
            right("An asset lock.", "Correct."),
            wrong("Limited profit distribution.", "No: that is about paying out surplus."),
            wrong("Free establishment.", "No: that is about how easy it is to set up."),
        ),
        single(
            """Which of these was NOT one of the patterns of the SSE in Asia found in
            phase 1?""",
            """The patterns were deep cultural roots, a strong role of the state,
            cooperatives as the most prominent form, the rise of social enterprises and a
            discourse of harmony and partnership.""",
            right(
                "A weak role of the state.",
                "Correct: the research found a strong role of the state.",
            ),
            wrong(
                "Cooperatives are the most prominent form.",
                "This was one of the patterns.",
            ),
            wrong(
                "The recent rise of social enterprises.",
                "This was one of the patterns.",
            ),
            wrong(
                "A discourse of harmony and partnership.",
                "This was one of the patterns.",
            ),
        ),
        true_false(
            "Phase-2 researchers found a vibrant SSE but little awareness of the term SSE.",
            True,
            "They also found many entities induced by or dependent on government or donors.",
            "Correct.",
            "Not quite: this is what the phase-2 researchers found.",
        ),
        single(
            """A hospital provides health care. It could only be created by special decree,
            and a ministry appoints its board. How does the analytical tool classify it?""",
            """Social (public interest) and economic (services) are met, democratic is not:
            two dimensions make it a PHO.""",
            right("A Partial Hybrid Organization (PHO).", "Correct."),
            wrong("An SSE organization or enterprise (SSEOE).", "No: only two dimensions."),
            wrong("Outside the SSE as mapped.", "No: two dimensions are met."),
        ),
        multiple(
            "Which are sub-conditions of the democratic dimension of the analytical tool?",
            "Free establishment and democratic governance inside the organization.",
            right("Free establishment.", "Yes: easy to set up legally."),
            right(
                "Democratic governance inside the organization.",
                "Yes: members take part in decisions.",
            ),
            wrong(
                "Addressing a specific social problem.",
                "No: this belongs to the social dimension.",
            ),
            wrong(
                "Engaging in service activities.",
                "No: this belongs to the economic dimension.",
            ),
        ),
        true_false(
            """Under the analytical tool, an organization that meets only the economic
            dimension is outside the SSE as mapped.""",
            True,
            "One dimension or none means outside the SSE as mapped.",
            "Correct.",
            "Not quite: it needs at least two dimensions to be a PHO.",
        ),
        single(
            """A government and a network of cooperatives draft a new SSE programme
            together and review it each year. What is this called?""",
            "Designing and reviewing policy together is co-construction.",
            right("Co-construction of policy.", "Correct."),
            wrong("Mainstreaming.", "No: mainstreaming is about awareness."),
            wrong("Privatization.", "No: this has nothing to do with the case."),
        ),
        multiple(
            "Which of these are among the seven policy challenges of brief 8?",
            """They include forging sustainable organizations, recognizing the SSE as more
            than a welfare partner and addressing the democratic deficit.""",
            right("Forging sustainable organizations.", "Yes."),
            right("Recognizing the SSE as more than a welfare partner.", "Yes."),
            right("Addressing the democratic deficit.", "Yes."),
            wrong("Ending all support from donors.", "No: this is not one of the seven."),
        ),
    ],
)

MODULE_FINAL = module(
    "final-assessment",
    "Final assessment",
    "A final quiz on the whole course. Pass it to complete the course.",
    [FINAL_QUIZ],
)

MODULES = [MODULE_1, MODULE_2, MODULE_3, MODULE_4, MODULE_5, MODULE_FINAL]

COURSE_SSE = {
    "slug": "understanding-the-sse",
    "title": "Understanding the social and solidarity economy",
    "summary": (
        "An introduction to the social and solidarity economy (SSE): what it is, the seven "
        "features that make an organization part of it, and how it looks in Asia. You will "
        "also learn to recognise SSE entities and explore how good policy can support them."
    ),
    "audience": (
        "Government officials, trade unionists, employers and community practitioners in "
        "Asia who are new to the term SSE. No previous knowledge is needed."
    ),
    "outcomes": [
        "Explain the international definition of the SSE adopted in 2022 and its values.",
        "Name the main forms of SSE entities, including informal ones.",
        "Describe the seven features of SSE entities and suggest how an organization can "
        "adopt the ones it lacks.",
        "Describe the main patterns of the SSE in Asia, with examples from six countries.",
        "Use the phase-1 analytical tool to classify an organization as an SSEOE, a PHO or "
        "outside the SSE, and explain the tool's limits.",
        "Explain the seven policy challenges, the four strategies and why policy is best "
        "co-constructed by SSE actors and governments.",
    ],
    "minutes": course_minutes(MODULES),
    "level": "introductory",
    "modules": MODULES,
}
