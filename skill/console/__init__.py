"""``toe-twitch console``: a local web page to talk to the skill, hear it, and inspect each turn."""
