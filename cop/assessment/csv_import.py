"""The CSV import of organizations found in a mapping study: reading the file, checking
every row, and the preview that shows each row's values and errors before anything is
saved (views/organizations.py shows it; services.record_mapped_many saves the rows, all
or none).

The file is UTF-8 (a byte-order mark is fine), at most MAX_IMPORT_BYTES and
MAX_IMPORT_ROWS data rows, with a header row naming its columns in any order: `name`,
`country` and `type` are required, `legal_form`, `sector`, `formality`,
`year_founded` and `members_count` optional, any other is an error. A country is an
ISO code, its English name or its slug (TH, Thailand, thailand); a type or formality
its value or its English label, in any case (social_enterprise, Social enterprise). A
blank formality is informal for an informal or community group, formal otherwise.

Rows are numbered as a spreadsheet numbers them: the header is row 1. Text is kept as
written (a name such as "=cmd()" stays text: pages escape it and exports neutralise
it), but what is never stored (NUL, lone surrogates, other controls) is a row's error.

Everything here but `preview` is a plain function of its arguments, with no database.
"""

import csv
import io
import re
from dataclasses import dataclass, field
from functools import cache

from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext as _

from accounts.constants import COUNTRY_SLUGS, PROGRAMME_COUNTRY_CHOICES
from core.tables import as_csv
from core.text import unsafe_character

from . import permissions as can
from .constants import Formality, OrgType
from .forms import MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, country_choices, validate_year, visible_text
from .models import Organization
from .services import existing_names, name_key

# The columns, in the order the template and the preview show them, and the field each
# fills. `org_type` is accepted as another name of `type`.
COLUMNS = (
    "name",
    "country",
    "type",
    "legal_form",
    "sector",
    "formality",
    "year_founded",
    "members_count",
)
REQUIRED = ("name", "country", "type")
FIELD_OF = {column: column for column in COLUMNS} | {"type": "org_type"}
ALIASES = {"org_type": "type"}
TEXT_COLUMNS = ("name", "legal_form", "sector")
MAX_MEMBERS = 2_147_483_647  # what the column holds


class FileRefused(Exception):
    """A file that cannot be imported at all; `message` says why."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


@dataclass
class Row:
    number: int  # as a spreadsheet numbers it (the header is 1)
    cells: dict  # column -> the text in the file
    values: dict = field(default_factory=dict)  # field -> the value to save
    errors: list = field(default_factory=list)

    @property
    def ok(self):
        return not self.errors

    def shown(self):
        """[(column, what the preview shows)]: the value as understood (a country's
        name, a type's label), or the text as written when it could not be used."""
        out = []
        for column in COLUMNS:
            value = self.values.get(FIELD_OF[column])
            if column == "country" and value:
                text = dict(PROGRAMME_COUNTRY_CHOICES)[value]
            elif column == "type" and value:
                text = OrgType(value).label
            elif column == "formality" and value:
                text = Formality(value).label
            elif value is not None and value != "":
                text = value
            else:
                text = printable(self.cells.get(column, ""))
            out.append((column, text))
        return out


@dataclass
class Preview:
    columns: list  # the file's columns, in the file's order
    rows: list  # of Row

    @property
    def ok(self):
        return bool(self.rows) and all(row.ok for row in self.rows)

    @property
    def rows_with_errors(self):
        return sum(1 for row in self.rows if row.errors)

    def records(self):
        """The rows as services.record_mapped_many takes them."""
        return [dict(row.values) for row in self.rows]


def printable(text):
    """`text` with the characters that are never stored shown as U+FFFD."""
    if unsafe_character(text) is None:
        return text
    return "".join("\ufffd" if unsafe_character(char) else char for char in text)


# --- The file ---------------------------------------------------------------------------


def decode(data):
    """The text of an uploaded file (bytes): UTF-8, with or without a byte-order mark, at
    most MAX_IMPORT_BYTES."""
    if len(data) > MAX_IMPORT_BYTES:
        raise FileRefused(
            _("The file is larger than 1 MB: split it into smaller files and import each.")
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FileRefused(
            _("The file is not UTF-8 text: save it as “CSV UTF-8” and upload it again.")
        ) from None


def _column(header_cell):
    key = re.sub(r"[\s-]+", "_", header_cell.strip().lower())
    return ALIASES.get(key, key)


def read(text):
    """(columns, [(row number, {column: text})]) of a CSV's text; blank rows are skipped
    (their numbers are not). FileRefused for a file without a usable header or with
    more than MAX_IMPORT_ROWS rows."""
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, None)
        if header is None or not any(cell.strip() for cell in header):
            raise FileRefused(_("The file is empty: the first row must name the columns."))
        columns = [_column(cell) for cell in header]
        _check_header(columns)
        rows = []
        for number, cells in enumerate(reader, start=2):
            if not any(cell.strip() for cell in cells):
                continue
            if len(rows) == MAX_IMPORT_ROWS:
                raise FileRefused(
                    _(
                        "The file has more than %(max)s organizations: split it into "
                        "smaller files and import each."
                    )
                    % {"max": f"{MAX_IMPORT_ROWS:,}"}
                )
            rows.append((number, _cells(columns, cells)))
    except csv.Error as error:
        raise FileRefused(
            _("The file could not be read as CSV (%(error)s).") % {"error": error}
        ) from None
    if not rows:
        raise FileRefused(_("The file has a header but no organization below it."))
    return columns, rows


def _check_header(columns):
    unknown = [c for c in columns if c not in COLUMNS]
    if unknown:
        raise FileRefused(
            _("Unknown columns: %(unknown)s. The columns are: %(columns)s.")
            % {
                "unknown": ", ".join(printable(c) or _("(blank)") for c in unknown),
                "columns": ", ".join(COLUMNS),
            }
        )
    repeated = sorted({c for c in columns if columns.count(c) > 1})
    if repeated:
        raise FileRefused(
            _("These columns appear twice: %(columns)s.") % {"columns": ", ".join(repeated)}
        )
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        raise FileRefused(
            _("The header lacks these columns: %(columns)s.") % {"columns": ", ".join(missing)}
        )


def _cells(columns, cells):
    """{column: text}; cells beyond the header's are kept under None (an error if any
    of them is not blank)."""
    row = dict(zip(columns, cells, strict=False))
    extra = [cell for cell in cells[len(columns) :] if cell.strip()]
    if extra:
        row[None] = extra
    return row


# --- One row ----------------------------------------------------------------------------


@cache
def _country_keys():
    """{what a file may write, lower case: ISO code} (English names, codes, slugs)."""
    keys = {}
    with translation.override("en"):
        for code, name in PROGRAMME_COUNTRY_CHOICES:
            keys[code.lower()] = code
            keys[str(name).lower()] = code
            keys[COUNTRY_SLUGS[code]] = code
    return keys


def _choice_key(text):
    return re.sub(r"[\s_-]+", "_", text.strip().lower())


@cache
def _choice_keys(choices_class):
    keys = {}
    with translation.override("en"):
        for value, label in choices_class.choices:
            keys[_choice_key(value)] = value
            keys[_choice_key(str(label))] = value
    return keys


def resolve_country(text):
    return _country_keys().get(" ".join(text.split()).lower())


def resolve_choice(text, choices_class):
    return _choice_keys(choices_class).get(_choice_key(text))


def _number(text):
    """A whole number as a spreadsheet may write it (1,200 or 1 200), or None."""
    digits = re.sub(r"[,\s]", "", text)
    return int(digits) if re.fullmatch(r"-?\d{1,12}", digits) else None


def _error(column, message):
    return _("%(column)s: %(message)s") % {"column": column, "message": message}


def clean_row(cells):
    """(values, errors) of one row's cells ({column: text}): the values of
    EDITABLE_FIELDS that could be read, and what is wrong with the others."""
    values, errors = {}, []
    if None in cells:
        errors.append(_("This row has more cells than the header has columns."))
    for column in TEXT_COLUMNS:
        text = cells.get(column, "")
        limit = Organization._meta.get_field(column).max_length
        try:
            value = visible_text(text, required=column == "name")
        except ValidationError as error:
            errors.append(_error(column, " ".join(error.messages)))
            continue
        if len(value) > limit:
            errors.append(_error(column, _("at most %(limit)d characters.") % {"limit": limit}))
            continue
        values[column] = value

    country = cells.get("country", "")
    if not country.strip():
        errors.append(_error("country", _("required.")))
    elif code := resolve_country(country):
        values["country"] = code
    else:
        errors.append(
            _error(
                "country",
                _("“%(text)s” is not a programme country (write TH, Thailand or thailand).")
                % {"text": printable(country.strip())},
            )
        )

    org_type = cells.get("type", "")
    if not org_type.strip():
        errors.append(_error("type", _("required.")))
    elif value := resolve_choice(org_type, OrgType):
        values["org_type"] = value
    else:
        errors.append(
            _error(
                "type",
                _("“%(text)s” is not a type; the types are: %(types)s.")
                % {"text": printable(org_type.strip()), "types": ", ".join(OrgType.values)},
            )
        )

    formality = cells.get("formality", "")
    if not formality.strip():
        informal = values.get("org_type") == OrgType.INFORMAL_GROUP
        values["formality"] = Formality.INFORMAL if informal else Formality.FORMAL
    elif value := resolve_choice(formality, Formality):
        values["formality"] = value
    else:
        errors.append(
            _error(
                "formality",
                _("“%(text)s” is neither formal nor informal.")
                % {"text": printable(formality.strip())},
            )
        )

    year = cells.get("year_founded", "").strip()
    if not year:
        values["year_founded"] = None
    elif (number := _number(year)) is None:
        errors.append(_error("year_founded", _("write a year such as 2004.")))
    else:
        try:
            validate_year(number)
        except ValidationError as error:
            errors.append(_error("year_founded", " ".join(error.messages)))
        else:
            values["year_founded"] = number

    members = cells.get("members_count", "").strip()
    if not members:
        values["members_count"] = None
    elif (number := _number(members)) is None or not 0 <= number <= MAX_MEMBERS:
        errors.append(_error("members_count", _("write a whole number, 0 or more.")))
    else:
        values["members_count"] = number
    return values, errors


# --- The file's rows together -------------------------------------------------------------


def check(rows, *, countries, existing):
    """Adds to `rows` (Row) the errors that depend on the others and on the person: a
    country outside `countries` (the person's mapping countries), a name repeated in a
    country within the file, or already recorded there (`existing`: a set of
    (country, services.name_key(name)))."""
    allowed = ", ".join(str(name) for _code, name in country_choices(countries))
    first = {}
    for row in rows:
        country, name = row.values.get("country"), row.values.get("name")
        if country and country not in countries:
            row.errors.append(
                _error(
                    "country",
                    _("you may record organizations only in your countries (%(countries)s).")
                    % {"countries": allowed or "—"},
                )
            )
        if not (country and name):
            continue
        key = (country, name_key(name))
        if key in first:
            row.errors.append(
                _error("name", _("the same name and country as row %(row)d.") % {"row": first[key]})
            )
        else:
            first[key] = row.number
        if key in existing:
            row.errors.append(_error("name", _("already recorded in this country.")))


def preview(user, data):
    """The Preview of an uploaded file's bytes for `user`: every row with its values and
    errors (one query, for the names already recorded). FileRefused for a file that
    cannot be read at all. Saves nothing."""
    columns, cells = read(decode(data))
    rows = []
    for number, row_cells in cells:
        values, errors = clean_row(row_cells)
        rows.append(Row(number, row_cells, values, errors))
    pairs = [
        (row.values["country"], row.values["name"])
        for row in rows
        if "country" in row.values and "name" in row.values
    ]
    check(rows, countries=can.mapping_countries(user), existing=existing_names(user, pairs))
    return Preview(columns, rows)


def template_csv(countries):
    """A template to fill in: the header and two example rows in the first of
    `countries` (a formal cooperative and an informal savings group)."""
    code = next((c for c, _name in PROGRAMME_COUNTRY_CHOICES if c in countries), "TH")
    rows = [
        [
            "Example Rice Growers' Cooperative",
            code,
            OrgType.COOPERATIVE.value,
            "Agricultural cooperative",
            "Agriculture",
            Formality.FORMAL.value,
            2004,
            120,
        ],
        [
            "Example Village Savings Group",
            code,
            OrgType.INFORMAL_GROUP.value,
            "",
            "Savings and credit",
            Formality.INFORMAL.value,
            "",
            35,
        ],
    ]
    return as_csv(COLUMNS, rows)
