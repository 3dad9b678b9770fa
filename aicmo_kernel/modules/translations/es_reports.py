"""Spanish: monitoring's performance report and recommendations, learn's lessons, and the client
pack's headings and checklist (see ``translations/__init__.py``).
No digits in these sentences: monitoring's grounding rule checks every figure of the narrative
against the KPI table, so numbers come only from the blanks, formatted as the table has them."""

from __future__ import annotations

# Monitoring: the report's headings, the narrative and the targets' statuses.
_MONITORING = {
    "met": "alcanzado",
    "ahead of pace": "por delante del ritmo",
    "behind pace": "por detrás del ritmo",
    "not met": "no alcanzado",
    "on target": "dentro del objetivo",
    "above target": "por encima del objetivo",
    "below target": "por debajo del objetivo",
    "n/a (no data for the ratio)": "n/d (sin datos para este ratio)",
    "high priority": "prioridad alta",
    "medium priority": "prioridad media",
    "low priority": "prioridad baja",
    "the campaign": "la campaña",
    "**Example data.** These figures come from {source}, example data shipped with AICMO Workbench to show how the report works. They are not real campaign results.":
        "**Datos de ejemplo.** Estas cifras vienen de {source}, datos de ejemplo incluidos en AICMO Workbench para mostrar cómo funciona el informe. No son resultados reales de una campaña.",
    "Reporting period filter: {start} to {end}": "Filtro de periodo: del {start} al {end}",
    "Targets not measured by this data: {metrics}": "Objetivos que estos datos no miden: {metrics}",
    "Performance report: {name}": "Informe de rendimiento: {name}",
    "Recommendations: {name}": "Recomendaciones: {name}",
    "Data note from the file": "Nota del archivo",
    "first row": "primera fila",
    "last row": "última fila",
    "Source: {source} · platforms: {platforms}": "Fuente: {source} · plataformas: {platforms}",
    "KPIs (computed from the data)": "Indicadores (calculados a partir de los datos)",
    "Charts": "Gráficos",
    "Insights": "Observaciones",
    "Data notes": "Notas sobre los datos",
    "From the performance report for {start} to {end}; every figure is from its KPI table.":
        "Según el informe de rendimiento del {start} al {end}; cada cifra sale de su tabla de indicadores.",
    "What to watch next": "Qué vigilar a continuación",
    "From {start} to {end}: {leads} leads from {spend} of spend, a cost per lead of {cpl}.":
        "Del {start} al {end}: {leads} contactos con {spend} de gasto, un coste por contacto de {cpl}.",
    "From {start} to {end}: {leads} leads; spend is not measured by this data, so there is no cost per lead.":
        "Del {start} al {end}: {leads} contactos; estos datos no miden el gasto, así que no hay coste por contacto.",
    "From {start} to {end}: no leads yet from {spend} of spend.": "Del {start} al {end}: aún ningún contacto con {spend} de gasto.",
    "{clicks} clicks from {impressions} impressions (CTR {ctr}) brought {leads} leads.":
        "{clicks} clics de {impressions} impresiones (CTR {ctr}) trajeron {leads} contactos.",
    "{clicks} clicks (impressions are not measured by this data) brought {leads} leads.":
        "{clicks} clics (estos datos no miden las impresiones) trajeron {leads} contactos.",
    "Totals": "Totales",
    "In {week} leads rose by {amount} against the week before, to {leads} leads":
        "En {week} los contactos subieron un {amount} respecto a la semana anterior, hasta {leads} contactos",
    "In {week} leads fell by {amount} against the week before, to {leads} leads":
        "En {week} los contactos bajaron un {amount} respecto a la semana anterior, hasta {leads} contactos",
    "In {week} leads held steady against the week before, to {leads} leads":
        "En {week} los contactos se mantuvieron respecto a la semana anterior, en {leads} contactos",
    " at a cost per lead of {cpl}": " con un coste por contacto de {cpl}",
    "By ISO week, leads vs previous week": "Por semana ISO, contactos frente a la semana anterior",
    "Whether the fall in leads in {week} continues into the next week.": "Si la caída de contactos de {week} continúa la semana siguiente.",
    'Whether the fall in leads in {week} continues for the rest of the campaign.':
        'Si la caída de contactos de {week} continúa hasta el final de la campaña.',
    "Target {metric}: {actual} so far for {target}, against {expected} expected by now ({status}).":
        "Objetivo {metric}: {actual} hasta ahora para {target}, frente a {expected} esperados a estas alturas ({status}).",
    "Target {metric}: {actual} so far for {target} ({status}).": "Objetivo {metric}: {actual} hasta ahora para {target} ({status}).",
    "Agree with the client how to close the gap on {metric} before the next report.":
        "Acordar con el cliente cómo cerrar la diferencia en {metric} antes del próximo informe.",
    "{metric} is at {actual} for a target of {target} ({status}).": "{metric} está en {actual} para un objetivo de {target} ({status}).",
    "Keep budget on {names}, where cost per lead is within the target, and cut the platforms above it.":
        "Mantener el presupuesto en {names}, donde el coste por contacto está dentro del objetivo, y recortar las plataformas que lo superan.",
    "Test a new offer or landing page before adding budget: no platform is within the target yet.":
        "Probar una nueva oferta o página de destino antes de añadir presupuesto: ninguna plataforma está aún dentro del objetivo.",
    "Cost per lead is {actual} against a target of {target}.": "El coste por contacto es de {actual} frente a un objetivo de {target}.",
    "Keep the current plan and budget split, and review this table again next week.":
        "Mantener el plan y el reparto de presupuesto actuales, y revisar esta tabla de nuevo la semana que viene.",
    "No platform or target in this data calls for a change yet.": "Ninguna plataforma ni objetivo de estos datos pide todavía un cambio.",
    "{platform} has the lowest cost per lead among platforms with spend: {cpl}, with {share} of all leads.":
        "{platform} tiene el coste por contacto más bajo entre las plataformas con gasto: {cpl}, con el {share} de todos los contactos.",
    "By platform, CPL and share of leads": "Por plataforma, coste por contacto y cuota de contactos",
    "Keep this plan and budget split as the starting point for the next campaign.":
        "Mantener este plan y este reparto de presupuesto como punto de partida de la próxima campaña.",
    "Keep the current plan and budget split, and review this table again before the campaign ends.":
        "Mantener el plan y el reparto de presupuesto actuales, y revisar esta tabla de nuevo antes de que termine la campaña.",
    "{platform} is the only platform in this data; its cost per lead is {cpl}.":
        "{platform} es la única plataforma de estos datos; su coste por contacto es de {cpl}.",
    "By platform, CPL":
        "Por plataforma, coste por contacto",
    "In the next campaign, give {best} a larger share of the budget than {worst}, then compare cost per lead again.":
        "En la próxima campaña, dar a {best} una parte mayor del presupuesto que a {worst} y después volver a comparar el coste por contacto.",
    "Move part of the {worst} budget to {best} for the rest of the campaign, then compare cost per lead again.":
        "Pasar parte del presupuesto de {worst} a {best} hasta el final de la campaña y después volver a comparar el coste por contacto.",
    "{platform} has the highest cost per lead: {cpl}, taking {spend_share} of spend for {lead_share} of leads.":
        "{platform} tiene el coste por contacto más alto: {cpl}, con el {spend_share} del gasto para el {lead_share} de los contactos.",
    "By platform, CPL, share of spend and share of leads": "Por plataforma, coste por contacto, cuota de gasto y cuota de contactos",
    "Move part of the {worst} budget to {best} for the next two weeks, then compare cost per lead again.":
        "Pasar parte del presupuesto de {worst} a {best} durante las dos próximas semanas y después volver a comparar el coste por contacto.",
    "{best}'s cost per lead is {best_cpl} against {worst_cpl} on {worst}.": "El coste por contacto en {best} es de {best_cpl}, frente a {worst_cpl} en {worst}.",
    "{name} spent {spend} without a single lead.": "{name} gastó {spend} sin un solo contacto.",
    "By platform, {name}": "Por plataforma, {name}",
    "Pause paid activity on {name} or change its creative and offer before spending more.":
        "Pausar la actividad de pago en {name} o cambiar su creatividad y su oferta antes de gastar más.",
    "{spend} of spend on {name} brought no leads.": "{spend} de gasto en {name} no trajeron ningún contacto.",
    "{names} brought {leads} leads with no recorded spend.": "{names} trajo {leads} contactos sin gasto registrado.",
    "{names} brought {leads} leads with no recorded spend respectively.": "{names} trajeron {leads} contactos respectivamente, sin gasto registrado.",
    "By platform, leads and spend": "Por plataforma, contactos y gasto",
    "{platform} has the highest click-through rate, {ctr}.": "{platform} tiene el CTR más alto: {ctr}.",
    "By platform, CTR": "Por plataforma, CTR",
    "The strategy target {metric} is not measured by this data; add the column that records it to the performance CSV.":
        "Estos datos no miden el objetivo de la estrategia {metric}; añada al CSV de rendimiento la columna que lo registra.",
    "Against the strategy's KPI targets": "Frente a los objetivos de la estrategia",
}

# Learn: the lessons, their headings and the proposed rules' document (the proposed rules
# themselves are code's English words, quoted as they are; the fact statements are below).
_LEARN = {
    "Reviewers' edits (generated v1 against the approved version)": "Cambios de los revisores (la v1 generada frente a la versión aprobada)",
    "Quality checks": "Controles de calidad",
    "Performance": "Rendimiento",
    "Search over approved content": "Búsqueda en el contenido aprobado",
    "Approving this list makes each numbered rule below an active brand-memory rule for {brand}: every later prompt for the brand includes it. Edit or delete rules before approving; switch one off later with `aicmo memory remove`.":
        "Aprobar esta lista convierte cada regla numerada de abajo en una regla activa de la memoria de marca de {brand}: cada prompt posterior de la marca la incluye. Edite o borre reglas antes de aprobar; desactive una más tarde con `aicmo memory remove`.",
    "the brand": "la marca",
    "module {module}": "módulo {module}",
    "all modules": "todos los módulos",
    "every module": "todos los módulos",
    "No rule is proposed: the facts show no pattern clear enough to hold every later prompt to. Rules can still be added by hand with `aicmo memory add`.":
        "No se propone ninguna regla: los hechos no muestran ningún patrón lo bastante claro como para imponerlo a cada prompt posterior. Aún se pueden añadir reglas a mano con `aicmo memory add`.",
    "See the lessons and the search results below.": "Vea las lecciones y los resultados de búsqueda de abajo.",
    "None yet.": "Ninguna todavía.",
    "Proposed brand-memory rules: {brand}": "Reglas de memoria de marca propuestas: {brand}",
    "Proposed rules": "Reglas propuestas",
    "Lessons: {name}": "Lecciones: {name}",
    "{brand} · campaign {name} · {scope} · lessons cite facts computed by code":
        "{brand} · campaña {name} · {scope} · las lecciones citan hechos calculados por el código",
    "Summary": "Resumen",
    "Rules already active for {brand}": "Reglas ya activas para {brand}",
    "Question": "Pregunta",
    "Lessons": "Lecciones",
    "Facts computed by code": "Hechos calculados por el código",
    "Active rule": "Regla activa",
    "Evidence": "Pruebas",
    "What campaign '{campaign}' of {brand} teaches, from {scope}: {edits}; {qc}; {performance}.":
        "Lo que enseña la campaña «{campaign}» de {brand}, en {scope}: {edits}; {qc}; {performance}.",
    "The approved content that best matches the question is {titles}; the search facts below quote each.":
        "El contenido aprobado que mejor responde a la pregunta: {titles}; los hechos de búsqueda de abajo citan cada uno.",
    "nothing approved yet": "nada aprobado todavía",
    "one deliverable approved, edited by reviewers first":
        "un entregable aprobado, editado antes por los revisores",
    "one deliverable approved, as generated":
        "un entregable aprobado, tal como se generó",
    "{approved} deliverables approved, {edited} of them edited by reviewers first":
        "entregables aprobados: {approved}, de ellos {edited} editados antes por los revisores",
    '{count} version':
        '{count} versión',
    "{count} versions":
        "{count} versiones",
    '{count} kind of issue':
        '{count} tipo de problema',
    "{count} kinds of issue":
        "{count} tipos de problema",
    "QC raised {kinds} across {versions}":
        "el control de calidad señaló {kinds} en {versions}",
    "QC found no issues in {versions}":
        "el control de calidad no encontró problemas en {versions}",
    "The one approved deliverable was approved exactly as generated: reviewers did not need to change the draft.":
        "El único entregable aprobado se aprobó tal como se generó: los revisores no necesitaron cambiar el borrador.",
    "All {approved} approved deliverables were approved exactly as generated: reviewers did not need to change the drafts.":
        "Los entregables aprobados ({approved}) se aprobaron tal como se generaron: los revisores no necesitaron cambiar los borradores.",
    "Reviewers edited the one approved deliverable before approving it.":
        "Los revisores editaron el único entregable aprobado antes de aprobarlo.",
    "Reviewers edited {edited} of {approved} approved deliverables before approving them.":
        "Los revisores editaron {edited} de {approved} entregables aprobados antes de aprobarlos.",
    "an approved performance report is available": "hay un informe de rendimiento aprobado",
    "no performance data yet": "aún no hay datos de rendimiento",
    "Nothing in this campaign is approved yet, so there are no reviewers' edits to learn from. Come back to this lesson after the first approvals.":
        "Aún no hay nada aprobado en esta campaña, así que no hay cambios de revisores de los que aprender. Vuelva a esta lección tras las primeras aprobaciones.",
    "How reviewers changed the drafts": "Cómo cambiaron los revisores los borradores",
    'Reviewers cut the opening line of {count} post by {pct} on average, from about {before} words to about {after}. Write hooks at the approved length.':
        'Los revisores acortaron la primera línea de {count} publicación un {pct} de media, de unas {before} palabras a unas {after}. Escribir los ganchos con la longitud aprobada.',
    'Reviewers cut the opening lines of {count} posts by {pct} on average, from about {before} words to about {after}. Write hooks at the approved length.':
        'Los revisores acortaron las primeras líneas de {count} publicaciones un {pct} de media, de unas {before} palabras a unas {after}. Escribir los ganchos con la longitud aprobada.',
    'Reviewers lengthened the opening line of {count} post by {pct} on average, from about {before} words to about {after}. Write hooks at the approved length.':
        'Los revisores alargaron la primera línea de {count} publicación un {pct} de media, de unas {before} palabras a unas {after}. Escribir los ganchos con la longitud aprobada.',
    'Reviewers lengthened the opening lines of {count} posts by {pct} on average, from about {before} words to about {after}. Write hooks at the approved length.':
        'Los revisores alargaron las primeras líneas de {count} publicaciones un {pct} de media, de unas {before} palabras a unas {after}. Escribir los ganchos con la longitud aprobada.',
    "Hooks: the approved length": "Ganchos: la longitud aprobada",
    "Leave these words out of first drafts.": "Dejar estas palabras fuera de los primeros borradores.",
    "Words reviewers take out": "Las palabras que quitan los revisores",
    "Banned words still reach drafts": "Palabras prohibidas siguen llegando a los borradores",
    "Hashtags reviewers removed": "Los hashtags que quitaron los revisores",
    "Reviewers removed these hashtags: {tags}.": "Los revisores quitaron estos hashtags: {tags}.",
    "What quality checks caught": "Lo que detectaron los controles de calidad",
    "QC caught problems reviewers then had to fix: {checks}.": "El control de calidad detectó problemas que los revisores tuvieron que corregir: {checks}.",
    "{metric}: best on {best}, worst on {worst}": "{metric}: mejor en {best}, peor en {worst}",
    "the KPI results are listed with the facts below": "los resultados de los indicadores figuran con los hechos de abajo",
    "the approved performance report, built from EXAMPLE DATA (invented figures, not real results)":
        "el informe de rendimiento aprobado, hecho con DATOS DE EJEMPLO (cifras inventadas, no resultados reales)",
    "the approved performance report": "el informe de rendimiento aprobado",
    "What performed, by platform": "Qué funcionó, por plataforma",
    "From {source}: {text}.": "Según {source}: {text}.",
    "Approved content that answers the question": "Contenido aprobado que responde a la pregunta",
    "The approved content closest to the question: {titles}.": "El contenido aprobado más cercano a la pregunta: {titles}.",
    "No approved content in the campaigns of {brand} matches the question's words; the lessons below come from the campaign's edits, QC and performance facts instead.":
        "Ningún contenido aprobado de las campañas de {brand} coincide con las palabras de la pregunta; las lecciones de abajo salen de los cambios, el control de calidad y el rendimiento de la campaña.",
    "No approved work to learn from yet": "Aún no hay trabajo aprobado del que aprender",
    "Drafts were approved as generated": "Los borradores se aprobaron tal como se generaron",
    "Banned words still reached drafts and reviewers removed them: {words}.": "Palabras prohibidas llegaron aún a los borradores y los revisores las quitaron: {words}.",
    "Reviewers also kept deleting {words}.": "Los revisores también borraron una y otra vez {words}.",
    "QC found nothing to fix": "El control de calidad no encontró nada que corregir",
    '{hashtag} ({deliverables})':
        '{hashtag} ({deliverables})',
    '{count} deliverable':
        '{count} entregable',
    '{count} deliverables':
        '{count} entregables',
    '{count} first draft':
        '{count} primer borrador',
    '{count} first drafts':
        '{count} primeros borradores',
    "'{check}' flagged {drafts}, none fixed before approval":
        '«{check}» señaló {drafts}, ninguno corregido antes de la aprobación',
    "'{check}' flagged {drafts}; fixed before approval: {fixed}":
        '«{check}» señaló {drafts}; corregidos antes de la aprobación: {fixed}',
    'QC flagged problems in first drafts: {checks}.':
        'El control de calidad señaló problemas en primeros borradores: {checks}.',
    "No performance data yet": "Aún no hay datos de rendimiento",
    "One platform, nothing to rank":
        "Una sola plataforma, nada que clasificar",
    "The approved performance report covers one platform and no KPI target it could measure, so it names no best or worst platform; the other lessons cover how drafts were written and reviewed.":
        "El informe de rendimiento aprobado cubre una sola plataforma y ningún objetivo que pueda medir, así que no señala una plataforma mejor ni peor; las demás lecciones tratan de cómo se redactaron y revisaron los borradores.",
    "Performance data code could not read":
        "Datos de rendimiento que el código no pudo leer",
    "The approved performance report has no table that code could read, so these lessons cover how drafts were written and reviewed, not how they performed.":
        "El informe de rendimiento aprobado no tiene ninguna tabla que el código pueda leer, así que estas lecciones tratan de cómo se redactaron y revisaron los borradores, no de sus resultados.",
    "There is no approved performance data to learn from yet, so these lessons cover how drafts were written and reviewed, not how they performed.":
        "Aún no hay datos de rendimiento aprobados de los que aprender, así que estas lecciones tratan de cómo se escribieron y revisaron los borradores, no de sus resultados.",
    "Nothing approved answers the question directly": "Nada aprobado responde directamente a la pregunta",
    "No facts were computed.": "No se calculó ningún hecho.",
    "What the facts show": "Lo que muestran los hechos",
    "On average they made the edited drafts {pct} shorter, so first drafts should aim tighter.":
        "De media acortaron los borradores editados un {pct}, así que los primeros borradores deberían ser más concisos.",
    "On average they made the edited drafts {pct} longer, so first drafts should aim fuller.":
        "De media alargaron los borradores editados un {pct}, así que los primeros borradores deberían ser más completos.",
}

# Delivery: the client pack's headings, contents table and pre-flight checklist labels (the
# checks' details are code's words).
_PACK = {
    "Module": "Módulo",
    "Deliverable": "Entregable",
    "Version": "Versión",
    "Approved by": "Aprobado por",
    "Approved on": "Aprobado el",
    "{count} approved deliverable": "{count} entregable aprobado",
    "{count} approved deliverables": "{count} entregables aprobados",
    "Check": "Comprobación",
    "Result": "Resultado",
    "Details": "Detalles",
    "PASS": "OK",
    "FAIL": "FALLA",
    "WARNING": "AVISO",
    "Markdown": "Markdown",
    "PDF": "PDF",
    "HTML (sanitised, self-contained)": "HTML (saneado, autónomo)",
    "Word (DOCX)": "Word (DOCX)",
    "JSON (structured)": "JSON (estructurado)",
    "ZIP with every format and a checksummed manifest": "ZIP con todos los formatos y un manifiesto con sumas de comprobación",
    "Every included item is approved (current version = approved version, not flagged for review)":
        "Cada elemento incluido está aprobado (versión actual = versión aprobada, sin revisión pendiente)",
    "Quality checks pass on every approved version (no blockers)": "Los controles de calidad se superan en cada versión aprobada (ningún bloqueo)",
    "No placeholder or stub text in any item": "Ningún texto provisional o de relleno en ningún elemento",
    "Branding applied (agency name and colours set)": "Identidad visual aplicada (nombre de la agencia y colores definidos)",
    "Every item was written by a language model or edited by a person (not the offline composer's draft as is)":
        "Cada elemento lo escribió un modelo de lenguaje o lo editó una persona (no el borrador sin conexión tal cual)",
    "Every item is approved by the client too (the campaign's client stage)": "Cada elemento está aprobado también por el cliente (la etapa de cliente de la campaña)",
    "**Result: every blocking check passes.** The export runs the same checks again before any file is written.":
        "**Resultado: se superan todas las comprobaciones bloqueantes.** La exportación repite las mismas comprobaciones antes de escribir ningún archivo.",
    '**Result: {count} blocking check fails.** The pack cannot be exported until it passes.':
        '**Resultado: {count} comprobación bloqueante falla.** El dossier no se puede exportar hasta que se supere.',
    '**Result: {count} blocking checks fail.** The pack cannot be exported until they pass.':
        '**Resultado: {count} comprobaciones bloqueantes fallan.** El dossier no se puede exportar hasta que se superen.',
    "Agency": "Agencia",
    "Primary colour": "Color principal",
    "Accent colour": "Color de acento",
    "Footer": "Pie de página",
    "Executive summary: {title}": "Resumen ejecutivo: {title}",
    "Pre-flight checklist: {title}": "Lista de comprobación previa: {title}",
    "Client pack: {title}": "Dossier para el cliente: {title}",
    "Client pack: {brand}: {title}": "Dossier para el cliente: {brand}: {title}",
    "In this pack": "En este dossier",
    "Next steps": "Próximos pasos",
    "none set (the pack goes out unbranded)": "ninguna (el dossier sale sin identidad visual)",
    "Branding": "Identidad visual",
    '{count} current deliverable of the campaign is not in this pack (not selected, or not approved).':
        '{count} entregable actual de la campaña no está en este dossier (no seleccionado o no aprobado).',
    '{count} current deliverables of the campaign are not in this pack (not selected, or not approved).':
        '{count} entregables actuales de la campaña no están en este dossier (no seleccionados o no aprobados).',
    "Prepared by {agency}": "Preparado por {agency}",
    "The executive summary opens the pack; then, in this order:": "El resumen ejecutivo abre el dossier; después, en este orden:",
    "Formats": "Formatos",
    "Not included": "No incluido",
    "Contents": "Contenido",
    "version {version}": "versión {version}",
    "platform: {platform}": "plataforma: {platform}",
    "approved by {who} on {date}": "aprobado por {who} el {date}",
    "approved by the client ({who}) on {date}": "aprobado por el cliente ({who}) el {date}",
    "waiting for the client's approval": "pendiente de la aprobación del cliente",
    "drafted by the offline composer, no language model wrote it": "borrador sin conexión, no lo escribió ningún modelo de lenguaje",
    "Pre-flight checklist": "Lista de comprobación previa",
    "Executive summary": "Resumen ejecutivo",
    "{count} approved deliverable · generated {date}": "{count} entregable aprobado · generado el {date}",
    "{count} approved deliverables · generated {date}": "{count} entregables aprobados · generado el {date}",
    "{count} approved deliverable, after the executive summary · generated {date}":
        "{count} entregable aprobado, tras el resumen ejecutivo · generado el {date}",
    "{count} approved deliverables, after the executive summary · generated {date}":
        "{count} entregables aprobados, tras el resumen ejecutivo · generado el {date}",
}

# Monitoring's KPI table (``analytics.report_table``): its headings, labels and what targets are measured as.
_KPI_TABLE = {
    "**Period:** {start} to {end} ({rows}, {weeks}{longer})":
        "**Periodo:** del {start} al {end} ({rows}, {weeks}{longer})",
    "{count} row": "filas: {count}",
    "{count} rows": "filas: {count}",
    "{count} ISO week with data": "semanas ISO con datos: {count}",
    "{count} ISO weeks with data": "semanas ISO con datos: {count}",
    ", {count} month": ", meses: {count}",
    ", {count} months": ", meses: {count}",
    ", {count} quarter": ", trimestres: {count}",
    ", {count} quarters": ", trimestres: {count}",
    ", {count} period": ", periodos: {count}",
    ", {count} periods": ", periodos: {count}",
    "**Not measured by this data:** {columns}, and what is computed from them; no figure is shown for them.":
        "**No medido por estos datos:** {columns}, ni lo que se calcula a partir de ellos; no se muestra ninguna cifra para ellos.",
    "**Campaign elapsed by {end}:** {days} of {of_days} days ({percent})":
        "**Campaña transcurrida hasta el {end}:** días: {days} de {of_days} ({percent})",
    "impressions": "impresiones",
    "spend": "gasto",
    "By platform": "Por plataforma",
    "Share of leads": "Cuota de contactos",
    "Share of spend": "Cuota del gasto",
    "By ISO week": "Por semana ISO",
    "Week": "Semana",
    "Week starting": "Inicio de semana",
    "Leads vs previous week": "Contactos frente a la semana anterior",
    "By month": "Por mes",
    "Month": "Mes",
    "Leads vs previous month": "Contactos frente al mes anterior",
    "By quarter": "Por trimestre",
    "Quarter": "Trimestre",
    "Leads vs previous quarter": "Contactos frente al trimestre anterior",
    "By period": "Por periodo",
    "Period": "Periodo",
    "Leads vs previous period": "Contactos frente al periodo anterior",
    "From": "Desde",
    "To": "Hasta",
    "Target value": "Valor objetivo",
    "Measured as": "Medido como",
    "Actual": "Real",
    "Expected by now (pro rata)": "Esperado a estas alturas (prorrata)",
    "Gap": "Diferencia",
    "The approved strategy records no KPI targets, so nothing is compared.":
        "La estrategia aprobada no fija objetivos de indicadores, así que no se compara nada.",
    "CPC: spend / clicks": "coste por clic: gasto / clics",
    "cost per conversion: spend / conversions": "coste por conversión: gasto / conversiones",
    "CPL: spend / leads": "coste por contacto: gasto / contactos",
    "CTR: clicks / impressions": "tasa de clics: clics / impresiones",
    "ROAS: revenue / spend": "ROAS: ingresos / gasto",
    "lead-to-conversion rate: conversions / leads":
        "tasa de conversión de contactos: conversiones / contactos",
    "click-to-lead rate: leads / clicks": "tasa de contactos por clic: contactos / clics",
    "revenue total": "ingresos totales",
    "impressions total": "impresiones totales",
    "clicks total": "clics totales",
    "spend total": "gasto total",
    "leads total": "contactos totales",
    "conversions total": "conversiones totales",
    "not measured by this data": "no medido por estos datos",
    "Leads and spend per ISO week": "Contactos y gasto por semana ISO",
    "Leads per ISO week": "Contactos por semana ISO",
    "Leads and spend per month": "Contactos y gasto por mes",
    "Leads and spend per quarter": "Contactos y gasto por trimestre",
    "Leads and spend per period": "Contactos y gasto por periodo",
    "Leads per month": "Contactos por mes",
    "Leads per quarter": "Contactos por trimestre",
    "Leads per period": "Contactos por periodo",
    "CTR by platform": "Tasa de clics por plataforma",
    "CPL by platform": "Coste por contacto por plataforma",
    "example data": "datos de ejemplo",
    "Charts need matplotlib, which is not installed (pip install matplotlib).":
        "Los gráficos necesitan matplotlib, que no está instalado (pip install matplotlib).",
}

# Learn: the fact statements code computes (``learn.facts``); the proposed rules stay English.
_LEARN_FACTS = {
    "No deliverable of campaign '{campaign}' has an approved version yet, so there are no reviewers' edits to compare.":
        "Ningún entregable de la campaña «{campaign}» tiene todavía una versión aprobada, así que no hay ediciones de los revisores que comparar.",
    "{count} deliverable of campaign '{campaign}' has an approved version: {edited} edited by reviewers before approval, {unedited} approved as generated.":
        "{count} entregable de la campaña «{campaign}» tiene una versión aprobada; editados por los revisores antes de aprobarse: {edited}, aprobados tal como se generaron: {unedited}.",
    "{count} deliverables of campaign '{campaign}' have an approved version: {edited} edited by reviewers before approval, {unedited} approved as generated.":
        "{count} entregables de la campaña «{campaign}» tienen una versión aprobada; editados por los revisores antes de aprobarse: {edited}, aprobados tal como se generaron: {unedited}.",
    "Reviewers made edited deliverables {pct} shorter on average (word count of the generated version against the approved one, over {deliverables}).":
        "Los revisores acortaron los entregables editados un {pct} de media (número de palabras de la versión generada frente a la aprobada, en {deliverables}).",
    "Reviewers made edited deliverables {pct} longer on average (word count of the generated version against the approved one, over {deliverables}).":
        "Los revisores alargaron los entregables editados un {pct} de media (número de palabras de la versión generada frente a la aprobada, en {deliverables}).",
    "The length change is the average over every edited deliverable.":
        "El cambio de longitud es la media de todos los entregables editados.",
    "Reviewers shortened the opening line (the hook) of {posts} by {pct} on average: {before} words as generated, {after} approved.":
        "Los revisores acortaron la primera línea (el gancho) de {posts} un {pct} de media: {before} palabras al generarse, {after} al aprobarse.",
    "Reviewers lengthened the opening line (the hook) of {posts} by {pct} on average: {before} words as generated, {after} approved.":
        "Los revisores alargaron la primera línea (el gancho) de {posts} un {pct} de media: {before} palabras al generarse, {after} al aprobarse.",
    "{count} platform post":
        "{count} publicación",
    "{count} platform posts":
        "{count} publicaciones",
    "Reviewers shortened the opening lines of posts consistently.":
        "Los revisores acortaron de forma constante las primeras líneas de las publicaciones.",
    "The banned word '{word}' was removed by reviewers {times}, in {deliverables}.":
        "Los revisores eliminaron la palabra prohibida «{word}» {times}, en {deliverables}.",
    "'{word}' is on the brand's banned list and still reached drafts.":
        "«{word}» está en la lista de palabras prohibidas de la marca y aun así llegó a los borradores.",
    "The word '{word}' was removed {times} across {deliverables}.":
        "La palabra «{word}» se eliminó {times}, en {deliverables}.",
    "A word reviewers keep deleting is one the brand does not want.":
        "Una palabra que los revisores borran una y otra vez es una palabra que la marca no quiere.",
    "The hashtag {hashtag} was removed from {deliverables}.":
        "El hashtag {hashtag} se eliminó de {deliverables}.",
    "Reviewers removed the same hashtag more than once.":
        "Los revisores eliminaron el mismo hashtag más de una vez.",
    "the same length":
        "la misma longitud",
    "{pct} shorter":
        "un {pct} más corto",
    "{pct} longer":
        "un {pct} más largo",
    "{kind} '{title}' (v1 generated, v{version} approved): {words_removed} and {words_added}, {lines_removed} and {lines_added}; {size}":
        "{kind} «{title}» (v1 generada, v{version} aprobada): {words_removed} y {words_added}, {lines_removed} y {lines_added}; {size}",
    "{count} word removed":
        "{count} palabra eliminada",
    "{count} words removed":
        "{count} palabras eliminadas",
    "{count} word added":
        "{count} palabra añadida",
    "{count} words added":
        "{count} palabras añadidas",
    "{count} line removed":
        "{count} línea eliminada",
    "{count} lines removed":
        "{count} líneas eliminadas",
    "{count} line added":
        "{count} línea añadida",
    "{count} lines added":
        "{count} líneas añadidas",
    "hashtags removed: {hashtags}":
        "hashtags eliminados: {hashtags}",
    "hashtags added: {hashtags}":
        "hashtags añadidos: {hashtags}",
    "'{word}' {times}":
        "«{word}» {times}",
    "banned words removed: {words}":
        "palabras prohibidas eliminadas: {words}",
    "; ":
        "; ",
    "once":
        "una vez",
    "twice":
        "dos veces",
    "{count} times":
        "{count} veces",
    "QC found no issues in any of the {versions} of {deliverables} checked.":
        "El control de calidad no encontró ningún problema en las versiones revisadas ({versions}, {deliverables}).",
    "QC check '{check}' ({description}; {severity}) flagged {versions} of {deliverables}, {first_drafts} of them first drafts; fixed before approval in {fixed}, still open on {open}.":
        "La comprobación «{check}» ({description}; {severity}) señaló {versions} de {deliverables} (primeros borradores: {first_drafts}); corregido antes de aprobarse: {fixed}, aún abierto: {open}.",
    "The same QC problem kept appearing in generated drafts.":
        "El mismo problema de control de calidad se repitió en los borradores generados.",
    # A QC check's severity and what it checks (the registry's summary), in learn's QC statements.
    "{severity} issue":
        "problema {severity}",
    "post text within the platform's character limit":
        "texto de la publicación dentro del límite de caracteres de la plataforma",
    "at most 30 hashtags on an Instagram post":
        "como máximo 30 hashtags en una publicación de Instagram",
    "an email subject short enough to show in full":
        "un asunto de correo lo bastante corto para verse entero",
    "no placeholder or stub text left in":
        "ningún texto provisional o de relleno olvidado",
    "hashtags written as # then letters, digits or underscores":
        "hashtags escritos como # y luego letras, cifras o guiones bajos",
    "not too many hashtags for the platform":
        "no demasiados hashtags para la plataforma",
    "no hashtags so generic they add nothing":
        "ningún hashtag tan genérico que no aporte nada",
    "none of the brand's banned words":
        "ninguna de las palabras prohibidas por la marca",
    "the brand's required disclaimers wherever a price or offer is named":
        "los avisos legales obligatorios de la marca dondequiera que se nombre un precio o una oferta",
    "a call to action that tells the reader what to do next":
        "una llamada a la acción que diga al lector qué hacer a continuación",
    "a link wherever the copy points at one":
        "un enlace dondequiera que el texto remita a uno",
    "no line said twice":
        "ninguna línea repetida",
    "claims that need evidence":
        "afirmaciones que necesitan pruebas",
    "a readable date and time for every calendar slot":
        "una fecha y una hora legibles para cada hueco del calendario",
    "no two calendar slots on the same platform at the same time":
        "nunca dos huecos del calendario en la misma plataforma a la misma hora",
    "no calendar slot on a blackout date":
        "ningún hueco del calendario en una fecha excluida",
    "each post kept on the platform its creative was written for":
        "cada publicación en la plataforma para la que se escribió su pieza",
    "every calendar slot within the campaign's dates":
        "cada hueco del calendario dentro de las fechas de la campaña",
    "no testimonials or promised outcomes for a brand in regulated health care or finance":
        "ni testimonios ni resultados prometidos para una marca de sanidad o finanzas reguladas",
    "the rules of the brief's brand voice":
        "las reglas del tono de marca del brief",
    "No approved performance report for campaign '{campaign}' yet: there is no performance data to learn from.":
        "Aún no hay un informe de rendimiento aprobado para la campaña «{campaign}»: no hay datos de rendimiento de los que aprender.",
    "the approved report '{title}' (v{version}), built from EXAMPLE DATA (invented figures, not real results)":
        "el informe aprobado «{title}» (v{version}), hecho con DATOS DE EJEMPLO (cifras inventadas, no resultados reales)",
    "the approved report '{title}' (v{version})":
        "el informe aprobado «{title}» (v{version})",
    "performance report":
        "informe de rendimiento",
    "In {report}, {metric} was best on {best} ({best_value}) and worst on {worst} ({worst_value}) (lower is better).":
        "En {report}, el indicador «{metric}» fue mejor en {best} ({best_value}) y peor en {worst} ({worst_value}) (cuanto más bajo, mejor).",
    "In {report}, {metric} was best on {best} ({best_value}) and worst on {worst} ({worst_value}).":
        "En {report}, el indicador «{metric}» fue mejor en {best} ({best_value}) y peor en {worst} ({worst_value}).",
    "against a target of {target}":
        "frente a un objetivo de {target}",
    "with no target set":
        "sin objetivo fijado",
    "In {report}, {metric} was {actual} {target} ({status}).":
        "En {report}, el indicador «{metric}» fue {actual} {target} ({status}).",
    "In {report}, {metric} was {actual} {target}.":
        "En {report}, el indicador «{metric}» fue {actual} {target}.",
    "{report} covers one platform, {platform}, and no KPI target it could measure, so it names no best or worst platform.":
        "{report} cubre una sola plataforma, {platform}, y ningún objetivo que pudiera medir, así que no señala una plataforma mejor ni peor.",
    "{report} has no per-platform or KPI table that code could read.":
        "{report} no tiene ninguna tabla por plataforma ni de indicadores que el código pueda leer.",
    "No approved content in {brand}'s campaigns matches the words of the question ({words}).":
        "Ningún contenido aprobado de las campañas de {brand} coincide con las palabras de la pregunta ({words}).",
    "Approved {module} {kind} '{title}' (campaign {campaign}, v{version}) matches: “{snippet}”":
        "Contenido aprobado ({module}, {kind}) «{title}» (campaña {campaign}, v{version}) que coincide: «{snippet}»",
}

# Monitoring: the data's warnings, the import's (``analytics``) and the module's own.
_DATA_WARNINGS = {
    "column {name} is not used by the report and was ignored":
        "la columna {name} no la usa el informe y se ha ignorado",
    "read as a {format} export: {columns}":
        "leído como una exportación de {format}: {columns}",
    "{column} from {header}":
        "{column} leído de la columna {header}",
    "date from {header}":
        "fecha leída de la columna {header}",
    "platform from {header}":
        "plataforma leída de la columna {header}",
    "campaign from {header}":
        "campaña leída de la columna {header}",
    "impressions from {header}":
        "impresiones leídas de la columna {header}",
    "clicks from {header}":
        "clics leídos de la columna {header}",
    "leads from {header}":
        "contactos leídos de la columna {header}",
    "spend from {header}":
        "gasto leído de la columna {header}",
    "conversions from {header}":
        "conversiones leídas de la columna {header}",
    "revenue from {header}":
        "ingresos leídos de la columna {header}",
    "currency from {header}":
        "moneda leída de la columna {header}",
    "not UTF-8: read as Windows-1252 (Excel's plain 'CSV' in Western Europe); if accented names look wrong, save the file as 'CSV UTF-8' and load it again":
        "no está en UTF-8: leído como Windows-1252 (el «CSV» simple de Excel en Europa occidental); si los nombres con acentos se ven mal, guarde el archivo como «CSV UTF-8» y vuelva a cargarlo",
    "clicks are Meta's link clicks":
        "los clics son los clics en el enlace de Meta",
    "Google Ads conversions are read as leads (fractions kept: the platform splits a conversion between clicks)":
        "las conversiones de Google Ads se leen como contactos (se conservan las fracciones: la plataforma reparte una conversión entre varios clics)",
    "GA4 counts sessions, read as clicks; it has no ad impressions or spend, so CTR, spend and cost per lead are not measured":
        "GA4 cuenta sesiones, leídas como clics; no tiene impresiones de anuncios ni gasto, así que la tasa de clics, el gasto y el coste por contacto no se miden",
    "GA4 key events (conversions) are read as leads":
        "los eventos clave de GA4 (conversiones) se leen como contactos",
    "Microsoft Advertising conversions are read as leads":
        "las conversiones de Microsoft Advertising se leen como contactos",
    "Meta's Results are read as leads (only on rows whose result indicator is a lead)":
        "los Resultados de Meta se leen como contactos (solo en las filas cuyo indicador de resultado es un contacto)",
    "{count} rows count results that are not leads; they add 0 leads":
        "filas que cuentan resultados que no son contactos: {count}; no suman ningún contacto",
    "{count} columns not used by the report: {columns}":
        "columnas que el informe no usa ({count}): {columns}",
    "{source}: {note}":
        "{source}: {note}",
    "row {rows} names no campaign: read as {format}'s summary row and left out":
        "la fila {rows} no nombra ninguna campaña: se lee como la fila de totales de {format} y se deja fuera",
    "each row covers a week (column {header}): its figures are the week's, kept whole, never spread over days; weeks are shown only for rows within one ISO week":
        "cada fila cubre una semana (columna {header}): sus cifras son las de la semana, enteras, nunca repartidas por días; las semanas solo se muestran para las filas dentro de una misma semana ISO",
    "each row covers a month (column {header}): its figures are the month's, kept whole, never spread over days; weeks are shown only for rows within one ISO week":
        "cada fila cubre un mes (columna {header}): sus cifras son las del mes, enteras, nunca repartidas por días; las semanas solo se muestran para las filas dentro de una misma semana ISO",
    "each row covers a quarter (column {header}): its figures are the quarter's, kept whole, never spread over days; weeks are shown only for rows within one ISO week":
        "cada fila cubre un trimestre (columna {header}): sus cifras son las del trimestre, enteras, nunca repartidas por días; las semanas solo se muestran para las filas dentro de una misma semana ISO",
    "each row covers a year (column {header}): its figures are the year's, kept whole, never spread over days; weeks are shown only for rows within one ISO week":
        "cada fila cubre un año (columna {header}): sus cifras son las del año, enteras, nunca repartidas por días; las semanas solo se muestran para las filas dentro de una misma semana ISO",
    "{count} rows cover several days (row {line}: {first} to {last}): their figures are kept whole for that period, never spread over days; export by day for daily or weekly figures":
        "filas que cubren varios días: {count} (fila {line}: del {first} al {last}); sus cifras se mantienen enteras para ese periodo, nunca repartidas por días; exporte por día para tener cifras diarias o semanales",
    "{count} row covers several days (row {line}: {first} to {last}): its figures are kept whole for that period, never spread over days; export by day for daily or weekly figures":
        "{count} fila cubre varios días (fila {line}: del {first} al {last}); sus cifras se mantienen enteras para ese periodo, nunca repartidas por días; exporte por día para tener cifras diarias o semanales",
    "{count} rows cover days both inside and outside the reporting period and were left out, since their figures cannot be split into days: row {rows}":
        "filas que se dejan fuera porque cubren días dentro y fuera del periodo del informe y sus cifras no se pueden repartir por días: {count} (fila {rows})",
    "read with the column mapping saved for this brand":
        "leído con la asignación de columnas guardada para esta marca",
    "the data is in {currency} but the plan's budget is in {planned}; figures are shown in {currency}, the data's own currency":
        "los datos están en {currency} pero el presupuesto del plan está en {planned}; las cifras se muestran en {currency}, la moneda de los datos",
    "both an uploaded file and csv_path were given; the uploaded file was used":
        "se dieron un archivo subido y csv_path; se ha usado el archivo subido",
}

REPORTS = {**_MONITORING, **_DATA_WARNINGS, **_LEARN, **_LEARN_FACTS, **_PACK, **_KPI_TABLE}
