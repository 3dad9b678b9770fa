"""Spanish: monitoring's performance report and recommendations (see ``translations/__init__.py``).
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

REPORTS = {**_MONITORING}
