"""Safeguarding as handouts: the one-page signal route for participants (signaalroute), the
privacy statement (privacyverklaring, AVG art. 13), the photo consent form
(toestemming-foto) and the code of conduct (gedragscode). Templates: templates/<id>.md.j2.

The country's words say who to call (``geweldlijn``), until which age parents consent
(``toestemming_leeftijd``) and what a volunteer who works with children shows
(``gedragsbewijs``); the answers say the legal basis and the retention period.
"""

from __future__ import annotations

from typing import Any

from gzctl.documents.base import (
    Context,
    Output,
    Prepared,
    answer,
    common_data,
    document_date,
    later_short_date,
)

ROUTE_TITLE = "Zorgen om iemand? Zo doen we dat"
PRIVACY_TITLE = "Privacyverklaring"
PHOTO_TITLE = "Toestemming voor foto's en filmpjes"
CODE_TITLE = "Gedragscode voor vrijwilligers en deelnemers"
TRUSTED = "doen.vertrouwenspersoon"


def _contact_person(ctx: Context, base: dict[str, Any]) -> dict[str, Any]:
    """Who participants can ask: the network's contact person (a work contact). The
    Coördinator is named by role only: candidates' names stay out of documents."""
    return dict(base["contact"])


def _one(doc_id: str, stem: str, title: str, data: dict[str, Any]) -> Prepared:
    return Prepared(doc_id, title, (Output(stem, doc_id, {**data, "titel": title}, title),))


def prepare_route(ctx: Context) -> Prepared:
    """The signal route on one page: talk with the person, their consent first, who to call,
    never in an app or on a list; 112 in danger; the country's line for violence."""
    base = common_data(ctx)
    return _one("signaalroute", "signaalroute", ROUTE_TITLE,
                {**base, "aanspreekpunt": _contact_person(ctx, base)})  # fmt: skip


def prepare_privacy(ctx: Context) -> Prepared:
    """The privacy statement (AVG art. 13): who, what, why, on which basis, how long, rights."""
    base = common_data(ctx)
    project = ctx.project
    penvoerder = str(answer(project, "organiseren.penvoerder") or "")
    data = {
        **base,
        "penvoerder": penvoerder,
        "grondslag": str(answer(project, "borgen.grondslag") or "Gerechtvaardigd belang"),
        "bewaartermijn": str(answer(project, "borgen.bewaartermijn") or "zes maanden"),
        "website": project.settings.site.url,
        "datum": later_short_date(document_date(project)),
        "aanspreekpunt": _contact_person(ctx, base),
    }
    return _one("privacyverklaring", "privacyverklaring", PRIVACY_TITLE, data)


def prepare_photo_consent(ctx: Context) -> Prepared:
    """A consent form for photos and films: where they are used, tick boxes per use, parents
    sign for children under the country's age; consent can be withdrawn at any time."""
    base = common_data(ctx)
    return _one("toestemming-foto", "toestemming-foto", PHOTO_TITLE,
                {**base, "aanspreekpunt": _contact_person(ctx, base)})  # fmt: skip


def prepare_code(ctx: Context) -> Prepared:
    """The code of conduct: respect, the consent rule for worries, children never alone with
    one adult, the country's proof of conduct, and the vertrouwenspersoon."""
    base = common_data(ctx)
    trusted = str(answer(ctx.project, TRUSTED) or "")
    return _one("gedragscode", "gedragscode", CODE_TITLE,
                {**base, "vertrouwenspersoon": trusted,
                 "aanspreekpunt": _contact_person(ctx, base)})  # fmt: skip


PREPARERS = {
    "signaalroute": prepare_route,
    "privacyverklaring": prepare_privacy,
    "toestemming-foto": prepare_photo_consent,
    "gedragscode": prepare_code,
}
