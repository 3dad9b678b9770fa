"""The SDK clients' HTTP clients: one TLS context per process and certificate locations, the SDK's
own defaults kept, closed with their SDK client."""

from __future__ import annotations

import gc
import re
import ssl
from pathlib import Path

import pytest
from fixtures_llm import post_request

from aicmo_kernel.config import Settings
from aicmo_kernel.providers._http import tls_context
from aicmo_kernel.providers.anthropic import AnthropicProvider
from aicmo_kernel.providers.openai import OpenAIProvider

pytestmark = pytest.mark.filterwarnings("ignore:The model.*deprecated:DeprecationWarning")


def _pool_context(sdk_client):
    return sdk_client._client._transport._pool._ssl_context


def test_both_providers_share_one_tls_context_and_still_answer(llm_env):
    settings = Settings.from_env()
    providers = [OpenAIProvider(settings=settings), AnthropicProvider(settings=settings),
                 OpenAIProvider(settings=settings)]
    contexts = {id(_pool_context(provider._get_client())) for provider in providers}
    assert contexts == {id(tls_context())}
    for provider in providers[:2]:
        result = provider.complete(post_request())
        assert result.data["title"]
    # The SDK's own defaults stay, with the provider's timeout on each request.
    assert providers[0]._get_client().timeout == settings.request_timeout
    assert providers[0]._get_client()._client.follow_redirects


def _one_certificate(tmp_path: Path) -> Path:
    paths = ssl.get_default_verify_paths()
    bundle = next((Path(p) for p in (paths.openssl_cafile, "/etc/ssl/certs/ca-certificates.crt")
                   if p and Path(p).is_file()), None)
    if bundle is None:
        pytest.skip("no system certificate bundle to take a certificate from")
    first = re.search(r"-----BEGIN CERTIFICATE-----.+?-----END CERTIFICATE-----", bundle.read_text(), re.DOTALL)
    assert first is not None
    target = tmp_path / "one.pem"
    target.write_text(first.group(0) + "\n")
    return target


def test_a_certificate_file_named_in_the_environment_gets_its_own_context(tmp_path, monkeypatch):
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)
    default = tls_context()
    assert tls_context() is default
    monkeypatch.setenv("SSL_CERT_FILE", str(_one_certificate(tmp_path)))
    own = tls_context()
    assert own is not default and own.cert_store_stats()["x509_ca"] == 1
    assert tls_context() is own
    monkeypatch.delenv("SSL_CERT_FILE")
    assert tls_context() is default


def test_the_http_client_closes_with_its_sdk_client(llm_env):
    client = OpenAIProvider(settings=Settings.from_env())._get_client()
    http_client = client._client
    assert not http_client.is_closed
    del client
    gc.collect()
    assert http_client.is_closed


def test_the_workers_call_rehearsal_answers_through_each_adapter_without_a_socket(monkeypatch):
    import socket
    import threading

    from aicmo_kernel.providers import rehearse_calls

    answers = []
    for adapter in (OpenAIProvider, AnthropicProvider):
        complete = adapter.complete
        monkeypatch.setattr(adapter, "complete",
                            lambda self, request, _complete=complete, **kw: answers.append(
                                _complete(self, request, **kw)) or answers[-1])

    def no_network(*_args, **_kwargs):
        raise AssertionError("the rehearsal opened a connection")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    threads = set(threading.enumerate())
    rehearse_calls()
    assert [(a.provider, a.data) for a in answers] == [("openai", {"hello": "world"}),
                                                       ("anthropic", {"hello": "world"})]
    assert set(threading.enumerate()) - threads == set()  # the calls' threads have ended
