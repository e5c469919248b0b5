"""Serve the web app under waitress, with settings chosen for an Alexa endpoint."""

from __future__ import annotations

from flask import Flask


def serve_app(app: Flask, host: str, port: int, threads: int) -> None:
    """Run ``app`` under waitress until interrupted."""
    from waitress import serve as waitress_serve

    waitress_serve(app, host=host, port=port, threads=threads, ident=None)
