"""German: monitoring's performance report and recommendations, learn's lessons, and the client
pack's headings and checklist (see ``translations/__init__.py``).
No digits in these sentences: monitoring's grounding rule checks every figure of the narrative
against the KPI table, so numbers come only from the blanks, formatted as the table has them."""

from __future__ import annotations

# Monitoring: the report's headings, the narrative and the targets' statuses.
_MONITORING = {
    "met": "erreicht",
    "ahead of pace": "vor dem Zeitplan",
    "behind pace": "hinter dem Zeitplan",
    "not met": "nicht erreicht",
    "on target": "im Ziel",
    "above target": "über dem Ziel",
    "below target": "unter dem Ziel",
    "n/a (no data for the ratio)": "n/a (keine Daten für diese Kennzahl)",
    "high priority": "hohe Priorität",
    "medium priority": "mittlere Priorität",
    "low priority": "niedrige Priorität",
    "the campaign": "die Kampagne",
    "**Example data.** These figures come from {source}, example data shipped with AICMO Workbench to show how the report works. They are not real campaign results.":
        "**Beispieldaten.** Diese Zahlen stammen aus {source}, Beispieldaten, die AICMO Workbench beiliegen, um zu zeigen, wie der Bericht funktioniert. Es sind keine echten Kampagnenergebnisse.",
    "Reporting period filter: {start} to {end}": "Filter für den Berichtszeitraum: {start} bis {end}",
    "Targets not measured by this data: {metrics}": "Ziele, die diese Daten nicht messen: {metrics}",
    "Performance report: {name}": "Leistungsbericht: {name}",
    "Recommendations: {name}": "Empfehlungen: {name}",
    "Data note from the file": "Hinweis aus der Datei",
    "first row": "erste Zeile",
    "last row": "letzte Zeile",
    "Source: {source} · platforms: {platforms}": "Quelle: {source} · Plattformen: {platforms}",
    "KPIs (computed from the data)": "Kennzahlen (aus den Daten berechnet)",
    "Charts": "Diagramme",
    "Insights": "Erkenntnisse",
    "Data notes": "Hinweise zu den Daten",
    "From the performance report for {start} to {end}; every figure is from its KPI table.":
        "Aus dem Leistungsbericht für {start} bis {end}; jede Zahl stammt aus seiner Kennzahlentabelle.",
    "What to watch next": "Worauf als Nächstes zu achten ist",
    "From {start} to {end}: {leads} leads from {spend} of spend, a cost per lead of {cpl}.":
        "Von {start} bis {end}: {leads} Kontakte bei {spend} Ausgaben, Kosten pro Kontakt von {cpl}.",
    "From {start} to {end}: {leads} leads; spend is not measured by this data, so there is no cost per lead.":
        "Von {start} bis {end}: {leads} Kontakte; diese Daten messen keine Ausgaben, daher gibt es keine Kosten pro Kontakt.",
    "From {start} to {end}: no leads yet from {spend} of spend.": "Von {start} bis {end}: noch keine Kontakte bei {spend} Ausgaben.",
    "{clicks} clicks from {impressions} impressions (CTR {ctr}) brought {leads} leads.":
        "{clicks} Klicks aus {impressions} Impressionen (CTR {ctr}) brachten {leads} Kontakte.",
    "{clicks} clicks (impressions are not measured by this data) brought {leads} leads.":
        "{clicks} Klicks (diese Daten messen keine Impressionen) brachten {leads} Kontakte.",
    "Totals": "Summen",
    "In {week} leads rose by {amount} against the week before, to {leads} leads":
        "In {week} stiegen die Kontakte gegenüber der Vorwoche um {amount} auf {leads} Kontakte",
    "In {week} leads fell by {amount} against the week before, to {leads} leads":
        "In {week} sanken die Kontakte gegenüber der Vorwoche um {amount} auf {leads} Kontakte",
    "In {week} leads held steady against the week before, to {leads} leads":
        "In {week} blieben die Kontakte gegenüber der Vorwoche stabil bei {leads} Kontakten",
    " at a cost per lead of {cpl}": " bei Kosten pro Kontakt von {cpl}",
    "By ISO week, leads vs previous week": "Nach ISO-Woche, Kontakte gegenüber der Vorwoche",
    "Whether the fall in leads in {week} continues into the next week.": "Ob sich der Rückgang der Kontakte aus {week} in der nächsten Woche fortsetzt.",
    'Whether the fall in leads in {week} continues for the rest of the campaign.':
        'Ob der Rückgang der Kontakte in {week} bis zum Ende der Kampagne anhält.',
    "Target {metric}: {actual} so far for {target}, against {expected} expected by now ({status}).":
        "Ziel {metric}: bisher {actual} von {target}, gegenüber {expected}, die bis jetzt erwartet wurden ({status}).",
    "Target {metric}: {actual} so far for {target} ({status}).": "Ziel {metric}: bisher {actual} von {target} ({status}).",
    "Agree with the client how to close the gap on {metric} before the next report.":
        "Mit dem Kunden vor dem nächsten Bericht vereinbaren, wie die Lücke bei {metric} geschlossen wird.",
    "{metric} is at {actual} for a target of {target} ({status}).": "{metric} liegt bei {actual} bei einem Ziel von {target} ({status}).",
    "Keep budget on {names}, where cost per lead is within the target, and cut the platforms above it.":
        "Das Budget bei {names} lassen, wo die Kosten pro Kontakt im Ziel liegen, und die Plattformen darüber kürzen.",
    "Test a new offer or landing page before adding budget: no platform is within the target yet.":
        "Ein neues Angebot oder eine neue Landingpage testen, bevor mehr Budget fließt: Noch keine Plattform liegt im Ziel.",
    "Cost per lead is {actual} against a target of {target}.": "Die Kosten pro Kontakt liegen bei {actual} bei einem Ziel von {target}.",
    "Keep the current plan and budget split, and review this table again next week.":
        "Den aktuellen Plan und die Budgetverteilung beibehalten und diese Tabelle nächste Woche erneut prüfen.",
    "No platform or target in this data calls for a change yet.": "Keine Plattform und kein Ziel in diesen Daten verlangt bisher eine Änderung.",
    "{platform} has the lowest cost per lead among platforms with spend: {cpl}, with {share} of all leads.":
        "{platform} hat unter den Plattformen mit Ausgaben die niedrigsten Kosten pro Kontakt: {cpl}, mit {share} aller Kontakte.",
    "By platform, CPL and share of leads": "Nach Plattform, Kosten pro Kontakt und Anteil an den Kontakten",
    "Keep this plan and budget split as the starting point for the next campaign.":
        "Diesen Plan und diese Budgetverteilung als Ausgangspunkt für die nächste Kampagne beibehalten.",
    "Keep the current plan and budget split, and review this table again before the campaign ends.":
        "Den aktuellen Plan und die Budgetverteilung beibehalten und diese Tabelle vor dem Ende der Kampagne erneut prüfen.",
    "{platform} is the only platform in this data; its cost per lead is {cpl}.":
        "{platform} ist die einzige Plattform in diesen Daten; die Kosten pro Kontakt liegen bei {cpl}.",
    "By platform, CPL":
        "Nach Plattform, Kosten pro Kontakt",
    "In the next campaign, give {best} a larger share of the budget than {worst}, then compare cost per lead again.":
        "In der nächsten Kampagne {best} einen größeren Anteil am Budget geben als {worst} und dann die Kosten pro Kontakt erneut vergleichen.",
    "Move part of the {worst} budget to {best} for the rest of the campaign, then compare cost per lead again.":
        "Einen Teil des Budgets von {worst} bis zum Ende der Kampagne zu {best} verlagern und dann die Kosten pro Kontakt erneut vergleichen.",
    "{platform} has the highest cost per lead: {cpl}, taking {spend_share} of spend for {lead_share} of leads.":
        "{platform} hat die höchsten Kosten pro Kontakt: {cpl}, mit {spend_share} der Ausgaben für {lead_share} der Kontakte.",
    "By platform, CPL, share of spend and share of leads": "Nach Plattform, Kosten pro Kontakt, Anteil an Ausgaben und an Kontakten",
    "Move part of the {worst} budget to {best} for the next two weeks, then compare cost per lead again.":
        "Einen Teil des Budgets von {worst} für die nächsten zwei Wochen zu {best} verlagern und dann die Kosten pro Kontakt erneut vergleichen.",
    "{best}'s cost per lead is {best_cpl} against {worst_cpl} on {worst}.": "Die Kosten pro Kontakt liegen bei {best} bei {best_cpl}, gegenüber {worst_cpl} bei {worst}.",
    "{name} spent {spend} without a single lead.": "{name} hat {spend} ausgegeben, ohne einen einzigen Kontakt.",
    "By platform, {name}": "Nach Plattform, {name}",
    "Pause paid activity on {name} or change its creative and offer before spending more.":
        "Bezahlte Aktivitäten auf {name} pausieren oder Inhalt und Angebot ändern, bevor mehr ausgegeben wird.",
    "{spend} of spend on {name} brought no leads.": "{spend} Ausgaben auf {name} brachten keine Kontakte.",
    "{names} brought {leads} leads with no recorded spend.": "{names} brachte {leads} Kontakte ohne erfasste Ausgaben.",
    "{names} brought {leads} leads with no recorded spend respectively.": "{names} brachten jeweils {leads} Kontakte ohne erfasste Ausgaben.",
    "By platform, leads and spend": "Nach Plattform, Kontakte und Ausgaben",
    "{platform} has the highest click-through rate, {ctr}.": "{platform} hat die höchste Klickrate: {ctr}.",
    "By platform, CTR": "Nach Plattform, CTR",
    "The strategy target {metric} is not measured by this data; add the column that records it to the performance CSV.":
        "Das Strategieziel {metric} wird von diesen Daten nicht gemessen; ergänzen Sie die Spalte, die es erfasst, in der Leistungs-CSV.",
    "Against the strategy's KPI targets": "Gegenüber den Kennzahlzielen der Strategie",
}

# Learn: the lessons, their headings and the proposed rules' document (the proposed rules
# themselves are code's English words, quoted as they are; the fact statements are below).
_LEARN = {
    "Reviewers' edits (generated v1 against the approved version)": "Änderungen der Prüfenden (erzeugte v1 gegenüber der freigegebenen Version)",
    "Quality checks": "Qualitätsprüfungen",
    "Performance": "Leistung",
    "Search over approved content": "Suche in freigegebenen Inhalten",
    "Approving this list makes each numbered rule below an active brand-memory rule for {brand}: every later prompt for the brand includes it. Edit or delete rules before approving; switch one off later with `aicmo memory remove`.":
        "Die Freigabe dieser Liste macht jede nummerierte Regel unten zu einer aktiven Regel im Markengedächtnis von {brand}: Jeder spätere Prompt für die Marke enthält sie. Regeln vor der Freigabe bearbeiten oder löschen; eine später mit `aicmo memory remove` abschalten.",
    "the brand": "die Marke",
    "module {module}": "Modul {module}",
    "all modules": "alle Module",
    "every module": "alle Module",
    "No rule is proposed: the facts show no pattern clear enough to hold every later prompt to. Rules can still be added by hand with `aicmo memory add`.":
        "Keine Regel wird vorgeschlagen: Die Fakten zeigen kein Muster, das klar genug ist, um jeden späteren Prompt daran zu binden. Regeln lassen sich weiterhin von Hand mit `aicmo memory add` hinzufügen.",
    "See the lessons and the search results below.": "Siehe die Erkenntnisse und Suchergebnisse unten.",
    "None yet.": "Noch keine.",
    "Proposed brand-memory rules: {brand}": "Vorgeschlagene Regeln fürs Markengedächtnis: {brand}",
    "Proposed rules": "Vorgeschlagene Regeln",
    "Lessons: {name}": "Erkenntnisse: {name}",
    "{brand} · campaign {name} · {scope} · lessons cite facts computed by code":
        "{brand} · Kampagne {name} · {scope} · die Erkenntnisse zitieren vom Code berechnete Fakten",
    "Summary": "Zusammenfassung",
    "Rules already active for {brand}": "Bereits aktive Regeln für {brand}",
    "Question": "Frage",
    "Lessons": "Erkenntnisse",
    "Facts computed by code": "Vom Code berechnete Fakten",
    "Active rule": "Aktive Regel",
    "Evidence": "Belege",
    "What campaign '{campaign}' of {brand} teaches, from {scope}: {edits}; {qc}; {performance}.":
        "Was die Kampagne „{campaign}“ von {brand} lehrt, für {scope}: {edits}; {qc}; {performance}.",
    "The approved content that best matches the question is {titles}; the search facts below quote each.":
        "Die freigegebenen Inhalte, die am besten zur Frage passen: {titles}; die Suchfakten unten zitieren jeden.",
    "nothing approved yet": "noch nichts freigegeben",
    "one deliverable approved, edited by reviewers first":
        "ein Ergebnis freigegeben, zuvor von Prüfenden bearbeitet",
    "one deliverable approved, as generated":
        "ein Ergebnis freigegeben, so wie erzeugt",
    "{approved} deliverables approved, {edited} of them edited by reviewers first":
        "freigegebene Ergebnisse: {approved}, davon {edited} zuvor von Prüfenden bearbeitet",
    '{count} version':
        '{count} Version',
    "{count} versions":
        "{count} Versionen",
    '{count} kind of issue':
        '{count} Art von Problem',
    "{count} kinds of issue":
        "{count} Arten von Problemen",
    "QC raised {kinds} across {versions}":
        "die Qualitätsprüfung meldete {kinds} in {versions}",
    "QC found no issues in {versions}":
        "die Qualitätsprüfung fand keine Probleme in {versions}",
    "The one approved deliverable was approved exactly as generated: reviewers did not need to change the draft.":
        "Das einzige freigegebene Ergebnis wurde so freigegeben, wie es erzeugt wurde: Die Prüfenden mussten den Entwurf nicht ändern.",
    "All {approved} approved deliverables were approved exactly as generated: reviewers did not need to change the drafts.":
        "Alle freigegebenen Ergebnisse ({approved}) wurden so freigegeben, wie sie erzeugt wurden: Die Prüfenden mussten die Entwürfe nicht ändern.",
    "Reviewers edited the one approved deliverable before approving it.":
        "Die Prüfenden haben das einzige freigegebene Ergebnis vor der Freigabe bearbeitet.",
    "Reviewers edited {edited} of {approved} approved deliverables before approving them.":
        "Die Prüfenden haben {edited} von {approved} freigegebenen Ergebnissen vor der Freigabe bearbeitet.",
    "an approved performance report is available": "ein freigegebener Leistungsbericht liegt vor",
    "no performance data yet": "noch keine Leistungsdaten",
    "Nothing in this campaign is approved yet, so there are no reviewers' edits to learn from. Come back to this lesson after the first approvals.":
        "In dieser Kampagne ist noch nichts freigegeben, daher gibt es keine Änderungen von Prüfenden, aus denen sich lernen ließe. Kommen Sie nach den ersten Freigaben auf diese Erkenntnis zurück.",
    "How reviewers changed the drafts": "Wie die Prüfenden die Entwürfe geändert haben",
    'Reviewers cut the opening line of {count} post by {pct} on average, from about {before} words to about {after}. Write hooks at the approved length.':
        'Die Prüfenden haben die erste Zeile von {count} Beitrag im Schnitt um {pct} gekürzt, von etwa {before} Wörtern auf etwa {after}. Einstiege in der freigegebenen Länge schreiben.',
    'Reviewers cut the opening lines of {count} posts by {pct} on average, from about {before} words to about {after}. Write hooks at the approved length.':
        'Die Prüfenden haben die ersten Zeilen von {count} Beiträgen im Schnitt um {pct} gekürzt, von etwa {before} Wörtern auf etwa {after}. Einstiege in der freigegebenen Länge schreiben.',
    'Reviewers lengthened the opening line of {count} post by {pct} on average, from about {before} words to about {after}. Write hooks at the approved length.':
        'Die Prüfenden haben die erste Zeile von {count} Beitrag im Schnitt um {pct} verlängert, von etwa {before} Wörtern auf etwa {after}. Einstiege in der freigegebenen Länge schreiben.',
    'Reviewers lengthened the opening lines of {count} posts by {pct} on average, from about {before} words to about {after}. Write hooks at the approved length.':
        'Die Prüfenden haben die ersten Zeilen von {count} Beiträgen im Schnitt um {pct} verlängert, von etwa {before} Wörtern auf etwa {after}. Einstiege in der freigegebenen Länge schreiben.',
    "Hooks: the approved length": "Einstiege: die freigegebene Länge",
    "Leave these words out of first drafts.": "Diese Wörter aus ersten Entwürfen weglassen.",
    "Words reviewers take out": "Wörter, die Prüfende streichen",
    "Banned words still reach drafts": "Verbotene Wörter gelangen noch in Entwürfe",
    "Hashtags reviewers removed": "Von Prüfenden entfernte Hashtags",
    "Reviewers removed these hashtags: {tags}.": "Die Prüfenden haben diese Hashtags entfernt: {tags}.",
    "What quality checks caught": "Was die Qualitätsprüfungen gefunden haben",
    "QC caught problems reviewers then had to fix: {checks}.": "Die Qualitätsprüfung fand Probleme, die Prüfende dann beheben mussten: {checks}.",
    "{metric}: best on {best}, worst on {worst}": "{metric}: am besten auf {best}, am schwächsten auf {worst}",
    "the KPI results are listed with the facts below": "die Kennzahlergebnisse stehen bei den Fakten unten",
    "the approved performance report, built from EXAMPLE DATA (invented figures, not real results)":
        "dem freigegebenen Leistungsbericht, erstellt aus BEISPIELDATEN (erfundene Zahlen, keine echten Ergebnisse)",
    "the approved performance report": "dem freigegebenen Leistungsbericht",
    "What performed, by platform": "Was funktioniert hat, nach Plattform",
    "From {source}: {text}.": "Laut {source}: {text}.",
    "Approved content that answers the question": "Freigegebene Inhalte, die die Frage beantworten",
    "The approved content closest to the question: {titles}.": "Die freigegebenen Inhalte, die der Frage am nächsten kommen: {titles}.",
    "No approved content in the campaigns of {brand} matches the question's words; the lessons below come from the campaign's edits, QC and performance facts instead.":
        "Kein freigegebener Inhalt in den Kampagnen von {brand} passt zu den Wörtern der Frage; die Erkenntnisse unten stammen stattdessen aus den Änderungen, der Qualitätsprüfung und den Leistungsdaten der Kampagne.",
    "No approved work to learn from yet": "Noch keine freigegebene Arbeit, aus der sich lernen lässt",
    "Drafts were approved as generated": "Entwürfe wurden so freigegeben, wie sie erzeugt wurden",
    "Banned words still reached drafts and reviewers removed them: {words}.": "Verbotene Wörter gelangten noch in Entwürfe, und die Prüfenden haben sie entfernt: {words}.",
    "Reviewers also kept deleting {words}.": "Die Prüfenden haben außerdem immer wieder {words} gestrichen.",
    "QC found nothing to fix": "Die Qualitätsprüfung fand nichts zu beheben",
    '{hashtag} ({deliverables})':
        '{hashtag} ({deliverables})',
    '{count} deliverable':
        '{count} Ergebnis',
    '{count} deliverables':
        '{count} Ergebnisse',
    '{count} first draft':
        '{count} ersten Entwurf',
    '{count} first drafts':
        '{count} erste Entwürfe',
    "'{check}' flagged {drafts}, none fixed before approval":
        '„{check}“ meldete {drafts}, keiner vor der Freigabe behoben',
    "'{check}' flagged {drafts}; fixed before approval: {fixed}":
        '„{check}“ meldete {drafts}; vor der Freigabe behoben: {fixed}',
    'QC flagged problems in first drafts: {checks}.':
        'Die Qualitätsprüfung meldete Probleme in ersten Entwürfen: {checks}.',
    "No performance data yet": "Noch keine Leistungsdaten",
    "One platform, nothing to rank":
        "Eine Plattform, nichts zu vergleichen",
    "The approved performance report covers one platform and no KPI target it could measure, so it names no best or worst platform; the other lessons cover how drafts were written and reviewed.":
        "Der freigegebene Leistungsbericht umfasst eine einzige Plattform und kein Ziel, das er messen konnte; er nennt daher keine beste oder schlechteste Plattform. Die übrigen Erkenntnisse betreffen, wie Entwürfe geschrieben und geprüft wurden.",
    "Performance data code could not read":
        "Leistungsdaten, die der Code nicht lesen konnte",
    "The approved performance report has no table that code could read, so these lessons cover how drafts were written and reviewed, not how they performed.":
        "Der freigegebene Leistungsbericht hat keine Tabelle, die der Code lesen konnte; diese Erkenntnisse betreffen daher, wie Entwürfe geschrieben und geprüft wurden, nicht ihre Ergebnisse.",
    "There is no approved performance data to learn from yet, so these lessons cover how drafts were written and reviewed, not how they performed.":
        "Es gibt noch keine freigegebenen Leistungsdaten, aus denen sich lernen ließe; diese Erkenntnisse betreffen daher, wie Entwürfe geschrieben und geprüft wurden, nicht wie sie abgeschnitten haben.",
    "Nothing approved answers the question directly": "Nichts Freigegebenes beantwortet die Frage direkt",
    "No facts were computed.": "Es wurden keine Fakten berechnet.",
    "What the facts show": "Was die Fakten zeigen",
    "On average they made the edited drafts {pct} shorter, so first drafts should aim tighter.":
        "Im Schnitt haben sie die bearbeiteten Entwürfe um {pct} gekürzt, daher sollten erste Entwürfe knapper sein.",
    "On average they made the edited drafts {pct} longer, so first drafts should aim fuller.":
        "Im Schnitt haben sie die bearbeiteten Entwürfe um {pct} verlängert, daher sollten erste Entwürfe ausführlicher sein.",
}

# Delivery: the client pack's headings, contents table and pre-flight checklist labels (the
# checks' details are code's words).
_PACK = {
    "Module": "Modul",
    "Deliverable": "Ergebnis",
    "Version": "Version",
    "Approved by": "Freigegeben von",
    "Approved on": "Freigegeben am",
    "{count} approved deliverable": "{count} freigegebenes Ergebnis",
    "{count} approved deliverables": "{count} freigegebene Ergebnisse",
    "Check": "Prüfung",
    "Result": "Ergebnis",
    "Details": "Details",
    "PASS": "OK",
    "FAIL": "FEHLER",
    "WARNING": "WARNUNG",
    "Markdown": "Markdown",
    "PDF": "PDF",
    "HTML (sanitised, self-contained)": "HTML (bereinigt, eigenständig)",
    "Word (DOCX)": "Word (DOCX)",
    "JSON (structured)": "JSON (strukturiert)",
    "ZIP with every format and a checksummed manifest": "ZIP mit allen Formaten und einem Manifest mit Prüfsummen",
    "Every included item is approved (current version = approved version, not flagged for review)":
        "Jedes enthaltene Element ist freigegeben (aktuelle Version = freigegebene Version, nicht zur Prüfung markiert)",
    "Quality checks pass on every approved version (no blockers)": "Die Qualitätsprüfungen bestehen für jede freigegebene Version (keine Blocker)",
    "No placeholder or stub text in any item": "Kein Platzhalter- oder Fülltext in einem Element",
    "Branding applied (agency name and colours set)": "Branding angewendet (Agenturname und Farben gesetzt)",
    "Every item was written by a language model or edited by a person (not the offline composer's draft as is)":
        "Jedes Element wurde von einem Sprachmodell geschrieben oder von einem Menschen bearbeitet (nicht der Offline-Entwurf unverändert)",
    "Every item is approved by the client too (the campaign's client stage)": "Jedes Element ist auch vom Kunden freigegeben (die Kundenstufe der Kampagne)",
    "**Result: every blocking check passes.** The export runs the same checks again before any file is written.":
        "**Ergebnis: Alle blockierenden Prüfungen bestehen.** Der Export führt dieselben Prüfungen erneut aus, bevor eine Datei geschrieben wird.",
    '**Result: {count} blocking check fails.** The pack cannot be exported until it passes.':
        '**Ergebnis: {count} blockierende Prüfung schlägt fehl.** Das Paket kann erst exportiert werden, wenn sie besteht.',
    '**Result: {count} blocking checks fail.** The pack cannot be exported until they pass.':
        '**Ergebnis: {count} blockierende Prüfungen schlagen fehl.** Das Paket kann erst exportiert werden, wenn sie bestehen.',
    "Agency": "Agentur",
    "Primary colour": "Hauptfarbe",
    "Accent colour": "Akzentfarbe",
    "Footer": "Fußzeile",
    "Executive summary: {title}": "Zusammenfassung für die Geschäftsleitung: {title}",
    "Pre-flight checklist: {title}": "Checkliste vor dem Versand: {title}",
    "Client pack: {title}": "Kundenpaket: {title}",
    "Client pack: {brand}: {title}": "Kundenpaket: {brand}: {title}",
    "In this pack": "In diesem Paket",
    "Next steps": "Nächste Schritte",
    "none set (the pack goes out unbranded)": "keine festgelegt (das Paket geht ohne Branding hinaus)",
    "Branding": "Branding",
    '{count} current deliverable of the campaign is not in this pack (not selected, or not approved).':
        '{count} aktuelles Ergebnis der Kampagne ist nicht in diesem Paket (nicht ausgewählt oder nicht freigegeben).',
    '{count} current deliverables of the campaign are not in this pack (not selected, or not approved).':
        '{count} aktuelle Ergebnisse der Kampagne sind nicht in diesem Paket (nicht ausgewählt oder nicht freigegeben).',
    "Prepared by {agency}": "Erstellt von {agency}",
    "The executive summary opens the pack; then, in this order:": "Die Zusammenfassung eröffnet das Paket; dann in dieser Reihenfolge:",
    "Formats": "Formate",
    "Not included": "Nicht enthalten",
    "Contents": "Inhalt",
    "version {version}": "Version {version}",
    "platform: {platform}": "Plattform: {platform}",
    "approved by {who} on {date}": "freigegeben von {who} am {date}",
    "approved by the client ({who}) on {date}": "vom Kunden freigegeben ({who}) am {date}",
    "waiting for the client's approval": "wartet auf die Freigabe durch den Kunden",
    "drafted by the offline composer, no language model wrote it": "Offline-Entwurf, von keinem Sprachmodell geschrieben",
    "Pre-flight checklist": "Checkliste vor dem Versand",
    "Executive summary": "Zusammenfassung für die Geschäftsleitung",
    "{count} approved deliverable · generated {date}": "{count} freigegebenes Ergebnis · erstellt am {date}",
    "{count} approved deliverables · generated {date}": "{count} freigegebene Ergebnisse · erstellt am {date}",
    "{count} approved deliverable, after the executive summary · generated {date}":
        "{count} freigegebenes Ergebnis, nach der Zusammenfassung · erstellt am {date}",
    "{count} approved deliverables, after the executive summary · generated {date}":
        "{count} freigegebene Ergebnisse, nach der Zusammenfassung · erstellt am {date}",
}

# Monitoring's KPI table (``analytics.report_table``): its headings, labels and what targets are measured as.
_KPI_TABLE = {
    "**Period:** {start} to {end} ({rows}, {weeks}{longer})":
        "**Zeitraum:** {start} bis {end} ({rows}, {weeks}{longer})",
    "{count} row": "Zeilen: {count}",
    "{count} rows": "Zeilen: {count}",
    "{count} ISO week with data": "ISO-Wochen mit Daten: {count}",
    "{count} ISO weeks with data": "ISO-Wochen mit Daten: {count}",
    ", {count} month": ", Monate: {count}",
    ", {count} months": ", Monate: {count}",
    ", {count} quarter": ", Quartale: {count}",
    ", {count} quarters": ", Quartale: {count}",
    ", {count} period": ", Zeiträume: {count}",
    ", {count} periods": ", Zeiträume: {count}",
    "**Not measured by this data:** {columns}, and what is computed from them; no figure is shown for them.":
        "**Von diesen Daten nicht gemessen:** {columns} und was daraus berechnet wird; dafür wird keine Zahl gezeigt.",
    "**Campaign elapsed by {end}:** {days} of {of_days} days ({percent})":
        "**Verstrichene Kampagnenzeit bis {end}:** Tage: {days} von {of_days} ({percent})",
    "impressions": "Impressionen",
    "spend": "Ausgaben",
    "By platform": "Nach Plattform",
    "Share of leads": "Anteil an den Kontakten",
    "Share of spend": "Anteil an den Ausgaben",
    "By ISO week": "Nach ISO-Woche",
    "Week": "Woche",
    "Week starting": "Wochenbeginn",
    "Leads vs previous week": "Kontakte gegenüber der Vorwoche",
    "By month": "Nach Monat",
    "Month": "Monat",
    "Leads vs previous month": "Kontakte gegenüber dem Vormonat",
    "By quarter": "Nach Quartal",
    "Quarter": "Quartal",
    "Leads vs previous quarter": "Kontakte gegenüber dem Vorquartal",
    "By period": "Nach Zeitraum",
    "Period": "Zeitraum",
    "Leads vs previous period": "Kontakte gegenüber dem vorigen Zeitraum",
    "From": "Von",
    "To": "Bis",
    "Target value": "Zielwert",
    "Measured as": "Gemessen als",
    "Actual": "Ist-Wert",
    "Expected by now (pro rata)": "Bis jetzt erwartet (anteilig)",
    "Gap": "Abweichung",
    "The approved strategy records no KPI targets, so nothing is compared.":
        "Die freigegebene Strategie nennt keine Kennzahlziele, daher wird nichts verglichen.",
    "CPC: spend / clicks": "Kosten pro Klick: Ausgaben / Klicks",
    "cost per conversion: spend / conversions": "Kosten pro Conversion: Ausgaben / Conversions",
    "CPL: spend / leads": "Kosten pro Kontakt: Ausgaben / Kontakte",
    "CTR: clicks / impressions": "Klickrate: Klicks / Impressionen",
    "ROAS: revenue / spend": "ROAS: Umsatz / Ausgaben",
    "lead-to-conversion rate: conversions / leads": "Conversion-Rate der Kontakte: Conversions / Kontakte",
    "click-to-lead rate: leads / clicks": "Kontakte pro Klick: Kontakte / Klicks",
    "revenue total": "Umsatz gesamt",
    "impressions total": "Impressionen gesamt",
    "clicks total": "Klicks gesamt",
    "spend total": "Ausgaben gesamt",
    "leads total": "Kontakte gesamt",
    "conversions total": "Conversions gesamt",
    "not measured by this data": "von diesen Daten nicht gemessen",
    "Leads and spend per ISO week": "Kontakte und Ausgaben pro ISO-Woche",
    "Leads per ISO week": "Kontakte pro ISO-Woche",
    "Leads and spend per month": "Kontakte und Ausgaben pro Monat",
    "Leads and spend per quarter": "Kontakte und Ausgaben pro Quartal",
    "Leads and spend per period": "Kontakte und Ausgaben pro Zeitraum",
    "Leads per month": "Kontakte pro Monat",
    "Leads per quarter": "Kontakte pro Quartal",
    "Leads per period": "Kontakte pro Zeitraum",
    "CTR by platform": "Klickrate nach Plattform",
    "CPL by platform": "Kosten pro Kontakt nach Plattform",
    "example data": "Beispieldaten",
    "Charts need matplotlib, which is not installed (pip install matplotlib).":
        "Die Diagramme brauchen matplotlib, das nicht installiert ist (pip install matplotlib).",
}

# Learn: the fact statements code computes (``learn.facts``); the proposed rules stay English.
_LEARN_FACTS = {
    "No deliverable of campaign '{campaign}' has an approved version yet, so there are no reviewers' edits to compare.":
        "Noch kein Ergebnis der Kampagne „{campaign}“ hat eine freigegebene Version, daher gibt es keine Änderungen der Prüfenden zu vergleichen.",
    "{count} deliverable of campaign '{campaign}' has an approved version: {edited} edited by reviewers before approval, {unedited} approved as generated.":
        "{count} Ergebnis der Kampagne „{campaign}“ hat eine freigegebene Version; vor der Freigabe von den Prüfenden bearbeitet: {edited}, unverändert freigegeben: {unedited}.",
    "{count} deliverables of campaign '{campaign}' have an approved version: {edited} edited by reviewers before approval, {unedited} approved as generated.":
        "{count} Ergebnisse der Kampagne „{campaign}“ haben eine freigegebene Version; vor der Freigabe von den Prüfenden bearbeitet: {edited}, unverändert freigegeben: {unedited}.",
    "Reviewers made edited deliverables {pct} shorter on average (word count of the generated version against the approved one, over {deliverables}).":
        "Die Prüfenden haben bearbeitete Ergebnisse im Schnitt um {pct} gekürzt (Wortzahl der generierten gegenüber der freigegebenen Version; betroffen: {deliverables}).",
    "Reviewers made edited deliverables {pct} longer on average (word count of the generated version against the approved one, over {deliverables}).":
        "Die Prüfenden haben bearbeitete Ergebnisse im Schnitt um {pct} verlängert (Wortzahl der generierten gegenüber der freigegebenen Version; betroffen: {deliverables}).",
    "The length change is the average over every edited deliverable.":
        "Die Längenänderung ist der Durchschnitt über alle bearbeiteten Ergebnisse.",
    "Reviewers shortened the opening line (the hook) of {posts} by {pct} on average: {before} words as generated, {after} approved.":
        "Die Prüfenden haben die erste Zeile (den Hook) von {posts} im Schnitt um {pct} gekürzt: {before} Wörter generiert, {after} freigegeben.",
    "Reviewers lengthened the opening line (the hook) of {posts} by {pct} on average: {before} words as generated, {after} approved.":
        "Die Prüfenden haben die erste Zeile (den Hook) von {posts} im Schnitt um {pct} verlängert: {before} Wörter generiert, {after} freigegeben.",
    "{count} platform post":
        "{count} Plattform-Beitrag",
    "{count} platform posts":
        "{count} Plattform-Beiträgen",
    "Reviewers shortened the opening lines of posts consistently.":
        "Die Prüfenden haben die ersten Zeilen der Beiträge durchgehend gekürzt.",
    "The banned word '{word}' was removed by reviewers {times}, in {deliverables}.":
        "Das verbotene Wort „{word}“ wurde von den Prüfenden {times} entfernt; betroffen: {deliverables}.",
    "'{word}' is on the brand's banned list and still reached drafts.":
        "„{word}“ steht auf der Liste verbotener Wörter der Marke und ist trotzdem in Entwürfe gelangt.",
    "The word '{word}' was removed {times} across {deliverables}.":
        "Das Wort „{word}“ wurde {times} entfernt; betroffen: {deliverables}.",
    "A word reviewers keep deleting is one the brand does not want.":
        "Ein Wort, das die Prüfenden immer wieder löschen, will die Marke nicht.",
    "The hashtag {hashtag} was removed from {deliverables}.":
        "Der Hashtag {hashtag} wurde entfernt; betroffen: {deliverables}.",
    "Reviewers removed the same hashtag more than once.":
        "Die Prüfenden haben denselben Hashtag mehr als einmal entfernt.",
    "the same length":
        "gleich lang",
    "{pct} shorter":
        "{pct} kürzer",
    "{pct} longer":
        "{pct} länger",
    "{kind} '{title}' (v1 generated, v{version} approved): {words_removed} and {words_added}, {lines_removed} and {lines_added}; {size}":
        "{kind} „{title}“ (v1 generiert, v{version} freigegeben): {words_removed} und {words_added}, {lines_removed} und {lines_added}; {size}",
    "{count} word removed":
        "{count} Wort entfernt",
    "{count} words removed":
        "{count} Wörter entfernt",
    "{count} word added":
        "{count} Wort hinzugefügt",
    "{count} words added":
        "{count} Wörter hinzugefügt",
    "{count} line removed":
        "{count} Zeile entfernt",
    "{count} lines removed":
        "{count} Zeilen entfernt",
    "{count} line added":
        "{count} Zeile hinzugefügt",
    "{count} lines added":
        "{count} Zeilen hinzugefügt",
    "hashtags removed: {hashtags}":
        "entfernte Hashtags: {hashtags}",
    "hashtags added: {hashtags}":
        "hinzugefügte Hashtags: {hashtags}",
    "'{word}' {times}":
        "„{word}“ {times}",
    "banned words removed: {words}":
        "entfernte verbotene Wörter: {words}",
    "; ":
        "; ",
    "once":
        "einmal",
    "twice":
        "zweimal",
    "{count} times":
        "{count}-mal",
    "QC found no issues in any of the {versions} of {deliverables} checked.":
        "Die Qualitätsprüfung hat in den geprüften Versionen keine Probleme gefunden ({versions}, {deliverables}).",
    "QC check '{check}' ({description}; {severity}) flagged {versions} of {deliverables}, {first_drafts} of them first drafts; fixed before approval in {fixed}, still open on {open}.":
        "Die Prüfung „{check}“ ({description}; {severity}) hat {versions} markiert ({deliverables}; erste Entwürfe: {first_drafts}); vor der Freigabe behoben: {fixed}, noch offen: {open}.",
    "The same QC problem kept appearing in generated drafts.":
        "Dasselbe Qualitätsproblem trat in generierten Entwürfen immer wieder auf.",
    # A QC check's severity and what it checks (the registry's summary), in learn's QC statements.
    "{severity} issue":
        "{severity} Problem",
    "post text within the platform's character limit":
        "Beitragstext innerhalb der Zeichengrenze der Plattform",
    "at most 30 hashtags on an Instagram post":
        "höchstens 30 Hashtags in einem Instagram-Beitrag",
    "an email subject short enough to show in full":
        "ein E-Mail-Betreff, der kurz genug ist, um ganz angezeigt zu werden",
    "no placeholder or stub text left in":
        "kein vergessener Platzhalter- oder Fülltext",
    "hashtags written as # then letters, digits or underscores":
        "Hashtags aus # und dann Buchstaben, Ziffern oder Unterstrichen",
    "not too many hashtags for the platform":
        "nicht zu viele Hashtags für die Plattform",
    "no hashtags so generic they add nothing":
        "keine Hashtags, die so allgemein sind, dass sie nichts beitragen",
    "none of the brand's banned words":
        "keines der verbotenen Wörter der Marke",
    "the brand's required disclaimers wherever a price or offer is named":
        "die Pflichthinweise der Marke überall, wo ein Preis oder Angebot genannt wird",
    "a call to action that tells the reader what to do next":
        "ein Aufruf zum Handeln, der sagt, was als Nächstes zu tun ist",
    "a link wherever the copy points at one":
        "ein Link überall, wo der Text auf einen verweist",
    "no line said twice":
        "keine doppelte Zeile",
    "claims that need evidence":
        "Aussagen, die Belege brauchen",
    "a readable date and time for every calendar slot":
        "ein lesbares Datum und eine lesbare Uhrzeit für jeden Kalendertermin",
    "no two calendar slots on the same platform at the same time":
        "nie zwei Kalendertermine auf derselben Plattform zur selben Zeit",
    "no calendar slot on a blackout date":
        "kein Kalendertermin an einem Sperrtermin",
    "each post kept on the platform its creative was written for":
        "jeder Beitrag bleibt auf der Plattform, für die sein Motiv geschrieben wurde",
    "every calendar slot within the campaign's dates":
        "jeder Kalendertermin innerhalb des Kampagnenzeitraums",
    "no testimonials or promised outcomes for a brand in regulated health care or finance":
        "keine Erfahrungsberichte oder versprochenen Ergebnisse für eine Marke im regulierten Gesundheits- oder Finanzbereich",
    "the rules of the brief's brand voice":
        "die Tonalitätsregeln des Briefings",
    "No approved performance report for campaign '{campaign}' yet: there is no performance data to learn from.":
        "Noch kein freigegebener Leistungsbericht für die Kampagne „{campaign}“: Es gibt keine Leistungsdaten, aus denen sich lernen ließe.",
    "the approved report '{title}' (v{version}), built from EXAMPLE DATA (invented figures, not real results)":
        "der freigegebene Bericht „{title}“ (v{version}), erstellt aus BEISPIELDATEN (erfundene Zahlen, keine echten Ergebnisse),",
    "the approved report '{title}' (v{version})":
        "der freigegebene Bericht „{title}“ (v{version})",
    "performance report":
        "Leistungsbericht",
    "In {report}, {metric} was best on {best} ({best_value}) and worst on {worst} ({worst_value}) (lower is better).":
        "{report} zeigt: „{metric}“ war auf {best} am besten ({best_value}) und auf {worst} am schwächsten ({worst_value}) (niedriger ist besser).",
    "In {report}, {metric} was best on {best} ({best_value}) and worst on {worst} ({worst_value}).":
        "{report} zeigt: „{metric}“ war auf {best} am besten ({best_value}) und auf {worst} am schwächsten ({worst_value}).",
    "against a target of {target}":
        "bei einem Ziel von {target}",
    "with no target set":
        "ohne festgelegtes Ziel",
    "In {report}, {metric} was {actual} {target} ({status}).":
        "{report} zeigt: „{metric}“ lag bei {actual} {target} ({status}).",
    "In {report}, {metric} was {actual} {target}.":
        "{report} zeigt: „{metric}“ lag bei {actual} {target}.",
    "{report} covers one platform, {platform}, and no KPI target it could measure, so it names no best or worst platform.":
        "{report} deckt nur eine Plattform ab, {platform}, und kein Ziel, das er messen könnte; daher nennt er keine beste oder schwächste Plattform.",
    "{report} has no per-platform or KPI table that code could read.":
        "{report} enthält keine Tabelle nach Plattform oder mit Kennzahlen, die der Code lesen könnte.",
    "No approved content in {brand}'s campaigns matches the words of the question ({words}).":
        "Keine freigegebenen Inhalte in den Kampagnen von {brand} passen zu den Wörtern der Frage ({words}).",
    "Approved {module} {kind} '{title}' (campaign {campaign}, v{version}) matches: “{snippet}”":
        "Freigegebener Inhalt ({module}, {kind}) „{title}“ (Kampagne {campaign}, v{version}) passt: „{snippet}“",
}

# Monitoring: the data's warnings, the import's (``analytics``) and the module's own.
_DATA_WARNINGS = {
    "column {name} is not used by the report and was ignored":
        "die Spalte {name} wird vom Bericht nicht verwendet und wurde ignoriert",
    "read as a {format} export: {columns}":
        "als {format}-Export gelesen: {columns}",
    "{column} from {header}":
        "{column} aus der Spalte {header}",
    "date from {header}":
        "Datum aus der Spalte {header}",
    "platform from {header}":
        "Plattform aus der Spalte {header}",
    "campaign from {header}":
        "Kampagne aus der Spalte {header}",
    "impressions from {header}":
        "Impressionen aus der Spalte {header}",
    "clicks from {header}":
        "Klicks aus der Spalte {header}",
    "leads from {header}":
        "Kontakte aus der Spalte {header}",
    "spend from {header}":
        "Ausgaben aus der Spalte {header}",
    "conversions from {header}":
        "Conversions aus der Spalte {header}",
    "revenue from {header}":
        "Umsatz aus der Spalte {header}",
    "currency from {header}":
        "Währung aus der Spalte {header}",
    "not UTF-8: read as Windows-1252 (Excel's plain 'CSV' in Western Europe); if accented names look wrong, save the file as 'CSV UTF-8' and load it again":
        "kein UTF-8: als Windows-1252 gelesen (Excels einfaches „CSV“ in Westeuropa); wenn Namen mit Akzenten oder Umlauten falsch aussehen, speichern Sie die Datei als „CSV UTF-8“ und laden Sie sie erneut",
    "clicks are Meta's link clicks":
        "Klicks sind die Link-Klicks von Meta",
    "Google Ads conversions are read as leads (fractions kept: the platform splits a conversion between clicks)":
        "Google-Ads-Conversions werden als Kontakte gelesen (Bruchteile bleiben erhalten: die Plattform verteilt eine Conversion auf mehrere Klicks)",
    "GA4 counts sessions, read as clicks; it has no ad impressions or spend, so CTR, spend and cost per lead are not measured":
        "GA4 zählt Sitzungen, die als Klicks gelesen werden; es hat keine Anzeigenimpressionen und keine Ausgaben, daher werden Klickrate, Ausgaben und Kosten pro Kontakt nicht gemessen",
    "GA4 key events (conversions) are read as leads":
        "GA4-Schlüsselereignisse (Conversions) werden als Kontakte gelesen",
    "Microsoft Advertising conversions are read as leads":
        "Microsoft-Advertising-Conversions werden als Kontakte gelesen",
    "Meta's Results are read as leads (only on rows whose result indicator is a lead)":
        "die Ergebnisse von Meta werden als Kontakte gelesen (nur in Zeilen, deren Ergebnisindikator ein Kontakt ist)",
    "{count} rows count results that are not leads; they add 0 leads":
        "Zeilen mit Ergebnissen, die keine Kontakte sind: {count}; sie zählen keinen Kontakt",
    "{count} columns not used by the report: {columns}":
        "vom Bericht nicht verwendete Spalten ({count}): {columns}",
    "{source}: {note}":
        "{source}: {note}",
    "row {rows} names no campaign: read as {format}'s summary row and left out":
        "Zeile {rows} nennt keine Kampagne: als Summenzeile von {format} gelesen und weggelassen",
    "each row covers a week (column {header}): its figures are the week's, kept whole, never spread over days; weeks are shown only for rows within one ISO week":
        "jede Zeile umfasst eine Woche (Spalte {header}): ihre Zahlen gelten für die ganze Woche, bleiben ganz und werden nie auf Tage verteilt; Wochen werden nur für Zeilen innerhalb einer ISO-Woche gezeigt",
    "each row covers a month (column {header}): its figures are the month's, kept whole, never spread over days; weeks are shown only for rows within one ISO week":
        "jede Zeile umfasst einen Monat (Spalte {header}): ihre Zahlen gelten für den ganzen Monat, bleiben ganz und werden nie auf Tage verteilt; Wochen werden nur für Zeilen innerhalb einer ISO-Woche gezeigt",
    "each row covers a quarter (column {header}): its figures are the quarter's, kept whole, never spread over days; weeks are shown only for rows within one ISO week":
        "jede Zeile umfasst ein Quartal (Spalte {header}): ihre Zahlen gelten für das ganze Quartal, bleiben ganz und werden nie auf Tage verteilt; Wochen werden nur für Zeilen innerhalb einer ISO-Woche gezeigt",
    "each row covers a year (column {header}): its figures are the year's, kept whole, never spread over days; weeks are shown only for rows within one ISO week":
        "jede Zeile umfasst ein Jahr (Spalte {header}): ihre Zahlen gelten für das ganze Jahr, bleiben ganz und werden nie auf Tage verteilt; Wochen werden nur für Zeilen innerhalb einer ISO-Woche gezeigt",
    "{count} rows cover several days (row {line}: {first} to {last}): their figures are kept whole for that period, never spread over days; export by day for daily or weekly figures":
        "Zeilen, die mehrere Tage umfassen: {count} (Zeile {line}: {first} bis {last}); ihre Zahlen bleiben für diesen Zeitraum ganz und werden nie auf Tage verteilt; exportieren Sie nach Tag für tägliche oder wöchentliche Zahlen",
    "{count} row covers several days (row {line}: {first} to {last}): its figures are kept whole for that period, never spread over days; export by day for daily or weekly figures":
        "{count} Zeile umfasst mehrere Tage (Zeile {line}: {first} bis {last}); ihre Zahlen bleiben für diesen Zeitraum ganz und werden nie auf Tage verteilt; exportieren Sie nach Tag für tägliche oder wöchentliche Zahlen",
    "{count} rows cover days both inside and outside the reporting period and were left out, since their figures cannot be split into days: row {rows}":
        "weggelassene Zeilen, die Tage innerhalb und außerhalb des Berichtszeitraums umfassen und deren Zahlen sich nicht auf Tage aufteilen lassen: {count} (Zeile {rows})",
    "read with the column mapping saved for this brand":
        "mit der für diese Marke gespeicherten Spaltenzuordnung gelesen",
    "the data is in {currency} but the plan's budget is in {planned}; figures are shown in {currency}, the data's own currency":
        "die Daten sind in {currency}, das Budget des Plans aber in {planned}; die Zahlen werden in {currency} gezeigt, der Währung der Daten",
    "both an uploaded file and csv_path were given; the uploaded file was used":
        "eine hochgeladene Datei und csv_path wurden beide angegeben; die hochgeladene Datei wurde verwendet",
}

REPORTS = {**_MONITORING, **_DATA_WARNINGS, **_LEARN, **_LEARN_FACTS, **_PACK, **_KPI_TABLE}
