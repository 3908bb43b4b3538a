"""A small read-only web app over the store (needs the ``web`` extra: fastapi and uvicorn); see ``app.create_app``."""
