"""Many assessed organizations at once, for the tapestry's query counts (bulk-created:
5,000 in a few seconds, where the services take a second for ten).

Organization n is in country n % 12 (PROGRAMME_COUNTRIES order), of type n % 8,
classified SSEOE, PHO or outside in turn, published when n % 4 != 1, with one submitted
assessment (its latest result) and a score on each of the seven features: feature 5
(democratic governance) weak or missing in two organizations out of three.
"""

from datetime import UTC, datetime

from django.db.models import OuterRef, Subquery

from accounts.constants import PROGRAMME_COUNTRIES
from cop.assessment.classification import Classification
from cop.assessment.constants import OrgType
from cop.assessment.models import Assessment, FeatureScore, Organization
from cop.assessment.scoring import band

COUNTRIES = [c.value for c in PROGRAMME_COUNTRIES]
TYPES = list(OrgType.values)
CLASSES = list(Classification.values)
SUBMITTED = datetime(2026, 11, 2, 3, 0, tzinfo=UTC)


def feature_score(n, feature):
    if feature == 5:
        return (0, 25, 80)[n % 3]
    return (100, 50, 75, 25)[(n + feature) % 4]


def bulk_assessed(count, *, prefix="Bulk organization", scores=True):
    """`count` assessed organizations as the module says; returns them."""
    orgs = Organization.objects.bulk_create(
        Organization(
            name=f"{prefix} {n:05d}",
            country=COUNTRIES[n % len(COUNTRIES)],
            org_type=TYPES[n % len(TYPES)],
            publish_results=n % 4 != 1,
            year_founded=1990 + n % 30,
            members_count=10 + n,
        )
        for n in range(count)
    )
    assessments = Assessment.objects.bulk_create(
        Assessment(
            organization=org,
            submitted_at=SUBMITTED,
            classification=CLASSES[n % len(CLASSES)],
            conditions_met=[],
        )
        for n, org in enumerate(orgs)
    )
    # One UPDATE (bulk_update would send a CASE of 5,000 branches).
    Organization.objects.filter(pk__in=[org.pk for org in orgs]).update(
        latest_assessment=Subquery(
            Assessment.objects.filter(organization=OuterRef("pk")).values("pk")[:1]
        )
    )
    for org, assessment in zip(orgs, assessments, strict=True):
        org.latest_assessment = assessment
    if scores:
        FeatureScore.objects.bulk_create(
            FeatureScore(
                assessment=assessment,
                feature=feature,
                score=feature_score(n, feature),
                band=band(feature_score(n, feature)),
            )
            for n, assessment in enumerate(assessments)
            for feature in range(1, 8)
        )
    return orgs
