"""Base classes for handlers: match a request type, and receive the storage."""

from __future__ import annotations

from typing import ClassVar

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import get_request_type

from skill.persistence import Storage


class RequestTypeHandler(AbstractRequestHandler):
    """Handles the request types named in ``request_types``."""

    request_types: ClassVar[tuple[str, ...]] = ()

    def can_handle(self, handler_input: HandlerInput) -> bool:
        """True when the request's type is one of ``request_types``."""
        return get_request_type(handler_input) in self.request_types


class NeedsStorage:
    """Mixin for handlers that use the diary or erase data: the builder passes the storage."""

    def __init__(self, storage: Storage | None) -> None:
        self.storage = storage
