"""The offline composer: deterministic, brief-specific first drafts without a language model.

One file per module (``offline/intake.py`` ...), each exposing ``compose_<module>(context)``, a
pure function from a request's context (inputs, brand, campaign, approved upstream deliverables,
all plain data) to data valid for that module's output model. The drafts use only what the brief
says: where a fact is missing they say what to confirm with the client, and they never invent
metrics, results or testimonials. ``providers.offline.OfflineProvider`` serves them.
"""
