"""French: monitoring's performance report and recommendations (see ``translations/__init__.py``).
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

REPORTS = {**_MONITORING}
