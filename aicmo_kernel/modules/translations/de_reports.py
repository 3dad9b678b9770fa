"""German: monitoring's performance report and recommendations (see ``translations/__init__.py``).
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

REPORTS = {**_MONITORING}
