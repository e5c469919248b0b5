"""``python -m skill.hosting.deploy ACTION ...``: the same as ``toe-twitch deploy ACTION``."""

import sys

from skill.hosting.deploy.command import main

sys.exit(main())
