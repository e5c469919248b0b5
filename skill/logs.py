"""Logging that operators can trust: untrusted text made safe, and no flood under load."""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

# Characters that could break a log line, fake one, or hide text: C0/C1 controls, the
# backslash (so that an escape in the output always means one), line and paragraph separators,
# zero-width and bidirectional controls, interlinear annotation, BOM, lone surrogates, tags.
_UNSAFE = re.compile(
    "[\\\\\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f"
    "\ufeff\ufff9-\ufffb\ud800-\udfff\U000e0000-\U000e007f]"
)
ELLIPSIS = "..."


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char == "\\":
        return "\\\\"
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def safe_log_text(text: object, limit: int = 200) -> str:
    """Untrusted text for one log line: control characters escaped, at most ``limit`` long.

    Anything but a string is logged as its type's name, so a hostile value is never rendered.
    """
    if text is None:
        return "-"
    if not isinstance(text, str):
        return f"<{type(text).__name__}>"
    limit = max(limit, len(ELLIPSIS) + 1)
    safe = _UNSAFE.sub(_escape, text[:limit])  # escaping only lengthens: slice first
    if len(safe) > limit or len(text) > limit:
        return safe[: limit - len(ELLIPSIS)] + ELLIPSIS
    return safe


class RateLimit(logging.Filter):
    """Let through at most ``burst`` warnings per message template per ``period`` seconds.

    Records below WARNING (the access lines) always pass. When a template has been held back,
    its next record that passes says how many were suppressed.
    """

    MAX_KEYS = 1000  # templates are code constants; this only bounds f-string messages

    def __init__(
        self, burst: int = 10, period: float = 60.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        super().__init__()
        self.burst, self.period, self.clock = burst, period, clock
        self._lock = threading.Lock()
        self._windows: dict[tuple[str, int, str], list[float]] = {}  # start, passed, held back

    def filter(self, record: logging.LogRecord) -> bool:
        """Whether to emit ``record``; may add the count of suppressed ones to its message."""
        if record.levelno < logging.WARNING or getattr(record, "rate_limited_by", None) is self:
            return True  # a record that passed once (on its logger) passes its handlers too
        key = (record.name, record.levelno, str(record.msg))
        now = self.clock()
        with self._lock:
            window = self._windows.get(key)
            if window is None or now - window[0] >= self.period:
                if window is None and len(self._windows) >= self.MAX_KEYS:
                    self._windows.clear()
                held = int(window[2]) if window else 0
                self._windows[key] = [now, 1, 0]
                if held:
                    record.msg = f"{record.getMessage()} ({held} like this suppressed)"
                    record.args = None
            elif window[1] < self.burst:
                window[1] += 1
            else:
                window[2] += 1
                return False
        record.rate_limited_by = self
        return True


@contextmanager
def log_limits(burst: int = 10, period: float = 60.0) -> Iterator[RateLimit]:
    """Rate-limit warnings on every root handler and on waitress's loggers, then undo it.

    A filter on a handler sees the records of every logger that reaches it; waitress's own
    loggers get one too, for when they are handled without propagating to the root.
    """
    limit = RateLimit(burst, period)
    handlers = list(logging.getLogger().handlers)
    loggers = [logging.getLogger(name) for name in ("waitress", "waitress.queue")]
    for target in (*handlers, *loggers):
        target.addFilter(limit)
    try:
        yield limit
    finally:
        for target in (*handlers, *loggers):
            target.removeFilter(limit)
