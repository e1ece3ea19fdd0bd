"""Course 1, module 2: the seven features, one lesson each, and the module quiz.

The lessons on features 1 to 4 are in course_sse_module2_features_1_4.py.
"""

from .blocks import (
    bullets,
    feature_card,
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
from .course_sse_module2_features_1_4 import (
    FEATURES_SOURCE,
    LESSON_FEATURE_1,
    LESSON_FEATURE_2,
    LESSON_FEATURE_3,
    LESSON_FEATURE_4,
)

LESSON_FEATURE_5 = lesson(
    "feature-5-democratic-governance",
    "Feature 5: Democratic and/or participatory governance",
    "Members of SSE entities take part in decisions, for example one member, one vote.",
    7,
    [
        feature_card(5),
        heading("What this feature means"),
        paragraph(
            """
            Governance is how decisions are made: who chooses the leaders, who sets the
            rules and who decides how money is used. In the SSE, members take part in these
            decisions.
            """,
            bullets(
                """<b>Democratic</b> governance often means <b>one member, one vote</b>. A
                member with one field and a member with ten fields have the same vote.""",
                """<b>Participatory</b> governance means that members, workers, users or the
                community take part in other ways, for example through a seat on the board
                or regular consultation.""",
            ),
            """
            Compare this with an ordinary company, where votes usually follow money: one
            share, one vote. The person who owns the most shares has the most power.
            """,
        ),
        heading("Why it matters in the region"),
        paragraph(
            """
            The first phase of the programme found that the democratic dimension is the
            least developed part of the SSE in the region. Its policy brief called this the
            <b>democratic deficit</b>. Many organizations have members, but the members do
            not decide much. Strengthening this feature is one of the most useful things an
            SSE entity can do.
            """
        ),
        heading("Examples from the region"),
        paragraph(
            bullets(
                """At the yearly general assembly of a farmers' cooperative, every member
                votes on the board and on the use of the surplus.""",
                """A social enterprise that employs people with disabilities gives its
                workers two seats on its board.""",
                """A savings group agrees every loan at its monthly meeting, in front of all
                members.""",
            )
        ),
        heading("If your organization lacks this feature"),
        paragraph(
            numbered(
                """Hold a members' meeting at least once a year, with an agenda shared in
                advance.""",
                "Elect leaders for a fixed term, with one vote for each member.",
                "Share accounts and plans in plain language before decisions are taken.",
                """Make room for women, young people and members who are not used to speaking
                in meetings.""",
            )
        ),
        knowledge_check(
            single(
                """In a cooperative, Mrs Lim has one field and Mr Som has ten. How many votes
                should each have at the general assembly?""",
                """Under one member, one vote, each member has one vote, whatever the size of
                their farm or their share.""",
                right("One vote each.", "Correct: one member, one vote."),
                wrong(
                    "Mrs Lim one vote, Mr Som ten votes.",
                    "No: that is how votes follow property in a company, not a cooperative.",
                ),
                wrong(
                    "Only Mr Som votes, because he has more land.",
                    "No: every member takes part in decisions.",
                ),
            )
        ),
        reflection(
            """
            In an organization you know, who really takes the big decisions? What one change
            would give members more say?
            """
        ),
        source(FEATURES_SOURCE),
    ],
)

LESSON_FEATURE_6 = lesson(
    "feature-6-autonomy-and-independence",
    "Feature 6: Autonomy and independence",
    "SSE entities govern themselves and are independent from government and private companies.",
    7,
    [
        feature_card(6),
        heading("What this feature means"),
        paragraph(
            """
            An autonomous organization governs itself. Its members, not an outside body,
            decide its goals, choose its leaders and approve its rules. It is independent
            from the government and from private companies.
            """,
            """
            Autonomy does not mean working alone. An SSE entity can receive a grant, sell to
            a company or join a government programme. The key question is: <b>who
            decides?</b> If an official or a company appoints the leaders or takes the
            decisions, the organization is not autonomous.
            """,
        ),
        heading("Why it matters in the region"),
        paragraph(
            """
            In Asia the state plays a strong role in the SSE, and the SSE often works in
            partnership with government and business. Partnership can help a great deal.
            But in the second phase of the programme, researchers found many SSE entities
            that were set up by, or depend on, government or donors. When the support ends,
            or when outsiders take the decisions, these entities become weak.
            """
        ),
        heading("Examples from the region"),
        paragraph(
            bullets(
                """A women's self-help group was formed with the help of a donor project.
                When the project ended, the group kept meeting, under leaders it elected
                itself. It is autonomous.""",
                """A cooperative's chairperson is appointed each year by local officials,
                and members are never asked. It is not autonomous, even if it has members.""",
                """A community forestry group signs a written agreement with the forestry
                office. The agreement sets out each side's role, and the group keeps its
                own decisions.""",
            )
        ),
        key_concept(
            "Partnership with autonomy",
            """
            Good partnerships respect members' decisions. They are written down, they set
            out clear roles, and no single partner can decide the organization's future.
            """,
        ),
        heading("If your organization lacks this feature"),
        paragraph(
            numbered(
                "Make sure that members, not officials or funders, elect the leaders.",
                """Widen your sources of income, so that no single programme, donor or buyer
                controls your future.""",
                "Build up reserves from your own surplus.",
                "Put every partnership in writing, with clear roles.",
            )
        ),
        knowledge_check(
            true_false(
                "An organization that receives a government grant cannot be autonomous.",
                False,
                """Autonomy is about who decides. An organization can receive a grant and
                still choose its own leaders and rules.""",
                "Right: a grant is fine as long as members keep control.",
                "Not quite: what matters is who decides, not whether support is received.",
            )
        ),
        reflection(
            """
            If the main grant, programme or buyer of an organization you know stopped
            tomorrow, what would happen? What could make it more independent?
            """
        ),
        source(FEATURES_SOURCE),
    ],
)

LESSON_FEATURE_7 = lesson(
    "feature-7-primacy-of-people",
    "Feature 7: Primacy of people and social purpose over capital",
    "SSE entities use surpluses and assets first for people and their social purpose, not "
    "to reward capital.",
    7,
    [
        feature_card(7),
        heading("What this feature means"),
        paragraph(
            """
            In an ordinary company, profits mostly go to the owners of the capital. In the
            SSE, <b>people and the social purpose come first</b>. The 2022 definition
            applies this to two things: the distribution and use of surpluses or profits,
            and the use of assets. Three common tools put this feature into practice:
            """,
            bullets(
                """<b>Limited profit distribution</b>: only a limited part of the surplus may
                be paid out to members or investors.""",
                """<b>Reinvestment</b>: most of the surplus goes back into the organization,
                its reserves, its members' training or the community.""",
                """<b>Asset lock</b>: shared assets stay with the organization or its
                purpose. They cannot be sold off for private gain.""",
            ),
        ),
        heading("Examples from the region"),
        paragraph(
            bullets(
                """A farmers' cooperative uses its surplus to buy a rice mill. The mill
                belongs to the cooperative, not to the chairperson.""",
                """A cooperative returns part of its surplus to members according to how much
                rice each member sold through it, not according to how much money each one
                put in.""",
                """A social enterprise caps what it pays to its investors and puts the rest
                into training more young people.""",
            )
        ),
        key_concept(
            "Asset lock",
            """
            An asset lock is a rule that keeps shared assets, such as land, buildings,
            machines or reserves, for the organization's purpose. If the organization closes,
            what remains goes to a similar organization or a community purpose, not to
            individual members or investors.
            """,
        ),
        heading("If your organization lacks this feature"),
        paragraph(
            numbered(
                """Agree on written rules for the surplus: a share for reserves, a share for
                training and community work, and a limit on what is paid out.""",
                "Keep shared assets in the name of the organization.",
                """Add an asset lock to your rules, so that what remains after closing goes
                to a similar organization or a community purpose.""",
            )
        ),
        knowledge_check(
            multiple(
                "Which of these rules put people and social purpose before capital?",
                """Reinvesting the surplus, limiting payouts and locking assets all put people
                and purpose first.""",
                right(
                    "Most of the surplus is reinvested in the organization.",
                    "Yes: reinvestment serves the purpose.",
                ),
                right(
                    "Payments to investors are capped.",
                    "Yes: this limits profit distribution.",
                ),
                right(
                    "If the group closes, its assets go to a similar group.",
                    "Yes: this is an asset lock.",
                ),
                wrong(
                    "Profits are paid out according to the money each person put in, with no "
                    "limit.",
                    "No: this rewards capital first.",
                ),
                wrong(
                    "The founder may sell the shared rice mill and keep the money.",
                    "No: shared assets must not be sold for private gain.",
                ),
            )
        ),
        reflection(
            """
            Who decides how the surplus of your organization, or one you know, is used? Is
            there a rule about what happens to its assets if it closes?
            """
        ),
        source(FEATURES_SOURCE),
    ],
)

QUIZ_MODULE_2 = quiz(
    "module-2-quiz",
    "Module 2 quiz: the seven features",
    "Test your understanding of the seven features and how organizations can adopt them. "
    "You need 70% to pass.",
    [
        multiple(
            "Which of these are among the seven features of SSE entities?",
            """The seven features are economic activity, collective and/or general interest,
            voluntary cooperation, mutual aid, democratic and/or participatory governance,
            autonomy and independence, and the primacy of people and social purpose over
            capital.""",
            right("Voluntary cooperation.", "Yes: this is feature 3."),
            right("Mutual aid.", "Yes: this is feature 4."),
            right("Autonomy and independence.", "Yes: this is feature 6."),
            wrong(
                "Ownership by the state.",
                "No: SSE entities are independent from government.",
            ),
            wrong(
                "Maximising the return on capital.",
                "No: feature 7 puts people and social purpose before capital.",
            ),
        ),
        single(
            """A women's group meets every month to discuss health, but it produces no goods,
            services or knowledge. Which feature does it lack?""",
            "Without goods, services or knowledge, the group lacks economic activity.",
            right("Economic activity.", "Correct: it produces nothing on a regular basis."),
            wrong(
                "Voluntary cooperation.",
                "Not from the case: nothing suggests the women were forced to join.",
            ),
            wrong(
                "Mutual aid.",
                "Not from the case: sharing health information can be a form of mutual aid.",
            ),
        ),
        true_false(
            """Under one member, one vote, a member who owns more shares has more votes.""",
            False,
            """One member, one vote gives every member the same vote; votes that follow
            shares are the rule in ordinary companies.""",
            "Correct: every member has the same vote.",
            "Not quite: that is one share, one vote, the rule in ordinary companies.",
        ),
        single(
            """Local officials choose the chairperson of a cooperative every year. Members
            are never asked. Which feature is most clearly missing?""",
            "Outsiders take a key decision, so the cooperative lacks autonomy and independence.",
            right(
                "Autonomy and independence.",
                "Correct: members, not officials, should choose their leaders.",
            ),
            wrong(
                "Economic activity.",
                "Not from the case: nothing is said about what the cooperative produces.",
            ),
            wrong(
                "Collective and/or general interest.",
                "Not the clearest gap: the problem is who decides.",
            ),
        ),
        multiple(
            "Which of these are tools that put people and social purpose before capital?",
            """Limited profit distribution, reinvestment and an asset lock are the three
            common tools.""",
            right("Limited profit distribution.", "Yes: payouts are capped."),
            right("Reinvestment of the surplus.", "Yes: the surplus serves the purpose."),
            right("An asset lock.", "Yes: shared assets stay with the purpose."),
            wrong(
                "Selling shared assets to the highest private bidder.",
                "No: this turns shared assets into private gain.",
            ),
        ),
        true_false(
            "In the SSE, membership and establishment are voluntary and open.",
            True,
            "This is feature 3, voluntary cooperation.",
            "Correct: people choose freely to set up, join or leave.",
            "Not quite: voluntary and open membership is feature 3.",
        ),
        single(
            "What is the best description of mutual aid?",
            """Mutual aid is solidarity and reciprocity among members and with the
            community.""",
            right(
                "Members support each other and the community, giving and receiving in turn.",
                "Correct: solidarity and reciprocity.",
            ),
            wrong(
                "A rich donor gives money to poor people.",
                "No: that is charity, where one side only gives.",
            ),
            wrong(
                "Members compete to sell more than each other.",
                "No: competition between members is not mutual aid.",
            ),
        ),
        true_false(
            """The first phase of the programme found that the democratic dimension is the
            least developed part of the SSE in the region.""",
            True,
            "Brief 8 of phase 1 called this the democratic deficit.",
            "Correct: this is the democratic deficit.",
            "Not quite: the research found the democratic dimension the least developed.",
        ),
        single(
            """A social enterprise wants to show that it serves the general interest. What is
            the best first step?""",
            """Writing down the purpose, agreeing on it and reporting on it makes the
            collective or general interest clear.""",
            right(
                """Write down the public good it serves, agree on it, and report on results
                every year.""",
                "Correct: a clear, shared purpose with regular reporting.",
            ),
            wrong(
                "Raise the founder's salary.",
                "No: this serves private gain, not the general interest.",
            ),
            wrong(
                "Stop telling the community what it does.",
                "No: reporting to the community is part of serving it.",
            ),
        ),
        multiple(
            "A group wants to adopt democratic governance. Which steps help?",
            """Regular meetings, elected leaders with equal votes and clear information all
            strengthen democratic governance.""",
            right(
                "Hold a members' meeting at least once a year.",
                "Yes: members need a place to decide.",
            ),
            right(
                "Elect leaders for a fixed term, one vote per member.",
                "Yes: this is one member, one vote.",
            ),
            right(
                "Share the accounts in plain language before decisions.",
                "Yes: members can only decide well if they understand.",
            ),
            wrong(
                "Let the largest contributor decide alone.",
                "No: power should not follow money in the SSE.",
            ),
            wrong(
                "Keep the accounts secret from members.",
                "No: this goes against transparency and accountability.",
            ),
        ),
    ],
)

MODULE_2 = module(
    "the-seven-features",
    "The seven features",
    "The seven features drawn from the 2022 definition: what each one means, how it looks "
    "in practice, and how an organization can adopt the features it lacks.",
    [
        LESSON_FEATURE_1,
        LESSON_FEATURE_2,
        LESSON_FEATURE_3,
        LESSON_FEATURE_4,
        LESSON_FEATURE_5,
        LESSON_FEATURE_6,
        LESSON_FEATURE_7,
        QUIZ_MODULE_2,
    ],
)
