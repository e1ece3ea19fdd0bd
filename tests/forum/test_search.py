"""The forum's part of the site search (forum/search.py) in every script, through the
posting service as members post: a Thai, Khmer or Lao word in a sentence, Vietnamese
without its tone marks, Cyrillic in any case; a topic by a word of its title; and the
index kept current when a post is edited or hidden."""

import re

import pytest
from django.urls import reverse

from forum import services
from forum.search import search_posts

from .conftest import client_for

pytestmark = pytest.mark.django_db


def found(query, user=None):
    """The bodies of the posts the forum's tab of /search/ shows for `query`."""
    response = client_for(user).get(reverse("search"), {"q": query, "in": "forum"})
    assert response.status_code == 200
    return [post.body for post in response.context["results"]]


def marked(query):
    response = client_for().get(reverse("search"), {"q": query, "in": "forum"})
    return re.findall(r"<mark>(.*?)</mark>", response.content.decode())


def test_a_reply_is_found_by_a_thai_word_in_the_middle_of_its_sentence(topic, other):
    body = "เกษตรกรในภาคเหนือรวมตัวกันเป็นสหกรณ์การเกษตรเพื่อขายข้าวในราคาที่เป็นธรรม"
    services.reply(topic, other, body)

    assert found("สหกรณ์") == [body]
    assert marked("สหกรณ์") == ["สหกรณ์"]


def test_khmer_and_lao_replies_are_found_by_a_word_inside_them(topic, other):
    khmer = "កសិករនៅខេត្តតាកែវបានបង្កើតសហករណ៍កសិកម្មនៅកម្ពុជាដើម្បីលក់ស្រូវ"
    lao = "ຊາວກະສິກອນໄດ້ສ້າງຕັ້ງສະຫະກອນກະສິກຳໃນແຂວງຈຳປາສັກ"
    services.reply(topic, other, khmer)
    services.reply(topic, other, lao)

    assert found("កសិកម្ម") == [khmer]
    assert found("ກະສິກຳ") == [lao]


def test_vietnamese_is_found_with_or_without_tone_marks(topic, other):
    body = "Hợp tác xã của chúng tôi có hai trăm thành viên."
    services.reply(topic, other, body)

    assert found("hop tac xa") == found("Hợp tác xã") == found("HOP TAC XA") == [body]
    assert marked("hop tac xa") == ["Hợp", "tác", "xã"]


def test_cyrillic_is_found_in_any_case(topic, other):
    body = "Кооператив объединяет людей для общей экономической цели."
    services.reply(topic, other, body)

    assert found("КООПЕРАТИВ") == found("кооператив") == [body]


def test_a_topic_is_found_by_a_word_of_its_thai_title(public_category, learner):
    services.start_topic(public_category, learner, "คู่มือสหกรณ์ออมทรัพย์สำหรับชุมชน", "สวัสดีครับ")

    assert found("ออมทรัพย์") == ["สวัสดีครับ"]


def test_an_edited_post_is_found_by_its_new_words_only(topic, other):
    post = services.reply(topic, other, "เราตั้งสหกรณ์ออมทรัพย์ในหมู่บ้าน")

    services.edit_post(post, other, "เราตั้งธนาคารข้าวในหมู่บ้าน")

    assert found("ออมทรัพย์") == []
    assert found("ธนาคาร") == ["เราตั้งธนาคารข้าวในหมู่บ้าน"]


def test_a_hidden_post_is_not_found_in_any_script(topic, other, moderator):
    post = services.reply(topic, other, "เราตั้งสหกรณ์ออมทรัพย์ในหมู่บ้าน")

    services.hide(post, moderator, "Spam")

    assert found("ออมทรัพย์") == []


def test_a_query_without_words_finds_nothing(topic, learner):
    assert list(search_posts(learner, "!!! …")) == []
    assert found('"') == []
