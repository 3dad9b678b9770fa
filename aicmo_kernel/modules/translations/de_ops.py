"""German: the offline documents of the later modules, autonomy's policy and action plan first
(see ``translations/__init__.py``)."""

from __future__ import annotations

# Autonomy: the policy, the action plan and its guards.
_AUTONOMY = {
    "the campaign lead": "die Kampagnenleitung",
    "campaign": "Kampagne",
    "manual": "manuell",
    "assisted": "unterstützt",
    "semi": "teilautonom",
    "full": "autonom",
    "blocker": "blockierendes",
    "major": "schweres",
    "minor": "leichtes",
    "triggered": "ausgelöst",
    "not triggered": "nicht ausgelöst",
    "to check": "zu prüfen",
    "decision rule": "Entscheidungsregel",
    "kill criteria, {channel}": "Abbruchkriterien, {channel}",
    "none": "keine",
    "manual: nothing is approved without a person, and each module is generated on request":
        "manuell: Nichts wird ohne einen Menschen freigegeben, und jedes Modul wird auf Anfrage erstellt",
    "assisted: drafts are prepared ahead, and a person still approves every one":
        "unterstützt: Entwürfe werden vorab vorbereitet, und ein Mensch gibt weiterhin jeden einzelnen frei",
    "semi-autonomous: drafts of the allowed kinds are approved by the policy when their QC score reaches the threshold with no major issue; everything else waits for a person":
        "teilautonom: Entwürfe der erlaubten Arten gibt die Richtlinie frei, wenn ihre Qualitätspunktzahl die Schwelle ohne schweres Problem erreicht; alles andere wartet auf einen Menschen",
    "full: drafts of the allowed kinds are approved by the policy when their QC score reaches the threshold with no blocker; everything else waits for a person":
        "autonom: Entwürfe der erlaubten Arten gibt die Richtlinie frei, wenn ihre Qualitätspunktzahl die Schwelle ohne blockierendes Problem erreicht; alles andere wartet auf einen Menschen",
    "The campaign is at an early or sensitive stage, so every draft waits for a person. This keeps the team close to the work while the brief, the voice and the rules settle.":
        "Die Kampagne ist in einer frühen oder heiklen Phase, daher wartet jeder Entwurf auf einen Menschen. So bleibt das Team nah an der Arbeit, während sich Briefing, Tonalität und Regeln einspielen.",
    "Drafts are prepared ahead of time so reviewers spend their time judging, not writing, and nothing is approved without them.":
        "Entwürfe werden vorab vorbereitet, damit die Prüfenden ihre Zeit mit Beurteilen statt mit Schreiben verbringen, und nichts wird ohne sie freigegeben.",
    "Working documents with clean QC results can move without waiting for a reviewer, while anything that reaches an audience as written, or that QC has doubts about, stays with a person.":
        "Arbeitsdokumente ohne Befund der Qualitätsprüfung gehen weiter, ohne auf eine Prüfung zu warten; alles, was unverändert ein Publikum erreicht oder bei dem die Qualitätsprüfung Zweifel hat, bleibt bei einem Menschen.",
    "The policy approves drafts of the allowed kinds with a clean enough QC result, so the campaign keeps moving; people concentrate on spend, the policy itself and whatever QC questions.":
        "Die Richtlinie gibt Entwürfe der erlaubten Arten mit ausreichend gutem Prüfergebnis frei, damit die Kampagne in Bewegung bleibt; Menschen konzentrieren sich auf Ausgaben, die Richtlinie selbst und alles, was die Qualitätsprüfung infrage stellt.",
    "no workspace to read a monitoring report from": "kein Arbeitsbereich, aus dem ein Monitoring-Bericht gelesen werden kann",
    "no approved monitoring performance report yet": "noch kein freigegebener Leistungsbericht",
    "the approved performance report carries no KPI table this plan can read":
        "der freigegebene Leistungsbericht enthält keine Kennzahlentabelle, die dieser Plan lesen kann",
    "{approver} approves the action; content guard applies; no change of spend.":
        "{approver} gibt die Maßnahme frei; die Inhaltssicherung gilt; keine Änderung der Ausgaben.",
    "{approver} approves the action; content guard and spend guard apply.":
        "{approver} gibt die Maßnahme frei; Inhalts- und Ausgabensicherung gelten.",
    "the next review period (dates not set)": "der nächste Prüfzeitraum (Daten nicht festgelegt)",
    "every draft an action produces waits for a person ({approver} or a reviewer) at the {level} level.":
        "Jeder Entwurf, den eine Maßnahme erzeugt, wartet auf der Stufe „{level}“ auf einen Menschen ({approver} oder eine prüfende Person).",
    "drafts an action produces may be approved by the {level} policy only within its kinds and its QC threshold (see the autonomy policy); everything else waits for a person.":
        "Entwürfe, die eine Maßnahme erzeugt, darf die Richtlinie ({level}) nur innerhalb ihrer Arten und ihrer Qualitätsschwelle freigeben (siehe Autonomie-Richtlinie); alles andere wartet auf einen Menschen.",
    "no budget is on record, so any change of spend needs the explicit approval of {approver}.":
        "Es ist kein Budget hinterlegt, daher braucht jede Änderung der Ausgaben die ausdrückliche Freigabe durch {approver}.",
    "spend changes are never approved by the policy: {approver} signs them off, and one action moves at most {pct}% of the weekly budget ({cap} of {weekly} a week).":
        "Ausgabenänderungen gibt die Richtlinie nie frei: {approver} zeichnet sie ab, und eine Maßnahme verschiebt höchstens {pct}\u00a0% des Wochenbudgets ({cap} von {weekly} pro Woche).",
    "spend changes are never approved by the policy: {approver} signs them off, and one action moves at most {pct}% of the daily budget ({cap} of {daily} a day).":
        "Ausgabenänderungen gibt die Richtlinie nie frei: {approver} zeichnet sie ab, und eine Maßnahme verschiebt höchstens {pct}\u00a0% des Tagesbudgets ({cap} von {daily} pro Tag).",
    "{start} to {end}": "{start} bis {end}",
    "{kind} (a policy never approves its own change)": "{kind} (eine Richtlinie gibt nie ihre eigene Änderung frei)",
    "any draft with a QC blocker": "jeder Entwurf mit einem blockierenden Qualitätsproblem",
    "any change of spend, whatever the level ({approver} signs it off)":
        "jede Änderung der Ausgaben, auf jeder Stufe ({approver} zeichnet sie ab)",
    "No monitoring data yet ({note}). This plan says what to watch and what to do if a rule is met; it reports no results.":
        "Noch keine Monitoring-Daten ({note}). Dieser Plan sagt, worauf zu achten ist und was zu tun ist, wenn eine Regel erfüllt ist; er meldet keine Ergebnisse.",
    "Guards": "Sicherungen",
    "Content guard:": "Inhaltssicherung:",
    "Spend guard:": "Ausgabensicherung:",
    "any draft with a major QC issue": "jeder Entwurf mit einem schweren Qualitätsproblem",
    "any draft whose QC score is below {threshold}": "jeder Entwurf mit einer Qualitätspunktzahl unter {threshold}",
    "these kinds, which the policy does not cover: {kinds}": "diese Arten, die die Richtlinie nicht abdeckt: {kinds}",
    "every draft of every kind, at this level": "jeder Entwurf jeder Art, auf dieser Stufe",
    "{points} per {severity} issue": "{points} pro {severity} Problem",
    "The QC score of a draft is {start}, less {penalties}.": "Die Qualitätspunktzahl eines Entwurfs ist {start}, abzüglich {penalties}.",
    "Text that reaches an audience as written is included: {kinds}. Reviewers should spot-check it after approval.":
        "Texte, die unverändert ein Publikum erreichen, sind eingeschlossen: {kinds}. Prüfende sollten sie nach der Freigabe stichprobenartig kontrollieren.",
    "Approving this document stores the settings above as the campaign's autonomy policy, and the workflow enforces them on every approval made by the policy (recorded as made by the policy). Editing this wording does not change the stored settings; generate again to change them.":
        "Die Freigabe dieses Dokuments speichert die obigen Einstellungen als Autonomie-Richtlinie der Kampagne, und der Arbeitsablauf setzt sie bei jeder Freigabe durch die Richtlinie durch (als solche protokolliert). Eine Änderung dieses Textes ändert die gespeicherten Einstellungen nicht; erstellen Sie das Dokument neu, um sie zu ändern.",
    "Actions for {period}, each tied to a strategy rule.": "Maßnahmen für den Zeitraum {period}, jede an eine Regel der Strategie gebunden.",
    "The approved strategy has no decision rules or kill criteria, so there is nothing the plan may act on by itself. Add decision rules to the strategy (\"if this happens by then, we do that\") and generate this plan again.":
        "Die freigegebene Strategie hat weder Entscheidungsregeln noch Abbruchkriterien, daher kann der Plan von sich aus nichts tun. Ergänzen Sie die Strategie um Entscheidungsregeln („wenn bis dann dies passiert, tun wir das“) und erstellen Sie diesen Plan neu.",
    "Autonomy policy: {name}": "Autonomie-Richtlinie: {name}",
    "Autonomy policy: {level} ({name})": "Autonomie-Richtlinie: {level} ({name})",
    "Level:": "Stufe:",
    "QC threshold:": "Qualitätsschwelle:",
    "Nothing: at this level every draft waits for a person.": "Nichts: Auf dieser Stufe wartet jeder Entwurf auf einen Menschen.",
    "Why": "Warum",
    "What the policy may approve": "Was die Richtlinie freigeben darf",
    "What always needs a person": "Was immer einen Menschen braucht",
    "When it applies": "Wann sie gilt",
    "Based on the approved monitoring report {title} (version {version}).": "Auf Grundlage des freigegebenen Monitoring-Berichts {title} (Version {version}).",
    "The figures below are copied from it as computed.": "Die Zahlen unten sind unverändert aus ihm übernommen.",
    "KPI": "Kennzahl",
    # The monitoring report's computed KPIs, as the action plan's data table names them.
    "Impressions": 'Impressionen',
    "Clicks": 'Klicks',
    "Spend": 'Ausgaben',
    "Conversions": 'Conversions',
    "Revenue": 'Umsatz',
    "CTR": 'Klickrate',
    "CPC": 'Kosten pro Klick',
    "CPL": 'Kosten pro Kontakt',
    "Click-to-lead rate": 'Kontakte pro Klick',
    "Lead-to-conversion rate": 'Conversion-Rate der Kontakte',
    "Cost per conversion": 'Kosten pro Conversion',
    "ROAS": 'ROAS',
    "Value": "Wert",
    "Target": "Ziel",
    "Status": "Status",
    "Data": "Daten",
    "Actions": "Maßnahmen",
    "Action plan: {period}": "Maßnahmenplan: {period}",
    "Guard:": "Sicherung:",
    "Rules with no action this period": "Regeln ohne Maßnahme in diesem Zeitraum",
    "Action:": "Maßnahme:",
    "Watch:": "Beobachten:",
    "Trigger:": "Auslöser:",
    "figures:": "Zahlen:",
    "Rule {number} ({source})": "Regel {number} ({source})",
    "Rule {number}, {source}": "Regel {number}, {source}",
    "A person approves the policy itself and every change of spend.": "Ein Mensch gibt die Richtlinie selbst und jede Änderung der Ausgaben frei.",
    "At the review, check the rule as written and act only as it says.": "Bei der Auswertung die Regel so prüfen, wie sie geschrieben ist, und nur so handeln, wie sie es sagt.",
    "This plan turns the {count} rules of the approved strategy into guarded actions; {basis}. Each action names its rule, and code adds who approves it and any spend cap.":
        "Dieser Plan macht aus den Regeln der freigegebenen Strategie (Anzahl: {count}) abgesicherte Maßnahmen; {basis}. Jede Maßnahme nennt ihre Regel, und der Code ergänzt, wer sie freigibt und welche Ausgabengrenze gilt.",
    "This plan turns the one rule of the approved strategy into a guarded action; {basis}. The action names its rule, and code adds who approves it and any spend cap.":
        'Dieser Plan macht aus der einen Regel der freigegebenen Strategie eine abgesicherte Maßnahme; {basis}. Die Maßnahme nennt ihre Regel, und der Code ergänzt, wer sie freigibt und welche Ausgabengrenze gilt.',
    "Approving the autonomy policy itself: a policy never widens its own permissions.":
        "Die Freigabe der Autonomie-Richtlinie selbst: Eine Richtlinie erweitert nie ihre eigenen Befugnisse.",
    "Every change of spend, signed off by {approver}.": "Jede Änderung der Ausgaben, mit Freigabe durch {approver}.",
    "Any draft QC blocks, or that falls below the threshold, with the QC findings shown to the reviewer.":
        "Jeder Entwurf, den die Qualitätsprüfung blockiert oder der unter der Schwelle liegt, wobei die Befunde der prüfenden Person gezeigt werden.",
    "the KPIs of the approved monitoring report decide which rules are triggered":
        "die Kennzahlen des freigegebenen Monitoring-Berichts entscheiden, welche Regeln ausgelöst werden",
    "there is no monitoring data yet, so the plan names what to watch and acts only when a rule is met":
        "es gibt noch keine Monitoring-Daten, daher nennt der Plan, worauf zu achten ist, und handelt nur, wenn eine Regel erfüllt ist",
    "The figures meet this rule ({reason}), so {consequence}": "Die Zahlen erfüllen diese Regel ({reason}), also: {consequence}",
    "Posts, emails, ads and outreach that reach an audience as written, unless the policy lists them.":
        "Beiträge, E-Mails, Anzeigen und Akquise-Nachrichten, die unverändert ein Publikum erreichen, sofern die Richtlinie sie nicht aufführt.",
    "Every draft, at this level.": "Jeder Entwurf, auf dieser Stufe.",
    "The approved strategy has no rules yet, so the plan only watches.": "Die freigegebene Strategie hat noch keine Regeln, daher beobachtet der Plan nur.",
    "whether the change moves {metrics} at the next review": "ob die Änderung bei der nächsten Auswertung {metrics} bewegt",
    "No change: the figures do not meet this rule ({reason}), so keep the current plan":
        "Keine Änderung: Die Zahlen erfüllen diese Regel nicht ({reason}), daher gilt der aktuelle Plan weiter",
    # why a rule is (not) triggered (``autonomy.action_facts.reason_text``)
    "{metric} is {value}, below {limit}": "{metric}: {value}, unter {limit}",
    "{metric} is {value}, not below {limit}": "{metric}: {value}, nicht unter {limit}",
    "{metric} is {value}, above {limit}": "{metric}: {value}, über {limit}",
    "{metric} is {value}, not above {limit}": "{metric}: {value}, nicht über {limit}",
    "{metric} is {value}, {status} by the report": "{metric}: {value}, laut Bericht {status}",
    "At the review, {check}; if it holds, {consequence}": "Bei der Auswertung {check}; falls ja: {consequence}",
    "{metrics} at the next review": "{metrics} bei der nächsten Auswertung",
    "check whether {condition}": "prüfen, ob gilt: {condition}",
    "check the rule as written": "die Regel so prüfen, wie sie geschrieben ist",
    "the numbers this rule names, in the next approved monitoring report": "die Zahlen, die diese Regel nennt, im nächsten freigegebenen Monitoring-Bericht",
    "no monitoring data yet: the numbers this rule names, once a monitoring report is approved":
        "noch keine Monitoring-Daten: die Zahlen, die diese Regel nennt, sobald ein Monitoring-Bericht freigegeben ist",
    "Add decision rules to the strategy before the next review.": "Vor der nächsten Auswertung Entscheidungsregeln in die Strategie aufnehmen.",
}

# Leadgen: the scored leads, the outreach sequences and the lead-magnet ideas (the scoring's
# reasons are in ``_LEAD_REASONS`` below).
_LEADGEN = {
    "hot": "heiß",
    "warm": "warm",
    "cold": "kalt",
    "new": "neu",
    "contacted": "kontaktiert",
    "engaged": "interessiert",
    "qualified": "qualifiziert",
    "lost": "verloren",
    "Name": "Name",
    "Company": "Unternehmen",
    "Title": "Position",
    "Score": "Punkte",
    "Tier": "Stufe",
    "Top reasons": "Wichtigste Gründe",
    "Fit to the brief": "Passung zum Briefing",
    "Engagement": "Interaktion",
    "Recency": "Aktualität",
    "Reply or call within two working days, picking up on what they engaged with most recently.":
        "Innerhalb von zwei Werktagen antworten oder anrufen und an das anknüpfen, wofür sich der Kontakt zuletzt interessiert hat.",
    "Start the warm sequence and watch for a reply before any one-to-one follow-up.":
        "Die Sequenz „warm“ starten und vor jeder persönlichen Nachfassaktion auf eine Antwort warten.",
    "Add to the cold sequence; no one-to-one effort until they engage again.":
        "In die Sequenz „kalt“ aufnehmen; kein persönlicher Aufwand, bis sich der Kontakt wieder meldet.",
    "They are already engaged: make the next step small and easy.":
        "Diese Kontakte sind schon interessiert: Den nächsten Schritt klein und einfach halten.",
    "Answer the doubt most likely holding them back, then invite a low-effort next step.":
        "Den Zweifel ausräumen, der sie am ehesten zurückhält, und dann einen nächsten Schritt mit wenig Aufwand anbieten.",
    "Lead with a pain they will recognise and ask for nothing big.":
        "Mit einem Problem einsteigen, das sie wiedererkennen, und nichts Großes verlangen.",
    "One-page checklist": "Einseitige Checkliste",
    "Fill-in template": "Vorlage zum Ausfüllen",
    "Short email course in three parts": "Kurzer E-Mail-Kurs in drei Teilen",
    "Plain-words guide": "Leitfaden in einfachen Worten",
    "Scores {score} ({tier}): {reasons}.": "{score} Punkte ({tier}): {reasons}.",
    "not named": "nicht genannt",
    "A short note to follow up on the last message; reply if it is worth a conversation.":
        "Eine kurze Nachricht zur letzten Nachricht; antworten Sie, wenn sich ein Gespräch lohnt.",
    "not recorded": "nicht erfasst",
    "the client": "der Kunde",
    "**Example data**, not a real CRM export: {note}": "**Beispieldaten**, kein echter CRM-Export: {note}",
    "no component scored points": "kein Kriterium hat Punkte gebracht",
    "Subject:": "Betreff:",
    "{count} more qualifying leads are in the metadata, not listed here.":
        "Weitere ausgewählte Kontakte ({count}) stehen in den Metadaten und sind hier nicht aufgeführt.",
    "{name}, {title} at {company} (score {score})": "{name}, {title} bei {company} ({score} Punkte)",
    "Touch 1, day {day}: email": "Kontakt 1, Tag {day}: E-Mail",
    "Touch 2, day {day}: LinkedIn message": "Kontakt 2, Tag {day}: LinkedIn-Nachricht",
    "Touch 3, day {day}: follow-up": "Kontakt 3, Tag {day}: Nachfassen",
    "Format:": "Format:",
    "The pain it answers:": "Das Problem, auf das es antwortet:",
    "Lead-magnet ideas: {client}": "Ideen für Lead-Magneten: {client}",
    "Scored leads: {qualifying} of {in_file}": "Bewertete Kontakte: {qualifying} von {in_file}",
    "Scored leads: {client}": "Bewertete Kontakte: {client}",
    "A quick note": "Eine kurze Nachricht",
    "{in_file} leads in {source}: {by_status} left out by status (kept: {statuses}), {below} below the minimum score of {min_score}. **{qualifying} qualify**; the top {in_plan} are in the outreach plan.":
        "Kontakte in {source}: {in_file}; nach Status ausgeschlossen: {by_status} (behalten: {statuses}); unter der Mindestpunktzahl von {min_score}: {below}. **Ausgewählt: {qualifying}**; die besten {in_plan} stehen im Akquiseplan.",
    "Scores are computed by rules in code, not by a language model; recency is measured from the latest activity in the file ({reference}), so the same file always scores the same.":
        "Die Punkte berechnen Regeln im Code, kein Sprachmodell; die Aktualität wird ab der letzten Aktivität in der Datei gemessen ({reference}), daher erhält dieselbe Datei immer dieselben Punkte.",
    "**Before sending:** a person adds each lead's first name and one line about what they engaged with, and sends only to the people listed above.":
        "**Vor dem Versand:** Ein Mensch ergänzt den Vornamen jedes Kontakts und eine Zeile dazu, wofür er sich interessiert hat, und schreibt nur den oben aufgeführten Personen.",
    "Outreach sequence: {tier} leads ({count})": "Akquise-Sequenz: Kontakte der Stufe {tier} ({count})",
    "Outreach sequence: {tier} leads": "Akquise-Sequenz: Kontakte der Stufe {tier}",
    "Follow up on what the lead engaged with": "An das anknüpfen, wofür sich der Kontakt interessiert hat",
    "the pain named in the brief": "das im Briefing genannte Problem",
    "an example file": "eine Beispieldatei",
    "every email address is on a reserved example domain": "alle E-Mail-Adressen liegen auf einer für Beispiele reservierten Domain",
    "**The ideal customer, from the approved brief:** roles {roles}; industries {industries}; company size {size}; geography {geography}.":
        "**Der ideale Kunde laut freigegebenem Briefing:** Rollen: {roles}; Branchen: {industries}; Unternehmensgröße: {size}; Region: {geography}.",
    "What the reader gets, step by step": "Was die Leser bekommen, Schritt für Schritt",
    "Next step:": "Nächster Schritt:",
    "Angle:": "Ansatz:",
    'For {count} lead from the file:':
        'Für {count} Kontakt aus der Datei:',
    'For these {count} leads from the file:':
        'Für diese {count} Kontakte aus der Datei:',
    "no dates in the file": "keine Daten in der Datei",
    "Leads": "Kontakte",
    "The top leads, in plain words": "Die besten Kontakte, in einfachen Worten",
    "Tiers: hot 70 and above, warm 45 to 69, cold below 45.": "Stufen: heiß ab 70, warm von 45 bis 69, kalt unter 45.",
    "{low} to {high}": "{low} bis {high}",
    "not given": "nicht angegeben",
    "How scores are computed": "Wie die Punkte berechnet werden",
    "Component": "Kriterium",
    "Max points": "Max. Punkte",
    "Rule": "Regel",
    # The scoring rules (``leads.scoring.SCORE_RULES``), as the leads table's rules section shows them.
    "Industry": "Branche",
    "Company size": "Unternehmensgröße",
    "Geography": "Region",
    "Email opens": "Geöffnete E-Mails",
    "Email clicks": "Klicks in E-Mails",
    "Site visits": "Website-Besuche",
    "Replied": "Antwort",
    '20 when the job title names a role the audience names; 10 for another senior role':
        '20, wenn die Position eine Rolle ist, die die Zielgruppe nennt; 10 für eine andere leitende Position',
    "15 when the lead's industry is one the brief names":
        '15, wenn die Branche des Kontakts eine ist, die das Briefing nennt',
    '10 when the head count overlaps the size range in the brief':
        '10, wenn die Mitarbeiterzahl in die Größenspanne des Briefings fällt',
    "5 when the country is in the brief's geography; 2 for the same country, region unconfirmed":
        '5, wenn das Land in der Region des Briefings liegt; 2 für dasselbe Land, Region unbestätigt',
    '1 point per open, at most 5':
        '1 Punkt pro Öffnung, höchstens 5',
    '3 points per click, at most 9':
        '3 Punkte pro Klick, höchstens 9',
    '2 points per visit, at most 6':
        '2 Punkte pro Besuch, höchstens 6',
    '15 when the lead replied':
        '15, wenn der Kontakt geantwortet hat',
    "15 if active within 7 days of the file's latest activity, 10 within 30, 5 within 90":
        '15 bei Aktivität innerhalb von 7 Tagen vor der letzten Aktivität in der Datei, 10 innerhalb von 30, 5 innerhalb von 90',
    "No scoring rule gave it points.": "Keine Bewertungsregel hat Punkte vergeben.",
    "{name} at {company} scores {score}, a {tier} lead.": "{name} ({company}) erreicht {score} Punkte: ein Kontakt der Stufe {tier}.",
    "our team": "unser Team",
    "the problem {client} solves": "das Problem, das {client} löst",
    "what {client} offers": "was {client} bietet",
    "A fair question: {objection}. Ask us, and we will answer plainly.": "Eine berechtigte Frage: {objection}. Fragen Sie uns, wir antworten offen.",
    "understanding what {client} does": "verstehen, was {client} macht",
    "{form}: from {pain} to {outcome}": "{form}: von „{pain}“ zu „{outcome}“",
    "Where the week goes today: {pain}; the reader notes their own numbers, we add none":
        "Wo die Woche heute bleibt: {pain}; die Leser notieren ihre eigenen Zahlen, wir fügen keine hinzu",
    "The steps that lead to {outcome}": "Die Schritte zu diesem Ergebnis: {outcome}",
    "Points it did not get": "Nicht erreichte Punkte",
    "Hello, I work with {client}. We help with {pain}, so the result is {outcome}. Happy to share how it works if useful.":
        "Guten Tag, ich arbeite mit {client}. Wir helfen bei diesem Problem: {pain}. Das Ergebnis: {outcome}. Gern erkläre ich, wie es funktioniert, wenn es Ihnen nützt.",
    "Hello, I work with {client}. Happy to share how it works if useful.": "Guten Tag, ich arbeite mit {client}. Gern erkläre ich, wie es funktioniert, wenn es Ihnen nützt.",
    "When you are ready: {cta}": "Wenn es für Sie passt: {cta}",
    "How {client} helps: {usp}": "Wie {client} hilft: {usp}",
    "How {client} helps": "Wie {client} hilft",
    "If {pain} sounds familiar, {client} was built for exactly that.": "Wenn Ihnen „{pain}“ bekannt vorkommt: Genau dafür gibt es {client}.",
    "Hello,": "Guten Tag,",
    "If the timing is wrong, no problem: reply and we will not chase.": "Wenn es gerade nicht passt, kein Problem: Antworten Sie kurz, dann melden wir uns nicht mehr.",
    "Get the {form}": "Jetzt erhalten: {form}",
    "A short follow-up on {pain}.": "Eine kurze Nachfrage zu diesem Problem: {pain}.",
    "Hello again,": "Guten Tag noch einmal,",
    # leadgen for people buying for themselves, and a short campaign's touch days
    "If {pain} sounds familiar, {client} is for you.":
        "Wenn Ihnen „{pain}“ bekannt vorkommt: {client} ist genau das Richtige für Sie.",
    "A quick reminder from {client}: {outcome}.": "Eine kurze Erinnerung von {client}: {outcome}.",
    "A quick reminder from {client}.": "Eine kurze Erinnerung von {client}.",
    "A last reminder from {client}": "Eine letzte Erinnerung von {client}",
    "A last reminder from {client}.": "Eine letzte Erinnerung von {client}.",
    "Touch 2, day {day}: reminder email": "Kontakt 2, Tag {day}: Erinnerungs-E-Mail",
    "Touch 3, day {day}: last reminder": "Kontakt 3, Tag {day}: letzte Erinnerung",
    "The campaign runs from {start} to {end}: day 0 is its first day, and no touch falls after its last.":
        "Die Kampagne läuft vom {start} bis zum {end}: Tag 0 ist ihr erster Tag, und kein Kontakt fällt auf einen Tag danach.",
    "{name} (score {score})": "{name} ({score} Punkte)",
    "{name} scores {score}, a {tier} lead.": "{name} erreicht {score} Punkte: ein Kontakt der Stufe {tier}.",
    "Answer them the same day, picking up on what they engaged with most recently.":
        "Noch am selben Tag antworten und an das anknüpfen, wofür sich der Kontakt zuletzt interessiert hat.",
    "What gets in the way today: {pain}": "Was heute im Weg steht: {pain}",
}

# The leads scoring's reasons (``leads.scoring``, each component's sentences; ``leadgen.reasons``).
_LEAD_REASONS = {
    "title {title} is a role the audience names ({role})":
        "Position {title} ist eine Rolle, die die Zielgruppe nennt ({role})",
    "title {title} is a senior role ({role}); the audience names no roles":
        "Position {title} ist eine Führungsrolle ({role}); die Zielgruppe nennt keine Rollen",
    "title {title} is senior ({role}) but not a role the audience names ({roles})":
        "Position {title} ist leitend ({role}), aber keine Rolle, die die Zielgruppe nennt ({roles})",
    "title {title} is not a role the audience names":
        "Position {title} ist keine Rolle, die die Zielgruppe nennt",
    "industry not recorded": "Branche nicht erfasst",
    "the brief names no customer industry to compare with":
        "das Briefing nennt keine Kundenbranche zum Vergleich",
    "industry {industry} is one the brief names ({word})":
        "Branche {industry} ist eine, die das Briefing nennt ({word})",
    "industry {industry} is not one the brief names":
        "Branche {industry} ist keine, die das Briefing nennt",
    "the brief gives no company size to compare with":
        "das Briefing nennt keine Unternehmensgröße zum Vergleich",
    "company size not recorded": "Unternehmensgröße nicht erfasst",
    "company size {size} fits {low} to {high}": "Unternehmensgröße {size} passt zu {low} bis {high}",
    "company size {size} is outside {low} to {high}":
        "Unternehmensgröße {size} liegt außerhalb von {low} bis {high}",
    "the brief names no geography": "das Briefing nennt keine Region",
    "country not recorded": "Land nicht erfasst",
    "{country} is in the brief's geography": "{country} liegt in der Region des Briefings",
    "{country}: the same country as the brief's geography, region not confirmed":
        "{country}: dasselbe Land wie die Region des Briefings, Region nicht bestätigt",
    "{country} is outside the brief's geography": "{country} liegt außerhalb der Region des Briefings",
    "opened {count} email": "hat {count} E-Mail geöffnet",
    "opened {count} emails": "hat {count} E-Mails geöffnet",
    "clicked {count} email link": "hat auf {count} E-Mail-Link geklickt",
    "clicked {count} email links": "hat auf {count} E-Mail-Links geklickt",
    "visited the site once": "hat die Website einmal besucht",
    "visited the site {count} times": "hat die Website {count}-mal besucht",
    "no email opens recorded": "keine E-Mail-Öffnungen erfasst",
    "no email clicks recorded": "keine E-Mail-Klicks erfasst",
    "no site visits recorded": "keine Website-Besuche erfasst",
    "(capped at {cap} points)": "(höchstens {cap} Punkte)",
    "replied to outreach": "hat auf die Ansprache geantwortet",
    "has not replied": "hat nicht geantwortet",
    "replies not recorded": "Antworten nicht erfasst",
    "no last activity date": "kein Datum der letzten Aktivität",
    "last active on the file's latest activity date ({date})":
        "zuletzt aktiv am jüngsten Aktivitätsdatum der Datei ({date})",
    "last active {count} day before the file's latest activity ({date})":
        "zuletzt aktiv {count} Tag vor der jüngsten Aktivität der Datei ({date})",
    "last active {count} days before the file's latest activity ({date})":
        "zuletzt aktiv {count} Tage vor der jüngsten Aktivität der Datei ({date})",
}


# Leads who are people (``leads.scoring`` for a person; leadgen's documents for a file of people).
_PEOPLE = {
    'job title not recorded':
        'Position nicht erfasst',
    'no orders yet':
        'noch keine Bestellungen',
    'placed {count} order':
        'hat {count} Bestellung aufgegeben',
    'placed {count} orders':
        'hat {count} Bestellungen aufgegeben',
    'orders not recorded':
        'Bestellungen nicht erfasst',
    'total spent not recorded':
        'Gesamtumsatz nicht erfasst',
    'nothing spent yet':
        'noch nichts ausgegeben',
    'spent {spent} in total':
        'hat insgesamt {spent} ausgegeben',
    "spent {spent} in total, at or above the file's median among people who bought ({median})":
        'hat insgesamt {spent} ausgegeben, mindestens den Median der Datei unter Käufern ({median})',
    "spent {spent} in total, below the file's median among people who bought ({median})":
        'hat insgesamt {spent} ausgegeben, unter dem Median der Datei unter Käufern ({median})',
    'accepts email marketing':
        'akzeptiert Marketing-E-Mails',
    'has not accepted email marketing':
        'hat Marketing-E-Mails nicht akzeptiert',
    'consent to email marketing not recorded':
        'Einwilligung in Marketing-E-Mails nicht erfasst',
    'member rating not recorded':
        'Kontaktbewertung nicht erfasst',
    'member rating {rating} of 5':
        'Kontaktbewertung: {rating} von 5',
    'Orders':
        'Bestellungen',
    'Total spent':
        'Gesamtumsatz',
    'Email marketing':
        'Marketing-E-Mails',
    'Member rating':
        'Kontaktbewertung',
    '5 points per order, at most 15':
        '5 Punkte pro Bestellung, höchstens 15',
    "10 at or above the file's median spend among people who bought; 5 below it":
        '10 ab dem Median der Ausgaben der Käufer in der Datei; 5 darunter',
    '10 when the person accepts email marketing':
        '10, wenn die Person Marketing-E-Mails akzeptiert',
    '10 for a member rating of 5 stars, 6 for 4 stars, 3 for 3 stars':
        '10 für eine Kontaktbewertung von 5 Sternen, 6 für 4 Sterne, 3 für 3 Sterne',
    'What they bought':
        'Käufe',
    '**A good lead, from the approved brief and the file:** a person in the audience the brief names ({audience}), in its geography ({geography}), who has bought (orders, total spent), is engaged (member rating, email opens and clicks, site visits, replies), accepts email marketing and was active recently. Job title, industry and company size are not scored for people.':
        '**Ein guter Kontakt, laut freigegebenem Briefing und Datei:** eine Person aus der Zielgruppe, die das Briefing nennt ({audience}), in seiner Region ({geography}), die gekauft hat (Bestellungen, Gesamtumsatz), interagiert (Kontaktbewertung, E-Mail-Öffnungen und -Klicks, Website-Besuche, Antworten), Marketing-E-Mails akzeptiert und kürzlich aktiv war. Position, Branche und Unternehmensgröße werden bei Privatpersonen nicht bewertet.',
    "A person's score is their points as a share of the {possible} points this file's columns can give.":
        'Der Score einer Person ist ihr Anteil an den {possible} Punkten, die die Spalten dieser Datei geben können.',
    'The file has no column for: {components}; those count for nothing.':
        'Die Datei hat keine Spalte für: {components}; diese Kriterien zählen nicht.',
    'Total spent is 0 or blank on every row of the file (a free event, or nothing bought yet), so it tells no one apart and is not scored.':
        'Der Gesamtumsatz ist in jeder Zeile der Datei 0 oder leer (eine kostenlose Veranstaltung, oder noch nichts gekauft): Er unterscheidet niemanden und wird nicht bewertet.',
    '**Consent not on record:** {count} person in the outreach plan has no record in the file of accepting email marketing (row {rows}); check that you may email them before sending.':
        '**Einwilligung nicht erfasst:** Für {count} Person im Kontaktplan ist in der Datei keine Einwilligung in Marketing-E-Mails erfasst (Zeile {rows}); prüfen Sie vor dem Versand, ob Sie ihr schreiben dürfen.',
    '**Consent not on record:** {count} people in the outreach plan have no record in the file of accepting email marketing (rows {rows}); check that you may email them before sending.':
        '**Einwilligung nicht erfasst:** Für {count} Personen im Kontaktplan ist in der Datei keine Einwilligung in Marketing-E-Mails erfasst (Zeilen {rows}); prüfen Sie vor dem Versand, ob Sie ihnen schreiben dürfen.',
    '{count} lead in the file is a person, with no company.':
        '{count} Kontakt in der Datei ist eine Privatperson, ohne Unternehmen.',
    '{count} leads in the file are people, with no company.':
        '{count} Kontakte in der Datei sind Privatpersonen, ohne Unternehmen.',
    'no name (row {row})':
        'ohne Namen (Zeile {row})',
    'Not contacted: no consent to email marketing':
        'Nicht kontaktiert: keine Einwilligung in Marketing-E-Mails',
    '{count} qualifying lead has not accepted email marketing: left out of the outreach sequences and not emailed.':
        '{count} ausgewählter Kontakt hat Marketing-E-Mails nicht akzeptiert: Er bleibt außerhalb der Akquise-Sequenzen und erhält keine E-Mail.',
    '{count} qualifying leads have not accepted email marketing: left out of the outreach sequences and not emailed.':
        '{count} ausgewählte Kontakte haben Marketing-E-Mails nicht akzeptiert: Sie bleiben außerhalb der Akquise-Sequenzen und erhalten keine E-Mail.',
    '**Not contacted: no consent to email marketing ({count} lead):**':
        '**Nicht kontaktiert, da keine Einwilligung in Marketing-E-Mails ({count} Kontakt):**',
    '**Not contacted: no consent to email marketing ({count} leads):**':
        '**Nicht kontaktiert, da keine Einwilligung in Marketing-E-Mails ({count} Kontakte):**',
}

OPS = {**_AUTONOMY, **_LEADGEN, **_LEAD_REASONS, **_PEOPLE}
