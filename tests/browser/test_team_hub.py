"""A team on a real JupyterHub (``aicmo hub``) with its proxy on loopback, real Chromium, PostgreSQL.

An analyst, two reviewers and a client of brand Rotaly sign in, each in their own browser
context, through the hub's own login page. The analyst generates in their JupyterLab kernel and is
refused an approval; reviewer 1 approves in the Voila queue and every row names them; with the
brand's four-eyes rule reviewer 2 cannot approve the version they edited; the client sees Rotaly's
items only (brand Bolt Bikes has one waiting too), approves one, and the pack names both
approvals. A reviewer's page executes no code and reaches no Lab, terminal or contents API;
without a session every page leads to the hub's sign-in.

One hub and one workspace for the module (starting a hub costs seconds); the tests run in order.
"""

from __future__ import annotations

import base64
import io
import os
import re
import urllib.error
import urllib.request
import zipfile
from collections.abc import Iterator
from typing import Any

import pytest
from fixtures_store import generate

from aicmo_kernel.testing.hub import Hub, HubFailed, running_hub, sign_in

pytestmark = pytest.mark.slow

TEAM = """\
analysts: [ann]
reviewers: [rita, ruth]
admins: [ada]
clients:
  Rotaly: [carla]
  Bolt Bikes: [bob]
"""
RENDER_TIMEOUT = 120_000
EXECUTE_IN_KERNEL = """async ([base, code, kernel]) => {
  const xsrf = (document.cookie.split('; ').find(c => c.startsWith('_xsrf=')) || '=').split('=')[1];
  let id = kernel;
  if (!id) {
    const made = await fetch(base + 'api/kernels', {method: 'POST', credentials: 'same-origin',
      headers: {'X-XSRFToken': xsrf, 'Content-Type': 'application/json'}, body: '{}'});
    id = (await made.json()).id;
  }
  const socket = new WebSocket(base.replace(/^http/, 'ws') + 'api/kernels/' + id + '/channels');
  return await new Promise(resolve => {
    let out = '', replied = false;
    socket.onopen = () => socket.send(JSON.stringify({channel: 'shell', buffers: [], metadata: {},
      header: {msg_id: 'aicmo-test-' + Date.now(), msg_type: 'execute_request', username: '', session: 'test',
               version: '5.3', date: new Date().toISOString()},
      parent_header: {}, content: {code, silent: false, store_history: false, user_expressions: {},
                                   allow_stdin: false}}));
    socket.onmessage = event => {
      const message = JSON.parse(event.data);
      if (message.msg_type === 'stream') out += message.content.text;
      if (message.msg_type === 'error') out += message.content.ename + ': ' + message.content.evalue;
      if (message.msg_type === 'execute_reply') { replied = true; socket.close(); resolve({out, replied}); }
    };
    socket.onerror = () => resolve({out: out + '[socket error]', replied});
    setTimeout(() => { socket.close(); resolve({out, replied}); }, kernel ? 5000 : 90000);
  });
}"""


@pytest.fixture(scope="module")
def team(tmp_path_factory: pytest.TempPathFactory, postgres_databases: Any) -> Iterator[dict[str, Any]]:
    """Rotaly's demo campaign (four-eyes, client stage) and Bolt Bikes' campaign with an item
    approved inside the agency and waiting for Bolt's client; a hub for the team."""
    from aicmo_kernel import workflow as wf
    from aicmo_kernel.demo import seed_demo
    from aicmo_kernel.store import Workspace
    from aicmo_kernel.store.analyst_guard import guard_analysts

    home = tmp_path_factory.mktemp("team-hub")
    url = postgres_databases.get()
    env = {name: value for name, value in os.environ.items()
           if not name.startswith(("AICMO_", "OPENAI_", "ANTHROPIC_", "JUPYTERHUB_", "JPY_"))}
    env.update(AICMO_HOME=str(home / "aicmo"), AICMO_DATABASE_URL=url, AICMO_NO_DOTENV="1")
    with Workspace.open(url) as ws:
        seed_demo(ws)
        wf.set_four_eyes(ws, "Rotaly", enabled=True, actor="setup")
        wf.set_client_review(ws, "demo", enabled=True, actor="setup")
        ws.create_brand("Bolt Bikes", website="https://bolt.example", industry="Bicycles")
        ws.create_campaign("Bolt Bikes", "bolt", objective="Sell e-bikes", budget=1000, channels=["linkedin"])
        wf.set_client_review(ws, "bolt", enabled=True, actor="setup")
        generate(ws, "bolt", "intake", actor="sam")
        for item in ws.list_deliverables("bolt", "intake"):
            wf.approve(ws, item.id, version=1, reviewer="setup-reviewer")
        # Analysts' servers connect as a role the database itself keeps from approving (docs/team.md).
        role = f"analysts_{os.urandom(4).hex()}"
        with ws.engine.begin() as conn:
            conn.exec_driver_sql(f"CREATE ROLE {role} LOGIN")
        guard_analysts(ws, role)
    env["AICMO_ANALYST_DATABASE_URL"] = url.replace("://postgres@", f"://{role}@")
    team_file = home / "team.yaml"
    team_file.write_text(TEAM)
    try:
        with running_hub(env, team_file) as hub:
            yield {"hub": hub, "url": url, "env": env}
    except HubFailed as exc:
        pytest.fail(str(exc))


def _workspace(team: dict[str, Any]) -> Any:
    from aicmo_kernel.store import Workspace

    return Workspace.open(team["url"])


def _get(url: str, cookies: str = "") -> tuple[int, str, str]:
    """GET following redirects; (status, final URL, body)."""
    request = urllib.request.Request(url, headers={"Cookie": cookies} if cookies else {})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.geturl(), response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.geturl(), exc.read().decode("utf-8", "replace")


def _cookies(context: Any) -> str:
    return "; ".join(f"{c['name']}={c['value']}" for c in context.cookies())


def _choose(listbox: Any, starts: str) -> None:
    """Select the one option whose label starts with ``starts``, once it is there."""
    option = listbox.get_by_role("option", name=re.compile("^" + re.escape(starts)))
    option.first.wait_for(state="attached", timeout=RENDER_TIMEOUT)
    assert option.count() == 1, listbox.locator("option").all_inner_texts()
    listbox.select_option(label=option.inner_text().strip())


def _open_review_page(page: Any, hub: Hub, user: str) -> None:
    page.goto(hub.user_url(user, "voila/render/review.ipynb"))
    page.get_by_text(f"Signed in as {user}").wait_for(timeout=RENDER_TIMEOUT)


def test_without_a_session_every_page_leads_to_the_hubs_sign_in(team):
    hub: Hub = team["hub"]
    for path in ("/user/rita/voila/render/review.ipynb", "/user/ann/lab", "/user/carla/", "/hub/admin",
                 "/user/rita/api/kernels"):
        status, final, body = _get(hub.url + path)
        assert "/hub/login" in final, (path, status, final)
        assert "Bolt" not in body and "Rotaly" not in body
    assert _get(hub.url + "/hub/api/users")[0] == 403


def test_the_analyst_generates_in_lab_and_cannot_approve(team, browser):
    hub: Hub = team["hub"]
    context, page = sign_in(browser, hub, "ann")
    try:
        page.wait_for_url("**/user/ann/lab**")
        code = ("from aicmo_kernel.store import Workspace\n"
                "from aicmo_kernel.generation import generate\n"
                "from aicmo_kernel import workflow\n"
                "ws = Workspace.open()\n"
                "print('RUN', generate(ws, 'demo', 'intake', None, actor='analyst').ok)\n"
                "first = ws.list_deliverables('demo', 'intake')[0]\n"
                "try:\n"
                "    workflow.approve(ws, first.id, version=1, reviewer='ann')\n"
                "except Exception as exc:\n"
                "    print('REFUSED', type(exc).__name__, exc)\n"
                "print('ROLE', ws.engine.url.username)\n"
                "try:  # around the workflow, straight into the tables\n"
                "    with ws.engine.begin() as conn:\n"
                "        conn.exec_driver_sql(\"UPDATE deliverables SET state = 'approved', approved_version = 1 \"\n"
                "                             f\"WHERE id = '{first.id}'\")\n"
                "except Exception as exc:\n"
                "    print('SQL REFUSED', type(exc).__name__, str(exc).splitlines()[0])\n")
        result = page.evaluate(EXECUTE_IN_KERNEL, [hub.user_url("ann"), code, None])
        assert "RUN True" in result["out"], result
        assert "REFUSED PermissionDeniedError ann may not approve" in result["out"], result
        assert "ROLE analysts_" in result["out"], result
        assert "SQL REFUSED ProgrammingError" in result["out"] and "analysts may not approve" in result["out"], result
    finally:
        context.close()
    with _workspace(team) as ws:
        drafts = ws.list_deliverables("demo", "intake")
        assert drafts and all(ws.get_versions(d.id)[0].author == "ann" for d in drafts)
        assert all(ws.list_review_events(d.id) == [] for d in drafts)


def test_reviewer_one_approves_and_the_rows_name_them(team, browser):
    hub: Hub = team["hub"]
    with _workspace(team) as ws:
        first = ws.list_deliverables("demo", "intake")[0]
    context, page = sign_in(browser, hub, "rita")
    try:
        _open_review_page(page, hub, "rita")
        assert page.get_by_role("textbox", name=re.compile("Reviewer")).count() == 0  # nothing to forge
        _choose(page.get_by_role("listbox"), f"demo · intake · {first.title} [")
        page.get_by_role("button", name="Approve").click()
        page.get_by_text("Approved version 1 as rita").wait_for(timeout=RENDER_TIMEOUT)
    finally:
        context.close()
    with _workspace(team) as ws:
        assert [(e.action, e.actor) for e in ws.list_review_events(first.id)] == [("approve", "rita")]
        approved = [a for a in ws.audit_log(first.id) if a.action == "deliverable.approved"]
        assert [a.actor for a in approved] == ["rita"]
        assert ws.get_deliverable(first.id).client_state == "waiting"


def test_a_reviewers_page_executes_no_code_and_reaches_no_lab(team, browser, tmp_path):
    hub: Hub = team["hub"]
    marker = tmp_path / "executed"
    context, page = sign_in(browser, hub, "rita")
    sockets: list[str] = []
    page.on("websocket", lambda socket: sockets.append(socket.url))
    try:
        _open_review_page(page, hub, "rita")
        kernel = next(re.search(r"/api/kernels/([^/]+)/channels", url).group(1) for url in sockets
                      if "/api/kernels/" in url)
        code = f"open({str(marker)!r}, 'w').write('ran'); print('EXECUTED')"
        result = page.evaluate(EXECUTE_IN_KERNEL, [hub.user_url("rita"), code, kernel])
        assert not result["replied"] and "EXECUTED" not in result["out"]
        assert not marker.exists()
        for path in ("lab", "lab/tree/review.ipynb", "terminals/1", "api/terminals", "api/contents",
                     "api/contents/review.ipynb", "tree", "notebooks/review.ipynb"):
            response = context.request.get(hub.user_url("rita", path))
            assert response.status in (403, 404), (path, response.status)
    finally:
        context.close()


def test_four_eyes_reviewer_two_cannot_approve_the_version_they_edited(team, browser):
    hub: Hub = team["hub"]
    with _workspace(team) as ws:
        second = ws.list_deliverables("demo", "intake")[1]
    context, page = sign_in(browser, hub, "ruth")
    try:
        _open_review_page(page, hub, "ruth")
        _choose(page.get_by_role("listbox"), f"demo · intake · {second.title} [")
        page.get_by_role("tab", name="Edit and history").click()
        text = page.get_by_role("textbox", name="Markdown")
        text.fill(second.content_markdown + "\n\nOne sentence more, by ruth.")
        page.get_by_role("button", name="Save").click()
        page.get_by_text("revised · v2").first.wait_for(timeout=RENDER_TIMEOUT)
        page.get_by_role("button", name="Approve").click()
        page.get_by_text(re.compile("four-eyes rule: ruth wrote version 2")).wait_for(timeout=RENDER_TIMEOUT)
    finally:
        context.close()
    with _workspace(team) as ws:
        assert ws.get_deliverable(second.id).state == "revised"
        assert ws.get_versions(second.id)[-1].author == "ruth"
        assert all(e.action != "approve" for e in ws.list_review_events(second.id))


def test_the_client_sees_their_brand_only_approves_and_the_pack_names_both(team, browser):
    hub: Hub = team["hub"]
    with _workspace(team) as ws:
        first = ws.list_deliverables("demo", "intake")[0]
        bolt = ws.list_deliverables("bolt", "intake")
    context, page = sign_in(browser, hub, "carla")
    try:
        _open_review_page(page, hub, "carla")
        items = page.get_by_role("listbox", name="Items")
        items.locator("option").first.wait_for(state="attached", timeout=RENDER_TIMEOUT)
        labels = items.locator("option").all_inner_texts()  # widgets' labels keep their spaces as nbsp
        assert [label.replace("\xa0", " ") for label in labels] == [
            f"demo · {first.title} [waiting for your approval]"]
        items.select_option(label=labels[0])
        page.get_by_role("button", name="Approve as client").click()
        page.get_by_text("for the client as carla").wait_for(timeout=RENDER_TIMEOUT)
        page.get_by_role("combobox", name="Client pack").select_option(label="demo")
        page.get_by_role("button", name="Prepare client pack").click()
        link = page.locator("a[download]").first
        link.wait_for(timeout=RENDER_TIMEOUT)
        pack = zipfile.ZipFile(io.BytesIO(base64.b64decode(link.get_attribute("href").split(",", 1)[1])))
        markdown = next(pack.read(n).decode() for n in pack.namelist() if n.endswith(".md")
                        and first.title in pack.read(n).decode())
        assert "approved by rita" in markdown and "approved by the client (carla)" in markdown
        body = page.inner_text("body")
        assert "Bolt" not in body and "bolt" not in body
        # nothing of Bolt Bikes, or of the agency's pages, through any other address of hers or theirs
        for url in [hub.user_url("carla", "voila/render/08_delivery.ipynb"),
                    hub.user_url("carla", "voila/render/../../notebooks/08_delivery.ipynb"),
                    hub.user_url("carla", "voila/files/review.ipynb"),
                    hub.user_url("carla", "api/contents"),
                    hub.user_url("rita", "voila/render/review.ipynb"),
                    hub.user_url("bob", "voila/render/review.ipynb")]:
            response = context.request.get(url, max_redirects=0)
            text = response.text() if response.status == 200 else ""
            assert response.status != 200 or ("Bolt" not in text and bolt[0].title not in text), url
            assert response.status in (302, 403, 404), (url, response.status)
    finally:
        context.close()
    with _workspace(team) as ws:
        done = ws.get_deliverable(first.id)
        assert (done.client_state, done.client_by) == ("approved", "carla")
        assert all(ws.get_deliverable(d.id).client_state == "waiting" for d in bolt)
