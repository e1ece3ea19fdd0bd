"""The CSV import of mapped organizations: reading the file and checking each row (plain
functions, no database), then the preview and the confirmation over HTTP (mapping staff
only; nothing saved before the confirmation, every row or none after it)."""

import base64
import csv
import datetime
import io

import pytest
from django.urls import reverse

from accounts.constants import Role
from cop.assessment import csv_import, services
from cop.assessment.constants import Formality, OrgType, Source
from cop.assessment.models import Organization
from tests.accounts.factories import UserFactory, focal_point, site_admin
from tests.concurrency import race

from .factories import OrganizationFactory, mapped

URL = reverse("assessment_org_import")
HEADER = "name,country,type,legal_form,sector,formality,year_founded,members_count\n"


def clean(**cells):
    return csv_import.clean_row(cells)


def researcher(*countries):
    return UserFactory(
        roles=[Role.NATIONAL_RESEARCHER],
        scopes=[(Role.NATIONAL_RESEARCHER, country) for country in countries],
    )


def upload(client, text, name="orgs.csv", encoding="utf-8"):
    data = text.encode(encoding) if isinstance(text, str) else text
    file = io.BytesIO(data)
    file.name = name
    return client.post(URL, {"file": file})


def html(response):
    return response.content.decode()


# --- Reading the file -----------------------------------------------------------------


def test_the_header_may_come_in_any_order_with_a_byte_order_mark():
    text = csv_import.decode("\ufefftype,Name,COUNTRY\nmutual,Lao Mutual,LA\n".encode())

    columns, rows = csv_import.read(text)

    assert columns == ["type", "name", "country"]
    assert rows == [(2, {"type": "mutual", "name": "Lao Mutual", "country": "LA"})]


def test_rows_keep_the_numbers_of_the_file_past_blank_and_multi_line_rows():
    text = 'name,country,type\n"Two\nlines",TH,other\n\n,,\nLast,TH,other\n'

    _columns, rows = csv_import.read(text)

    assert [number for number, _cells in rows] == [2, 5]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "The file is empty"),
        ("name,country,type\n", "no organization below it"),
        ("name,country,type,colour\nA,TH,other,red\n", "Unknown columns: colour."),
        ("name,country,name,type\nA,TH,B,other\n", "These columns appear twice: name."),
        ("name,type\nA,other\n", "The header lacks these columns: country."),
    ],
)
def test_a_file_without_a_usable_header_is_refused_whole(text, message):
    with pytest.raises(csv_import.FileRefused) as refused:
        csv_import.read(text)

    assert message in refused.value.message


def test_more_than_two_thousand_rows_are_refused():
    text = "name,country,type\n" + "".join(f"Org {n},TH,other\n" for n in range(2001))

    with pytest.raises(csv_import.FileRefused) as refused:
        csv_import.read(text)

    assert "more than 2,000 organizations" in refused.value.message
    assert len(csv_import.read(text.rsplit("Org 2000", 1)[0])[1]) == 2000


def test_a_file_that_is_not_utf8_or_too_large_is_refused():
    with pytest.raises(csv_import.FileRefused, match="not UTF-8"):
        csv_import.decode("name\nCoopérative".encode("latin-1"))
    with pytest.raises(csv_import.FileRefused, match="larger than 1 MB"):
        csv_import.decode(b"x" * 1_000_001)


def test_a_row_with_more_cells_than_the_header_is_an_error_but_trailing_blanks_are_not():
    _columns, rows = csv_import.read("name,country,type\nA,TH,other,,\nB,TH,other,extra\n")

    assert clean(**rows[0][1])[1] == []
    assert csv_import.clean_row(rows[1][1])[1] == [
        "This row has more cells than the header has columns."
    ]


# --- One row ----------------------------------------------------------------------------


def test_a_full_row_becomes_the_fields_of_an_organization():
    values, errors = clean(
        name="  Hmong   Weavers ",
        country="Lao PDR",
        type="Self-help group",
        legal_form="",
        sector="Textiles",
        formality="INFORMAL",
        year_founded="1998",
        members_count="1,200",
    )

    assert errors == []
    assert values == {
        "name": "Hmong Weavers",
        "country": "LA",
        "org_type": OrgType.SELF_HELP_GROUP,
        "legal_form": "",
        "sector": "Textiles",
        "formality": Formality.INFORMAL,
        "year_founded": 1998,
        "members_count": 1200,
    }


@pytest.mark.parametrize(("text", "code"), [("kh", "KH"), ("Cambodia", "KH"), ("viet-nam", "VN")])
def test_a_country_is_its_code_english_name_or_slug(text, code):
    assert clean(name="A", country=text, type="other")[0]["country"] == code


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("social_enterprise", OrgType.SOCIAL_ENTERPRISE),
        ("Social enterprise", OrgType.SOCIAL_ENTERPRISE),
        ("INFORMAL OR COMMUNITY GROUP", OrgType.INFORMAL_GROUP),
        ("cooperative", OrgType.COOPERATIVE),
    ],
)
def test_a_type_is_its_value_or_english_label_in_any_case(text, value):
    assert clean(name="A", country="TH", type=text)[0]["org_type"] == value


def test_a_blank_formality_is_informal_for_an_informal_group_only():
    informal = clean(name="A", country="TH", type="informal_group")[0]
    formal = clean(name="B", country="TH", type="cooperative")[0]

    assert informal["formality"] == Formality.INFORMAL
    assert formal["formality"] == Formality.FORMAL
    assert informal["legal_form"] == ""
    assert informal["year_founded"] is None


@pytest.mark.parametrize(
    ("cells", "error"),
    [
        ({"name": ""}, "name: This field is required."),
        ({"name": "\u200b\u200b"}, "name: This field is required."),
        ({"name": "Bad\x00name"}, "name: The text contains a character that cannot be stored"),
        ({"name": "x" * 201}, "name: at most 200 characters."),
        ({"country": "Atlantis"}, "country: “Atlantis” is not a programme country"),
        ({"country": ""}, "country: required."),
        ({"type": "company"}, "type: “company” is not a type; the types are: cooperative,"),
        ({"formality": "maybe"}, "formality: “maybe” is neither formal nor informal."),
        ({"year_founded": "1500"}, "year_founded: Enter a year from 1800 on."),
        ({"year_founded": "two thousand"}, "year_founded: write a year such as 2004."),
        ({"members_count": "-3"}, "members_count: write a whole number, 0 or more."),
        ({"sector": "bad\ud800"}, "sector: The text contains a character that cannot be stored"),
    ],
)
def test_a_bad_cell_is_the_rows_error(cells, error):
    row = {"name": "Good name", "country": "TH", "type": "other", **cells}

    _values, errors = csv_import.clean_row(row)

    assert len(errors) == 1
    assert errors[0].startswith(error)


def test_a_year_in_the_future_is_an_error():
    next_year = str(datetime.date.today().year + 1)

    errors = clean(name="A", country="TH", type="other", year_founded=next_year)[1]

    assert errors == ["year_founded: The year founded cannot be in the future."]


def test_a_formula_like_name_is_kept_as_text():
    values, errors = clean(name="=cmd()", country="TH", type="other")

    assert errors == []
    assert values["name"] == "=cmd()"


def test_names_repeated_in_a_country_or_already_recorded_and_other_countries_are_errors():
    rows = [
        csv_import.Row(n, {}, values, errors)
        for n, (values, errors) in enumerate(
            [
                clean(name="Alpha", country="TH", type="other"),
                clean(name="ALPHA ", country="TH", type="other"),
                clean(name="Alpha", country="KH", type="other"),
                clean(name="Beta", country="TH", type="other"),
                clean(name="Gamma", country="JP", type="other"),
            ],
            start=2,
        )
    ]

    csv_import.check(rows, countries={"TH", "KH"}, existing={("TH", "beta")})

    assert [row.errors for row in rows] == [
        [],
        ["name: the same name and country as row 2."],
        [],
        ["name: already recorded in this country."],
        ["country: you may record organizations only in your countries (Cambodia, Thailand)."],
    ]


def test_the_template_has_the_header_and_examples_in_the_persons_country():
    text = csv_import.template_csv({"KH"}).decode("utf-8-sig")

    rows = list(csv.reader(io.StringIO(text)))

    assert rows[0] == list(csv_import.COLUMNS)
    assert {row[1] for row in rows[1:]} == {"KH"}
    _columns, parsed = csv_import.read(text)
    assert [csv_import.clean_row(cells)[1] for _n, cells in parsed] == [[], []]


# --- Over HTTP ----------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["member", "other_focal"])
def test_only_mapping_staff_may_import(client, who):
    user = UserFactory() if who == "member" else focal_point("KH")
    client.force_login(user)

    assert client.get(URL).status_code == (404 if who == "member" else 200)
    if who == "member":
        response = upload(client, HEADER + "A,TH,other,,,,,\n")
        assert response.status_code == 404


@pytest.mark.django_db
def test_anonymous_people_are_sent_to_log_in(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={URL}"


@pytest.mark.django_db
def test_the_template_downloads_as_csv(client):
    client.force_login(researcher("LA"))

    response = client.get(URL, {"template": "1"})

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    assert response.content.decode("utf-8-sig").startswith(HEADER.strip())
    assert ",LA,cooperative," in response.content.decode()


@pytest.mark.django_db
def test_a_preview_shows_every_row_and_saves_nothing_then_confirm_saves_them_all(client):
    user = researcher("TH", "KH")
    client.force_login(user)
    text = (
        "\ufeff" + HEADER + "Rice Growers,thailand,Cooperative,Agricultural cooperative,"
        "Agriculture,formal,2004,120\n"
        "Village Savings,KH,informal_group,,Finance,,,35\n"
        "=cmd(),TH,other,,,,,\n"
    )

    response = upload(client, text)

    assert response.status_code == 200
    page = html(response)
    assert "3 organizations are ready to record. Nothing is saved until you confirm." in page
    assert '<tr id="row-2">' in page
    assert "<td>Thailand</td>" in page
    assert "<td>Informal (not registered)</td>" in page
    assert "<td>=cmd()</td>" in page
    assert Organization.objects.count() == 0
    content = response.context["confirm_form"].initial["content"]
    assert base64.b64decode(content).decode("utf-8-sig") == text.lstrip("\ufeff")

    response = client.post(URL, {"content": content})

    assert response.status_code == 302
    assert response["Location"] == "/assessment/#country-organizations"
    rows = list(
        Organization.objects.order_by("name").values_list(
            "name", "country", "org_type", "formality", "source", "recorded_by"
        )
    )
    assert rows == [
        ("=cmd()", "TH", "other", "formal", Source.MAPPING, user.pk),
        ("Rice Growers", "TH", "cooperative", "formal", Source.MAPPING, user.pk),
        ("Village Savings", "KH", "informal_group", "informal", Source.MAPPING, user.pk),
    ]
    page = html(client.get(reverse("assessment")))
    assert "3 organizations are recorded." in page


@pytest.mark.django_db
def test_a_preview_with_bad_rows_shows_each_error_by_row_and_offers_no_confirmation(client):
    client.force_login(researcher("TH"))
    mapped(name="Known Cooperative", country="TH")
    text = HEADER + (
        "Good One,TH,other,,,,,\n"
        ",TH,other,,,,,\n"  # row 3: blank name
        "Bad\x00Name,TH,other,,,,,\n"  # row 4: NUL
        "Elsewhere,Atlantis,other,,,,,\n"  # row 5: unknown country
        "Typo,TH,company,,,,,\n"  # row 6: unknown type
        "Old,TH,other,,,,1500,\n"  # row 7: year 1500
        "Negative,TH,other,,,,,-3\n"  # row 8: members -3
        "good one,TH,other,,,,,\n"  # row 9: repeats row 2
        "Known Cooperative,TH,other,,,,,\n"  # row 10: already recorded
        "In Cambodia,KH,other,,,,,\n"  # row 11: not the researcher's country
    )

    response = upload(client, text)

    assert response.status_code == 400
    assert response.context["confirm_form"] is None
    errors = {row.number: row.errors for row in response.context["preview"].rows}
    assert errors[2] == []
    assert errors[3] == ["name: This field is required."]
    assert errors[4][0].startswith("name: The text contains a character that cannot be stored")
    assert errors[5][0].startswith("country: “Atlantis” is not a programme country")
    assert errors[6][0].startswith("type: “company” is not a type")
    assert errors[7] == ["year_founded: Enter a year from 1800 on."]
    assert errors[8] == ["members_count: write a whole number, 0 or more."]
    assert errors[9] == ["name: the same name and country as row 2."]
    assert errors[10] == ["name: already recorded in this country."]
    assert errors[11][0].startswith("country: you may record organizations only in your")
    page = html(response)
    assert "9 rows have errors. Nothing is saved" in page
    assert "Bad\ufffdName" in page  # the NUL is never echoed
    assert "Confirm: record" not in page
    assert Organization.objects.count() == 1


@pytest.mark.django_db
def test_a_confirmation_is_checked_again_and_a_forged_one_saves_nothing(client):
    client.force_login(researcher("TH"))
    forged = base64.b64encode((HEADER + "Elsewhere,KH,other,,,,,\n").encode()).decode()

    response = client.post(URL, {"content": forged})
    not_base64 = client.post(URL, {"content": "%%% not base64 %%%"})

    assert response.status_code == 400
    assert "1 row has errors" in html(response)
    assert not_base64.status_code == 400
    assert "Upload the file again." in html(not_base64)
    assert Organization.objects.count() == 0


@pytest.mark.django_db
def test_a_row_recorded_meanwhile_refuses_the_whole_confirmation(client):
    user = researcher("TH")
    client.force_login(user)
    preview = upload(client, HEADER + "First,TH,other,,,,,\nSecond,TH,other,,,,,\n")
    content = preview.context["confirm_form"].initial["content"]
    services.record_mapped(
        user, **csv_import.clean_row({"name": "Second", "country": "TH", "type": "other"})[0]
    )

    response = client.post(URL, {"content": content})

    assert response.status_code == 400
    assert "already recorded in this country" in html(response)
    assert list(Organization.objects.values_list("name", flat=True)) == ["Second"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"Name,Country\nA,TH\n", "The header lacks these columns: type."),
        ("name,country,type\nCoopérative,TH,other\n".encode("latin-1"), "is not UTF-8 text"),
        (b"name,country,type\n" + b"A" * 1_000_001, "larger than 1 MB"),
        (
            ("name,country,type\n" + "".join(f"O{n},TH,other\n" for n in range(2001))).encode(),
            "more than 2,000 organizations",
        ),
    ],
)
def test_a_file_that_cannot_be_imported_is_a_clear_400(client, data, message):
    client.force_login(researcher("TH"))

    response = upload(client, data)

    assert response.status_code == 400
    assert message in html(response)
    assert Organization.objects.count() == 0


@pytest.mark.django_db
def test_a_post_without_a_file_is_a_400(client):
    client.force_login(researcher("TH"))

    response = client.post(URL, {})

    assert response.status_code == 400
    assert "Choose a file to upload." in html(response)


@pytest.mark.django_db
def test_names_the_researcher_cannot_see_are_not_reported_as_recorded(client):
    """An unshared organization its own members registered stays unknown to the
    researcher: the import neither names it nor refuses the row."""
    OrganizationFactory(name="Private Cooperative", country="TH", source=Source.SELF)
    client.force_login(researcher("TH"))

    response = upload(client, HEADER + "Private Cooperative,TH,cooperative,,,,,\n")

    assert response.status_code == 200
    assert response.context["preview"].ok


@pytest.mark.django_db
def test_a_site_administrator_imports_into_any_country(client):
    client.force_login(site_admin())

    preview = upload(client, HEADER + "Tokyo Workers,JP,cooperative,,,,,\n")
    client.post(URL, {"content": preview.context["confirm_form"].initial["content"]})

    assert Organization.objects.get().country == "JP"


@pytest.mark.django_db
def test_record_mapped_many_saves_every_row_or_none():
    user = researcher("TH")
    good = csv_import.clean_row({"name": "Good", "country": "TH", "type": "other"})[0]
    outside = {**good, "name": "Outside", "country": "KH"}

    with pytest.raises(services.Refused):
        services.record_mapped_many(user, [good, outside])
    with pytest.raises(services.Refused):
        services.record_mapped_many(user, [good, {**good, "name": "GOOD"}])
    assert Organization.objects.count() == 0

    assert len(services.record_mapped_many(user, [good, {**good, "name": "Other"}])) == 2


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("migrated_database")
def test_two_confirmations_of_the_same_rows_at_once_record_them_once():
    first, second = researcher("TH"), researcher("TH")
    row = csv_import.clean_row({"name": "Raced Cooperative", "country": "TH", "type": "other"})[0]

    outcomes = race(
        lambda: services.record_mapped_many(first, [row]),
        lambda: services.record_mapped_many(second, [row]),
    )

    assert sorted(type(outcome).__name__ for outcome in outcomes) == ["Refused", "list"]
    assert Organization.objects.filter(name="Raced Cooperative").count() == 1
