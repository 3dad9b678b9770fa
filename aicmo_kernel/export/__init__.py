"""Client-facing exports: Markdown, JSON, HTML (sanitised), DOCX, PDF, and the zip client pack.

Only approved versions are ever exported (SPEC section 5).

- ``export_campaign(ws, campaign, fmt, module=None)``: the approved deliverables of a campaign (or
  one module) in one format; items that are not approved are left out and listed in
  ``Export.left_out``. ``fmt="zip"`` is the client pack in every format.
- ``build_client_pack(ws, campaign, formats=...)``: the delivery module's pack: the executive
  summary, the selected approved deliverables, the pre-flight checklist, a file per format and a
  manifest with sha256 checksums. A selected item that is not approved (or is flagged for
  review) refuses the pack, naming each one.
- ``sanitize_markdown_to_html(text)``: the one Markdown -> safe HTML function (UI and exports).

One file per format (``markdown_doc``, ``json_doc``, ``html_page``, ``docx_file``, ``pdf_file``,
``pack`` for the zip); writers render an ``ExportDocument`` and never read the workspace. The
DOCX and PDF libraries are imported only when those formats are written.
"""

from __future__ import annotations

from .branding import Branding
from .campaign import EXPORT_FORMATS, Export, export_campaign
from .model import ExportDocument, ExportItem, collect_approved
from .pack import PACK_FORMATS, ClientPack, build_client_pack
from .sanitize import sanitize_markdown_to_html

__all__ = [
    "EXPORT_FORMATS",
    "PACK_FORMATS",
    "Branding",
    "ClientPack",
    "Export",
    "ExportDocument",
    "ExportItem",
    "build_client_pack",
    "collect_approved",
    "export_campaign",
    "sanitize_markdown_to_html",
]
