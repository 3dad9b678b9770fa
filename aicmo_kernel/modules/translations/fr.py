"""French: the documents' sentences (see ``translations/__init__.py``). Plain spaces before
: ; ! ? and inside « »: ``phrasebook.typeset`` sets the no-break spaces French wants."""

from __future__ import annotations

from .fr_ops import OPS
from .fr_outputs import OUTPUTS
from .fr_plans import PLANS
from .fr_reports import REPORTS

_STRATEGY = {
    # words and short labels
    "and": "et",
    "a budget still to be confirmed": "un budget encore à confirmer",
    "an offer the client has yet to describe": "une offre que le client doit encore décrire",
    "an outcome to confirm with the client": "un résultat à confirmer avec le client",
    "a clear, low-risk next step": "une prochaine étape claire et sans risque",
    "the audience": "le public visé",
    "this category": "cette catégorie",
    "in {geography}": "à {geography}",
    "to be agreed with the client": "à définir avec le client",
    "to confirm with the client": "à confirmer avec le client",
    "the problem the client solves": "le problème que le client résout",
    "the problem as the customer lives it": "le problème tel que le client le vit",
    "the outcome the client promises": "le résultat que le client promet",
    "the time the problem takes today": "le temps que le problème prend aujourd'hui",
    "is held back by {worry}": "{worry}",
    "has worries still to confirm with the client": "à confirmer avec le client",
    "not described yet; confirm it with the client": "pas encore décrite ; à confirmer avec le client",
    "reach among the audience": "la portée auprès du public visé",
    "visits to the offer page": "les visites de la page de l'offre",
    "leads": "les contacts qualifiés",
    "sales": "les ventes",
    "repeat purchases": "les achats répétés",
    "sign-ups": "les inscriptions",
    "results": "les résultats",
    "Paid ads": "Publicité payante",
    "Blog": "Blog",
    "The offer": "L'offre",
    "Why {name}": "Pourquoi {name}",
    # business reality
    "Offer as briefed: {offer}": "L'offre, telle que briefée : {offer}",
    "Offer: not described yet; confirm it first.": "Offre : pas encore décrite ; à confirmer en premier.",
    "Why {name} is different, in the client's words: {usp}":
        "Ce qui distingue {name}, selon les mots du client : {usp}",
    # a campaign's length, by the one rule (text.length_words)
    "1 day": "1 jour",
    "{days} days": "{days} jours",
    "1 week": "1 semaine",
    "{weeks} weeks": "{weeks} semaines",
    "Budget: {budget} over {length}, about {weekly} {currency} a week. Confirm with the client how much of it "
    "is ad spend.": "Budget : {budget} sur {length}, soit environ {weekly} {currency} par semaine. Confirmer "
    "avec le client la part réservée à la publicité.",
    "No budget yet: organic channels only until the client confirms one.":
        "Pas encore de budget : canaux organiques uniquement, jusqu'à confirmation du budget par le client.",
    "What the campaign must achieve: {objectives}.": "Ce que la campagne doit atteindre : {objectives}.",
    "The brief gives no current numbers (traffic, conversion, cost per result), so weeks 1 to {checkpoint} "
    "establish the baseline.": "Le brief ne donne aucun chiffre actuel (trafic, conversion, coût par résultat) : "
    "les semaines 1 à {checkpoint} servent à établir le point de départ.",
    "{name} sells {offer} to {audience}.": "{name} propose {offer} ; public visé : {audience}.",
    "{name} sells {offer}.": "{name} propose {offer}.",
    "{campaign} has {budget} and {length} to deliver {result}.": "{campaign} dispose de {budget} et de "
    "{length} pour atteindre son objectif ({result}).",
    # market truth
    "Category and market: {category}.": "Catégorie et marché : {category}.",
    "Category and market: not stated in the brief; confirm both with the client.":
        "Catégorie et marché : non précisés dans le brief ; à confirmer avec le client.",
    "How buyers cope today, judging by their pains: {pains}.":
        "Comment les clients s'en sortent aujourd'hui, d'après leurs difficultés : {pains}.",
    "What buyers compare {name} with shows in their objections: {objections}.":
        "Leurs objections montrent à quoi ils comparent {name} : {objections}.",
    "To verify with the client: the two or three alternatives prospects mention most, and how {name} is priced "
    "against them.": "À vérifier avec le client : les deux ou trois alternatives que les prospects citent le plus, "
    "et le prix de {name} par rapport à elles.",
    "The brief holds no market research, so this layer records what the client told us about {category}, and marks "
    "what must be checked before the campaign leans on it.": "Le brief ne contient aucune étude de marché : cette "
    "partie reprend ce que le client nous a dit sur son marché ({category}) et signale ce qu'il faut vérifier avant que la "
    "campagne s'appuie dessus.",
    # audience psychology
    "{persona} wants {wants}, {worry}, and is tipped into action by {trigger}.": "{persona} — ce qui compte : {wants} ; ce qui freine : {worry} ; ce qui déclenche : {trigger}.",
    "They feel {pain} every week.": "Chaque semaine, ils subissent ceci : {pain}.",
    "They run into {pain} again and again.": "Ils y sont confrontés encore et encore : {pain}.",
    "No personas were approved at intake; confirm who buys and who uses before writing creatives.":
        "Aucun persona n'a été validé à l'accueil du client ; confirmer qui achète et qui utilise avant d'écrire "
        "les créations.",
    "{audience} move when the cost of {pain} feels bigger than the effort of changing how they work. The campaign "
    "has to lower that effort as much as it raises the pain.": "{audience} passent à l'action quand le coût de "
    "{pain} pèse plus lourd que l'effort de changer leurs habitudes. La campagne doit réduire cet effort autant "
    "qu'elle rend le problème visible.",
    # value architecture
    "From {pain} to {outcome}.": "De {pain} à {outcome}.",
    "The offer that lowers the risk of trying: {offer}": "L'offre qui réduit le risque d'essayer : {offer}",
    "Proof: none supplied yet. Before launch, collect for each pillar of the messaging framework: {proof}":
        "Preuves : aucune fournie pour l'instant. Avant le lancement, réunir pour chaque pilier du message : {proof}",
    "Core promise: {promise}.": "Promesse centrale : {promise}.",
    # narrative
    "Recognition: open on the moment itself ({before}), told without judgement.":
        "Reconnaissance : ouvrir sur le moment lui-même ({before}), raconté sans jugement.",
    "Turn: show the same moment handled with {name}, step by step.":
        "Déclic : montrer le même moment géré avec {name}, étape par étape.",
    "Evidence: what changes in practice, using the client's own examples once they are supplied.":
        "Preuve : ce qui change concrètement, avec les exemples du client dès qu'il les fournit.",
    "Invitation: one clear next step, {cta}, with the disclaimer where the offer is named.":
        "Invitation : une seule prochaine étape claire, {cta}, avec la mention légale là où l'offre est citée.",
    # channels
    "{counts}, contributing to {result}.": "{counts}, qui contribuent à {result}.",
    "If by the end of week {week} {channel} has produced no {result} while posting as planned, pause it and move its "
    "time and budget to the channel with the most {result} so far.": "Si, à la fin de la semaine {week}, {channel} "
    "n'a rien apporté ({result}) malgré des publications conformes au plan, le mettre en pause et transférer son "
    "temps et son budget vers le canal le plus performant jusque-là.",
    "Reach decision-makers in a working frame of mind with practical, story-led posts.":
        "Toucher les décideurs dans un état d'esprit professionnel avec des posts concrets, qui racontent une "
        "histoire.",
    "clicks to the landing page from LinkedIn (UTM-tagged)": "clics vers la page d'atterrissage depuis LinkedIn "
    "(avec balises UTM)",
    "Two posts a week.": "Deux posts par semaine.",
    "Show the everyday moment the offer changes, in photos, carousels and stories.":
        "Montrer le moment du quotidien que l'offre change, en photos, carrousels et stories.",
    "link clicks from the profile and stories": "clics sur le lien du profil et des stories",
    "Three posts a week, plus stories on posting days.": "Trois posts par semaine, plus des stories les jours de "
    "publication.",
    "Short practical takes and quick answers; join the conversations the audience already has.":
        "Des avis courts et concrets, des réponses rapides ; rejoindre les conversations que le public a déjà.",
    "link clicks and replies from the target audience": "clics sur les liens et réponses du public visé",
    "One post each weekday and one thread a week.": "Un post par jour ouvré et un fil par semaine.",
    "Nurture people who have raised their hand; answer one objection per email.":
        "Entretenir la relation avec les personnes intéressées ; répondre à une objection par e-mail.",
    "click-through from email to the offer": "clics de l'e-mail vers l'offre",
    "One email a week to opted-in contacts.": "Un e-mail par semaine aux contacts inscrits.",
    "Reach local owners and trade groups, and retarget people who visited the site.":
        "Toucher les commerçants et groupes professionnels locaux, et recibler les visiteurs du site.",
    "link clicks and cost per result from Facebook": "clics sur les liens et coût par résultat sur Facebook",
    "Three posts a week; ads running throughout.": "Trois posts par semaine ; publicités actives en continu.",
    "Short, real-life videos of the problem and the fix.": "Des vidéos courtes et vraies du problème et de sa "
    "solution.",
    "profile visits and link clicks from TikTok": "visites du profil et clics sur les liens depuis TikTok",
    "Three short videos a week.": "Trois vidéos courtes par semaine.",
    "Walk-throughs and explainers people search for.": "Des démonstrations et explications que les gens "
    "recherchent.",
    "clicks to the offer from video descriptions": "clics vers l'offre depuis les descriptions des vidéos",
    "One video every two weeks.": "Une vidéo toutes les deux semaines.",
    "Answer the questions buyers search for, and give every other channel something to link to.":
        "Répondre aux questions que les clients recherchent, et donner aux autres canaux un contenu vers lequel "
        "renvoyer.",
    "visits from search and sign-ups from articles": "visites depuis les moteurs de recherche et inscriptions "
    "depuis les articles",
    "One article every two weeks.": "Un article toutes les deux semaines.",
    "Put budget behind the organic messages that already work.": "Mettre du budget derrière les messages "
    "organiques qui fonctionnent déjà.",
    "cost per result against the KPI targets": "coût par résultat par rapport aux objectifs chiffrés",
    "Always on; creative refreshed every two weeks.": "En continu ; créations renouvelées toutes les deux semaines.",
    # constraints
    "Budget: {budget} for {length}; no spend beyond it without the client's approval.":
        "Budget : {budget} pour {length} ; aucune dépense au-delà sans l'accord du client.",
    "Voice: {tone}.": "Ton : {tone}.",
    "Languages: {languages}.": "Langues : {languages}.",
    "{count} banned words from the brand record; QC blocks any draft using them.":
        "Mots interdits par la marque : {count} ; le contrôle qualité bloque tout brouillon qui les utilise.",
    "Required disclaimer wherever the offer or price appears: {disclaimer}.":
        "Mention légale obligatoire partout où l'offre ou le prix apparaît : {disclaimer}.",
    "No claims we cannot prove yet: no numbers, results or testimonials until the client supplies them.":
        "Aucune affirmation que nous ne pouvons pas encore prouver : ni chiffres, ni résultats, ni témoignages "
        "tant que le client ne les a pas fournis.",
    "Regulated health care: no testimonials, before/after pictures or promised outcomes in any asset, whatever the "
    "client supplies; QC blocks them.": "Santé réglementée : pas de témoignages, de photos avant/après ni de "
    "résultats promis dans les créations, quoi que fournisse le client ; le contrôle qualité les bloque.",
    "Regulated financial services: no testimonials, before/after pictures or promised outcomes in any asset, "
    "whatever the client supplies; QC blocks them.": "Services financiers réglementés : pas de témoignages, de "
    "photos avant/après ni de résultats promis dans les créations, quoi que fournisse le client ; le contrôle "
    "qualité les bloque.",
    "Landing destination: {website}.": "Page de destination : {website}.",
    "No website: confirm where calls to action should send people.":
        "Pas de site web : confirmer vers où les appels à l'action doivent renvoyer.",
    "Rule from the brief: {rule}": "Règle du brief : {rule}",
    # measurement
    "If {metric} is off its target ({target}) at the week-{week} review, find where people drop out (landing page, "
    "offer, follow-up) before adding spend.": "Si l'indicateur « {metric} » s'écarte de son objectif ({target}) au "
    "bilan de la semaine {week}, trouver où les gens décrochent (page d'atterrissage, offre, relance) avant "
    "d'augmenter les dépenses.",
    "If {metric} is below {pace} by the end of week {week} (a straight-line share of the {target} target), shift "
    "effort to the channel with the most results so far and replace the weakest creative.": "Si l'indicateur "
    "« {metric} » est sous {pace} à la fin de la semaine {week} (la part linéaire de l'objectif de {target}), "
    "déplacer l'effort vers le canal le plus performant et remplacer la création la plus faible.",
    "If a channel meets its kill criteria, pause it and move its budget to the best-performing channel.":
        "Si un canal remplit ses critères d'arrêt, le mettre en pause et transférer son budget vers le canal le "
        "plus performant.",
    "If every KPI is on track at the halfway review (week {week}), keep the channel mix and test one new hook a week "
    "instead of changing channels.": "Si tous les indicateurs sont en bonne voie au bilan de mi-parcours "
    "(semaine {week}), garder le même mix de canaux et tester une nouvelle accroche par semaine plutôt que de "
    "changer de canal.",
    "{name} is measured against the client's own KPI targets, listed below, and nothing else.":
        "{name} est évalué sur les objectifs chiffrés du client, listés ci-dessous, et rien d'autre.",
    "No KPI targets were agreed at intake. Agree them with the client before launch; until then the decision rules "
    "below use the direction of travel, not numbers.": "Aucun objectif chiffré n'a été convenu à l'accueil du "
    "client. Les fixer avec lui avant le lancement ; d'ici là, les règles de décision ci-dessous suivent la "
    "tendance, pas des chiffres.",
    "A weekly look at the numbers, and fuller reviews with the client at weeks {checkpoint} and {midpoint}.":
        "Un point hebdomadaire sur les chiffres, et des bilans complets avec le client aux semaines {checkpoint} "
        "et {midpoint}.",
    # objections and messaging
    "Acknowledge the cost, then set it against what it replaces ({pain}), and point to the terms of the offer: "
    "{offer}.": "Reconnaître le coût, puis le comparer à ce qu'il remplace ({pain}), et renvoyer aux conditions de "
    "l'offre : {offer}.",
    "Invite them to try it with their own team first.": "Les inviter à l'essayer d'abord avec leur propre équipe.",
    "Show how little it asks of them: {name} {usp}.": "Montrer le peu d'effort demandé : {name}, c'est ceci : {usp}.",
    "Say plainly who {name} is for ({audience}), then show it on a real example from a business like theirs, once "
    "the client supplies one.": "Dire clairement à qui s'adresse {name} ({audience}), puis le montrer sur un vrai "
    "exemple proche de leur situation, une fois celui-ci fourni par le client.",
    "Take {objection} seriously and answer with what {name} actually does: {usp}.":
        "Prendre {objection} au sérieux et répondre par ce que fait vraiment {name} : {usp}.",
    "Take {objection} seriously: ask the client how their best customers got past it.":
        "Prendre {objection} au sérieux : demander au client comment ses meilleurs clients ont surmonté ce doute.",
    "Answer {objection} with the smallest next step ({cta}), so they can judge for themselves.":
        "Répondre à {objection} par la plus petite prochaine étape ({cta}), pour qu'ils jugent par eux-mêmes.",
    "Ask the client how they answer {objection} today, and use their words (with permission).":
        "Demander au client comment il répond aujourd'hui à {objection}, et reprendre ses mots (avec son accord).",
    "{name}, for {audience}.": "{name}, pour {audience}.",
    "For {audience}.": "Pour {audience}.",
    "The problem: {pain}.": "Le problème : {pain}.",
    "What {name} offers: {offer}.": "Ce que propose {name} : {offer}.",
    "Why it is different: {usp}.": "Ce qui le distingue : {usp}.",
    "Positioning for {name} to be agreed once the offer and audience are confirmed.":
        "Positionnement de {name} à définir une fois l'offre et le public confirmés.",
    "The risk of trying something new.": "Le risque d'essayer quelque chose de nouveau.",
    "The exact terms, confirmed in writing before any asset quotes them.":
        "Les conditions exactes, confirmées par écrit avant qu'une création ne les cite.",
    "To confirm with the client.": "À confirmer avec le client.",
    "{name} for {audience}": "{name} pour {audience}",
    "What {name} does best, in the client's words": "Ce que {name} fait de mieux, selon les mots du client",
    "Why customers chose the client, in their own words.": "Pourquoi les clients ont choisi la marque, dans leurs "
    "propres mots.",
    "Talk to {name}": "Parlez à {name}",
    # sectors (proof)
    "A real example of {name} delivering this (a customer's story, a screenshot, a before and after), with "
    "permission to use it.": "Un exemple réel de ce que {name} apporte (l'histoire d'un client, une capture "
    "d'écran, un avant/après), avec l'autorisation de l'utiliser.",
    "Real photos of the product and the place, and a customer review quoted with permission.":
        "De vraies photos du produit et du lieu, et un avis client cité avec son accord.",
    "What the organisation has actually done (parcels packed, hours given, animals rehomed), from its own records, "
    "and a supporter's words with their permission.": "Ce que l'organisation a réellement accompli (colis "
    "préparés, heures données, animaux adoptés), d'après ses propres registres, et les mots d'un soutien avec son "
    "accord.",
    "Verifiable facts only: registrations and qualifications, opening hours, waiting times, what the first "
    "appointment involves. No testimonials, before/after images or outcome claims (advertising rules for health care "
    "forbid them in many countries).": "Uniquement des faits vérifiables : inscriptions et diplômes, horaires "
    "d'ouverture, délais d'attente, déroulement du premier rendez-vous. Pas de témoignages, d'images avant/après "
    "ni de promesses de résultat (les règles de publicité en santé les interdisent dans de nombreux pays).",
    "Verifiable facts only: the firm's authorisation, fees and charges, how the process works, the required risk "
    "warnings. No testimonials, past-performance or outcome claims (financial promotion rules).": "Uniquement des "
    "faits vérifiables : l'agrément de l'entreprise, les frais, le déroulement, les avertissements sur les risques "
    "obligatoires. Pas de témoignages, de performances passées ni de promesses de résultat (règles de la communication "
    "financière).",
}

_INTAKE = {
    # client summary
    "{name} offers {offer} to {audience}.": "{name} propose {offer} ; public visé : {audience}.",
    "{name}: {what}, brief still to be completed.": "{name} : {what}, brief encore à compléter.",
    "a new client": "un nouveau client",
    "{name} works in {industry} and sells in {geography}.": "Secteur de {name} : {industry} ; marché : {geography}.",
    "{name} works in {industry}.": "Secteur de {name} : {industry}.",
    "{name} sells in {geography}.": "Marché de {name} : {geography}.",
    "{name} has not told us its industry or market yet.": "{name} ne nous a pas encore indiqué son secteur ni son "
    "marché.",
    "Its website is {website}; campaign links point there unless the client names a better landing page.":
        "Son site est {website} ; les liens de la campagne y renvoient, sauf si le client indique une meilleure page "
        "d'atterrissage.",
    "The client has no website, so every call to action needs another destination (a booking form, a phone line or "
    "a social profile); confirm which one with the client.": "Le client n'a pas de site web : chaque appel à "
    "l'action a besoin d'une autre destination (formulaire de réservation, numéro de téléphone ou profil sur les "
    "réseaux sociaux) ; la confirmer avec le client.",
    "Content will be written in {languages}.": "Les contenus seront rédigés dans ces langues : {languages}.",
    "{offer} Quote the offer exactly as briefed; anything beyond it (discounts, guarantees, new prices) needs the "
    "client's sign-off first.": "{offer} Citer l'offre exactement comme dans le brief ; tout ce qui va au-delà "
    "(remises, garanties, nouveaux prix) doit d'abord être validé par le client.",
    "The brief does not describe the offer yet. Confirm with the client what exactly we are selling, at what price "
    "and on what terms.": "Le brief ne décrit pas encore l'offre. Confirmer avec le client ce que nous vendons "
    "exactement, à quel prix et à quelles conditions.",
    "In the client's words: {usp} Every asset should make this difference concrete for the reader.":
        "Selon les mots du client : {usp} Chaque création doit rendre cette différence concrète pour le lecteur.",
    "No unique selling point was given. Ask the client why their best customers chose {name} over the "
    "alternatives, in the customers' own words.": "Aucun point fort distinctif n'a été donné. Demander au client "
    "pourquoi ses meilleurs clients ont choisi {name} plutôt qu'une alternative, dans leurs propres mots.",
    "The brief does not name the audience yet.": "Le brief ne précise pas encore le public visé.",
    "What hurts today: {pains}.": "Ce qui pèse aujourd'hui : {pains}.",
    "What they want instead: {outcomes}.": "Ce qu'ils veulent à la place : {outcomes}.",
    "Objective: {objective}, which here means {meaning}.": "Objectif : {objective}, c'est-à-dire ici {meaning}.",
    "awareness": "notoriété", "consideration": "considération", "leads": "les contacts qualifiés",
    "sales": "les ventes", "retention": "fidélisation", "launch": "lancement",
    "being known and remembered by the right people": "être connu et retenu par les bonnes personnes",
    "getting the right people to look closely at the offer": "amener les bonnes personnes à regarder l'offre de "
    "près",
    "qualified people raising their hand, not just reach": "des personnes qualifiées qui se manifestent, pas "
    "seulement de la portée",
    "paying customers, not just interest": "des clients qui paient, pas seulement de l'intérêt",
    "existing customers staying and buying again": "des clients existants qui restent et rachètent",
    "a strong first wave of attention and sign-ups for something new": "une première vague forte d'attention et "
    "d'inscriptions pour une nouveauté",
    "The KPI targets below are the client's own; the strategy measures against these and no others.":
        "Les objectifs chiffrés ci-dessous sont ceux du client ; la stratégie se mesure à eux et à nuls autres.",
    "No KPI targets were given; agree them with the client before the strategy is approved.":
        "Aucun objectif chiffré n'a été donné ; les convenir avec le client avant de valider la stratégie.",
    "{count} phrase of the brief uses the brand's banned words and is left out of every draft; ask the client how they would say it instead.":
        '{count} passage du brief utilise des mots interdits par la marque ; il est exclu de tous les brouillons ; demander au client comment il le formulerait autrement.',
    "{count} phrases of the brief use the brand's banned words and are left out of every draft; ask the client how they would say them instead.":
        '{count} passages du brief utilisent des mots interdits par la marque ; ils sont exclus de tous les brouillons ; demander au client comment il les formulerait autrement.',
    # budget and timing
    "The campaign runs from {start} to {end} ({weeks} weeks).": "La campagne se déroule du {start} au {end} "
    "({weeks} semaines).",
    "The campaign runs from {start} to {end} (1 week).": "La campagne se déroule du {start} au {end} (1 semaine).",
    "The campaign runs from {start} to {end} ({days} days).": "La campagne se déroule du {start} au {end} "
    "({days} jours).",
    "The campaign runs on {start} (1 day).": "La campagne a lieu le {start} (1 jour).",
    "Start and end dates are not set yet; confirm them with the client.": "Les dates de début et de fin ne sont "
    "pas encore fixées ; les confirmer avec le client.",
    "day": "jour", "week": "semaine", "month": "mois", "quarter": "trimestre", "year": "an",
    "The client's budget is {amount} {currency} per {period}; with no campaign dates the total is not known yet, "
    "so confirm the dates.": "Le budget du client est de {amount} {currency} par {period} ; sans dates de "
    "campagne, le total reste inconnu : confirmer les dates.",
    "The client's budget is {amount} {currency} per {period}, {total} {currency} over the campaign's dates.":
        "Le budget du client est de {amount} {currency} par {period}, soit {total} {currency} sur la durée de la "
        "campagne.",
    "Spread evenly that is roughly {weekly} {currency} a week.": "Réparti uniformément, cela fait environ {weekly} "
    "{currency} par semaine.",
    "No budget was given; confirm it before channels are chosen, since it decides how much paid reach is possible.":
        "Aucun budget n'a été donné ; le confirmer avant de choisir les canaux, car il détermine la portée payante "
        "possible.",
    "A budget of {budget} {currency} is roughly {weekly} {currency} a week if spread evenly.":
        "Un budget de {budget} {currency} représente environ {weekly} {currency} par semaine s'il est réparti "
        "uniformément.",
    "The budget is {budget} {currency} for the whole campaign.": "Le budget est de {budget} {currency} pour toute "
    "la campagne.",
    # open questions
    "What exactly is the offer (product, price, terms) we can promote?": "Quelle est exactement l'offre (produit, "
    "prix, conditions) que nous pouvons promouvoir ?",
    "Why do customers choose {name} over the alternatives, in their own words?": "Pourquoi les clients "
    "choisissent-ils {name} plutôt qu'une alternative, dans leurs propres mots ?",
    "Who precisely is the audience: role, size of business or household, location?": "Qui est précisément le "
    "public visé : rôle, taille de l'entreprise ou du foyer, lieu ?",
    "Which problems bring customers to the client in the first place?": "Quels problèmes amènent d'abord les "
    "clients vers la marque ?",
    "Which KPI targets will the campaign be judged on (metric, number, unit)?": "Sur quels objectifs chiffrés la "
    "campagne sera-t-elle jugée (indicateur, valeur, unité) ?",
    "What is the campaign budget, and does it include ad spend?": "Quel est le budget de la campagne, et "
    "comprend-il les dépenses publicitaires ?",
    "Where should calls to action send people, given there is no website?": "Vers où les appels à l'action "
    "doivent-ils renvoyer, puisqu'il n'y a pas de site web ?",
    "Which proof can we quote publicly (customer names, reviews, results, with permission)? The brief includes none, "
    "so the drafts make no performance claims until the client supplies it.": "Quelles preuves pouvons-nous citer "
    "publiquement (noms de clients, avis, résultats, avec autorisation) ? Le brief n'en contient aucune : les "
    "brouillons n'avancent donc aucun résultat tant que le client ne les fournit pas.",
    "How does the team answer {objection} today?": "Comment l'équipe répond-elle aujourd'hui à {objection} ?",
    "Their own words make the best copy.": "Leurs propres mots font les meilleurs textes.",
    "Must the disclaimer appear on every post, or only where the offer or price is named?": "La mention légale "
    "doit-elle figurer sur chaque publication, ou seulement là où l'offre ou le prix est cité ?",
    # personas
    "the client's audience": "le public du client",
    "a first conversation with {name}": "un premier échange avec {name}",
    "To confirm with the client: the channels and communities these buyers already use":
        "À confirmer avec le client : les canaux et communautés que ces clients utilisent déjà",
    "Among {audience}, this is {role}.": "Parmi ce public ({audience}), c'est {role}.",
    "Among {audience}, {role}.": "Parmi ce public ({audience}) : {role}.",
    "They will judge {name} on whether it delivers {outcome} without adding risk or work.": "Cette personne jugera "
    "{name} sur sa capacité à apporter ceci : {outcome}, sans ajouter de risque ni de travail.",
    "Another week of {pain}.": "Encore une semaine comme ça : {pain}.",
    "{pain}, once again.": "{pain}, une fois de plus.",
    "{outcome}, without {pain}.": "{outcome}, sans subir ceci : {pain}.",
    "If it makes their week harder, the purchase stalls, whatever the decision-maker thinks.": "Si cela complique "
    "sa semaine, l'achat bloque, quoi qu'en pense le décideur.",
    "When it happens again: {pain}.": "Quand cela se reproduit : {pain}.",
    "With {name}, {outcome}: no more {pain}.": "Avec {name} : {outcome}. Fini ceci : {pain}.",
    "The cautious evaluator": "La personne prudente",
    "Someone among {audience} who has heard promises before. Interested, but looking for reasons to say no: "
    "{objections}.": "Une personne de ce public ({audience}) qui a déjà entendu des promesses. Intéressée, mais en "
    "quête de raisons de dire non : {objections}.",
    "Avoid a wasted purchase or a painful switch.": "Éviter un achat inutile ou un changement pénible.",
    "See {name} working in a situation like theirs before committing.": "Voir {name} à l'œuvre dans une situation "
    "comme la sienne avant de s'engager.",
    "A recommendation from a peer they trust.": "La recommandation d'un proche en qui elle a confiance.",
    "Answer {objection} head-on, then point to the offer: {offer}.": "Répondre franchement à {objection}, puis "
    "renvoyer à l'offre : {offer}.",
    # channel places
    "LinkedIn, in a professional frame of mind": "LinkedIn, dans un état d'esprit professionnel",
    "Instagram, between tasks": "Instagram, entre deux tâches",
    "X, following industry conversation": "X, en suivant les discussions du secteur",
    "their inbox, if they have opted in": "leur boîte mail, s'ils y ont consenti",
    "Facebook, including local and trade groups": "Facebook, y compris les groupes locaux et professionnels",
    "TikTok, in short videos": "TikTok, en vidéos courtes",
    "YouTube, when they look up how to do something": "YouTube, quand ils cherchent comment faire quelque chose",
    "search, when they look for answers to a specific problem": "les moteurs de recherche, quand ils cherchent une "
    "réponse à un problème précis",
    "paid placements on the platforms above": "des emplacements payants sur les plateformes ci-dessus",
    # sectors (people)
    "The decision-maker": "Le décideur", "The day-to-day user": "L'utilisateur au quotidien",
    "The regular": "L'habitué", "The first-timer": "Le nouveau venu", "The supporter": "Le donateur",
    "The volunteer": "Le bénévole", "The patient": "Le patient", "The family member": "Le proche",
    "The applicant": "Le demandeur", "The partner": "Le conjoint",
    "the person who owns the budget and answers for the result": "la personne qui tient le budget et répond du "
    "résultat",
    "the person who will live with {name} every week": "la personne qui utilisera {name} chaque semaine",
    "someone who already buys this kind of thing and could make {name} a habit": "quelqu'un qui achète déjà ce "
    "genre de produit et pourrait prendre l'habitude de {name}",
    "someone who has walked past {name} but never come in": "quelqu'un qui est passé devant {name} sans jamais "
    "entrer",
    "someone who gives money when an appeal is clear and trusted": "quelqu'un qui donne quand un appel est clair "
    "et digne de confiance",
    "someone with a few hours to give, who wants to know what the time achieves": "quelqu'un qui a quelques heures "
    "à donner et veut savoir à quoi elles servent",
    "the person with the health concern, deciding whether to book": "la personne concernée par le problème de "
    "santé, qui hésite à prendre rendez-vous",
    "someone who helps a partner or parent decide and book": "quelqu'un qui aide un conjoint ou un parent à "
    "décider et à prendre rendez-vous",
    "the person whose money or home is at stake, deciding whether to act": "la personne dont l'argent ou le "
    "logement est en jeu, qui hésite à agir",
    "the person they decide with at the kitchen table": "la personne avec qui la décision se prend, autour de la "
    "table de la cuisine",
    "A way to try it on their own data or site before committing.": "Un moyen de l'essayer sur ses propres "
    "données ou son site avant de s'engager.",
    "A first visit or first order that costs little, with the offer in hand.": "Une première visite ou une "
    "première commande peu coûteuse, avec l'offre en main.",
    "A small first step (one donation, one shift) with a clear account of where it goes.": "Un petit premier pas "
    "(un don, une permanence) avec une explication claire de sa destination.",
    "A first appointment or assessment, with what happens in it explained plainly.": "Un premier rendez-vous ou "
    "bilan, avec son déroulement expliqué simplement.",
    "A free first conversation or a quote, with the costs and risks stated up front.": "Un premier échange "
    "gratuit ou un devis, avec les coûts et les risques annoncés d'emblée.",
    # voice guide
    "its customers": "ses clients",
    "{name} sounds {tone}. Every line should read as if it comes from someone who knows the daily life of "
    "{audience} first-hand, not from a vendor.": "Le ton de {name} : {tone}. Chaque phrase doit sonner comme "
    "écrite par quelqu'un qui connaît de près le quotidien de ce public ({audience}), pas par un vendeur.",
    "The client has not described the voice of {name} yet. Until they do, write plainly and specifically, and ask "
    "the client for three words that describe how they want to sound.": "Le client n'a pas encore décrit le ton "
    "de {name}. D'ici là, écrire simplement et concrètement, et lui demander trois mots qui décrivent le ton "
    "souhaité.",
    "Let {word} show in word choice and rhythm: read each draft aloud and check it sounds {word}.": "Faire "
    "ressortir {word} dans le choix des mots et le rythme : lire chaque brouillon à voix haute et vérifier qu'il "
    "sonne ainsi ({word}).",
    "Lines that would sound out of place next to the word {word}.": "Les phrases qui détonneraient à côté du mot "
    "{word}.",
    "Name the situation, not the category": "Nommer la situation, pas la catégorie",
    "Start from a moment the reader recognises: {pain}.": "Partir d'un moment que le lecteur reconnaît : {pain}.",
    "Start from a moment the reader recognises in their own week.": "Partir d'un moment que le lecteur reconnaît "
    "dans sa propre semaine.",
    "Describe {name} with category labels the reader would never use themselves.": "Décrire {name} avec des "
    "étiquettes de catégorie que le lecteur n'utiliserait jamais.",
    "Promise only what the client can show": "Ne promettre que ce que le client peut montrer",
    "Describe the outcome the client offers: {outcome}.": "Décrire le résultat que le client propose : {outcome}.",
    "Describe the outcome in the reader's terms, as the client states it.": "Décrire le résultat avec les mots du "
    "lecteur, tel que le client l'énonce.",
    "Numbers, results, awards or testimonials the client has not supplied and approved.": "Des chiffres, "
    "résultats, prix ou témoignages que le client n'a pas fournis ni validés.",
    "Use the disclaimer word for word wherever the offer or price is mentioned (ads, emails, posts that name the "
    "offer); never paraphrase or shorten it.": "Reprendre la mention légale mot pour mot partout où l'offre ou le "
    "prix est cité (publicités, e-mails, publications qui nomment l'offre) ; ne jamais la reformuler ni la "
    "raccourcir.",
    "The client listed no disclaimers; confirm that none are required for {name}'s market before launch.":
        "Le client n'a indiqué aucune mention légale ; confirmer avant le lancement qu'aucune n'est exigée sur le "
        "marché de {name}.",
    "{pain}? It doesn't have to go like that.": "{pain} ? Ça ne doit pas forcément se passer comme ça.",
    "{outcome}. That's the whole point of {name}.": "{outcome}. C'est tout l'intérêt de {name}.",
    "{name}, explained in plain words.": "{name}, expliqué simplement.",
    # tone advice (do, don't)
    "Open with the reader's situation and acknowledge it before offering anything.": "Commencer par la situation "
    "du lecteur et la reconnaître avant de proposer quoi que ce soit.",
    "Cold, corporate phrasing, or talking about ourselves before them.": "Les formulations froides et "
    "institutionnelles, ou parler de nous avant de parler d'eux.",
    "Short sentences and everyday words, one idea per sentence.": "Des phrases courtes et des mots de tous les "
    "jours, une idée par phrase.",
    "Jargon, buzzwords and stacked adjectives.": "Le jargon, les mots à la mode et les adjectifs empilés.",
    "Tie every claim to a concrete moment in the reader's week.": "Rattacher chaque affirmation à un moment "
    "concret de la semaine du lecteur.",
    "Abstract promises with no situation attached.": "Les promesses abstraites sans situation concrète.",
    "Say what the product does, directly, in the active voice.": "Dire ce que fait le produit, directement, à la "
    "voix active.",
    "Hedging (\u201cmight possibly help\u201d) and exaggeration alike.": "Les précautions oratoires (« pourrait "
    "peut-être aider ») comme l'exagération.",
    "Write as you would speak to a customer you like: contractions are fine.": "Écrire comme on parlerait à un "
    "client qu'on apprécie, sans raideur.",
    "Forced jokes or over-familiar slang.": "Les blagues forcées ou l'argot trop familier.",
    "Explain the why behind a recommendation in one plain sentence.": "Expliquer le pourquoi d'une recommandation "
    "en une phrase simple.",
    "Showing off knowledge the reader did not ask for.": "Étaler des connaissances que le lecteur n'a pas "
    "demandées.",
    "Precise wording, correct terms, tidy structure.": "Des mots précis, des termes justes, une structure claire.",
    "Stiffness: professional does not mean formal.": "La raideur : professionnel ne veut pas dire guindé.",
    "A light touch in hooks and headlines, once per piece.": "Une touche de légèreté dans les accroches et les "
    "titres, une fois par texte.",
    "Wordplay that hides what we are actually offering.": "Les jeux de mots qui cachent ce que nous proposons "
    "vraiment.",
    "Reassure with specifics: what happens next, and what it asks of the reader.": "Rassurer par le concret : ce "
    "qui se passe ensuite, et ce que cela demande au lecteur.",
    "Urgency tactics and alarmist framing.": "Les techniques d'urgence et le ton alarmiste.",
    "Lead with the point, then the detail.": "Aller droit au but, puis donner le détail.",
    "Long wind-ups before the reader knows why they should care.": "Les longs préambules avant que le lecteur "
    "sache pourquoi c'est important pour lui.",
}

CATALOG = {**REPORTS, **OPS, **_STRATEGY, **_INTAKE, **OUTPUTS, **PLANS}
