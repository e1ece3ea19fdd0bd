"""The demo's questionnaire and organizations (seed.py writes them through the services).

The questionnaire: three questions on each of the seven features (answered no, partly or
yes) and one on each phase-1 sub-condition (answered no or yes), from the facts in
../shared/CONTENT.md, in plain words, one idea each, each with an example from the
region of what a yes looks like; with their Thai translation. The guidance on adopting a
feature lives in the courses' Feature snippets, not here. Keep `&`, `<`, `>` and line
breaks out of the texts: wagtail-localize stores them as HTML.

The organizations: twenty-three across the twelve countries and the eight types, formal
and informal; a few registered by their members on the platform (the demo learners and
the moderator), most recorded by a focal point, the Cambodian researcher or the site
administrator from a mapping study. Each has one submitted assessment or two (change
over time), played in order:

- `day`: when it was submitted, in days from the day of seeding (negative: the past);
- `answers`: seven groups of digits, one group per feature in order, one digit per
  question of the feature (0 no, 1 partly, 2 yes); a feature with more questions than
  digits repeats them from the start;
- `met`: the sub-conditions answered yes (the others no).

Cambodia and Thailand have four assessed organizations each (their aggregates show); the
other countries one or two ("too few to show"). The phase-1 briefs' democratic deficit
shows: feature 5 is the one most often weak or missing.
"""

from accounts.constants import Country

from .classification import SubCondition
from .constants import Formality, OrgType, Source

# -- The questionnaire -------------------------------------------------------------------

# {feature: [question, ...]}, each question {"text", "example", "text_th", "example_th"}.
FEATURE_QUESTIONS = {
    1: [
        {
            "text": "Does your organization produce goods or services on a regular basis?",
            "example": (
                "A women's weaving group in Luang Prabang, Lao PDR, weaves silk scarves "
                "every week and sells them at the night market."
            ),
            "text_th": "องค์กรของคุณผลิตสินค้าหรือให้บริการเป็นประจำหรือไม่",
            "example_th": (
                "กลุ่มทอผ้าของผู้หญิงในหลวงพระบาง สปป.ลาว ทอผ้าพันคอไหมทุกสัปดาห์ และนำไปขายที่ตลาดกลางคืน"
            ),
        },
        {
            "text": (
                "Does this work bring in income or other resources that keep the "
                "organization going?"
            ),
            "example": (
                "A savings group in Takeo, Cambodia, earns a little interest on its loans, "
                "which pays for its record books and its meetings."
            ),
            "text_th": "งานนี้สร้างรายได้หรือทรัพยากรอื่นที่ช่วยให้องค์กรดำเนินต่อไปได้หรือไม่",
            "example_th": (
                "กลุ่มออมทรัพย์ในจังหวัดตาแก้ว ประเทศกัมพูชา ได้ดอกเบี้ยเล็กน้อยจากเงินที่ให้กู้ "
                "ซึ่งนำมาเป็นค่าสมุดบัญชีและค่าจัดประชุม"
            ),
        },
        {
            "text": "Do you keep written records of your activities, costs and income?",
            "example": (
                "A rice cooperative in Surin, Thailand, writes every sale and every purchase "
                "of seed in a ledger that members can check."
            ),
            "text_th": "องค์กรของคุณจดบันทึกกิจกรรม ค่าใช้จ่าย และรายได้ไว้เป็นลายลักษณ์อักษรหรือไม่",
            "example_th": (
                "สหกรณ์ข้าวแห่งหนึ่งในจังหวัดสุรินทร์ ประเทศไทย จดการขายและการซื้อเมล็ดพันธุ์"
                "ทุกครั้งลงในสมุดบัญชีที่สมาชิกตรวจดูได้"
            ),
        },
    ],
    2: [
        {
            "text": (
                "Is the main purpose of your organization to meet a need that its members "
                "share, or a need of the community?"
            ),
            "example": (
                "A consumer cooperative in Kanagawa, Japan, exists so that its members can "
                "buy safe food at a fair price."
            ),
            "text_th": (
                "จุดประสงค์หลักขององค์กรของคุณคือการตอบสนองความต้องการร่วมกันของสมาชิก "
                "หรือความต้องการของชุมชน ใช่หรือไม่"
            ),
            "example_th": (
                "สหกรณ์ผู้บริโภคแห่งหนึ่งในจังหวัดคานางาวะ ประเทศญี่ปุ่น ตั้งขึ้นเพื่อให้สมาชิก"
                "ซื้ออาหารที่ปลอดภัยได้ในราคาที่เป็นธรรม"
            ),
        },
        {
            "text": (
                "Do the benefits of your work go to the members or the community, rather "
                "than to a few owners?"
            ),
            "example": (
                "A palm sugar cooperative in Kampong Speu, Cambodia, sells its members' "
                "sugar together, so that every member gets the same fair price."
            ),
            "text_th": "ประโยชน์จากงานของคุณตกอยู่กับสมาชิกหรือชุมชน มากกว่าตกอยู่กับเจ้าของเพียงไม่กี่คน ใช่หรือไม่",
            "example_th": (
                "สหกรณ์น้ำตาลโตนดแห่งหนึ่งในจังหวัดกำปงสปือ ประเทศกัมพูชา ขายน้ำตาลของสมาชิก"
                "ร่วมกัน สมาชิกทุกคนจึงได้ราคาที่เป็นธรรมเท่ากัน"
            ),
        },
        {
            "text": "Do you tell the members or the community what your work has done for them?",
            "example": (
                "A pasture users' association in Issyk-Kul, Kyrgyzstan, reports every year "
                "at the village meeting how many hectares of pasture it has restored."
            ),
            "text_th": "คุณแจ้งให้สมาชิกหรือชุมชนทราบหรือไม่ว่างานของคุณทำประโยชน์อะไรให้พวกเขาบ้าง",
            "example_th": (
                "สมาคมผู้ใช้ทุ่งหญ้าเลี้ยงสัตว์แห่งหนึ่งในแคว้นอิสซิกคุล ประเทศคีร์กีซสถาน "
                "รายงานในที่ประชุมหมู่บ้านทุกปีว่าได้ฟื้นฟูทุ่งหญ้าไปแล้วกี่เฮกตาร์"
            ),
        },
    ],
    3: [
        {
            "text": (
                "Did people choose freely to join your organization, without pressure from "
                "an authority or an employer?"
            ),
            "example": (
                "In a savings group in Cambodia, each woman decided for herself to join: "
                "nobody was signed up by the village chief."
            ),
            "text_th": (
                "ผู้คนเลือกเข้าร่วมองค์กรของคุณด้วยความสมัครใจ โดยไม่ถูกกดดันจากเจ้าหน้าที่รัฐหรือนายจ้าง ใช่หรือไม่"
            ),
            "example_th": (
                "ในกลุ่มออมทรัพย์แห่งหนึ่งในกัมพูชา ผู้หญิงแต่ละคนตัดสินใจเข้าร่วมเอง ไม่มีใครถูกผู้ใหญ่บ้านลงชื่อให้"
            ),
        },
        {
            "text": "Can anyone who shares your purpose become a member, on clear and fair terms?",
            "example": (
                "Any household of the village that accepts the rules of a community forestry "
                "group in Lao PDR can join it, whatever its religion or ethnic group."
            ),
            "text_th": (
                "ทุกคนที่มีจุดมุ่งหมายเดียวกับองค์กรสามารถเป็นสมาชิกได้ ภายใต้เงื่อนไขที่ชัดเจนและเป็นธรรม ใช่หรือไม่"
            ),
            "example_th": (
                "ครัวเรือนใดในหมู่บ้านที่ยอมรับกติกาของกลุ่มป่าชุมชนแห่งหนึ่งใน สปป.ลาว "
                "ก็เข้าร่วมได้ ไม่ว่าจะนับถือศาสนาใดหรือเป็นคนกลุ่มชาติพันธุ์ใด"
            ),
        },
        {
            "text": "Can a member leave when they wish, and take back what the rules allow?",
            "example": (
                "A member of a credit cooperative in the Republic of Korea who moves to "
                "another city can leave and get back the shares she paid for."
            ),
            "text_th": "สมาชิกลาออกได้เมื่อต้องการ และได้รับคืนตามที่ข้อบังคับกำหนด ใช่หรือไม่",
            "example_th": (
                "สมาชิกสหกรณ์เครดิตแห่งหนึ่งในสาธารณรัฐเกาหลีที่ย้ายไปอยู่เมืองอื่น ลาออกได้และได้รับค่าหุ้นที่เคยชำระไว้คืน"
            ),
        },
    ],
    4: [
        {
            "text": "Do members help each other when one of them is in difficulty?",
            "example": (
                "When a typhoon damages a member's house in Bukidnon, the Philippines, the "
                "mutual benefit association pays out from its fund and members help rebuild."
            ),
            "text_th": "สมาชิกช่วยเหลือกันเมื่อมีใครคนหนึ่งเดือดร้อนหรือไม่",
            "example_th": (
                "เมื่อพายุไต้ฝุ่นทำให้บ้านของสมาชิกในจังหวัดบูกิดนอน ประเทศฟิลิปปินส์ เสียหาย "
                "สมาคมสงเคราะห์ซึ่งกันและกันจ่ายเงินช่วยเหลือจากกองทุน และสมาชิกมาช่วยกันซ่อมบ้าน"
            ),
        },
        {
            "text": "Do members share knowledge, tools or work with one another?",
            "example": (
                "Members of a herders' cooperative in Mongolia take turns to move each "
                "other's animals to the winter pastures."
            ),
            "text_th": "สมาชิกแบ่งปันความรู้ เครื่องมือ หรือแรงงานกันหรือไม่",
            "example_th": (
                "สมาชิกสหกรณ์ผู้เลี้ยงสัตว์แห่งหนึ่งในมองโกเลียผลัดกันต้อนสัตว์ของกันและกันไปยังทุ่งหญ้าฤดูหนาว"
            ),
        },
        {
            "text": (
                "Does your organization also support the wider community, not only its members?"
            ),
            "example": (
                "A community kitchen in Khlong Toei, Bangkok, also cooks for older "
                "neighbours who are not members."
            ),
            "text_th": "องค์กรของคุณช่วยเหลือชุมชนในวงกว้างด้วย ไม่ใช่เฉพาะสมาชิก ใช่หรือไม่",
            "example_th": (
                "ครัวชุมชนแห่งหนึ่งในคลองเตย กรุงเทพฯ ทำอาหารให้ผู้สูงอายุในละแวกบ้านที่ไม่ได้เป็นสมาชิกด้วย"
            ),
        },
    ],
    5: [
        {
            "text": "Do the members choose their leaders, for example by election?",
            "example": (
                "The members of a workers' cooperative in Japan elect their board every two "
                "years at the general assembly."
            ),
            "text_th": "สมาชิกเป็นผู้เลือกผู้นำขององค์กร เช่น ด้วยการเลือกตั้ง ใช่หรือไม่",
            "example_th": (
                "สมาชิกของสหกรณ์ที่คนทำงานเป็นเจ้าของแห่งหนึ่งในญี่ปุ่น เลือกตั้งคณะกรรมการทุกสองปีในที่ประชุมใหญ่"
            ),
        },
        {
            "text": (
                "Does every member have an equal say in major decisions, for example one "
                "member, one vote?"
            ),
            "example": (
                "In a cooperative in Viet Nam, a member who holds many shares has one vote, "
                "the same as a member who holds one share."
            ),
            "text_th": "สมาชิกทุกคนมีสิทธิ์มีเสียงเท่ากันในการตัดสินใจเรื่องสำคัญ เช่น สมาชิกหนึ่งคนหนึ่งเสียง ใช่หรือไม่",
            "example_th": (
                "ในสหกรณ์แห่งหนึ่งในเวียดนาม สมาชิกที่ถือหุ้นมากมีหนึ่งเสียง เท่ากับสมาชิกที่ถือหุ้นเพียงหุ้นเดียว"
            ),
        },
        {
            "text": (
                "Do the members get the information they need to take part in decisions, "
                "such as the accounts?"
            ),
            "example": (
                "A savings group in Cambodia reads out its cash balance at every monthly "
                "meeting, so everyone knows where the money is."
            ),
            "text_th": "สมาชิกได้รับข้อมูลที่จำเป็นต่อการมีส่วนร่วมตัดสินใจ เช่น บัญชีการเงิน หรือไม่",
            "example_th": (
                "กลุ่มออมทรัพย์แห่งหนึ่งในกัมพูชาอ่านยอดเงินสดให้ทุกคนฟังในการประชุม"
                "ประจำเดือนทุกครั้ง ทุกคนจึงรู้ว่าเงินอยู่ที่ไหน"
            ),
        },
    ],
    6: [
        {
            "text": (
                "Does your organization take its own decisions, without a government "
                "office or a company deciding for it?"
            ),
            "example": (
                "A farmers' cooperative in China chooses for itself what to grow and whom "
                "to sell to, even though the county office gave it a grant."
            ),
            "text_th": "องค์กรของคุณตัดสินใจเอง โดยไม่มีหน่วยงานรัฐหรือบริษัทมาตัดสินใจแทน ใช่หรือไม่",
            "example_th": (
                "สหกรณ์เกษตรกรแห่งหนึ่งในจีนเลือกเองว่าจะปลูกอะไรและขายให้ใคร "
                "แม้จะได้รับเงินอุดหนุนจากสำนักงานของอำเภอ"
            ),
        },
        {
            "text": "Could your organization keep going if its main funder or buyer stopped?",
            "example": (
                "A social enterprise café in Bangkok earns most of its money from its "
                "customers, so it would carry on if a donor's grant came to an end."
            ),
            "text_th": "องค์กรของคุณจะยังดำเนินต่อไปได้หรือไม่ หากผู้ให้ทุนหรือผู้ซื้อรายใหญ่ที่สุดเลิกให้ทุนหรือเลิกซื้อ",
            "example_th": (
                "ร้านกาแฟที่เป็นวิสาหกิจเพื่อสังคมแห่งหนึ่งในกรุงเทพฯ มีรายได้ส่วนใหญ่จากลูกค้า "
                "จึงยังเปิดต่อไปได้แม้ทุนจากผู้บริจาคจะหมดลง"
            ),
        },
        {
            "text": "Did the members write or approve the organization's rules themselves?",
            "example": (
                "The members of a women's cooperative in Viet Nam discussed and voted on "
                "their own rules, instead of copying a model handed out by an official."
            ),
            "text_th": "สมาชิกเป็นผู้ร่างหรือรับรองข้อบังคับขององค์กรด้วยตนเอง ใช่หรือไม่",
            "example_th": (
                "สมาชิกสหกรณ์สตรีแห่งหนึ่งในเวียดนามร่วมกันอภิปรายและลงมติรับข้อบังคับ"
                "ของตนเอง แทนที่จะลอกแบบที่เจ้าหน้าที่แจกให้"
            ),
        },
    ],
    7: [
        {
            "text": (
                "When your organization makes a surplus, does most of it go to the members, "
                "the community or the organization's work, rather than to investors?"
            ),
            "example": (
                "An Islamic savings and loan cooperative in Yogyakarta, Indonesia, puts part "
                "of its surplus into a fund that helps members pay their children's school fees."
            ),
            "text_th": (
                "เมื่อองค์กรของคุณมีเงินส่วนเกิน ส่วนใหญ่นำไปใช้เพื่อสมาชิก ชุมชน "
                "หรืองานขององค์กร มากกว่าจ่ายให้ผู้ลงทุน ใช่หรือไม่"
            ),
            "example_th": (
                "สหกรณ์ออมทรัพย์และสินเชื่อตามหลักศาสนาอิสลามแห่งหนึ่งในยอกยาการ์ตา "
                "ประเทศอินโดนีเซีย นำเงินส่วนเกินบางส่วนเข้ากองทุนที่ช่วยสมาชิกจ่ายค่าเล่าเรียนของลูก"
            ),
        },
        {
            "text": (
                "Is there a limit on the profit paid to those who put money into the organization?"
            ),
            "example": (
                "A social cooperative in the Republic of Korea pays no dividend on its "
                "shares, so all its profit goes back into its care services."
            ),
            "text_th": "มีการจำกัดกำไรที่จ่ายให้ผู้ที่นำเงินมาลงทุนในองค์กรหรือไม่",
            "example_th": (
                "สหกรณ์เพื่อสังคมแห่งหนึ่งในสาธารณรัฐเกาหลีไม่จ่ายเงินปันผลตามหุ้น กำไรทั้งหมดจึงกลับไปใช้ในงานบริการดูแล"
            ),
        },
        {
            "text": (
                "Do the organization's assets stay with its purpose, even if it closes or "
                "members leave?"
            ),
            "example": (
                "The rules of a weaving cooperative in Thailand say that if it closes, what "
                "is left goes to another cooperative or a community fund, not to members."
            ),
            "text_th": (
                "ทรัพย์สินขององค์กรยังคงใช้เพื่อจุดประสงค์ขององค์กร แม้องค์กรจะเลิกกิจการหรือสมาชิกลาออก ใช่หรือไม่"
            ),
            "example_th": (
                "ข้อบังคับของสหกรณ์ทอผ้าแห่งหนึ่งในประเทศไทยกำหนดว่า หากเลิกกิจการ "
                "ทรัพย์สินที่เหลือจะมอบให้สหกรณ์อื่นหรือกองทุนชุมชน ไม่แบ่งให้สมาชิก"
            ),
        },
    ],
}

# {sub-condition: question}, in the order of SubCondition (dimension by dimension).
CONDITION_QUESTIONS = {
    SubCondition.SOCIAL_PROBLEM: {
        "text": (
            "Does your organization work on a specific social problem, such as poverty, "
            "unemployment or exclusion?"
        ),
        "example": (
            "A social enterprise in Siem Reap, Cambodia, trains and employs women with "
            "disabilities who could not find work."
        ),
        "text_th": (
            "องค์กรของคุณทำงานแก้ปัญหาสังคมที่เฉพาะเจาะจง เช่น ความยากจน การว่างงาน "
            "หรือการถูกกีดกันออกจากสังคม ใช่หรือไม่"
        ),
        "example_th": (
            "วิสาหกิจเพื่อสังคมแห่งหนึ่งในเสียมราฐ ประเทศกัมพูชา ฝึกอาชีพและจ้างงานผู้หญิงที่มีความพิการซึ่งเคยหางานทำไม่ได้"
        ),
    },
    SubCondition.PUBLIC_INTEREST: {
        "text": (
            "Is your organization's main activity in the public interest, such as "
            "education, health care or culture?"
        ),
        "example": (
            "A foundation in Selangor, Malaysia, runs a school for children from "
            "low-income families."
        ),
        "text_th": (
            "กิจกรรมหลักขององค์กรของคุณเป็นประโยชน์ต่อส่วนรวม เช่น การศึกษา การดูแลสุขภาพ หรือวัฒนธรรม ใช่หรือไม่"
        ),
        "example_th": (
            "มูลนิธิแห่งหนึ่งในรัฐสลังงอร์ ประเทศมาเลเซีย ดำเนินกิจการโรงเรียนสำหรับเด็กจากครอบครัวรายได้น้อย"
        ),
    },
    SubCondition.PRODUCTIVE: {
        "text": "Does your organization make or grow goods, whether or not it seeks a profit?",
        "example": (
            "A women's weaving group in Lao PDR weaves cloth and sells it; a rice "
            "cooperative in Thailand grows and mills rice."
        ),
        "text_th": "องค์กรของคุณผลิตหรือเพาะปลูกสินค้าหรือไม่ ไม่ว่าจะมุ่งแสวงหากำไรหรือไม่ก็ตาม",
        "example_th": (
            "กลุ่มทอผ้าของผู้หญิงใน สปป.ลาว ทอผ้าออกขาย ส่วนสหกรณ์ข้าวแห่งหนึ่งในประเทศไทยปลูกข้าวและสีข้าว"
        ),
    },
    SubCondition.SERVICE: {
        "text": "Does your organization provide services, whether or not it seeks a profit?",
        "example": (
            "A mutual benefit association in the Philippines gives its members life "
            "insurance and small loans."
        ),
        "text_th": "องค์กรของคุณให้บริการหรือไม่ ไม่ว่าจะมุ่งแสวงหากำไรหรือไม่ก็ตาม",
        "example_th": "สมาคมสงเคราะห์ซึ่งกันและกันแห่งหนึ่งในฟิลิปปินส์ให้บริการประกันชีวิตและเงินกู้รายย่อยแก่สมาชิก",
    },
    SubCondition.FREE_ESTABLISHMENT: {
        "text": (
            "Is it easy for people to set up an organization like yours legally, for "
            "example by registering it with a few members?"
        ),
        "example": (
            "In the Republic of Korea, since the Framework Act on Cooperatives of 2012, "
            "five people can set up a cooperative by reporting it to their local government."
        ),
        "text_th": (
            "ผู้คนจัดตั้งองค์กรแบบเดียวกับของคุณอย่างถูกต้องตามกฎหมายได้ง่ายหรือไม่ เช่น จดทะเบียนได้ด้วยสมาชิกเพียงไม่กี่คน"
        ),
        "example_th": (
            "ในสาธารณรัฐเกาหลี ตั้งแต่มีกฎหมายกรอบว่าด้วยสหกรณ์ ค.ศ. 2012 "
            "คนเพียงห้าคนก็ตั้งสหกรณ์ได้ด้วยการแจ้งต่อองค์กรปกครองส่วนท้องถิ่น"
        ),
    },
    SubCondition.DEMOCRATIC_GOVERNANCE: {
        "text": (
            "Are decisions inside your organization taken democratically, for example by "
            "a members' meeting that elects the leaders?"
        ),
        "example": (
            "An agricultural cooperative in Cambodia holds a general assembly every year, "
            "where members elect the committee and approve the accounts."
        ),
        "text_th": (
            "การตัดสินใจภายในองค์กรของคุณเป็นไปตามหลักประชาธิปไตยหรือไม่ เช่น ที่ประชุมสมาชิกเป็นผู้เลือกผู้นำ"
        ),
        "example_th": (
            "สหกรณ์การเกษตรแห่งหนึ่งในกัมพูชาจัดประชุมใหญ่ทุกปี สมาชิกเลือกคณะกรรมการและอนุมัติบัญชีการเงินในที่ประชุมนั้น"
        ),
    },
}


def all_questions():
    """[(feature or None, sub-condition or "", sort order, question)], in questionnaire order."""
    rows = [
        (feature, "", n, question)
        for feature, asked in FEATURE_QUESTIONS.items()
        for n, question in enumerate(asked, start=1)
    ]
    rows += [
        (None, condition.value, n, question)
        for n, (condition, question) in enumerate(CONDITION_QUESTIONS.items(), start=1)
    ]
    return rows


def thai():
    """{English text: Thai text} for every question's text and example."""
    strings = {}
    for _feature, _condition, _n, question in all_questions():
        strings[question["text"]] = question["text_th"]
        strings[question["example"]] = question["example_th"]
    return strings


# -- The organizations -------------------------------------------------------------------

LEARNER, LEARNER_VN = "learner@example.org", "learner2@example.org"
MODERATOR, ADMIN = "moderator@example.org", "admin@example.org"
FOCAL_KH, FOCAL_TH = "focal.kh@example.org", "focal.th@example.org"
RESEARCHER_KH = "researcher.kh@example.org"

# The demo learner's cooperative (one assessment, not published: the learner publishes it).
LEARNER_ORGANIZATION = "Tha Tum Organic Rice Growers' Cooperative"

SOCIAL_PROBLEM, PUBLIC_INTEREST, PRODUCTIVE, SERVICE, FREE_ESTABLISHMENT, DEMOCRATIC = (
    SubCondition.SOCIAL_PROBLEM,
    SubCondition.PUBLIC_INTEREST,
    SubCondition.PRODUCTIVE,
    SubCondition.SERVICE,
    SubCondition.FREE_ESTABLISHMENT,
    SubCondition.DEMOCRATIC_GOVERNANCE,
)
FORMAL, INFORMAL = Formality.FORMAL, Formality.INFORMAL
SELF, MAPPING = Source.SELF, Source.MAPPING

# Each: the organization's fields, `source` and `by` (who registers or records it, then
# assesses it), `publish` and `share` (what it chooses), and its `assessments`, oldest
# first. Names are the demo's own; the places are real.
ORGANIZATIONS = [
    # Thailand: four assessed (aggregates shown).
    {
        "name": LEARNER_ORGANIZATION,
        "country": Country.THAILAND,
        "org_type": OrgType.COOPERATIVE,
        "legal_form": "Agricultural cooperative (Cooperatives Act)",
        "sector": "Agriculture: organic jasmine rice",
        "formality": FORMAL,
        "year_founded": 2006,
        "members_count": 148,
        "source": SELF,
        "by": LEARNER,
        "publish": False,
        "share": False,
        # Sells most of its rice to a provincial programme: autonomy is weak.
        "assessments": [
            {
                "day": -12,
                "answers": "222 222 221 221 111 110 211",
                "met": [SOCIAL_PROBLEM, PRODUCTIVE, FREE_ESTABLISHMENT, DEMOCRATIC],
            },
        ],
    },
    {
        "name": "Mae Tha Herbal Community Enterprise",
        "country": Country.THAILAND,
        "org_type": OrgType.OTHER,
        "legal_form": "Community enterprise (Community Enterprise Promotion Act)",
        "sector": "Herbal products",
        "formality": FORMAL,
        "year_founded": 2009,
        "members_count": 36,
        "source": MAPPING,
        "by": FOCAL_TH,
        "publish": True,
        "share": False,
        # Began electing its committee between the two assessments.
        "assessments": [
            {
                "day": -420,
                "answers": "211 221 221 222 110 110 211",
                "met": [SOCIAL_PROBLEM, PRODUCTIVE, FREE_ESTABLISHMENT],
            },
            {
                "day": -60,
                "answers": "221 222 221 222 211 211 221",
                "met": [SOCIAL_PROBLEM, PRODUCTIVE, FREE_ESTABLISHMENT, DEMOCRATIC],
            },
        ],
    },
    {
        "name": "Khlong Toei Community Kitchen",
        "country": Country.THAILAND,
        "org_type": OrgType.INFORMAL_GROUP,
        "legal_form": "None (community group)",
        "sector": "Food and care for older people",
        "formality": INFORMAL,
        "year_founded": 2020,
        "members_count": 25,
        "source": MAPPING,
        "by": FOCAL_TH,
        "publish": True,
        "share": False,
        "assessments": [
            {
                "day": -150,
                "answers": "110 222 222 222 221 211 222",
                "met": [SOCIAL_PROBLEM, SERVICE, DEMOCRATIC],
            },
        ],
    },
    {
        "name": "Saphan Khwai Second Chance Café",
        "country": Country.THAILAND,
        "org_type": OrgType.SOCIAL_ENTERPRISE,
        "legal_form": "Limited company, registered social enterprise",
        "sector": "Food services; jobs for former prisoners",
        "formality": FORMAL,
        "year_founded": 2017,
        "members_count": 14,
        "source": MAPPING,
        "by": FOCAL_TH,
        "publish": True,
        "share": False,
        "assessments": [
            {
                "day": -140,
                "answers": "222 221 211 111 000 221 110",
                "met": [SOCIAL_PROBLEM, PRODUCTIVE, SERVICE],
            },
        ],
    },
    # Cambodia: four assessed (aggregates shown), from the phase-2 mapping study.
    {
        "name": "Prey Kabbas Women's Savings Group",
        "country": Country.CAMBODIA,
        "org_type": OrgType.SELF_HELP_GROUP,
        "legal_form": "None (informal group)",
        "sector": "Savings and credit",
        "formality": INFORMAL,
        "year_founded": 2012,
        "members_count": 34,
        "source": MAPPING,
        "by": RESEARCHER_KH,
        "publish": True,
        "share": False,
        # Its leader decided alone; it has since adopted rules and elects its committee:
        # a partial hybrid organization that became an SSE organization.
        "assessments": [
            {
                "day": -540,
                "answers": "211 221 222 222 100 211 221",
                "met": [SOCIAL_PROBLEM, SERVICE],
            },
            {
                "day": -40,
                "answers": "221 222 222 222 221 221 221",
                "met": [SOCIAL_PROBLEM, SERVICE, DEMOCRATIC],
            },
        ],
    },
    {
        "name": "Oral Palm Sugar Agricultural Cooperative",
        "country": Country.CAMBODIA,
        "org_type": OrgType.COOPERATIVE,
        "legal_form": "Agricultural cooperative (Law on Agricultural Cooperatives)",
        "sector": "Agriculture: palm sugar",
        "formality": FORMAL,
        "year_founded": 2010,
        "members_count": 212,
        "source": MAPPING,
        "by": FOCAL_KH,
        "publish": True,
        "share": False,
        # Set up with a donor project that still buys most of its sugar.
        "assessments": [
            {
                "day": -500,
                "answers": "222 222 221 211 211 110 221",
                "met": [SOCIAL_PROBLEM, PRODUCTIVE, FREE_ESTABLISHMENT, DEMOCRATIC],
            },
        ],
    },
    {
        "name": "Tonle Silk Workshop",
        "country": Country.CAMBODIA,
        "org_type": OrgType.SOCIAL_ENTERPRISE,
        "legal_form": "Private limited company",
        "sector": "Handicrafts: silk; jobs for women with disabilities",
        "formality": FORMAL,
        "year_founded": 2015,
        "members_count": 48,
        "source": MAPPING,
        "by": RESEARCHER_KH,
        "publish": True,
        "share": False,
        "assessments": [
            {
                "day": -480,
                "answers": "222 221 100 211 000 221 111",
                "met": [SOCIAL_PROBLEM, PRODUCTIVE],
            },
        ],
    },
    {
        "name": "Battambang Community Health Association",
        "country": Country.CAMBODIA,
        "org_type": OrgType.ASSOCIATION,
        "legal_form": "Association (Law on Associations and NGOs)",
        "sector": "Health care",
        "formality": FORMAL,
        "year_founded": 2006,
        "members_count": 60,
        "source": MAPPING,
        "by": FOCAL_KH,
        "publish": False,
        "share": False,
        # Its board is appointed by the founder.
        "assessments": [
            {
                "day": -470,
                "answers": "221 222 110 221 100 100 221",
                "met": [PUBLIC_INTEREST, SERVICE],
            },
        ],
    },
    # Lao PDR: one (too few to show).
    {
        "name": "Ban Xang Khong Weavers' Group",
        "country": Country.LAO_PDR,
        "org_type": OrgType.SELF_HELP_GROUP,
        "legal_form": "None (village group)",
        "sector": "Handicrafts: weaving",
        "formality": INFORMAL,
        "year_founded": 2009,
        "members_count": 27,
        "source": MAPPING,
        "by": ADMIN,
        "publish": True,
        "share": False,
        # Its leader decides; no legal form is easy to take.
        "assessments": [
            {
                "day": -460,
                "answers": "222 221 221 222 100 211 211",
                "met": [SOCIAL_PROBLEM, PRODUCTIVE],
            },
        ],
    },
    # Viet Nam: two.
    {
        "name": "Thanh Xuan Women's Consumer Cooperative",
        "country": Country.VIET_NAM,
        "org_type": OrgType.COOPERATIVE,
        "legal_form": "Cooperative (Law on Cooperatives)",
        "sector": "Retail: safe food",
        "formality": FORMAL,
        "year_founded": 2019,
        "members_count": 310,
        "source": SELF,
        "by": LEARNER_VN,
        "publish": True,
        "share": True,
        "assessments": [
            {
                "day": -90,
                "answers": "222 222 222 211 221 221 221",
                "met": [SOCIAL_PROBLEM, SERVICE, FREE_ESTABLISHMENT, DEMOCRATIC],
            },
        ],
    },
    {
        "name": "Sa Pa Farmers' Mutual Aid Fund",
        "country": Country.VIET_NAM,
        "org_type": OrgType.MUTUAL,
        "legal_form": "None (fund run by the commune)",
        "sector": "Finance: emergency loans",
        "formality": INFORMAL,
        "year_founded": 2014,
        "members_count": 95,
        "source": MAPPING,
        "by": ADMIN,
        "publish": False,
        "share": False,
        # Set up and run by the commune's people's committee.
        "assessments": [
            {
                "day": -430,
                "answers": "211 221 110 222 100 000 211",
                "met": [SOCIAL_PROBLEM, SERVICE],
            },
        ],
    },
    # Kyrgyzstan: one.
    {
        "name": "Tong Pasture Users' Association",
        "country": Country.KYRGYZSTAN,
        "org_type": OrgType.ASSOCIATION,
        "legal_form": "Pasture users' association (Law on Pastures)",
        "sector": "Agriculture: pastures",
        "formality": FORMAL,
        "year_founded": 2011,
        "members_count": 540,
        "source": MAPPING,
        "by": ADMIN,
        "publish": True,
        "share": False,
        "assessments": [
            {
                "day": -450,
                "answers": "221 222 211 221 221 110 221",
                "met": [PUBLIC_INTEREST, SERVICE, DEMOCRATIC],
            },
        ],
    },
    # Mongolia: two.
    {
        "name": "Mongolian Cooperative Alliance",
        "country": Country.MONGOLIA,
        "org_type": OrgType.ASSOCIATION,
        "legal_form": "Association of cooperatives",
        "sector": "Training and advocacy for cooperatives",
        "formality": FORMAL,
        "year_founded": 2004,
        "members_count": 64,
        "source": SELF,
        "by": MODERATOR,
        "publish": True,
        "share": True,
        "assessments": [
            {
                "day": -75,
                "answers": "211 222 222 221 222 221 221",
                "met": [PUBLIC_INTEREST, SERVICE, FREE_ESTABLISHMENT, DEMOCRATIC],
            },
        ],
    },
    {
        "name": "Zuunmod Dairy Cooperative",
        "country": Country.MONGOLIA,
        "org_type": OrgType.COOPERATIVE,
        "legal_form": "Cooperative (Law on Cooperatives)",
        "sector": "Agriculture: dairy",
        "formality": FORMAL,
        "year_founded": 2012,
        "members_count": 9,
        "source": MAPPING,
        "by": ADMIN,
        "publish": False,
        "share": False,
        # Registered to receive a government loan; no activity since.
        "assessments": [
            {
                "day": -440,
                "answers": "000 100 110 100 100 100 000",
                "met": [FREE_ESTABLISHMENT],
            },
        ],
    },
    # China: two.
    {
        "name": "Linyi Golden Harvest Farmers' Specialized Cooperative",
        "country": Country.CHINA,
        "org_type": OrgType.COOPERATIVE,
        "legal_form": "Farmers' specialized cooperative",
        "sector": "Agriculture: vegetables",
        "formality": FORMAL,
        "year_founded": 2009,
        "members_count": 180,
        "source": MAPPING,
        "by": ADMIN,
        "publish": True,
        "share": False,
        # Easy to register, but its founding shareholder decides: the democratic deficit.
        "assessments": [
            {
                "day": -700,
                "answers": "222 211 211 110 100 110 100",
                "met": [SOCIAL_PROBLEM, PRODUCTIVE, FREE_ESTABLISHMENT],
            },
            {
                "day": -100,
                "answers": "222 221 211 211 111 211 110",
                "met": [SOCIAL_PROBLEM, PRODUCTIVE, FREE_ESTABLISHMENT],
            },
        ],
    },
    {
        "name": "Bright Future Education Foundation",
        "country": Country.CHINA,
        "org_type": OrgType.FOUNDATION,
        "legal_form": "Private foundation set up by a company",
        "sector": "Education: grants to rural schools",
        "formality": FORMAL,
        "year_founded": 2013,
        "members_count": None,
        "source": MAPPING,
        "by": ADMIN,
        "publish": True,
        "share": False,
        "assessments": [
            {
                "day": -690,
                "answers": "110 211 100 100 000 000 111",
                "met": [PUBLIC_INTEREST],
            },
        ],
    },
    # Indonesia: two.
    {
        "name": "Tunas Mandiri Islamic Savings and Loan Cooperative",
        "country": Country.INDONESIA,
        "org_type": OrgType.COOPERATIVE,
        "legal_form": "Sharia savings and loan cooperative",
        "sector": "Finance: savings and loans",
        "formality": FORMAL,
        "year_founded": 2001,
        "members_count": 1200,
        "source": MAPPING,
        "by": ADMIN,
        "publish": True,
        "share": False,
        "assessments": [
            {
                "day": -680,
                "answers": "222 222 221 222 211 221 222",
                "met": [SOCIAL_PROBLEM, SERVICE, FREE_ESTABLISHMENT, DEMOCRATIC],
            },
        ],
    },
    {
        "name": "Sumber Rejeki Village-Owned Enterprise",
        "country": Country.INDONESIA,
        "org_type": OrgType.OTHER,
        "legal_form": "Village-owned enterprise (BUMDes)",
        "sector": "Water supply and tourism",
        "formality": FORMAL,
        "year_founded": 2016,
        "members_count": None,
        "source": MAPPING,
        "by": ADMIN,
        "publish": False,
        "share": False,
        # Run by the village government.
        "assessments": [
            {
                "day": -670,
                "answers": "221 221 110 211 100 100 211",
                "met": [PUBLIC_INTEREST, SERVICE],
            },
        ],
    },
    # Japan: one.
    {
        "name": "Sagami Valley Consumer Cooperative",
        "country": Country.JAPAN,
        "org_type": OrgType.COOPERATIVE,
        "legal_form": "Consumer cooperative (Consumer Livelihood Cooperative Act)",
        "sector": "Retail: food and home delivery",
        "formality": FORMAL,
        "year_founded": 1972,
        "members_count": 86000,
        "source": MAPPING,
        "by": ADMIN,
        "publish": True,
        "share": False,
        "assessments": [
            {
                "day": -660,
                "answers": "222 222 222 221 221 222 222",
                "met": [SOCIAL_PROBLEM, PRODUCTIVE, SERVICE, DEMOCRATIC],
            },
        ],
    },
    # Malaysia: one.
    {
        "name": "Kedah Padi Traders",
        "country": Country.MALAYSIA,
        "org_type": OrgType.OTHER,
        "legal_form": "Private limited company (Sdn Bhd), family-owned",
        "sector": "Agriculture: rice trading",
        "formality": FORMAL,
        "year_founded": 1994,
        "members_count": None,
        "source": MAPPING,
        "by": ADMIN,
        "publish": False,
        "share": False,
        "assessments": [
            {
                "day": -650,
                "answers": "222 100 100 100 000 221 000",
                "met": [PRODUCTIVE],
            },
        ],
    },
    # The Philippines: two.
    {
        "name": "Bukidnon Upland Farmers' Mutual Benefit Association",
        "country": Country.PHILIPPINES,
        "org_type": OrgType.MUTUAL,
        "legal_form": "Mutual benefit association (Insurance Code)",
        "sector": "Insurance and small loans",
        "formality": FORMAL,
        "year_founded": 1999,
        "members_count": 15000,
        "source": MAPPING,
        "by": ADMIN,
        "publish": True,
        "share": False,
        "assessments": [
            {
                "day": -640,
                "answers": "222 222 222 222 221 221 222",
                "met": [SOCIAL_PROBLEM, SERVICE, DEMOCRATIC],
            },
        ],
    },
    {
        "name": "Quezon City Ambulant Vendors' Association",
        "country": Country.PHILIPPINES,
        "org_type": OrgType.INFORMAL_GROUP,
        "legal_form": "None (association of street vendors)",
        "sector": "Informal street trade",
        "formality": INFORMAL,
        "year_founded": 2014,
        "members_count": 120,
        "source": MAPPING,
        "by": ADMIN,
        "publish": True,
        "share": False,
        # Members trade on their own: the association runs no economic activity itself.
        "assessments": [
            {
                "day": -630,
                "answers": "100 221 222 222 221 221 211",
                "met": [SOCIAL_PROBLEM, FREE_ESTABLISHMENT, DEMOCRATIC],
            },
        ],
    },
    # Republic of Korea: one.
    {
        "name": "Chiak Mountain Community Health Social Cooperative",
        "country": Country.KOREA,
        "org_type": OrgType.COOPERATIVE,
        "legal_form": "Social cooperative (Framework Act on Cooperatives)",
        "sector": "Health care and home care",
        "formality": FORMAL,
        "year_founded": 2002,
        "members_count": 4000,
        "source": MAPPING,
        "by": ADMIN,
        "publish": True,
        "share": False,
        "assessments": [
            {
                "day": -620,
                "answers": "222 222 222 222 221 222 222",
                "met": [PUBLIC_INTEREST, SERVICE, FREE_ESTABLISHMENT, DEMOCRATIC],
            },
        ],
    },
]
