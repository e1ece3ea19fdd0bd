"""The seven features of SSE entities, taken from the 2022 definition of the International
Labour Conference (110th session). They are the backbone of the course and of the
self-assessment: each has a summary, what it looks like in practice, guidance on how an
organization that lacks it can adopt it, and three yes / partly / no questions.
"""

from .blocks import clean

FEATURES = [
    {
        "number": 1,
        "name": "Economic activity",
        "summary": clean("""
            The organization produces goods, services or knowledge through economic, social
            or environmental activities.
        """),
        "in_practice": clean("""
            The organization does real, regular work that creates value: it grows, makes,
            sells, lends, cares, teaches or repairs. For example, a women's weaving group
            in a village buys thread together, weaves cloth and sells it at the district
            market, or a savings group lends small amounts to its members every month.
        """),
        "how_to_adopt": clean("""
            Start from a need that members share and choose one concrete activity that
            answers it, such as joint buying, a shared service or a small product. Plan it
            like a small business: costs, prices, who does what and how results are
            recorded. Begin small, keep simple accounts and grow the activity step by
            step.
        """),
        "questions": [
            "Does your organization produce goods, services or knowledge on a regular basis?",
            "Do your activities bring in income or resources that keep the organization going?",
            "Do you keep records of your activities, costs and results?",
        ],
    },
    {
        "number": 2,
        "name": "Collective and/or general interest",
        "summary": clean("""
            The organization serves the shared interest of its members or the interest of
            the wider community, not the private gain of a few owners.
        """),
        "in_practice": clean("""
            The organization exists to meet a common need: better prices for members'
            crops, clean water for a village, care for older people or jobs for young
            people. A farmers' cooperative, for example, sells members' rice together so
            that every member gets a fair price, instead of making one trader rich.
        """),
        "how_to_adopt": clean("""
            Write down, in a few plain sentences, the shared need or public good the
            organization serves, and agree on it with members. Check each major decision
            against this purpose. Report regularly to members and to the community on what
            the organization has done for them.
        """),
        "questions": [
            "Is the main purpose of your organization written down and known to members?",
            "Does your organization serve the shared needs of its members or the community "
            "rather than the gain of a few owners?",
            "Do you report to members or the community on the benefits your work brings?",
        ],
    },
    {
        "number": 3,
        "name": "Voluntary cooperation",
        "summary": clean("""
            People choose freely to set up the organization and to join or leave it, and
            membership is open to those who share its purpose.
        """),
        "in_practice": clean("""
            Nobody is forced to join, and people who share the need can become members
            on fair and clear terms. In a community forestry group, for example, any
            household in the village that agrees to the group's rules can join, and a
            member who moves away can leave and take back what the rules allow.
        """),
        "how_to_adopt": clean("""
            Write clear and fair rules on how to join and how to leave, and share them in
            the local language. Remove conditions that exclude people for reasons unrelated
            to the purpose, such as gender, religion or ethnic group. If people were
            registered as members by an authority, invite each of them to confirm their
            membership freely.
        """),
        "questions": [
            "Did members join your organization by their own free choice?",
            "Are the rules for joining and leaving written down, fair and known to everyone?",
            "Is membership open to anyone who shares your purpose and accepts the rules?",
        ],
    },
    {
        "number": 4,
        "name": "Mutual aid",
        "summary": clean("""
            Members practise solidarity and reciprocity: they help each other and the
            wider community.
        """),
        "in_practice": clean("""
            Members share risks and support each other in hard times, and the organization
            gives something back to the community. In a savings group, for example,
            members may agree to delay a repayment for a member whose harvest failed, and
            the group may help to repair the village school.
        """),
        "how_to_adopt": clean("""
            Agree on simple solidarity rules, such as a small emergency fund or shared work
            days. Create moments where members help each other, for example by training
            new members or sharing tools. Link with other groups and with the local
            community so that support flows in both directions.
        """),
        "questions": [
            "Do members help each other in times of need, for example through a shared fund?",
            "Does your organization support the wider community as well as its members?",
            "Do you cooperate with other SSE organizations, for example by sharing "
            "knowledge or tools?",
        ],
    },
    {
        "number": 5,
        "name": "Democratic and/or participatory governance",
        "summary": clean("""
            Members take part in the main decisions, for example on the basis of one
            member, one vote.
        """),
        "in_practice": clean("""
            Members meet regularly, elect their leaders and decide together on the rules,
            the plans and the use of money. In a farmers' cooperative, for example, each
            member has one vote at the general assembly, whether she owns one field or
            ten.
        """),
        "how_to_adopt": clean("""
            Hold a members' meeting at least once a year, with a clear agenda shared in
            advance. Elect leaders for a fixed term and give every member one vote. Share
            accounts and plans in plain language, and make room for women, young people
            and people who are not used to speaking in meetings.
        """),
        "questions": [
            "Do members elect their leaders and take the main decisions together?",
            "Does each member have an equal say, for example one member, one vote?",
            "Do members decide together on how surpluses are used?",
        ],
    },
    {
        "number": 6,
        "name": "Autonomy and independence",
        "summary": clean("""
            The organization governs itself and is independent from the government and
            from private companies.
        """),
        "in_practice": clean("""
            Members, not an outside body, decide the organization's goals, leaders and
            rules. A cooperative can work with a local government or buy from a company,
            but neither can appoint its leaders or take its decisions; a self-help group
            set up with help from a project keeps going, under its own leaders, after the
            project ends.
        """),
        "how_to_adopt": clean("""
            Make sure members, not officials or funders, elect the leaders and approve the
            rules. Widen your sources of income so that no single government programme,
            donor or buyer can decide your future. Put any partnership in writing, with
            clear roles that respect members' decisions.
        """),
        "questions": [
            "Do members alone choose your leaders and approve your rules?",
            "Could your organization continue if its main grant or main buyer stopped?",
            "Are your partnerships with government, donors or companies set out in writing, "
            "with your decision-making protected?",
        ],
    },
    {
        "number": 7,
        "name": "Primacy of people and social purpose over capital",
        "summary": clean("""
            Surpluses or profits, and assets, are used first for members, workers and the
            social purpose, not to reward capital.
        """),
        "in_practice": clean("""
            Profit is limited in how it is shared out: most of any surplus is reinvested,
            set aside in reserves, or returned to members in line with their use of the
            service, not in line with the money they put in. Shared assets, such as a rice
            mill bought by a cooperative, stay with the organization or its purpose and
            are not sold off for private gain (an asset lock).
        """),
        "how_to_adopt": clean("""
            Agree on written rules for the use of surpluses, for example a share for
            reserves, a share for training and community work and a limit on what is paid
            out. Keep shared assets in the name of the organization. Add a rule that, if
            the organization closes, its remaining assets go to a similar organization or
            to a community purpose.
        """),
        "questions": [
            "Is most of your surplus or profit reinvested or used for your social purpose?",
            "Are payments to members or investors limited by written rules?",
            "Do your rules keep shared assets for the organization or its purpose, even if it "
            "closes?",
        ],
    },
]
