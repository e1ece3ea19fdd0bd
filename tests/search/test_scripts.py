"""The site search (/search/: the pages, the forum's tab) in every script the platform
speaks, with real sentences: a Thai, Khmer or Lao word in the middle of a sentence
written without spaces, Chinese and Japanese words, Vietnamese with or without its tone
marks, Mongolian and Russian Cyrillic in any case. Each result's excerpt marks the
match as written. Run on PostgreSQL and on SQLite alike (DATABASE_URL or not)."""

import re

import pytest
from django.core.management import call_command
from django.urls import reverse

from tests.accounts.factories import UserFactory
from tests.cop.activities.factories import ActivityFactory
from tests.cop.assessment.factories import OrganizationFactory
from tests.courses.workshops.factories import WorkshopFactory
from tests.forum.factories import CategoryFactory, PostFactory, TopicFactory
from tests.home.factories import StandardPageFactory, home_page, paragraph, translation_of

pytestmark = pytest.mark.django_db

# (language, sentence, query, what the excerpt marks)
SENTENCES = [
    pytest.param(
        "th",
        "เกษตรกรในภาคเหนือรวมตัวกันเป็นสหกรณ์การเกษตรเพื่อขายข้าวในราคาที่เป็นธรรม",
        "สหกรณ์",
        ["สหกรณ์"],
        id="thai",
    ),
    pytest.param(
        "km",
        "កសិករនៅខេត្តតាកែវបានបង្កើតសហករណ៍កសិកម្មនៅកម្ពុជាដើម្បីលក់ស្រូវ",
        "សហករណ៍",
        ["សហករណ៍"],
        id="khmer",
    ),
    pytest.param(
        "lo",
        "ຊາວກະສິກອນໄດ້ສ້າງຕັ້ງສະຫະກອນກະສິກຳໃນແຂວງຈຳປາສັກ",
        "ສະຫະກອນ",
        ["ສະຫະກອນ"],
        id="lao",
    ),
    pytest.param(
        "vi",
        "Hợp tác xã nông nghiệp ở Đồng Tháp giúp nông dân bán lúa với giá công bằng.",
        "hop tac xa",
        ["Hợp", "tác", "xã"],
        id="vietnamese-without-tone-marks",
    ),
    pytest.param(
        "vi",
        "Nông dân ở Đồng Tháp lập hợp tác xã để bán lúa với giá công bằng.",
        "HỢP TÁC XÃ",
        ["hợp", "tác", "xã"],
        id="vietnamese-in-capitals",
    ),
    pytest.param(
        "mn",
        "Монголын малчид хоршоо байгуулж, ноолуураа шударга үнээр борлуулдаг.",
        "ХОРШОО",
        ["хоршоо"],
        id="mongolian",
    ),
    pytest.param(
        "ru",
        "Кооператив объединяет людей для достижения общих экономических целей.",
        "кооператив",
        ["Кооператив"],
        id="russian",
    ),
    pytest.param(
        "zh-hans",
        "社会团结经济包括合作社、互助组织和社会企业。",
        "互助",
        ["互助"],
        id="chinese",
    ),
    pytest.param(
        "ja",
        "日本の協同組合は地域社会を支えています。",
        "協同組合",
        ["協同", "組合"],
        id="japanese",
    ),
]


def marked(html):
    return re.findall(r"<mark>(.*?)</mark>", html)


def results(response):
    assert response.status_code == 200
    return re.findall(r"<li>\s*<p class=\"result-kind\">.*?</li>", response.content.decode(), re.S)


def page_in(language, title, sentence):
    """A standard page in `language`'s tree (its home page translated first) that says
    `sentence` in its body, among other text."""
    home = home_page()
    parent = home if language == "en" else translation_of(home, language)
    return StandardPageFactory(
        parent=parent,
        title=title,
        slug="a-page",
        intro="",
        body=[paragraph(f"<p>Members meet every month.</p><p>{sentence}</p>")],
    )


def search_url(language):
    path = reverse("search")
    return path if language == "en" else f"/{language}{path}"


@pytest.mark.parametrize(("language", "sentence", "query", "marks"), SENTENCES)
def test_a_page_is_found_by_a_word_of_a_sentence_in_its_own_language(
    client, language, sentence, query, marks
):
    page_in(language, "The page that says it", sentence)

    [item] = results(client.get(search_url(language), {"q": query}))

    assert "The page that says it" in item
    assert marked(item) == marks


@pytest.mark.parametrize(("language", "sentence", "query", "marks"), SENTENCES)
def test_a_forum_post_is_found_by_a_word_of_a_sentence(client, language, sentence, query, marks):
    topic = TopicFactory(category=CategoryFactory(), title="Our cooperative", body="Hello.")
    PostFactory(topic=topic, body=f"Members meet every month. {sentence}")

    [item] = results(client.get(reverse("search"), {"q": query, "in": "forum"}))

    assert marked(item) == marks


def test_the_brief_example_thai_word_at_the_start_of_a_sentence_is_found_too(client):
    page_in("th", "หน้าสหกรณ์", "สหกรณ์การเกษตรในประเทศไทย")

    [item] = results(client.get("/th/search/", {"q": "สหกรณ์"}))

    assert marked(item) == ["สหกรณ์"]


def test_every_word_of_a_thai_query_must_be_there(client):
    page_in("th", "หน้าสหกรณ์", "เกษตรกรรวมตัวกันเป็นสหกรณ์การเกษตรเพื่อขายข้าว")

    both = results(client.get("/th/search/", {"q": "สหกรณ์ขายข้าว"}))
    missing = results(client.get("/th/search/", {"q": "สหกรณ์ประกันภัย"}))

    assert len(both) == 1
    assert missing == []


def test_a_word_not_in_the_sentence_finds_nothing(client):
    page_in("km", "ទំព័រ", "កសិករនៅខេត្តតាកែវបានបង្កើតសហករណ៍កសិកម្ម")

    assert results(client.get("/km/search/", {"q": "ធនាគារ"})) == []


def test_a_vietnamese_page_is_found_with_the_tone_marks_typed_too(client):
    page_in("vi", "Hợp tác xã", "Nông dân lập hợp tác xã để bán lúa.")

    with_marks = results(client.get("/vi/search/", {"q": "hợp tác xã"}))
    without = results(client.get("/vi/search/", {"q": "hop tac xa"}))
    title_only = results(client.get("/vi/search/", {"q": "nong dan"}))

    assert len(with_marks) == len(without) == len(title_only) == 1


def test_a_page_is_found_by_its_title_in_a_script_without_spaces(client):
    page_in("th", "คู่มือสหกรณ์ออมทรัพย์สำหรับชุมชน", "Members meet every month.")

    [item] = results(client.get("/th/search/", {"q": "ออมทรัพย์"}))

    assert "คู่มือสหกรณ์ออมทรัพย์สำหรับชุมชน" in item


def test_a_query_of_punctuation_only_finds_nothing_and_fails_nothing(client):
    page_in("en", "A page", "Members meet every month.")

    for query in ['"', "!!!", "«»", "co\"op'", "ๆ ฯ"]:
        response = client.get(reverse("search"), {"q": query})
        forum = client.get(reverse("search"), {"q": query, "in": "forum"})

        assert response.status_code == 200
        assert forum.status_code == 200


def test_a_republished_page_is_found_by_its_new_words_and_not_its_old_ones(client):
    page = page_in("th", "หน้าชุมชน", "เกษตรกรรวมตัวกันเป็นสหกรณ์การเกษตร")

    page.body = [paragraph("<p>ชุมชนของเราตั้งธนาคารข้าวเพื่อช่วยเหลือกัน</p>")]
    page.save_revision().publish()

    assert results(client.get("/th/search/", {"q": "สหกรณ์"})) == []
    assert len(results(client.get("/th/search/", {"q": "ธนาคาร"}))) == 1


def test_update_index_rebuilds_the_folded_words(client):
    page_in("lo", "ໜ້າ", "ຊາວກະສິກອນໄດ້ສ້າງຕັ້ງສະຫະກອນກະສິກຳໃນແຂວງຈຳປາສັກ")
    topic = TopicFactory(category=CategoryFactory(), body="Hello.")
    PostFactory(topic=topic, body="เราตั้งสหกรณ์ออมทรัพย์ในหมู่บ้าน")

    call_command("update_index", verbosity=0)

    assert len(results(client.get("/lo/search/", {"q": "ສະຫະກອນ"}))) == 1
    assert len(results(client.get(reverse("search"), {"q": "ออมทรัพย์", "in": "forum"}))) == 1


def test_forum_results_stay_those_the_reader_may_read_in_any_script(client):
    members_only = CategoryFactory(read_access="members")
    TopicFactory(category=members_only, body="สมาชิกตั้งสหกรณ์ออมทรัพย์ในหมู่บ้าน")

    anonymous = results(client.get(reverse("search"), {"q": "ออมทรัพย์", "in": "forum"}))
    client.force_login(UserFactory())
    member = results(client.get(reverse("search"), {"q": "ออมทรัพย์", "in": "forum"}))

    assert anonymous == []
    assert len(member) == 1


def test_the_other_providers_find_a_thai_word_inside_a_sentence_by_substring(client):
    """Workshops, follow-up activities and organizations match each word of the query as
    a substring of their own fields (their providers' own way), which finds a Thai word
    in the middle of a sentence as it is."""
    sentence = "เกษตรกรในภาคเหนือรวมตัวกันเป็นสหกรณ์การเกษตรเพื่อขายข้าว"
    WorkshopFactory(title="การอบรม", description=sentence, description_html=f"<p>{sentence}</p>")
    ActivityFactory(title="กิจกรรม", description=sentence)
    member = UserFactory()
    OrganizationFactory(name="กลุ่มเกษตรกรรวมตัวกันเป็นสหกรณ์การเกษตร", members=[member])
    client.force_login(member)

    for tab in ("workshops", "activities", "assessment"):
        items = results(client.get(reverse("search"), {"q": "สหกรณ์", "in": tab}))

        assert len(items) == 1, tab
