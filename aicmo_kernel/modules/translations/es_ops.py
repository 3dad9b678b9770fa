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
        "la política nunca aprueba cambios de gasto: los aprueba {approver}, y una acción mueve como máximo el {pct} % del presupuesto semanal ({cap} de {weekly} a la semana).",
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
    "This plan turns the {count} rule(s) of the approved strategy into guarded actions; {basis}. Each action names its rule, and code adds who approves it and any spend cap.":
        "Este plan convierte las reglas de la estrategia aprobada (número: {count}) en acciones con controles; {basis}. Cada acción cita su regla, y el código añade quién la aprueba y cualquier límite de gasto.",
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
    "At the review, {check}; if it holds, {consequence}": "En la revisión, {check}; si es así: {consequence}",
    "{metrics} at the next review": "{metrics} en la próxima revisión",
    "check whether {condition}": "comprobar si {condition}",
    "check the rule as written": "comprobar la regla tal como está escrita",
    "the numbers this rule names, in the next approved monitoring report": "las cifras que cita esta regla, en el próximo informe de seguimiento aprobado",
    "no monitoring data yet: the numbers this rule names, once a monitoring report is approved":
        "aún no hay datos de seguimiento: las cifras que cita esta regla, en cuanto se apruebe un informe de seguimiento",
    "Add decision rules to the strategy before the next review.": "Añadir reglas de decisión a la estrategia antes de la próxima revisión.",
}

OPS = {**_AUTONOMY}
