"""Spanish: the renderers' headings and labels, execution's plan and its documents (the content
calendar, the UTM plan, the governance plan), creatives' working titles and delivery's executive
summary (see ``translations/__init__.py``); ``es.py`` holds intake's and strategy's sentences."""

from __future__ import annotations

# The renderers' headings and labels.
_HEADINGS = {
    'Answering objections': 'Respuesta a las objeciones',
    'Audience': 'Público',
    'Audience psychology': 'Psicología del público',
    'Budget and timing': 'Presupuesto y calendario',
    'Business reality': 'Realidad del negocio',
    'Cadence:': 'Frecuencia:',
    'Calls to action': 'Llamadas a la acción',
    'Campaign objective: {objective}': 'Objetivo de la campaña: {objective}',
    'Channels': 'Canales',
    'Constraints': 'Restricciones',
    'Core message': 'Mensaje central',
    'Decision rules': 'Reglas de decisión',
    'Do: {advice}': 'Sí: {advice}',
    "Don't: {advice}": 'No: {advice}',
    'Goals': 'Metas',
    'Ideal-customer persona for {client}.': 'Perfil del cliente ideal de {client}.',
    'KPI targets': 'Objetivos',
    'KPI:': 'Indicador:',
    'Kill criteria:': 'Criterios de corte:',
    'Languages': 'Idiomas',
    'Market truth': 'Realidad del mercado',
    'Measurement': 'Medición',
    'Message pillars': 'Pilares del mensaje',
    'Messaging framework: {name}': 'Marco de mensajes: {name}',
    'Narrative': 'Relato',
    'No objections recorded in the brief.': 'El brief no recoge objeciones.',
    'Objections': 'Objeciones',
    'Objective and KPI targets': 'Objetivo y metas',
    'Objectives': 'Objetivos',
    'Offer': 'Oferta',
    'Open questions for the client': 'Preguntas abiertas para el cliente',
    'Overview': 'Panorama',
    'Pains': 'Problemas',
    'Positioning': 'Posicionamiento',
    'Principles': 'Principios',
    'Proof to confirm with the client:': 'Pruebas por confirmar con el cliente:',
    'Reach {target}': 'Alcanzar {target}',
    'Required disclaimers': 'Avisos legales obligatorios',
    'Review cadence:': 'Frecuencia de revisión:',
    'Role:': 'Función:',
    'Sample lines in this voice': 'Frases de ejemplo con este tono',
    'Strategy: {name}': 'Estrategia: {name}',
    "The brand's banned words are listed in the brand voice guide and checked by QC on every draft.": 'Las palabras prohibidas por la marca figuran en la guía de tono y el control de calidad las revisa en cada borrador.',
    'The message most likely to land': 'El mensaje con más posibilidades de calar',
    'The problem:': 'El problema:',
    'Value architecture': 'Arquitectura de valor',
    'What makes it different': 'Lo que la diferencia',
    'What makes them look for a solution': 'Lo que les lleva a buscar una solución',
    'Where to reach them': 'Dónde encontrarlos',
    'Words to avoid': 'Palabras que evitar',
    "Words to prefer (the customer's own)": 'Palabras preferidas (las de los clientes)',
    'Words we never use': 'Palabras que nunca usamos',
    'budget to confirm': 'presupuesto por confirmar',
    'no KPI targets agreed yet': 'aún no hay objetivos acordados',
    'none': 'ninguna',
    'none listed by the client': 'el cliente no indicó ninguno',
    'none recorded': 'ninguna registrada',
    'none yet': 'ninguna todavía',
    'not known yet': 'aún no se sabe',
    'see the brand voice guide': 'ver la guía de tono de la marca',
    'theme:': 'tema:',
    '{name}: brand voice guide': '{name}: guía de tono de la marca',
    '{name}: client summary': '{name}: resumen del cliente',
}

# execution's plan: slot notes, governance, UTM explanation.
_EXECUTION = {
    'Every approved {platform} asset has already run {count} times: add a new one in Creatives (a new angle on a pillar) so the feed does not repeat itself.':
        'Cada pieza de {platform} aprobada ya se ha publicado {count} veces: añade una nueva en Creatividades (un ángulo nuevo sobre un pilar) para que el perfil no se repita.',
    'No approved {platform} asset yet: add one in Creatives and approve it, or drop this slot from the plan.':
        'Aún no hay ninguna pieza de {platform} aprobada: añade una en Creatividades y apruébala, o quita este hueco del plan.',
    "First run: lead with the asset's own hook, {hook}.":
        'Primera publicación: abrir con el gancho de la propia pieza, {hook}.',
    'First run of this asset as approved.':
        'Primera publicación de esta pieza tal como se aprobó.',
    'Run {run} of this asset: open on the {pillar} pillar instead of the original hook, and answer questions from earlier runs.':
        'Publicación n.º {run} de esta pieza: abrir con el pilar {pillar} en lugar del gancho original y responder a las preguntas de publicaciones anteriores.',
    'Run {run} of this asset: keep the approved text and answer questions from earlier runs.':
        'Publicación n.º {run} de esta pieza: mantener el texto aprobado y responder a las preguntas de publicaciones anteriores.',
    'Post the tracked link as the first comment: {link}':
        'Publica el enlace con seguimiento como primer comentario: {link}',
    'Reply to the post with the tracked link: {link}':
        'Responde a la publicación con el enlace con seguimiento: {link}',
    "Put the tracked link in the bio for the day and point to it in the caption's call to action.":
        'Pon el enlace con seguimiento en la biografía ese día y remite a él en la llamada a la acción del texto.',
    'the reviewer who approves this plan in AICMO Workbench':
        'la persona que aprueba este plan en AICMO Workbench',
    'the rules in the brand voice guide':
        'las reglas de la guía de tono de la marca',
    'The analyst drafts or adapts each post in AICMO Workbench from its approved creative, with the tracked link from the UTM plan.':
        'El analista redacta o adapta cada publicación en AICMO Workbench a partir de su pieza aprobada, con el enlace con seguimiento del plan UTM.',
    'QC runs on every version: platform limits, placeholders, banned words, required disclaimers and calls to action; blockers are fixed before review.':
        'El control de calidad revisa cada versión: límites de las plataformas, textos provisionales, palabras prohibidas, avisos legales obligatorios y llamadas a la acción; los bloqueos se corrigen antes de la revisión.',
    'Review and approval by {approvers}: each post is approved, or sent back with a comment.':
        'Revisión y aprobación por parte de {approvers}: cada publicación se aprueba o se devuelve con un comentario.',
    'Only approved versions are scheduled; an edit after approval creates a new draft that needs approval again.':
        'Solo se programan las versiones aprobadas; una edición tras la aprobación crea un borrador nuevo que hay que volver a aprobar.',
    "Approvals are recorded in AICMO Workbench with the reviewer's name, the time and the version approved. Approvers: {approvers}. A post that is not approved before its slot stays unpublished and moves to the next free slot of its platform.":
        'Las aprobaciones se registran en AICMO Workbench con el nombre de quien revisa, la hora y la versión aprobada. Aprobación: {approvers}. Una publicación no aprobada antes de su hueco queda sin publicar y pasa al siguiente hueco libre de su plataforma.',
    'Anything that touches the offer or pricing, a complaint, a legal or data-protection question, or a claim the brief does not support goes to {contact}, and nothing of that kind is answered publicly before they reply.':
        'Todo lo que afecte a la oferta o a los precios, una queja, una duda legal o de protección de datos, o una afirmación que el brief no respalde, pasa a {contact}, y nada de eso se responde en público antes de su respuesta.',
    'the account lead':
        'la persona responsable de la cuenta',
    'Replies follow the brand voice: {voice}.':
        'Las respuestas siguen el tono de la marca: {voice}.',
    'Replies follow the brand voice.':
        'Las respuestas siguen el tono de la marca.',
    'Never use the banned words ({banned}).':
        'No usar nunca las palabras prohibidas ({banned}).',
    'Answer questions about the product from the approved messaging only, move account or billing questions to a private channel, and log recurring questions for the next round of creatives.':
        'Responder a las preguntas sobre el producto solo con los mensajes aprobados, llevar las dudas de cuenta o facturación a un canal privado y anotar las preguntas repetidas para la próxima tanda de piezas.',
    'the campaign slug':
        'el identificador de la campaña',
    "Every link in this calendar carries the same utm_campaign value, {campaign}, so the campaign's visits and sign-ups can be filtered in one view of the analytics tool. utm_source names the platform ({platforms}) and utm_medium separates social posts, emails and paid ads, so each platform's cost and results can be compared; utm_content names the asset, so the same comparison works asset by asset.":
        'Cada enlace de este calendario lleva el mismo valor de utm_campaign, {campaign}, para filtrar las visitas y registros de la campaña en una sola vista de la herramienta de analítica. utm_source indica la plataforma ({platforms}) y utm_medium separa publicaciones, correos y anuncios de pago, para comparar el coste y los resultados de cada plataforma; utm_content indica la pieza, para hacer la misma comparación pieza por pieza.',
}

# creatives' working titles, asset labels and document labels.
_CREATIVES = {
    'LinkedIn post': 'Publicación de LinkedIn',
    'Instagram caption': 'Texto de Instagram',
    'Instagram carousel': 'Carrusel de Instagram',
    'X post': 'Publicación en X',
    'X thread': 'Hilo en X',
    'Email': 'Correo',
    'Ad copy': 'Texto de anuncio',
    'Video script': 'Guion de vídeo',
    'Image prompt': 'Prompt de imagen',
    'Target platform:': 'Plataforma:',
    'Hashtags:': 'Hashtags:',  # as QC reads the label (qc/_text.py)
    'Disclaimer:': 'Aviso legal:',
    'Visual:': 'Imagen:',
    'Voiceover:': 'Voz en off:',
    'Hook (opening line):': 'Gancho (primera frase):',
    'Scenes': 'Escenas',
    'Call to action:': 'Llamada a la acción:',
    'Concept:': 'Idea:',
    'Prompt:': 'Prompt:',
    'Overlay text:': 'Texto sobreimpreso:',
    'Headline:': 'Titular:',
    'Primary text:': 'Texto principal:',
    'Slide {n}: {heading}': 'Diapositiva {n}: {heading}',
    '{theme}, in five slides': '{theme}, en cinco diapositivas',
    '{theme}: a short thread': '{theme}: un hilo corto',
    '{theme} email': '{theme}: correo',
    '{theme}: short video': '{theme}: vídeo corto',
    '{theme}: the picture': '{theme}: la imagen',
    '{theme}: the after picture': '{theme}: la imagen del después',
    'The picture: {outcome}': 'La imagen: {outcome}',
    'The after picture: {outcome}': 'La imagen del después: {outcome}',
}

# delivery's executive summary for the client pack.
_DELIVERY = {
    'Client intake': 'Toma de datos',
    'Strategy': 'Estrategia',
    'Creatives': 'Creatividades',
    'Execution': 'Ejecución',
    'Monitoring': 'Seguimiento',
    'Learn': 'Aprendizajes',
    'Lead generation': 'Captación de contactos',
    'Delivery': 'Entrega',
    'Autonomy': 'Autonomía',
    "{campaign} is {brand}'s campaign for {audience}.":
        '{campaign} es la campaña de {brand} para este público: {audience}.',
    "{campaign} is {brand}'s campaign.":
        '{campaign} es la campaña de {brand}.',
    'It puts one offer in front of them: {offer}.':
        'Les presenta una sola oferta: {offer}.',
    'Its objective: {objective}.':
        'Su objetivo: {objective}.',
    'make the audience aware of the brand':
        'dar a conocer la marca al público',
    'get the brand considered':
        'que la marca entre en las opciones que se valoran',
    'generate leads':
        'generar contactos cualificados',
    'drive sales':
        'impulsar las ventas',
    'keep existing customers':
        'fidelizar a los clientes actuales',
    'launch the offer':
        'lanzar la oferta',
    'email':
        'el correo',
    'the blog':
        'el blog',
    'paid ads':
        'la publicidad de pago',
    'The strategy runs under the theme {theme}':
        'La estrategia se desarrolla bajo el tema {theme}',
    'The strategy runs':
        'La estrategia se desarrolla',
    'for {length}':
        'durante {length}',
    'on {channels}':
        'en estos canales: {channels}',
    'within a budget of {budget}':
        'con un presupuesto de {budget}',
    'Its core message: {message}':
        'Su mensaje central: {message}',
    "Success is measured against the client's own targets: {targets}.":
        'El éxito se mide con los objetivos del propio cliente: {targets}.',
    'No KPI targets were agreed at intake; they are the first thing to agree.':
        'No se acordaron objetivos en la toma de datos; es lo primero que hay que acordar.',
    '{count} decision rules in the strategy say what changes if a channel or a KPI falls behind.':
        'Reglas de decisión en la estrategia: {count}; dicen qué cambia si un canal o un indicador se queda atrás.',
    '{count} from {section}':
        '{count} de la parte «{section}»',
    'This pack holds {total} approved deliverable: {counts}.':
        'Este dossier contiene {total} entregable aprobado: {counts}.',
    'This pack holds {total} approved deliverables: {counts}.':
        'Este dossier contiene {total} entregables aprobados: {counts}.',
    'Each one is the version the reviewer approved, listed with who approved it and when, and every one has passed the pre-flight checks listed at the end of the pack.':
        'Cada uno es la versión aprobada, con quién la aprobó y cuándo, y todos han superado las comprobaciones que figuran al final del dossier.',
    'Before this pack is sent, fix what the pre-flight checklist flags: {failed}.':
        'Antes de enviar este dossier, corregir lo que señala la lista de comprobación: {failed}.',
    'Answer the {count} open questions in the client summary.':
        'Responder a las preguntas abiertas del resumen del cliente ({count}).',
    'Send the proof each message pillar asks for (real customer examples, with permission) before any asset quotes it.':
        'Enviar las pruebas que pide cada pilar del mensaje (ejemplos reales de clientes, con permiso) antes de que ninguna pieza las cite.',
    'Confirm the launch: the content calendar starts on {start} and runs to {end}.':
        'Confirmar el lanzamiento: el calendario de contenidos empieza el {start} y dura hasta el {end}.',
    'Confirm the launch: the content calendar starts on {start}.':
        'Confirmar el lanzamiento: el calendario de contenidos empieza el {start}.',
    'Confirm the start date, {start}, and agree the content calendar.':
        'Confirmar la fecha de inicio, el {start}, y acordar el calendario de contenidos.',
    'Set up the tracked links from the UTM plan before the first post goes out.':
        'Configurar los enlaces con seguimiento del plan UTM antes de la primera publicación.',
    'Share the first weeks of real performance data so results are measured against the targets, not estimated.':
        'Compartir las primeras semanas de datos reales, para medir los resultados frente a los objetivos en lugar de estimarlos.',
    "Share the real performance data from the campaign's first days so results are measured against the targets, not estimated.":
        'Compartir los datos reales de rendimiento de los primeros días de la campaña para medir los resultados frente a los objetivos, sin estimarlos.',
    'Keep to the review and escalation process in the governance plan for every change.':
        'Seguir el proceso de revisión y escalado del plan de gobernanza en cada cambio.',
    '{theme}: the approved campaign for {brand}, ready for launch':
        '{theme}: la campaña aprobada para {brand}, lista para el lanzamiento',
    '{theme}: the approved campaign for {brand}, to finish before it is sent':
        '{theme}: la campaña aprobada para {brand}, por terminar antes de enviarla',
}

# execution's documents around the plan: the content calendar (its table's header as
# qc/calendar_table.py reads it, weekdays, counts), the UTM plan and the governance plan.
_CALENDAR = {
    'Content calendar: {name}': 'Calendario de contenidos: {name}',
    'UTM plan: {name}': 'Plan UTM: {name}',
    'Governance: {name}': 'Gobernanza: {name}',
    '{start} to {end}': 'del {start} al {end}',
    '1 post': '1 publicación',
    '{count} posts': '{count} publicaciones',
    'times are local to the audience': 'horas locales del público',
    'Note:': 'Nota:',
    'duration_weeks {given} ignored: {start} to {end} is 1 week; the dates decide the calendar':
        'duration_weeks {given} ignorado: del {start} al {end} hay 1 semana; las fechas deciden el calendario',
    'duration_weeks {given} ignored: {start} to {end} is {weeks} weeks; the dates decide the calendar':
        'duration_weeks {given} ignorado: del {start} al {end} hay {weeks} semanas; las fechas deciden el calendario',
    'Posts per platform': 'Publicaciones por plataforma',
    '1 post ({per_week} a week)': '1 publicación ({per_week} por semana)',
    '{count} posts ({per_week} a week)': '{count} publicaciones ({per_week} por semana)',
    '1 post (one a day)': '1 publicación (una al día)',
    '{count} posts (one a day)': '{count} publicaciones (una al día)',
    'Blackout dates:': 'Fechas excluidas:',
    '1 planned post dropped': '1 publicación prevista eliminada',
    '{count} planned posts dropped': '{count} publicaciones previstas eliminadas',
    'Needs an asset:': 'Piezas que faltan:',
    '{platform} has no approved asset, so its slot is flagged':
        '{platform}: ninguna pieza aprobada, así que su franja queda marcada',
    '{platform} has no approved asset, so its {count} slots are flagged':
        '{platform}: ninguna pieza aprobada, así que sus {count} franjas quedan marcadas',
    "{platform}'s approved assets have each run {runs} times, so its last slot is flagged":
        '{platform}: cada pieza aprobada ya se ha publicado {runs} veces, así que su última franja queda marcada',
    "{platform}'s approved assets have each run {runs} times, so its last {count} slots are flagged":
        '{platform}: cada pieza aprobada ya se ha publicado {runs} veces, así que sus últimas {count} franjas quedan marcadas',
    'Slot': 'Franja',
    'Date': 'Fecha',
    'Day': 'Día',
    'Time': 'Hora',
    'Platform': 'Plataforma',
    'Asset': 'Pieza',
    'Link (UTM-tagged)': 'Enlace (con UTM)',
    'Monday': 'lunes',
    'Tuesday': 'martes',
    'Wednesday': 'miércoles',
    'Thursday': 'jueves',
    'Friday': 'viernes',
    'Saturday': 'sábado',
    'Sunday': 'domingo',
    'Ads': 'Anuncios',
    'Needs an asset': 'Falta una pieza',
    'no landing page': 'sin página de destino',
    'Notes per post': 'Notas por publicación',
    'First comment: {comment}': 'Primer comentario: {comment}',
    'Convention': 'Convención',
    'the platform (linkedin, instagram, x, email, facebook, ...)':
        'la plataforma (linkedin, instagram, x, email, facebook, ...)',
    'email for emails, paid for ad copy, social for everything else':
        'email para los correos, paid para los anuncios, social para todo lo demás',
    '{campaign} (from the campaign name)': '{campaign} (a partir del nombre de la campaña)',
    'the asset kind and the first characters of its id':
        'el tipo de pieza y los primeros caracteres de su identificador',
    'Every link points at {url}.': 'Cada enlace apunta a {url}.',
    'No landing page is recorded for the brand, so the table lists the parameters only; add the landing page (input `landing_url`) to get complete links.':
        'No hay ninguna página de destino registrada para la marca, así que la tabla solo recoge los parámetros; añade la página de destino (campo `landing_url`) para obtener enlaces completos.',
    'Posts': 'Publicaciones',
    'Tracked link': 'Enlace con seguimiento',
    'Approvers': 'Quién aprueba',
    'No approvers are named yet: until the client names them, the reviewer who approves this plan in AICMO Workbench signs off every post.':
        'Aún no se ha designado a nadie para aprobar: hasta que el cliente lo haga, la persona que aprueba este plan en AICMO Workbench da el visto bueno a cada publicación.',
    'Review process': 'Proceso de revisión',
    'Approvals': 'Aprobaciones',
    'Escalation': 'Escalado',
    'Escalation contact:': 'Contacto de escalado:',
    'not named yet (agree one with the client before the first post)':
        'aún sin designar (acordarlo con el cliente antes de la primera publicación)',
    'Comments and replies': 'Comentarios y respuestas',
}

OUTPUTS = {**_HEADINGS, **_EXECUTION, **_CREATIVES, **_DELIVERY, **_CALENDAR}
