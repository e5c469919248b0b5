"""Entry point for WSGI servers: ``skill.web:create_app``."""

from skill.hosting.web import create_app

__all__ = ["create_app"]
