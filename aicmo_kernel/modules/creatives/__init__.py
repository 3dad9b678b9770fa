"""Module 3, creatives: platform-ready posts, carousels, threads, emails, ads, scripts, image prompts.

Platform limits hold by construction: ``CreativeAsset`` refuses an answer whose posted text breaks a
limit (X 280 per post, LinkedIn 3,000, Instagram 2,200 and 30 hashtags, email subject 78), and the
renderer writes exactly that posted text into ``content_markdown``, so what QC counts is what
will be posted. Brand disclaimers missing from an asset are added by code, then checked again.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import AfterValidator, Field, StringConstraints, model_validator
from pydantic import ValidationError as PydanticValidationError

from ...errors import ContractViolation
from .composer import CHANNEL_ASSETS, compose_creatives
from ...schemas import Deliverable
from ...registry import module_info
from ..phrasebook import labelled, language_of_inputs, tr
from ..text import disclaimer_text
from ..fields import CHANNELS, AssetType, Channel, Hashtag, InputModel, Label, OutputModel, Theme
from ...platforms import (
    CHARACTER_LIMITS,
    EMAIL_SUBJECT_MAX,
    NATIVE_PLATFORM,
    posted_text,
    thread_posts,
)
from ..templates import SHARED_SYSTEM_TEMPLATE
from ..base import ModuleSpec, Upstream

__all__ = ["SPEC", "CreativeAsset", "CreativesInputs", "CreativesOutput", "assets_for_channels"]

_ASSET_LABELS = {
    "linkedin_post": "LinkedIn post", "instagram_caption": "Instagram caption",
    "instagram_carousel": "Instagram carousel", "x_post": "X post", "x_thread": "X thread", "email": "Email",
    "ad_copy": "Ad copy", "video_script": "Video script", "image_prompt": "Image prompt",
}  # fmt: skip
_Text = Annotated[str, StringConstraints(max_length=2800)]


def _unique(values: list[str]) -> list[str]:
    return list(dict.fromkeys(values))


def assets_for_channels(channels: list[str]) -> list[str]:
    """The asset types that suit ``channels``, in a stable order, without repeats."""
    return _unique([a for c in channels for a in CHANNEL_ASSETS.get(c, ())])


class CreativesInputs(InputModel):
    theme: Theme
    key_message: Annotated[str, StringConstraints(min_length=1, max_length=1000)]
    asset_types: Annotated[
        list[AssetType], Field(min_length=1, max_length=9), AfterValidator(_unique)
    ]
    count_per_type: int = Field(default=1, ge=1, le=5)
    platforms: Annotated[list[Channel], Field(max_length=9), AfterValidator(_unique)] = Field(
        default_factory=list
    )
    tone_override: Label = ""
    # The language assets are written in (a name or code); empty: the strategy's language.
    language: Label = ""


class Slide(OutputModel):
    heading: Annotated[str, StringConstraints(min_length=1, max_length=120)]
    text: Annotated[str, StringConstraints(max_length=500)] = ""


class Scene(OutputModel):
    visual: Annotated[str, StringConstraints(min_length=1, max_length=500)]
    voiceover: Annotated[str, StringConstraints(max_length=500)] = ""


class CreativeAsset(OutputModel):
    """One asset. Fields a type does not use stay empty (slides for carousels, posts for threads,
    subject and preheader for emails, scenes for video scripts)."""

    asset_type: AssetType
    target_platform: Channel | None = Field(
        default=None, description="for ad copy, video scripts, image prompts"
    )
    title: Annotated[str, StringConstraints(min_length=1, max_length=200)]
    hook: Annotated[str, StringConstraints(min_length=1, max_length=500)]
    body: _Text = ""
    cta: Annotated[str, StringConstraints(min_length=1, max_length=300)]
    hashtags: list[Hashtag] = Field(default_factory=list, max_length=30)
    disclaimer: Annotated[str, StringConstraints(max_length=600)] = ""
    slides: list[Slide] = Field(default_factory=list, max_length=10)
    posts: list[Annotated[str, StringConstraints(min_length=1, max_length=280)]] = Field(
        default_factory=list, max_length=12
    )
    subject: Annotated[str, StringConstraints(max_length=EMAIL_SUBJECT_MAX)] = ""
    preheader: Annotated[str, StringConstraints(max_length=150)] = ""
    scenes: list[Scene] = Field(default_factory=list, max_length=12)
    # The language this asset is written in (a code: en, fr), when the brief has several; empty
    # for a brief in one language (and in assets stored before it existed).
    language: Label = ""

    @property
    def platform(self) -> str | None:
        return NATIVE_PLATFORM.get(self.asset_type)

    def posted(self) -> str:
        """The text exactly as posted (platform assets) or sent (email body)."""
        if self.asset_type == "x_thread":
            return "\n\n".join(self.thread())
        tags = [] if self.asset_type == "email" else self.hashtags
        return posted_text(self.hook, self.body, self.cta, self.disclaimer, tags)

    def thread(self) -> list[str]:
        return thread_posts(self.hook, self.posts, self.cta, self.disclaimer, self.hashtags)

    @model_validator(mode="after")
    def _fits_its_platform(self) -> CreativeAsset:
        kind = self.asset_type
        if kind == "instagram_carousel" and len(self.slides) < 2:
            raise ValueError("an instagram_carousel needs at least 2 slides")
        if kind == "x_thread" and not self.posts:
            raise ValueError(
                "an x_thread needs at least one post between the hook and the call to action"
            )
        if kind == "email" and not self.subject.strip():
            raise ValueError("an email needs a subject")
        if kind == "video_script" and not self.scenes:
            raise ValueError("a video_script needs at least one scene")
        limit = CHARACTER_LIMITS.get(self.platform or "")
        if limit is None:
            return self
        texts = self.thread() if kind == "x_thread" else [self.posted()]
        for number, text in enumerate(texts, 1):
            if len(text) > limit:
                where = f"post {number} of the thread" if kind == "x_thread" else "the post"
                raise ValueError(
                    f"{kind}: {where} is {len(text)} characters as posted (hashtags and disclaimer included); "
                    f"{self.platform} allows {limit}"
                )
        return self


class CreativesOutput(OutputModel):
    assets: list[CreativeAsset] = Field(min_length=1, max_length=60)


def _prefill(brand: dict[str, Any], campaign: dict[str, Any], upstream: Upstream) -> dict[str, Any]:
    meta: dict[str, Any] = {}
    for item in upstream.get("strategy", []):
        meta.update(item.get("metadata") or {})
    channels = [c for c in meta.get("channels") or campaign.get("channels") or [] if c in CHANNELS]
    return {
        "theme": meta.get("theme") or meta.get("campaign_name"),
        "key_message": meta.get("core_message"),
        "asset_types": assets_for_channels(channels),
        "platforms": channels,
        # Every language of the brief ("es, en"), the first one first.
        "language": ", ".join(meta.get("languages") or []) or meta.get("language"),
    }


def _disclaimer(brand: dict[str, Any]) -> str:
    return disclaimer_text(brand.get("disclaimers") or [])


def _with_disclaimer(index: int, asset: CreativeAsset, disclaimer: str) -> CreativeAsset:
    """The asset with the brand disclaimer added by code when the writer left it out."""
    if not disclaimer or asset.asset_type == "image_prompt" or disclaimer in asset.posted():
        return asset
    try:
        return CreativeAsset.model_validate({**asset.model_dump(), "disclaimer": disclaimer})
    except PydanticValidationError as exc:  # too long once the disclaimer is in
        raise ContractViolation(
            f"assets[{index}] ({asset.asset_type}) no longer fits its platform once the brand's required "
            f"disclaimer is added: {exc}",
            field=f"output.assets.{index}.disclaimer",
        ) from None


def _document(asset: CreativeAsset, lang: str = "en") -> str:
    """Ad copy, video scripts and image prompts: a working document for the team, in Markdown,
    its labels in the asset's language."""
    w = {key: tr(lang, key) for key in ("Target platform:", "Hashtags:", "Disclaimer:", "Visual:", "Voiceover:",
                                         "Hook (opening line):", "Scenes", "Call to action:", "Concept:", "Prompt:",
                                         "Overlay text:", "Headline:", "Primary text:")}  # fmt: skip
    label = tr(lang, _ASSET_LABELS[asset.asset_type])
    heading = labelled(lang, label, asset.title)
    target = f"**{w['Target platform:']}** {asset.target_platform}\n\n" if asset.target_platform else ""
    tags = f"\n\n**{w['Hashtags:']}** {' '.join(asset.hashtags)}" if asset.hashtags else ""
    disclaimer = f"\n\n**{w['Disclaimer:']}** {asset.disclaimer}" if asset.disclaimer else ""
    if asset.asset_type == "video_script":
        scenes = "\n".join(
            f"{n}. **{w['Visual:']}** {s.visual}"
            + (f"\n   **{w['Voiceover:']}** {s.voiceover}" if s.voiceover else "")
            for n, s in enumerate(asset.scenes, 1)
        )
        return (
            f"# {heading}\n\n{target}**{w['Hook (opening line):']}** {asset.hook}\n\n"
            f"{asset.body}\n\n## {w['Scenes']}\n\n{scenes}\n\n**{w['Call to action:']}** {asset.cta}{disclaimer}{tags}"
        )
    if asset.asset_type == "image_prompt":
        return (
            f"# {heading}\n\n{target}**{w['Concept:']}** {asset.hook}\n\n"
            f"**{w['Prompt:']}** {asset.body}\n\n**{w['Overlay text:']}** {asset.cta}{tags}"
        )
    return (
        f"# {heading}\n\n{target}**{w['Headline:']}** {asset.hook}\n\n**{w['Primary text:']}**\n\n"
        f"{asset.body}\n\n**{w['Call to action:']}** {asset.cta}{disclaimer}{tags}"
    )


def _render(
    output: CreativesOutput,
    inputs: CreativesInputs,
    brand: dict[str, Any],
    campaign: dict[str, Any],
    facts: dict[str, Any] | None = None,
) -> list[Deliverable]:
    disclaimer = _disclaimer(brand)
    first = language_of_inputs(inputs.language, [inputs.key_message])
    items = []
    for index, raw in enumerate(output.assets):
        asset = _with_disclaimer(index, raw, disclaimer)
        native = asset.platform is not None
        lang = asset.language or first
        content = asset.posted() if native else _document(asset, lang)
        metadata: dict[str, Any] = {
            "asset_type": asset.asset_type,
            "theme": inputs.theme,
            "hook": asset.hook,
            "cta": asset.cta,
            "disclaimer": asset.disclaimer,
            "target_platform": asset.target_platform or asset.platform,
            "tone": inputs.tone_override or None,
            "character_count": len(content),
            "character_limit": CHARACTER_LIMITS.get(asset.platform or ""),
        }
        assets: dict[str, Any] = {}
        if asset.language:
            metadata["language"] = asset.language
        if asset.asset_type == "email":
            metadata.update(subject=asset.subject, preheader=asset.preheader)
        if asset.asset_type == "x_thread":
            metadata["posts"] = asset.thread()
        if asset.slides:
            assets["slides"] = [s.model_dump() for s in asset.slides]
            metadata["slides"] = assets["slides"]
        if asset.scenes:
            metadata["scenes"] = [s.model_dump() for s in asset.scenes]
        if asset.asset_type == "instagram_carousel":
            # The caption is what is posted; the slides are shown to reviewers beneath it.
            slides = "\n\n".join(
                f"**{tr(lang, 'Slide {n}: {heading}', n=n, heading=s.heading)}**" + (f"\n{s.text}" if s.text else "")
                for n, s in enumerate(asset.slides, 1)
            )
            metadata["slides_markdown"] = slides
        # With several languages, the language in the title keeps the paired variants apart in
        # the review queue, the calendar and the exports.
        label = tr(lang, _ASSET_LABELS[asset.asset_type]) + (f" ({asset.language.upper()})" if asset.language else "")
        title = labelled(lang, label, asset.subject if asset.asset_type == "email" else asset.title)
        items.append(
            Deliverable(
                kind=asset.asset_type,
                title=title[:300],
                content_markdown=content,
                platform=asset.platform,
                hashtags=[] if asset.asset_type == "email" else list(asset.hashtags),
                assets=assets,
                metadata=metadata,
            )
        )
    return items


SPEC = ModuleSpec(
    info=module_info("creatives"),
    input_model=CreativesInputs,
    output_model=CreativesOutput,
    prompt_template="creatives.v3.md",
    system_template=SHARED_SYSTEM_TEMPLATE,
    package=__name__,
    prefill=_prefill,
    render=_render,
    composer=compose_creatives,
    max_output_tokens=12000,
)
