"""The spaces' archive searches its messages in every script: a Thai, Khmer or Lao word
in the middle of a sentence written without spaces, Vietnamese with or without its tone
marks, Cyrillic in any case (which SQLite's LIKE, and PostgreSQL's in the C locale, do
not fold), through the stored `search_text` (core.wordsplit), on PostgreSQL and SQLite
alike; its queries do not grow with the messages."""

import importlib
import uuid

import pytest
from django.apps import apps

from cop import services
from cop.models import Message
from tests.accounts.factories import UserFactory
from tests.cop.factories import MembershipFactory, MessageFactory, SpaceFactory

pytestmark = pytest.mark.django_db

SENTENCES = {
    "thai": "เกษตรกรในภาคเหนือรวมตัวกันเป็นสหกรณ์การเกษตรเพื่อขายข้าวในราคาที่เป็นธรรม",
    "khmer": "កសិករនៅខេត្តតាកែវបានបង្កើតសហករណ៍កសិកម្មនៅកម្ពុជាដើម្បីលក់ស្រូវ",
    "lao": "ຊາວກະສິກອນໄດ້ສ້າງຕັ້ງສະຫະກອນກະສິກຳໃນແຂວງຈຳປາສັກ",
    "vietnamese": "Hợp tác xã nông nghiệp ở Đồng Tháp giúp nông dân bán lúa với giá công bằng.",
    "mongolian": "Монголын малчид хоршоо байгуулж, ноолуураа шударга үнээр борлуулдаг.",
    "russian": "Кооператив объединяет людей для достижения общих экономических целей.",
    "chinese": "社会团结经济包括合作社、互助组织和社会企业。",
    "english": "Our savings group meets on the first Monday of every month.",
}


@pytest.fixture
def space_and_member():
    space = SpaceFactory(slug="sse-finance", name="SSE finance")
    reader = UserFactory(name="Malee Reader")
    MembershipFactory(space=space, user=reader)
    return space, reader


@pytest.fixture
def archive(client, space_and_member):
    """The archive's search: the kinds of sentence (SENTENCES' keys) each query found."""
    space, reader = space_and_member
    by_body = {}
    for kind, sentence in SENTENCES.items():
        message, _ = services.post_message(space, reader, sentence, client_id=_uuid(kind))
        by_body[message.id] = kind
    client.force_login(reader)

    def search(query):
        response = client.get(f"/spaces/{space.slug}/archive/", {"q": query})
        assert response.status_code == 200
        return sorted(by_body[message.id] for message in response.context["page_obj"])

    return search


def _uuid(kind):
    return uuid.uuid5(uuid.NAMESPACE_URL, kind)


@pytest.mark.parametrize(
    ("query", "kind"),
    [
        ("สหกรณ์", "thai"),
        ("ขายข้าว", "thai"),
        ("សហករណ៍", "khmer"),
        ("ສະຫະກອນ", "lao"),
        ("hop tac xa", "vietnamese"),
        ("HỢP TÁC XÃ", "vietnamese"),
        ("dong thap", "vietnamese"),
        ("ХОРШОО", "mongolian"),
        ("кооператив", "russian"),
        ("互助", "chinese"),
        ("MONDAY", "english"),
    ],
)
def test_the_archive_finds_a_word_of_a_sentence_in_any_script(archive, query, kind):
    assert archive(query) == [kind]


def test_every_word_of_the_query_must_be_in_the_message(archive):
    assert archive("สหกรณ์ ขายข้าว") == ["thai"]
    assert archive("สหกรณ์ ประกันภัย") == []


def test_part_of_a_word_is_found_as_before(archive):
    assert archive("saving") == ["english"]
    assert archive("เกษตร") == ["thai"]  # inside "เกษตรกร" and "การเกษตร"


def test_the_author_is_still_found_by_name(archive):
    assert len(archive("Malee")) == len(SENTENCES)


def test_a_query_of_punctuation_only_is_matched_as_typed(archive, client, space_and_member):
    space, reader = space_and_member
    services.post_message(space, reader, "Deadline?!", client_id=_uuid("punctuation"))

    assert archive("!!!") == []
    response = client.get(f"/spaces/{space.slug}/archive/", {"q": "?!"})
    assert [m.body for m in response.context["page_obj"]] == ["Deadline?!"]


def test_a_message_made_by_the_seeder_or_a_factory_is_searchable_too(client, space_and_member):
    space, reader = space_and_member
    MessageFactory(space=space, author=reader, body="Нэг хоршоо шинээр байгуулагдлаа.")
    client.force_login(reader)

    response = client.get(f"/spaces/{space.slug}/archive/", {"q": "Хоршоо"})

    assert response.context["page_obj"].paginator.count == 1


def test_the_migration_fills_the_messages_stored_before_it(space_and_member):
    space, reader = space_and_member
    message = MessageFactory(space=space, author=reader, body="Hợp tác xã ở Đồng Tháp")
    Message.objects.update(search_text="")  # as a message stored before the column was
    migration = importlib.import_module("cop.migrations.0004_message_search_text")

    migration.fill_search_text(apps, None)

    message.refresh_from_db()
    assert message.search_text == "hop tac xa o dong thap"


# The session, the member, the space, the membership, the member's groups, the count,
# the site and the page (the authors joined): the same at any number of messages.
ARCHIVE_QUERIES = 7


@pytest.mark.parametrize("messages", [3, 30])
def test_the_archive_search_makes_the_same_queries_at_any_size(
    client, django_assert_num_queries, space_and_member, messages
):
    space, reader = space_and_member
    for n in range(messages):
        MessageFactory(space=space, author=reader, body=f"{SENTENCES['thai']} {n}")
    client.force_login(reader)
    client.get(f"/spaces/{space.slug}/archive/", {"q": "สหกรณ์"})  # warm the shell

    with django_assert_num_queries(ARCHIVE_QUERIES):
        response = client.get(f"/spaces/{space.slug}/archive/", {"q": "สหกรณ์"})

    assert response.context["page_obj"].paginator.count == messages
