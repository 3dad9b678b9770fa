"""A press-release module for AICMO Workbench, as another package would ship one.

Its entry point (group ``aicmo.modules``) names ``INFO``; the registry imports ``module.py`` only
when the module is first used.
"""

from aicmo_kernel.registry import ModuleInfo

INFO = ModuleInfo(
    name="press",
    order=10,
    title="Press release",
    upstream=("strategy",),
    summary="a press release announcing the campaign",
    spec="aicmo_press.module:SPEC",
)
