"""Spanish: the documents' sentences (see ``translations/__init__.py``). Questions open with ¿."""

from __future__ import annotations

from .es_ops import OPS
from .es_outputs import OUTPUTS
from .es_plans import PLANS
from .es_reports import REPORTS

_STRATEGY = {
    # words and short labels
    "and": "y",
    "a budget still to be confirmed": "un presupuesto aún por confirmar",
    "an offer the client has yet to describe": "una oferta que el cliente aún debe describir",
    "an outcome to confirm with the client": "un resultado aún por confirmar con el cliente",
    "a clear, low-risk next step": "un siguiente paso claro y sin riesgo",
    "the audience": "el público",
    "this category": "esta categoría",
    "in {geography}": "en {geography}",
    "to be agreed with the client": "por acordar con el cliente",
    "to confirm with the client": "por confirmar con el cliente",
    "the problem the client solves": "el problema que resuelve el cliente",
    "the problem as the customer lives it": "el problema tal como lo vive el cliente",
    "the outcome the client promises": "el resultado que promete el cliente",
    "the time the problem takes today": "el tiempo que hoy se lleva el problema",
    "is held back by {worry}": "{worry}",
    "has worries still to confirm with the client": "por confirmar con el cliente",
    "not described yet; confirm it with the client": "aún sin describir; confirmarlo con el cliente",
    "reach among the audience": "el alcance entre el público",
    "visits to the offer page": "las visitas a la página de la oferta",
    "leads": "los contactos cualificados",
    "sales": "las ventas",
    "repeat purchases": "las compras repetidas",
    "sign-ups": "los registros",
    "results": "los resultados",
    "Paid ads": "Publicidad de pago",
    "Blog": "Blog",
    "The offer": "La oferta",
    "Why {name}": "Por qué {name}",
    # business reality
    "Offer as briefed: {offer}": "La oferta, tal como figura en el brief: {offer}",
    "Offer: not described yet; confirm it first.": "Oferta: aún sin describir; confirmarla primero.",
    "Why {name} is different, in the client's words: {usp}":
        "Lo que distingue a {name}, en palabras del cliente: {usp}",
    # a campaign's length, by the one rule (text.length_words)
    "1 day": "1 día",
    "{days} days": "{days} días",
    "1 week": "1 semana",
    "{weeks} weeks": "{weeks} semanas",
    "Budget: {budget} over {length}, about {weekly} {currency} a week. Confirm with the client how much of it "
    "is ad spend.": "Presupuesto: {budget} en {length}, unos {weekly} {currency} por semana. Confirmar con "
    "el cliente cuánto se destina a publicidad.",
    "No budget yet: organic channels only until the client confirms one.":
        "Aún sin presupuesto: solo canales orgánicos hasta que el cliente confirme uno.",
    "What the campaign must achieve: {objectives}.": "Lo que debe lograr la campaña: {objectives}.",
    "The brief gives no current numbers (traffic, conversion, cost per result), so weeks 1 to {checkpoint} "
    "establish the baseline.": "El brief no da cifras actuales (tráfico, conversión, coste por resultado), así "
    "que las semanas 1 a {checkpoint} sirven para fijar el punto de partida.",
    "{name} sells {offer} to {audience}.": "{name} ofrece {offer}; público: {audience}.",
    "{name} sells {offer}.": "{name} ofrece {offer}.",
    "{campaign} has {budget} and {length} to deliver {result}.": "{campaign} cuenta con {budget} y {length} "
    "para alcanzar su objetivo ({result}).",
    # market truth
    "Category and market: {category}.": "Categoría y mercado: {category}.",
    "Category and market: not stated in the brief; confirm both with the client.":
        "Categoría y mercado: no figuran en el brief; confirmar ambos con el cliente.",
    "How buyers cope today, judging by their pains: {pains}.":
        "Cómo se las arreglan hoy los clientes, a juzgar por sus problemas: {pains}.",
    "What buyers compare {name} with shows in their objections: {objections}.":
        "Sus objeciones muestran con qué comparan a {name}: {objections}.",
    "To verify with the client: the two or three alternatives prospects mention most, and how {name} is priced "
    "against them.": "Por verificar con el cliente: las dos o tres alternativas que más mencionan los clientes "
    "potenciales, y el precio de {name} frente a ellas.",
    "The brief holds no market research, so this layer records what the client told us about {category}, and marks "
    "what must be checked before the campaign leans on it.": "El brief no incluye estudios de mercado, así que "
    "esta parte recoge lo que el cliente nos contó sobre su mercado ({category}) y señala lo que hay que comprobar antes de "
    "que la campaña se apoye en ello.",
    # audience psychology
    "{persona} wants {wants}, {worry}, and is tipped into action by {trigger}.": "{persona} — quiere: {wants}; le frena: {worry}; le hace actuar: {trigger}.",
    "They feel {pain} every week.": "Cada semana lo sufren: {pain}.",
    "They run into {pain} again and again.": "Lo sufren una y otra vez: {pain}.",
    "No personas were approved at intake; confirm who buys and who uses before writing creatives.":
        "No se aprobó ningún perfil en la toma de datos; confirmar quién compra y quién usa antes de escribir "
        "las piezas.",
    "{audience} move when the cost of {pain} feels bigger than the effort of changing how they work. The campaign "
    "has to lower that effort as much as it raises the pain.": "{audience} se deciden cuando el coste de {pain} "
    "pesa más que el esfuerzo de cambiar sus hábitos. La campaña tiene que reducir ese esfuerzo tanto como hace "
    "visible el problema.",
    # value architecture
    "From {pain} to {outcome}.": "De {pain} a {outcome}.",
    "The offer that lowers the risk of trying: {offer}": "La oferta que reduce el riesgo de probar: {offer}",
    "Proof: none supplied yet. Before launch, collect for each pillar of the messaging framework: {proof}":
        "Pruebas: aún no se ha aportado ninguna. Antes del lanzamiento, reunir para cada pilar del mensaje: {proof}",
    "Core promise: {promise}.": "Promesa central: {promise}.",
    # narrative
    "Recognition: open on the moment itself ({before}), told without judgement.":
        "Reconocimiento: abrir con el momento en sí ({before}), contado sin juzgar.",
    "Turn: show the same moment handled with {name}, step by step.":
        "Giro: mostrar el mismo momento resuelto con {name}, paso a paso.",
    "Evidence: what changes in practice, using the client's own examples once they are supplied.":
        "Prueba: lo que cambia en la práctica, con los ejemplos del cliente en cuanto los aporte.",
    "Invitation: one clear next step, {cta}, with the disclaimer where the offer is named.":
        "Invitación: un único siguiente paso claro, {cta}, con el aviso legal donde se nombre la oferta.",
    # channels
    "{counts}, contributing to {result}.": "{counts}, que contribuyen a {result}.",
    "If by the end of week {week} {channel} has produced no {result} while posting as planned, pause it and move its "
    "time and budget to the channel with the most {result} so far.": "Si al final de la semana {week} {channel} no "
    "ha aportado nada ({result}) pese a publicar según lo previsto, pausarlo y pasar su tiempo y presupuesto al "
    "canal con mejores resultados hasta entonces.",
    "Reach decision-makers in a working frame of mind with practical, story-led posts.":
        "Llegar a quienes deciden en un contexto profesional con publicaciones prácticas que cuenten una historia.",
    "clicks to the landing page from LinkedIn (UTM-tagged)": "clics a la página de destino desde LinkedIn (con "
    "etiquetas UTM)",
    "Two posts a week.": "Dos publicaciones por semana.",
    "Show the everyday moment the offer changes, in photos, carousels and stories.":
        "Mostrar el momento cotidiano que cambia la oferta, en fotos, carruseles e historias.",
    "link clicks from the profile and stories": "clics en el enlace del perfil y de las historias",
    "Three posts a week, plus stories on posting days.": "Tres publicaciones por semana, más historias los días "
    "de publicación.",
    "Short practical takes and quick answers; join the conversations the audience already has.":
        "Opiniones breves y prácticas, respuestas rápidas; sumarse a las conversaciones que ya tiene el público.",
    "link clicks and replies from the target audience": "clics en enlaces y respuestas del público objetivo",
    "One post each weekday and one thread a week.": "Una publicación cada día laborable y un hilo por semana.",
    "Nurture people who have raised their hand; answer one objection per email.":
        "Cuidar a quienes ya han mostrado interés; responder a una objeción por correo.",
    "click-through from email to the offer": "clics del correo a la oferta",
    "One email a week to opted-in contacts.": "Un correo por semana a los contactos suscritos.",
    "Reach local owners and trade groups, and retarget people who visited the site.":
        "Llegar a negocios y grupos profesionales locales, y volver a impactar a quienes visitaron la web.",
    "link clicks and cost per result from Facebook": "clics en enlaces y coste por resultado en Facebook",
    "Three posts a week; ads running throughout.": "Tres publicaciones por semana; anuncios activos todo el tiempo.",
    "Short, real-life videos of the problem and the fix.": "Vídeos cortos y reales del problema y su solución.",
    "profile visits and link clicks from TikTok": "visitas al perfil y clics en enlaces desde TikTok",
    "Three short videos a week.": "Tres vídeos cortos por semana.",
    "Walk-throughs and explainers people search for.": "Demostraciones y explicaciones que la gente busca.",
    "clicks to the offer from video descriptions": "clics a la oferta desde las descripciones de los vídeos",
    "One video every two weeks.": "Un vídeo cada dos semanas.",
    "Answer the questions buyers search for, and give every other channel something to link to.":
        "Responder a las preguntas que buscan los clientes y dar a los demás canales un contenido al que enlazar.",
    "visits from search and sign-ups from articles": "visitas desde buscadores y registros desde los artículos",
    "One article every two weeks.": "Un artículo cada dos semanas.",
    "Put budget behind the organic messages that already work.": "Invertir en los mensajes orgánicos que ya "
    "funcionan.",
    "cost per result against the KPI targets": "coste por resultado frente a los objetivos",
    "Always on; creative refreshed every two weeks.": "Siempre activa; piezas renovadas cada dos semanas.",
    # constraints
    "Budget: {budget} for {length}; no spend beyond it without the client's approval.":
        "Presupuesto: {budget} para {length}; ningún gasto adicional sin la aprobación del cliente.",
    "Voice: {tone}.": "Tono: {tone}.",
    "Languages: {languages}.": "Idiomas: {languages}.",
    "{count} banned words from the brand record; QC blocks any draft using them.":
        "Palabras prohibidas por la marca: {count}; el control de calidad bloquea cualquier borrador que las use.",
    "Required disclaimer wherever the offer or price appears: {disclaimer}.":
        "Aviso legal obligatorio dondequiera que aparezca la oferta o el precio: {disclaimer}.",
    "No claims we cannot prove yet: no numbers, results or testimonials until the client supplies them.":
        "Ninguna afirmación que aún no podamos demostrar: ni cifras, ni resultados, ni testimonios hasta que el "
        "cliente los aporte.",
    "Regulated health care: no testimonials, before/after pictures or promised outcomes in any asset, whatever the "
    "client supplies; QC blocks them.": "Sanidad regulada: sin testimonios, imágenes de antes y después ni "
    "resultados prometidos en ninguna pieza, aporte lo que aporte el cliente; el control de calidad los bloquea.",
    "Regulated financial services: no testimonials, before/after pictures or promised outcomes in any asset, "
    "whatever the client supplies; QC blocks them.": "Servicios financieros regulados: sin testimonios, "
    "imágenes de antes y después ni resultados prometidos en ninguna pieza, aporte lo que aporte el cliente; el "
    "control de calidad los bloquea.",
    "Landing destination: {website}.": "Página de destino: {website}.",
    "No website: confirm where calls to action should send people.":
        "Sin web: confirmar adónde deben llevar las llamadas a la acción.",
    "Rule from the brief: {rule}": "Regla del brief: {rule}",
    # measurement
    "If {metric} is off its target ({target}) at the week-{week} review, find where people drop out (landing page, "
    "offer, follow-up) before adding spend.": "Si el indicador «{metric}» se aleja de su objetivo ({target}) en "
    "la revisión de la semana {week}, averiguar dónde se pierde la gente (página de destino, oferta, seguimiento) "
    "antes de aumentar el gasto.",
    "If {metric} is below {pace} by the end of week {week} (a straight-line share of the {target} target), shift "
    "effort to the channel with the most results so far and replace the weakest creative.": "Si el indicador "
    "«{metric}» está por debajo de {pace} al final de la semana {week} (la parte lineal del objetivo de {target}), "
    "pasar el esfuerzo al canal con mejores resultados y sustituir la pieza más débil.",
    "If a channel meets its kill criteria, pause it and move its budget to the best-performing channel.":
        "Si un canal cumple sus criterios de corte, pausarlo y pasar su presupuesto al canal con mejores "
        "resultados.",
    "If every KPI is on track at the halfway review (week {week}), keep the channel mix and test one new hook a week "
    "instead of changing channels.": "Si todos los indicadores van bien en la revisión de mitad de campaña "
    "(semana {week}), mantener los canales y probar un gancho nuevo cada semana en lugar de cambiar de canal.",
    "{name} is measured against the client's own KPI targets, listed below, and nothing else.":
        "{name} se mide con los objetivos del propio cliente, que figuran abajo, y con nada más.",
    "No KPI targets were agreed at intake. Agree them with the client before launch; until then the decision rules "
    "below use the direction of travel, not numbers.": "No se acordaron objetivos en la toma de datos. "
    "Acordarlos con el cliente antes del lanzamiento; hasta entonces, las reglas de decisión de abajo siguen la "
    "tendencia, no cifras.",
    "A weekly look at the numbers, and fuller reviews with the client at weeks {checkpoint} and {midpoint}.":
        "Un repaso semanal de las cifras y revisiones completas con el cliente en las semanas {checkpoint} y "
        "{midpoint}.",
    # objections and messaging
    "Acknowledge the cost, then set it against what it replaces ({pain}), and point to the terms of the offer: "
    "{offer}.": "Reconocer el coste, compararlo con lo que sustituye ({pain}) y remitir a las condiciones de la "
    "oferta: {offer}.",
    "Invite them to try it with their own team first.": "Invitarles a probarlo primero con su propio equipo.",
    "Show how little it asks of them: {name} {usp}.": "Mostrar lo poco que les exige: {name}, en pocas palabras: "
    "{usp}.",
    "Say plainly who {name} is for ({audience}), then show it on a real example from a business like theirs, once "
    "the client supplies one.": "Decir con claridad para quién es {name} ({audience}) y mostrarlo con un ejemplo "
    "real parecido a su caso, en cuanto el cliente lo aporte.",
    "Take {objection} seriously and answer with what {name} actually does: {usp}.":
        "Tomarse en serio {objection} y responder con lo que de verdad hace {name}: {usp}.",
    "Take {objection} seriously: ask the client how their best customers got past it.":
        "Tomarse en serio {objection}: preguntar al cliente cómo lo superaron sus mejores clientes.",
    "Answer {objection} with the smallest next step ({cta}), so they can judge for themselves.":
        "Responder a {objection} con el siguiente paso más pequeño ({cta}), para que juzguen por sí mismos.",
    "Ask the client how they answer {objection} today, and use their words (with permission).":
        "Preguntar al cliente cómo responde hoy a {objection} y usar sus palabras (con permiso).",
    "{name}, for {audience}.": "{name}, para {audience}.",
    "For {audience}.": "Para {audience}.",
    "The problem: {pain}.": "El problema: {pain}.",
    "What {name} offers: {offer}.": "Lo que ofrece {name}: {offer}.",
    "Why it is different: {usp}.": "Lo que lo diferencia: {usp}.",
    "Positioning for {name} to be agreed once the offer and audience are confirmed.":
        "Posicionamiento de {name} por acordar cuando se confirmen la oferta y el público.",
    "The risk of trying something new.": "El riesgo de probar algo nuevo.",
    "The exact terms, confirmed in writing before any asset quotes them.":
        "Las condiciones exactas, confirmadas por escrito antes de que ninguna pieza las cite.",
    "To confirm with the client.": "Por confirmar con el cliente.",
    "{name} for {audience}": "{name} para {audience}",
    "What {name} does best, in the client's words": "Lo que mejor hace {name}, en palabras del cliente",
    "Why customers chose the client, in their own words.": "Por qué los clientes eligieron la marca, en sus "
    "propias palabras.",
    "Talk to {name}": "Habla con {name}",
    # sectors (proof)
    "A real example of {name} delivering this (a customer's story, a screenshot, a before and after), with "
    "permission to use it.": "Un ejemplo real de lo que aporta {name} (la historia de un cliente, una captura de "
    "pantalla, un antes y después), con permiso para usarlo.",
    "Real photos of the product and the place, and a customer review quoted with permission.":
        "Fotos reales del producto y del local, y una reseña de un cliente citada con su permiso.",
    "What the organisation has actually done (parcels packed, hours given, animals rehomed), from its own records, "
    "and a supporter's words with their permission.": "Lo que la organización ha hecho de verdad (lotes "
    "preparados, horas donadas, animales adoptados), según sus propios registros, y las palabras de un "
    "colaborador con su permiso.",
    "Verifiable facts only: registrations and qualifications, opening hours, waiting times, what the first "
    "appointment involves. No testimonials, before/after images or outcome claims (advertising rules for health care "
    "forbid them in many countries).": "Solo hechos comprobables: colegiaciones y titulaciones, horarios, tiempos "
    "de espera, en qué consiste la primera cita. Sin testimonios, imágenes de antes y después ni promesas de "
    "resultado (las normas de publicidad sanitaria los prohíben en muchos países).",
    "Verifiable facts only: the firm's authorisation, fees and charges, how the process works, the required risk "
    "warnings. No testimonials, past-performance or outcome claims (financial promotion rules).": "Solo hechos "
    "comprobables: la autorización de la entidad, comisiones y gastos, cómo funciona el proceso, las advertencias "
    "de riesgo obligatorias. Sin testimonios, rentabilidades pasadas ni promesas de resultado (normas de "
    "publicidad financiera).",
}

_INTAKE = {
    # client summary
    "{name} offers {offer} to {audience}.": "{name} ofrece {offer}; público: {audience}.",
    "{name}: {what}, brief still to be completed.": "{name}: {what}, brief aún por completar.",
    "a new client": "un cliente nuevo",
    "{name} works in {industry} and sells in {geography}.": "Sector de {name}: {industry}; mercado: {geography}.",
    "{name} works in {industry}.": "Sector de {name}: {industry}.",
    "{name} sells in {geography}.": "Mercado de {name}: {geography}.",
    "{name} has not told us its industry or market yet.": "{name} aún no nos ha dicho su sector ni su mercado.",
    "Its website is {website}; campaign links point there unless the client names a better landing page.":
        "Su web es {website}; los enlaces de la campaña llevan allí, salvo que el cliente indique una página de "
        "destino mejor.",
    "The client has no website, so every call to action needs another destination (a booking form, a phone line or "
    "a social profile); confirm which one with the client.": "El cliente no tiene web, así que cada llamada a la "
    "acción necesita otro destino (un formulario de reserva, un teléfono o un perfil en redes); confirmar cuál con "
    "el cliente.",
    "Content will be written in {languages}.": "Los contenidos se escribirán en estos idiomas: {languages}.",
    "{offer} Quote the offer exactly as briefed; anything beyond it (discounts, guarantees, new prices) needs the "
    "client's sign-off first.": "{offer} Citar la oferta tal como figura en el brief; cualquier cosa más allá "
    "(descuentos, garantías, precios nuevos) necesita antes la aprobación del cliente.",
    "The brief does not describe the offer yet. Confirm with the client what exactly we are selling, at what price "
    "and on what terms.": "El brief aún no describe la oferta. Confirmar con el cliente qué vendemos exactamente, "
    "a qué precio y en qué condiciones.",
    "In the client's words: {usp} Every asset should make this difference concrete for the reader.":
        "En palabras del cliente: {usp} Cada pieza debe hacer concreta esta diferencia para el lector.",
    "No unique selling point was given. Ask the client why their best customers chose {name} over the "
    "alternatives, in the customers' own words.": "No se indicó ningún rasgo diferencial. Preguntar al cliente "
    "por qué sus mejores clientes eligieron {name} frente a las alternativas, con sus propias palabras.",
    "The brief does not name the audience yet.": "El brief aún no indica el público.",
    "What hurts today: {pains}.": "Lo que duele hoy: {pains}.",
    "What they want instead: {outcomes}.": "Lo que quieren en su lugar: {outcomes}.",
    "Objective: {objective}, which here means {meaning}.": "Objetivo: {objective}, que aquí significa {meaning}.",
    "awareness": "notoriedad", "consideration": "consideración", "leads": "los contactos cualificados",
    "sales": "las ventas", "retention": "fidelización", "launch": "lanzamiento",
    "being known and remembered by the right people": "ser conocido y recordado por las personas adecuadas",
    "getting the right people to look closely at the offer": "conseguir que las personas adecuadas miren la oferta "
    "de cerca",
    "qualified people raising their hand, not just reach": "personas cualificadas que levantan la mano, no solo "
    "alcance",
    "paying customers, not just interest": "clientes que pagan, no solo interés",
    "existing customers staying and buying again": "clientes actuales que se quedan y vuelven a comprar",
    "a strong first wave of attention and sign-ups for something new": "una primera ola fuerte de atención y "
    "registros para algo nuevo",
    "The KPI targets below are the client's own; the strategy measures against these and no others.":
        "Los objetivos de abajo son los del propio cliente; la estrategia se mide con ellos y con ningún otro.",
    "No KPI targets were given; agree them with the client before the strategy is approved.":
        "No se dieron objetivos; acordarlos con el cliente antes de aprobar la estrategia.",
    "{count} phrase of the brief uses the brand's banned words and is left out of every draft; ask the client how they would say it instead.":
        '{count} frase del brief usa palabras prohibidas por la marca; queda fuera de todos los borradores; preguntar al cliente cómo la diría de otra forma.',
    "{count} phrases of the brief use the brand's banned words and are left out of every draft; ask the client how they would say them instead.":
        '{count} frases del brief usan palabras prohibidas por la marca; quedan fuera de todos los borradores; preguntar al cliente cómo las diría de otra forma.',
    # budget and timing
    "The campaign runs from {start} to {end} ({weeks} weeks).": "La campaña va del {start} al {end} ({weeks} "
    "semanas).",
    "The campaign runs from {start} to {end} (1 week).": "La campaña va del {start} al {end} (1 semana).",
    "The campaign runs from {start} to {end} ({days} days).": "La campaña va del {start} al {end} ({days} días).",
    "The campaign runs on {start} (1 day).": "La campaña tiene lugar el {start} (1 día).",
    "Start and end dates are not set yet; confirm them with the client.": "Aún no hay fechas de inicio y fin; "
    "confirmarlas con el cliente.",
    "day": "día", "week": "semana", "month": "mes", "quarter": "trimestre", "year": "año",
    "The client's budget is {amount} {currency} per {period}; with no campaign dates the total is not known yet, "
    "so confirm the dates.": "El presupuesto del cliente es de {amount} {currency} por {period}; sin fechas de "
    "campaña aún no se conoce el total, así que hay que confirmar las fechas.",
    "The client's budget is {amount} {currency} per {period}, {total} {currency} over the campaign's dates.":
        "El presupuesto del cliente es de {amount} {currency} por {period}, {total} {currency} en las fechas de la "
        "campaña.",
    "Spread evenly that is roughly {weekly} {currency} a week.": "Repartido por igual, son unos {weekly} "
    "{currency} por semana.",
    "No budget was given; confirm it before channels are chosen, since it decides how much paid reach is possible.":
        "No se dio presupuesto; confirmarlo antes de elegir canales, porque decide cuánto alcance de pago es "
        "posible.",
    "A budget of {budget} {currency} is roughly {weekly} {currency} a week if spread evenly.":
        "Un presupuesto de {budget} {currency} son unos {weekly} {currency} por semana si se reparte por igual.",
    "The budget is {budget} {currency} for the whole campaign.": "El presupuesto es de {budget} {currency} para "
    "toda la campaña.",
    # open questions
    "What exactly is the offer (product, price, terms) we can promote?": "¿Cuál es exactamente la oferta "
    "(producto, precio, condiciones) que podemos promocionar?",
    "Why do customers choose {name} over the alternatives, in their own words?": "¿Por qué eligen los clientes "
    "{name} frente a las alternativas, con sus propias palabras?",
    "Who precisely is the audience: role, size of business or household, location?": "¿Quién es exactamente el "
    "público: función, tamaño de la empresa o del hogar, ubicación?",
    "Which problems bring customers to the client in the first place?": "¿Qué problemas llevan a los clientes "
    "hasta la marca en primer lugar?",
    "Which KPI targets will the campaign be judged on (metric, number, unit)?": "¿Con qué objetivos se juzgará la "
    "campaña (indicador, cifra, unidad)?",
    "What is the campaign budget, and does it include ad spend?": "¿Cuál es el presupuesto de la campaña y "
    "incluye la inversión publicitaria?",
    "Where should calls to action send people, given there is no website?": "¿Adónde deben llevar las llamadas a "
    "la acción, si no hay web?",
    "Which proof can we quote publicly (customer names, reviews, results, with permission)? The brief includes none, "
    "so the drafts make no performance claims until the client supplies it.": "¿Qué pruebas podemos citar "
    "públicamente (nombres de clientes, reseñas, resultados, con permiso)? El brief no incluye ninguna, así que "
    "los borradores no afirman resultados hasta que el cliente las aporte.",
    "How does the team answer {objection} today?": "¿Cómo responde hoy el equipo a {objection}?",
    "Their own words make the best copy.": "Sus propias palabras son el mejor texto.",
    "Must the disclaimer appear on every post, or only where the offer or price is named?": "¿Debe aparecer el "
    "aviso legal en cada publicación, o solo donde se nombra la oferta o el precio?",
    # personas
    "the client's audience": "el público del cliente",
    "a first conversation with {name}": "una primera conversación con {name}",
    "To confirm with the client: the channels and communities these buyers already use":
        "Por confirmar con el cliente: los canales y comunidades que ya usan estos clientes",
    "Among {audience}, this is {role}.": "Dentro de este público ({audience}), es {role}.",
    "Among {audience}, {role}.": "Dentro de este público ({audience}): {role}.",
    "They will judge {name} on whether it delivers {outcome} without adding risk or work.": "Juzgará a {name} por "
    "si consigue esto: {outcome}, sin añadir riesgo ni trabajo.",
    "Another week of {pain}.": "Otra semana igual: {pain}.",
    "{pain}, once again.": "{pain}, una vez más.",
    "{outcome}, without {pain}.": "{outcome}, sin esto: {pain}.",
    "If it makes their week harder, the purchase stalls, whatever the decision-maker thinks.": "Si le complica la "
    "semana, la compra se frena, piense lo que piense quien decide.",
    "When it happens again: {pain}.": "Cuando vuelve a pasar: {pain}.",
    "With {name}, {outcome}: no more {pain}.": "Con {name}: {outcome}. Se acabó esto: {pain}.",
    "The cautious evaluator": "La persona prudente",
    "Someone among {audience} who has heard promises before. Interested, but looking for reasons to say no: "
    "{objections}.": "Alguien de este público ({audience}) que ya ha oído promesas antes. Le interesa, pero busca "
    "motivos para decir que no: {objections}.",
    "Avoid a wasted purchase or a painful switch.": "Evitar una compra inútil o un cambio doloroso.",
    "See {name} working in a situation like theirs before committing.": "Ver {name} funcionando en una situación "
    "como la suya antes de comprometerse.",
    "A recommendation from a peer they trust.": "La recomendación de alguien de confianza.",
    "Answer {objection} head-on, then point to the offer: {offer}.": "Responder de frente a {objection} y luego "
    "remitir a la oferta: {offer}.",
    # channel places
    "LinkedIn, in a professional frame of mind": "LinkedIn, con mentalidad profesional",
    "Instagram, between tasks": "Instagram, entre tarea y tarea",
    "X, following industry conversation": "X, siguiendo las conversaciones del sector",
    "their inbox, if they have opted in": "su bandeja de entrada, si se han suscrito",
    "Facebook, including local and trade groups": "Facebook, incluidos los grupos locales y profesionales",
    "TikTok, in short videos": "TikTok, en vídeos cortos",
    "YouTube, when they look up how to do something": "YouTube, cuando buscan cómo hacer algo",
    "search, when they look for answers to a specific problem": "los buscadores, cuando buscan respuesta a un "
    "problema concreto",
    "paid placements on the platforms above": "espacios de pago en las plataformas anteriores",
    # sectors (people)
    "The decision-maker": "Quien decide", "The day-to-day user": "Quien lo usa a diario",
    "The regular": "El cliente habitual", "The first-timer": "El cliente nuevo", "The supporter": "El donante",
    "The volunteer": "El voluntario", "The patient": "El paciente", "The family member": "El familiar",
    "The applicant": "El solicitante", "The partner": "La pareja",
    "the person who owns the budget and answers for the result": "la persona que controla el presupuesto y "
    "responde del resultado",
    "the person who will live with {name} every week": "la persona que usará {name} cada semana",
    "someone who already buys this kind of thing and could make {name} a habit": "alguien que ya compra este tipo "
    "de cosas y podría convertir {name} en costumbre",
    "someone who has walked past {name} but never come in": "alguien que ha pasado por delante de {name} pero "
    "nunca ha entrado",
    "someone who gives money when an appeal is clear and trusted": "alguien que dona cuando una petición es clara "
    "y de confianza",
    "someone with a few hours to give, who wants to know what the time achieves": "alguien con unas horas libres "
    "que quiere saber para qué sirven",
    "the person with the health concern, deciding whether to book": "la persona con el problema de salud, que "
    "duda si pedir cita",
    "someone who helps a partner or parent decide and book": "alguien que ayuda a su pareja o a un familiar a "
    "decidir y pedir cita",
    "the person whose money or home is at stake, deciding whether to act": "la persona cuyo dinero o vivienda "
    "está en juego, que duda si actuar",
    "the person they decide with at the kitchen table": "la persona con quien se decide en la mesa de la cocina",
    "A way to try it on their own data or site before committing.": "Una forma de probarlo con sus propios datos "
    "o su web antes de comprometerse.",
    "A first visit or first order that costs little, with the offer in hand.": "Una primera visita o un primer "
    "pedido que cueste poco, con la oferta en la mano.",
    "A small first step (one donation, one shift) with a clear account of where it goes.": "Un primer paso "
    "pequeño (un donativo, un turno) con una explicación clara de adónde va.",
    "A first appointment or assessment, with what happens in it explained plainly.": "Una primera cita o "
    "valoración, con lo que ocurre en ella explicado con claridad.",
    "A free first conversation or a quote, with the costs and risks stated up front.": "Una primera conversación "
    "gratuita o un presupuesto, con los costes y riesgos explicados desde el principio.",
    # voice guide
    "its customers": "sus clientes",
    "{name} sounds {tone}. Every line should read as if it comes from someone who knows the daily life of "
    "{audience} first-hand, not from a vendor.": "El tono de {name}: {tone}. Cada frase debe sonar como escrita "
    "por alguien que conoce de primera mano el día a día de este público ({audience}), no por un vendedor.",
    "The client has not described the voice of {name} yet. Until they do, write plainly and specifically, and ask "
    "the client for three words that describe how they want to sound.": "El cliente aún no ha descrito el tono "
    "de {name}. Mientras tanto, escribir con sencillez y concreción, y pedirle tres palabras que describan cómo "
    "quiere sonar.",
    "Let {word} show in word choice and rhythm: read each draft aloud and check it sounds {word}.": "Que {word} "
    "se note en las palabras y el ritmo: leer cada borrador en voz alta y comprobar que suena así ({word}).",
    "Lines that would sound out of place next to the word {word}.": "Frases que desentonarían junto a la palabra "
    "{word}.",
    "Name the situation, not the category": "Nombrar la situación, no la categoría",
    "Start from a moment the reader recognises: {pain}.": "Partir de un momento que el lector reconoce: {pain}.",
    "Start from a moment the reader recognises in their own week.": "Partir de un momento que el lector reconoce "
    "en su propia semana.",
    "Describe {name} with category labels the reader would never use themselves.": "Describir {name} con "
    "etiquetas de categoría que el lector nunca usaría.",
    "Promise only what the client can show": "Prometer solo lo que el cliente puede demostrar",
    "Describe the outcome the client offers: {outcome}.": "Describir el resultado que ofrece el cliente: {outcome}.",
    "Describe the outcome in the reader's terms, as the client states it.": "Describir el resultado con las "
    "palabras del lector, tal como lo plantea el cliente.",
    "Numbers, results, awards or testimonials the client has not supplied and approved.": "Cifras, resultados, "
    "premios o testimonios que el cliente no haya aportado y aprobado.",
    "Use the disclaimer word for word wherever the offer or price is mentioned (ads, emails, posts that name the "
    "offer); never paraphrase or shorten it.": "Usar el aviso legal palabra por palabra dondequiera que se "
    "mencione la oferta o el precio (anuncios, correos, publicaciones que nombran la oferta); no parafrasearlo "
    "ni acortarlo nunca.",
    "The client listed no disclaimers; confirm that none are required for {name}'s market before launch.":
        "El cliente no indicó avisos legales; confirmar antes del lanzamiento que el mercado de {name} no exige "
        "ninguno.",
    "{pain}? It doesn't have to go like that.": "¿{pain}? No tiene por qué ser así.",
    "{outcome}. That's the whole point of {name}.": "{outcome}. Para eso existe {name}.",
    "{name}, explained in plain words.": "{name}, explicado con palabras sencillas.",
    # tone advice (do, don't)
    "Open with the reader's situation and acknowledge it before offering anything.": "Empezar por la situación "
    "del lector y reconocerla antes de ofrecer nada.",
    "Cold, corporate phrasing, or talking about ourselves before them.": "Frases frías y corporativas, o hablar "
    "de nosotros antes que de ellos.",
    "Short sentences and everyday words, one idea per sentence.": "Frases cortas y palabras cotidianas, una idea "
    "por frase.",
    "Jargon, buzzwords and stacked adjectives.": "Jerga, palabras de moda y adjetivos amontonados.",
    "Tie every claim to a concrete moment in the reader's week.": "Vincular cada afirmación a un momento concreto "
    "de la semana del lector.",
    "Abstract promises with no situation attached.": "Promesas abstractas sin una situación concreta.",
    "Say what the product does, directly, in the active voice.": "Decir qué hace el producto, de forma directa y "
    "en voz activa.",
    "Hedging (\u201cmight possibly help\u201d) and exaggeration alike.": "Tanto los rodeos («quizá podría "
    "ayudar») como la exageración.",
    "Write as you would speak to a customer you like: contractions are fine.": "Escribir como se le hablaría a un "
    "cliente que nos cae bien, con naturalidad.",
    "Forced jokes or over-familiar slang.": "Chistes forzados o jerga demasiado familiar.",
    "Explain the why behind a recommendation in one plain sentence.": "Explicar el porqué de una recomendación en "
    "una frase sencilla.",
    "Showing off knowledge the reader did not ask for.": "Presumir de conocimientos que el lector no ha pedido.",
    "Precise wording, correct terms, tidy structure.": "Palabras precisas, términos correctos, estructura "
    "ordenada.",
    "Stiffness: professional does not mean formal.": "La rigidez: profesional no significa acartonado.",
    "A light touch in hooks and headlines, once per piece.": "Un toque ligero en ganchos y titulares, una vez por "
    "pieza.",
    "Wordplay that hides what we are actually offering.": "Juegos de palabras que oculten lo que de verdad "
    "ofrecemos.",
    "Reassure with specifics: what happens next, and what it asks of the reader.": "Tranquilizar con datos "
    "concretos: qué pasa después y qué se le pide al lector.",
    "Urgency tactics and alarmist framing.": "Tácticas de urgencia y tono alarmista.",
    "Lead with the point, then the detail.": "Ir al grano y luego al detalle.",
    "Long wind-ups before the reader knows why they should care.": "Largos preámbulos antes de que el lector sepa "
    "por qué debería importarle.",
}

CATALOG = {**REPORTS, **OPS, **_STRATEGY, **_INTAKE, **OUTPUTS, **PLANS}
