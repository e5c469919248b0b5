"""Words that say a symptom came on suddenly or is severe: the emergency signs, as plain text.

Read by the skill from what a person said for a symptom (Alexa's slot value), and by the offline
resolver from a whole utterance, so that sudden or severe onset in any order and any words
("my leg went numb all of a sudden", "out of nowhere I can't move my foot") is never read as an
ordinary sign. Each pattern is one kind of meaning; most count only said of the speaker's own
leg or foot (:data:`BODY`), so that a phone that died suddenly or a severe weather warning is no
emergency, and a loss said to be partial or gradual (:data:`PARTIAL`) is a warning sign instead.
"""

from __future__ import annotations

import re

from skill.rules.negation import negated

SUDDEN_SIGNS = frozenset(
    {"PAIN", "NUMBNESS", "TINGLING", "WEAKNESS", "DIFFICULTY_WALKING", "GAIT_CHANGE"}
)  # fmt: skip
"""Signs that, come on suddenly, need help now (not spreading, sleep loss or wasting)."""
ONSET = re.compile(
    r"\bsud+en\w*|\bof a sudden\b|\bout of (?:nowhere|the blue)\b|\bfrom nowhere\b"
    r"|\b(?:without|with no|no) (?:any )?warning\b|\b(?:all )?at once\b|\bat the same time\b"
    r"|\bjust (?:now|happened|started|came on|went|gone|turned|became|collapsed|buckled)\b"
    r"|\b(?:really |very |so )?(?:fast|quickly|rapidly|quick)\b|\bin (?:a flash|an instant)\b"
    r"|\b(?:instantly|immediately|abruptly|unexpectedly|overnight|right away)\b"
    r"|\b(?:in|within) (?:the )?(?:last |past )?(?:a few |a couple of |\w+ )?"
    r"(?:seconds|minutes|hour)"
    r"|\b(?:a |few |couple of |\w+ )?(?:seconds|minutes|moments?|an hour) (?:ago|back)\b"
    r"|\b(?:since|for (?:the )?(?:last|past)) (?:a few |\w+ )?(?:seconds|minutes)\b"
    r"|\bjust this (?:minute|second)\b|\bi woke up (?:and|with)\b|\bone minute\b|\btogether\b"
    r"|\b(?:hasn't|has not|won't|will not) (?:come back|wake up)\b"
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
    r"|\b(?:goes|went|wears) (?:off|away) (?:quickly|fast|straight)|\bit goes quickly\b"
)
"""A change suddenly noticed, a sign that comes and goes, a doubt, or a question about it."""
BODY = re.compile(
    r"\b(?:toes?|foot|feet|legs?|ankles?|calf|calves|cafe|thighs?|knees?|shins?|heel|sole"
    r"|bones?|arms?|hands?|face|body|side|bottom|waist|under me|on me|stand up|stand on"
    r"|bear weight|walk on|put weight)(?:'s)?\b"
)
"""Words that say the sign is in the body (a broken phone is no emergency)."""
OWN = re.compile(
    r"\b(?:my|me|ma|mi|both|either)\b(?: \w+){0,2}? (?:toes?|foot|feet|legs?|ankles?|calf|calves"
    r"|knees?|shins?|heel|bones?)\b"
)
"""Words that say the body is the speaker's own (the chair leg that snapped is no injury)."""
WALK_LOSS = re.compile(r"\b(?:can't|cannot|couldn't|can not|could not) (?:walk|stand)\b")
"""Not being able to walk or stand: an emergency when it came on suddenly."""
SIGN = re.compile(r"\b(?:numb|tingl|pain|weak|hurt|ach|pins and needles|came on|walk|stand)")
ELSEWHERE = re.compile(
    r"\b(?:stomach|tummy|belly|head|back|tooth|teeth|throat|ears?|eyes?|neck|shoulders?)\b"
)
"""Other parts of the body, whose sudden signs this skill does not read as its emergency."""
BAD = re.compile(r"\b(?:bad|badly|severe|terrible|awful|horrible|horrendous)\b")
"""Words that, said with sudden onset, make it an emergency ("it came on sudden and it's bad")."""
LIMB = r"(?:foot|feet|legs?|leg's|foot's|legs')"
LOSS = re.compile(
    r"\b(?:can't|cant|can not|cannot|cannae|cyaan|couldn't|unable to|not able to|no fit)"
    r" (?:even )?(?:move|moo|more|lift|wiggle|bend|flex|control|shift|push off|bear weight"
    r"|put (?:any )?weight|put (?:my |me |the )?(?:foot|leg) down|walk on|stand on|stand up"
    r"|walk at all|trust (?:it|\w+ (?:leg|foot)) to (?:hold|carry) me)\b"
    r"|\b(?:won't|wont|wouldn't|would not|doesn't|does not|didn't|will not|isn't|is not|not"
    r"|no fit|nah|'ll no|will no) (?:move|moving|respond|hold me|work|working|do what)"
    r"|\b(?:can|could) (?:barely|hardly) (?:move|lift|stand|bear weight|walk on)\b"
    r"|\b(?:went|gone|going|has gone|just) (?:limp|floppy)\b|\bbuckled\b|\bhanging (?:down|limp)\b"
    r"|\b(?:gave|given|giving|gives) (?:way|weigh|out)\b|\bcollapsed\b|\bstopped working\b"
    r"|\bgone on me\b|\bput one foot in front of the other\b|\b(?:won't|wont|will not) go$"
    r"|\b(?:can't|cannot|can not) (?:feel|fill) (?:it|him|her)\b(?! (?:twitch|jump|jerk|move|go))"
    r"|\bparaly[sz]ed\b|\blost (?:all )?control\b|\bno control\b"
    r"|\b(?:gone|went|turned|going) (?:all |just )?(?:like |to )?jelly\b"
    r"|\blost all (?:the |its |of its |my )?(?:feeling|sensation|strength|power)\b"
    r"|\bcan't feel (?:\w+ ){1,3}at all\b"
    r"|\b(?:can't|cant|cannot|cannae|not able to|unable to|no fit) feel (?:either of |both )?"
    rf"(?:my |me |ma |mi )?(?:whole |left |right )?(?:{LIMB}|a thing|anything)"
    rf"|\b{LIMB} (?:has |have |is |are )?(?:gone|went|don|just) (?:proper |completely |all )?"
    r"(?:dead|die|carked it)|\bdead leg\b"
    r"|\b(?:dragging|foot drop)\b.*\b(?:since this morning|today)\b"
    rf"|\b{LIMB} (?:has |is )?(?:just )?(?:gone|quit|up and quit|packed in|cooked)"
    r"(?= (?:man|completely|pet|bro|y'all|on me)\b|$)"
    rf"|\b{LIMB} (?:has |is )?(?:stopped|not) (?:obeying|listening|hearing|working)"
    r"|\b(?:can't|cannot|can not) (?:feel|fill) or move\b|\blost my (?:leg|foot)\b"
    r"|\b(?:leg|foot) (?:got|has) no feeling\b|\bno feeling in (?:my |me )?(?:whole )?(?:leg|foot)"
    r"|\b(?:can't|cannot|can not) (?:fill|feel) (?:my |me )?(?:foot|leg|him|her|it)"
    r" (?:at all|anymore)"
)
"""Words that say a loss of a foot or leg's use or feeling, whenever it came on."""
RECENT = re.compile(
    r"\bsince (?:lunch|breakfast|dinner|this (?:morning|afternoon|evening)|i (?:woke|got) up)\b"
    r"|\b(?:an|one|two|a couple of|a few) hours? ago\b|\bearlier today\b"
)
"""Words that date a loss to today, partial or not ("stopped working properly since lunch")."""
PARTIAL = re.compile(
    r"\b(?:very well|properly|as well as|as (?:much|high|far|easily|well) as|like i used to"
    r"|like (?:i did )?before|any more|anymore|by the end of the day|very far|far)\b"
)
"""Words that make a loss partial or gradual ("can't lift my toes up very well")."""
PAIN = r"(?:pain\w*|hurts?|hurting|sore|aches?|aching)"
SEVERE_PAIN = re.compile(
    r"\b(?:agony|agonising|agonizing|excruciating\w*|unbearabl[ey]|slurr\w*|droop\w*)\b"
    r"|\bworst pain\b|\bscreaming\b|\bin (?:tears|bits)\b|\bcrying\b|\bbeen sick\b|\bthrew up\b"
    rf"|\b(?:crippling|extreme|horrendous|intense|terrible|awful|horrible|unreal|severe) {PAIN}"
    rf"|\b{PAIN}(?: \w+)?(?:'s| is| was| so) (?:\w+ )?"
    r"(?:terrible|unreal|severe|too much|unbearable)"
    rf"|\b{PAIN}(?: \w+){{0,3}} too much\b|\bso much pain\b|\bcan't think\b"
    r"|\b(?:can't|cannot|cant|cyaan|no fit|can not) (?:bear|take|tek|stand|tolerate|tahan|cope)"
    r"|\b(?:so|suh|that|too) bad (?:\w+ )?(?:i|mi|me) (?:can't|cannot|cant|cyaan|can not) "
    r"(?:touch|walk|stand|sleep|move|think)"
    r"|\b(?:extremely|unbearably|excruciatingly|incredibly|insanely) painful\b"
    rf"|\bhurts (?:like hell|so (?:much|bad) i)|\b(?:off the charts|ten out of ten)\b.*\b{PAIN}"
    rf"|\b{PAIN}\b.*\b(?:off the charts|ten out of ten)\b"
    r"|\b(?:stabbing|knife|burning)\b.*\b(?:won't|doesn't|does not|will not) stop\b"
    rf"|\b(?:pass(?:ing)? out|faint\w*|black(?:ing)? out)\b.*\b{PAIN}"
    rf"|\b{PAIN}\b.*\bpass(?:ing)? out"
    r"|\bvery very pain|\bpain\w*(?: \w+){0,3} (?:seriously|killing me)"
    r"|\b(?:can't|cannot|can not) (?:support|put) (?:it|my weight|weight)(?: down)?\b"
)
"""Words that say a pain is severe (said of a leg or foot)."""
INJURY = re.compile(
    r"\b(?:broken|broke|bruk|break(?! it down| down)|fractured?|snapped|dislocated|deformed"
    r"|squint|sideways"
    r"|crushed|squashed|smashed|gashed|scalded|blistering|ran over|run over|bitten)\b"
    r"|\b(?:snake|dog|spider|insect|something|it) (?:just )?bit\b"
    r"|\bheard a (?:crack|snap|pop)\b|\bpopped\b|\bfunny angle\b|\bwrong way\b|\ball twisted\b"
    r"|\bbone (?:is )?(?:sticking|poking)|\bsee the bone\b|\bdeep cut\b|\bright through\b"
    r"|\b(?:dropped|fell|rolled) (?:\w+ ){0,4}(?:on|onto) (?:my|me|ma|mi) (?:toes?|foot|feet|leg)"
    r"|\b(?:i (?:fell|fall)(?! asleep| for)|i've fallen|i had a fall|fell (?:down|doon)"
    r"|come a cropper|stacked it|came off (?:my|me|the) \w+|landed (?:badly|awkwardly|funny|wrong))"
    r"|\b(?:looks?|is|gone|went) (?:all )?(?:bent|crooked)\b"
    r"|\bblood\b|\bbleed\w* (?:a lot|heavily|badly|loads|lots|everywhere|profusely|too much"
    r"|like crazy|nuff|well well|won't stop|non stop)"
    r"|\b(?:won't|will not|doesn't|does not|nah|not) stop bleeding\b"
    r"|\b(?:badly|seriously|really badly) (?:hurt|injured)\b|\bmassive\b"
    r"|\b(?:hurt|injured|cut|twisted) (?:\w+ ){0,3}(?:badly|seriously)\b|\bserious injury\b"
    r"|\b(?:tore|torn|ripped|squished|mangled|stuck in the door|twisted funny)\b"
    r"|\b(?:can't|cannot) get up\b"
)
"""A fracture or deformity, a crush, a bite, a burn, a deep wound, heavy bleeding, a fall."""
MISHAP = re.compile(
    r"\b(?:twisted|rolled|sprained|slipped|tripped|jumped (?:off|down)|went over on)\b"
    r".*\b(?:numb\w*"
    r"|can't feel|cannot feel|can't move|can't put|can't stand|can't walk|no feeling)"
)
"""A mishap followed by a loss of feeling or use ("twisted my knee and now my leg's numb")."""
LONG_AGO = re.compile(
    r"\b(?:last (?:year|month|week|summer|winter)|(?:years|months|weeks) ago|ages ago"
    r"|a (?:while|long time) (?:ago|back)|when i was (?:young|a kid|little|younger)|since then"
    r"|used to|years back)\b"
)
"""Words that date an injury to long ago: an old fall is history, not an emergency."""
STROKE = re.compile(
    r"\b(?:face|smile|mouth|lips?)(?:'s)? (?:is |has )?(?:gone |going |gone all )?"
    r"(?:droop\w*|lopsided|numb|crooked|wonky|saggy)|\bslurr\w*"
    r"|\bwords (?:are )?(?:all )?(?:jumbled|muddled|coming out (?:wrong|muddled|funny))"
    r"|\b(?:having|had) a stroke\b|\bstroke\b"
    r"|\bvision (?:went|is|has gone) (?:blurry|double)|\b(?:can't|cannot|trouble) (?:speak|talk)"
    r"|\b(?:half|one side of|(?:left|right) side of) (?:my )?(?:body|face)"
    r"|\bface (?:feels|is|looks|has gone|went) (?:funny|weird|numb|droopy|strange)"
    r"|\barm and (?:my )?leg\b|\bleg and (?:my )?arm\b"
    r"|\b(?:left|right|one|whole|entire) side\b(?! of (?:my|the) (?:foot|toe|heel|big))(?:'s)?"
    r"(?: \w+){0,3} (?:numb|weak|dead|paraly\w*)\b|\bshort of breath\b"
    r"|\bchest pains?\b|\bpains? in my chest\b|\b(?:can't|cannot|struggling to) breathe\b"
)
"""Signs of a stroke (or heart attack) said with a leg or foot sign."""
CONFUSED = re.compile(
    r"\b(?:i'm|i am|i feel|feeling) (?:really |all |very |so )?(?:confused|dizzy)\b"
)
"""Confusion or dizziness: a stroke sign only with a foot or leg gone numb or weak."""
COLOUR = r"(?:black|blue|bluish|purple|white|pale|pail|grey|gray|mottled)"
COLD = r"(?:cold|colder|ice cold|icy|cauld|freezing)"
CIRCULATION = re.compile(
    rf"\b{COLOUR}\b(?: [\w']+){{0,5}} {COLD}\b|\b{COLD}\b(?: [\w']+){{0,5}} {COLOUR}\b"
    r"|\b(?:turned|gone|went|going|become|becoming|getting) (?:\w+ ){0,2}"
    r"(?:blue|bluish|black|purple|grey|gray|pale|pail|white|mottled)\b"
    r"|\bred (?:streaks?|lines?)\b|\bpus\b|\boozing\b|\bfever\b|\bshivery\b|\bfeel faint\b"
    r"|\bno pulse\b|\bblew and cold\b|\b(?:cold|freezing) and (?:grey|gray|blue|blew|white)"
)
"""Signs of a blocked artery or a spreading infection (said of a leg or foot)."""
HOT_RED_SWOLLEN = re.compile(r"\b(?:hot|warm|red|swollen|swelling|puffy)\b")
"""Two of these said of a calf or foot are the signs of a clot or a deep infection."""
BLADDER = re.compile(
    r"\b(?:bladder|bowels?|wet (?:myself|the bed)|(?:peed|pooed|soiled) myself|incontinen\w*)\b"
    r"|\bhad an accident\b.*\b(?:didn't|did not|never|couldn't) (?:feel|notice|know)"
    r"|\b(?:can't|cannot) (?:pee|wee|hold my wee|feel myself going)"
    r"|\bnumb\w*\b.*\b(?:groin|saddle|bottom|between my legs|waist down)\b"
    r"|\b(?:groin|saddle|bottom|between my legs)\b.*\bnumb"
)
"""Loss of bladder or bowel control, or numbness where one sits (cauda equina)."""
EMERGENCY = re.compile(
    r"(?<!\bif )(?<!whether )\b(?:it's|it is|this is|having) an emergency\b|\bambulance\b"
    r"|\bcall (?:nine one one|nine nine nine|triple zero|one one two|an ambulance)\b"
    r"|^(?:emergency|help) (?:my )?(?:leg|foot|feet|legs)\b|^(?:\w+ )?(?:leg|foot) (?:numb )?help$"
    r"|\bbleeding (?:and )?(?:it )?(?:won't|will not|doesn't) stop\b|\bpouring (?:with )?blood\b"
    r"|\bsevere (?:\w+ )?(?:pain|numbness|weakness|swelling|bleeding|injury|cramp)"
)
"""Words that call it an emergency or severe outright."""


POSITION = re.compile(
    r"\b(?:cross legged|sitting|sat|kneeling|knelt|squatting|lying|slept|fell asleep)\b"
)
TRANSIENT = re.compile(
    r"\bfor a (?:bit|second|sec|moment|minute|few minutes|while)\b"
    r"|\b(?:came back|went away|back to normal|wore off)\b"
)
"""A foot that went dead while sitting on it, and came back: pins and needles, not a loss."""
LEG = re.compile(
    r"\b(?:toes?|foot|feet|legs?|ankles?|calf|calves|cafe|thighs?|knees?|shins?|heel|sole)"
)
"""A leg or foot: the places where a colour, a chill or a swelling is this skill's concern."""


def said(pattern: re.Pattern[str], text: str) -> bool:
    """Whether ``pattern`` occurs in ``text`` other than just after a negation."""
    return any(not negated(text[: match.start()].split()) for match in pattern.finditer(text))


def says_severe(text: str) -> bool:
    """Whether lowercase words say a severe pain, injury or loss of a leg or foot, or a stroke."""
    if said(EMERGENCY, text) or (said(SEVERE_PAIN, text) and re.search(rf"\b{PAIN}", text)):
        return True
    if not BODY.search(text):
        return False
    asleep = POSITION.search(text) and TRANSIENT.search(text)
    lasting = not PARTIAL.search(text) or RECENT.search(text) or said(ONSET, text)
    if said(LOSS, text) and lasting and not asleep:
        return True
    leg = LEG.search(text)
    hot_red_swollen = {word[:4] for word in HOT_RED_SWOLLEN.findall(text)}  # swollen, swelling
    if leg and len(hot_red_swollen) >= 2:
        return True
    injured = (said(INJURY, text) and OWN.search(text)) or MISHAP.search(text)
    if injured and not LONG_AGO.search(text):
        return True
    if CONFUSED.search(text) and (said(re.compile(r"\b(?:numb|weak)"), text) or said(LOSS, text)):
        return True
    if leg and said(CIRCULATION, text):
        return True
    return any(said(pattern, text) for pattern in (SEVERE_PAIN, STROKE, BLADDER))


def says_sudden(text: str) -> bool:
    """Whether lowercase words say something came on suddenly: not a doubt, a change only
    noticed, nor a twitch alone ("it suddenly started twitching")."""
    if not said(ONSET, text) or GRADUAL.search(text):
        return False
    return not TWITCH.search(text) or said(SIGN, text) or said(LOSS, text)
