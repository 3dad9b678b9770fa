"""Fixtures for the loopback LLM server (see aicmo_kernel.testing.llm_server).

``llm_server`` is a fresh server per test (queue and records start empty). ``llm_env`` points
both SDKs at it through the environment, with fake keys and a short timeout, so providers are
built exactly as in production (``Settings.from_env()``) but never leave 127.0.0.1.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from aicmo_kernel.testing.llm_server import LoopbackLLMServer

FAKE_OPENAI_KEY = "sk-test-openai-0123456789"
FAKE_ANTHROPIC_KEY = "sk-ant-test-0123456789"
OPENAI_PATH = "/v1/chat/completions"
ANTHROPIC_PATH = "/v1/messages"


class RecordingSleep:
    """A chain's ``sleep`` that records each wait; ``sleeping=False`` records without waiting."""

    def __init__(self, *, sleeping: bool = True) -> None:
        self.calls: list[float] = []
        self._sleeping = sleeping

    def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)
        if self._sleeping:
            time.sleep(seconds)


@pytest.fixture
def llm_server() -> Iterator[LoopbackLLMServer]:
    with LoopbackLLMServer(hang_seconds=5.0) as server:
        yield server


@pytest.fixture
def llm_env(llm_server: LoopbackLLMServer, monkeypatch: pytest.MonkeyPatch) -> LoopbackLLMServer:
    """Keys and base URLs for both providers pointing at ``llm_server``; 1 s request timeout."""
    monkeypatch.setenv("OPENAI_API_KEY", FAKE_OPENAI_KEY)
    monkeypatch.setenv("OPENAI_BASE_URL", llm_server.openai_base_url)
    monkeypatch.setenv("ANTHROPIC_API_KEY", FAKE_ANTHROPIC_KEY)
    monkeypatch.setenv("ANTHROPIC_BASE_URL", llm_server.anthropic_base_url)
    monkeypatch.setenv("AICMO_LLM_TIMEOUT", "1")
    return llm_server


@pytest.fixture
def openai_client(llm_server: LoopbackLLMServer):
    import openai

    client = openai.OpenAI(
        base_url=llm_server.openai_base_url, api_key=FAKE_OPENAI_KEY, max_retries=0, timeout=2.0
    )
    yield client
    client.close()


@pytest.fixture
def anthropic_client(llm_server: LoopbackLLMServer):
    import anthropic

    client = anthropic.Anthropic(
        base_url=llm_server.anthropic_base_url,
        api_key=FAKE_ANTHROPIC_KEY,
        max_retries=0,
        timeout=2.0,
    )
    yield client
    client.close()


# -- a small output contract shared by the provider and chain tests ----------------------------

from typing import Literal  # noqa: E402

from pydantic import BaseModel, ConfigDict, Field  # noqa: E402


class Slide(BaseModel):
    model_config = ConfigDict(extra="forbid")
    heading: str = Field(min_length=3, max_length=60)
    body: str


class Post(BaseModel):
    """What the loopback server's schema-fitting answers are checked against."""

    model_config = ConfigDict(extra="forbid")
    title: str = Field(min_length=5, max_length=50)
    content_markdown: str = Field(min_length=20)
    platform: Literal["linkedin", "instagram", "x"]
    hashtags: list[str] = Field(min_length=1, max_length=5)
    score: int = Field(ge=1, le=10)
    cta: str | None = None
    slides: list[Slide] = Field(default_factory=list, max_length=3)


def post_request(
    *, stream: bool = True, prompt: str = "Brand: Acme Coffee\nWrite one LinkedIn post.", **kw
):
    """An LLMRequest whose answer must validate as ``Post``."""
    from aicmo_kernel.providers.base import LLMRequest

    return LLMRequest(
        module="creatives",
        system="You write marketing drafts as JSON.",
        prompt=prompt,
        output_schema=Post.model_json_schema(),
        schema_name="Post",
        output_model=Post,
        stream=stream,
        **kw,
    )
