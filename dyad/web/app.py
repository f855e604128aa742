"""`create_app(store)`: the FastAPI application behind `dyad serve` — JSON API and pages on one store."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader

import dyad
from dyad.store import Store, open_store

HERE = Path(__file__).parent

# no script runs on these pages: a stray <script> in an article could not run even if escaping failed
CSP = ("default-src 'none'; style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self' data:; "
       "form-action 'self'; frame-ancestors 'none'; base-uri 'none'")


def templates() -> Jinja2Templates:
    # autoescape everywhere, whatever the template's name: article text is untrusted
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True, trim_blocks=True,
                      lstrip_blocks=True)
    return Jinja2Templates(env=env)


def create_app(store: Store | str | None = None) -> FastAPI:
    from dyad.web import api, pages

    if not isinstance(store, Store):
        store = open_store(store)
    app = FastAPI(
        title="dyad", version=dyad.__version__,
        description="Events, actors, quotes and places read from news articles (reports: dyad.report/1).",
        # Swagger UI and ReDoc load their scripts from a CDN; /api renders the OpenAPI document itself
        docs_url=None, redoc_url=None,
    )
    app.state.store = store
    app.state.templates = templates()
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response

    return app
