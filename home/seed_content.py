"""The text of the seeded site pages, from shared/CONTENT.md, written for newcomers.

Bodies are StreamField raw data: [{"type": block name, "value": ...}].
"""

SOURCE_PHASE1 = (
    "ILO, “Strengthening Social and Solidarity Economy (SSE) in Asia”, phase 1 research "
    "(2019-2021) led by Seoul National University, and its policy brief series."
)
SOURCE_PHASE2 = (
    "ILO, “Strengthening Social and Solidarity Economy (SSE) in Asia”, phase 2 "
    "(July 2021 - December 2023), programme brochure and national mapping studies."
)


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def paragraph(html):
    return {"type": "paragraph", "value": html}


def callout(title, html):
    return {"type": "callout", "value": {"title": title, "body": html}}


HOME = {
    "title": "Learn, share and act for the social and solidarity economy in Asia",
    "intro": (
        "Courses, discussions and national follow-up for everyone who builds the social and "
        "solidarity economy in twelve Asian countries."
    ),
    "body": [
        heading("New to the “SSE”?"),
        paragraph(
            "<p>The social and solidarity economy (SSE) is made of cooperatives, associations, "
            "mutual benefit societies, foundations, social enterprises and self-help groups. "
            "They produce goods and services like other enterprises, but they put people and "
            "their community before profit, and their members decide together.</p>"
        ),
        paragraph(
            "<p>You probably know some already: a savings group in your village, a farmers' "
            "cooperative, a community forestry group. This platform helps you recognise them, "
            "support them and learn from each other.</p>"
        ),
        heading("What you can do here"),
        paragraph(
            "<ul><li>Take short self-paced courses on the SSE and its seven features, and earn "
            "a certificate.</li><li>Discuss with policymakers, workers' and employers' "
            "organizations and SSE practitioners from the region.</li><li>Register for "
            "workshops and follow the national activities of each country.</li><li>Assess an "
            "organization against the seven features of the SSE.</li></ul>"
        ),
    ],
}

ABOUT = {
    "slug": "about",
    "title": "About the programme",
    "intro": (
        "The ILO programme “Strengthening Social and Solidarity Economy (SSE) in Asia” helps "
        "twelve countries understand and support the SSE."
    ),
    "body": [
        paragraph(
            "<p>The programme is funded by the Republic of Korea (Ministry of Employment and "
            "Labour). The Korea Social Enterprise Promotion Agency (KoSEA) was its implementing "
            "partner in the first phase.</p>"
        ),
        heading("Phase 1 (2019-2021)"),
        paragraph(
            "<p>China, Indonesia, Japan, Malaysia, the Philippines and the Republic of Korea. "
            "Research led by Seoul National University's Center for Social Innovation, "
            "Education and Research produced a series of eight policy briefs and a research "
            "conference.</p>"
        ),
        heading("Phase 2 (July 2021 - December 2023)"),
        paragraph(
            "<p>Cambodia, Kyrgyzstan, Lao PDR, Mongolia, Thailand and Viet Nam. National "
            "researchers mapped the SSE landscape with an analytical tool, national advisory "
            "committees validated the findings, a regional advisory committee guided the work, "
            "and the findings were shared at an international conference in Bangkok in "
            "November 2023.</p>"
        ),
        heading("Two areas of work"),
        paragraph(
            "<ul><li><b>Research:</b> refine the analytical framework, map the SSE in each "
            "country, write case studies, and identify a normative SSE model found in all "
            "twelve countries.</li><li><b>Capacity building:</b> design and run workshops, "
            "build a regional community of practice for the SSE, and carry out national "
            "follow-up activities.</li></ul>"
        ),
        heading("Who it is for"),
        paragraph(
            "<p>The programme's constituents: policymakers in government, workers' "
            "organizations, employers' organizations, cooperatives and wider SSE institutions, "
            "and the ILO's own staff and field offices working with them.</p>"
        ),
    ],
}

WHAT_IS_SSE = {
    "slug": "what-is-the-sse",
    "title": "What is the SSE?",
    "intro": "Three definitions that the programme builds on, and the values they share.",
    "body": [
        heading("The international definition (2022)"),
        paragraph(
            "<p>In June 2022 the International Labour Conference, at its 110th session, adopted "
            "a resolution concerning decent work and the SSE. In short: the SSE is made of "
            "enterprises, organizations and other entities whose economic, social and "
            "environmental activities serve the collective and/or general interest. They work "
            "on the principles of voluntary cooperation and mutual aid, democratic and/or "
            "participatory governance, autonomy and independence, and the primacy of people "
            "and social purpose over capital in the distribution and use of surpluses, profits "
            "and assets. The UN General Assembly reaffirmed this definition on 18 April "
            "2023.</p>"
        ),
        callout(
            "The SSE's values",
            "<p>Care for people and planet, equality and fairness, interdependence, "
            "self-governance, transparency and accountability, and decent work and "
            "livelihoods.</p>",
        ),
        heading("The ILO's earlier description (2009)"),
        paragraph(
            "<p>The ILO's 2009 plan of action for Africa described the SSE as enterprises and "
            "organizations - cooperatives, mutual benefit societies, associations, foundations "
            "and social enterprises - that produce goods, services and knowledge while pursuing "
            "both economic and social aims and fostering solidarity.</p>"
        ),
        heading("The UN Task Force on SSE"),
        paragraph(
            "<p>The UN Inter-Agency Task Force on SSE (UNTFSSE) stresses explicit economic and "
            "social (often environmental) objectives; cooperative, associative and solidarity "
            "relations between workers, producers and consumers; and workplace democracy and "
            "self-management. Its list includes women's self-help groups, community forestry "
            "groups, fair-trade organizations, associations of informal-sector workers, and "
            "community currency and alternative finance schemes.</p>"
        ),
        paragraph(
            "<p><i>Sources: ILC Resolution concerning decent work and the social and solidarity "
            "economy (2022); UN General Assembly resolution of 18 April 2023; ILO (2009); "
            "UNTFSSE.</i></p>"
        ),
    ],
}

COUNTRY_INDEX = {
    "slug": "countries",
    "title": "Countries",
    "intro": (
        "The twelve programme countries: what the SSE looks like in each, and who to talk to."
    ),
}

REGIONAL_PHASE2 = paragraph(
    "<p>Across the six phase-2 countries, national researchers found a vibrant SSE but little "
    "awareness of the term itself, and many entities that were set up by, or depend on, "
    "government or donors.</p>"
)
PHASE2_WORK = paragraph(
    "<p>As a phase-2 country, it took part from July 2021 to December 2023: national "
    "researchers mapped its SSE landscape with the programme's analytical tool, a national "
    "advisory committee validated the findings, and they were shared at the regional "
    "conference in Bangkok in November 2023. A national focal point follows up the "
    "recommendations with the country's constituents.</p>"
)


def phase2_country(title, summary):
    return {
        "title": title,
        "summary": summary,
        "body": [heading("The SSE in the programme"), PHASE2_WORK, REGIONAL_PHASE2],
        "source": SOURCE_PHASE2,
    }


COUNTRIES = {
    "KH": phase2_country(
        "Cambodia",
        "Cambodia joined the programme in its second phase. Its SSE was mapped by national "
        "researchers and validated by a national advisory committee.",
    ),
    "KG": phase2_country(
        "Kyrgyzstan",
        "Kyrgyzstan, the programme's Central Asian member, joined in the second phase and "
        "mapped its SSE landscape with the regional analytical tool.",
    ),
    "LA": phase2_country(
        "Lao PDR",
        "Lao PDR joined the programme in its second phase; national researchers mapped its "
        "SSE and a national advisory committee validated the findings.",
    ),
    "MN": phase2_country(
        "Mongolia",
        "Mongolia joined the programme in its second phase and mapped its cooperatives, "
        "associations and other SSE entities with the regional analytical tool.",
    ),
    "TH": phase2_country(
        "Thailand",
        "Thailand joined the programme in its second phase and hosted the international "
        "conference in Bangkok in November 2023 where the phase-2 findings were shared.",
    ),
    "VN": phase2_country(
        "Viet Nam",
        "Viet Nam joined the programme in its second phase; its national mapping study looked "
        "for entities that practise the seven features of the SSE.",
    ),
    "CN": {
        "title": "China",
        "summary": (
            "China has by far the largest cooperative sector in the world, with diverse rural "
            "and urban SSE entities."
        ),
        "body": [
            heading("What the phase-1 research found"),
            paragraph(
                "<p>China's SSE is diversified, in the countryside and in cities. Farmers' "
                "Specialized Cooperatives reinvented the cooperative model for rural "
                "producers.</p>"
            ),
            paragraph(
                "<p>NGOs that provide services face restrictions on for-profit activity, which "
                "shapes how they can finance themselves.</p>"
            ),
        ],
        "source": SOURCE_PHASE1,
    },
    "ID": {
        "title": "Indonesia",
        "summary": (
            "SSE values are prominent in Indonesia's Constitution and in Pancasila, and Islamic "
            "social finance works beside conventional cooperatives."
        ),
        "body": [
            heading("What the phase-1 research found"),
            paragraph(
                "<p>Islamic philanthropy and social finance institutions operate beside "
                "conventional cooperatives. SSE values stand out in the Constitution and "
                "Pancasila but are rarely carried into later laws.</p>"
            ),
            paragraph(
                "<p>The cooperative law was revoked by the Constitutional Court, and an older "
                "law was reinstated.</p>"
            ),
        ],
        "source": SOURCE_PHASE1,
    },
    "JP": {
        "title": "Japan",
        "summary": (
            "About 30% of Japan's population are members of consumer cooperatives, and SSE "
            "actors collaborate strongly across sectors."
        ),
        "body": [
            heading("What the phase-1 research found"),
            paragraph(
                "<p>SSE entities work in relatively few sectors, but they are large: about 30% "
                "of the population belong to a consumer cooperative. Collaboration across "
                "sectors is strong.</p>"
            ),
        ],
        "source": SOURCE_PHASE1,
    },
    "MY": {
        "title": "Malaysia",
        "summary": (
            "The Twelfth Malaysia Plan (2021-2025) gives SSE entities a role in development, "
            "but there is no legal framework for social enterprises."
        ),
        "body": [
            heading("What the phase-1 research found"),
            paragraph(
                "<p>Islamic philanthropy and social finance institutions operate beside "
                "conventional cooperatives. The Twelfth Malaysia Plan (2021-2025) gives SSE "
                "entities a development role, yet social enterprises have no legal "
                "framework.</p>"
            ),
        ],
        "source": SOURCE_PHASE1,
    },
    "PH": {
        "title": "Philippines",
        "summary": (
            "A dynamic core of NGOs and People's Organizations, with a few large cooperatives "
            "and mutual benefit associations."
        ),
        "body": [
            heading("What the phase-1 research found"),
            paragraph(
                "<p>NGOs and People's Organizations form a dynamic core, beside a few large "
                "cooperatives and mutual benefit associations. A Bill on social enterprises has "
                "been proposed, and intermediary organizations take part in policy and "
                "planning.</p>"
            ),
        ],
        "source": SOURCE_PHASE1,
    },
    "KR": {
        "title": "Republic of Korea",
        "summary": (
            "Credit and consumer cooperatives, village and self-sufficiency enterprises, social "
            "enterprises, and a shift to an ecosystem approach."
        ),
        "body": [
            heading("What the phase-1 research found"),
            paragraph(
                "<p>Community credit cooperatives, consumer cooperatives, village-based and "
                "self-sufficiency enterprises and social enterprises make up the SSE. The Korea "
                "Social Enterprise Promotion Agency (KoSEA) supports social enterprises, a "
                "Framework Act on Social Economy has been proposed, and a Council of Local "
                "Governments for SSE brings municipalities together.</p>"
            ),
            paragraph(
                "<p>Policy is moving from support for single enterprises to an ecosystem "
                "approach.</p>"
            ),
        ],
        "source": SOURCE_PHASE1,
    },
}

# Thai translations, keyed by the English source string (wagtail-localize segments).
THAI = {
    HOME["title"]: "เรียนรู้ แบ่งปัน และลงมือทำเพื่อเศรษฐกิจสังคมและสมานฉันท์ในเอเชีย",
    HOME["intro"]: (
        "หลักสูตร การสนทนา และการติดตามผลระดับประเทศ สำหรับทุกคนที่สร้างเศรษฐกิจสังคมและสมานฉันท์"
        "ในสิบสองประเทศของเอเชีย"
    ),
    "New to the “SSE”?": "เพิ่งรู้จัก “SSE” ใช่ไหม",
    HOME["body"][1]["value"][3:-4]: (
        "เศรษฐกิจสังคมและสมานฉันท์ (SSE) ประกอบด้วยสหกรณ์ สมาคม กลุ่มสวัสดิการร่วมกัน มูลนิธิ "
        "วิสาหกิจเพื่อสังคม และกลุ่มช่วยเหลือตนเอง องค์กรเหล่านี้ผลิตสินค้าและบริการเหมือนวิสาหกิจอื่น "
        "แต่ให้ความสำคัญกับผู้คนและชุมชนก่อนกำไร และสมาชิกร่วมกันตัดสินใจ"
    ),
    HOME["body"][2]["value"][3:-4]: (
        "คุณอาจรู้จักบางองค์กรอยู่แล้ว เช่น กลุ่มออมทรัพย์ในหมู่บ้าน สหกรณ์การเกษตร หรือกลุ่มป่าชุมชน "
        "แพลตฟอร์มนี้ช่วยให้คุณรู้จัก สนับสนุน และเรียนรู้จากกันและกัน"
    ),
    "What you can do here": "สิ่งที่คุณทำได้ที่นี่",
    "Take short self-paced courses on the SSE and its seven features, and earn a certificate.": (
        "เรียนหลักสูตรสั้น ๆ ด้วยตนเองเกี่ยวกับ SSE และคุณลักษณะเจ็ดประการ และรับประกาศนียบัตร"
    ),
    "Discuss with policymakers, workers' and employers' organizations and SSE practitioners "
    "from the region.": ("พูดคุยกับผู้กำหนดนโยบาย องค์กรลูกจ้างและนายจ้าง และผู้ปฏิบัติงาน SSE จากทั่วภูมิภาค"),
    "Register for workshops and follow the national activities of each country.": (
        "ลงทะเบียนเข้าร่วมการประชุมเชิงปฏิบัติการ และติดตามกิจกรรมระดับชาติของแต่ละประเทศ"
    ),
    "Assess an organization against the seven features of the SSE.": (
        "ประเมินองค์กรตามคุณลักษณะเจ็ดประการของ SSE"
    ),
    ABOUT["title"]: "เกี่ยวกับโครงการ",
    WHAT_IS_SSE["title"]: "เศรษฐกิจสังคมและสมานฉันท์คืออะไร",
    COUNTRY_INDEX["title"]: "ประเทศ",
    "Thailand": "ประเทศไทย",
    "Cambodia": "กัมพูชา",
    "Lao PDR": "สปป. ลาว",
    "Viet Nam": "เวียดนาม",
    "Mongolia": "มองโกเลีย",
    "Kyrgyzstan": "คีร์กีซสถาน",
    "China": "จีน",
    "Indonesia": "อินโดนีเซีย",
    "Japan": "ญี่ปุ่น",
    "Malaysia": "มาเลเซีย",
    "Philippines": "ฟิลิปปินส์",
    "Republic of Korea": "สาธารณรัฐเกาหลี",
}
