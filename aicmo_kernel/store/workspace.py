"""The workspace: one database holding brands, campaigns, runs, deliverables and their history.

Analysts' kernels, Voila reviewers and the CLI all open the same workspace at once, so every method
here reads or writes the database in its own short transaction and returns frozen views; nothing
that matters is cached in memory. State transitions of deliverables are not made here: they live in
``aicmo_kernel.workflow``, which uses ``transaction()`` and the row helpers in ``store.records``.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from datetime import date
from functools import lru_cache
from types import TracebackType
from typing import Any

from sqlalchemy import Engine, Text, bindparam, cast, select
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError, ProgrammingError
from sqlalchemy.orm import Session, sessionmaker

from ..config import Settings
from ..errors import AicmoError, ConflictError, NotFoundError, PermissionDeniedError, StoreError, ValidationError
from ..schemas import DeliverablesEnvelope
from . import inputs as inp
from .database import URL_VARIABLE, WRITE_OPTION, display_url, make_engine, parse_database_url, rehearsal_engine
from .direct import Direct
from .migrate import upgrade
from .models import (
    AuditRow,
    BrandRow,
    CallRow,
    CampaignRow,
    DeliverableRow,
    ReviewEventRow,
    RunRow,
    VersionRow,
    utcnow,
)
from .records import (
    add_audit,
    add_call,
    campaign_for_change,
    find_brand,
    find_campaign,
    find_deliverable,
    find_version,
    insert_run,
    new_id,
    run_values,
)
from .views import (
    AuditEntry,
    Brand,
    CallEntry,
    Campaign,
    DeliverableView,
    ReviewEventView,
    Run,
    VersionView,
    audit_entry,
    brand_view,
    call_entry,
    campaign_view,
    deliverable_view,
    deliverable_views_query,
    review_event_view,
    run_view,
    version_view,
)

__all__ = ["Workspace"]

# The turn every SQLite workspace of this process shares (``Workspace.turn``): one GIL, one turn.
_SQLITE_TURN = threading.RLock()

class Workspace:
    """A handle on the workspace database. Open with ``Workspace.open()``; close when done."""

    def __init__(self, engine: Engine, url: URL):
        self._engine = engine
        self._url = url
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._write_sessions = sessionmaker(engine.execution_options(**{WRITE_OPTION: True}), expire_on_commit=False)

    # ----------------------------------------------------------------- lifecycle

    @classmethod
    def open(cls, url: str | None = None, *, settings: Settings | None = None) -> "Workspace":
        """Open (and migrate to the newest schema) the workspace at ``url``.

        Without a URL: ``AICMO_DATABASE_URL``, else the SQLite file ``$AICMO_HOME/workspace.sqlite``
        (the folder is created).
        """
        if url is None:
            settings = settings or Settings.from_env()
            if settings.database_url is None:
                settings.home.mkdir(parents=True, exist_ok=True)
            url = settings.resolved_database_url
        parsed = parse_database_url(url)
        engine = make_engine(parsed)
        try:
            upgrade(engine)
        except (OperationalError, DBAPIError) as exc:
            engine.dispose()
            raise _unreachable(parsed, exc) from None
        except BaseException:
            engine.dispose()
            raise
        return cls(engine, parsed)

    @classmethod
    @contextmanager
    def rehearsal(cls, url: str) -> Iterator[Workspace]:
        """An empty in-memory workspace, for a rehearsal that leaves nothing behind. For a SQLite
        file ``url`` it runs on ``rehearsal_engine``, the engine the next ``Workspace.open`` of
        that file in this process gets (with the statements compiled); for any other URL, on an
        engine of its own."""
        parsed = parse_database_url(url)
        if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
            with cls.open("sqlite://") as workspace:
                yield workspace
            return
        with rehearsal_engine(parsed) as engine:
            upgrade(engine)
            yield cls(engine, parsed)

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> "Workspace":
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Workspace({self.url_for_display!r})"

    @property
    def url_for_display(self) -> str:
        return display_url(self._url)

    @property
    def dialect(self) -> str:
        return self._engine.dialect.name

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine, for tools and tests that inspect the database directly."""
        return self._engine

    @property
    def turn(self) -> AbstractContextManager[Any]:
        """Hold while doing the CPU work of a generation (reading its context, building its prompt,
        reading the answer, storing it), so that concurrent generations of this process do that work
        one at a time on SQLite. The GIL runs one thread at a time anyway, so taking turns costs no
        CPU; what it changes is that a thread holding SQLite's one write lock is never made to wait
        for the GIL while another generation's work runs. In a batch of 32 calls in flight, a write
        transaction whose own work is about 4 ms was held about 11 ms that way, and every other writer
        (another thread, another process) waited for it. Re-entrant. On PostgreSQL, which locks rows,
        there are no turns: each statement is a round trip during which another generation can work."""
        return _SQLITE_TURN if self.dialect == "sqlite" else nullcontext()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A write transaction: committed when the block ends, rolled back on any error.

        Database failures become StoreError; a unique-constraint race becomes ConflictError.
        """
        try:
            with self._write_sessions() as session, session.begin():
                yield session
        except AicmoError:
            raise
        except IntegrityError:
            raise ConflictError(
                "Another session saved a conflicting change at the same moment; reload and try again"
            ) from None
        except OperationalError as exc:
            raise _unreachable(self._url, exc) from None
        except ProgrammingError as exc:
            if getattr(exc.orig, "sqlstate", None) != "42501":
                raise
            # The database's own guard (store.analyst_guard) or a missing grant refused the change.
            reason = str(getattr(exc.orig, "diag", None) and exc.orig.diag.message_primary or exc.orig).strip()
            raise PermissionDeniedError(f"the database refused this change for your database role: {reason}",
                                        field="database") from None

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A read-only session (rolled back at the end)."""
        try:
            with self._sessions() as session:
                yield session
        except AicmoError:
            raise
        except OperationalError as exc:
            raise _unreachable(self._url, exc) from None

    # ----------------------------------------------------------------- brands

    def create_brand(
        self,
        name: str,
        *,
        website: str | None = None,
        industry: str | None = None,
        geography: str | None = None,
        voice: str | None = None,
        banned_words: Iterable[str] = (),
        disclaimers: Iterable[str] = (),
        branding: dict[str, Any] | None = None,
    ) -> Brand:
        data = inp.validate_input(inp.BrandInput, {
            "name": name, "website": website, "industry": industry, "geography": geography,
            "voice": voice, "banned_words": list(banned_words), "disclaimers": list(disclaimers),
            "branding": branding or {},
        })
        with self.transaction() as session:
            if session.scalar(select(BrandRow.id).where(BrandRow.name == data.name)):
                raise ValidationError(f"A brand named {data.name!r} already exists", field="name")
            now = utcnow()
            row = BrandRow(id=new_id(), created_at=now, updated_at=now, **data.model_dump())
            session.add(row)
            _audit_created(session, "brand", row.id, {"name": row.name})
            session.flush()
            return brand_view(row)

    def get_brand(self, name_or_id: str) -> Brand:
        with self.reading() as session:
            return brand_view(find_brand(session, name_or_id))

    def list_brands(self) -> list[Brand]:
        with self.reading() as session:
            return [brand_view(row) for row in session.scalars(select(BrandRow).order_by(BrandRow.name))]

    # ----------------------------------------------------------------- campaigns

    def create_campaign(
        self,
        brand: str | Brand,
        name: str,
        *,
        objective: str | None = None,
        budget: float | None = None,
        start_date: date | None = None,
        end_date: date | None = None,
        channels: Iterable[str] = (),
        brief: dict[str, Any] | None = None,
    ) -> Campaign:
        data = inp.validate_input(inp.CampaignInput, {
            "name": name, "objective": objective, "budget": budget, "start_date": start_date,
            "end_date": end_date, "channels": list(channels), "brief": brief or {},
        })
        with self.transaction() as session:
            brand_row = find_brand(session, brand.id if isinstance(brand, Brand) else brand)
            if session.scalar(select(CampaignRow.id).where(CampaignRow.name == data.name)):
                raise ValidationError(f"A campaign named {data.name!r} already exists", field="name")
            now = utcnow()
            row = CampaignRow(id=new_id(), brand_id=brand_row.id, created_at=now, updated_at=now, **data.model_dump())
            session.add(row)
            _audit_created(session, "campaign", row.id, {"name": row.name, "brand": brand_row.name})
            session.flush()
            return campaign_view(row, brand_row.name)

    def get_campaign(self, name_or_id: str) -> Campaign:
        with self.reading() as session:
            row = find_campaign(session, name_or_id)
            return campaign_view(row, _brand_name(session, row.brand_id))

    def list_campaigns(self, brand: str | None = None, *, brief_key: str | None = None) -> list[Campaign]:
        """Every campaign (of ``brand``), oldest first. ``brief_key``: only those whose brief's
        text holds that key (a cheap filter for callers that then look for the key themselves,
        so a brand's hundredth campaign does not read the other ninety-nine briefs)."""
        with self.reading() as session:
            query = (select(CampaignRow, BrandRow.name).join(BrandRow, BrandRow.id == CampaignRow.brand_id)
                     .order_by(CampaignRow.created_at, CampaignRow.name))
            if brand is not None:
                query = query.where(CampaignRow.brand_id == find_brand(session, brand).id)
            if brief_key is not None:
                query = query.where(cast(CampaignRow.brief, Text).contains(json.dumps(brief_key), autoescape=True))
            return [campaign_view(row, brand_name) for row, brand_name in session.execute(query)]

    def update_campaign(self, name_or_id: str, **fields: Any) -> Campaign:
        """Change the given fields (objective, budget, dates, channels, brief, status, name)."""
        data = inp.validate_input(inp.CampaignUpdate, fields)
        changes = data.model_dump(exclude_unset=True)
        with self.transaction() as session:
            row = campaign_for_change(session, name_or_id)
            new_name = changes.get("name")
            if new_name and new_name != row.name and session.scalar(
                select(CampaignRow.id).where(CampaignRow.name == new_name)
            ):
                raise ValidationError(f"A campaign named {new_name!r} already exists", field="name")
            start = changes.get("start_date", row.start_date)
            end = changes.get("end_date", row.end_date)
            if start and end and end < start:
                raise ValidationError("end_date: must not be before start_date", field="end_date")
            before = {key: _jsonable(getattr(row, key)) for key in changes}
            for key, value in changes.items():
                setattr(row, key, value)
            row.updated_at = utcnow()
            _audit_updated(session, row.id, before, {key: _jsonable(value) for key, value in changes.items()})
            session.flush()
            return campaign_view(row, _brand_name(session, row.brand_id))

    # ----------------------------------------------------------------- runs and calls

    def create_run(
        self,
        *,
        campaign: str,
        envelope: DeliverablesEnvelope,
        inputs: dict[str, Any],
        attempts: list[dict[str, Any]],
        prompt_hash: str,
        latency_ms: float,
        actor: str,
    ) -> Run:
        """Record a run on its own, without deliverables (the workflow's ``record_generation``
        is the usual path: it records the run and its deliverables in one transaction)."""
        values = run_values(envelope=envelope.model_dump(mode="json"), inputs=inputs, attempts=attempts,
                            prompt_hash=prompt_hash, latency_ms=latency_ms)
        with self.transaction() as session:
            campaign_row = find_campaign(session, campaign)
            return run_view(insert_run(session, campaign_row, values, actor=actor), campaign_row.name)

    def get_run(self, run_id: str) -> Run:
        with self.reading() as session:
            row = session.get(RunRow, run_id)
            if row is None:
                raise NotFoundError(f"Unknown run {run_id!r}", field="run_id")
            return run_view(row, _campaign_name(session, row.campaign_id))

    def list_runs(self, campaign: str, module: str | None = None) -> list[Run]:
        """Runs of a campaign (optionally one module), oldest first."""
        with self.reading() as session:
            campaign_row = find_campaign(session, campaign)
            query = select(RunRow).where(RunRow.campaign_id == campaign_row.id)
            if module is not None:
                query = query.where(RunRow.module == module)
            rows = session.scalars(query.order_by(RunRow.created_at, RunRow.id))
            return [run_view(row, campaign_row.name) for row in rows]

    def log_call(
        self,
        *,
        prompt_hash: str,
        provider: str,
        model: str,
        status: str,
        run_id: str | None = None,
        tokens_in: int = 0,
        tokens_out: int = 0,
        cost_usd: float | None = 0.0,
        latency_ms: float = 0.0,
        error_type: str | None = None,
        trace_id: str | None = None,
    ) -> CallEntry:
        """Log one language-model call: numbers and a prompt hash, never prompt text or a key.

        ``generate()`` logs its calls inside ``workflow.record_generation`` instead, in the
        transaction that stores the run."""
        with self.transaction() as session:
            row = add_call(
                session, prompt_hash=prompt_hash, provider=provider, model=model, status=status, run_id=run_id,
                tokens_in=tokens_in, tokens_out=tokens_out, cost_usd=cost_usd, latency_ms=latency_ms,
                error_type=error_type, trace_id=trace_id,
            )
            session.flush()
            return call_entry(row)

    def list_calls(self, run_id: str | None = None) -> list[CallEntry]:
        with self.reading() as session:
            query = select(CallRow).order_by(CallRow.id)
            if run_id is not None:
                query = query.where(CallRow.run_id == run_id)
            return [call_entry(row) for row in session.scalars(query)]

    # ----------------------------------------------------------------- deliverables (read)

    def get_deliverable(self, deliverable_id: str) -> DeliverableView:
        with self.reading() as session:
            return deliverable_view(session, find_deliverable(session, deliverable_id))

    def list_deliverables(
        self,
        campaign: str | None = None,
        module: str | None = None,
        state: str | None = None,
        include_superseded: bool = False,
    ) -> list[DeliverableView]:
        """Deliverables in module order, then creation order. Superseded ones only when asked
        (or when ``state="superseded"``)."""
        from ..registry import module_info

        parameters: dict[str, Any] = {}
        with self.reading() as session:
            if campaign is not None:
                parameters["campaign_id"] = find_campaign(session, campaign).id
            if module is not None:
                parameters["module"] = module_info(module).name
            if state is not None:
                parameters["state"] = state
            statement = _deliverables_statement(campaign is not None, module is not None, state is not None,
                                                state is None and not include_superseded)
            rows = statement.rows(session, parameters)
            rows.sort(key=lambda found: module_info(found.module).order)
            return [deliverable_view(session, row, content=row.content_markdown or "", campaign_name=row.name or "")
                    for row in rows]

    def get_versions(self, deliverable_id: str) -> list[VersionView]:
        with self.reading() as session:
            find_deliverable(session, deliverable_id)
            rows = session.scalars(
                select(VersionRow).where(VersionRow.deliverable_id == deliverable_id).order_by(VersionRow.version)
            )
            return [version_view(row) for row in rows]

    def get_version(self, deliverable_id: str, version: int) -> VersionView:
        with self.reading() as session:
            find_deliverable(session, deliverable_id)
            return version_view(find_version(session, deliverable_id, version))

    def list_review_events(self, deliverable_id: str) -> list[ReviewEventView]:
        with self.reading() as session:
            find_deliverable(session, deliverable_id)
            rows = session.scalars(
                select(ReviewEventRow).where(ReviewEventRow.deliverable_id == deliverable_id).order_by(ReviewEventRow.id)
            )
            return [review_event_view(row) for row in rows]

    def audit_log(self, entity_id: str | None = None, *, limit: int | None = None) -> list[AuditEntry]:
        """Audit entries, oldest first (the newest ``limit`` when given)."""
        with self.reading() as session:
            query = select(AuditRow).order_by(AuditRow.id.desc())
            if entity_id is not None:
                query = query.where(AuditRow.entity_id == entity_id)
            if limit is not None:
                query = query.limit(limit)
            return [audit_entry(row) for row in reversed(list(session.scalars(query)))]


# --------------------------------------------------------------------- helpers


def _unreachable(url: URL, exc: BaseException) -> StoreError:
    reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if url.password:
        reason = reason.replace(str(url.password), "***")
    return StoreError(
        f"Cannot use the workspace database {display_url(url)} (set by {URL_VARIABLE} or the default "
        f"in AICMO_HOME): {reason}",
        field=URL_VARIABLE,
    )


def _brand_name(session: Session, brand_id: str) -> str:
    return _BRAND_NAME.scalar(session, {"id": brand_id}) or ""


def _campaign_name(session: Session, campaign_id: str) -> str:
    return _CAMPAIGN_NAME.scalar(session, {"id": campaign_id}) or ""


_BRAND_NAME = Direct(select(BrandRow.name).where(BrandRow.id == bindparam("id")))
_CAMPAIGN_NAME = Direct(select(CampaignRow.name).where(CampaignRow.id == bindparam("id")))


def _jsonable(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def _audit_created(session: Session, entity_type: str, entity_id: str, details: dict[str, Any]) -> None:
    add_audit(session, actor="workspace", action=f"{entity_type}.created", entity_type=entity_type,
              entity_id=entity_id, details=details)


def _audit_updated(session: Session, campaign_id: str, before: dict[str, Any], after: dict[str, Any]) -> None:
    add_audit(session, actor="workspace", action="campaign.updated", entity_type="campaign",
              entity_id=campaign_id, details={"before": before, "after": after})


@lru_cache(maxsize=16)
def _deliverables_statement(by_campaign: bool, by_module: bool, by_state: bool, current_only: bool) -> Direct:
    """``list_deliverables``' query for the filters given (their values are bound), run on the
    driver: the delivery pre-flight and learn read a whole campaign's deliverables with it."""
    query = deliverable_views_query()
    if by_campaign:
        query = query.where(DeliverableRow.campaign_id == bindparam("campaign_id"))
    if by_module:
        query = query.where(DeliverableRow.module == bindparam("module"))
    if by_state:
        query = query.where(DeliverableRow.state == bindparam("state"))
    elif current_only:
        query = query.where(DeliverableRow.state != "superseded")
    return Direct(query.order_by(DeliverableRow.created_at, DeliverableRow.position, DeliverableRow.id))
