"""Words that say when a sign came and how it went: sudden onset, a doubt, a change only noticed,
a loss dated to today or to long ago, a cramp that passed, a question about when to act."""

from __future__ import annotations

import re

ONSET = re.compile(
    r"\bsud+en\w*|\bof a sudden\b|\bout of (?:nowhere|the blue)\b|\bfrom nowhere\b"
    r"|\b(?:went|gone|go|going) \w+ at the same time\b|\bout of (?:no where|know where)\b"
    r"|\bin (?:the space of )?(?:a|one) (?:moment|second|minute)\b"
    r"|\b(?:without|with no|no) (?:any )?warning\b|\b(?:all )?at once\b"
    r"|\bjust (?:now|happened|started|came on|went|gone|turned|became|collapsed|buckled)\b"
    r"|\b(?:really |very |so )?(?:fast|quickly|rapidly|quick(?! question))\b"
    r"|\bin (?:a flash|an instant)\b"
    r"|\b(?:instantly|immediately|abruptly|unexpectedly|overnight|right away|acute onset)\b"
    r"|\bnever done that before\b|\bjust like that\b|\bfrom one moment to (?:the )?other\b"
    r"|\bjust become\b|\bin the last few hours\b|\bwas (?:walking|moving|standing) fine\b"
    r"|\b(?:in )?a split second\b|\bacutely\b"
    r"|\b(?:in|within) (?:the )?(?:last |past )?(?:a few |a couple of |\w+ )?"
    r"(?:seconds|minutes|hour)\b"
    r"|\b(?:a |few |couple of |\w+ )?(?:seconds|minutes|moments?|an hour) (?:ago|back)\b"
    r"|\b(?:since|for (?:the )?(?:last|past)) (?:a few |\w+ )?(?:seconds|minutes)\b"
    r"|\bjust this (?:minute|second)\b|\bi woke up and\b|\bone minute\b|\btogether\b"
    r"|\b(?:hasn't|has not|won't|will not|not|didn't|isn't) (?:come back|coming back|wake up)\b"
    r"|\b(?:it|he|she) (?:was|wasn't|didn't|was not|did not) (?:\w+ ){0,4}(?:this morning"
    r"|at breakfast"
    r"|at lunch|last night|when (?:he|she|i) went out)\b|\bi never do that\b|\bi could last night\b"
    r"|\bwas (?:perfectly |totally |completely )?fine (?:\w+ ){0,3}(?:ago|this morning|earlier"
    r"|yesterday|until|till|and then|then)\b"
)
"""Words that say a sign came on suddenly."""
TWITCH = re.compile(r"\b(?:twitch\w*|jerk\w*|jump\w*|spasms?|flutter\w*|flicker\w*)\b")
"""A twitch: sudden by nature, an emergency only with another sign ("twitching then numb")."""
GRADUAL = re.compile(
    r"\b(?:noticed|spotted|realised|realized|saw|it hit me|mentioned|dawned|occurred to me"
    r"|struck me)\b"
    r"|\b(?:now and (?:then|again)|comes and goes|on and off|off and on|sometimes|the odd time)\b"
    r"|\b(?:not sure|don't know|dunno) (?:if|whether)\b|\b(?:nothing|not|no) sud+en"
    r"|\bhow (?:do|would|can|will) (?:i|you) (?:know|tell)\b|\bwhat counts as\b"
)
"""A change suddenly noticed, a sign that comes and goes, a doubt, or a question about it."""
NOTICED = re.compile(r"^(?:noticed|spotted|realised|realized|saw|dawned|occurred|struck)\b")
"""A change noticed, said just after the onset word ("suddenly noticed")."""
GONE = re.compile(
    r"\b(?:goes|went|wears) (?:off|away) (?:quickly|fast|straight)|\bit goes quickly\b"
)
"""A sign that passed as soon as it came."""
REASSURED = re.compile(r"\bcan (?:still )?(?:walk|stand|move)(?: on it)?(?: \w+)? fine\b")
"""An injury said to leave the person walking fine ("a bit bruised but I can walk on it fine")."""
RECENT = re.compile(
    r"\bsince (?:about |around )?(?:\w+ ){0,3}?(?:lunch|breakfast|dinner|this (?:morning|afternoon"
    r"|evening)|o'clock|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|i (?:woke|got|came|went|sat|stood))\b"
    r"|\b(?:an|one|two|a couple of|a few) hours? ago\b|\bearlier today\b"
    r"|\bfrom (?:this )?afternoon\b"
    r"|\bin the last (?:half (?:an )?hour|\w+ minutes)\b|\bit happened in minutes\b"
    r"|\b(?:fine|okay|normal) (?:at|this) (?:breakfast|lunch|morning)\b"
)
"""Words that date a loss to today, partial or not ("stopped working properly since lunch")."""
PARTIAL = re.compile(
    r"\b(?:very well|properly|as well as|as (?:much|high|far|easily|well) as|like i used to"
    r"|like (?:i did )?before|any more|anymore|by the end of the day|very far|far)\b"
)
"""Words that make a loss partial or gradual ("can't lift my toes up very well")."""
LONG_AGO = re.compile(
    r"\b(?:last (?:year|month|week|summer|winter)|(?:years|months|weeks) ago|ages ago"
    r"|a (?:while|long time) (?:ago|back)|when i was (?:young|a kid|little|younger)"
    r"|used to|years back)\b"
)
"""Words that date an injury to long ago: an old fall is history, not an emergency."""
HYPOTHETICAL = re.compile(
    r"\bwhat if\b|\b(?:ever )?a sign of\b"
    r"|\bshould i (?:call|ring|phone|dial) (?:\w+ ){0,3}(?:for|if|about|when|because of)\b|"
    r"\b(?:when|how) (?:would|should|do|will|can|does) (?:i|you|one|someone)\b|\bwhat counts as\b"
    r"|\bhow (?:bad|serious) (?:does|would|should)\b"
)
"""A question about when to act, not a report ("when would I need to call an ambulance")."""
POSITION = re.compile(
    r"\b(?:cross legged|sitting|sat|kneeling|knelt|squatting|lying|slept|fell asleep)\b"
)
"""Sitting or lying on a foot: with a sign that came back, it had only gone to sleep."""
CRAMP = re.compile(r"\bcramp")
"""A cramp: agony that passes is a cramp, not an emergency."""
TRANSIENT = re.compile(
    r"\bfor a (?:bit|second|sec|moment|minute|few minutes|while)\b"
    r"|\b(?:came back|went away|back to normal|wore off|then it went|it passed|eased off)\b"
)
"""A foot that went dead while sitting on it, and came back: pins and needles, not a loss."""
CLAUSES = re.compile(r" (?:but|and then|then|which is why|so|when|until) ")
"""Where a story moves on: a doubt or a twitch in one clause does not undo onset in another."""
