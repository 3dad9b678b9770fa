"""French: the renderers' headings and labels, execution's plan and its documents (the content
calendar, the UTM plan, the governance plan), creatives' working titles and delivery's executive
summary (see ``translations/__init__.py``); ``fr.py`` holds intake's and strategy's sentences."""

from __future__ import annotations

# The renderers' headings and labels.
_HEADINGS = {
    'Answering objections': 'Répondre aux objections',
    'Audience': 'Public visé',
    'Audience psychology': 'Psychologie du public',
    'Budget and timing': 'Budget et calendrier',
    'Business reality': "Réalité de l'entreprise",
    'Cadence:': 'Rythme :',
    'Calls to action': "Appels à l'action",
    'Campaign objective: {objective}': 'Objectif de la campagne : {objective}',
    'Channels': 'Canaux',
    'Constraints': 'Contraintes',
    'Core message': 'Message central',
    'Decision rules': 'Règles de décision',
    'Do: {advice}': 'À faire : {advice}',
    "Don't: {advice}": 'À éviter : {advice}',
    'Goals': 'Objectifs',
    'Ideal-customer persona for {client}.': 'Persona client idéal pour {client}.',
    'KPI targets': 'Objectifs chiffrés',
    'KPI:': 'Indicateur :',
    'Kill criteria:': "Critères d'arrêt :",
    'Languages': 'Langues',
    'Market truth': 'Réalité du marché',
    'Measurement': 'Mesure',
    'Message pillars': 'Piliers du message',
    'Messaging framework: {name}': 'Plateforme de message : {name}',
    'Narrative': 'Récit',
    'No objections recorded in the brief.': 'Aucune objection notée dans le brief.',
    'Objections': 'Objections',
    'Objective and KPI targets': 'Objectif et objectifs chiffrés',
    'Objectives': 'Objectifs',
    'Offer': 'Offre',
    'Open questions for the client': 'Questions ouvertes pour le client',
    'Overview': "Vue d'ensemble",
    'Pains': 'Difficultés',
    'Positioning': 'Positionnement',
    'Principles': 'Principes',
    'Proof to confirm with the client:': 'Preuves à confirmer avec le client :',
    'Reach {target}': 'Atteindre {target}',
    'Required disclaimers': 'Mentions légales obligatoires',
    'Review cadence:': 'Rythme des bilans :',
    'Role:': 'Rôle :',
    'Sample lines in this voice': 'Exemples de phrases dans ce ton',
    'Strategy: {name}': 'Stratégie : {name}',
    "The brand's banned words are listed in the brand voice guide and checked by QC on every draft.": 'Les mots interdits par la marque figurent dans le guide de ton et sont vérifiés par le contrôle qualité sur chaque brouillon.',
    'The message most likely to land': 'Le message le plus susceptible de porter',
    'The problem:': 'Le problème :',
    'Value architecture': 'Architecture de valeur',
    'What makes it different': 'Ce qui la distingue',
    'What makes them look for a solution': 'Ce qui les pousse à chercher une solution',
    'Where to reach them': 'Où les toucher',
    'Words to avoid': 'Mots à éviter',
    "Words to prefer (the customer's own)": 'Mots à privilégier (ceux des clients)',
    'Words we never use': "Mots que nous n'utilisons jamais",
    'budget to confirm': 'budget à confirmer',
    'no KPI targets agreed yet': "aucun objectif chiffré convenu pour l'instant",
    'none': 'aucune',
    'none listed by the client': 'aucun indiqué par le client',
    'none recorded': 'aucune notée',
    'none yet': "aucun pour l'instant",
    'not known yet': 'pas encore connu',
    'see the brand voice guide': 'voir le guide de ton de la marque',
    'theme:': 'thème :',
    '{name}: brand voice guide': '{name} : guide de ton de la marque',
    '{name}: client summary': '{name} : synthèse client',
}

# execution's plan: slot notes, governance, UTM explanation.
_EXECUTION = {
    'Every approved {platform} asset has already run {count} times: add a new one in Creatives (a new angle on a pillar) so the feed does not repeat itself.':
        'Chaque création {platform} validée a déjà été publiée {count} fois : en ajouter une nouvelle dans Créations (un nouvel angle sur un pilier) pour que le fil ne se répète pas.',
    'No approved {platform} asset yet: add one in Creatives and approve it, or drop this slot from the plan.':
        'Pas encore de création {platform} validée : en ajouter une dans Créations et la valider, ou retirer ce créneau du plan.',
    "First run: lead with the asset's own hook, {hook}.":
        "Première publication : ouvrir sur l'accroche de la création, {hook}.",
    'First run of this asset as approved.':
        'Première publication de cette création telle que validée.',
    'Run {run} of this asset: open on the {pillar} pillar instead of the original hook, and answer questions from earlier runs.':
        "Publication n° {run} de cette création : ouvrir sur le pilier {pillar} plutôt que sur l'accroche d'origine, et répondre aux questions des publications précédentes.",
    'Run {run} of this asset: keep the approved text and answer questions from earlier runs.':
        'Publication n° {run} de cette création : garder le texte validé et répondre aux questions des publications précédentes.',
    'Post the tracked link as the first comment: {link}':
        'Publier le lien suivi en premier commentaire : {link}',
    'Reply to the post with the tracked link: {link}':
        'Répondre à la publication avec le lien suivi : {link}',
    "Put the tracked link in the bio for the day and point to it in the caption's call to action.":
        "Mettre le lien suivi dans la bio pour la journée et y renvoyer dans l'appel à l'action de la légende.",
    'the reviewer who approves this plan in AICMO Workbench':
        'la personne qui valide ce plan dans AICMO Workbench',
    'the rules in the brand voice guide':
        'les règles du guide de ton de la marque',
    'The analyst drafts or adapts each post in AICMO Workbench from its approved creative, with the tracked link from the UTM plan.':
        "L'analyste rédige ou adapte chaque publication dans AICMO Workbench à partir de sa création validée, avec le lien suivi du plan UTM.",
    'QC runs on every version: platform limits, placeholders, banned words, required disclaimers and calls to action; blockers are fixed before review.':
        "Le contrôle qualité s'applique à chaque version : limites des plateformes, textes provisoires, mots interdits, mentions légales obligatoires et appels à l'action ; les points bloquants sont corrigés avant la relecture.",
    'Review and approval by {approvers}: each post is approved, or sent back with a comment.':
        'Relecture et validation par {approvers} : chaque publication est validée, ou renvoyée avec un commentaire.',
    'Only approved versions are scheduled; an edit after approval creates a new draft that needs approval again.':
        'Seules les versions validées sont programmées ; une modification après validation crée un nouveau brouillon à valider de nouveau.',
    "Approvals are recorded in AICMO Workbench with the reviewer's name, the time and the version approved. Approvers: {approvers}. A post that is not approved before its slot stays unpublished and moves to the next free slot of its platform.":
        "Les validations sont enregistrées dans AICMO Workbench avec le nom de la personne, l'heure et la version validée. Validation : {approvers}. Une publication non validée avant son créneau reste non publiée et passe au prochain créneau libre de sa plateforme.",
    'Anything that touches the offer or pricing, a complaint, a legal or data-protection question, or a claim the brief does not support goes to {contact}, and nothing of that kind is answered publicly before they reply.':
        "Tout ce qui touche à l'offre ou aux prix, une réclamation, une question juridique ou de protection des données, ou une affirmation que le brief ne permet pas, est transmis à {contact}, et rien de tel ne reçoit de réponse publique avant son retour.",
    'the account lead':
        'le responsable du compte',
    'Replies follow the brand voice: {voice}.':
        'Les réponses suivent le ton de la marque : {voice}.',
    'Replies follow the brand voice.':
        'Les réponses suivent le ton de la marque.',
    'Never use the banned words ({banned}).':
        'Ne jamais utiliser les mots interdits ({banned}).',
    'Answer questions about the product from the approved messaging only, move account or billing questions to a private channel, and log recurring questions for the next round of creatives.':
        'Répondre aux questions sur le produit uniquement à partir des messages validés, passer en privé les questions de compte ou de facturation, et noter les questions récurrentes pour la prochaine série de créations.',
    'the campaign slug':
        "l'identifiant de la campagne",
    "Every link in this calendar carries the same utm_campaign value, {campaign}, so the campaign's visits and sign-ups can be filtered in one view of the analytics tool. utm_source names the platform ({platforms}) and utm_medium separates social posts, emails and paid ads, so each platform's cost and results can be compared; utm_content names the asset, so the same comparison works asset by asset.":
        "Chaque lien de ce calendrier porte la même valeur utm_campaign, {campaign}, pour filtrer les visites et inscriptions de la campagne dans une seule vue de l'outil d'analyse. utm_source indique la plateforme ({platforms}) et utm_medium distingue publications, e-mails et publicités payantes, pour comparer le coût et les résultats de chaque plateforme ; utm_content indique la création, pour faire la même comparaison création par création.",
}

# creatives' working titles, asset labels and document labels.
_CREATIVES = {
    'LinkedIn post': 'Post LinkedIn',
    'Instagram caption': 'Légende Instagram',
    'Instagram carousel': 'Carrousel Instagram',
    'X post': 'Post X',
    'X thread': 'Fil X',
    'Email': 'E-mail',
    'Ad copy': 'Texte publicitaire',
    'Video script': 'Script vidéo',
    'Image prompt': "Prompt d'image",
    'Target platform:': 'Plateforme cible :',
    'Hashtags:': 'Hashtags:',  # as QC reads the label (qc/_text.py)
    'Disclaimer:': 'Mention légale :',
    'Visual:': 'Image :',
    'Voiceover:': 'Voix off :',
    'Hook (opening line):': 'Accroche (première phrase) :',
    'Scenes': 'Scènes',
    'Call to action:': "Appel à l'action :",
    'Concept:': 'Idée :',
    'Prompt:': 'Prompt :',
    'Overlay text:': 'Texte en surimpression :',
    'Headline:': 'Titre :',
    'Primary text:': 'Texte principal :',
    'Slide {n}: {heading}': 'Diapositive {n} : {heading}',
    '{theme}, in five slides': '{theme}, en cinq diapositives',
    '{theme}: a short thread': '{theme} : un fil court',
    '{theme} email': '{theme} : e-mail',
    '{theme}: short video': '{theme} : vidéo courte',
    '{theme}: the picture': "{theme} : l'image",
    '{theme}: the after picture': "{theme} : l'image de l'après",
    'The picture: {outcome}': "L'image : {outcome}",
    'The after picture: {outcome}': "L'image de l'après : {outcome}",
}

# delivery's executive summary for the client pack.
_DELIVERY = {
    'Client intake': 'Accueil du client',
    'Strategy': 'Stratégie',
    'Creatives': 'Créations',
    'Execution': 'Exécution',
    'Monitoring': 'Suivi',
    'Learn': 'Apprentissages',
    'Lead generation': 'Génération de contacts',
    'Delivery': 'Livraison',
    'Autonomy': 'Autonomie',
    "{campaign} is {brand}'s campaign for {audience}.":
        '{campaign} est la campagne de {brand} pour ce public : {audience}.',
    "{campaign} is {brand}'s campaign.":
        '{campaign} est la campagne de {brand}.',
    'It puts one offer in front of them: {offer}.':
        'Elle leur présente une seule offre : {offer}.',
    'Its objective: {objective}.':
        'Son objectif : {objective}.',
    'make the audience aware of the brand':
        'faire connaître la marque au public visé',
    'get the brand considered':
        'faire entrer la marque dans les options envisagées',
    'generate leads':
        'générer des contacts qualifiés',
    'drive sales':
        'générer des ventes',
    'keep existing customers':
        'fidéliser les clients existants',
    'launch the offer':
        "lancer l'offre",
    'email':
        "l'e-mail",
    'the blog':
        'le blog',
    'paid ads':
        'la publicité payante',
    'The strategy runs under the theme {theme}':
        'La stratégie se déroule sous le thème {theme}',
    'The strategy runs':
        'La stratégie se déroule',
    'for {length}':
        'pendant {length}',
    'on {channels}':
        'sur ces canaux : {channels}',
    'within a budget of {budget}':
        'avec un budget de {budget}',
    'Its core message: {message}':
        'Son message central : {message}',
    "Success is measured against the client's own targets: {targets}.":
        'Le succès se mesure aux objectifs du client : {targets}.',
    'No KPI targets were agreed at intake; they are the first thing to agree.':
        "Aucun objectif chiffré n'a été convenu à l'accueil du client ; c'est la première chose à fixer.",
    '{count} decision rules in the strategy say what changes if a channel or a KPI falls behind.':
        'Règles de décision dans la stratégie : {count} ; elles disent ce qui change si un canal ou un indicateur prend du retard.',
    '{count} from {section}':
        '{count} de la partie « {section} »',
    'This pack holds {total} approved deliverable: {counts}.':
        'Ce dossier contient {total} livrable validé : {counts}.',
    'This pack holds {total} approved deliverables: {counts}.':
        'Ce dossier contient {total} livrables validés : {counts}.',
    'Each one is the version the reviewer approved, listed with who approved it and when, and every one has passed the pre-flight checks listed at the end of the pack.':
        "Chacun est la version validée, avec le nom de la personne qui l'a validée et la date, et tous ont passé les vérifications listées à la fin du dossier.",
    'Before this pack is sent, fix what the pre-flight checklist flags: {failed}.':
        "Avant d'envoyer ce dossier, corriger ce que signale la liste de vérification : {failed}.",
    'Answer the {count} open questions in the client summary.':
        'Répondre aux questions ouvertes de la synthèse client ({count}).',
    'Send the proof each message pillar asks for (real customer examples, with permission) before any asset quotes it.':
        "Envoyer les preuves que demande chaque pilier du message (de vrais exemples clients, avec autorisation) avant qu'une création ne les cite.",
    'Confirm the launch: the content calendar starts on {start} and runs to {end}.':
        "Confirmer le lancement : le calendrier éditorial commence le {start} et court jusqu'au {end}.",
    'Confirm the launch: the content calendar starts on {start}.':
        'Confirmer le lancement : le calendrier éditorial commence le {start}.',
    'Confirm the start date, {start}, and agree the content calendar.':
        'Confirmer la date de début, le {start}, et valider le calendrier éditorial.',
    'Set up the tracked links from the UTM plan before the first post goes out.':
        'Mettre en place les liens suivis du plan UTM avant la première publication.',
    'Share the first weeks of real performance data so results are measured against the targets, not estimated.':
        'Partager les premières semaines de données réelles, pour mesurer les résultats par rapport aux objectifs au lieu de les estimer.',
    "Share the real performance data from the campaign's first days so results are measured against the targets, not estimated.":
        'Partager les vraies données de performance des premiers jours de la campagne pour mesurer les résultats par rapport aux objectifs, sans les estimer.',
    'Keep to the review and escalation process in the governance plan for every change.':
        "Suivre le processus de relecture et d'escalade du plan de gouvernance pour chaque changement.",
    '{theme}: the approved campaign for {brand}, ready for launch':
        '{theme} : la campagne validée pour {brand}, prête au lancement',
    '{theme}: the approved campaign for {brand}, to finish before it is sent':
        '{theme} : la campagne validée pour {brand}, à finaliser avant envoi',
}

# execution's documents around the plan: the content calendar (its table's header as
# qc/calendar_table.py reads it, weekdays, counts), the UTM plan and the governance plan.
_CALENDAR = {
    'Content calendar: {name}': 'Calendrier éditorial : {name}',
    'UTM plan: {name}': 'Plan UTM : {name}',
    'Governance: {name}': 'Gouvernance : {name}',
    '{start} to {end}': 'du {start} au {end}',
    '1 post': '1 publication',
    '{count} posts': '{count} publications',
    'times are local to the audience': 'heures locales du public visé',
    'Note:': 'Remarque :',
    'duration_weeks {given} ignored: {start} to {end} is 1 week; the dates decide the calendar':
        "duration_weeks {given} ignoré : du {start} au {end}, c'est 1 semaine ; les dates décident du calendrier",
    'duration_weeks {given} ignored: {start} to {end} is {weeks} weeks; the dates decide the calendar':
        "duration_weeks {given} ignoré : du {start} au {end}, c'est {weeks} semaines ; les dates décident du calendrier",
    'Posts per platform': 'Publications par plateforme',
    '1 post ({per_week} a week)': '1 publication ({per_week} par semaine)',
    '{count} posts ({per_week} a week)': '{count} publications ({per_week} par semaine)',
    '1 post (one a day)': '1 publication (une par jour)',
    '{count} posts (one a day)': '{count} publications (une par jour)',
    'Blackout dates:': 'Dates exclues :',
    '1 planned post dropped': '1 publication prévue retirée',
    '{count} planned posts dropped': '{count} publications prévues retirées',
    'Needs an asset:': 'Créations manquantes :',
    '{platform} has no approved asset, so its slot is flagged':
        "{platform} n'a aucune création validée, donc son créneau est signalé",
    '{platform} has no approved asset, so its {count} slots are flagged':
        "{platform} n'a aucune création validée, donc ses {count} créneaux sont signalés",
    "{platform}'s approved assets have each run {runs} times, so its last slot is flagged":
        '{platform} : chaque création validée a déjà été publiée {runs} fois, donc le dernier créneau est signalé',
    "{platform}'s approved assets have each run {runs} times, so its last {count} slots are flagged":
        '{platform} : chaque création validée a déjà été publiée {runs} fois, donc les {count} derniers créneaux sont signalés',
    'Slot': 'Créneau',
    'Date': 'Date',
    'Day': 'Jour',
    'Time': 'Heure',
    'Platform': 'Plateforme',
    'Asset': 'Création',
    'Link (UTM-tagged)': 'Lien (avec UTM)',
    'Monday': 'lundi',
    'Tuesday': 'mardi',
    'Wednesday': 'mercredi',
    'Thursday': 'jeudi',
    'Friday': 'vendredi',
    'Saturday': 'samedi',
    'Sunday': 'dimanche',
    'Ads': 'Publicités',
    'Needs an asset': 'Création à ajouter',
    'no landing page': 'pas de page de destination',
    'Notes per post': 'Notes par publication',
    'First comment: {comment}': 'Premier commentaire : {comment}',
    'Convention': 'Convention',
    'the platform (linkedin, instagram, x, email, facebook, ...)':
        'la plateforme (linkedin, instagram, x, email, facebook, ...)',
    'email for emails, paid for ad copy, social for everything else':
        'email pour les e-mails, paid pour les publicités, social pour tout le reste',
    '{campaign} (from the campaign name)': "{campaign} (d'après le nom de la campagne)",
    'the asset kind and the first characters of its id':
        'le type de création et les premiers caractères de son identifiant',
    'Every link points at {url}.': 'Chaque lien pointe vers {url}.',
    'No landing page is recorded for the brand, so the table lists the parameters only; add the landing page (input `landing_url`) to get complete links.':
        "Aucune page de destination n'est enregistrée pour la marque, donc le tableau ne donne que les paramètres ; ajoutez la page de destination (champ `landing_url`) pour obtenir des liens complets.",
    'Posts': 'Publications',
    'Tracked link': 'Lien suivi',
    'Approvers': 'Qui valide',
    'No approvers are named yet: until the client names them, the reviewer who approves this plan in AICMO Workbench signs off every post.':
        "Personne n'est encore désigné pour valider : en attendant que le client le fasse, la personne qui valide ce plan dans AICMO Workbench valide chaque publication.",
    'Review process': 'Processus de relecture',
    'Approvals': 'Validations',
    'Escalation': 'Escalade',
    'Escalation contact:': "Contact d'escalade :",
    'not named yet (agree one with the client before the first post)':
        'pas encore désigné (à convenir avec le client avant la première publication)',
    'Comments and replies': 'Commentaires et réponses',
}

OUTPUTS = {**_HEADINGS, **_EXECUTION, **_CREATIVES, **_DELIVERY, **_CALENDAR}
