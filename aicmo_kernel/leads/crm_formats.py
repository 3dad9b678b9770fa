"""The CRMs', shops' and ticketing tools' own exports, recognised by their header: HubSpot,
Salesforce and Pipedrive (leads at companies), Mailchimp audiences, Shopify customers and
Eventbrite's attendee and orders reports (people).

Each format maps its columns to ours (name, company, title, email, status, industry, company_size,
country, source, last_activity, email_opens, email_clicks, site_visits, and for people orders,
total_spent, member_rating, accepts_marketing). A name may come from two columns (HubSpot's First
Name + Last Name); a status from the first filled of several (HubSpot's Lead Status, else its
Lifecycle Stage). A format of ``people`` (``CrmFormat.people``) exports people buying for
themselves: Mailchimp and Shopify write no company column and no status column; Eventbrite writes
the attendee's Company and Job Title when the organiser's order form asks for them, and a row
with a company is then a lead at that company, as in any file of people (``csv_load``). A format
may bring its own rows of the status table (``CrmFormat.statuses``). Any other file comes in
through a ``LeadMapping``. Header names are compared lower-cased with spaces collapsed.

Mailchimp's ``CC`` and Shopify's ``Default Address Country Code`` are two-letter ISO codes ("GB"),
which the scoring's geography compares as countries (``countries``). Columns a format leaves
unmapped on purpose: Mailchimp's ``LAST_CHANGED`` is when the contact's record last changed, not
something the person did, so it is no last activity; Mailchimp's ``OPTIN_TIME`` is also filled for
contacts imported from a file, so only ``CONFIRM_TIME`` says a person opted in, and ``UNSUB_TIME``
or ``CLEAN_TIME`` (``CrmFormat.declined``) that they no longer accept email marketing.

Eventbrite's UK attendee reports write ``Order no.`` and ``Surname`` where the US ones write
``Order #`` and ``Last Name``; its newer orders report (2025 exports) has sentence-case headers
(``Order ID``, ``Buyer email``, ``Gross sales``). It has no consent column of its own:
an organiser who asks for consent does so with an order-form question, whose header is the
question as they wrote it. ``consent_question`` finds such a question (``CrmFormat.consent``:
"Do you agree to receive news from the event organizer?", "Recevoir la newsletter"), never one
about partners or sponsors. An attendee's ``Quantity`` is tickets in one order, not orders, and
the ticket type has no component of the people's score: both are left unmapped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["CRM_FORMATS", "FIELDS", "CrmFormat", "LeadMapping", "consent_question", "detect_crm", "header_key"]

FIELDS = ("name", "first_name", "last_name", "company", "title", "email", "status", "industry",
          "company_size", "country", "source", "last_activity", "email_opens", "email_clicks",
          "site_visits", "replied", "orders", "total_spent", "member_rating", "accepts_marketing")  # fmt: skip


def header_key(name: str) -> str:
    return " ".join(name.replace("\ufeff", "").lower().split())


@dataclass(frozen=True)
class CrmFormat:
    """``columns`` maps each of our fields to the CRM's header names, in order of preference; for
    ``status`` every listed column is tried per row, the first filled one winning."""

    key: str
    name: str
    signatures: tuple[frozenset[str], ...]
    columns: dict[str, tuple[str, ...]]
    footers: tuple[str, ...] = ()
    # Status values that say "look at the next status column" (Pipedrive's deal status "Open": the
    # stage says how far it got); "Won" and "Lost" stand.
    defer: frozenset[str] = frozenset()
    people: bool = False  # an export of people buying for themselves (an audience, a shop's customers)
    # Columns whose filled cell says the person may not be sent email marketing, whatever the
    # consent column says (Mailchimp's unsubscribed and cleaned exports: when they left, or when
    # Mailchimp stopped sending to the address).
    declined: tuple[str, ...] = ()
    # The format's own statuses, added to the default status table (the user's rows still win).
    statuses: dict[str, str | None] = field(default_factory=dict)
    # Consent may be an order-form question the organiser wrote (``consent_question``).
    consent: bool = False

    def matches(self, names: set[str]) -> bool:
        return any(signature <= names for signature in self.signatures)


# Eventbrite's attendee statuses and order statuses (its glossary of statuses in event reports). A
# refunded or cancelled attendee is not coming: lost, so outreach does not invite them as if they
# were (leadgen leaves out lost leads unless asked); a deleted or transferred ticket is no one to
# work on (a transferred ticket's new holder has their own row); an abandoned order never completed.
_EVENTBRITE_STATUSES: dict[str, str | None] = {
    "attending": "new", "checked in": "engaged", "not attending": "lost", "refunded": "lost",
    "cancelled": "lost", "canceled": "lost", "deleted": None, "transferred": None,
    "completed": "new", "free order": "new", "manual": "new", "offline": "new", "pending": "new",
    "unpaid": "new", "partially refunded": "new", "partially transferred": "new",
    "refunded/canceled": "lost", "refunded/cancelled": "lost", "abandoned": None,
}  # fmt: skip

CRM_FORMATS: tuple[CrmFormat, ...] = (
    CrmFormat(
        "hubspot", "HubSpot contacts",
        (frozenset({"first name", "last name", "lifecycle stage"}),
         frozenset({"record id", "first name", "last name", "email"})),
        {"first_name": ("first name",), "last_name": ("last name",),
         "company": ("company name", "associated company", "company"), "title": ("job title",),
         "email": ("email",), "status": ("lead status", "lifecycle stage"),
         "industry": ("industry",), "company_size": ("number of employees", "company size"),
         "country": ("country/region", "country"), "source": ("original source", "latest source"),
         "last_activity": ("last activity date", "last engagement date"),
         "email_opens": ("marketing emails opened",), "email_clicks": ("marketing emails clicked",),
         "site_visits": ("number of sessions", "number of pageviews")},
    ),
    CrmFormat(
        "salesforce", "Salesforce leads",
        (frozenset({"company / account", "lead status"}), frozenset({"company / account", "lead source"})),
        {"first_name": ("first name",), "last_name": ("last name",), "name": ("name", "full name"),
         "company": ("company / account", "company"), "title": ("title",), "email": ("email",),
         "status": ("lead status",), "industry": ("industry",),
         "company_size": ("no. of employees", "employees"), "country": ("country", "billing country"),
         "source": ("lead source",), "last_activity": ("last activity", "last modified date")},
        footers=("grand totals", "confidential information", "copyright", "generated by",
                 "salesforce.com"),
    ),
    CrmFormat(
        "pipedrive", "Pipedrive",
        (frozenset({"person - name"}),),
        {"name": ("person - name",),
         "company": ("organization - name", "person - organization", "deal - organization"),
         "title": ("person - job title", "person - title"),
         "email": ("person - email - work", "person - email", "person - email - other"),
         "status": ("deal - status", "deal - stage", "lead - label", "person - label"),
         "industry": ("organization - industry",),
         "company_size": ("organization - number of employees", "organization - employees"),
         "country": ("organization - address - country", "person - country"),
         "source": ("lead - source", "deal - source", "deal - source origin"),
         "last_activity": ("person - last activity date", "deal - last activity date")},
        defer=frozenset({"open"}),
    ),
    # Mailchimp's audience export (subscribed, unsubscribed, cleaned: one file each, no status
    # column). Its system columns keep their English names when the others are translated. An
    # unsubscribed or cleaned contact keeps the CONFIRM_TIME of when they once opted in: their
    # UNSUB_TIME or CLEAN_TIME says they are no longer to be emailed.
    CrmFormat(
        "mailchimp", "Mailchimp audience",
        (frozenset({"member_rating", "optin_time"}), frozenset({"leid", "euid"})),
        {"first_name": ("first name",), "last_name": ("last name",), "email": ("email address",),
         "member_rating": ("member_rating",), "accepts_marketing": ("confirm_time",), "country": ("cc",)},
        people=True, declined=("unsub_time", "clean_time"),
    ),
    # Shopify's customers export, as written since 2022 (Accepts Email Marketing, Default Address
    # ...) and before (Accepts Marketing, Country).
    CrmFormat(
        "shopify", "Shopify customers",
        (frozenset({"customer id", "accepts email marketing"}), frozenset({"accepts email marketing", "total spent"}),
         frozenset({"accepts marketing", "total spent", "total orders"})),
        {"first_name": ("first name",), "last_name": ("last name",), "email": ("email",),
         "accepts_marketing": ("accepts email marketing", "accepts marketing"), "orders": ("total orders",),
         "total_spent": ("total spent",),
         "country": ("country", "default address country code", "country code")},
        people=True,
    ),
    # Eventbrite's attendee report (Attendee Summary): one row per ticket, the attendee's own name
    # and email, the order's date and what was paid. US headers first, then the UK's.
    CrmFormat(
        "eventbrite", "Eventbrite attendees",
        (frozenset({"attendee status", "ticket type"}), frozenset({"attendee status", "eventbrite fees"})),
        {"first_name": ("first name",), "last_name": ("last name", "surname"), "email": ("email",),
         "company": ("company",), "title": ("job title",), "status": ("attendee status",),
         "total_spent": ("total paid",), "last_activity": ("order date",),
         "country": ("home country", "billing country", "shipping country")},
        people=True, consent=True, statuses=_EVENTBRITE_STATUSES,
    ),
    # Eventbrite's newer orders report (2025 exports): one row per order, the buyer's details.
    CrmFormat(
        "eventbrite_orders", "Eventbrite orders",
        (frozenset({"order id", "buyer email", "gross sales"}), frozenset({"buyer email", "eventbrite service fee"})),
        {"first_name": ("buyer first name",), "last_name": ("buyer last name",), "email": ("buyer email",),
         "status": ("payment status",), "total_spent": ("gross sales",), "last_activity": ("order date",),
         "country": ("purchaser country", "billing country")},
        people=True, consent=True, statuses=_EVENTBRITE_STATUSES,
    ),
)

# Words of an order-form question asking for consent to the organiser's email (en, fr, es, de).
_CONSENT_ABOUT = re.compile(
    r"\b(e-?mails?|news|newsletters?|updates?|updated|marketing|actualités|nouvelles|informations|courriels?"
    r"|noticias|novedades|correos?|neuigkeiten|informationen|nachrichten)\b")
_CONSENT_FROM = re.compile(r"\b(organi[sz]ers?|organisat(eur|rice)s?|organizador(a|es)?|veranstalter(in|s)?)\b|newsletter")
_CONSENT_NOT = re.compile(r"partner|partenaire|socio|patrocinador|sponsor|recruit|recrut|reclut")


def consent_question(header: str) -> bool:
    """Whether an order-form question asks for consent to the organiser's email: it names the
    organiser (or a newsletter) and their emails or news, and no partner or sponsor."""
    key = header_key(header)
    return bool(_CONSENT_ABOUT.search(key) and _CONSENT_FROM.search(key) and not _CONSENT_NOT.search(key))


class LeadMapping(BaseModel):
    """Which column of an arbitrary leads file gives each of our fields, and the brand's changes
    to the status table (``{"Demo booked": "engaged", "Customer": null}``)."""

    model_config = ConfigDict(extra="forbid")

    columns: dict[str, str] = Field(default_factory=dict, description="our field -> the file's column")
    statuses: dict[str, str | None] = Field(default_factory=dict, description="CRM status -> ours")

    def as_format(self) -> CrmFormat:
        unknown = sorted(set(self.columns) - set(FIELDS))
        if unknown:
            raise ValueError(
                f"the lead mapping names {', '.join(unknown)}, which "
                f"{'are not fields' if len(unknown) > 1 else 'is not a field'}; fields are {', '.join(FIELDS)}"
            )
        return CrmFormat("mapped", "lead mapping", (), {k: (header_key(v),) for k, v in self.columns.items()})


def detect_crm(header: Sequence[str]) -> CrmFormat | None:
    names = {header_key(name) for name in header}
    return next((f for f in CRM_FORMATS if f.matches(names)), None)
