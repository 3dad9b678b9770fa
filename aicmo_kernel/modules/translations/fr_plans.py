"""French: the sentences for short campaigns planned in days, audiences framed as people or as
businesses, and gaps the brief leaves (see ``translations/__init__.py``)."""

from __future__ import annotations

PLANS = {
    # a campaign planned in days (strategy/timing.py)
    "midday": "midi",
    "the end of day {day}": "la fin du jour {day}",
    "Budget: {budget} for {length}. Confirm with the client how much of it is ad spend.": "Budget : {budget} pour "
    "{length}. Confirmer avec le client la part réservée à la publicité.",
    "Budget: {budget} over {length}, about {daily} {currency} a day. Confirm with the client how much of it is ad "
    "spend.": "Budget : {budget} sur {length}, soit environ {daily} {currency} par jour. Confirmer avec le client "
    "la part réservée à la publicité.",
    "The brief gives no current numbers (traffic, conversion, cost per result), so the first day establishes the "
    "baseline.": "Le brief ne donne aucun chiffre actuel (trafic, conversion, coût par résultat) : le premier jour "
    "sert à établir le point de départ.",
    "The brief gives no current numbers (traffic, conversion, cost per result), so days 1 to {last} establish the "
    "baseline.": "Le brief ne donne aucun chiffre actuel (trafic, conversion, coût par résultat) : les jours 1 à "
    "{last} servent à établir le point de départ.",
    "If by {when} {channel} has produced no {result} while posting as planned, pause it and move its time and "
    "budget to the channel with the most {result} so far.": "Si, d'ici {when}, {channel} n'a rien apporté "
    "({result}) malgré des publications conformes au plan, le mettre en pause et transférer son temps et son "
    "budget vers le canal le plus performant jusque-là.",
    "If {metric} is off its target ({target}) at the check at {when}, find where people drop out (landing page, "
    "offer, follow-up) before adding spend.": "Si l'indicateur « {metric} » s'écarte de son objectif ({target}) "
    "au point de {when}, chercher où les gens décrochent (page d'arrivée, offre, relance) avant d'augmenter les "
    "dépenses.",
    "If {metric} is below {pace} by {when} (a straight-line share of the {target} target), shift effort to the "
    "channel with the most results so far and replace the weakest creative.": "Si l'indicateur « {metric} » est "
    "sous {pace} d'ici {when} (la part linéaire de l'objectif de {target}), reporter l'effort sur le canal le plus "
    "performant jusque-là et remplacer la création la plus faible.",
    "If every KPI is on track at the halfway review (day {day}), keep the channel mix and test one new hook "
    "instead of changing channels.": "Si tous les indicateurs sont en bonne voie au bilan de mi-parcours (jour "
    "{day}), garder le mix de canaux et tester une nouvelle accroche plutôt que de changer de canaux.",
    "If every KPI is on track at {when}, keep the channel mix to the end and put the rest of the budget behind the "
    "posts that work best.": "Si tous les indicateurs sont en bonne voie à {when}, garder le mix de canaux "
    "jusqu'au bout et mettre le reste du budget derrière les publications qui marchent le mieux.",
    "A look at the numbers through the day, a check with the client at {when}, and a fuller review after the "
    "campaign.": "Un coup d'œil aux chiffres tout au long de la journée, un point avec le client à {when}, et un "
    "bilan complet après la campagne.",
    "A daily look at the numbers, reviews with the client at the end of days {checkpoint} and {midpoint}, and a "
    "fuller review after the campaign.": "Un point quotidien sur les chiffres, des bilans avec le client à la fin "
    "des jours {checkpoint} et {midpoint}, et un bilan complet après la campagne.",
    "A daily look at the numbers, a check with the client at {when}, and a fuller review after the campaign.": "Un "
    "point quotidien sur les chiffres, un point avec le client à {when}, et un bilan complet après la campagne.",
    # intake's budget spread by the day
    "Spread evenly that is roughly {daily} {currency} a day.": "Réparti uniformément, cela fait environ {daily} "
    "{currency} par jour.",
    "A budget of {budget} {currency} is roughly {daily} {currency} a day if spread evenly.": "Un budget de {budget} "
    "{currency} représente environ {daily} {currency} par jour s'il est réparti uniformément.",
    # what moves an audience of people, or one the brief does not describe
    "{audience} move when the offer feels worth their time and money, and the first step is easy. The campaign has "
    "to make the reason to act clear and the first step small.": "{audience} passent à l'action quand l'offre "
    "vaut leur temps et leur argent, et que le premier pas est facile. La campagne doit rendre la raison d'agir "
    "claire et le premier pas petit.",
    "{audience} move when {pain} bothers them more than the effort of doing something about it. The campaign has to "
    "make that first step feel small.": "{audience} passent à l'action quand ce problème les gêne plus que l'effort "
    "d'y remédier : {pain}. La campagne doit faire paraître ce premier pas tout petit.",
    "{audience} move when the cost of {pain} feels bigger than the effort of changing what they do today. The "
    "campaign has to lower that effort as much as it raises the pain.": "{audience} passent à l'action quand le "
    "coût de {pain} pèse plus lourd que l'effort de changer ce qu'ils font aujourd'hui. La campagne doit réduire "
    "cet effort autant qu'elle rend le problème visible.",
    "Reach people in a working frame of mind with practical, story-led posts.": "Toucher les gens dans un état "
    "d'esprit professionnel avec des posts concrets, qui racontent une histoire.",
    "Reach people nearby and in local groups, and retarget people who visited the site.": "Toucher les gens du "
    "coin et les groupes locaux, et recibler les visiteurs du site.",
    "X, following the conversations they care about": "X, en suivant les discussions qui les intéressent",
    "Facebook, including local groups": "Facebook, y compris les groupes locaux",
    "The buyer": "L'acheteur", "The everyday user": "L'utilisateur habituel",
    "the person who decides whether to choose {name}": "la personne qui décide de choisir {name} ou non",
    "the person who will use {name} most often": "la personne qui utilisera {name} le plus souvent",
    "Say plainly who {name} is for ({audience}), then show it on a real example from someone like them, once the "
    "client supplies one.": "Dire clairement à qui s'adresse {name} ({audience}), puis le montrer sur un vrai "
    "exemple proche de leur situation, une fois celui-ci fourni par le client.",
    # the narrative's bridge, and gaps the brief leaves
    "Theme: {theme}. Before: {before}. After: {after}. The bridge is {name}: {bridge}.": "Thème : {theme}. Avant : "
    "{before}. Après : {after}. Le pont, c'est {name} : {bridge}.",
    "Theme: {theme}. Before: {before}. After: {after}. The bridge is {name}; what it offers is still to be confirmed "
    "with the client.": "Thème : {theme}. Avant : {before}. Après : {after}. Le pont, c'est {name} ; ce qu'il "
    "propose reste à confirmer avec le client.",
    "To confirm with the client: what brings people to {name}": "À confirmer avec le client : ce qui amène les gens "
    "vers {name}",
    "With {name}, {outcome}.": "Avec {name} : {outcome}.",
    "To confirm with the client, once they tell us what brings people to {name}.": "À confirmer avec le client, "
    "une fois qu'il nous aura dit ce qui amène les gens vers {name}.",
    # how often each channel posts in a campaign under a week (strategy/timing.py)
    "One post a day.": "Un post par jour.",
    "One post a day, plus stories through the day.": "Un post par jour, plus des stories tout au long de la "
    "journée.",
    "One post a day, plus replies through the day.": "Un post par jour, plus des réponses tout au long de la "
    "journée.",
    "One post a day; ads running throughout.": "Un post par jour ; publicités actives en continu.",
    "One short video a day.": "Une vidéo courte par jour.",
    "One video during the campaign.": "Une vidéo pendant la campagne.",
    "One article during the campaign.": "Un article pendant la campagne.",
    "Running throughout the campaign.": "En continu pendant toute la campagne.",
    "One email to opted-in contacts.": "Un e-mail aux contacts inscrits.",
    "One email a day at most to opted-in contacts.": "Un e-mail par jour au maximum aux contacts inscrits.",
}  # fmt: skip
