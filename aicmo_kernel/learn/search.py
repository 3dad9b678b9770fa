"""Full-text search over the workspace's approved content, on SQLite (FTS5) and PostgreSQL.

Design: the index covers every stored *version* (title and Markdown), and "approved only" is a
condition of the query, not of the index: a hit counts only when its deliverable is in state
``approved`` and the version is the deliverable's approved version. Versions are append-only (the
database refuses UPDATE and DELETE on them), so the index never has to change when a deliverable
is approved, revoked, edited or superseded, and the workflow needs no index hook at all.

- SQLite: migration 0003 creates the FTS5 table ``search_fts`` (external content: the
  ``deliverable_versions`` rows, Porter stemming) and an AFTER INSERT trigger that indexes each
  new version; ranking is FTS5's bm25 with the title weighted above the body.
- PostgreSQL: migration 0003 creates a GIN index on ``to_tsvector('english', title || ' ' ||
  content_markdown)`` of ``deliverable_versions``; queries use the same expression with
  ``plainto_tsquery`` and rank with ``ts_rank_cd``.

Query text is never handed to either engine's query syntax: it is cut into words by code, each
word is quoted (SQLite) or passed to ``plainto_tsquery`` as a bound parameter (PostgreSQL), so
quotes, operators, ``NEAR``, ``*``, ``:`` or ``&`` are plain characters and never raise. Snippets
are cut by code from the plain text of the hit (no Markdown, no HTML, no highlight markup).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict
from sqlalchemy import text

from ..errors import ValidationError
from .plaintext import STOPWORDS, markdown_to_text

if TYPE_CHECKING:
    from ..store import Workspace

__all__ = ["MAX_QUERY_CHARS", "SearchHit", "query_terms", "search_approved", "snippet"]

MAX_QUERY_CHARS = 1000
MAX_TERMS = 16
MAX_LIMIT = 100
SNIPPET_CHARS = 200
_TERM = re.compile(r"[^\W_]+")
_PG_TEXT = "to_tsvector('english'::regconfig, v.title || ' ' || v.content_markdown)"


class SearchHit(BaseModel):
    """One approved deliverable matching a query; ``rank`` is higher for better matches."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    deliverable_id: str
    campaign: str
    module: str
    kind: str
    title: str
    version: int
    snippet: str
    rank: float


def query_terms(query: str) -> list[str]:
    """The searchable words of ``query``: lower-cased, stopwords and syntax characters dropped."""
    terms = [t.lower()[:64] for t in _TERM.findall(query)]
    kept = [t for t in dict.fromkeys(terms) if t not in STOPWORDS]
    return kept[:MAX_TERMS]


def _validate(query: Any, limit: Any) -> str:
    if not isinstance(query, str):
        raise ValidationError("query: give the words to search for as text", field="query")
    if not query.strip():
        raise ValidationError("query: must not be blank", field="query")
    if len(query) > MAX_QUERY_CHARS:
        raise ValidationError(f"query: at most {MAX_QUERY_CHARS} characters", field="query")
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MAX_LIMIT:
        raise ValidationError(f"limit: give a whole number from 1 to {MAX_LIMIT}", field="limit")
    return query


def search_approved(
    ws: Workspace,
    query: str,
    *,
    campaign: str | None = None,
    module: str | None = None,
    brand: str | None = None,
    limit: int = 20,
    any_word: bool = False,
) -> list[SearchHit]:
    """Approved deliverables whose approved version matches ``query``, best first.

    All words must match unless ``any_word`` (then any one does, and more matches rank higher).
    ``campaign``, ``module`` and ``brand`` narrow the search; unknown names raise NotFoundError.
    A query with no searchable words (only stopwords or punctuation) finds nothing.
    """
    from ..registry import module_info
    from ..store.records import find_brand, find_campaign

    _validate(query, limit)
    terms = query_terms(query)
    with ws.reading() as session:
        filters: list[str] = ["d.state = 'approved'"]
        params: dict[str, Any] = {"limit": limit}
        if campaign is not None:
            filters.append("d.campaign_id = :campaign_id")
            params["campaign_id"] = find_campaign(session, campaign).id
        if brand is not None:
            filters.append("c.brand_id = :brand_id")
            params["brand_id"] = find_brand(session, brand).id
        if module is not None:
            filters.append("d.module = :module")
            params["module"] = module_info(module).name
        if not terms:
            return []
        if session.get_bind().dialect.name == "postgresql":
            sql, extra = _postgres_sql(terms, any_word, filters)
        else:
            sql, extra = _sqlite_sql(terms, any_word, filters)
        rows = session.execute(text(sql), {**params, **extra}).mappings().all()
    return [
        SearchHit(
            deliverable_id=row["id"], campaign=row["campaign"], module=row["module"], kind=row["kind"],
            title=row["title"], version=int(row["version"]), snippet=snippet(row["content_markdown"], terms),
            rank=round(float(row["score"]), 6),
        )
        for row in rows
    ]


_SELECT = (
    "SELECT d.id AS id, c.name AS campaign, d.module AS module, d.kind AS kind, v.title AS title, "
    "v.version AS version, v.content_markdown AS content_markdown, {score} AS score "
)


def _sqlite_sql(terms: list[str], any_word: bool, filters: list[str]) -> tuple[str, dict[str, Any]]:
    # Each term is letters/digits only and double-quoted: an FTS5 string, never an operator.
    match = (" OR " if any_word else " AND ").join(f'"{term}"' for term in terms)
    sql = (
        _SELECT.format(score="-bm25(search_fts, 4.0, 1.0)")
        + "FROM search_fts "
        "JOIN deliverable_versions v ON v.id = search_fts.rowid "
        "JOIN deliverables d ON d.id = v.deliverable_id AND v.version = d.approved_version "
        "JOIN campaigns c ON c.id = d.campaign_id "
        f"WHERE search_fts MATCH :match AND {' AND '.join(filters)} "
        "ORDER BY score DESC, d.id LIMIT :limit"
    )
    return sql, {"match": match}


def _postgres_sql(terms: list[str], any_word: bool, filters: list[str]) -> tuple[str, dict[str, Any]]:
    if any_word:
        names = [f"t{i}" for i in range(len(terms))]
        tsquery = " || ".join(f"plainto_tsquery('english'::regconfig, :{name})" for name in names)
        extra = dict(zip(names, terms, strict=True))
    else:
        tsquery = "plainto_tsquery('english'::regconfig, :words)"
        extra = {"words": " ".join(terms)}
    sql = (
        _SELECT.format(score=f"ts_rank_cd({_PG_TEXT}, q.query)")
        + f"FROM ({'SELECT ' + tsquery + ' AS query'}) q, deliverables d "
        "JOIN deliverable_versions v ON v.deliverable_id = d.id AND v.version = d.approved_version "
        "JOIN campaigns c ON c.id = d.campaign_id "
        f"WHERE {_PG_TEXT} @@ q.query AND {' AND '.join(filters)} "
        "ORDER BY score DESC, d.id LIMIT :limit"
    )
    return sql, extra


def snippet(markdown: str, terms: list[str], width: int = SNIPPET_CHARS) -> str:
    """About ``width`` characters of plain text around the first query word found (or the start)."""
    plain = " ".join(markdown_to_text(markdown).split())
    if len(plain) <= width:
        return plain
    lowered = plain.lower()
    at = -1
    for term in terms:
        # Stemmed matches ("hooks" found by "hook") share a prefix; try shorter prefixes last.
        for size in (len(term), max(4, len(term) - 2)):
            found = re.search(rf"(?<!\w){re.escape(term[:size])}", lowered)
            if found:
                at = found.start()
                break
        if at >= 0:
            break
    start = 0 if at < 0 else max(0, at - width // 3)
    if start:
        space = plain.find(" ", start)
        start = space + 1 if 0 <= space < at else start
    end = min(len(plain), start + width)
    if end < len(plain):
        space = plain.rfind(" ", start, end)
        end = space if space > start else end
    return ("\u2026" if start else "") + plain[start:end].strip() + ("\u2026" if end < len(plain) else "")
