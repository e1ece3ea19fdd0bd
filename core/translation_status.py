"""Which translations are out of date: their source changed after they were last synced.

wagtail-localize keeps, for each translated object, the source content it was translated
from (TranslationSource, with `last_updated_at`: when it was last taken from the source
object) and one Translation per target language. Editing and publishing the English page
changes neither: the translation goes on showing what the English said then, until an
editor syncs it ("Sync translated pages" on the source, which wagtail-localize offers on
every source, changed or not). This module finds the ones to sync, for the admin's report
(core.translation_report).

A page is out of date when it was published after its source was taken (the page's
`last_published_at` against the source's `last_updated_at`; a draft does not count). A
snippet has no publishing date (Feature and the self-assessment's questions keep no
revisions), so its live fields are compared with the source content, as wagtail-localize
does itself before it updates a source.
"""

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import F, OuterRef, Q, Subquery
from django.urls import reverse
from modelcluster.models import ClusterableModel, get_serializable_data_for_fields
from wagtail.models import Locale, Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail_localize.models import Translation, get_edit_url


@dataclass(frozen=True)
class OutOfDate:
    """One translation to sync. `changed_at`: when the source was last published (None
    for a snippet, which keeps no date); `synced_at`: when the translation last took the
    source's content."""

    title: str
    kind: str
    locale: Locale
    changed_at: datetime | None
    synced_at: datetime
    edit_url: str
    source_url: str
    sync_url: str | None


def out_of_date_translations(user):
    """[OutOfDate] for the enabled translations whose source changed after they were last
    synced, of the objects `user` may change (pages: Wagtail's page permissions; snippets:
    the model's change permission): pages the most recently published first, then
    snippets. A constant number of queries, whatever the number of translations: one,
    two more when some are pages, one more per snippet model (and the user's permissions,
    which Django caches on the user)."""
    page_type = ContentType.objects.get_for_model(Page)
    translations = list(
        Translation.objects.filter(enabled=True)
        .annotate(
            published_at=Subquery(
                Page.objects.filter(
                    translation_key=OuterRef("source__object_id"),
                    locale_id=OuterRef("source__locale_id"),
                ).values("last_published_at")[:1]
            )
        )
        .filter(
            ~Q(source__object__content_type=page_type)
            | Q(published_at__gt=F("source__last_updated_at"))
        )
        .select_related(
            "source", "source__object", "source__specific_content_type", "target_locale"
        )
        .order_by("source_id", "target_locale__language_code")
    )
    pages = [t for t in translations if t.source.object.content_type_id == page_type.id]
    others = [t for t in translations if t.source.object.content_type_id != page_type.id]
    changed_pages = sorted(_page_rows(user, pages), key=lambda row: row.changed_at, reverse=True)
    return changed_pages + _snippet_rows(user, others)


def _sync_url(user, translation):
    if not user.has_perm("wagtail_localize.submit_translation"):
        return None
    return reverse("wagtail_localize:update_translations", args=[translation.source_id])


def _page_rows(user, translations):
    if not translations:
        return []
    keys = {t.source.object_id for t in translations}
    found = {
        (page.translation_key, page.locale_id): page
        for page in Page.objects.filter(translation_key__in=keys)
        .select_related("content_type")
        .only("id", "title", "translation_key", "locale_id", "last_published_at", "content_type")
    }
    editable = set(
        PagePermissionPolicy()
        .instances_user_has_permission_for(user, "change")
        .filter(pk__in=[page.pk for page in found.values()])
        .values_list("pk", flat=True)
    )
    rows = []
    for translation in translations:
        key = translation.source.object_id
        source = found.get((key, translation.source.locale_id))
        target = found.get((key, translation.target_locale_id))
        if source is None or target is None or target.pk not in editable:
            continue  # deleted since (wagtail-localize disables the translation)
        rows.append(
            OutOfDate(
                title=target.title,
                kind=target.content_type.name,
                locale=translation.target_locale,
                changed_at=source.last_published_at,
                synced_at=translation.source.last_updated_at,
                edit_url=get_edit_url(target),
                source_url=get_edit_url(source),
                sync_url=_sync_url(user, translation),
            )
        )
    return rows


def _content(instance):
    """What wagtail-localize stores as a source's content_json, as data."""
    if isinstance(instance, ClusterableModel):
        return json.loads(instance.to_json())
    return json.loads(json.dumps(get_serializable_data_for_fields(instance), cls=DjangoJSONEncoder))


def _snippet_rows(user, translations):
    by_model: dict[Any, list] = {}
    for translation in translations:
        model = translation.source.specific_content_type.model_class()
        if model is not None:
            by_model.setdefault(model, []).append(translation)
    rows = []
    for model, group in by_model.items():
        opts = model._meta
        if not user.has_perm(f"{opts.app_label}.change_{opts.model_name}"):
            continue
        found = {
            (instance.translation_key, instance.locale_id): instance
            for instance in model._default_manager.filter(
                translation_key__in={t.source.object_id for t in group}
            )
        }
        for translation in group:
            key = translation.source.object_id
            source = found.get((key, translation.source.locale_id))
            target = found.get((key, translation.target_locale_id))
            if source is None or target is None:
                continue
            if _content(source) == json.loads(translation.source.content_json):
                continue  # unchanged since it was last synced
            rows.append(
                OutOfDate(
                    title=str(target),
                    kind=opts.verbose_name,
                    locale=translation.target_locale,
                    changed_at=None,
                    synced_at=translation.source.last_updated_at,
                    edit_url=get_edit_url(target),
                    source_url=get_edit_url(source),
                    sync_url=_sync_url(user, translation),
                )
            )
    return rows
