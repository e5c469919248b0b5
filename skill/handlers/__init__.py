"""Request handlers: one for everything a person says (``dispatch``), the moves it makes, and
the requests around a conversation."""
