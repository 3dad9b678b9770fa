"""Spanish: the sentences for short campaigns planned in days, audiences framed as people or as
businesses, and gaps the brief leaves (see ``translations/__init__.py``)."""

from __future__ import annotations

PLANS = {
    # a campaign planned in days (strategy/timing.py)
    "midday": "el mediodía",
    "the end of day {day}": "el final del día {day}",
    "Budget: {budget} for {length}. Confirm with the client how much of it is ad spend.": "Presupuesto: {budget} "
    "para {length}. Confirmar con el cliente cuánto es para publicidad.",
    "Budget: {budget} over {length}, about {daily} {currency} a day. Confirm with the client how much of it is ad "
    "spend.": "Presupuesto: {budget} en {length}, unos {daily} {currency} al día. Confirmar con el cliente cuánto "
    "es para publicidad.",
    "The brief gives no current numbers (traffic, conversion, cost per result), so the first day establishes the "
    "baseline.": "El brief no da cifras actuales (tráfico, conversión, coste por resultado), así que el primer día "
    "sirve para fijar el punto de partida.",
    "The brief gives no current numbers (traffic, conversion, cost per result), so days 1 to {last} establish the "
    "baseline.": "El brief no da cifras actuales (tráfico, conversión, coste por resultado), así que los días 1 a "
    "{last} sirven para fijar el punto de partida.",
    "If by {when} {channel} has produced no {result} while posting as planned, pause it and move its time and "
    "budget to the channel with the most {result} so far.": "Si para {when} {channel} no ha aportado nada "
    "({result}) pese a publicar según lo previsto, pausarlo y pasar su tiempo y presupuesto al canal con mejores "
    "resultados hasta entonces.",
    "If {metric} is off its target ({target}) at the check at {when}, find where people drop out (landing page, "
    "offer, follow-up) before adding spend.": "Si el indicador «{metric}» se aleja de su objetivo ({target}) en la "
    "revisión de {when}, buscar dónde se pierde la gente (página de destino, oferta, seguimiento) antes de gastar "
    "más.",
    "If {metric} is below {pace} by {when} (a straight-line share of the {target} target), shift effort to the "
    "channel with the most results so far and replace the weakest creative.": "Si el indicador «{metric}» está por "
    "debajo de {pace} para {when} (la parte lineal del objetivo de {target}), pasar el esfuerzo al canal con más "
    "resultados hasta ahora y sustituir la creatividad más floja.",
    "If every KPI is on track at the halfway review (day {day}), keep the channel mix and test one new hook "
    "instead of changing channels.": "Si todos los indicadores van bien en la revisión de mitad de campaña (día "
    "{day}), mantener la combinación de canales y probar un gancho nuevo en lugar de cambiar de canales.",
    "If every KPI is on track at {when}, keep the channel mix to the end and put the rest of the budget behind the "
    "posts that work best.": "Si todos los indicadores van bien a {when}, mantener la combinación de canales hasta "
    "el final y poner el resto del presupuesto detrás de las publicaciones que mejor funcionen.",
    "A look at the numbers through the day, a check with the client at {when}, and a fuller review after the "
    "campaign.": "Un vistazo a las cifras a lo largo del día, una revisión con el cliente a {when} y una revisión "
    "completa después de la campaña.",
    "A daily look at the numbers, reviews with the client at the end of days {checkpoint} and {midpoint}, and a "
    "fuller review after the campaign.": "Un repaso diario de las cifras, revisiones con el cliente al final de los "
    "días {checkpoint} y {midpoint} y una revisión completa después de la campaña.",
    "A daily look at the numbers, a check with the client at {when}, and a fuller review after the campaign.": "Un "
    "repaso diario de las cifras, una revisión con el cliente a {when} y una revisión completa después de la "
    "campaña.",
    # intake's budget spread by the day
    "Spread evenly that is roughly {daily} {currency} a day.": "Repartido por igual, son unos {daily} {currency} "
    "al día.",
    "A budget of {budget} {currency} is roughly {daily} {currency} a day if spread evenly.": "Un presupuesto de "
    "{budget} {currency} son unos {daily} {currency} al día si se reparte por igual.",
    # what moves an audience of people, or one the brief does not describe
    "{audience} move when the offer feels worth their time and money, and the first step is easy. The campaign has "
    "to make the reason to act clear and the first step small.": "{audience} se deciden cuando la oferta merece su "
    "tiempo y su dinero, y el primer paso es fácil. La campaña tiene que dejar clara la razón para actuar y hacer "
    "pequeño el primer paso.",
    "{audience} move when {pain} bothers them more than the effort of doing something about it. The campaign has to "
    "make that first step feel small.": "{audience} se deciden cuando este problema les molesta más que el esfuerzo "
    "de ponerle remedio: {pain}. La campaña tiene que hacer que ese primer paso parezca pequeño.",
    "{audience} move when the cost of {pain} feels bigger than the effort of changing what they do today. The "
    "campaign has to lower that effort as much as it raises the pain.": "{audience} se deciden cuando el coste de "
    "{pain} pesa más que el esfuerzo de cambiar lo que hacen hoy. La campaña tiene que reducir ese esfuerzo tanto "
    "como hace visible el problema.",
    "Reach people in a working frame of mind with practical, story-led posts.": "Llegar a la gente en un contexto "
    "profesional con publicaciones prácticas que cuenten una historia.",
    "Reach people nearby and in local groups, and retarget people who visited the site.": "Llegar a la gente de la "
    "zona y a los grupos locales, y volver a impactar a quienes visitaron la web.",
    "X, following the conversations they care about": "X, siguiendo las conversaciones que les interesan",
    "Facebook, including local groups": "Facebook, incluidos los grupos locales",
    "The buyer": "Quien compra", "The everyday user": "Quien lo usa habitualmente",
    "the person who decides whether to choose {name}": "la persona que decide si elegir {name}",
    "the person who will use {name} most often": "la persona que más usará {name}",
    "Say plainly who {name} is for ({audience}), then show it on a real example from someone like them, once the "
    "client supplies one.": "Decir con claridad para quién es {name} ({audience}) y mostrarlo con un ejemplo real "
    "parecido a su caso, en cuanto el cliente lo aporte.",
    # the narrative's bridge, and gaps the brief leaves
    "Theme: {theme}. Before: {before}. After: {after}. The bridge is {name}: {bridge}.": "Tema: {theme}. Antes: "
    "{before}. Después: {after}. El puente es {name}: {bridge}.",
    "Theme: {theme}. Before: {before}. After: {after}. The bridge is {name}; what it offers is still to be confirmed "
    "with the client.": "Tema: {theme}. Antes: {before}. Después: {after}. El puente es {name}; lo que ofrece está "
    "aún por confirmar con el cliente.",
    "To confirm with the client: what brings people to {name}": "Por confirmar con el cliente: qué lleva a la gente "
    "a {name}",
    "With {name}, {outcome}.": "Con {name}: {outcome}.",
    "To confirm with the client, once they tell us what brings people to {name}.": "Por confirmar con el cliente, "
    "cuando nos diga qué lleva a la gente a {name}.",
    # how often each channel posts in a campaign under a week (strategy/timing.py)
    "One post a day.": "Una publicación al día.",
    "One post a day, plus stories through the day.": "Una publicación al día, más historias a lo largo del día.",
    "One post a day, plus replies through the day.": "Una publicación al día, más respuestas a lo largo del día.",
    "One post a day; ads running throughout.": "Una publicación al día; anuncios activos todo el tiempo.",
    "One short video a day.": "Un vídeo corto al día.",
    "One video during the campaign.": "Un vídeo durante la campaña.",
    "One article during the campaign.": "Un artículo durante la campaña.",
    "Running throughout the campaign.": "Activos durante toda la campaña.",
    "One email to opted-in contacts.": "Un correo a los contactos suscritos.",
    "One email a day at most to opted-in contacts.": "Un correo al día como máximo a los contactos suscritos.",
}  # fmt: skip
