"""Words that say a symptom came on suddenly or is severe: the emergency signs, as plain text.

Read by the skill from what a person said for a symptom (Alexa's slot value), and by the offline
resolver from a whole utterance, so that sudden or severe onset in any order and any words
("my leg went numb all of a sudden", "out of nowhere I can't move my foot") is never read as an
ordinary sign.
"""

from __future__ import annotations

import re

SUDDEN_SIGNS = frozenset(
    {"SUDDEN_SEVERE", "PAIN", "NUMBNESS", "TINGLING", "WEAKNESS", "DIFFICULTY_WALKING"}
    | {"GAIT_CHANGE"}
)  # fmt: skip
"""Signs that, come on suddenly, need help now (spreading or sleep loss do not)."""
ONSET = re.compile(
    r"\bsud+en\w*|\bof a sudden\b|\bout of (?:nowhere|the blue)\b|\bfrom nowhere\b"
    r"|\b(?:without|with no|no) (?:any )?warning\b|\ball at once\b|\bat once\b"
    r"|\bjust (?:now|happened|started|came on|went|gone|turned|became|collapsed)\b"
    r"|\b(?:really |very |so )?(?:fast|quickly|rapidly|quick)\b|\bin (?:a flash|an instant)\b"
    r"|\b(?:instantly|immediately|abruptly|unexpectedly|overnight|right away)\b"
    r"|\b(?:in|within) (?:a few |a couple of |\w+ )?(?:seconds|minutes|an hour)\b"
    r"|\b(?:a |few |couple of |\w+ )?(?:seconds|minutes|moments?) (?:ago|back)\b"
    r"|\b(?:since|for (?:the )?(?:last|past)) (?:a few |\w+ )?(?:seconds|minutes)\b"
    r"|\ban hour ago\b|\bjust this (?:minute|second)\b|\bi woke up (?:and|with)\b"
)
"""Words that say a sign came on suddenly."""
LOSS = re.compile(
    r"\b(?:can't|can not|cannot|couldn't|unable to|not able to|won't be able to)"
    r" (?:move|lift|wiggle|bend|flex|control|bear weight|put (?:any )?weight|walk on|stand on"
    r"|stand up)\b"
    r"|\b(?:won't|wont|doesn't|does not|will not|isn't|is not) (?:move|respond|hold me|work)"
    r"|\b(?:can|could) (?:barely|hardly) (?:move|lift|stand|bear weight|walk on)\b"
    r"|\b(?:went|gone|going|has gone) limp\b|\bbuckled under\b"
    r"|\b(?:gave|given|giving|gives) (?:way|out)\b|\bcollapsed\b|\bstopped working\b"
    r"|\bgone on me\b|\bparaly[sz]ed\b|\bbroken\b|\bbroke\b|\bfractured?\b"
    r"|\bi (?:fell|have fallen|had a fall)\b|\bi've fallen\b|\blost (?:all )?control\b"
    r"|\bno control\b|\blost all (?:the )?(?:feeling|sensation|strength)\b"
    r"|\bcan't feel (?:\w+ ){1,3}at all\b|\bgone to jelly\b|\bhanging (?:down|limp)\b"
    r"|\b(?:turned|gone|going|went|is|looks) (?:blue|white|black|purple|grey|gray|ice cold)\b"
    r"|\bcold and (?:blue|pale|white)\b"
)
"""Words that say a loss of the body's use, whenever it came on."""
EXTREME = re.compile(
    r"\b(?:agony|agonising|agonizing|excruciating|unbearable|emergency|slurr\w*|droop\w*)\b"
    r"|(?<!more )(?<!getting )\bsevere\b|\bworst pain\b|\bin agony\b"
    r"|\b(?:crippling|screaming|extreme|horrendous|intense|terrible|awful|horrible|unreal)"
    r" pain\b|\b(?:can't|cannot) (?:bear|take|stand) (?:the|this) pain\b"
    r"|\bpain is (?:too much|unbearable)\b|\b(?:can't|cannot|trouble) (?:speak|talking|speaking)"
    r"|\b(?:extremely|unbearably|excruciatingly|incredibly|insanely) painful\b"
    r"|\bhurts like hell\b|\boff the charts\b|\bten out of ten\b|\bscreaming in pain\b"
    r"|\b(?:bladder|bowels?|groin|saddle|waist down)\b"
    r"|\b(?:half|one side of|the (?:left|right) side of) (?:my )?(?:body|face)\b"
    r"|\bchest pains?\b|\bpains? in my chest\b|\b(?:can't|cannot|can not|struggling to) breathe\b"
    r"|\bshort of breath\b"
    r"|\bbleeding (?:a lot|heavily|badly|loads|lots|everywhere|profusely|won't stop|non stop)\b"
    r"|\b(?:won't|will not|doesn't|does not) stop bleeding\b|\bblood everywhere\b"
    r"|\b(?:badly|seriously|really badly|really) (?:hurt|injured)\b"
    r"|\b(?:hurt|injured|cut|crushed|smashed|twisted) (?:\w+ ){0,3}(?:badly|seriously)\b"
    r"|\b(?:crushed|smashed)\b|\bsomething heavy\b|\bdeep cut\b|\bbone sticking out\b"
    r"|\b(?:serious|bad|nasty) (?:injury|fall|accident)\b|\bdislocated\b"
)
"""Words that say a severe pain or injury, or a sign of a stroke or heart attack, anywhere."""
BODY = re.compile(
    r"\b(?:toes?|foot|feet|legs?|ankles?|calf|calves|thighs?|knees?|arms?|hands?|face|body"
    r"|side|under me|on me|heel|sole|stand up|stand on|bear weight|walk on)\b"
)
"""Words that say the loss is of the body (a broken phone is no emergency)."""


PARTIAL = re.compile(
    r"\b(?:very well|properly|as well as|as (?:much|high|far|easily|well) as|like i used to"
    r"|like (?:i did )?before|any more|anymore|by the end of the day)\b"
)
"""Words that make a loss partial or gradual ("can't lift my toes up very well"): a warning
sign for a doctor, not an emergency, unless said with sudden onset."""


def says_severe(text: str) -> bool:
    """Whether lowercase words say a severe pain, a severe loss of the body's use, or a stroke."""
    if EXTREME.search(text):
        return True
    return bool(LOSS.search(text) and BODY.search(text) and not PARTIAL.search(text))


def says_sudden(text: str) -> bool:
    """Whether lowercase words say something came on suddenly."""
    return bool(ONSET.search(text))
