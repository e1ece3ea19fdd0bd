"""Every change to organizations and assessments, in one place: views, the CSV import,
the seed and the tests call these, never `save()` on the models directly.

Each service checks permission itself, runs in one transaction, locks the row two
people could race for (the organization, for its draft and its latest result; the
assessment, for its answers and its submission), and raises `Refused` with a message for
the person when a change cannot be made, having written nothing.
"""

from datetime import timedelta

from django.db import IntegrityError, connection, transaction
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext as _

from core import ratelimit
from core.commit import after_commit
from core.refusal import Refused

from . import emails
from . import permissions as can
from .classification import classify
from .constants import INVITATION_DAYS, Answer, MemberRole, Met, Source
from .models import Assessment, FeatureScore, Invitation, Membership, Organization, Response
from .questionnaire import questions as current_questions
from .scoring import band, score

# What a form may set on an organization. `source`, `recorded_by`, the publication
# choices and the latest result are not among them.
EDITABLE_FIELDS = (
    "name",
    "country",
    "org_type",
    "legal_form",
    "sector",
    "formality",
    "year_founded",
    "members_count",
)


def _fields(data):
    unknown = set(data) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    return data


@transaction.atomic
def register_organization(user, **data):
    """A member registers their own organization and becomes its administrator."""
    if not can._active(user):
        raise Refused(_("Log in to register an organization."), "login")
    org = Organization.objects.create(**_fields(data), source=Source.SELF, recorded_by=user)
    Membership.objects.create(organization=org, user=user, role=MemberRole.ADMIN)
    if hasattr(user, "_sse_memberships"):
        del user._sse_memberships
    return org


def name_key(name):
    """How two organizations' names are compared: case and spacing ignored."""
    return " ".join(str(name).split()).lower()


def existing_names(user, pairs, *, exclude=None):
    """Which of `pairs` ((country, name)) name an organization already on the platform
    that `user` may see (`permissions.visible`: for a researcher, every organization its
    countries' mapping studies recorded), but the organization `exclude`, as a set of
    (country, name_key). One query. Organizations `user` may not see are left out: the
    answer never tells that an unpublished organization exists."""
    pairs = {(country, name_key(name)) for country, name in pairs}
    if not pairs:
        return set()
    organizations = can.visible(user, Organization.objects)
    if exclude is not None:
        organizations = organizations.exclude(pk=exclude.pk)
    found = (
        organizations.filter(country__in={country for country, _name in pairs})
        .annotate(lower_name=Lower("name"))
        .filter(lower_name__in={key for _country, key in pairs})
        .values_list("country", "name")
    )
    return {(country, name_key(name)) for country, name in found} & pairs


# No unique constraint can say "one name per country, in any case and spacing, among the
# organizations a researcher may see": recordings take this lock (PostgreSQL's, for the
# transaction) so that two researchers confirming the same file at once cannot both pass
# the check. SQLite lets one writer at a time anyway.
RECORDING_LOCK = 0x55E_0001


def _one_recording_at_a_time():
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [RECORDING_LOCK])


def _refuse_duplicates(user, rows, exclude=None):
    """Refuses rows whose (country, name) repeats another row's or names an organization
    `user` may see (but `exclude`, the one being edited). Call it inside the transaction
    that saves the rows."""
    _one_recording_at_a_time()
    keys = [(row["country"], name_key(row["name"])) for row in rows]
    if len(set(keys)) != len(keys):
        raise Refused(_("Two organizations have the same name in the same country."), "duplicate")
    if existing_names(user, [(row["country"], row["name"]) for row in rows], exclude=exclude):
        raise Refused(
            _("An organization with this name is already recorded in this country."),
            "duplicate",
        )


@transaction.atomic
def record_mapped(user, **data):
    """A focal point or researcher records an organization found in a mapping study, in a
    country it was granted (never one the form names outside that), under a name not
    already recorded in that country."""
    if data.get("country") not in can.mapping_countries(user):
        raise Refused(_("You may record organizations only in your countries."), "country")
    _refuse_duplicates(user, [data])
    return Organization.objects.create(**_fields(data), source=Source.MAPPING, recorded_by=user)


@transaction.atomic
def record_mapped_many(user, rows):
    """The CSV import: every row (a dict of EDITABLE_FIELDS) is saved, or none is (a row
    outside the person's countries, or a name repeated in a country, refuses them all)."""
    if not rows:
        raise Refused(_("The file has no organization to record."), "empty")
    countries = can.mapping_countries(user)
    if any(row.get("country") not in countries for row in rows):
        raise Refused(_("You may record organizations only in your countries."), "country")
    _refuse_duplicates(user, rows)
    return Organization.objects.bulk_create(
        [Organization(**_fields(row), source=Source.MAPPING, recorded_by=user) for row in rows]
    )


@transaction.atomic
def edit_organization(user, org, **data):
    org = Organization.objects.select_for_update().get(pk=org.pk)
    if not can.can_edit(user, org):
        raise Refused(_("You may not edit this organization."), "forbidden")
    moved = "country" in data and data["country"] != org.country
    if (
        moved
        and org.source == Source.MAPPING
        and data["country"] not in can.mapping_countries(user)
    ):
        raise Refused(_("You may record organizations only in your countries."), "country")
    renamed = "name" in data and name_key(data["name"]) != name_key(org.name)
    if org.source == Source.MAPPING and (moved or renamed):
        _refuse_duplicates(user, [{"country": org.country, "name": org.name, **data}], exclude=org)
    for name, value in _fields(data).items():
        setattr(org, name, value)
    org.save()
    return org


@transaction.atomic
def set_sharing(user, org, *, publish_results, share_with_country):
    """What the organization publishes (its results in the tapestry) and shares (its
    answers with the country's focal point and researchers)."""
    org = Organization.objects.select_for_update().get(pk=org.pk)
    if not can.can_edit(user, org):
        raise Refused(_("You may not change what this organization shares."), "forbidden")
    org.publish_results = bool(publish_results)
    org.share_with_country = bool(share_with_country)
    org.save(update_fields=["publish_results", "share_with_country", "updated_at"])
    return org


# Invitations an organization may send a day: enough for a team, too few for spam.
INVITATIONS_PER_DAY = 30


@transaction.atomic
def invite(user, org, email):
    """Invites `email` to join `org` and e-mails the link after commit. A new invitation
    to the same address replaces the pending one (whose link then says it expired); an
    address that is already a member's is refused, and so is a 31st invitation in a day."""
    org = Organization.objects.select_for_update().get(pk=org.pk)
    if not can.can_edit(user, org):
        raise Refused(_("You may not invite people to this organization."), "forbidden")
    email = email.strip()
    if org.memberships.filter(user__email__iexact=email).exists():
        raise Refused(_("This person is already a member."), "member")
    if ratelimit.hit(f"assessment:invite:{org.pk}", INVITATIONS_PER_DAY, 24 * 3600):
        raise Refused(
            _("This organization has sent many invitations today: try again tomorrow."),
            "rate_limited",
        )
    now = timezone.now()
    pending(org).filter(email__iexact=email).update(expires_at=now)
    invitation = Invitation.objects.create(
        organization=org,
        email=email,
        invited_by=user,
        expires_at=now + timedelta(days=INVITATION_DAYS),
    )
    after_commit(emails.send_invitation, invitation.pk)
    return invitation


def pending(org):
    """The organization's invitations not yet accepted nor expired, newest first."""
    return org.invitations.filter(accepted_at__isnull=True, expires_at__gt=timezone.now())


def invitation_refusal(user, invitation):
    """Why `user` may not accept `invitation` (a Refused), or None: it was used, it
    expired, or it was sent to an address that is not one of `user`'s."""
    if invitation.accepted_at is not None:
        return Refused(_("This invitation has already been used."), "used")
    if invitation.expires_at <= timezone.now():
        return Refused(_("This invitation has expired: ask for a new one."), "expired")
    addresses = {user.email.lower()} | {
        e.lower()
        for e in user.emailaddress_set.filter(verified=True).values_list("email", flat=True)
    }
    if invitation.email.lower() not in addresses:
        return Refused(
            _("This invitation was sent to another e-mail address than yours."), "address"
        )
    return None


@transaction.atomic
def accept_invitation(user, token):
    """The invited colleague joins (once, before expiry, with the invited address)."""
    if not can._active(user):
        raise Refused(_("Log in to accept the invitation."), "login")
    try:
        invitation = Invitation.objects.select_for_update().get(token=token)
    except Invitation.DoesNotExist:
        raise Refused(_("This invitation does not exist."), "missing") from None
    refusal = invitation_refusal(user, invitation)
    if refusal is not None:
        raise refusal
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    Membership.objects.get_or_create(organization=invitation.organization, user=user)
    if hasattr(user, "_sse_memberships"):
        del user._sse_memberships
    return invitation.organization


@transaction.atomic
def start_assessment(user, org):
    """The organization's draft: the one in progress, or a new one."""
    org = Organization.objects.select_for_update().get(pk=org.pk)
    if not can.can_assess(user, org):
        raise Refused(_("You may not assess this organization."), "forbidden")
    draft = org.assessments.filter(submitted_at__isnull=True).first()
    if draft is None:
        try:
            with transaction.atomic():
                draft = Assessment.objects.create(organization=org, created_by=user)
        except IntegrityError:  # started by a colleague a moment ago
            draft = org.assessments.get(submitted_at__isnull=True)
    return draft


def _on_scale(question, value):
    """An answer is one of its question's values, as an int (not "1", 1.0 or True)."""
    scale = Answer.values if question.feature else Met.values
    return isinstance(value, int) and not isinstance(value, bool) and value in scale


@transaction.atomic
def save_answers(user, assessment, answers):
    """Saves a step's `answers` ({question translation key: value}) on a draft; each value
    must be on its question's scale (no, partly, yes; or no, yes). A question left out
    keeps its earlier answer; `None` clears it."""
    assessment = (
        Assessment.objects.select_for_update().select_related("organization").get(pk=assessment.pk)
    )
    if not can.can_assess(user, assessment.organization):
        raise Refused(_("You may not assess this organization."), "forbidden")
    if not assessment.is_draft:
        raise Refused(_("This assessment is submitted: start a new one to change it."), "submitted")
    by_key = current_questions()
    for key, value in answers.items():
        question = by_key.get(key)
        if question is None:
            raise Refused(_("This question is not in the questionnaire."), "question")
        if value is not None and not _on_scale(question, value):
            raise Refused(_("Choose one of the answers offered."), "scale")
    for key, value in answers.items():
        question = by_key[key]
        if value is None:
            assessment.responses.filter(question_key=key).delete()
            continue
        Response.objects.update_or_create(
            assessment=assessment,
            question_key=key,
            defaults={
                "value": value,
                "feature": question.feature,
                "sub_condition": question.sub_condition,
            },
        )
    assessment.save(update_fields=["updated_at"])
    return assessment


def unanswered(assessment, by_key=None, *, answers=None):
    """The current questions the draft has no answer to, in the questionnaire's order
    (one query; none when `answers`, {translation key: value}, are already read)."""
    by_key = current_questions() if by_key is None else by_key
    if answers is None:
        answers = set(assessment.responses.values_list("question_key", flat=True))
    return [q for key, q in by_key.items() if key not in answers]


@transaction.atomic
def submit(user, assessment):
    """Scores every feature, classifies the organization by the phase-1 rule, and makes
    this its latest result. Every question must be answered."""
    assessment = Assessment.objects.select_for_update().get(pk=assessment.pk)
    org = Organization.objects.select_for_update().get(pk=assessment.organization_id)
    if not can.can_assess(user, org):
        raise Refused(_("You may not assess this organization."), "forbidden")
    if not assessment.is_draft:
        raise Refused(_("This assessment is already submitted."), "submitted")
    by_key = current_questions()
    if unanswered(assessment, by_key):
        raise Refused(_("Answer every question before you submit."), "unanswered")
    responses = [r for r in assessment.responses.all() if r.question_key in by_key]
    per_feature = {}
    for response in responses:
        if response.feature:
            per_feature.setdefault(response.feature, []).append(response.value)
    FeatureScore.objects.bulk_create(
        [
            FeatureScore(assessment=assessment, feature=feature, score=s, band=band(s))
            for feature, values in sorted(per_feature.items())
            for s in [score(values)]
        ]
    )
    met = sorted({r.sub_condition for r in responses if r.sub_condition and r.value == Met.YES})
    assessment.conditions_met = met
    assessment.classification = classify(met).classification
    assessment.submitted_at = timezone.now()
    assessment.submitted_by = user
    assessment.save()
    org.latest_assessment = assessment
    org.save(update_fields=["latest_assessment", "updated_at"])
    return assessment
