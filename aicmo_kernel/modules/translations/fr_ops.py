"""French: the offline documents of the later modules, autonomy's policy and action plan first
(see ``translations/__init__.py``)."""

from __future__ import annotations

# Autonomy: the policy, the action plan and its guards.
_AUTONOMY = {
    "the campaign lead": "le responsable de la campagne",
    "campaign": "campagne",
    "manual": "manuel",
    "assisted": "assisté",
    "semi": "semi-autonome",
    "full": "autonome",
    "blocker": "bloquant",
    "major": "majeur",
    "minor": "mineur",
    "triggered": "déclenchée",
    "not triggered": "non déclenchée",
    "to check": "à vérifier",
    "decision rule": "règle de décision",
    "kill criteria, {channel}": "critères d'arrêt, {channel}",
    "manual: nothing is approved without a person, and each module is generated on request":
        "manuel : rien n'est validé sans une personne, et chaque module est généré à la demande",
    "assisted: drafts are prepared ahead, and a person still approves every one":
        "assisté : les brouillons sont préparés à l'avance, et une personne valide toujours chacun d'eux",
    "semi-autonomous: drafts of the allowed kinds are approved by the policy when their QC score reaches the threshold with no major issue; everything else waits for a person":
        "semi-autonome : les brouillons des types autorisés sont validés par la politique quand leur score qualité atteint le seuil sans problème majeur ; tout le reste attend une personne",
    "full: drafts of the allowed kinds are approved by the policy when their QC score reaches the threshold with no blocker; everything else waits for a person":
        "autonome : les brouillons des types autorisés sont validés par la politique quand leur score qualité atteint le seuil sans problème bloquant ; tout le reste attend une personne",
    "The campaign is at an early or sensitive stage, so every draft waits for a person. This keeps the team close to the work while the brief, the voice and the rules settle.":
        "La campagne en est à un stade précoce ou sensible : chaque brouillon attend donc une personne. L'équipe reste ainsi proche du travail pendant que le brief, le ton et les règles se stabilisent.",
    "Drafts are prepared ahead of time so reviewers spend their time judging, not writing, and nothing is approved without them.":
        "Les brouillons sont préparés à l'avance pour que les relecteurs passent leur temps à juger plutôt qu'à écrire, et rien n'est validé sans eux.",
    "Working documents with clean QC results can move without waiting for a reviewer, while anything that reaches an audience as written, or that QC has doubts about, stays with a person.":
        "Les documents de travail sans remarque du contrôle qualité avancent sans attendre un relecteur, tandis que tout ce qui est publié tel quel, ou sur quoi le contrôle qualité a un doute, reste entre les mains d'une personne.",
    "The policy approves drafts of the allowed kinds with a clean enough QC result, so the campaign keeps moving; people concentrate on spend, the policy itself and whatever QC questions.":
        "La politique valide les brouillons des types autorisés dont le contrôle qualité est assez bon, pour que la campagne avance ; les personnes se concentrent sur les dépenses, la politique elle-même et ce que le contrôle qualité remet en question.",
    "no workspace to read a monitoring report from": "aucun espace de travail où lire un rapport de suivi",
    "no approved monitoring performance report yet": "pas encore de rapport de performance validé",
    "the approved performance report carries no KPI table this plan can read":
        "le rapport de performance validé ne contient aucun tableau d'indicateurs lisible par ce plan",
    "{approver} approves the action; content guard applies; no change of spend.":
        "{approver} valide l'action ; le garde-fou sur les contenus s'applique ; aucune dépense ne change.",
    "{approver} approves the action; content guard and spend guard apply.":
        "{approver} valide l'action ; les garde-fous sur les contenus et sur les dépenses s'appliquent.",
    "the next review period (dates not set)": "la prochaine période de bilan (dates non fixées)",
    "every draft an action produces waits for a person ({approver} or a reviewer) at the {level} level.":
        "chaque brouillon produit par une action attend une personne ({approver} ou un relecteur) au niveau {level}.",
    "drafts an action produces may be approved by the {level} policy only within its kinds and its QC threshold (see the autonomy policy); everything else waits for a person.":
        "les brouillons produits par une action ne peuvent être validés par la politique ({level}) que dans ses types et au-dessus de son seuil qualité (voir la politique d'autonomie) ; tout le reste attend une personne.",
    "no budget is on record, so any change of spend needs the explicit approval of {approver}.":
        "aucun budget n'est enregistré : tout changement de dépense demande donc l'accord explicite de {approver}.",
    "spend changes are never approved by the policy: {approver} signs them off, and one action moves at most {pct}% of the weekly budget ({cap} of {weekly} a week).":
        "les changements de dépense ne sont jamais validés par la politique : {approver} les approuve, et une action déplace au plus {pct}\u00a0% du budget hebdomadaire ({cap} sur {weekly} par semaine).",
    "spend changes are never approved by the policy: {approver} signs them off, and one action moves at most {pct}% of the daily budget ({cap} of {daily} a day).":
        "les changements de dépense ne sont jamais validés par la politique : {approver} les approuve, et une action déplace au plus {pct}\u00a0% du budget quotidien ({cap} sur {daily} par jour).",
    "{start} to {end}": "du {start} au {end}",
    "{kind} (a policy never approves its own change)": "{kind} (une politique ne valide jamais sa propre modification)",
    "any draft with a QC blocker": "tout brouillon avec un problème qualité bloquant",
    "any change of spend, whatever the level ({approver} signs it off)":
        "tout changement de dépense, quel que soit le niveau ({approver} l'approuve)",
    "No monitoring data yet ({note}). This plan says what to watch and what to do if a rule is met; it reports no results.":
        "Pas encore de données de suivi ({note}). Ce plan dit quoi surveiller et quoi faire si une règle est remplie ; il ne rapporte aucun résultat.",
    "Guards": "Garde-fous",
    "Content guard:": "Garde-fou sur les contenus :",
    "Spend guard:": "Garde-fou sur les dépenses :",
    "any draft with a major QC issue": "tout brouillon avec un problème qualité majeur",
    "any draft whose QC score is below {threshold}": "tout brouillon dont le score qualité est inférieur à {threshold}",
    "these kinds, which the policy does not cover: {kinds}": "ces types, que la politique ne couvre pas : {kinds}",
    "every draft of every kind, at this level": "chaque brouillon de chaque type, à ce niveau",
    "{points} per {severity} issue": "{points} par problème {severity}",
    "The QC score of a draft is {start}, less {penalties}.": "Le score qualité d'un brouillon vaut {start}, moins {penalties}.",
    "Text that reaches an audience as written is included: {kinds}. Reviewers should spot-check it after approval.":
        "Les textes publiés tels quels sont inclus : {kinds}. Les relecteurs devraient les vérifier par sondage après validation.",
    "Approving this document stores the settings above as the campaign's autonomy policy, and the workflow enforces them on every approval made by the policy (recorded as made by the policy). Editing this wording does not change the stored settings; generate again to change them.":
        "Valider ce document enregistre les réglages ci-dessus comme politique d'autonomie de la campagne, et le flux de travail les applique à chaque validation faite par la politique (enregistrée comme telle). Modifier ce texte ne change pas les réglages enregistrés ; générez à nouveau pour les changer.",
    "Actions for {period}, each tied to a strategy rule.": "Actions pour la période {period}, chacune liée à une règle de la stratégie.",
    "The approved strategy has no decision rules or kill criteria, so there is nothing the plan may act on by itself. Add decision rules to the strategy (\"if this happens by then, we do that\") and generate this plan again.":
        "La stratégie validée n'a ni règles de décision ni critères d'arrêt : le plan ne peut donc agir sur rien de lui-même. Ajoutez des règles de décision à la stratégie (« si ceci arrive d'ici là, nous faisons cela ») et générez ce plan à nouveau.",
    "Autonomy policy: {name}": "Politique d'autonomie : {name}",
    "Autonomy policy: {level} ({name})": "Politique d'autonomie : {level} ({name})",
    "Level:": "Niveau :",
    "QC threshold:": "Seuil qualité :",
    "Nothing: at this level every draft waits for a person.": "Rien : à ce niveau, chaque brouillon attend une personne.",
    "Why": "Pourquoi",
    "What the policy may approve": "Ce que la politique peut valider",
    "What always needs a person": "Ce qui demande toujours une personne",
    "When it applies": "Quand elle s'applique",
    "Based on the approved monitoring report {title} (version {version}).": "D'après le rapport de suivi validé {title} (version {version}).",
    "The figures below are copied from it as computed.": "Les chiffres ci-dessous en sont repris tels que calculés.",
    "KPI": "Indicateur",
    # The monitoring report's computed KPIs, as the action plan's data table names them.
    "Impressions": 'Impressions',
    "Clicks": 'Clics',
    "Spend": 'Dépenses',
    "Conversions": 'Conversions',
    "Revenue": "Chiffre d'affaires",
    "CTR": 'Taux de clics',
    "CPC": 'Coût par clic',
    "CPL": 'Coût par contact',
    "Click-to-lead rate": 'Taux de contacts par clic',
    "Lead-to-conversion rate": 'Taux de conversion des contacts',
    "Cost per conversion": 'Coût par conversion',
    "ROAS": 'ROAS',
    "Value": "Valeur",
    "Target": "Objectif",
    "Status": "Statut",
    "Data": "Données",
    "Actions": "Actions",
    "Action plan: {period}": "Plan d'action : {period}",
    "Guard:": "Garde-fou :",
    "Rules with no action this period": "Règles sans action sur cette période",
    "Action:": "Action :",
    "Watch:": "À surveiller :",
    "Trigger:": "Déclenchement :",
    "figures:": "chiffres :",
    "Rule {number} ({source})": "Règle {number} ({source})",
    "Rule {number}, {source}": "Règle {number}, {source}",
    "A person approves the policy itself and every change of spend.": "Une personne valide la politique elle-même et chaque changement de dépense.",
    "At the review, check the rule as written and act only as it says.": "Au bilan, vérifier la règle telle qu'elle est écrite et n'agir que comme elle le dit.",
    "This plan turns the {count} rules of the approved strategy into guarded actions; {basis}. Each action names its rule, and code adds who approves it and any spend cap.":
        "Ce plan transforme les règles de la stratégie validée (nombre : {count}) en actions encadrées ; {basis}. Chaque action cite sa règle, et le code ajoute qui la valide et tout plafond de dépense.",
    "This plan turns the one rule of the approved strategy into a guarded action; {basis}. The action names its rule, and code adds who approves it and any spend cap.":
        "Ce plan transforme l'unique règle de la stratégie validée en action encadrée ; {basis}. L'action cite sa règle, et le code ajoute qui la valide et tout plafond de dépense.",
    "Approving the autonomy policy itself: a policy never widens its own permissions.":
        "La validation de la politique d'autonomie elle-même : une politique n'élargit jamais ses propres droits.",
    "Every change of spend, signed off by {approver}.": "Chaque changement de dépense, approuvé par {approver}.",
    "Any draft QC blocks, or that falls below the threshold, with the QC findings shown to the reviewer.":
        "Tout brouillon que le contrôle qualité bloque, ou qui passe sous le seuil, avec les constats du contrôle montrés au relecteur.",
    "the KPIs of the approved monitoring report decide which rules are triggered":
        "les indicateurs du rapport de suivi validé décident quelles règles sont déclenchées",
    "there is no monitoring data yet, so the plan names what to watch and acts only when a rule is met":
        "il n'y a pas encore de données de suivi : le plan dit donc quoi surveiller et n'agit que quand une règle est remplie",
    "The figures meet this rule ({reason}), so {consequence}": "Les chiffres remplissent cette règle ({reason}), donc : {consequence}",
    "Posts, emails, ads and outreach that reach an audience as written, unless the policy lists them.":
        "Les publications, e-mails, annonces et messages de prospection publiés tels quels, sauf si la politique les liste.",
    "Every draft, at this level.": "Chaque brouillon, à ce niveau.",
    "The approved strategy has no rules yet, so the plan only watches.": "La stratégie validée n'a pas encore de règles : le plan se contente donc de surveiller.",
    "whether the change moves {metrics} at the next review": "si le changement fait bouger {metrics} au prochain bilan",
    "No change: the figures do not meet this rule ({reason}), so keep the current plan":
        "Aucun changement : les chiffres ne remplissent pas cette règle ({reason}), donc garder le plan actuel",
    # why a rule is (not) triggered (``autonomy.action_facts.reason_text``)
    "{metric} is {value}, below {limit}": "{metric} : {value}, sous {limit}",
    "{metric} is {value}, not below {limit}": "{metric} : {value}, pas sous {limit}",
    "{metric} is {value}, above {limit}": "{metric} : {value}, au-dessus de {limit}",
    "{metric} is {value}, not above {limit}": "{metric} : {value}, pas au-dessus de {limit}",
    "{metric} is {value}, {status} by the report": "{metric} : {value}, {status} selon le rapport",
    "At the review, {check}; if it holds, {consequence}": "Au bilan, {check} ; si c'est le cas : {consequence}",
    "{metrics} at the next review": "{metrics} au prochain bilan",
    "check whether {condition}": "vérifier si {condition}",
    "check the rule as written": "vérifier la règle telle qu'elle est écrite",
    "the numbers this rule names, in the next approved monitoring report": "les chiffres que cite cette règle, dans le prochain rapport de suivi validé",
    "no monitoring data yet: the numbers this rule names, once a monitoring report is approved":
        "pas encore de données de suivi : les chiffres que cite cette règle, dès qu'un rapport de suivi sera validé",
    "Add decision rules to the strategy before the next review.": "Ajouter des règles de décision à la stratégie avant le prochain bilan.",
}

# Leadgen: the scored leads, the outreach sequences and the lead-magnet ideas (the scoring's
# reasons are in ``_LEAD_REASONS`` below).
_LEADGEN = {
    "hot": "chaud",
    "warm": "tiède",
    "cold": "froid",
    "new": "nouveau",
    "contacted": "contacté",
    "engaged": "engagé",
    "qualified": "qualifié",
    "lost": "perdu",
    "Name": "Nom",
    "Company": "Entreprise",
    "Title": "Fonction",
    "Score": "Score",
    "Tier": "Niveau",
    "Top reasons": "Principales raisons",
    "Fit to the brief": "Adéquation au brief",
    "Engagement": "Engagement",
    "Recency": "Activité récente",
    "Reply or call within two working days, picking up on what they engaged with most recently.":
        "Répondre ou appeler sous deux jours ouvrés, en repartant de ce qui l'a intéressé le plus récemment.",
    "Start the warm sequence and watch for a reply before any one-to-one follow-up.":
        "Lancer la séquence « tiède » et attendre une réponse avant tout suivi individuel.",
    "Add to the cold sequence; no one-to-one effort until they engage again.":
        "Ajouter à la séquence « froid » ; aucun effort individuel tant qu'il ne se manifeste pas à nouveau.",
    "They are already engaged: make the next step small and easy.":
        "Ces contacts sont déjà intéressés : rendre la prochaine étape petite et facile.",
    "Answer the doubt most likely holding them back, then invite a low-effort next step.":
        "Répondre au doute qui les retient le plus probablement, puis proposer une prochaine étape qui demande peu d'effort.",
    "Lead with a pain they will recognise and ask for nothing big.":
        "Ouvrir sur une difficulté qu'ils reconnaîtront et ne rien demander de lourd.",
    "One-page checklist": "Check-list d'une page",
    "Fill-in template": "Modèle à remplir",
    "Short email course in three parts": "Mini-cours par e-mail en trois parties",
    "Plain-words guide": "Guide en mots simples",
    "Scores {score} ({tier}): {reasons}.": "Score {score} ({tier}) : {reasons}.",
    "not named": "non précisé",
    "A short note to follow up on the last message; reply if it is worth a conversation.":
        "Un petit mot pour faire suite au dernier message ; répondez si cela mérite d'en parler.",
    "not recorded": "non renseigné",
    "the client": "le client",
    "**Example data**, not a real CRM export: {note}": "**Données d'exemple**, pas un vrai export de CRM : {note}",
    "no component scored points": "aucun critère n'a rapporté de points",
    "Subject:": "Objet :",
    "{count} more qualifying leads are in the metadata, not listed here.":
        "{count} autres contacts retenus figurent dans les métadonnées, sans être listés ici.",
    "{name}, {title} at {company} (score {score})": "{name}, {title} chez {company} (score {score})",
    "Touch 1, day {day}: email": "Contact 1, jour {day} : e-mail",
    "Touch 2, day {day}: LinkedIn message": "Contact 2, jour {day} : message LinkedIn",
    "Touch 3, day {day}: follow-up": "Contact 3, jour {day} : relance",
    "Format:": "Format :",
    "The pain it answers:": "La difficulté à laquelle il répond :",
    "Lead-magnet ideas: {client}": "Idées d'aimants à prospects : {client}",
    "Scored leads: {qualifying} of {in_file}": "Prospects notés : {qualifying} sur {in_file}",
    "Scored leads: {client}": "Prospects notés : {client}",
    "A quick note": "Un petit mot",
    "{in_file} leads in {source}: {by_status} left out by status (kept: {statuses}), {below} below the minimum score of {min_score}. **{qualifying} qualify**; the top {in_plan} are in the outreach plan.":
        "Contacts dans {source} : {in_file} ; écartés par statut : {by_status} (gardés : {statuses}) ; sous le score minimum de {min_score} : {below}. **Retenus : {qualifying}** ; les {in_plan} premiers sont dans le plan de prospection.",
    "Scores are computed by rules in code, not by a language model; recency is measured from the latest activity in the file ({reference}), so the same file always scores the same.":
        "Les scores sont calculés par des règles dans le code, pas par un modèle de langage ; l'activité récente se mesure depuis la dernière activité du fichier ({reference}) : un même fichier obtient donc toujours les mêmes scores.",
    "**Before sending:** a person adds each lead's first name and one line about what they engaged with, and sends only to the people listed above.":
        "**Avant l'envoi :** une personne ajoute le prénom de chaque contact et une ligne sur ce qui l'a intéressé, et n'envoie qu'aux personnes listées ci-dessus.",
    "Outreach sequence: {tier} leads ({count})": "Séquence de prospection : contacts de niveau {tier} ({count})",
    "Outreach sequence: {tier} leads": "Séquence de prospection : contacts de niveau {tier}",
    "Follow up on what the lead engaged with": "Faire suite à ce qui a intéressé le contact",
    "the pain named in the brief": "la difficulté citée dans le brief",
    "an example file": "un fichier d'exemple",
    "every email address is on a reserved example domain": "toutes les adresses e-mail sont sur un domaine réservé aux exemples",
    "**The ideal customer, from the approved brief:** roles {roles}; industries {industries}; company size {size}; geography {geography}.":
        "**Le client idéal, d'après le brief validé :** fonctions : {roles} ; secteurs : {industries} ; taille d'entreprise : {size} ; zone : {geography}.",
    "What the reader gets, step by step": "Ce que le lecteur obtient, étape par étape",
    "Next step:": "Prochaine étape :",
    "Angle:": "Angle :",
    'For {count} lead from the file:':
        'Pour {count} contact du fichier :',
    'For these {count} leads from the file:':
        'Pour ces {count} contacts du fichier :',
    "no dates in the file": "aucune date dans le fichier",
    "Leads": "Contacts",
    "The top leads, in plain words": "Les meilleurs contacts, en clair",
    "Tiers: hot 70 and above, warm 45 to 69, cold below 45.": "Niveaux : chaud à partir de 70, tiède de 45 à 69, froid sous 45.",
    "{low} to {high}": "de {low} à {high}",
    "not given": "non indiqué",
    "How scores are computed": "Comment les scores sont calculés",
    "Component": "Critère",
    "Max points": "Points max.",
    "Rule": "Règle",
    # The scoring rules (``leads.scoring.SCORE_RULES``), as the leads table's rules section shows them.
    "Industry": "Secteur",
    'Company size': "Taille de l'entreprise",
    "Geography": "Zone",
    "Email opens": "E-mails ouverts",
    "Email clicks": "Clics dans les e-mails",
    "Site visits": "Visites du site",
    "Replied": "Réponse",
    '20 when the job title names a role the audience names; 10 for another senior role':
        "20 si la fonction est un rôle que l'audience nomme ; 10 pour un autre poste de direction",
    "15 when the lead's industry is one the brief names":
        "15 si le secteur du contact est l'un de ceux que le brief nomme",
    '10 when the head count overlaps the size range in the brief':
        "10 si l'effectif recoupe la fourchette de taille du brief",
    "5 when the country is in the brief's geography; 2 for the same country, region unconfirmed":
        '5 si le pays est dans la zone du brief ; 2 pour le même pays, région non confirmée',
    '1 point per open, at most 5':
        '1 point par ouverture, 5 au plus',
    '3 points per click, at most 9':
        '3 points par clic, 9 au plus',
    '2 points per visit, at most 6':
        '2 points par visite, 6 au plus',
    '15 when the lead replied':
        '15 si le contact a répondu',
    "15 if active within 7 days of the file's latest activity, 10 within 30, 5 within 90":
        '15 si actif dans les 7 jours précédant la dernière activité du fichier, 10 dans les 30, 5 dans les 90',
    "No scoring rule gave it points.": "Aucune règle de notation ne lui a donné de points.",
    "{name} at {company} scores {score}, a {tier} lead.": "{name} ({company}) obtient un score de {score} : un contact {tier}.",
    "our team": "notre équipe",
    "the problem {client} solves": "le problème que résout {client}",
    "what {client} offers": "ce que propose {client}",
    "A fair question: {objection}. Ask us, and we will answer plainly.": "Une question légitime : {objection}. Posez-la-nous, nous y répondrons franchement.",
    "understanding what {client} does": "comprendre ce que fait {client}",
    "{form}: from {pain} to {outcome}": "{form} : de {pain} à {outcome}",
    "Where the week goes today: {pain}; the reader notes their own numbers, we add none":
        "Où passe la semaine aujourd'hui : {pain} ; le lecteur note ses propres chiffres, nous n'en ajoutons aucun",
    "The steps that lead to {outcome}": "Les étapes qui mènent à ce résultat : {outcome}",
    "Points it did not get": "Points non obtenus",
    "Hello, I work with {client}. We help with {pain}, so the result is {outcome}. Happy to share how it works if useful.":
        "Bonjour, je travaille avec {client}. Nous aidons face à ce problème : {pain}. Le résultat : {outcome}. Je vous explique volontiers comment, si cela vous est utile.",
    "Hello, I work with {client}. Happy to share how it works if useful.": "Bonjour, je travaille avec {client}. Je vous explique volontiers comment, si cela vous est utile.",
    "When you are ready: {cta}": "Quand vous serez prêt : {cta}",
    "How {client} helps: {usp}": "Comment {client} aide : {usp}",
    "How {client} helps": "Comment {client} aide",
    "If {pain} sounds familiar, {client} was built for exactly that.": "Si « {pain} » vous parle, {client} a été pensé exactement pour cela.",
    "Hello,": "Bonjour,",
    "If the timing is wrong, no problem: reply and we will not chase.": "Si le moment est mal choisi, aucun souci : répondez et nous ne relancerons pas.",
    "Get the {form}": "Recevez : {form}",
    "A short follow-up on {pain}.": "Un petit suivi au sujet de ce problème : {pain}.",
    "Hello again,": "Rebonjour,",
    # leadgen for people buying for themselves, and a short campaign's touch days
    "If {pain} sounds familiar, {client} is for you.": "Si « {pain} » vous parle, {client} est fait pour vous.",
    "A quick reminder from {client}: {outcome}.": "Un petit rappel de {client} : {outcome}.",
    "A quick reminder from {client}.": "Un petit rappel de {client}.",
    "A last reminder from {client}": "Un dernier rappel de {client}",
    "A last reminder from {client}.": "Un dernier rappel de {client}.",
    "Touch 2, day {day}: reminder email": "Contact 2, jour {day} : e-mail de rappel",
    "Touch 3, day {day}: last reminder": "Contact 3, jour {day} : dernier rappel",
    "The campaign runs from {start} to {end}: day 0 is its first day, and no touch falls after its last.":
        "La campagne se déroule du {start} au {end} : le jour 0 est son premier jour, et aucun contact ne tombe après son dernier.",
    "{name} (score {score})": "{name} (score {score})",
    "{name} scores {score}, a {tier} lead.": "{name} obtient un score de {score} : un contact {tier}.",
    "Answer them the same day, picking up on what they engaged with most recently.":
        "Répondre le jour même, en repartant de ce qui l'a intéressé le plus récemment.",
    "What gets in the way today: {pain}": "Ce qui coince aujourd'hui : {pain}",
}

# The leads scoring's reasons (``leads.scoring``, each component's sentences; ``leadgen.reasons``).
_LEAD_REASONS = {
    "title {title} is a role the audience names ({role})":
        "le poste {title} est une fonction que le public visé nomme ({role})",
    "title {title} is a senior role ({role}); the audience names no roles":
        "le poste {title} est un poste de direction ({role}) ; le public visé ne nomme aucune fonction",
    "title {title} is senior ({role}) but not a role the audience names ({roles})":
        "le poste {title} est un poste de direction ({role}), mais pas une fonction que le public visé nomme ({roles})",
    "title {title} is not a role the audience names":
        "le poste {title} n'est pas une fonction que le public visé nomme",
    "industry not recorded": "secteur non renseigné",
    "the brief names no customer industry to compare with":
        "le brief ne nomme aucun secteur client auquel comparer",
    "industry {industry} is one the brief names ({word})":
        "le secteur {industry} est l'un de ceux que le brief nomme ({word})",
    "industry {industry} is not one the brief names":
        "le secteur {industry} n'est pas l'un de ceux que le brief nomme",
    "the brief gives no company size to compare with":
        "le brief ne donne aucune taille d'entreprise à laquelle comparer",
    "company size not recorded": "taille d'entreprise non renseignée",
    "company size {size} fits {low} to {high}":
        "la taille d'entreprise {size} entre dans la fourchette de {low} à {high}",
    "company size {size} is outside {low} to {high}":
        "la taille d'entreprise {size} est hors de la fourchette de {low} à {high}",
    "the brief names no geography": "le brief ne nomme aucune zone géographique",
    "country not recorded": "pays non renseigné",
    "{country} is in the brief's geography": "{country} est dans la zone du brief",
    "{country}: the same country as the brief's geography, region not confirmed":
        "{country} : le même pays que la zone du brief, région non confirmée",
    "{country} is outside the brief's geography": "{country} est hors de la zone du brief",
    "opened {count} email": "a ouvert {count} e-mail",
    "opened {count} emails": "a ouvert {count} e-mails",
    "clicked {count} email link": "a cliqué sur {count} lien d'e-mail",
    "clicked {count} email links": "a cliqué sur {count} liens d'e-mail",
    "visited the site once": "a visité le site une fois",
    "visited the site {count} times": "a visité le site {count} fois",
    "no email opens recorded": "aucune ouverture d'e-mail enregistrée",
    "no email clicks recorded": "aucun clic dans un e-mail enregistré",
    "no site visits recorded": "aucune visite du site enregistrée",
    "(capped at {cap} points)": "(plafonné à {cap} points)",
    "replied to outreach": "a répondu à la prospection",
    "has not replied": "n'a pas répondu",
    "replies not recorded": "réponses non renseignées",
    "no last activity date": "pas de date de dernière activité",
    "last active on the file's latest activity date ({date})":
        "dernière activité à la date la plus récente du fichier ({date})",
    "last active {count} day before the file's latest activity ({date})":
        "dernière activité {count} jour avant la plus récente du fichier ({date})",
    "last active {count} days before the file's latest activity ({date})":
        "dernière activité {count} jours avant la plus récente du fichier ({date})",
}


# Leads who are people (``leads.scoring`` for a person; leadgen's documents for a file of people).
_PEOPLE = {
    'job title not recorded':
        'fonction non renseignée',
    'no orders yet':
        "aucune commande pour l'instant",
    'placed {count} order':
        'a passé {count} commande',
    'placed {count} orders':
        'a passé {count} commandes',
    'orders not recorded':
        'commandes non renseignées',
    'total spent not recorded':
        'montant dépensé non renseigné',
    'nothing spent yet':
        "aucune dépense pour l'instant",
    'spent {spent} in total':
        'a dépensé {spent} au total',
    "spent {spent} in total, at or above the file's median among people who bought ({median})":
        'a dépensé {spent} au total, au moins la médiane du fichier parmi les personnes ayant acheté ({median})',
    "spent {spent} in total, below the file's median among people who bought ({median})":
        'a dépensé {spent} au total, sous la médiane du fichier parmi les personnes ayant acheté ({median})',
    'accepts email marketing':
        'accepte les e-mails marketing',
    'has not accepted email marketing':
        "n'a pas accepté les e-mails marketing",
    'consent to email marketing not recorded':
        'consentement aux e-mails marketing non renseigné',
    'member rating not recorded':
        "note d'abonné non renseignée",
    'member rating {rating} of 5':
        "note d'abonné : {rating} sur 5",
    'Orders':
        'Commandes',
    'Total spent':
        'Montant dépensé',
    'Email marketing':
        'E-mails marketing',
    'Member rating':
        "Note d'abonné",
    '5 points per order, at most 15':
        '5 points par commande, 15 au plus',
    "10 at or above the file's median spend among people who bought; 5 below it":
        '10 à partir de la dépense médiane du fichier parmi les personnes ayant acheté ; 5 en dessous',
    '10 when the person accepts email marketing':
        '10 si la personne accepte les e-mails marketing',
    '10 for a member rating of 5 stars, 6 for 4 stars, 3 for 3 stars':
        "10 pour une note d'abonné de 5 étoiles, 6 pour 4 étoiles, 3 pour 3 étoiles",
    'What they bought':
        'Achats',
    '**A good lead, from the approved brief and the file:** a person in the audience the brief names ({audience}), in its geography ({geography}), who has bought (orders, total spent), is engaged (member rating, email opens and clicks, site visits, replies), accepts email marketing and was active recently. Job title, industry and company size are not scored for people.':
        "**Un bon contact, d'après le brief validé et le fichier :** une personne du public que nomme le brief ({audience}), dans sa zone ({geography}), qui a acheté (commandes, montant dépensé), est engagée (note d'abonné, ouvertures et clics d'e-mails, visites du site, réponses), accepte les e-mails marketing et a été active récemment. La fonction, le secteur et la taille d'entreprise ne sont pas notés pour les particuliers.",
    "A person's score is their points as a share of the {possible} points this file's columns can give.":
        "Le score d'une personne est la part de ses points sur les {possible} points que les colonnes de ce fichier peuvent donner.",
    'The file has no column for: {components}; those count for nothing.':
        "Le fichier n'a pas de colonne pour : {components} ; ces critères ne comptent pas.",
    'Total spent is 0 or blank on every row of the file (a free event, or nothing bought yet), so it tells no one apart and is not scored.':
        "Le montant dépensé est nul ou vide sur chaque ligne du fichier (un événement gratuit, ou aucun achat encore) : il ne distingue personne et n'est pas noté.",
    '**Consent not on record:** {count} person in the outreach plan has no record in the file of accepting email marketing (row {rows}); check that you may email them before sending.':
        "**Consentement non enregistré :** {count} personne du plan de prospection n'a, dans le fichier, aucune trace d'acceptation des e-mails marketing (ligne {rows}) ; vérifiez que vous pouvez lui écrire avant l'envoi.",
    '**Consent not on record:** {count} people in the outreach plan have no record in the file of accepting email marketing (rows {rows}); check that you may email them before sending.':
        "**Consentement non enregistré :** {count} personnes du plan de prospection n'ont, dans le fichier, aucune trace d'acceptation des e-mails marketing (lignes {rows}) ; vérifiez que vous pouvez leur écrire avant l'envoi.",
    '{count} lead in the file is a person, with no company.':
        '{count} contact du fichier est un particulier, sans entreprise.',
    '{count} leads in the file are people, with no company.':
        '{count} contacts du fichier sont des particuliers, sans entreprise.',
    'no name (row {row})':
        'sans nom (ligne {row})',
    'Not contacted: no consent to email marketing':
        'Non contactés : pas de consentement aux e-mails marketing',
    '{count} qualifying lead has not accepted email marketing: left out of the outreach sequences and not emailed.':
        "{count} contact retenu n'a pas accepté les e-mails marketing : il est exclu des séquences de prospection et ne reçoit aucun e-mail.",
    '{count} qualifying leads have not accepted email marketing: left out of the outreach sequences and not emailed.':
        "{count} contacts retenus n'ont pas accepté les e-mails marketing : ils sont exclus des séquences de prospection et ne reçoivent aucun e-mail.",
    '**Not contacted: no consent to email marketing ({count} lead):**':
        '**Non contacté, faute de consentement aux e-mails marketing ({count} contact) :**',
    '**Not contacted: no consent to email marketing ({count} leads):**':
        '**Non contactés, faute de consentement aux e-mails marketing ({count} contacts) :**',
}

OPS = {**_AUTONOMY, **_LEADGEN, **_LEAD_REASONS, **_PEOPLE}
