"""What an OpenAI-compatible server refuses of our request, and the weaker form asked instead.

The OpenAI adapter asks for the strongest form first: ``response_format`` ``json_schema`` (strict)
and, for a stream, ``stream_options`` ``include_usage``. Servers that call themselves compatible
refuse parts of that, each in its own words (the tests quote them): LM Studio takes json_schema
but not json_object, llama-server builds before json_schema answer 500, Ollama 500 "invalid JSON
schema in format" for a schema it cannot take, DeepSeek says the response_format type "is
unavailable now" (400, or 422 from its body parser), Groq that a model "does not support response
format json_schema", Azure "Unrecognized request argument supplied: stream_options", Mistral and
pydantic-based servers "Extra inputs are not permitted" for ``stream_options``, a LiteLLM proxy
``UnsupportedParamsError``, Hugging Face TGI "missing field `value`" for json_object.

A refusal is recognised by its status (400, 422 or 5xx) and a message that names a part we sent
(``refused_parts``); any other error (a bad key, a prompt too long, an unknown model) is not one.
Some servers and gateways send an error with status 200, in the body (OpenRouter, whose upstream's
own error rides in ``metadata.raw``) or as an error event of a stream whose headers already went
out (a LiteLLM proxy, vLLM): such an error is read the same way, by its own code when it gives one
(``in_band_status``), and only while no answer text has come.
The refused part is remembered for the server and model for the life of the process
(``remember``), so later calls start from the weaker form and do not pay the refusal again. The
ladder: json_schema -> json_object -> no response_format (the schema is then given in the system
text), and a stream without ``stream_options`` (usage is then estimated unless the server sends
it anyway). The answer is validated against the module's model exactly as before.
"""

from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass
from typing import Any

__all__ = ["RequestForm", "forget_refusals", "in_band_status", "refused_parts", "remember", "request_form"]

# Words a server uses to refuse a part of the request, as they really word it.
_REFUSAL = re.compile(
    r"not supported|unsupported|does not support|doesn't support|unknown|unrecogni[sz]ed|"
    r"unavailable|not available|not allowed|not permitted|extra_forbidden|must be|invalid|"
    r"unexpected|not implemented|failed to deserialize|missing field|cannot find field|no such"
)
_ERROR_KIND = re.compile(r"\b\w+_error\b")  # "invalid_request_error": a kind of error, not a word of it
_NAMES_RESPONSE_FORMAT = re.compile(r"response[_ .]?format|json[_ ]schema|json[_ ]object|json[_ ]mode")
_NAMES_STREAM_OPTIONS = re.compile(r"stream[_ ]options|include[_ ]usage")
# Keys of an error body that quote the request or the model's output back, not the server's words.
_QUOTES = frozenset({"input", "failed_generation", "url", "ctx"})
_MAX_NESTED = 20_000  # characters of a message that is itself a list of errors, read as one

_lock = threading.Lock()
_refused: dict[tuple[str, str], set[str]] = {}


@dataclass(frozen=True)
class RequestForm:
    """What one request asks of the server. ``response_format``: ``json_schema``, ``json_object``
    or ``none``; ``stream_usage``: send ``stream_options.include_usage`` with a stream;
    ``dropped``: the parts this server refused before, strongest first."""

    response_format: str
    stream_usage: bool
    dropped: tuple[str, ...] = ()

    def warnings(self, provider: str, model: str) -> list[str]:
        """What the run says about the parts left out."""
        said = []
        formats = [part for part in self.dropped if part != "stream_options"]
        if formats:
            instead = {"json_object": "response_format json_object",
                       "none": "no response_format"}[self.response_format]
            said.append(
                f"{provider} ({model}) does not take response_format {' or '.join(formats)}: asked with "
                f"{instead} and the schema in the prompt; the answer was checked against the schema as always"
            )
        if "stream_options" in self.dropped:
            said.append(
                f"{provider} ({model}) does not take stream_options: streamed without asking for "
                "usage, so token counts are estimated unless the server reported them"
            )
        return said


def request_form(server: str, model: str, *, schema: bool, stream: bool) -> RequestForm:
    """The strongest form ``server`` has not refused for ``model``."""
    with _lock:
        refused = set(_refused.get((server, model), ()))
    ladder = ("json_schema", "json_object") if schema else ("json_object",)
    response_format = next((form for form in ladder if form not in refused), "none")
    dropped = list(ladder[: ladder.index(response_format)] if response_format in ladder else ladder)
    stream_usage = stream and "stream_options" not in refused
    if stream and not stream_usage:
        dropped.append("stream_options")
    return RequestForm(response_format, stream_usage, tuple(dropped))


def refused_parts(exc: BaseException, form: RequestForm, *, answered: bool = False) -> tuple[str, ...]:
    """The parts of ``form`` that the error ``exc`` refuses; () when it is any other error.

    ``exc`` is an SDK ``APIStatusError`` (its HTTP status), or an error that came with status 200
    (``in_band_status``): a body that is an error, or a stream's error event, which carry the
    server's error body and at most their own code. Such an error counts with no code at all, or a
    code of 400, 422 or 5xx (a 429 or 401 there is no refusal either), and only before any answer
    text arrived (``answered``): a server that started answering took the request as it was."""
    status = getattr(exc, "status_code", None)
    if not isinstance(status, int):
        if answered or getattr(exc, "body", None) is None:
            return ()  # an answer under way, or no server words (a dropped connection, a timeout)
        status = in_band_status(exc)
    if status is not None and not (status in (400, 422) or status >= 500):
        return ()
    said = _said(exc)
    if not _REFUSAL.search(_ERROR_KIND.sub(" ", said)):
        return ()
    parts = []
    if form.response_format != "none" and _NAMES_RESPONSE_FORMAT.search(said):
        parts.append(form.response_format)
    if form.stream_usage and _NAMES_STREAM_OPTIONS.search(said):
        parts.append("stream_options")
    return tuple(parts)


def in_band_status(exc: BaseException) -> int | None:
    """The HTTP status an error sent with status 200 gives as its own code (OpenRouter's
    ``"code": 400``, a LiteLLM proxy's ``"code": "400"``), None when it gives none."""
    body = getattr(exc, "body", None)
    inner = body.get("error") if isinstance(body, dict) and isinstance(body.get("error"), dict) else body
    if not isinstance(inner, dict):
        return None
    for key in ("code", "status"):
        value = inner.get(key)
        if isinstance(value, int) and not isinstance(value, bool) and 100 <= value <= 599:
            return value
        if isinstance(value, str) and re.fullmatch(r"[1-5]\d\d", value.strip()):
            return int(value)
    return None


def remember(server: str, model: str, parts: tuple[str, ...]) -> None:
    """Note that ``server`` refuses ``parts`` for ``model``, for the life of the process."""
    with _lock:
        _refused.setdefault((server, model), set()).update(parts)


def forget_refusals() -> None:
    """Forget every refusal noted (a server upgraded in place; tests)."""
    with _lock:
        _refused.clear()


def _said(exc: BaseException) -> str:
    """The server's words in ``exc``, lower-cased: every string of its error body except the
    parts that quote the request or the output back (a 422's ``input``), also inside a message
    that is a list of validation errors written out as text (vLLM, older Mistral)."""
    found: list[str] = []

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for key, inner in value.items():
                if key not in _QUOTES:
                    walk(inner)
        elif isinstance(value, (list, tuple)):
            for inner in value:
                walk(inner)
        elif isinstance(value, str) and value[:1] in "[{" and len(value) <= _MAX_NESTED:
            nested = _literal(value)
            if isinstance(nested, (dict, list)):
                walk(nested)
            else:
                found.append(value)
        elif value is not None:
            found.append(str(value))

    walk(getattr(exc, "body", None))
    if not found:
        found.append(str(exc))
    return " ".join(found).lower()


def _literal(text: str) -> Any:
    """``text`` read as JSON, or as a Python literal (pydantic errors printed with ``repr``);
    None when it is neither."""
    try:
        return json.loads(text)
    except ValueError:
        pass
    import ast  # only a refusal gets here

    try:
        return ast.literal_eval(text)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return None
