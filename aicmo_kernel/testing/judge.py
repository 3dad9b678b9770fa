"""An LLM judge for the content-quality rubric: a model reads one brief and its drafts and scores
them 1-5 on a few criteria, answering JSON that ``JudgeAnswer`` validates.

The deterministic rubric (``qc.rubric``) finds what a machine can find; the judge gives a second,
softer opinion, for users with a key. It is called through the product's own provider chain
(``providers.build_chain``, the same settings, keys, base URLs, retries and repair of a broken
answer as any generation), with the judge model named on the command line
(``python bench/content_quality.py --judge gpt-4o-mini``, or ``anthropic:claude-sonnet-4-6``).
Only that provider is in the judge's chain: the offline composer cannot judge, so a judge without
a key fails with the variable to set instead of pretending.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Annotated, Any
from urllib.parse import urlparse

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from ..errors import ConfigurationError

__all__ = ["CRITERIA", "JudgeAnswer", "JudgeResult", "judge_chain", "judge_drafts", "judge_means", "judge_settings"]

CRITERIA = {
    "usefulness": "could a marketing lead use these drafts with light edits (5) or must they be rewritten (1)?",
    "on_brief": "do they sell this offer to this audience, on the briefed channels, with the brief's facts only?",
    "voice": "do they keep the brand's tone and every rule and banned word of its voice?",
    "language": "are they written in the brief's language, as a native marketer would write it?",
    "clarity": "are sentences whole, specific and free of filler, repetition and template seams?",
}
Score = Annotated[int, Field(ge=1, le=5)]


class JudgeScores(BaseModel):
    model_config = ConfigDict(extra="forbid")

    usefulness: Score
    on_brief: Score
    voice: Score
    language: Score
    clarity: Score


class JudgeAnswer(BaseModel):
    """What the judge must answer: a score per criterion and one sentence on the weakest point."""

    model_config = ConfigDict(extra="forbid")

    scores: JudgeScores
    weakest_point: Annotated[str, StringConstraints(min_length=1, max_length=400)]


@dataclass(frozen=True)
class JudgeResult:
    brief: str
    scores: dict[str, int]
    weakest_point: str
    provider: str
    model: str
    loopback: bool  # answered by a server on this machine (a test server): never a quality result

    @property
    def mean(self) -> float:
        return round(sum(self.scores.values()) / len(self.scores), 2)


def _split_model(model: str) -> tuple[str, str]:
    """``provider:model`` or a bare model name (claude-* is Anthropic's, anything else OpenAI's)."""
    provider, _, name = model.partition(":") if ":" in model else ("", "", model)
    provider = provider.strip().lower() or ("anthropic" if name.strip().lower().startswith("claude") else "openai")
    if provider not in ("openai", "anthropic") or not name.strip():
        raise ConfigurationError(
            f"judge model {model!r}: name a model, optionally with its provider, e.g. gpt-4o-mini, "
            "openai:gpt-4o-mini or anthropic:claude-sonnet-4-6", field="judge")  # fmt: skip
    return provider, name.strip()


def judge_settings(model: str, settings: Any = None) -> Any:
    """The environment's settings with the judge model as the only provider."""
    from ..config import Settings

    provider, name = _split_model(model)
    settings = settings or Settings.from_env()
    model_field = "openai_model" if provider == "openai" else "anthropic_model"
    return dataclasses.replace(settings, primary_provider=provider, fallback_providers=(), **{model_field: name})


def judge_chain(model: str, settings: Any = None) -> Any:
    """The product's provider chain for the judge; ConfigurationError saying how to configure a key."""
    from ..providers import build_chain

    settings = judge_settings(model, settings)
    chain = build_chain(settings)
    reasons = [reason for p in chain.providers if (reason := p.unavailable_reason())]
    if reasons:
        provider = settings.primary_provider
        key = "OPENAI_API_KEY" if provider == "openai" else "ANTHROPIC_API_KEY"
        raise ConfigurationError(
            f"the judge model {model!r} cannot be called: {'; '.join(reasons)}. Set {key} (in the environment or "
            f"a .env file, as for generation; {provider.upper()}_BASE_URL for a compatible server) and run again; "
            "the rubric itself needs no key (run without --judge).", field="judge")  # fmt: skip
    return chain


def _is_loopback(settings: Any, provider: str) -> bool:
    url = settings.openai_base_url if provider == "openai" else settings.anthropic_base_url
    host = (urlparse(url).hostname or "") if url else ""
    return host in ("localhost", "::1") or host.startswith("127.")


def _excerpt(drafts: Mapping[str, list[Mapping[str, Any]]], limit: int = 9000) -> str:
    from ..qc.rubric import copy_text

    parts = []
    for module in ("strategy", "creatives", "execution", "intake"):
        for d in drafts.get(module, []):
            parts.append(f"### {module} / {d.get('kind')}: {d.get('title') or ''}\n{copy_text(d)[:1500]}")
    return "\n\n".join(parts)[:limit]


def judge_request(name: str, facts: Mapping[str, Any], drafts: Mapping[str, list[Mapping[str, Any]]]) -> Any:
    from ..providers import LLMRequest

    brief = {k: facts.get(k) for k in ("brand", "audience", "offer", "industry", "channels", "languages", "voice",
                                        "banned_words", "disclaimers") if facts.get(k)}  # fmt: skip
    criteria = "\n".join(f"- {key}: {question}" for key, question in CRITERIA.items())
    prompt = (f"Brief ({name}):\n{json.dumps(brief, ensure_ascii=False, indent=1)}\n\nDrafts:\n{_excerpt(drafts)}\n\n"
              f"Score the drafts as a whole, 1 (unusable) to 5 (ready to send), on each criterion:\n{criteria}\n"
              "Then name the weakest point in one sentence.")  # fmt: skip
    return LLMRequest(
        module="judge",
        system="You are a demanding head of marketing reviewing a junior's first drafts against the client's brief. "
        "Answer only with JSON that fits the schema.",
        prompt=prompt, output_schema=JudgeAnswer.model_json_schema(), schema_name="judge_scores",
        output_model=JudgeAnswer, max_output_tokens=600, temperature=0.0, stream=False,
    )  # fmt: skip


def judge_drafts(name: str, facts: Mapping[str, Any], drafts: Mapping[str, list[Mapping[str, Any]]],
                 chain: Any, settings: Any = None) -> JudgeResult:  # fmt: skip
    """One brief's drafts judged by ``chain`` (``judge_chain``); the answer validated by pydantic."""
    result = chain.complete(judge_request(name, facts, drafts))
    answer = JudgeAnswer.model_validate(result.data)
    loopback = settings is not None and _is_loopback(settings, settings.primary_provider or "openai")
    return JudgeResult(name, answer.scores.model_dump(), answer.weakest_point, result.provider, result.model, loopback)


def judge_means(results: Iterable[JudgeResult]) -> dict[str, float | None]:
    """The mean score per criterion over the briefs, and ``overall`` (mean of the briefs' means)."""
    results = list(results)
    means: dict[str, float | None] = {
        key: round(sum(r.scores[key] for r in results) / len(results), 2) if results else None for key in CRITERIA
    }
    means["overall"] = round(sum(r.mean for r in results) / len(results), 2) if results else None
    return means
