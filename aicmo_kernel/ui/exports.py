"""The export bar: one download link per export format, made on click, never on display.

The formats are read from ``aicmo_kernel.export.EXPORT_FORMATS`` when the button is clicked, so
formats added to the export package appear without changing the UI. Each file travels inside its
link as a data URI (``<a download href="data:...">``): that works in JupyterLab and in Voila,
which refuses ``FileLink``. Exports hold approved versions only (the export package decides).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import ipywidgets as widgets

from ..errors import AicmoError, ValidationError
from .errors import MessageBox, describe_error, guard
from .helpers import data_uri, download_link

if TYPE_CHECKING:
    from .services import Services

__all__ = ["DownloadFile", "ExportBar"]

_LINKS_STYLE = "<style>.aicmo-downloads a { color: #1a5fb4; text-decoration: underline; }</style>"


@dataclass(frozen=True)
class DownloadFile:
    format: str
    filename: str
    media_type: str
    data: bytes

    @property
    def uri(self) -> str:
        return data_uri(self.data, self.media_type)


class ExportBar(widgets.VBox):
    """Downloads of ``campaign``'s approved deliverables (one module's, if ``module`` is given)."""

    def __init__(
        self,
        services: Services,
        *,
        campaign: str | None,
        module: str | None = None,
        formats: Sequence[str] | None = None,
    ) -> None:
        self.services = services
        self.campaign = campaign
        self.module = module
        self.formats = tuple(formats) if formats else None
        self.files: dict[str, DownloadFile] = {}
        self.errors: dict[str, str] = {}
        self.skipped: list[str] = []  # formats that apply to whole campaigns only
        what = f"the approved {module} deliverables" if module else "every approved deliverable"
        self.prepare_button = widgets.Button(description="Prepare downloads", icon="download",
                                             tooltip=f"Export {what} of this campaign",
                                             layout=widgets.Layout(width="auto"))
        self.links = widgets.HTML()
        self.message = MessageBox()
        self.prepare_button.on_click(guard(self.message, "preparing the downloads")(lambda _b: self.prepare()))
        super().__init__([
            widgets.HBox([self.prepare_button, widgets.HTML(
                f"<span style='font-size:smaller;color:#666'>approved versions only; {html.escape(what)}</span>")]),
            self.links, self.message,
        ])

    def clear(self) -> None:
        """Drop the prepared links, e.g. because what they hold may have changed since."""
        self.files, self.errors, self.skipped = {}, {}, []
        self.links.value = ""
        self.message.clear()

    def prepare(self) -> dict[str, DownloadFile]:
        """Export every format now and show a link for each; returns format -> file."""
        from ..export import EXPORT_FORMATS, export_campaign

        if not self.campaign:
            self.message.show("Pick a campaign first.", "warning")
            return {}
        formats = self.formats or tuple(EXPORT_FORMATS)
        self.files, self.errors, self.skipped = {}, {}, []
        left_out = 0
        for fmt in formats:
            try:
                result = export_campaign(self.services.workspace, self.campaign, fmt, module=self.module)
            except ValidationError as exc:
                if self.module and exc.field == "module":
                    self.skipped.append(fmt)  # a whole-campaign format (the zip pack): not offered here
                else:
                    self.errors[fmt] = exc.message
                continue
            except AicmoError as exc:
                self.errors[fmt] = exc.message
                continue
            except Exception as exc:  # noqa: BLE001 - one broken format must not hide the others
                info = describe_error(exc, f"exporting {fmt}")
                self.errors[fmt] = f"{info.message} (trace id {info.trace_id})"
                continue
            self.files[fmt] = DownloadFile(fmt, result.filename, result.media_type, result.data)
            left_out = len(getattr(result, "left_out", []) or [])
        links = [
            download_link(f.filename, f.media_type, f.data, label=f"{f.filename} ({len(f.data):,} bytes)")
            for f in self.files.values()
        ]
        # Voila's theme shows a bare <a> as plain black text: say "Download" and style the links.
        self.links.value = (f"{_LINKS_STYLE}<div class='aicmo-downloads'>Download: {' · '.join(links)}</div>"
                            if links else "")
        lines = []
        if self.files and left_out:
            from ..modules.phrasebook import counted

            lines.append(counted("en", left_out, "{count} deliverable is not included because it is not approved yet.",
                                 "{count} deliverables are not included because they are not approved yet."))
        errors = list(dict.fromkeys(self.errors.values()))
        if len(errors) == 1 and not self.files:
            lines.append(errors[0])
        else:
            lines += [f"{fmt}: {text}" for fmt, text in self.errors.items()]
        if lines:
            self.message.show("\n".join(lines), "warning" if self.files else "error")
        else:
            self.message.clear()
        return self.files
