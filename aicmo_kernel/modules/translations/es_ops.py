"""Spanish: the offline documents of the later modules, autonomy's policy and action plan first
(see ``translations/__init__.py``)."""

from __future__ import annotations

# Autonomy: the policy, the action plan and its guards.
_AUTONOMY = {
    "the campaign lead": "el responsable de la campaña",
    "campaign": "campaña",
    "manual": "manual",
    "assisted": "asistido",
    "semi": "semiautónomo",
    "full": "autónomo",
    "blocker": "bloqueante",
    "major": "grave",
    "minor": "leve",
    "triggered": "activada",
    "not triggered": "no activada",
    "to check": "por comprobar",
    "decision rule": "regla de decisión",
    "kill criteria, {channel}": "criterios de parada, {channel}",
    "manual: nothing is approved without a person, and each module is generated on request":
        "manual: nada se aprueba sin una persona, y cada módulo se genera a petición",
    "assisted: drafts are prepared ahead, and a person still approves every one":
        "asistido: los borradores se preparan con antelación, y una persona sigue aprobando cada uno",
    "semi-autonomous: drafts of the allowed kinds are approved by the policy when their QC score reaches the threshold with no major issue; everything else waits for a person":
        "semiautónomo: la política aprueba los borradores de los tipos permitidos cuando su puntuación de calidad alcanza el umbral sin ningún problema grave; todo lo demás espera a una persona",
    "full: drafts of the allowed kinds are approved by the policy when their QC score reaches the threshold with no blocker; everything else waits for a person":
        "autónomo: la política aprueba los borradores de los tipos permitidos cuando su puntuación de calidad alcanza el umbral sin ningún problema bloqueante; todo lo demás espera a una persona",
    "The campaign is at an early or sensitive stage, so every draft waits for a person. This keeps the team close to the work while the brief, the voice and the rules settle.":
        "La campaña está en una fase temprana o delicada, así que cada borrador espera a una persona. Así el equipo sigue de cerca el trabajo mientras el brief, el tono y las reglas se asientan.",
    "Drafts are prepared ahead of time so reviewers spend their time judging, not writing, and nothing is approved without them.":
        "Los borradores se preparan con antelación para que los revisores dediquen su tiempo a juzgar, no a escribir, y nada se aprueba sin ellos.",
    "Working documents with clean QC results can move without waiting for a reviewer, while anything that reaches an audience as written, or that QC has doubts about, stays with a person.":
        "Los documentos de trabajo sin incidencias de calidad avanzan sin esperar a un revisor, mientras que todo lo que se publica tal cual, o sobre lo que el control de calidad tiene dudas, queda en manos de una persona.",
    "The policy approves drafts of the allowed kinds with a clean enough QC result, so the campaign keeps moving; people concentrate on spend, the policy itself and whatever QC questions.":
        "La política aprueba los borradores de los tipos permitidos con un resultado de calidad suficiente, para que la campaña avance; las personas se centran en el gasto, la propia política y lo que el control de calidad ponga en duda.",
    "no workspace to read a monitoring report from": "no hay espacio de trabajo del que leer un informe de seguimiento",
    "no approved monitoring performance report yet": "aún no hay un informe de rendimiento aprobado",
    "the approved performance report carries no KPI table this plan can read":
        "el informe de rendimiento aprobado no tiene ninguna tabla de indicadores que este plan pueda leer",
    "{approver} approves the action; content guard applies; no change of spend.":
        "{approver} aprueba la acción; se aplica el control de contenidos; el gasto no cambia.",
    "{approver} approves the action; content guard and spend guard apply.":
        "{approver} aprueba la acción; se aplican los controles de contenidos y de gasto.",
    "the next review period (dates not set)": "el próximo periodo de revisión (sin fechas fijadas)",
    "every draft an action produces waits for a person ({approver} or a reviewer) at the {level} level.":
        "cada borrador que produce una acción espera a una persona ({approver} o un revisor) en el nivel {level}.",
    "drafts an action produces may be approved by the {level} policy only within its kinds and its QC threshold (see the autonomy policy); everything else waits for a person.":
        "la política ({level}) solo puede aprobar los borradores que produce una acción dentro de sus tipos y de su umbral de calidad (véase la política de autonomía); todo lo demás espera a una persona.",
    "no budget is on record, so any change of spend needs the explicit approval of {approver}.":
        "no hay ningún presupuesto registrado, así que cualquier cambio de gasto necesita la aprobación expresa de {approver}.",
    "spend changes are never approved by the policy: {approver} signs them off, and one action moves at most {pct}% of the weekly budget ({cap} of {weekly} a week).":
        "la política nunca aprueba cambios de gasto: los aprueba {approver}, y una acción mueve como máximo el {pct}\u00a0% del presupuesto semanal ({cap} de {weekly} a la semana).",
    "spend changes are never approved by the policy: {approver} signs them off, and one action moves at most {pct}% of the daily budget ({cap} of {daily} a day).":
        "la política nunca aprueba cambios de gasto: los aprueba {approver}, y una acción mueve como máximo el {pct}\u00a0% del presupuesto diario ({cap} de {daily} al día).",
    "{start} to {end}": "del {start} al {end}",
    "{kind} (a policy never approves its own change)": "{kind} (una política nunca aprueba su propio cambio)",
    "any draft with a QC blocker": "cualquier borrador con un problema de calidad bloqueante",
    "any change of spend, whatever the level ({approver} signs it off)":
        "cualquier cambio de gasto, sea cual sea el nivel (lo aprueba {approver})",
    "No monitoring data yet ({note}). This plan says what to watch and what to do if a rule is met; it reports no results.":
        "Aún no hay datos de seguimiento ({note}). Este plan dice qué vigilar y qué hacer si se cumple una regla; no informa de ningún resultado.",
    "Guards": "Controles",
    "Content guard:": "Control de contenidos:",
    "Spend guard:": "Control de gasto:",
    "any draft with a major QC issue": "cualquier borrador con un problema de calidad grave",
    "any draft whose QC score is below {threshold}": "cualquier borrador cuya puntuación de calidad sea inferior a {threshold}",
    "these kinds, which the policy does not cover: {kinds}": "estos tipos, que la política no cubre: {kinds}",
    "every draft of every kind, at this level": "cada borrador de cada tipo, en este nivel",
    "{points} per {severity} issue": "{points} por problema {severity}",
    "The QC score of a draft is {start}, less {penalties}.": "La puntuación de calidad de un borrador es {start}, menos {penalties}.",
    "Text that reaches an audience as written is included: {kinds}. Reviewers should spot-check it after approval.":
        "Se incluyen textos que se publican tal cual: {kinds}. Los revisores deberían comprobarlos por muestreo tras la aprobación.",
    "Approving this document stores the settings above as the campaign's autonomy policy, and the workflow enforces them on every approval made by the policy (recorded as made by the policy). Editing this wording does not change the stored settings; generate again to change them.":
        "Aprobar este documento guarda los ajustes anteriores como política de autonomía de la campaña, y el flujo de trabajo los aplica en cada aprobación que hace la política (registrada como tal). Editar este texto no cambia los ajustes guardados; genérelo de nuevo para cambiarlos.",
    "Actions for {period}, each tied to a strategy rule.": "Acciones para el periodo {period}, cada una ligada a una regla de la estrategia.",
    "The approved strategy has no decision rules or kill criteria, so there is nothing the plan may act on by itself. Add decision rules to the strategy (\"if this happens by then, we do that\") and generate this plan again.":
        "La estrategia aprobada no tiene reglas de decisión ni criterios de parada, así que el plan no puede actuar por sí solo sobre nada. Añada reglas de decisión a la estrategia («si pasa esto para entonces, hacemos aquello») y vuelva a generar este plan.",
    "Autonomy policy: {name}": "Política de autonomía: {name}",
    "Autonomy policy: {level} ({name})": "Política de autonomía: {level} ({name})",
    "Level:": "Nivel:",
    "QC threshold:": "Umbral de calidad:",
    "Nothing: at this level every draft waits for a person.": "Nada: en este nivel cada borrador espera a una persona.",
    "Why": "Por qué",
    "What the policy may approve": "Lo que la política puede aprobar",
    "What always needs a person": "Lo que siempre necesita a una persona",
    "When it applies": "Cuándo se aplica",
    "Based on the approved monitoring report {title} (version {version}).": "Según el informe de seguimiento aprobado {title} (versión {version}).",
    "The figures below are copied from it as computed.": "Las cifras de abajo se copian de él tal como se calcularon.",
    "KPI": "Indicador",
    # The monitoring report's computed KPIs, as the action plan's data table names them.
    "Impressions": 'Impresiones',
    "Clicks": 'Clics',
    "Spend": 'Gasto',
    "Conversions": 'Conversiones',
    "Revenue": 'Ingresos',
    "CTR": 'Tasa de clics',
    "CPC": 'Coste por clic',
    "CPL": 'Coste por contacto',
    "Click-to-lead rate": 'Tasa de contactos por clic',
    "Lead-to-conversion rate": 'Tasa de conversión de contactos',
    "Cost per conversion": 'Coste por conversión',
    "ROAS": 'ROAS',
    "Value": "Valor",
    "Target": "Objetivo",
    "Status": "Estado",
    "Data": "Datos",
    "Actions": "Acciones",
    "Action plan: {period}": "Plan de acción: {period}",
    "Guard:": "Control:",
    "Rules with no action this period": "Reglas sin acción en este periodo",
    "Action:": "Acción:",
    "Watch:": "Vigilar:",
    "Trigger:": "Activación:",
    "figures:": "cifras:",
    "Rule {number} ({source})": "Regla {number} ({source})",
    "Rule {number}, {source}": "Regla {number}, {source}",
    "A person approves the policy itself and every change of spend.": "Una persona aprueba la propia política y cada cambio de gasto.",
    "At the review, check the rule as written and act only as it says.": "En la revisión, comprobar la regla tal como está escrita y actuar solo como ella dice.",
    "This plan turns the {count} rules of the approved strategy into guarded actions; {basis}. Each action names its rule, and code adds who approves it and any spend cap.":
        "Este plan convierte las reglas de la estrategia aprobada (número: {count}) en acciones con controles; {basis}. Cada acción cita su regla, y el código añade quién la aprueba y cualquier límite de gasto.",
    "This plan turns the one rule of the approved strategy into a guarded action; {basis}. The action names its rule, and code adds who approves it and any spend cap.":
        'Este plan convierte la única regla de la estrategia aprobada en una acción con controles; {basis}. La acción cita su regla, y el código añade quién la aprueba y cualquier límite de gasto.',
    "Approving the autonomy policy itself: a policy never widens its own permissions.":
        "La aprobación de la propia política de autonomía: una política nunca amplía sus propios permisos.",
    "Every change of spend, signed off by {approver}.": "Cada cambio de gasto, aprobado por {approver}.",
    "Any draft QC blocks, or that falls below the threshold, with the QC findings shown to the reviewer.":
        "Cualquier borrador que el control de calidad bloquee, o que quede por debajo del umbral, con las observaciones del control a la vista del revisor.",
    "the KPIs of the approved monitoring report decide which rules are triggered":
        "los indicadores del informe de seguimiento aprobado deciden qué reglas se activan",
    "there is no monitoring data yet, so the plan names what to watch and acts only when a rule is met":
        "aún no hay datos de seguimiento, así que el plan dice qué vigilar y solo actúa cuando se cumple una regla",
    "The figures meet this rule ({reason}), so {consequence}": "Las cifras cumplen esta regla ({reason}), así que: {consequence}",
    "Posts, emails, ads and outreach that reach an audience as written, unless the policy lists them.":
        "Las publicaciones, correos, anuncios y mensajes de prospección que se publican tal cual, salvo que la política los incluya.",
    "Every draft, at this level.": "Cada borrador, en este nivel.",
    "The approved strategy has no rules yet, so the plan only watches.": "La estrategia aprobada aún no tiene reglas, así que el plan solo vigila.",
    "whether the change moves {metrics} at the next review": "si el cambio mueve {metrics} en la próxima revisión",
    "No change: the figures do not meet this rule ({reason}), so keep the current plan":
        "Sin cambios: las cifras no cumplen esta regla ({reason}), así que se mantiene el plan actual",
    # why a rule is (not) triggered (``autonomy.action_facts.reason_text``)
    "{metric} is {value}, below {limit}": "{metric}: {value}, por debajo de {limit}",
    "{metric} is {value}, not below {limit}": "{metric}: {value}, no por debajo de {limit}",
    "{metric} is {value}, above {limit}": "{metric}: {value}, por encima de {limit}",
    "{metric} is {value}, not above {limit}": "{metric}: {value}, no por encima de {limit}",
    "{metric} is {value}, {status} by the report": "{metric}: {value}, {status} según el informe",
    "At the review, {check}; if it holds, {consequence}": "En la revisión, {check}; si es así: {consequence}",
    "{metrics} at the next review": "{metrics} en la próxima revisión",
    "check whether {condition}": "comprobar si {condition}",
    "check the rule as written": "comprobar la regla tal como está escrita",
    "the numbers this rule names, in the next approved monitoring report": "las cifras que cita esta regla, en el próximo informe de seguimiento aprobado",
    "no monitoring data yet: the numbers this rule names, once a monitoring report is approved":
        "aún no hay datos de seguimiento: las cifras que cita esta regla, en cuanto se apruebe un informe de seguimiento",
    "Add decision rules to the strategy before the next review.": "Añadir reglas de decisión a la estrategia antes de la próxima revisión.",
}

# Leadgen: the scored leads, the outreach sequences and the lead-magnet ideas (the scoring's
# reasons are in ``_LEAD_REASONS`` below).
_LEADGEN = {
    "hot": "caliente",
    "warm": "templado",
    "cold": "frío",
    "new": "nuevo",
    "contacted": "contactado",
    "engaged": "interesado",
    "qualified": "cualificado",
    "lost": "perdido",
    "Name": "Nombre",
    "Company": "Empresa",
    "Title": "Cargo",
    "Score": "Puntuación",
    "Tier": "Nivel",
    "Top reasons": "Motivos principales",
    "Fit to the brief": "Encaje con el brief",
    "Engagement": "Interacción",
    "Recency": "Actividad reciente",
    "Reply or call within two working days, picking up on what they engaged with most recently.":
        "Responder o llamar en dos días laborables, retomando lo que más le ha interesado últimamente.",
    "Start the warm sequence and watch for a reply before any one-to-one follow-up.":
        "Iniciar la secuencia «templado» y esperar una respuesta antes de cualquier seguimiento individual.",
    "Add to the cold sequence; no one-to-one effort until they engage again.":
        "Añadir a la secuencia «frío»; ningún esfuerzo individual hasta que vuelva a mostrar interés.",
    "They are already engaged: make the next step small and easy.":
        "Ya están interesados: el siguiente paso debe ser pequeño y fácil.",
    "Answer the doubt most likely holding them back, then invite a low-effort next step.":
        "Responder a la duda que más probablemente les frena y proponer después un siguiente paso que exija poco esfuerzo.",
    "Lead with a pain they will recognise and ask for nothing big.":
        "Empezar por un problema que reconozcan y no pedir nada grande.",
    "One-page checklist": "Lista de comprobación de una página",
    "Fill-in template": "Plantilla para rellenar",
    "Short email course in three parts": "Minicurso por correo en tres partes",
    "Plain-words guide": "Guía en palabras sencillas",
    "Scores {score} ({tier}): {reasons}.": "Puntuación {score} ({tier}): {reasons}.",
    "not named": "sin indicar",
    "A short note to follow up on the last message; reply if it is worth a conversation.":
        "Una nota breve para dar seguimiento al último mensaje; responda si merece una conversación.",
    "not recorded": "sin registrar",
    "the client": "el cliente",
    "**Example data**, not a real CRM export: {note}": "**Datos de ejemplo**, no una exportación real de un CRM: {note}",
    "no component scored points": "ningún criterio sumó puntos",
    "Subject:": "Asunto:",
    "{count} more qualifying leads are in the metadata, not listed here.":
        "Otros {count} contactos seleccionados están en los metadatos, sin listar aquí.",
    "{name}, {title} at {company} (score {score})": "{name}, {title} en {company} (puntuación {score})",
    "Touch 1, day {day}: email": "Contacto 1, día {day}: correo",
    "Touch 2, day {day}: LinkedIn message": "Contacto 2, día {day}: mensaje de LinkedIn",
    "Touch 3, day {day}: follow-up": "Contacto 3, día {day}: seguimiento",
    "Format:": "Formato:",
    "The pain it answers:": "El problema al que responde:",
    "Lead-magnet ideas: {client}": "Ideas de imanes de contactos: {client}",
    "Scored leads: {qualifying} of {in_file}": "Contactos puntuados: {qualifying} de {in_file}",
    "Scored leads: {client}": "Contactos puntuados: {client}",
    "A quick note": "Una nota breve",
    "{in_file} leads in {source}: {by_status} left out by status (kept: {statuses}), {below} below the minimum score of {min_score}. **{qualifying} qualify**; the top {in_plan} are in the outreach plan.":
        "Contactos en {source}: {in_file}; descartados por estado: {by_status} (se mantienen: {statuses}); por debajo de la puntuación mínima de {min_score}: {below}. **Seleccionados: {qualifying}**; los {in_plan} primeros están en el plan de prospección.",
    "Scores are computed by rules in code, not by a language model; recency is measured from the latest activity in the file ({reference}), so the same file always scores the same.":
        "Las puntuaciones se calculan con reglas en el código, no con un modelo de lenguaje; la actividad reciente se mide desde la última actividad del archivo ({reference}), así que el mismo archivo siempre obtiene las mismas puntuaciones.",
    "**Before sending:** a person adds each lead's first name and one line about what they engaged with, and sends only to the people listed above.":
        "**Antes de enviar:** una persona añade el nombre de pila de cada contacto y una línea sobre lo que le interesó, y envía solo a las personas de la lista.",
    "Outreach sequence: {tier} leads ({count})": "Secuencia de prospección: contactos de nivel {tier} ({count})",
    "Outreach sequence: {tier} leads": "Secuencia de prospección: contactos de nivel {tier}",
    "Follow up on what the lead engaged with": "Dar seguimiento a lo que le interesó al contacto",
    "the pain named in the brief": "el problema citado en el brief",
    "an example file": "un archivo de ejemplo",
    "every email address is on a reserved example domain": "todas las direcciones de correo están en un dominio reservado para ejemplos",
    "**The ideal customer, from the approved brief:** roles {roles}; industries {industries}; company size {size}; geography {geography}.":
        "**El cliente ideal, según el brief aprobado:** cargos: {roles}; sectores: {industries}; tamaño de empresa: {size}; zona: {geography}.",
    "What the reader gets, step by step": "Lo que obtiene el lector, paso a paso",
    "Next step:": "Siguiente paso:",
    "Angle:": "Enfoque:",
    'For {count} lead from the file:':
        'Para {count} contacto del archivo:',
    'For these {count} leads from the file:':
        'Para estos {count} contactos del archivo:',
    "no dates in the file": "sin fechas en el archivo",
    "Leads": "Contactos",
    "The top leads, in plain words": "Los mejores contactos, en palabras sencillas",
    "Tiers: hot 70 and above, warm 45 to 69, cold below 45.": "Niveles: caliente desde 70, templado de 45 a 69, frío por debajo de 45.",
    "{low} to {high}": "de {low} a {high}",
    "not given": "sin indicar",
    "How scores are computed": "Cómo se calculan las puntuaciones",
    "Component": "Criterio",
    "Max points": "Puntos máx.",
    "Rule": "Regla",
    # The scoring rules (``leads.scoring.SCORE_RULES``), as the leads table's rules section shows them.
    "Industry": "Sector",
    "Company size": "Tamaño de la empresa",
    "Geography": "Zona",
    "Email opens": "Correos abiertos",
    "Email clicks": "Clics en correos",
    "Site visits": "Visitas al sitio",
    "Replied": "Respuesta",
    '20 when the job title names a role the audience names; 10 for another senior role':
        '20 si el cargo es un rol que la audiencia nombra; 10 para otro cargo directivo',
    "15 when the lead's industry is one the brief names":
        '15 si el sector del contacto es uno de los que nombra el brief',
    '10 when the head count overlaps the size range in the brief':
        '10 si la plantilla coincide con el rango de tamaño del brief',
    "5 when the country is in the brief's geography; 2 for the same country, region unconfirmed":
        '5 si el país está en la zona del brief; 2 para el mismo país, región sin confirmar',
    '1 point per open, at most 5':
        '1 punto por apertura, 5 como máximo',
    '3 points per click, at most 9':
        '3 puntos por clic, 9 como máximo',
    '2 points per visit, at most 6':
        '2 puntos por visita, 6 como máximo',
    '15 when the lead replied':
        '15 si el contacto respondió',
    "15 if active within 7 days of the file's latest activity, 10 within 30, 5 within 90":
        '15 si estuvo activo en los 7 días anteriores a la última actividad del archivo, 10 en los 30, 5 en los 90',
    "No scoring rule gave it points.": "Ninguna regla de puntuación le dio puntos.",
    "{name} at {company} scores {score}, a {tier} lead.": "{name} ({company}) obtiene una puntuación de {score}: un contacto de nivel {tier}.",
    "our team": "nuestro equipo",
    "the problem {client} solves": "el problema que resuelve {client}",
    "what {client} offers": "lo que ofrece {client}",
    "A fair question: {objection}. Ask us, and we will answer plainly.": "Una pregunta razonable: {objection}. Pregúntenos y le responderemos con claridad.",
    "understanding what {client} does": "entender lo que hace {client}",
    "{form}: from {pain} to {outcome}": "{form}: de {pain} a {outcome}",
    "Where the week goes today: {pain}; the reader notes their own numbers, we add none":
        "En qué se va hoy la semana: {pain}; el lector anota sus propias cifras, nosotros no añadimos ninguna",
    "The steps that lead to {outcome}": "Los pasos que llevan a este resultado: {outcome}",
    "Points it did not get": "Puntos que no obtuvo",
    "Hello, I work with {client}. We help with {pain}, so the result is {outcome}. Happy to share how it works if useful.":
        "Hola, trabajo con {client}. Ayudamos con este problema: {pain}. El resultado: {outcome}. Si le sirve, le cuento cómo funciona.",
    "Hello, I work with {client}. Happy to share how it works if useful.": "Hola, trabajo con {client}. Si le sirve, le cuento cómo funciona.",
    "When you are ready: {cta}": "Cuando le venga bien: {cta}",
    "How {client} helps: {usp}": "Cómo ayuda {client}: {usp}",
    "How {client} helps": "Cómo ayuda {client}",
    "If {pain} sounds familiar, {client} was built for exactly that.": "Si «{pain}» le suena, {client} está pensado justo para eso.",
    "Hello,": "Hola:",
    "If the timing is wrong, no problem: reply and we will not chase.": "Si no es buen momento, no pasa nada: responda y no insistiremos.",
    "Get the {form}": "Consiga: {form}",
    "A short follow-up on {pain}.": "Un breve seguimiento sobre este problema: {pain}.",
    "Hello again,": "Hola de nuevo:",
    # leadgen for people buying for themselves, and a short campaign's touch days
    "If {pain} sounds familiar, {client} is for you.": "Si «{pain}» le suena, {client} es para usted.",
    "A quick reminder from {client}: {outcome}.": "Un breve recordatorio de {client}: {outcome}.",
    "A quick reminder from {client}.": "Un breve recordatorio de {client}.",
    "A last reminder from {client}": "Un último recordatorio de {client}",
    "A last reminder from {client}.": "Un último recordatorio de {client}.",
    "Touch 2, day {day}: reminder email": "Contacto 2, día {day}: correo de recordatorio",
    "Touch 3, day {day}: last reminder": "Contacto 3, día {day}: último recordatorio",
    "The campaign runs from {start} to {end}: day 0 is its first day, and no touch falls after its last.":
        "La campaña va del {start} al {end}: el día 0 es su primer día y ningún contacto cae después del último.",
    "{name} (score {score})": "{name} (puntuación {score})",
    "{name} scores {score}, a {tier} lead.": "{name} obtiene una puntuación de {score}: un contacto de nivel {tier}.",
    "Answer them the same day, picking up on what they engaged with most recently.":
        "Responder el mismo día, retomando lo que más le ha interesado últimamente.",
    "What gets in the way today: {pain}": "Lo que hoy se interpone: {pain}",
}

# The leads scoring's reasons (``leads.scoring``, each component's sentences; ``leadgen.reasons``).
_LEAD_REASONS = {
    "title {title} is a role the audience names ({role})":
        "el puesto {title} es un cargo que nombra el público ({role})",
    "title {title} is a senior role ({role}); the audience names no roles":
        "el puesto {title} es un cargo directivo ({role}); el público no nombra cargos",
    "title {title} is senior ({role}) but not a role the audience names ({roles})":
        "el puesto {title} es directivo ({role}), pero no es un cargo que nombre el público ({roles})",
    "title {title} is not a role the audience names":
        "el puesto {title} no es un cargo que nombre el público",
    "industry not recorded": "sector no registrado",
    "the brief names no customer industry to compare with":
        "el brief no nombra ningún sector de cliente con el que comparar",
    "industry {industry} is one the brief names ({word})":
        "el sector {industry} es uno de los que nombra el brief ({word})",
    "industry {industry} is not one the brief names":
        "el sector {industry} no es uno de los que nombra el brief",
    "the brief gives no company size to compare with":
        "el brief no da ningún tamaño de empresa con el que comparar",
    "company size not recorded": "tamaño de empresa no registrado",
    "company size {size} fits {low} to {high}":
        "el tamaño de empresa {size} encaja en el rango de {low} a {high}",
    "company size {size} is outside {low} to {high}":
        "el tamaño de empresa {size} queda fuera del rango de {low} a {high}",
    "the brief names no geography": "el brief no nombra ninguna zona",
    "country not recorded": "país no registrado",
    "{country} is in the brief's geography": "{country} está en la zona del brief",
    "{country}: the same country as the brief's geography, region not confirmed":
        "{country}: el mismo país que la zona del brief, región sin confirmar",
    "{country} is outside the brief's geography": "{country} está fuera de la zona del brief",
    "opened {count} email": "abrió {count} correo",
    "opened {count} emails": "abrió {count} correos",
    "clicked {count} email link": "hizo clic en {count} enlace de correo",
    "clicked {count} email links": "hizo clic en {count} enlaces de correo",
    "visited the site once": "visitó el sitio una vez",
    "visited the site {count} times": "visitó el sitio {count} veces",
    "no email opens recorded": "ninguna apertura de correo registrada",
    "no email clicks recorded": "ningún clic en correos registrado",
    "no site visits recorded": "ninguna visita al sitio registrada",
    "(capped at {cap} points)": "(con un máximo de {cap} puntos)",
    "replied to outreach": "respondió a la prospección",
    "has not replied": "no ha respondido",
    "replies not recorded": "respuestas no registradas",
    "no last activity date": "sin fecha de última actividad",
    "last active on the file's latest activity date ({date})":
        "última actividad en la fecha más reciente del archivo ({date})",
    "last active {count} day before the file's latest activity ({date})":
        "última actividad {count} día antes de la más reciente del archivo ({date})",
    "last active {count} days before the file's latest activity ({date})":
        "última actividad {count} días antes de la más reciente del archivo ({date})",
}


# Leads who are people (``leads.scoring`` for a person; leadgen's documents for a file of people).
_PEOPLE = {
    'job title not recorded':
        'puesto no registrado',
    'no orders yet':
        'ningún pedido todavía',
    'placed {count} order':
        'hizo {count} pedido',
    'placed {count} orders':
        'hizo {count} pedidos',
    'orders not recorded':
        'pedidos no registrados',
    'total spent not recorded':
        'gasto total no registrado',
    'nothing spent yet':
        'ningún gasto todavía',
    'spent {spent} in total':
        'gastó {spent} en total',
    "spent {spent} in total, at or above the file's median among people who bought ({median})":
        'gastó {spent} en total, igual o por encima de la mediana del archivo entre quienes compraron ({median})',
    "spent {spent} in total, below the file's median among people who bought ({median})":
        'gastó {spent} en total, por debajo de la mediana del archivo entre quienes compraron ({median})',
    'accepts email marketing':
        'acepta correos de marketing',
    'has not accepted email marketing':
        'no ha aceptado correos de marketing',
    'consent to email marketing not recorded':
        'consentimiento a correos de marketing no registrado',
    'member rating not recorded':
        'valoración de suscriptor no registrada',
    'member rating {rating} of 5':
        'valoración de suscriptor: {rating} de 5',
    'Orders':
        'Pedidos',
    'Total spent':
        'Gasto total',
    'Email marketing':
        'Correos de marketing',
    'Member rating':
        'Valoración de suscriptor',
    '5 points per order, at most 15':
        '5 puntos por pedido, como máximo 15',
    "10 at or above the file's median spend among people who bought; 5 below it":
        '10 si el gasto iguala o supera la mediana del archivo entre quienes compraron; 5 por debajo',
    '10 when the person accepts email marketing':
        '10 si la persona acepta correos de marketing',
    '10 for a member rating of 5 stars, 6 for 4 stars, 3 for 3 stars':
        '10 por una valoración de suscriptor de 5 estrellas, 6 por 4 estrellas, 3 por 3 estrellas',
    'What they bought':
        'Compras',
    '**A good lead, from the approved brief and the file:** a person in the audience the brief names ({audience}), in its geography ({geography}), who has bought (orders, total spent), is engaged (member rating, email opens and clicks, site visits, replies), accepts email marketing and was active recently. Job title, industry and company size are not scored for people.':
        '**Un buen contacto, según el brief aprobado y el archivo:** una persona del público que nombra el brief ({audience}), en su zona ({geography}), que ha comprado (pedidos, gasto total), interactúa (valoración de suscriptor, aperturas y clics de correos, visitas al sitio, respuestas), acepta correos de marketing y ha tenido actividad reciente. El puesto, el sector y el tamaño de empresa no se puntúan para particulares.',
    "A person's score is their points as a share of the {possible} points this file's columns can give.":
        'La puntuación de una persona es la parte de sus puntos sobre los {possible} puntos que pueden dar las columnas de este archivo.',
    'The file has no column for: {components}; those count for nothing.':
        'El archivo no tiene columna para: {components}; esos criterios no cuentan.',
    'Total spent is 0 or blank on every row of the file (a free event, or nothing bought yet), so it tells no one apart and is not scored.':
        'El gasto total es 0 o está vacío en todas las filas del archivo (un evento gratuito, o aún sin compras): no distingue a nadie y no se puntúa.',
    '**Consent not on record:** {count} person in the outreach plan has no record in the file of accepting email marketing (row {rows}); check that you may email them before sending.':
        '**Consentimiento no registrado:** {count} persona del plan de contacto no tiene constancia en el archivo de haber aceptado el correo de marketing (fila {rows}); comprueba que puedes escribirle antes de enviar.',
    '**Consent not on record:** {count} people in the outreach plan have no record in the file of accepting email marketing (rows {rows}); check that you may email them before sending.':
        '**Consentimiento no registrado:** {count} personas del plan de contacto no tienen constancia en el archivo de haber aceptado el correo de marketing (filas {rows}); comprueba que puedes escribirles antes de enviar.',
    '{count} lead in the file is a person, with no company.':
        '{count} contacto del archivo es un particular, sin empresa.',
    '{count} leads in the file are people, with no company.':
        '{count} contactos del archivo son particulares, sin empresa.',
    'no name (row {row})':
        'sin nombre (fila {row})',
    'Not contacted: no consent to email marketing':
        'Sin contactar: sin consentimiento para correos de marketing',
    '{count} qualifying lead has not accepted email marketing: left out of the outreach sequences and not emailed.':
        '{count} contacto seleccionado no ha aceptado correos de marketing: queda fuera de las secuencias de prospección y no recibe correos.',
    '{count} qualifying leads have not accepted email marketing: left out of the outreach sequences and not emailed.':
        '{count} contactos seleccionados no han aceptado correos de marketing: quedan fuera de las secuencias de prospección y no reciben correos.',
    '**Not contacted: no consent to email marketing ({count} lead):**':
        '**Sin contactar por falta de consentimiento para correos de marketing ({count} contacto):**',
    '**Not contacted: no consent to email marketing ({count} leads):**':
        '**Sin contactar por falta de consentimiento para correos de marketing ({count} contactos):**',
}

OPS = {**_AUTONOMY, **_LEADGEN, **_LEAD_REASONS, **_PEOPLE}
