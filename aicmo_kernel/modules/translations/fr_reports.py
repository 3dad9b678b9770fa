"""French: monitoring's performance report and recommendations, learn's lessons, and the client
pack's headings and checklist (see ``translations/__init__.py``).
No digits in these sentences: monitoring's grounding rule checks every figure of the narrative
against the KPI table, so numbers come only from the blanks, formatted as the table has them."""

from __future__ import annotations

# Monitoring: the report's headings, the narrative and the targets' statuses.
_MONITORING = {
    "met": "atteint",
    "ahead of pace": "en avance sur le rythme",
    "behind pace": "en retard sur le rythme",
    "not met": "non atteint",
    "on target": "dans l'objectif",
    "above target": "au-dessus de l'objectif",
    "below target": "sous l'objectif",
    "n/a (no data for the ratio)": "n/a (pas de données pour ce ratio)",
    "high priority": "priorité haute",
    "medium priority": "priorité moyenne",
    "low priority": "priorité basse",
    "the campaign": "la campagne",
    "**Example data.** These figures come from {source}, example data shipped with AICMO Workbench to show how the report works. They are not real campaign results.":
        "**Données d'exemple.** Ces chiffres viennent de {source}, des données d'exemple fournies avec AICMO Workbench pour montrer le fonctionnement du rapport. Ce ne sont pas de vrais résultats de campagne.",
    "Reporting period filter: {start} to {end}": "Filtre de période : du {start} au {end}",
    "Targets not measured by this data: {metrics}": "Objectifs que ces données ne mesurent pas : {metrics}",
    "Performance report: {name}": "Rapport de performance : {name}",
    "Recommendations: {name}": "Recommandations : {name}",
    "Data note from the file": "Note du fichier",
    "first row": "première ligne",
    "last row": "dernière ligne",
    "Source: {source} · platforms: {platforms}": "Source : {source} · plateformes : {platforms}",
    "KPIs (computed from the data)": "Indicateurs (calculés à partir des données)",
    "Charts": "Graphiques",
    "Insights": "Constats",
    "Data notes": "Notes sur les données",
    "From the performance report for {start} to {end}; every figure is from its KPI table.":
        "D'après le rapport de performance du {start} au {end} ; chaque chiffre vient de son tableau d'indicateurs.",
    "What to watch next": "À surveiller ensuite",
    "From {start} to {end}: {leads} leads from {spend} of spend, a cost per lead of {cpl}.":
        "Du {start} au {end} : {leads} contacts pour {spend} de dépenses, soit un coût par contact de {cpl}.",
    "From {start} to {end}: {leads} leads; spend is not measured by this data, so there is no cost per lead.":
        "Du {start} au {end} : {leads} contacts ; ces données ne mesurent pas les dépenses, il n'y a donc pas de coût par contact.",
    "From {start} to {end}: no leads yet from {spend} of spend.": "Du {start} au {end} : aucun contact encore pour {spend} de dépenses.",
    "{clicks} clicks from {impressions} impressions (CTR {ctr}) brought {leads} leads.":
        "{clicks} clics sur {impressions} impressions (taux de clic {ctr}) ont apporté {leads} contacts.",
    "{clicks} clicks (impressions are not measured by this data) brought {leads} leads.":
        "{clicks} clics (ces données ne mesurent pas les impressions) ont apporté {leads} contacts.",
    "Totals": "Totaux",
    "In {week} leads rose by {amount} against the week before, to {leads} leads":
        "En {week}, les contacts ont augmenté de {amount} par rapport à la semaine précédente, à {leads} contacts",
    "In {week} leads fell by {amount} against the week before, to {leads} leads":
        "En {week}, les contacts ont baissé de {amount} par rapport à la semaine précédente, à {leads} contacts",
    "In {week} leads held steady against the week before, to {leads} leads":
        "En {week}, les contacts sont restés stables par rapport à la semaine précédente, à {leads} contacts",
    " at a cost per lead of {cpl}": " pour un coût par contact de {cpl}",
    "By ISO week, leads vs previous week": "Par semaine ISO, contacts par rapport à la semaine précédente",
    "Whether the fall in leads in {week} continues into the next week.": "Si la baisse des contacts en {week} se poursuit la semaine suivante.",
    'Whether the fall in leads in {week} continues for the rest of the campaign.':
        "Si la baisse des contacts en {week} se poursuit jusqu'à la fin de la campagne.",
    "Target {metric}: {actual} so far for {target}, against {expected} expected by now ({status}).":
        "Objectif {metric} : {actual} à ce jour pour {target}, contre {expected} attendus à ce stade ({status}).",
    "Target {metric}: {actual} so far for {target} ({status}).": "Objectif {metric} : {actual} à ce jour pour {target} ({status}).",
    "Agree with the client how to close the gap on {metric} before the next report.":
        "Convenir avec le client de la façon de combler l'écart sur {metric} avant le prochain rapport.",
    "{metric} is at {actual} for a target of {target} ({status}).": "{metric} est à {actual} pour un objectif de {target} ({status}).",
    "Keep budget on {names}, where cost per lead is within the target, and cut the platforms above it.":
        "Garder le budget sur {names}, où le coût par contact respecte l'objectif, et réduire les plateformes au-dessus.",
    "Test a new offer or landing page before adding budget: no platform is within the target yet.":
        "Tester une nouvelle offre ou page de destination avant d'ajouter du budget : aucune plateforme ne respecte encore l'objectif.",
    "Cost per lead is {actual} against a target of {target}.": "Le coût par contact est de {actual} pour un objectif de {target}.",
    "Keep the current plan and budget split, and review this table again next week.":
        "Garder le plan et la répartition du budget actuels, et revoir ce tableau la semaine prochaine.",
    "No platform or target in this data calls for a change yet.": "Aucune plateforme ni aucun objectif de ces données n'appelle encore de changement.",
    "{platform} has the lowest cost per lead among platforms with spend: {cpl}, with {share} of all leads.":
        "{platform} a le coût par contact le plus bas parmi les plateformes avec dépenses : {cpl}, avec {share} de tous les contacts.",
    "By platform, CPL and share of leads": "Par plateforme, coût par contact et part des contacts",
    "Keep this plan and budget split as the starting point for the next campaign.":
        "Garder ce plan et cette répartition du budget comme point de départ de la prochaine campagne.",
    "Keep the current plan and budget split, and review this table again before the campaign ends.":
        "Garder le plan et la répartition du budget actuels, et revoir ce tableau avant la fin de la campagne.",
    "{platform} is the only platform in this data; its cost per lead is {cpl}.":
        "{platform} est la seule plateforme de ces données ; son coût par contact est de {cpl}.",
    "By platform, CPL":
        "Par plateforme, coût par contact",
    'In the next campaign, give {best} a larger share of the budget than {worst}, then compare cost per lead again.':
        "Dans la prochaine campagne, donner à {best} une plus grande part du budget qu'à {worst}, puis comparer à nouveau le coût par contact.",
    'Move part of the {worst} budget to {best} for the rest of the campaign, then compare cost per lead again.':
        "Déplacer une partie du budget de {worst} vers {best} jusqu'à la fin de la campagne, puis comparer à nouveau le coût par contact.",
    "{platform} has the highest cost per lead: {cpl}, taking {spend_share} of spend for {lead_share} of leads.":
        "{platform} a le coût par contact le plus élevé : {cpl}, avec {spend_share} des dépenses pour {lead_share} des contacts.",
    "By platform, CPL, share of spend and share of leads": "Par plateforme, coût par contact, part des dépenses et part des contacts",
    "Move part of the {worst} budget to {best} for the next two weeks, then compare cost per lead again.":
        "Déplacer une partie du budget de {worst} vers {best} pendant les deux prochaines semaines, puis comparer à nouveau le coût par contact.",
    "{best}'s cost per lead is {best_cpl} against {worst_cpl} on {worst}.": "Le coût par contact est de {best_cpl} sur {best}, contre {worst_cpl} sur {worst}.",
    "{name} spent {spend} without a single lead.": "{name} a dépensé {spend} sans un seul contact.",
    "By platform, {name}": "Par plateforme, {name}",
    "Pause paid activity on {name} or change its creative and offer before spending more.":
        "Mettre en pause la publicité payante sur {name} ou en changer la création et l'offre avant de dépenser davantage.",
    "{spend} of spend on {name} brought no leads.": "{spend} de dépenses sur {name} n'ont apporté aucun contact.",
    "{names} brought {leads} leads with no recorded spend.": "{names} a apporté {leads} contacts sans dépense enregistrée.",
    "{names} brought {leads} leads with no recorded spend respectively.": "{names} ont apporté respectivement {leads} contacts sans dépense enregistrée.",
    "By platform, leads and spend": "Par plateforme, contacts et dépenses",
    "{platform} has the highest click-through rate, {ctr}.": "{platform} a le taux de clic le plus élevé : {ctr}.",
    "By platform, CTR": "Par plateforme, taux de clic",
    "The strategy target {metric} is not measured by this data; add the column that records it to the performance CSV.":
        "L'objectif de la stratégie {metric} n'est pas mesuré par ces données ; ajoutez la colonne qui l'enregistre au fichier CSV de performance.",
    "Against the strategy's KPI targets": "Par rapport aux objectifs chiffrés de la stratégie",
}

# Learn: the lessons, their headings and the proposed rules' document (the proposed rules
# themselves are code's English words, quoted as they are; the fact statements are below).
_LEARN = {
    "Reviewers' edits (generated v1 against the approved version)": "Modifications des relecteurs (v1 générée comparée à la version validée)",
    "Quality checks": "Contrôles qualité",
    "Performance": "Performance",
    "Search over approved content": "Recherche dans les contenus validés",
    "Approving this list makes each numbered rule below an active brand-memory rule for {brand}: every later prompt for the brand includes it. Edit or delete rules before approving; switch one off later with `aicmo memory remove`.":
        "Valider cette liste fait de chaque règle numérotée ci-dessous une règle active de la mémoire de marque de {brand} : chaque prompt suivant pour la marque l'inclut. Modifiez ou supprimez des règles avant de valider ; désactivez-en une plus tard avec `aicmo memory remove`.",
    "the brand": "la marque",
    "module {module}": "module {module}",
    "all modules": "tous les modules",
    "every module": "tous les modules",
    "No rule is proposed: the facts show no pattern clear enough to hold every later prompt to. Rules can still be added by hand with `aicmo memory add`.":
        "Aucune règle n'est proposée : les faits ne montrent aucune tendance assez nette pour l'imposer à chaque prompt suivant. Des règles peuvent toujours être ajoutées à la main avec `aicmo memory add`.",
    "See the lessons and the search results below.": "Voir les enseignements et les résultats de recherche ci-dessous.",
    "None yet.": "Aucune pour l'instant.",
    "Proposed brand-memory rules: {brand}": "Règles de mémoire de marque proposées : {brand}",
    "Proposed rules": "Règles proposées",
    "Lessons: {name}": "Enseignements : {name}",
    "{brand} · campaign {name} · {scope} · lessons cite facts computed by code":
        "{brand} · campagne {name} · {scope} · les enseignements citent des faits calculés par le code",
    "Summary": "Résumé",
    "Rules already active for {brand}": "Règles déjà actives pour {brand}",
    "Question": "Question",
    "Lessons": "Enseignements",
    "Facts computed by code": "Faits calculés par le code",
    "Active rule": "Règle active",
    "Evidence": "Preuves",
    "What campaign '{campaign}' of {brand} teaches, from {scope}: {edits}; {qc}; {performance}.":
        "Ce qu'enseigne la campagne « {campaign} » de {brand}, pour {scope} : {edits} ; {qc} ; {performance}.",
    "The approved content that best matches the question is {titles}; the search facts below quote each.":
        "Les contenus validés qui répondent le mieux à la question : {titles} ; les faits de recherche ci-dessous citent chacun.",
    "nothing approved yet": "rien de validé pour l'instant",
    'one deliverable approved, edited by reviewers first':
        "un livrable validé, modifié d'abord par les relecteurs",
    "one deliverable approved, as generated":
        "un livrable validé, tel que généré",
    '{approved} deliverables approved, {edited} of them edited by reviewers first':
        "livrables validés : {approved}, dont {edited} modifiés d'abord par les relecteurs",
    '{count} version':
        '{count} version',
    "{count} versions":
        "{count} versions",
    '{count} kind of issue':
        '{count} type de problème',
    "{count} kinds of issue":
        "{count} types de problème",
    "QC raised {kinds} across {versions}":
        "le contrôle qualité a relevé {kinds} sur {versions}",
    'QC found no issues in {versions}':
        "le contrôle qualité n'a trouvé aucun problème sur {versions}",
    'The one approved deliverable was approved exactly as generated: reviewers did not need to change the draft.':
        "Le seul livrable validé l'a été tel que généré : les relecteurs n'ont pas eu besoin de modifier le brouillon.",
    'All {approved} approved deliverables were approved exactly as generated: reviewers did not need to change the drafts.':
        "Les livrables validés ({approved}) l'ont tous été tels que générés : les relecteurs n'ont pas eu besoin de modifier les brouillons.",
    "Reviewers edited the one approved deliverable before approving it.":
        "Les relecteurs ont modifié le seul livrable validé avant de le valider.",
    "Reviewers edited {edited} of {approved} approved deliverables before approving them.":
        "Les relecteurs ont modifié {edited} des livrables validés (sur {approved}) avant de les valider.",
    "an approved performance report is available": "un rapport de performance validé est disponible",
    "no performance data yet": "pas encore de données de performance",
    "Nothing in this campaign is approved yet, so there are no reviewers' edits to learn from. Come back to this lesson after the first approvals.":
        "Rien n'est encore validé dans cette campagne : il n'y a donc pas de modifications de relecteurs dont tirer des enseignements. Revenez à cette leçon après les premières validations.",
    "How reviewers changed the drafts": "Comment les relecteurs ont modifié les brouillons",
    'Reviewers cut the opening line of {count} post by {pct} on average, from about {before} words to about {after}. Write hooks at the approved length.':
        "Les relecteurs ont raccourci la première ligne de {count} publication de {pct} en moyenne, d'environ {before} mots à environ {after}. Écrire les accroches à la longueur validée.",
    'Reviewers cut the opening lines of {count} posts by {pct} on average, from about {before} words to about {after}. Write hooks at the approved length.':
        "Les relecteurs ont raccourci les premières lignes de {count} publications de {pct} en moyenne, d'environ {before} mots à environ {after}. Écrire les accroches à la longueur validée.",
    'Reviewers lengthened the opening line of {count} post by {pct} on average, from about {before} words to about {after}. Write hooks at the approved length.':
        "Les relecteurs ont allongé la première ligne de {count} publication de {pct} en moyenne, d'environ {before} mots à environ {after}. Écrire les accroches à la longueur validée.",
    'Reviewers lengthened the opening lines of {count} posts by {pct} on average, from about {before} words to about {after}. Write hooks at the approved length.':
        "Les relecteurs ont allongé les premières lignes de {count} publications de {pct} en moyenne, d'environ {before} mots à environ {after}. Écrire les accroches à la longueur validée.",
    "Hooks: the approved length": "Accroches : la longueur validée",
    "Leave these words out of first drafts.": "Laisser ces mots hors des premiers brouillons.",
    "Words reviewers take out": "Les mots que les relecteurs retirent",
    "Banned words still reach drafts": "Des mots interdits atteignent encore les brouillons",
    "Hashtags reviewers removed": "Les hashtags retirés par les relecteurs",
    "Reviewers removed these hashtags: {tags}.": "Les relecteurs ont retiré ces hashtags : {tags}.",
    "What quality checks caught": "Ce que les contrôles qualité ont repéré",
    "QC caught problems reviewers then had to fix: {checks}.": "Le contrôle qualité a repéré des problèmes que les relecteurs ont ensuite dû corriger : {checks}.",
    "{metric}: best on {best}, worst on {worst}": "{metric} : meilleur sur {best}, moins bon sur {worst}",
    "the KPI results are listed with the facts below": "les résultats des indicateurs figurent avec les faits ci-dessous",
    "the approved performance report, built from EXAMPLE DATA (invented figures, not real results)":
        "le rapport de performance validé, construit à partir de DONNÉES D'EXEMPLE (chiffres inventés, pas de vrais résultats)",
    "the approved performance report": "le rapport de performance validé",
    "What performed, by platform": "Ce qui a marché, par plateforme",
    "From {source}: {text}.": "D'après {source} : {text}.",
    "Approved content that answers the question": "Les contenus validés qui répondent à la question",
    "The approved content closest to the question: {titles}.": "Les contenus validés les plus proches de la question : {titles}.",
    "No approved content in the campaigns of {brand} matches the question's words; the lessons below come from the campaign's edits, QC and performance facts instead.":
        "Aucun contenu validé des campagnes de {brand} ne correspond aux mots de la question ; les enseignements ci-dessous viennent plutôt des modifications, du contrôle qualité et des performances de la campagne.",
    "No approved work to learn from yet": "Pas encore de travail validé dont apprendre",
    "Drafts were approved as generated": "Les brouillons ont été validés tels que générés",
    "Banned words still reached drafts and reviewers removed them: {words}.": "Des mots interdits ont encore atteint les brouillons et les relecteurs les ont retirés : {words}.",
    "Reviewers also kept deleting {words}.": "Les relecteurs ont aussi supprimé à plusieurs reprises {words}.",
    "QC found nothing to fix": "Le contrôle qualité n'a rien trouvé à corriger",
    '{hashtag} ({deliverables})':
        '{hashtag} ({deliverables})',
    '{count} deliverable':
        '{count} livrable',
    '{count} deliverables':
        '{count} livrables',
    '{count} first draft':
        '{count} premier brouillon',
    '{count} first drafts':
        '{count} premiers brouillons',
    "'{check}' flagged {drafts}, none fixed before approval":
        '« {check} » a signalé {drafts}, aucun corrigé avant validation',
    "'{check}' flagged {drafts}; fixed before approval: {fixed}":
        '« {check} » a signalé {drafts} ; corrigés avant validation : {fixed}',
    'QC flagged problems in first drafts: {checks}.':
        'Le contrôle qualité a signalé des problèmes dans des premiers brouillons : {checks}.',
    "No performance data yet": "Pas encore de données de performance",
    "One platform, nothing to rank":
        "Une seule plateforme, rien à classer",
    "The approved performance report covers one platform and no KPI target it could measure, so it names no best or worst platform; the other lessons cover how drafts were written and reviewed.":
        "Le rapport de performance validé porte sur une seule plateforme et sur aucun objectif qu'il puisse mesurer : il ne désigne donc ni meilleure ni moins bonne plateforme ; les autres enseignements portent sur la rédaction et la relecture des brouillons.",
    "Performance data code could not read":
        "Des données de performance que le code n'a pas pu lire",
    "The approved performance report has no table that code could read, so these lessons cover how drafts were written and reviewed, not how they performed.":
        "Le rapport de performance validé n'a aucun tableau que le code puisse lire : ces enseignements portent donc sur la rédaction et la relecture des brouillons, pas sur leurs résultats.",
    "There is no approved performance data to learn from yet, so these lessons cover how drafts were written and reviewed, not how they performed.":
        "Il n'y a pas encore de données de performance validées dont apprendre : ces enseignements portent donc sur la rédaction et la relecture des brouillons, pas sur leurs résultats.",
    "Nothing approved answers the question directly": "Aucun contenu validé ne répond directement à la question",
    "No facts were computed.": "Aucun fait n'a été calculé.",
    "What the facts show": "Ce que montrent les faits",
    "On average they made the edited drafts {pct} shorter, so first drafts should aim tighter.":
        "En moyenne, ils ont raccourci les brouillons modifiés de {pct} : les premiers brouillons devraient donc être plus concis.",
    "On average they made the edited drafts {pct} longer, so first drafts should aim fuller.":
        "En moyenne, ils ont allongé les brouillons modifiés de {pct} : les premiers brouillons devraient donc être plus complets.",
}

# Delivery: the client pack's headings, contents table and pre-flight checklist labels (the
# checks' details are code's words).
_PACK = {
    "Module": "Module",
    "Deliverable": "Livrable",
    "Version": "Version",
    "Approved by": "Validé par",
    "Approved on": "Validé le",
    "{count} approved deliverable": "{count} livrable validé",
    "{count} approved deliverables": "{count} livrables validés",
    "Check": "Contrôle",
    "Result": "Résultat",
    "Details": "Détails",
    "PASS": "OK",
    "FAIL": "ÉCHEC",
    "WARNING": "AVERTISSEMENT",
    "Markdown": "Markdown",
    "PDF": "PDF",
    "HTML (sanitised, self-contained)": "HTML (nettoyé, autonome)",
    "Word (DOCX)": "Word (DOCX)",
    "JSON (structured)": "JSON (structuré)",
    "ZIP with every format and a checksummed manifest": "ZIP avec tous les formats et un manifeste avec sommes de contrôle",
    "Every included item is approved (current version = approved version, not flagged for review)":
        "Chaque élément inclus est validé (version actuelle = version validée, pas de relecture demandée)",
    "Quality checks pass on every approved version (no blockers)": "Les contrôles qualité passent sur chaque version validée (aucun problème bloquant)",
    "No placeholder or stub text in any item": "Aucun texte provisoire ou de remplissage dans les éléments",
    "Branding applied (agency name and colours set)": "Identité visuelle appliquée (nom de l'agence et couleurs définis)",
    "Every item was written by a language model or edited by a person (not the offline composer's draft as is)":
        "Chaque élément a été écrit par un modèle de langage ou modifié par une personne (pas le brouillon hors ligne tel quel)",
    "Every item is approved by the client too (the campaign's client stage)": "Chaque élément est aussi validé par le client (l'étape client de la campagne)",
    "**Result: every blocking check passes.** The export runs the same checks again before any file is written.":
        "**Résultat : tous les contrôles bloquants passent.** L'export refait les mêmes contrôles avant d'écrire le moindre fichier.",
    '**Result: {count} blocking check fails.** The pack cannot be exported until it passes.':
        "**Résultat : {count} contrôle bloquant en échec.** Le dossier ne peut pas être exporté tant qu'il ne passe pas.",
    '**Result: {count} blocking checks fail.** The pack cannot be exported until they pass.':
        "**Résultat : {count} contrôles bloquants en échec.** Le dossier ne peut pas être exporté tant qu'ils ne passent pas.",
    "Agency": "Agence",
    "Primary colour": "Couleur principale",
    "Accent colour": "Couleur d'accent",
    "Footer": "Pied de page",
    "Executive summary: {title}": "Synthèse : {title}",
    "Pre-flight checklist: {title}": "Check-list avant envoi : {title}",
    "Client pack: {title}": "Dossier client : {title}",
    "Client pack: {brand}: {title}": "Dossier client : {brand} : {title}",
    "In this pack": "Dans ce dossier",
    "Next steps": "Prochaines étapes",
    "none set (the pack goes out unbranded)": "aucune (le dossier part sans identité visuelle)",
    "Branding": "Identité visuelle",
    '{count} current deliverable of the campaign is not in this pack (not selected, or not approved).':
        "{count} livrable actuel de la campagne n'est pas dans ce dossier (non sélectionné ou non validé).",
    '{count} current deliverables of the campaign are not in this pack (not selected, or not approved).':
        '{count} livrables actuels de la campagne ne sont pas dans ce dossier (non sélectionnés ou non validés).',
    "Prepared by {agency}": "Préparé par {agency}",
    "The executive summary opens the pack; then, in this order:": "La synthèse ouvre le dossier ; puis, dans cet ordre :",
    "Formats": "Formats",
    "Not included": "Non inclus",
    "Contents": "Sommaire",
    "version {version}": "version {version}",
    "platform: {platform}": "plateforme : {platform}",
    "approved by {who} on {date}": "validé par {who} le {date}",
    "approved by the client ({who}) on {date}": "validé par le client ({who}) le {date}",
    "waiting for the client's approval": "en attente de la validation du client",
    "drafted by the offline composer, no language model wrote it": "brouillon hors ligne, écrit sans modèle de langage",
    "Pre-flight checklist": "Check-list avant envoi",
    "Executive summary": "Synthèse",
    "{count} approved deliverable · generated {date}": "{count} livrable validé · généré le {date}",
    "{count} approved deliverables · generated {date}": "{count} livrables validés · généré le {date}",
    "{count} approved deliverable, after the executive summary · generated {date}":
        "{count} livrable validé, après la synthèse · généré le {date}",
    "{count} approved deliverables, after the executive summary · generated {date}":
        "{count} livrables validés, après la synthèse · généré le {date}",
}

# Monitoring's KPI table (``analytics.report_table``): its headings, labels and what targets are measured as.
_KPI_TABLE = {
    "**Period:** {start} to {end} ({rows}, {weeks}{longer})":
        "**Période\u00a0:** du {start} au {end} ({rows}, {weeks}{longer})",
    "{count} row": "lignes : {count}",
    "{count} rows": "lignes : {count}",
    "{count} ISO week with data": "semaines ISO avec données : {count}",
    "{count} ISO weeks with data": "semaines ISO avec données : {count}",
    ", {count} month": ", mois : {count}",
    ", {count} months": ", mois : {count}",
    ", {count} quarter": ", trimestres : {count}",
    ", {count} quarters": ", trimestres : {count}",
    ", {count} period": ", périodes : {count}",
    ", {count} periods": ", périodes : {count}",
    "**Not measured by this data:** {columns}, and what is computed from them; no figure is shown for them.":
        "**Non mesuré par ces données\u00a0:** {columns}, ni ce qui en est calculé ; aucun chiffre n'est donné pour eux.",
    "**Campaign elapsed by {end}:** {days} of {of_days} days ({percent})":
        "**Campagne écoulée au {end}\u00a0:** jours : {days} sur {of_days} ({percent})",
    "impressions": "impressions",
    "spend": "dépenses",
    "By platform": "Par plateforme",
    "Share of leads": "Part des contacts",
    "Share of spend": "Part des dépenses",
    "By ISO week": "Par semaine ISO",
    "Week": "Semaine",
    "Week starting": "Début de semaine",
    "Leads vs previous week": "Contacts par rapport à la semaine précédente",
    "By month": "Par mois",
    "Month": "Mois",
    "Leads vs previous month": "Contacts par rapport au mois précédent",
    "By quarter": "Par trimestre",
    "Quarter": "Trimestre",
    "Leads vs previous quarter": "Contacts par rapport au trimestre précédent",
    "By period": "Par période",
    "Period": "Période",
    "Leads vs previous period": "Contacts par rapport à la période précédente",
    "From": "Début",
    "To": "Fin",
    "Target value": "Valeur cible",
    "Measured as": "Mesuré comme",
    "Actual": "Réalisé",
    "Expected by now (pro rata)": "Attendu à ce jour (au prorata)",
    "Gap": "Écart",
    "The approved strategy records no KPI targets, so nothing is compared.":
        "La stratégie validée ne fixe aucun objectif chiffré : rien n'est comparé.",
    "CPC: spend / clicks": "coût par clic : dépenses / clics",
    "cost per conversion: spend / conversions": "coût par conversion : dépenses / conversions",
    "CPL: spend / leads": "coût par contact : dépenses / contacts",
    "CTR: clicks / impressions": "taux de clics : clics / impressions",
    "ROAS: revenue / spend": "ROAS : chiffre d'affaires / dépenses",
    "lead-to-conversion rate: conversions / leads":
        "taux de conversion des contacts : conversions / contacts",
    "click-to-lead rate: leads / clicks": "taux de contacts par clic : contacts / clics",
    "revenue total": "chiffre d'affaires total",
    "impressions total": "total des impressions",
    "clicks total": "total des clics",
    "spend total": "total des dépenses",
    "leads total": "total des contacts",
    "conversions total": "total des conversions",
    "not measured by this data": "non mesuré par ces données",
    "Leads and spend per ISO week": "Contacts et dépenses par semaine ISO",
    "Leads per ISO week": "Contacts par semaine ISO",
    "Leads and spend per month": "Contacts et dépenses par mois",
    "Leads and spend per quarter": "Contacts et dépenses par trimestre",
    "Leads and spend per period": "Contacts et dépenses par période",
    "Leads per month": "Contacts par mois",
    "Leads per quarter": "Contacts par trimestre",
    "Leads per period": "Contacts par période",
    "CTR by platform": "Taux de clics par plateforme",
    "CPL by platform": "Coût par contact par plateforme",
    "example data": "données d'exemple",
    "Charts need matplotlib, which is not installed (pip install matplotlib).":
        "Les graphiques demandent matplotlib, qui n'est pas installé (pip install matplotlib).",
}

# Learn: the fact statements code computes (``learn.facts``); the proposed rules stay English.
_LEARN_FACTS = {
    "No deliverable of campaign '{campaign}' has an approved version yet, so there are no reviewers' edits to compare.":
        "Aucun livrable de la campagne « {campaign} » n'a encore de version validée : il n'y a donc pas de modifications des relecteurs à comparer.",
    "{count} deliverable of campaign '{campaign}' has an approved version: {edited} edited by reviewers before approval, {unedited} approved as generated.":
        "{count} livrable de la campagne « {campaign} » a une version validée ; modifiés par les relecteurs avant validation : {edited}, validés tels que générés : {unedited}.",
    "{count} deliverables of campaign '{campaign}' have an approved version: {edited} edited by reviewers before approval, {unedited} approved as generated.":
        "{count} livrables de la campagne « {campaign} » ont une version validée ; modifiés par les relecteurs avant validation : {edited}, validés tels que générés : {unedited}.",
    "Reviewers made edited deliverables {pct} shorter on average (word count of the generated version against the approved one, over {deliverables}).":
        "Les relecteurs ont raccourci les livrables modifiés de {pct} en moyenne (nombre de mots de la version générée comparé à la version validée, sur {deliverables}).",
    "Reviewers made edited deliverables {pct} longer on average (word count of the generated version against the approved one, over {deliverables}).":
        "Les relecteurs ont allongé les livrables modifiés de {pct} en moyenne (nombre de mots de la version générée comparé à la version validée, sur {deliverables}).",
    "The length change is the average over every edited deliverable.":
        "La variation de longueur est la moyenne sur tous les livrables modifiés.",
    "Reviewers shortened the opening line (the hook) of {posts} by {pct} on average: {before} words as generated, {after} approved.":
        "Les relecteurs ont raccourci la première ligne (l'accroche) de {posts} de {pct} en moyenne : {before} mots à la génération, {after} à la validation.",
    "Reviewers lengthened the opening line (the hook) of {posts} by {pct} on average: {before} words as generated, {after} approved.":
        "Les relecteurs ont allongé la première ligne (l'accroche) de {posts} de {pct} en moyenne : {before} mots à la génération, {after} à la validation.",
    "{count} platform post":
        "{count} publication",
    "{count} platform posts":
        "{count} publications",
    "Reviewers shortened the opening lines of posts consistently.":
        "Les relecteurs ont régulièrement raccourci les premières lignes des publications.",
    "The banned word '{word}' was removed by reviewers {times}, in {deliverables}.":
        "Le mot interdit « {word} » a été supprimé par les relecteurs {times}, dans {deliverables}.",
    "'{word}' is on the brand's banned list and still reached drafts.":
        "« {word} » figure sur la liste des mots interdits de la marque et a pourtant atteint des brouillons.",
    "The word '{word}' was removed {times} across {deliverables}.":
        "Le mot « {word} » a été supprimé {times}, dans {deliverables}.",
    "A word reviewers keep deleting is one the brand does not want.":
        "Un mot que les relecteurs suppriment sans cesse est un mot dont la marque ne veut pas.",
    "The hashtag {hashtag} was removed from {deliverables}.":
        "Le hashtag {hashtag} a été supprimé de {deliverables}.",
    "Reviewers removed the same hashtag more than once.":
        "Les relecteurs ont supprimé le même hashtag plus d'une fois.",
    "the same length":
        "la même longueur",
    "{pct} shorter":
        "{pct} plus court",
    "{pct} longer":
        "{pct} plus long",
    "{kind} '{title}' (v1 generated, v{version} approved): {words_removed} and {words_added}, {lines_removed} and {lines_added}; {size}":
        "{kind} « {title} » (v1 générée, v{version} validée) : {words_removed} et {words_added}, {lines_removed} et {lines_added} ; {size}",
    "{count} word removed":
        "{count} mot supprimé",
    "{count} words removed":
        "{count} mots supprimés",
    "{count} word added":
        "{count} mot ajouté",
    "{count} words added":
        "{count} mots ajoutés",
    "{count} line removed":
        "{count} ligne supprimée",
    "{count} lines removed":
        "{count} lignes supprimées",
    "{count} line added":
        "{count} ligne ajoutée",
    "{count} lines added":
        "{count} lignes ajoutées",
    "hashtags removed: {hashtags}":
        "hashtags supprimés : {hashtags}",
    "hashtags added: {hashtags}":
        "hashtags ajoutés : {hashtags}",
    "'{word}' {times}":
        "« {word} » {times}",
    "banned words removed: {words}":
        "mots interdits supprimés : {words}",
    "; ":
        " ; ",
    "once":
        "une fois",
    "twice":
        "deux fois",
    "{count} times":
        "{count} fois",
    "QC found no issues in any of the {versions} of {deliverables} checked.":
        "Le contrôle qualité n'a trouvé aucun problème dans les versions vérifiées ({versions}, {deliverables}).",
    "QC check '{check}' ({description}; {severity}) flagged {versions} of {deliverables}, {first_drafts} of them first drafts; fixed before approval in {fixed}, still open on {open}.":
        "Le contrôle « {check} » ({description} ; {severity}) a signalé {versions} de {deliverables} (premiers brouillons : {first_drafts}) ; corrigé avant validation : {fixed}, encore ouvert : {open}.",
    "The same QC problem kept appearing in generated drafts.":
        "Le même problème de contrôle qualité revenait dans les brouillons générés.",
    # A QC check's severity and what it checks (the registry's summary), in learn's QC statements.
    "{severity} issue":
        "problème {severity}",
    "post text within the platform's character limit":
        "texte de la publication dans la limite de caractères de la plateforme",
    "at most 30 hashtags on an Instagram post":
        "30 hashtags au plus sur une publication Instagram",
    "an email subject short enough to show in full":
        "un objet d'e-mail assez court pour s'afficher en entier",
    "no placeholder or stub text left in":
        "aucun texte provisoire ou de remplissage oublié",
    "hashtags written as # then letters, digits or underscores":
        "des hashtags écrits # puis lettres, chiffres ou tirets bas",
    "not too many hashtags for the platform":
        "pas trop de hashtags pour la plateforme",
    "no hashtags so generic they add nothing":
        "aucun hashtag si générique qu'il n'apporte rien",
    "none of the brand's banned words":
        "aucun des mots interdits par la marque",
    "the brand's required disclaimers wherever a price or offer is named":
        "les mentions légales obligatoires de la marque partout où un prix ou une offre est cité",
    "a call to action that tells the reader what to do next":
        "un appel à l'action qui dit au lecteur quoi faire ensuite",
    "a link wherever the copy points at one":
        "un lien partout où le texte en annonce un",
    "no line said twice":
        "aucune ligne répétée",
    "claims that need evidence":
        "des affirmations qui demandent une preuve",
    "a readable date and time for every calendar slot":
        "une date et une heure lisibles pour chaque créneau du calendrier",
    "no two calendar slots on the same platform at the same time":
        "jamais deux créneaux du calendrier sur la même plateforme au même moment",
    "no calendar slot on a blackout date":
        "aucun créneau du calendrier à une date exclue",
    "each post kept on the platform its creative was written for":
        "chaque publication gardée sur la plateforme pour laquelle sa création a été écrite",
    "every calendar slot within the campaign's dates":
        "chaque créneau du calendrier dans les dates de la campagne",
    "no testimonials or promised outcomes for a brand in regulated health care or finance":
        "ni témoignages ni résultats promis pour une marque de santé ou de finance réglementée",
    "the rules of the brief's brand voice":
        "les règles du ton de marque du brief",
    "No approved performance report for campaign '{campaign}' yet: there is no performance data to learn from.":
        "Pas encore de rapport de performance validé pour la campagne « {campaign} » : il n'y a pas de données de performance dont apprendre.",
    "the approved report '{title}' (v{version}), built from EXAMPLE DATA (invented figures, not real results)":
        "le rapport validé « {title} » (v{version}), construit à partir de DONNÉES D'EXEMPLE (chiffres inventés, pas de vrais résultats)",
    "the approved report '{title}' (v{version})":
        "le rapport validé « {title} » (v{version})",
    "performance report":
        "rapport de performance",
    "In {report}, {metric} was best on {best} ({best_value}) and worst on {worst} ({worst_value}) (lower is better).":
        "Dans {report}, l'indicateur « {metric} » était meilleur sur {best} ({best_value}) et moins bon sur {worst} ({worst_value}) (plus bas, c'est mieux).",
    "In {report}, {metric} was best on {best} ({best_value}) and worst on {worst} ({worst_value}).":
        "Dans {report}, l'indicateur « {metric} » était meilleur sur {best} ({best_value}) et moins bon sur {worst} ({worst_value}).",
    "against a target of {target}":
        "pour un objectif de {target}",
    "with no target set":
        "sans objectif fixé",
    "In {report}, {metric} was {actual} {target} ({status}).":
        "Dans {report}, l'indicateur « {metric} » valait {actual} {target} ({status}).",
    "In {report}, {metric} was {actual} {target}.":
        "Dans {report}, l'indicateur « {metric} » valait {actual} {target}.",
    "{report} covers one platform, {platform}, and no KPI target it could measure, so it names no best or worst platform.":
        "{report} couvre une seule plateforme, {platform}, et aucun objectif chiffré qu'il puisse mesurer : il ne désigne donc ni meilleure ni moins bonne plateforme.",
    "{report} has no per-platform or KPI table that code could read.":
        "{report} n'a aucun tableau par plateforme ou d'indicateurs que le code puisse lire.",
    "No approved content in {brand}'s campaigns matches the words of the question ({words}).":
        "Aucun contenu validé des campagnes de {brand} ne correspond aux mots de la question ({words}).",
    "Approved {module} {kind} '{title}' (campaign {campaign}, v{version}) matches: “{snippet}”":
        "Contenu validé ({module}, {kind}) « {title} » (campagne {campaign}, v{version}) correspondant : « {snippet} »",
}

# Monitoring: the data's warnings, the import's (``analytics``) and the module's own.
_DATA_WARNINGS = {
    "column {name} is not used by the report and was ignored":
        "la colonne {name} n'est pas utilisée par le rapport et a été ignorée",
    "read as a {format} export: {columns}":
        "lu comme un export {format} : {columns}",
    "{column} from {header}":
        "{column} lu dans la colonne {header}",
    "date from {header}":
        "date lue dans la colonne {header}",
    "platform from {header}":
        "plateforme lue dans la colonne {header}",
    "campaign from {header}":
        "campagne lue dans la colonne {header}",
    "impressions from {header}":
        "impressions lues dans la colonne {header}",
    "clicks from {header}":
        "clics lus dans la colonne {header}",
    "leads from {header}":
        "contacts lus dans la colonne {header}",
    "spend from {header}":
        "dépenses lues dans la colonne {header}",
    "conversions from {header}":
        "conversions lues dans la colonne {header}",
    "revenue from {header}":
        "chiffre d'affaires lu dans la colonne {header}",
    "currency from {header}":
        "devise lue dans la colonne {header}",
    "not UTF-8: read as Windows-1252 (Excel's plain 'CSV' in Western Europe); if accented names look wrong, save the file as 'CSV UTF-8' and load it again":
        "pas en UTF-8 : lu comme du Windows-1252 (le « CSV » simple d'Excel en Europe de l'Ouest) ; si des noms accentués s'affichent mal, enregistrez le fichier au format « CSV UTF-8 » et chargez-le à nouveau",
    "clicks are Meta's link clicks":
        "les clics sont les clics sur lien de Meta",
    "Google Ads conversions are read as leads (fractions kept: the platform splits a conversion between clicks)":
        "les conversions Google Ads sont lues comme des contacts (fractions conservées : la plateforme répartit une conversion entre plusieurs clics)",
    "GA4 counts sessions, read as clicks; it has no ad impressions or spend, so CTR, spend and cost per lead are not measured":
        "GA4 compte des sessions, lues comme des clics ; il n'a ni impressions publicitaires ni dépenses, donc le taux de clics, les dépenses et le coût par contact ne sont pas mesurés",
    "GA4 key events (conversions) are read as leads":
        "les événements clés GA4 (conversions) sont lus comme des contacts",
    "Microsoft Advertising conversions are read as leads":
        "les conversions Microsoft Advertising sont lues comme des contacts",
    "Meta's Results are read as leads (only on rows whose result indicator is a lead)":
        "les Résultats de Meta sont lus comme des contacts (seulement sur les lignes dont l'indicateur de résultat est un contact)",
    "{count} rows count results that are not leads; they add 0 leads":
        "lignes qui comptent des résultats autres que des contacts : {count} ; elles n'ajoutent aucun contact",
    "{count} columns not used by the report: {columns}":
        "colonnes non utilisées par le rapport ({count}) : {columns}",
    "{source}: {note}":
        "{source} : {note}",
    "row {rows} names no campaign: read as {format}'s summary row and left out":
        "la ligne {rows} ne nomme aucune campagne : lue comme la ligne de total de {format} et écartée",
    "each row covers a week (column {header}): its figures are the week's, kept whole, never spread over days; weeks are shown only for rows within one ISO week":
        "chaque ligne couvre une semaine (colonne {header}) : ses chiffres sont ceux de la semaine, gardés entiers, jamais répartis sur les jours ; les semaines ne sont montrées que pour les lignes comprises dans une seule semaine ISO",
    "each row covers a month (column {header}): its figures are the month's, kept whole, never spread over days; weeks are shown only for rows within one ISO week":
        "chaque ligne couvre un mois (colonne {header}) : ses chiffres sont ceux du mois, gardés entiers, jamais répartis sur les jours ; les semaines ne sont montrées que pour les lignes comprises dans une seule semaine ISO",
    "each row covers a quarter (column {header}): its figures are the quarter's, kept whole, never spread over days; weeks are shown only for rows within one ISO week":
        "chaque ligne couvre un trimestre (colonne {header}) : ses chiffres sont ceux du trimestre, gardés entiers, jamais répartis sur les jours ; les semaines ne sont montrées que pour les lignes comprises dans une seule semaine ISO",
    "each row covers a year (column {header}): its figures are the year's, kept whole, never spread over days; weeks are shown only for rows within one ISO week":
        "chaque ligne couvre une année (colonne {header}) : ses chiffres sont ceux de l'année, gardés entiers, jamais répartis sur les jours ; les semaines ne sont montrées que pour les lignes comprises dans une seule semaine ISO",
    "{count} rows cover several days (row {line}: {first} to {last}): their figures are kept whole for that period, never spread over days; export by day for daily or weekly figures":
        "lignes qui couvrent plusieurs jours : {count} (ligne {line} : du {first} au {last}) ; leurs chiffres sont gardés entiers pour cette période, jamais répartis sur les jours ; exportez par jour pour des chiffres quotidiens ou hebdomadaires",
    "{count} row covers several days (row {line}: {first} to {last}): its figures are kept whole for that period, never spread over days; export by day for daily or weekly figures":
        "{count} ligne couvre plusieurs jours (ligne {line} : du {first} au {last}) ; ses chiffres sont gardés entiers pour cette période, jamais répartis sur les jours ; exportez par jour pour des chiffres quotidiens ou hebdomadaires",
    "{count} rows cover days both inside and outside the reporting period and were left out, since their figures cannot be split into days: row {rows}":
        "lignes écartées, car elles couvrent des jours à la fois dans et hors de la période du rapport et leurs chiffres ne se répartissent pas par jour : {count} (ligne {rows})",
    "read with the column mapping saved for this brand":
        "lu avec la correspondance de colonnes enregistrée pour cette marque",
    "the data is in {currency} but the plan's budget is in {planned}; figures are shown in {currency}, the data's own currency":
        "les données sont en {currency} mais le budget du plan est en {planned} ; les chiffres sont affichés en {currency}, la devise des données",
    "both an uploaded file and csv_path were given; the uploaded file was used":
        "un fichier téléversé et csv_path ont tous deux été fournis ; le fichier téléversé a été utilisé",
}

REPORTS = {**_MONITORING, **_DATA_WARNINGS, **_LEARN, **_LEARN_FACTS, **_PACK, **_KPI_TABLE}
