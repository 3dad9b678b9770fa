"""German: the sentences for short campaigns planned in days, audiences framed as people or as
businesses, and gaps the brief leaves (see ``translations/__init__.py``)."""

from __future__ import annotations

PLANS = {
    # a campaign planned in days (strategy/timing.py)
    "midday": "Mittag",
    "the end of day {day}": "Ende von Tag {day}",
    "Budget: {budget} for {length}. Confirm with the client how much of it is ad spend.": "Budget: {budget} für "
    "{length}. Mit dem Kunden klären, wie viel davon für Anzeigen bestimmt ist.",
    "Budget: {budget} over {length}, about {daily} {currency} a day. Confirm with the client how much of it is ad "
    "spend.": "Budget: {budget} über {length}, etwa {daily} {currency} pro Tag. Mit dem Kunden klären, wie viel "
    "davon für Anzeigen bestimmt ist.",
    "The brief gives no current numbers (traffic, conversion, cost per result), so the first day establishes the "
    "baseline.": "Das Briefing nennt keine aktuellen Zahlen (Besucher, Conversion, Kosten pro Ergebnis), deshalb "
    "legt der erste Tag den Ausgangswert fest.",
    "The brief gives no current numbers (traffic, conversion, cost per result), so days 1 to {last} establish the "
    "baseline.": "Das Briefing nennt keine aktuellen Zahlen (Besucher, Conversion, Kosten pro Ergebnis), deshalb "
    "legen die Tage 1 bis {last} den Ausgangswert fest.",
    "If by {when} {channel} has produced no {result} while posting as planned, pause it and move its time and "
    "budget to the channel with the most {result} so far.": "Wenn {channel} bis {when} trotz planmäßiger Beiträge "
    "nichts gebracht hat ({result}), den Kanal pausieren und Zeit und Budget auf den bisher stärksten Kanal "
    "verlagern.",
    "If {metric} is off its target ({target}) at the check at {when}, find where people drop out (landing page, "
    "offer, follow-up) before adding spend.": "Wenn „{metric}“ bei der Prüfung am {when} vom Ziel ({target}) "
    "abweicht, herausfinden, wo Menschen abspringen (Landingpage, Angebot, Nachfassen), bevor mehr Geld "
    "ausgegeben wird.",
    "If {metric} is below {pace} by {when} (a straight-line share of the {target} target), shift effort to the "
    "channel with the most results so far and replace the weakest creative.": "Wenn „{metric}“ bis {when} unter "
    "{pace} liegt (der lineare Anteil am Ziel von {target}), den Aufwand auf den bisher stärksten Kanal verlagern "
    "und das schwächste Motiv ersetzen.",
    "If every KPI is on track at the halfway review (day {day}), keep the channel mix and test one new hook "
    "instead of changing channels.": "Wenn bei der Halbzeitauswertung (Tag {day}) alle Kennzahlen im Plan liegen, "
    "den Kanalmix beibehalten und einen neuen Einstieg testen, statt Kanäle zu wechseln.",
    "If every KPI is on track at {when}, keep the channel mix to the end and put the rest of the budget behind the "
    "posts that work best.": "Wenn am {when} alle Kennzahlen im Plan liegen, den Kanalmix bis zum Schluss "
    "beibehalten und das restliche Budget hinter die Beiträge stellen, die am besten laufen.",
    "A look at the numbers through the day, a check with the client at {when}, and a fuller review after the "
    "campaign.": "Ein Blick auf die Zahlen über den Tag, eine Abstimmung mit dem Kunden am {when} und eine "
    "ausführliche Auswertung nach der Kampagne.",
    "A daily look at the numbers, reviews with the client at the end of days {checkpoint} and {midpoint}, and a "
    "fuller review after the campaign.": "Ein täglicher Blick auf die Zahlen, Auswertungen mit dem Kunden am Ende "
    "der Tage {checkpoint} und {midpoint} und eine ausführliche Auswertung nach der Kampagne.",
    "A daily look at the numbers, a check with the client at {when}, and a fuller review after the campaign.": "Ein "
    "täglicher Blick auf die Zahlen, eine Abstimmung mit dem Kunden am {when} und eine ausführliche Auswertung nach "
    "der Kampagne.",
    # intake's budget spread by the day
    "Spread evenly that is roughly {daily} {currency} a day.": "Gleichmäßig verteilt sind das etwa {daily} "
    "{currency} pro Tag.",
    "A budget of {budget} {currency} is roughly {daily} {currency} a day if spread evenly.": "Ein Budget von "
    "{budget} {currency} sind gleichmäßig verteilt etwa {daily} {currency} pro Tag.",
    # what moves an audience of people, or one the brief does not describe
    "{audience} move when the offer feels worth their time and money, and the first step is easy. The campaign has "
    "to make the reason to act clear and the first step small.": "{audience} handeln, wenn das Angebot ihnen Zeit "
    "und Geld wert ist und der erste Schritt leicht fällt. Die Kampagne muss den Grund zum Handeln klar und den "
    "ersten Schritt klein machen.",
    "{audience} move when {pain} bothers them more than the effort of doing something about it. The campaign has to "
    "make that first step feel small.": "{audience} handeln, wenn das Problem ({pain}) sie mehr stört als der "
    "Aufwand, etwas dagegen zu tun. Die Kampagne muss diesen ersten Schritt klein wirken lassen.",
    "{audience} move when the cost of {pain} feels bigger than the effort of changing what they do today. The "
    "campaign has to lower that effort as much as it raises the pain.": "{audience} handeln, wenn das Problem "
    "({pain}) schwerer wiegt als der Aufwand, etwas an ihrem Vorgehen zu ändern. Die Kampagne muss diesen Aufwand "
    "ebenso senken, wie sie das Problem sichtbar macht.",
    "Reach people in a working frame of mind with practical, story-led posts.": "Menschen im beruflichen Umfeld mit "
    "praktischen Beiträgen erreichen, die eine Geschichte erzählen.",
    "Reach people nearby and in local groups, and retarget people who visited the site.": "Menschen in der Nähe und "
    "in lokalen Gruppen erreichen und Besucher der Website erneut ansprechen.",
    "X, following the conversations they care about": "X, beim Verfolgen der Gespräche, die sie interessieren",
    "Facebook, including local groups": "Facebook, auch in lokalen Gruppen",
    "The buyer": "Die Käuferin", "The everyday user": "Der regelmäßige Nutzer",
    "the person who decides whether to choose {name}": "die Person, die entscheidet, ob es {name} wird",
    "the person who will use {name} most often": "die Person, die {name} am häufigsten nutzen wird",
    "Say plainly who {name} is for ({audience}), then show it on a real example from someone like them, once the "
    "client supplies one.": "Klar sagen, für wen {name} gemacht ist ({audience}), und es an einem echten Beispiel "
    "aus einer ähnlichen Lage zeigen, sobald der Kunde eines liefert.",
    # the narrative's bridge, and gaps the brief leaves
    "Theme: {theme}. Before: {before}. After: {after}. The bridge is {name}: {bridge}.": "Thema: {theme}. Vorher: "
    "{before}. Nachher: {after}. Die Brücke ist {name}: {bridge}.",
    "Theme: {theme}. Before: {before}. After: {after}. The bridge is {name}; what it offers is still to be confirmed "
    "with the client.": "Thema: {theme}. Vorher: {before}. Nachher: {after}. Die Brücke ist {name}; was es bietet, "
    "ist noch mit dem Kunden zu klären.",
    "To confirm with the client: what brings people to {name}": "Mit dem Kunden zu klären: was Menschen zu {name} "
    "bringt",
    "With {name}, {outcome}.": "Mit {name}: {outcome}.",
    "To confirm with the client, once they tell us what brings people to {name}.": "Mit dem Kunden zu klären, "
    "sobald er uns sagt, was Menschen zu {name} bringt.",
    # how often each channel posts in a campaign under a week (strategy/timing.py)
    "One post a day.": "Ein Beitrag pro Tag.",
    "One post a day, plus stories through the day.": "Ein Beitrag pro Tag, dazu Stories über den Tag verteilt.",
    "One post a day, plus replies through the day.": "Ein Beitrag pro Tag, dazu Antworten über den Tag verteilt.",
    "One post a day; ads running throughout.": "Ein Beitrag pro Tag; Anzeigen laufen durchgehend.",
    "One short video a day.": "Ein kurzes Video pro Tag.",
    "One video during the campaign.": "Ein Video während der Kampagne.",
    "One article during the campaign.": "Ein Artikel während der Kampagne.",
    "Running throughout the campaign.": "Durchgehend während der gesamten Kampagne.",
    "One email to opted-in contacts.": "Eine E-Mail an angemeldete Kontakte.",
    "One email a day at most to opted-in contacts.": "Höchstens eine E-Mail pro Tag an angemeldete Kontakte.",
}  # fmt: skip
