"""German: the documents' sentences (see ``translations/__init__.py``). Nouns keep their capitals,
brief phrases too (``phrasebook.keeps_capitals``)."""

from __future__ import annotations

from .de_ops import OPS
from .de_outputs import OUTPUTS
from .de_plans import PLANS
from .de_reports import REPORTS

_STRATEGY = {
    # words and short labels
    "and": "und",
    "a budget still to be confirmed": "ein noch zu bestätigendes Budget",
    "an offer the client has yet to describe": "ein Angebot, das der Kunde noch beschreiben muss",
    "an outcome to confirm with the client": "ein Ergebnis, das mit dem Kunden zu klären ist",
    "a clear, low-risk next step": "einen klaren, risikoarmen nächsten Schritt",
    "the audience": "die Zielgruppe",
    "this category": "diese Kategorie",
    "in {geography}": "in {geography}",
    "to be agreed with the client": "mit dem Kunden zu vereinbaren",
    "to confirm with the client": "mit dem Kunden zu klären",
    "the problem the client solves": "das Problem, das der Kunde löst",
    "the problem as the customer lives it": "das Problem, wie Kunden es erleben",
    "the outcome the client promises": "das Ergebnis, das der Kunde verspricht",
    "the time the problem takes today": "die Zeit, die das Problem heute kostet",
    "is held back by {worry}": "{worry}",
    "has worries still to confirm with the client": "noch mit dem Kunden zu klären",
    "not described yet; confirm it with the client": "noch nicht beschrieben; mit dem Kunden klären",
    "reach among the audience": "Reichweite in der Zielgruppe",
    "visits to the offer page": "Besuche der Angebotsseite",
    "leads": "qualifizierte Kontakte",
    "sales": "Verkäufe",
    "repeat purchases": "Wiederholungskäufe",
    "sign-ups": "Anmeldungen",
    "results": "Ergebnisse",
    "Paid ads": "Bezahlte Anzeigen",
    "Blog": "Blog",
    "The offer": "Das Angebot",
    "Why {name}": "Warum {name}",
    # business reality
    "Offer as briefed: {offer}": "Das Angebot laut Briefing: {offer}",
    "Offer: not described yet; confirm it first.": "Angebot: noch nicht beschrieben; zuerst klären.",
    "Why {name} is different, in the client's words: {usp}":
        "Was {name} unterscheidet, in den Worten des Kunden: {usp}",
    # a campaign's length, by the one rule (text.length_words)
    "1 day": "1 Tag",
    "{days} days": "{days} Tage",
    "1 week": "1 Woche",
    "{weeks} weeks": "{weeks} Wochen",
    "Budget: {budget} over {length}, about {weekly} {currency} a week. Confirm with the client how much of it "
    "is ad spend.": "Budget: {budget} über {length}, etwa {weekly} {currency} pro Woche. Mit dem Kunden "
    "klären, wie viel davon für Anzeigen bestimmt ist.",
    "No budget yet: organic channels only until the client confirms one.":
        "Noch kein Budget: nur organische Kanäle, bis der Kunde eines bestätigt.",
    "What the campaign must achieve: {objectives}.": "Was die Kampagne erreichen muss: {objectives}.",
    "The brief gives no current numbers (traffic, conversion, cost per result), so weeks 1 to {checkpoint} "
    "establish the baseline.": "Das Briefing nennt keine aktuellen Zahlen (Besucher, Conversion, Kosten pro "
    "Ergebnis), deshalb legen die Wochen 1 bis {checkpoint} den Ausgangswert fest.",
    "{name} sells {offer} to {audience}.": "{name} bietet Folgendes an: {offer}; Zielgruppe: {audience}.",
    "{name} sells {offer}.": "{name} bietet Folgendes an: {offer}.",
    "{campaign} has {budget} and {length} to deliver {result}.": "{campaign} hat {budget} und {length}, "
    "um das Ziel zu erreichen ({result}).",
    # market truth
    "Category and market: {category}.": "Kategorie und Markt: {category}.",
    "Category and market: not stated in the brief; confirm both with the client.":
        "Kategorie und Markt: im Briefing nicht genannt; beides mit dem Kunden klären.",
    "How buyers cope today, judging by their pains: {pains}.":
        "Wie Kunden heute zurechtkommen, gemessen an ihren Problemen: {pains}.",
    "What buyers compare {name} with shows in their objections: {objections}.":
        "Ihre Einwände zeigen, womit sie {name} vergleichen: {objections}.",
    "To verify with the client: the two or three alternatives prospects mention most, and how {name} is priced "
    "against them.": "Mit dem Kunden zu prüfen: die zwei oder drei Alternativen, die Interessenten am häufigsten "
    "nennen, und wie {name} im Preis dazu steht.",
    "The brief holds no market research, so this layer records what the client told us about {category}, and marks "
    "what must be checked before the campaign leans on it.": "Das Briefing enthält keine Marktforschung. Dieser "
    "Teil hält fest, was der Kunde uns über seinen Markt ({category}) gesagt hat, und markiert, was zu prüfen ist, bevor die "
    "Kampagne darauf baut.",
    # audience psychology
    "{persona} wants {wants}, {worry}, and is tipped into action by {trigger}.": "{persona} – Wunsch: {wants}; Bedenken: {worry}; Auslöser: {trigger}.",
    "They feel {pain} every week.": "Jede Woche spüren sie das: {pain}.",
    "They run into {pain} again and again.": "Sie erleben das immer wieder: {pain}.",
    "No personas were approved at intake; confirm who buys and who uses before writing creatives.":
        "Bei der Aufnahme wurden keine Personas freigegeben; vor dem Schreiben der Inhalte klären, wer kauft und "
        "wer nutzt.",
    "{audience} move when the cost of {pain} feels bigger than the effort of changing how they work. The campaign "
    "has to lower that effort as much as it raises the pain.": "{audience} handeln, wenn das Problem ({pain}) "
    "schwerer wiegt als der Aufwand, etwas zu ändern. Die Kampagne muss diesen Aufwand ebenso senken, wie sie das "
    "Problem sichtbar macht.",
    # value architecture
    "From {pain} to {outcome}.": "Von „{pain}“ zu „{outcome}“.",
    "The offer that lowers the risk of trying: {offer}": "Das Angebot, das das Risiko des Ausprobierens senkt: "
    "{offer}",
    "Proof: none supplied yet. Before launch, collect for each pillar of the messaging framework: {proof}":
        "Belege: bisher keine. Vor dem Start für jede Säule der Botschaft sammeln: {proof}",
    "Core promise: {promise}.": "Kernversprechen: {promise}.",
    # narrative
    "Recognition: open on the moment itself ({before}), told without judgement.":
        "Wiedererkennen: mit dem Moment selbst beginnen ({before}), ohne zu urteilen.",
    "Turn: show the same moment handled with {name}, step by step.":
        "Wende: denselben Moment mit {name} zeigen, Schritt für Schritt.",
    "Evidence: what changes in practice, using the client's own examples once they are supplied.":
        "Beleg: was sich im Alltag ändert, mit den eigenen Beispielen des Kunden, sobald sie vorliegen.",
    "Invitation: one clear next step, {cta}, with the disclaimer where the offer is named.":
        "Einladung: ein klarer nächster Schritt, {cta}, mit dem Pflichthinweis dort, wo das Angebot genannt wird.",
    # channels
    "{counts}, contributing to {result}.": "{counts}, als Beitrag zum Ziel ({result}).",
    "If by the end of week {week} {channel} has produced no {result} while posting as planned, pause it and move its "
    "time and budget to the channel with the most {result} so far.": "Wenn {channel} bis Ende der Woche {week} "
    "trotz planmäßiger Beiträge nichts gebracht hat ({result}), den Kanal pausieren und Zeit und Budget auf den "
    "bisher stärksten Kanal verlagern.",
    "Reach decision-makers in a working frame of mind with practical, story-led posts.":
        "Entscheider im beruflichen Umfeld mit praktischen Beiträgen erreichen, die eine Geschichte erzählen.",
    "clicks to the landing page from LinkedIn (UTM-tagged)": "Klicks von LinkedIn auf die Zielseite (mit "
    "UTM-Parametern)",
    "Two posts a week.": "Zwei Beiträge pro Woche.",
    "Show the everyday moment the offer changes, in photos, carousels and stories.":
        "Den Alltagsmoment zeigen, den das Angebot verändert, in Fotos, Karussells und Stories.",
    "link clicks from the profile and stories": "Link-Klicks aus Profil und Stories",
    "Three posts a week, plus stories on posting days.": "Drei Beiträge pro Woche, dazu Stories an "
    "Veröffentlichungstagen.",
    "Short practical takes and quick answers; join the conversations the audience already has.":
        "Kurze, praktische Einschätzungen und schnelle Antworten; sich an Gesprächen der Zielgruppe beteiligen.",
    "link clicks and replies from the target audience": "Link-Klicks und Antworten aus der Zielgruppe",
    "One post each weekday and one thread a week.": "Ein Beitrag an jedem Werktag und ein Thread pro Woche.",
    "Nurture people who have raised their hand; answer one objection per email.":
        "Interessenten weiter begleiten; pro E-Mail einen Einwand beantworten.",
    "click-through from email to the offer": "Klicks aus der E-Mail zum Angebot",
    "One email a week to opted-in contacts.": "Eine E-Mail pro Woche an angemeldete Kontakte.",
    "Reach local owners and trade groups, and retarget people who visited the site.":
        "Lokale Inhaber und Fachgruppen erreichen und Besucher der Website erneut ansprechen.",
    "link clicks and cost per result from Facebook": "Link-Klicks und Kosten pro Ergebnis auf Facebook",
    "Three posts a week; ads running throughout.": "Drei Beiträge pro Woche; Anzeigen laufen durchgehend.",
    "Short, real-life videos of the problem and the fix.": "Kurze, echte Videos vom Problem und seiner Lösung.",
    "profile visits and link clicks from TikTok": "Profilbesuche und Link-Klicks von TikTok",
    "Three short videos a week.": "Drei kurze Videos pro Woche.",
    "Walk-throughs and explainers people search for.": "Anleitungen und Erklärvideos, nach denen Menschen suchen.",
    "clicks to the offer from video descriptions": "Klicks aus den Videobeschreibungen zum Angebot",
    "One video every two weeks.": "Ein Video alle zwei Wochen.",
    "Answer the questions buyers search for, and give every other channel something to link to.":
        "Die Fragen beantworten, nach denen Kunden suchen, und allen anderen Kanälen ein Ziel für Links geben.",
    "visits from search and sign-ups from articles": "Besuche über Suchmaschinen und Anmeldungen aus Artikeln",
    "One article every two weeks.": "Ein Artikel alle zwei Wochen.",
    "Put budget behind the organic messages that already work.": "Budget hinter die organischen Botschaften "
    "stellen, die schon funktionieren.",
    "cost per result against the KPI targets": "Kosten pro Ergebnis gemessen an den Zielen",
    "Always on; creative refreshed every two weeks.": "Durchgehend aktiv; Motive alle zwei Wochen erneuert.",
    # constraints
    "Budget: {budget} for {length}; no spend beyond it without the client's approval.":
        "Budget: {budget} für {length}; keine Ausgaben darüber hinaus ohne Zustimmung des Kunden.",
    "Voice: {tone}.": "Tonalität: {tone}.",
    "Languages: {languages}.": "Sprachen: {languages}.",
    "{count} banned words from the brand record; QC blocks any draft using them.":
        "Verbotene Wörter der Marke: {count}; die Qualitätskontrolle blockiert jeden Entwurf, der sie verwendet.",
    "Required disclaimer wherever the offer or price appears: {disclaimer}.":
        "Pflichthinweis überall, wo Angebot oder Preis erscheinen: {disclaimer}.",
    "No claims we cannot prove yet: no numbers, results or testimonials until the client supplies them.":
        "Keine Aussagen, die wir noch nicht belegen können: keine Zahlen, Ergebnisse oder Erfahrungsberichte, "
        "bis der Kunde sie liefert.",
    "Regulated health care: no testimonials, before/after pictures or promised outcomes in any asset, whatever the "
    "client supplies; QC blocks them.": "Regulierter Gesundheitsbereich: keine Erfahrungsberichte, "
    "Vorher-nachher-Bilder oder versprochenen Ergebnisse in irgendeinem Inhalt, egal was der Kunde liefert; die "
    "Qualitätskontrolle blockiert sie.",
    "Regulated financial services: no testimonials, before/after pictures or promised outcomes in any asset, "
    "whatever the client supplies; QC blocks them.": "Regulierte Finanzdienstleistungen: keine "
    "Erfahrungsberichte, Vorher-nachher-Bilder oder versprochenen Ergebnisse in irgendeinem Inhalt, egal was der "
    "Kunde liefert; die Qualitätskontrolle blockiert sie.",
    "Landing destination: {website}.": "Zielseite: {website}.",
    "No website: confirm where calls to action should send people.":
        "Keine Website: klären, wohin die Aufrufe zum Handeln führen sollen.",
    "Rule from the brief: {rule}": "Regel aus dem Briefing: {rule}",
    # measurement
    "If {metric} is off its target ({target}) at the week-{week} review, find where people drop out (landing page, "
    "offer, follow-up) before adding spend.": "Wenn „{metric}“ bei der Auswertung in Woche {week} vom Ziel "
    "({target}) abweicht, herausfinden, wo Menschen abspringen (Zielseite, Angebot, Nachfassen), bevor mehr Budget "
    "fließt.",
    "If {metric} is below {pace} by the end of week {week} (a straight-line share of the {target} target), shift "
    "effort to the channel with the most results so far and replace the weakest creative.": "Wenn „{metric}“ bis "
    "Ende der Woche {week} unter {pace} liegt (der lineare Anteil am Ziel von {target}), den Aufwand auf den "
    "stärksten Kanal verlagern und den schwächsten Inhalt ersetzen.",
    "If a channel meets its kill criteria, pause it and move its budget to the best-performing channel.":
        "Wenn ein Kanal seine Abbruchkriterien erfüllt, ihn pausieren und sein Budget auf den stärksten Kanal "
        "verlagern.",
    "If every KPI is on track at the halfway review (week {week}), keep the channel mix and test one new hook a week "
    "instead of changing channels.": "Wenn bei der Halbzeitauswertung (Woche {week}) alle Kennzahlen im Plan "
    "liegen, den Kanalmix beibehalten und jede Woche einen neuen Einstieg testen, statt Kanäle zu wechseln.",
    "{name} is measured against the client's own KPI targets, listed below, and nothing else.":
        "{name} wird an den eigenen Zielen des Kunden gemessen, die unten stehen, und an nichts anderem.",
    "No KPI targets were agreed at intake. Agree them with the client before launch; until then the decision rules "
    "below use the direction of travel, not numbers.": "Bei der Aufnahme wurden keine Ziele vereinbart. Sie vor "
    "dem Start mit dem Kunden festlegen; bis dahin folgen die Entscheidungsregeln unten der Richtung, nicht "
    "Zahlen.",
    "A weekly look at the numbers, and fuller reviews with the client at weeks {checkpoint} and {midpoint}.":
        "Ein wöchentlicher Blick auf die Zahlen und ausführliche Auswertungen mit dem Kunden in den Wochen "
        "{checkpoint} und {midpoint}.",
    # objections and messaging
    "Acknowledge the cost, then set it against what it replaces ({pain}), and point to the terms of the offer: "
    "{offer}.": "Die Kosten anerkennen, dem gegenüberstellen, was sie ersetzen ({pain}), und auf die Bedingungen "
    "des Angebots verweisen: {offer}.",
    "Invite them to try it with their own team first.": "Sie einladen, es zuerst mit dem eigenen Team zu testen.",
    "Show how little it asks of them: {name} {usp}.": "Zeigen, wie wenig es verlangt: {name}, kurz gesagt: {usp}.",
    "Say plainly who {name} is for ({audience}), then show it on a real example from a business like theirs, once "
    "the client supplies one.": "Klar sagen, für wen {name} gemacht ist ({audience}), und es an einem echten "
    "Beispiel aus einer ähnlichen Lage zeigen, sobald der Kunde eines liefert.",
    "Take {objection} seriously and answer with what {name} actually does: {usp}.":
        "Den Einwand {objection} ernst nehmen und mit dem antworten, was {name} tatsächlich leistet: {usp}.",
    "Take {objection} seriously: ask the client how their best customers got past it.":
        "Den Einwand {objection} ernst nehmen: den Kunden fragen, wie seine besten Kunden ihn überwunden haben.",
    "Answer {objection} with the smallest next step ({cta}), so they can judge for themselves.":
        "Auf {objection} mit dem kleinsten nächsten Schritt antworten ({cta}), damit sie selbst urteilen können.",
    "Ask the client how they answer {objection} today, and use their words (with permission).":
        "Den Kunden fragen, wie er heute auf {objection} antwortet, und seine Worte nutzen (mit Erlaubnis).",
    "{name}, for {audience}.": "{name}, für {audience}.",
    "For {audience}.": "Für {audience}.",
    "The problem: {pain}.": "Das Problem: {pain}.",
    "What {name} offers: {offer}.": "Was {name} bietet: {offer}.",
    "Why it is different: {usp}.": "Was es anders macht: {usp}.",
    "Positioning for {name} to be agreed once the offer and audience are confirmed.":
        "Positionierung von {name} festlegen, sobald Angebot und Zielgruppe bestätigt sind.",
    "The risk of trying something new.": "Das Risiko, etwas Neues auszuprobieren.",
    "The exact terms, confirmed in writing before any asset quotes them.":
        "Die genauen Bedingungen, schriftlich bestätigt, bevor ein Inhalt sie zitiert.",
    "To confirm with the client.": "Mit dem Kunden zu klären.",
    "{name} for {audience}": "{name} für {audience}",
    "What {name} does best, in the client's words": "Was {name} am besten kann, in den Worten des Kunden",
    "Why customers chose the client, in their own words.": "Warum sich Kunden für die Marke entschieden haben, in "
    "ihren eigenen Worten.",
    "Talk to {name}": "Sprechen Sie mit {name}",
    # sectors (proof)
    "A real example of {name} delivering this (a customer's story, a screenshot, a before and after), with "
    "permission to use it.": "Ein echtes Beispiel dafür, was {name} leistet (die Geschichte eines Kunden, ein "
    "Screenshot, ein Vorher-nachher), mit Erlaubnis zur Nutzung.",
    "Real photos of the product and the place, and a customer review quoted with permission.":
        "Echte Fotos vom Produkt und vom Ort, dazu eine Kundenbewertung, mit Erlaubnis zitiert.",
    "What the organisation has actually done (parcels packed, hours given, animals rehomed), from its own records, "
    "and a supporter's words with their permission.": "Was die Organisation tatsächlich geleistet hat (gepackte "
    "Pakete, geschenkte Stunden, vermittelte Tiere), aus ihren eigenen Unterlagen, und die Worte eines Unterstützers "
    "mit seiner Erlaubnis.",
    "Verifiable facts only: registrations and qualifications, opening hours, waiting times, what the first "
    "appointment involves. No testimonials, before/after images or outcome claims (advertising rules for health care "
    "forbid them in many countries).": "Nur überprüfbare Fakten: Zulassungen und Qualifikationen, Öffnungszeiten, "
    "Wartezeiten, was beim ersten Termin passiert. Keine Erfahrungsberichte, Vorher-nachher-Bilder oder "
    "Ergebnisversprechen (das Heilmittelwerberecht verbietet sie in vielen Ländern).",
    "Verifiable facts only: the firm's authorisation, fees and charges, how the process works, the required risk "
    "warnings. No testimonials, past-performance or outcome claims (financial promotion rules).": "Nur überprüfbare "
    "Fakten: die Zulassung des Unternehmens, Gebühren und Kosten, der Ablauf, die vorgeschriebenen Risikohinweise. "
    "Keine Erfahrungsberichte, früheren Wertentwicklungen oder Ergebnisversprechen (Regeln für Finanzwerbung).",
}

_INTAKE = {
    # client summary
    "{name} offers {offer} to {audience}.": "{name} bietet Folgendes an: {offer}; Zielgruppe: {audience}.",
    "{name}: {what}, brief still to be completed.": "{name}: {what}, Briefing noch zu vervollständigen.",
    "a new client": "ein neuer Kunde",
    "{name} works in {industry} and sells in {geography}.": "Branche von {name}: {industry}; Markt: {geography}.",
    "{name} works in {industry}.": "Branche von {name}: {industry}.",
    "{name} sells in {geography}.": "Markt von {name}: {geography}.",
    "{name} has not told us its industry or market yet.": "{name} hat uns Branche und Markt noch nicht genannt.",
    "Its website is {website}; campaign links point there unless the client names a better landing page.":
        "Die Website ist {website}; die Links der Kampagne führen dorthin, sofern der Kunde keine bessere Zielseite "
        "nennt.",
    "The client has no website, so every call to action needs another destination (a booking form, a phone line or "
    "a social profile); confirm which one with the client.": "Der Kunde hat keine Website, daher braucht jeder "
    "Aufruf zum Handeln ein anderes Ziel (ein Buchungsformular, eine Telefonnummer oder ein Social-Media-Profil); "
    "mit dem Kunden klären, welches.",
    "Content will be written in {languages}.": "Die Inhalte werden in diesen Sprachen geschrieben: {languages}.",
    "{offer} Quote the offer exactly as briefed; anything beyond it (discounts, guarantees, new prices) needs the "
    "client's sign-off first.": "{offer} Das Angebot genau wie im Briefing zitieren; alles darüber hinaus "
    "(Rabatte, Garantien, neue Preise) braucht zuerst die Freigabe des Kunden.",
    "The brief does not describe the offer yet. Confirm with the client what exactly we are selling, at what price "
    "and on what terms.": "Das Briefing beschreibt das Angebot noch nicht. Mit dem Kunden klären, was genau wir "
    "verkaufen, zu welchem Preis und zu welchen Bedingungen.",
    "In the client's words: {usp} Every asset should make this difference concrete for the reader.":
        "In den Worten des Kunden: {usp} Jeder Inhalt soll diesen Unterschied für die Leser greifbar machen.",
    "No unique selling point was given. Ask the client why their best customers chose {name} over the "
    "alternatives, in the customers' own words.": "Es wurde kein Alleinstellungsmerkmal genannt. Den Kunden "
    "fragen, warum sich seine besten Kunden für {name} und gegen die Alternativen entschieden haben, in ihren "
    "eigenen Worten.",
    "The brief does not name the audience yet.": "Das Briefing nennt die Zielgruppe noch nicht.",
    "What hurts today: {pains}.": "Was heute schmerzt: {pains}.",
    "What they want instead: {outcomes}.": "Was sie sich stattdessen wünschen: {outcomes}.",
    "Objective: {objective}, which here means {meaning}.": "Ziel: {objective}, das heißt hier: {meaning}.",
    "awareness": "Bekanntheit", "consideration": "Interesse", "leads": "qualifizierte Kontakte",
    "sales": "Verkäufe", "retention": "Kundenbindung", "launch": "Markteinführung",
    "being known and remembered by the right people": "bei den richtigen Menschen bekannt sein und in Erinnerung "
    "bleiben",
    "getting the right people to look closely at the offer": "die richtigen Menschen dazu bringen, sich das "
    "Angebot genau anzusehen",
    "qualified people raising their hand, not just reach": "qualifizierte Interessenten, die sich melden, nicht "
    "nur Reichweite",
    "paying customers, not just interest": "zahlende Kunden, nicht nur Interesse",
    "existing customers staying and buying again": "Bestandskunden, die bleiben und wieder kaufen",
    "a strong first wave of attention and sign-ups for something new": "eine starke erste Welle von "
    "Aufmerksamkeit und Anmeldungen für etwas Neues",
    "The KPI targets below are the client's own; the strategy measures against these and no others.":
        "Die Ziele unten sind die des Kunden; die Strategie misst sich an ihnen und an keinen anderen.",
    "No KPI targets were given; agree them with the client before the strategy is approved.":
        "Es wurden keine Ziele genannt; sie mit dem Kunden vereinbaren, bevor die Strategie freigegeben wird.",
    "{count} phrase of the brief uses the brand's banned words and is left out of every draft; ask the client how they would say it instead.":
        '{count} Formulierung des Briefings enthält verbotene Wörter der Marke; sie fehlt in allen Entwürfen; den Kunden fragen, wie er sie anders sagen würde.',
    "{count} phrases of the brief use the brand's banned words and are left out of every draft; ask the client how they would say them instead.":
        '{count} Formulierungen des Briefings enthalten verbotene Wörter der Marke; sie fehlen in allen Entwürfen; den Kunden fragen, wie er sie anders sagen würde.',
    # budget and timing
    "The campaign runs from {start} to {end} ({weeks} weeks).": "Die Kampagne läuft vom {start} bis {end} ({weeks} "
    "Wochen).",
    "The campaign runs from {start} to {end} (1 week).": "Die Kampagne läuft vom {start} bis {end} (1 Woche).",
    "The campaign runs from {start} to {end} ({days} days).": "Die Kampagne läuft vom {start} bis {end} "
    "({days} Tage).",
    "The campaign runs on {start} (1 day).": "Die Kampagne läuft am {start} (1 Tag).",
    "Start and end dates are not set yet; confirm them with the client.": "Start- und Enddatum stehen noch nicht "
    "fest; mit dem Kunden klären.",
    "day": "Tag", "week": "Woche", "month": "Monat", "quarter": "Quartal", "year": "Jahr",
    "The client's budget is {amount} {currency} per {period}; with no campaign dates the total is not known yet, "
    "so confirm the dates.": "Das Budget des Kunden beträgt {amount} {currency} pro {period}; ohne Kampagnendaten "
    "ist die Gesamtsumme noch offen, daher die Daten klären.",
    "The client's budget is {amount} {currency} per {period}, {total} {currency} over the campaign's dates.":
        "Das Budget des Kunden beträgt {amount} {currency} pro {period}, {total} {currency} über die Laufzeit der "
        "Kampagne.",
    "Spread evenly that is roughly {weekly} {currency} a week.": "Gleichmäßig verteilt sind das etwa {weekly} "
    "{currency} pro Woche.",
    "No budget was given; confirm it before channels are chosen, since it decides how much paid reach is possible.":
        "Es wurde kein Budget genannt; es vor der Kanalwahl klären, denn es entscheidet, wie viel bezahlte "
        "Reichweite möglich ist.",
    "A budget of {budget} {currency} is roughly {weekly} {currency} a week if spread evenly.":
        "Ein Budget von {budget} {currency} sind gleichmäßig verteilt etwa {weekly} {currency} pro Woche.",
    "The budget is {budget} {currency} for the whole campaign.": "Das Budget beträgt {budget} {currency} für die "
    "gesamte Kampagne.",
    # open questions
    "What exactly is the offer (product, price, terms) we can promote?": "Was genau ist das Angebot (Produkt, "
    "Preis, Bedingungen), das wir bewerben dürfen?",
    "Why do customers choose {name} over the alternatives, in their own words?": "Warum entscheiden sich Kunden "
    "für {name} statt für die Alternativen, in ihren eigenen Worten?",
    "Who precisely is the audience: role, size of business or household, location?": "Wer genau ist die "
    "Zielgruppe: Rolle, Größe des Unternehmens oder Haushalts, Ort?",
    "Which problems bring customers to the client in the first place?": "Welche Probleme führen Kunden überhaupt "
    "zur Marke?",
    "Which KPI targets will the campaign be judged on (metric, number, unit)?": "An welchen Zielen wird die "
    "Kampagne gemessen (Kennzahl, Wert, Einheit)?",
    "What is the campaign budget, and does it include ad spend?": "Wie hoch ist das Kampagnenbudget, und enthält "
    "es die Werbeausgaben?",
    "Where should calls to action send people, given there is no website?": "Wohin sollen die Aufrufe zum Handeln "
    "führen, da es keine Website gibt?",
    "Which proof can we quote publicly (customer names, reviews, results, with permission)? The brief includes none, "
    "so the drafts make no performance claims until the client supplies it.": "Welche Belege dürfen wir "
    "öffentlich zitieren (Kundennamen, Bewertungen, Ergebnisse, mit Erlaubnis)? Das Briefing enthält keine, daher "
    "machen die Entwürfe keine Leistungsversprechen, bis der Kunde sie liefert.",
    "How does the team answer {objection} today?": "Wie antwortet das Team heute auf {objection}?",
    "Their own words make the best copy.": "Ihre eigenen Worte sind der beste Text.",
    "Must the disclaimer appear on every post, or only where the offer or price is named?": "Muss der "
    "Pflichthinweis in jedem Beitrag stehen oder nur dort, wo Angebot oder Preis genannt werden?",
    # personas
    "the client's audience": "die Zielgruppe des Kunden",
    "a first conversation with {name}": "ein erstes Gespräch mit {name}",
    "To confirm with the client: the channels and communities these buyers already use":
        "Mit dem Kunden zu klären: die Kanäle und Gemeinschaften, die diese Kunden schon nutzen",
    "Among {audience}, this is {role}.": "In dieser Zielgruppe ({audience}) ist das {role}.",
    "Among {audience}, {role}.": "In dieser Zielgruppe ({audience}): {role}.",
    "They will judge {name} on whether it delivers {outcome} without adding risk or work.": "Diese Person "
    "beurteilt {name} danach, ob es Folgendes bringt: {outcome}, ohne zusätzliches Risiko oder zusätzliche Arbeit.",
    "Another week of {pain}.": "Wieder eine Woche mit demselben Problem: {pain}.",
    "{pain}, once again.": "{pain}, schon wieder.",
    "{outcome}, without {pain}.": "{outcome}, ohne das: {pain}.",
    "If it makes their week harder, the purchase stalls, whatever the decision-maker thinks.": "Wenn es die Woche "
    "schwerer macht, stockt der Kauf, egal was die entscheidende Person denkt.",
    "When it happens again: {pain}.": "Wenn es wieder passiert: {pain}.",
    "With {name}, {outcome}: no more {pain}.": "Mit {name}: {outcome}. Schluss damit: {pain}.",
    "The cautious evaluator": "Die vorsichtige Prüferin",
    "Someone among {audience} who has heard promises before. Interested, but looking for reasons to say no: "
    "{objections}.": "Jemand aus dieser Zielgruppe ({audience}), der schon viele Versprechen gehört hat. "
    "Interessiert, sucht aber Gründe, nein zu sagen: {objections}.",
    "Avoid a wasted purchase or a painful switch.": "Einen Fehlkauf oder einen mühsamen Wechsel vermeiden.",
    "See {name} working in a situation like theirs before committing.": "{name} in einer ähnlichen Lage in Aktion "
    "sehen, bevor sie sich festlegt.",
    "A recommendation from a peer they trust.": "Eine Empfehlung von jemandem, dem sie vertraut.",
    "Answer {objection} head-on, then point to the offer: {offer}.": "Direkt auf {objection} eingehen, dann auf "
    "das Angebot verweisen: {offer}.",
    # channel places
    "LinkedIn, in a professional frame of mind": "LinkedIn, im beruflichen Modus",
    "Instagram, between tasks": "Instagram, zwischendurch",
    "X, following industry conversation": "X, beim Verfolgen der Branchengespräche",
    "their inbox, if they have opted in": "das Postfach, wenn sie zugestimmt haben",
    "Facebook, including local and trade groups": "Facebook, auch in lokalen Gruppen und Fachgruppen",
    "TikTok, in short videos": "TikTok, in kurzen Videos",
    "YouTube, when they look up how to do something": "YouTube, wenn sie nachschauen, wie etwas geht",
    "search, when they look for answers to a specific problem": "Suchmaschinen, wenn sie Antworten auf ein "
    "bestimmtes Problem suchen",
    "paid placements on the platforms above": "bezahlte Platzierungen auf den Plattformen oben",
    # sectors (people)
    "The decision-maker": "Die Entscheiderin", "The day-to-day user": "Der tägliche Nutzer",
    "The regular": "Der Stammkunde", "The first-timer": "Die Erstkundin", "The supporter": "Der Unterstützer",
    "The volunteer": "Die Ehrenamtliche", "The patient": "Der Patient", "The family member": "Die Angehörige",
    "The applicant": "Der Antragsteller", "The partner": "Die Partnerin",
    "the person who owns the budget and answers for the result": "die Person, die das Budget verantwortet und "
    "für das Ergebnis geradesteht",
    "the person who will live with {name} every week": "die Person, die jede Woche mit {name} arbeiten wird",
    "someone who already buys this kind of thing and could make {name} a habit": "jemand, der so etwas schon "
    "kauft und {name} zur Gewohnheit machen könnte",
    "someone who has walked past {name} but never come in": "jemand, der schon an {name} vorbeigegangen, aber nie "
    "hereingekommen ist",
    "someone who gives money when an appeal is clear and trusted": "jemand, der spendet, wenn ein Aufruf klar und "
    "vertrauenswürdig ist",
    "someone with a few hours to give, who wants to know what the time achieves": "jemand mit ein paar freien "
    "Stunden, der wissen will, was die Zeit bewirkt",
    "the person with the health concern, deciding whether to book": "die Person mit dem gesundheitlichen "
    "Anliegen, die überlegt, einen Termin zu buchen",
    "someone who helps a partner or parent decide and book": "jemand, der dem Partner oder einem Elternteil beim "
    "Entscheiden und Buchen hilft",
    "the person whose money or home is at stake, deciding whether to act": "die Person, deren Geld oder Zuhause auf "
    "dem Spiel steht und die überlegt, zu handeln",
    "the person they decide with at the kitchen table": "die Person, mit der am Küchentisch entschieden wird",
    "A way to try it on their own data or site before committing.": "Eine Möglichkeit, es mit eigenen Daten oder "
    "der eigenen Website zu testen, bevor man sich festlegt.",
    "A first visit or first order that costs little, with the offer in hand.": "Ein erster Besuch oder eine erste "
    "Bestellung, die wenig kostet, mit dem Angebot in der Hand.",
    "A small first step (one donation, one shift) with a clear account of where it goes.": "Ein kleiner erster "
    "Schritt (eine Spende, eine Schicht) mit einer klaren Auskunft, wohin er geht.",
    "A first appointment or assessment, with what happens in it explained plainly.": "Ein erster Termin oder eine "
    "Untersuchung, deren Ablauf verständlich erklärt wird.",
    "A free first conversation or a quote, with the costs and risks stated up front.": "Ein kostenloses "
    "Erstgespräch oder ein Angebot, mit Kosten und Risiken von Anfang an offen genannt.",
    # voice guide
    "its customers": "ihre Kunden",
    "{name} sounds {tone}. Every line should read as if it comes from someone who knows the daily life of "
    "{audience} first-hand, not from a vendor.": "Die Tonalität von {name}: {tone}. Jede Zeile soll klingen, als "
    "käme sie von jemandem, der den Alltag dieser Zielgruppe ({audience}) aus erster Hand kennt, nicht von einem "
    "Verkäufer.",
    "The client has not described the voice of {name} yet. Until they do, write plainly and specifically, and ask "
    "the client for three words that describe how they want to sound.": "Der Kunde hat die Tonalität von {name} "
    "noch nicht beschrieben. Bis dahin klar und konkret schreiben und den Kunden um drei Wörter bitten, die "
    "beschreiben, wie er klingen möchte.",
    "Let {word} show in word choice and rhythm: read each draft aloud and check it sounds {word}.": "{word} in "
    "Wortwahl und Rhythmus spürbar machen: jeden Entwurf laut lesen und prüfen, ob er so klingt ({word}).",
    "Lines that would sound out of place next to the word {word}.": "Zeilen, die neben dem Wort {word} fehl am "
    "Platz wirken würden.",
    "Name the situation, not the category": "Die Situation benennen, nicht die Kategorie",
    "Start from a moment the reader recognises: {pain}.": "Bei einem Moment ansetzen, den die Leser kennen: {pain}.",
    "Start from a moment the reader recognises in their own week.": "Bei einem Moment ansetzen, den die Leser aus "
    "ihrer eigenen Woche kennen.",
    "Describe {name} with category labels the reader would never use themselves.": "{name} mit "
    "Kategoriebegriffen beschreiben, die die Leser selbst nie verwenden würden.",
    "Promise only what the client can show": "Nur versprechen, was der Kunde zeigen kann",
    "Describe the outcome the client offers: {outcome}.": "Das Ergebnis beschreiben, das der Kunde bietet: "
    "{outcome}.",
    "Describe the outcome in the reader's terms, as the client states it.": "Das Ergebnis in den Worten der Leser "
    "beschreiben, so wie der Kunde es formuliert.",
    "Numbers, results, awards or testimonials the client has not supplied and approved.": "Zahlen, Ergebnisse, "
    "Auszeichnungen oder Erfahrungsberichte, die der Kunde nicht geliefert und freigegeben hat.",
    "Use the disclaimer word for word wherever the offer or price is mentioned (ads, emails, posts that name the "
    "offer); never paraphrase or shorten it.": "Den Pflichthinweis wörtlich verwenden, wo immer Angebot oder Preis "
    "genannt werden (Anzeigen, E-Mails, Beiträge mit dem Angebot); ihn nie umschreiben oder kürzen.",
    "The client listed no disclaimers; confirm that none are required for {name}'s market before launch.":
        "Der Kunde hat keine Pflichthinweise genannt; vor dem Start klären, dass im Markt von {name} keine nötig "
        "sind.",
    "{pain}? It doesn't have to go like that.": "{pain}? Das muss nicht so bleiben.",
    "{outcome}. That's the whole point of {name}.": "{outcome}. Genau dafür gibt es {name}.",
    "{name}, explained in plain words.": "{name}, in einfachen Worten erklärt.",
    # tone advice (do, don't)
    "Open with the reader's situation and acknowledge it before offering anything.": "Mit der Situation der Leser "
    "beginnen und sie anerkennen, bevor etwas angeboten wird.",
    "Cold, corporate phrasing, or talking about ourselves before them.": "Kalte Konzernsprache oder über uns "
    "reden, bevor es um sie geht.",
    "Short sentences and everyday words, one idea per sentence.": "Kurze Sätze und Alltagswörter, ein Gedanke pro "
    "Satz.",
    "Jargon, buzzwords and stacked adjectives.": "Fachjargon, Modewörter und gestapelte Adjektive.",
    "Tie every claim to a concrete moment in the reader's week.": "Jede Aussage an einen konkreten Moment in der "
    "Woche der Leser knüpfen.",
    "Abstract promises with no situation attached.": "Abstrakte Versprechen ohne konkrete Situation.",
    "Say what the product does, directly, in the active voice.": "Direkt und im Aktiv sagen, was das Produkt tut.",
    "Hedging (\u201cmight possibly help\u201d) and exaggeration alike.": "Ausweichende Formulierungen („könnte "
    "eventuell helfen“) ebenso wie Übertreibungen.",
    "Write as you would speak to a customer you like: contractions are fine.": "So schreiben, wie man mit einem "
    "geschätzten Kunden sprechen würde: natürlich und locker.",
    "Forced jokes or over-familiar slang.": "Erzwungene Witze oder zu vertrauliche Umgangssprache.",
    "Explain the why behind a recommendation in one plain sentence.": "Das Warum hinter einer Empfehlung in einem "
    "einfachen Satz erklären.",
    "Showing off knowledge the reader did not ask for.": "Mit Wissen glänzen, nach dem die Leser nicht gefragt "
    "haben.",
    "Precise wording, correct terms, tidy structure.": "Präzise Formulierungen, korrekte Begriffe, klare Struktur.",
    "Stiffness: professional does not mean formal.": "Steifheit: professionell heißt nicht förmlich.",
    "A light touch in hooks and headlines, once per piece.": "Eine leichte Note in Einstiegen und Überschriften, "
    "einmal pro Text.",
    "Wordplay that hides what we are actually offering.": "Wortspiele, die verdecken, was wir tatsächlich anbieten.",
    "Reassure with specifics: what happens next, and what it asks of the reader.": "Mit Konkretem beruhigen: was "
    "als Nächstes passiert und was es von den Lesern verlangt.",
    "Urgency tactics and alarmist framing.": "Druck durch Dringlichkeit und alarmierende Töne.",
    "Lead with the point, then the detail.": "Erst der Kern, dann die Details.",
    "Long wind-ups before the reader knows why they should care.": "Lange Anläufe, bevor die Leser wissen, warum es "
    "sie angeht.",
}

CATALOG = {**REPORTS, **OPS, **_STRATEGY, **_INTAKE, **OUTPUTS, **PLANS}
