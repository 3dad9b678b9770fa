"""German: the renderers' headings and labels, execution's plan and its documents (the content
calendar, the UTM plan, the governance plan), creatives' working titles and delivery's executive
summary (see ``translations/__init__.py``); ``de.py`` holds intake's and strategy's sentences."""

from __future__ import annotations

# The renderers' headings and labels.
_HEADINGS = {
    'Answering objections': 'Einwände beantworten',
    'Audience': 'Zielgruppe',
    'Audience psychology': 'Psychologie der Zielgruppe',
    'Budget and timing': 'Budget und Zeitplan',
    'Business reality': 'Geschäftliche Realität',
    'Cadence:': 'Rhythmus:',
    'Calls to action': 'Aufrufe zum Handeln',
    'Campaign objective: {objective}': 'Kampagnenziel: {objective}',
    'Channels': 'Kanäle',
    'Constraints': 'Vorgaben',
    'Core message': 'Kernbotschaft',
    'Decision rules': 'Entscheidungsregeln',
    'Do: {advice}': 'So ja: {advice}',
    "Don't: {advice}": 'So nicht: {advice}',
    'Goals': 'Ziele',
    'Ideal-customer persona for {client}.': 'Persona des idealen Kunden für {client}.',
    'KPI targets': 'Zielwerte',
    'KPI:': 'Kennzahl:',
    'Kill criteria:': 'Abbruchkriterien:',
    'Languages': 'Sprachen',
    'Market truth': 'Marktrealität',
    'Measurement': 'Messung',
    'Message pillars': 'Säulen der Botschaft',
    'Messaging framework: {name}': 'Botschaftsrahmen: {name}',
    'Narrative': 'Erzählung',
    'No objections recorded in the brief.': 'Im Briefing sind keine Einwände vermerkt.',
    'Objections': 'Einwände',
    'Objective and KPI targets': 'Ziel und Zielwerte',
    'Objectives': 'Ziele',
    'Offer': 'Angebot',
    'Open questions for the client': 'Offene Fragen an den Kunden',
    'Overview': 'Überblick',
    'Pains': 'Probleme',
    'Positioning': 'Positionierung',
    'Principles': 'Grundsätze',
    'Proof to confirm with the client:': 'Mit dem Kunden zu klärende Belege:',
    'Reach {target}': 'Erreichen: {target}',
    'Required disclaimers': 'Pflichthinweise',
    'Review cadence:': 'Auswertungsrhythmus:',
    'Role:': 'Rolle:',
    'Sample lines in this voice': 'Beispielsätze in dieser Tonalität',
    'Strategy: {name}': 'Strategie: {name}',
    "The brand's banned words are listed in the brand voice guide and checked by QC on every draft.": 'Die verbotenen Wörter der Marke stehen im Leitfaden zur Tonalität und werden von der Qualitätskontrolle in jedem Entwurf geprüft.',
    'The message most likely to land': 'Die Botschaft, die am ehesten ankommt',
    'The problem:': 'Das Problem:',
    'Value architecture': 'Wertarchitektur',
    'What makes it different': 'Was sie unterscheidet',
    'What makes them look for a solution': 'Was sie nach einer Lösung suchen lässt',
    'Where to reach them': 'Wo man sie erreicht',
    'Words to avoid': 'Zu vermeidende Wörter',
    "Words to prefer (the customer's own)": 'Bevorzugte Wörter (die der Kunden)',
    'Words we never use': 'Wörter, die wir nie verwenden',
    'budget to confirm': 'Budget noch zu klären',
    'no KPI targets agreed yet': 'noch keine Zielwerte vereinbart',
    'none': 'keine',
    'none listed by the client': 'vom Kunden keine genannt',
    'none recorded': 'keine vermerkt',
    'none yet': 'noch keine',
    'not known yet': 'noch nicht bekannt',
    'see the brand voice guide': 'siehe Leitfaden zur Tonalität',
    'theme:': 'Thema:',
    '{name}: brand voice guide': '{name}: Leitfaden zur Tonalität',
    '{name}: client summary': '{name}: Kundenübersicht',
}

# execution's plan: slot notes, governance, UTM explanation.
_EXECUTION = {
    'Every approved {platform} asset has already run {count} times: add a new one in Creatives (a new angle on a pillar) so the feed does not repeat itself.':
        'Jeder freigegebene {platform}-Inhalt lief schon {count}-mal: in Creatives einen neuen hinzufügen (ein neuer Blick auf eine Säule), damit sich der Feed nicht wiederholt.',
    'No approved {platform} asset yet: add one in Creatives and approve it, or drop this slot from the plan.':
        'Noch kein freigegebener {platform}-Inhalt: einen in Creatives anlegen und freigeben oder diesen Termin aus dem Plan nehmen.',
    "First run: lead with the asset's own hook, {hook}.":
        'Erste Veröffentlichung: mit dem eigenen Einstieg des Inhalts beginnen, {hook}.',
    'First run of this asset as approved.':
        'Erste Veröffentlichung dieses Inhalts wie freigegeben.',
    'Run {run} of this asset: open on the {pillar} pillar instead of the original hook, and answer questions from earlier runs.':
        'Veröffentlichung Nr. {run} dieses Inhalts: mit der Säule {pillar} statt mit dem ursprünglichen Einstieg beginnen und Fragen aus früheren Veröffentlichungen beantworten.',
    'Run {run} of this asset: keep the approved text and answer questions from earlier runs.':
        'Veröffentlichung Nr. {run} dieses Inhalts: den freigegebenen Text beibehalten und Fragen aus früheren Veröffentlichungen beantworten.',
    'Post the tracked link as the first comment: {link}':
        'Den getrackten Link als ersten Kommentar posten: {link}',
    'Reply to the post with the tracked link: {link}':
        'Auf den Beitrag mit dem getrackten Link antworten: {link}',
    "Put the tracked link in the bio for the day and point to it in the caption's call to action.":
        'Den getrackten Link für den Tag in die Bio setzen und im Aufruf zum Handeln der Bildunterschrift darauf verweisen.',
    'the reviewer who approves this plan in AICMO Workbench':
        'die Person, die diesen Plan in AICMO Workbench freigibt',
    'the rules in the brand voice guide':
        'die Regeln im Leitfaden zur Tonalität',
    'The analyst drafts or adapts each post in AICMO Workbench from its approved creative, with the tracked link from the UTM plan.':
        'Das Analyseteam erstellt oder passt jeden Beitrag in AICMO Workbench aus dem freigegebenen Inhalt an, mit dem getrackten Link aus dem UTM-Plan.',
    'QC runs on every version: platform limits, placeholders, banned words, required disclaimers and calls to action; blockers are fixed before review.':
        'Die Qualitätskontrolle prüft jede Version: Plattformgrenzen, Platzhalter, verbotene Wörter, Pflichthinweise und Aufrufe zum Handeln; Blocker werden vor der Prüfung behoben.',
    'Review and approval by {approvers}: each post is approved, or sent back with a comment.':
        'Prüfung und Freigabe durch {approvers}: Jeder Beitrag wird freigegeben oder mit einem Kommentar zurückgeschickt.',
    'Only approved versions are scheduled; an edit after approval creates a new draft that needs approval again.':
        'Nur freigegebene Versionen werden eingeplant; eine Änderung nach der Freigabe erzeugt einen neuen Entwurf, der erneut freigegeben werden muss.',
    "Approvals are recorded in AICMO Workbench with the reviewer's name, the time and the version approved. Approvers: {approvers}. A post that is not approved before its slot stays unpublished and moves to the next free slot of its platform.":
        'Freigaben werden in AICMO Workbench mit dem Namen der prüfenden Person, der Uhrzeit und der freigegebenen Version festgehalten. Freigabe: {approvers}. Ein Beitrag, der vor seinem Termin nicht freigegeben ist, bleibt unveröffentlicht und rückt auf den nächsten freien Termin seiner Plattform.',
    'Anything that touches the offer or pricing, a complaint, a legal or data-protection question, or a claim the brief does not support goes to {contact}, and nothing of that kind is answered publicly before they reply.':
        'Alles, was Angebot oder Preise betrifft, eine Beschwerde, eine Rechts- oder Datenschutzfrage oder eine Aussage, die das Briefing nicht stützt, geht an {contact}, und nichts davon wird öffentlich beantwortet, bevor eine Antwort vorliegt.',
    'the account lead':
        'die Kundenverantwortliche',
    'Replies follow the brand voice: {voice}.':
        'Antworten folgen der Tonalität der Marke: {voice}.',
    'Replies follow the brand voice.':
        'Antworten folgen der Tonalität der Marke.',
    'Never use the banned words ({banned}).':
        'Die verbotenen Wörter nie verwenden ({banned}).',
    'Answer questions about the product from the approved messaging only, move account or billing questions to a private channel, and log recurring questions for the next round of creatives.':
        'Fragen zum Produkt nur mit den freigegebenen Botschaften beantworten, Konto- oder Rechnungsfragen in einen privaten Kanal verlagern und wiederkehrende Fragen für die nächste Runde an Inhalten notieren.',
    'the campaign slug':
        'die Kennung der Kampagne',
    "Every link in this calendar carries the same utm_campaign value, {campaign}, so the campaign's visits and sign-ups can be filtered in one view of the analytics tool. utm_source names the platform ({platforms}) and utm_medium separates social posts, emails and paid ads, so each platform's cost and results can be compared; utm_content names the asset, so the same comparison works asset by asset.":
        'Jeder Link in diesem Kalender trägt denselben utm_campaign-Wert, {campaign}, damit sich Besuche und Anmeldungen der Kampagne in einer Ansicht des Analysetools filtern lassen. utm_source nennt die Plattform ({platforms}) und utm_medium trennt Beiträge, E-Mails und bezahlte Anzeigen, damit sich Kosten und Ergebnisse jeder Plattform vergleichen lassen; utm_content nennt den Inhalt, damit derselbe Vergleich Inhalt für Inhalt funktioniert.',
}

# creatives' working titles, asset labels and document labels.
_CREATIVES = {
    'LinkedIn post': 'LinkedIn-Beitrag',
    'Instagram caption': 'Instagram-Bildunterschrift',
    'Instagram carousel': 'Instagram-Karussell',
    'X post': 'X-Beitrag',
    'X thread': 'X-Thread',
    'Email': 'E-Mail',
    'Ad copy': 'Anzeigentext',
    'Video script': 'Videoskript',
    'Image prompt': 'Bild-Prompt',
    'Target platform:': 'Zielplattform:',
    'Hashtags:': 'Hashtags:',  # as QC reads the label (qc/_text.py)
    'Disclaimer:': 'Pflichthinweis:',
    'Visual:': 'Bild:',
    'Voiceover:': 'Sprechertext:',
    'Hook (opening line):': 'Einstieg (erster Satz):',
    'Scenes': 'Szenen',
    'Call to action:': 'Aufruf zum Handeln:',
    'Concept:': 'Idee:',
    'Prompt:': 'Prompt:',
    'Overlay text:': 'Text im Bild:',
    'Headline:': 'Überschrift:',
    'Primary text:': 'Haupttext:',
    'Slide {n}: {heading}': 'Folie {n}: {heading}',
    '{theme}, in five slides': '{theme}, in fünf Folien',
    '{theme}: a short thread': '{theme}: ein kurzer Thread',
    '{theme} email': '{theme}: E-Mail',
    '{theme}: short video': '{theme}: kurzes Video',
    '{theme}: the picture': '{theme}: das Bild',
    '{theme}: the after picture': '{theme}: das Bild danach',
    'The picture: {outcome}': 'Das Bild: {outcome}',
    'The after picture: {outcome}': 'Das Bild danach: {outcome}',
}

# delivery's executive summary for the client pack.
_DELIVERY = {
    'Client intake': 'Kundenaufnahme',
    'Strategy': 'Strategie',
    'Creatives': 'Inhalte',
    'Execution': 'Umsetzung',
    'Monitoring': 'Monitoring',
    'Learn': 'Erkenntnisse',
    'Lead generation': 'Lead-Generierung',
    'Delivery': 'Übergabe',
    'Autonomy': 'Autonomie',
    "{campaign} is {brand}'s campaign for {audience}.":
        '{campaign} ist die Kampagne von {brand} für diese Zielgruppe: {audience}.',
    "{campaign} is {brand}'s campaign.":
        '{campaign} ist die Kampagne von {brand}.',
    'It puts one offer in front of them: {offer}.':
        'Sie stellt ihnen ein einziges Angebot vor: {offer}.',
    'Its objective: {objective}.':
        'Ihr Ziel: {objective}.',
    'make the audience aware of the brand':
        'die Marke bei der Zielgruppe bekannt machen',
    'get the brand considered':
        'die Marke in die engere Wahl bringen',
    'generate leads':
        'qualifizierte Kontakte gewinnen',
    'drive sales':
        'Verkäufe steigern',
    'keep existing customers':
        'Bestandskunden halten',
    'launch the offer':
        'das Angebot einführen',
    'email':
        'E-Mail',
    'the blog':
        'den Blog',
    'paid ads':
        'bezahlte Anzeigen',
    'The strategy runs under the theme {theme}':
        'Die Strategie läuft unter dem Thema {theme}',
    'The strategy runs':
        'Die Strategie läuft',
    'for {length}':
        'über {length}',
    'on {channels}':
        'auf diesen Kanälen: {channels}',
    'within a budget of {budget}':
        'mit einem Budget von {budget}',
    'Its core message: {message}':
        'Ihre Kernbotschaft: {message}',
    "Success is measured against the client's own targets: {targets}.":
        'Der Erfolg wird an den eigenen Zielen des Kunden gemessen: {targets}.',
    'No KPI targets were agreed at intake; they are the first thing to agree.':
        'Bei der Aufnahme wurden keine Ziele vereinbart; sie sind als Erstes festzulegen.',
    '{count} decision rules in the strategy say what changes if a channel or a KPI falls behind.':
        'Entscheidungsregeln in der Strategie: {count}; sie legen fest, was sich ändert, wenn ein Kanal oder eine Kennzahl zurückfällt.',
    '{count} from {section}':
        '{count} aus dem Teil „{section}“',
    'This pack holds {total} approved deliverable: {counts}.':
        'Diese Mappe enthält {total} freigegebenes Ergebnis: {counts}.',
    'This pack holds {total} approved deliverables: {counts}.':
        'Diese Mappe enthält {total} freigegebene Ergebnisse: {counts}.',
    'Each one is the version the reviewer approved, listed with who approved it and when, and every one has passed the pre-flight checks listed at the end of the pack.':
        'Jedes ist die freigegebene Version, mit Angabe, wer sie wann freigegeben hat, und alle haben die Prüfungen am Ende der Mappe bestanden.',
    'Before this pack is sent, fix what the pre-flight checklist flags: {failed}.':
        'Bevor diese Mappe verschickt wird, beheben, was die Prüfliste meldet: {failed}.',
    'Answer the {count} open questions in the client summary.':
        'Die offenen Fragen in der Kundenübersicht beantworten ({count}).',
    'Send the proof each message pillar asks for (real customer examples, with permission) before any asset quotes it.':
        'Die Belege liefern, die jede Säule der Botschaft verlangt (echte Kundenbeispiele, mit Erlaubnis), bevor ein Inhalt sie zitiert.',
    'Confirm the launch: the content calendar starts on {start} and runs to {end}.':
        'Den Start bestätigen: Der Redaktionsplan beginnt am {start} und läuft bis {end}.',
    'Confirm the launch: the content calendar starts on {start}.':
        'Den Start bestätigen: Der Redaktionsplan beginnt am {start}.',
    'Confirm the start date, {start}, and agree the content calendar.':
        'Das Startdatum ({start}) bestätigen und den Redaktionsplan abstimmen.',
    'Set up the tracked links from the UTM plan before the first post goes out.':
        'Die getrackten Links aus dem UTM-Plan einrichten, bevor der erste Beitrag erscheint.',
    'Share the first weeks of real performance data so results are measured against the targets, not estimated.':
        'Die ersten Wochen echter Leistungsdaten teilen, damit Ergebnisse an den Zielen gemessen und nicht geschätzt werden.',
    "Share the real performance data from the campaign's first days so results are measured against the targets, not estimated.":
        'Die echten Leistungsdaten der ersten Kampagnentage teilen, damit die Ergebnisse an den Zielen gemessen und nicht geschätzt werden.',
    'Keep to the review and escalation process in the governance plan for every change.':
        'Bei jeder Änderung den Prüf- und Eskalationsprozess des Governance-Plans einhalten.',
    '{theme}: the approved campaign for {brand}, ready for launch':
        '{theme}: die freigegebene Kampagne für {brand}, bereit zum Start',
    '{theme}: the approved campaign for {brand}, to finish before it is sent':
        '{theme}: die freigegebene Kampagne für {brand}, vor dem Versand fertigzustellen',
}

# execution's documents around the plan: the content calendar (its table's header as
# qc/calendar_table.py reads it, weekdays, counts), the UTM plan and the governance plan.
_CALENDAR = {
    'Content calendar: {name}': 'Redaktionsplan: {name}',
    'UTM plan: {name}': 'UTM-Plan: {name}',
    'Governance: {name}': 'Governance: {name}',
    '{start} to {end}': '{start} bis {end}',
    '1 post': '1 Beitrag',
    '{count} posts': '{count} Beiträge',
    'times are local to the audience': 'Uhrzeiten in der Ortszeit der Zielgruppe',
    'Note:': 'Hinweis:',
    'duration_weeks {given} ignored: {start} to {end} is 1 week; the dates decide the calendar':
        'duration_weeks {given} ignoriert: {start} bis {end} ist 1 Woche; die Daten bestimmen den Kalender',
    'duration_weeks {given} ignored: {start} to {end} is {weeks} weeks; the dates decide the calendar':
        'duration_weeks {given} ignoriert: {start} bis {end} sind {weeks} Wochen; die Daten bestimmen den Kalender',
    'Posts per platform': 'Beiträge pro Plattform',
    '1 post ({per_week} a week)': '1 Beitrag ({per_week} pro Woche)',
    '{count} posts ({per_week} a week)': '{count} Beiträge ({per_week} pro Woche)',
    '1 post (one a day)': '1 Beitrag (einer pro Tag)',
    '{count} posts (one a day)': '{count} Beiträge (einer pro Tag)',
    'Blackout dates:': 'Sperrtermine:',
    '1 planned post dropped': '1 geplanter Beitrag entfällt',
    '{count} planned posts dropped': '{count} geplante Beiträge entfallen',
    'Needs an asset:': 'Fehlende Inhalte:',
    '{platform} has no approved asset, so its slot is flagged':
        '{platform}: kein freigegebener Inhalt, daher ist der Slot markiert',
    '{platform} has no approved asset, so its {count} slots are flagged':
        '{platform}: kein freigegebener Inhalt, daher sind alle {count} Slots markiert',
    "{platform}'s approved assets have each run {runs} times, so its last slot is flagged":
        '{platform}-Inhalte liefen alle schon {runs}-mal, daher ist der letzte Slot markiert',
    "{platform}'s approved assets have each run {runs} times, so its last {count} slots are flagged":
        '{platform}-Inhalte liefen alle schon {runs}-mal, daher sind die letzten {count} Slots markiert',
    'Slot': 'Slot',
    'Date': 'Datum',
    'Day': 'Tag',
    'Time': 'Uhrzeit',
    'Platform': 'Plattform',
    'Asset': 'Inhalt',
    'Link (UTM-tagged)': 'Link (mit UTM)',
    'Monday': 'Montag',
    'Tuesday': 'Dienstag',
    'Wednesday': 'Mittwoch',
    'Thursday': 'Donnerstag',
    'Friday': 'Freitag',
    'Saturday': 'Samstag',
    'Sunday': 'Sonntag',
    'Ads': 'Anzeigen',
    'Needs an asset': 'Inhalt fehlt',
    'no landing page': 'keine Landingpage',
    'Notes per post': 'Hinweise pro Beitrag',
    'First comment: {comment}': 'Erster Kommentar: {comment}',
    'Convention': 'Konvention',
    'the platform (linkedin, instagram, x, email, facebook, ...)':
        'die Plattform (linkedin, instagram, x, email, facebook, ...)',
    'email for emails, paid for ad copy, social for everything else':
        'email für E-Mails, paid für Anzeigen, social für alles andere',
    '{campaign} (from the campaign name)': '{campaign} (aus dem Namen der Kampagne)',
    'the asset kind and the first characters of its id': 'die Art des Inhalts und die ersten Zeichen seiner ID',
    'Every link points at {url}.': 'Jeder Link verweist auf {url}.',
    'No landing page is recorded for the brand, so the table lists the parameters only; add the landing page (input `landing_url`) to get complete links.':
        'Für die Marke ist keine Landingpage hinterlegt, daher nennt die Tabelle nur die Parameter; die Landingpage (Eingabe `landing_url`) ergänzen, um vollständige Links zu erhalten.',
    'Posts': 'Beiträge',
    'Tracked link': 'Getrackter Link',
    'Approvers': 'Freigabe durch',
    'No approvers are named yet: until the client names them, the reviewer who approves this plan in AICMO Workbench signs off every post.':
        'Noch ist niemand für die Freigabe benannt: Bis der Kunde jemanden benennt, gibt die Person, die diesen Plan in AICMO Workbench freigibt, jeden Beitrag frei.',
    'Review process': 'Prüfprozess',
    'Approvals': 'Freigaben',
    'Escalation': 'Eskalation',
    'Escalation contact:': 'Eskalationskontakt:',
    'not named yet (agree one with the client before the first post)':
        'noch nicht benannt (vor dem ersten Beitrag mit dem Kunden vereinbaren)',
    'Comments and replies': 'Kommentare und Antworten',
}

OUTPUTS = {**_HEADINGS, **_EXECUTION, **_CREATIVES, **_DELIVERY, **_CALENDAR}
