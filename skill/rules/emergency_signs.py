"""Words that say a sign no one should wait on: a loss of a foot or leg's use or feeling, severe
pain, an injury, a stroke, a blocked artery or clot, loss of bladder control, or an emergency
called by its name. Each pattern is one kind of meaning; :mod:`skill.rules.severity` weighs them."""

from __future__ import annotations

import re

LEG_WORDS = r"toes?|foot|feet|legs?|ankles?|calf|calves|cafe|thighs?|knees?|shins?|heel|sole"
"""The words for a leg or foot and their parts, as a regular expression's alternatives."""
BODY = re.compile(
    rf"\b(?:{LEG_WORDS}|limbs?"
    r"|bones?|arms?|hands?|face|body|side|bottom|waist|under me|on me|stand up|stand on"
    r"|bear weight|walk on|put weight|take a (?:single )?step)(?:'s)?\b"
)
"""Words that say the sign is in the body (a broken phone is no emergency)."""
OWN = re.compile(
    r"\b(?:my|me|ma|mi|both|either|his|her|their)\b(?: \w+){0,2}? (?:toes?|foot|feet|legs?|ankles?"
    r"|calf|calves"
    r"|knees?|shins?|heel|bones?)\b"
)
"""Words that say the body is the speaker's own (the chair leg that snapped is no injury)."""
WALK_LOSS = re.compile(
    r"\b(?:can't|cannot|couldn't|can not|could not|cannae|cannit|cyaan)(?: to)? (?:walk|stand"
    r"|staun)\b"
)
"""Not being able to walk or stand: an emergency when it came on suddenly."""
SIGN = re.compile(
    r"\b(?:numb\w*|tingl\w*|pain(?:s|ful|ing)?|weak\w*|hurt\w*|ach(?:e|es|ed|ing|y)"
    r"|pins and needles|came on|walk\w*|stand(?:ing)?)\b"
)
"""A warning sign in any words, with no place said: with sudden onset, it is an emergency."""
ELSEWHERE = re.compile(
    r"\b(?:stomach|tummy|belly|head|back|tooth|teeth|throat|ears?|eyes?|neck|shoulders?)\b"
)
"""Other parts of the body, whose sudden signs this skill does not read as its emergency."""
BAD = re.compile(r"\b(?:bad|badly|severe|terrible|awful|horrible|horrendous)\b")
"""Words that, said with sudden onset, make it an emergency ("it came on sudden and it's bad")."""
LIMB = r"(?:foot|feet|legs?|leg's|foot's|legs')"
"""A foot or leg, as the subject of a loss ("my leg's gone dead")."""
LOSS = re.compile(
    r"\b(?:can't|cant|can not|cannot|cannae|cyaan|couldn't|unable to|not able to|no fit)"
    r" (?:even |seem to |really |make it )?(?:move|moo|more|lift|wiggle|bend|flex|control|shift"
    r"|push off|bear weight|point it up"
    r"|put (?:any )?weight|put (?:my |me |the )?(?:foot|leg) down|walk on|stand on|stand up"
    r"|walk at all|trust (?:it|\w+ (?:leg|foot)) to (?:hold|carry) me)\b"
    r"|\b(?:won't|wont|wouldn't|would not|doesn't|does not|didn't|will not|isn't|is not|not"
    r"|no fit|nah|'ll no|will no) (?:move|moving|respond|hold me|work|working|do what|bend"
    r"|swing|take (?:my |any )?weight|kick)"
    r"|\b(?:can|could) (?:barely|hardly) (?:move|lift|stand|bear weight|walk on)\b"
    r"|\b(?:went|gone|going|has gone|just) (?:limp|floppy)\b|\bhanging (?:down|limp)\b"
    r"|\b(?:gave|given|giving|gives) (?:way|weigh|out)\b|\bcollapsed\b"
    r"|\bstopped working\b|\bfolded (?:under|beneath)\b|\bout from under me\b"
    r"|\b(?:like )?(?:a )?(?:block of wood|dead wood|lump of wood|sack of \w+|stump|plank)\b"
    r"|\b(?:flops|flopping|flopped)\b|\bpulled the plug\b"
    r"|\b(?:foot|leg|feet|legs)(?:'s)? (?:just )?(?:isn't|wasn't|is not|was not) there\b"
    r"|\bnot attached\b"
    r"|\bnot (?:mine|my own)\b"
    r"|\bstranger's leg\b|\bgone to nothing\b|\bgiven up on me\b|\blost the use\b"
    r"|\bhangs? there\b|\bhanging there\b|\bdropping to the floor\b"
    r"|\bgone on me\b|\bput one foot in front of the other\b|\b(?:won't|wont|will not) go$"
    r"|\b(?:can't|cannot|can not) (?:feel|fill) (?:it|him|her)\b(?! (?:twitch|jump|jerk|move|go))"
    r"|\bparaly[sz]ed\b|\blost (?:all )?control\b|\bno control\b"
    r"|\b(?:gone|went|turned|going) (?:all |just )?(?:like |to )?jelly\b"
    r"|\blost all (?:the |its |of its |my )?(?:feeling|sensation|strength|power)\b"
    r"|\bcan't feel (?:\w+ ){1,3}at all\b"
    r"|\b(?:can't|cant|cannot|cannae|not able to|unable to|no fit) (?:really )?feel (?:either of "
    r"|both )?"
    rf"(?:my |me |ma |mi )?(?:whole |left |right )?(?:{LIMB}|a thing|anything)"
    rf"|\b{LIMB} (?:has |have |is |are )?(?:gone|went|don|just) (?:proper |completely |all )?"
    r"(?:dead|die|carked it)|\bdead leg\b"
    r"|\b(?:dragging|foot drop)\b.*\b(?:since this morning|today)\b"
    rf"|\b{LIMB} (?:has |is )?(?:just )?(?:gone|went|quit|up and quit|packed in|cooked)"
    r"(?= (?:man|completely|pet|bro|y'all|on me)\b|$)"
    rf"|\b{LIMB} (?:has |is )?(?:just )?(?:stopped|not) (?:obeying|listening|hearing|working)"
    r"|\b(?:go|goes|gone|went|going) (?:completely |totally )?dead and (?:not|won't"
    r"|didn't) come back"
    r"|\b(?:can't|cannot|can not) (?:feel|fill) or move\b|\blost my (?:leg|foot)\b"
    r"|\b(?:leg|foot) (?:got|has) no feeling\b|\bno feeling in (?:my |me )?(?:whole )?(?:leg|foot)"
    r"|\b(?:can't|cannot|can not) (?:fill|feel) (?:my |me )?(?:foot|leg|him|her|it)"
    r" (?:at all|anymore)"
    r"|\bbuckl\w*|\b(?:can't|cannot|can not) (?:even )?take a (?:single )?step\b"
    r"|\bcan't straighten"
    r"|\bstopped (?:kicking|moving|pushing off)\b|\bstop to move\b"
    rf"|\b{LIMB} (?:has |is )?just stopped$"
    r"|\bswitched (?:the power )?off\b|\bbelongs to someone else\b|\bsomeone else's (?:leg|foot)\b"
    r"|\b(?:won't|will not|doesn't|isn't) put (?:any )?weight on\b|\bkeeps? falling (?:over|down)\b"
    rf"|\b{LIMB} (?:is |are )?not feeling\b|\bcan't feel the floor\b"
    r"|\bnumb\w*(?: \w+){0,4} (?:is )?(?:going|spreading|moving|creeping|travelling) up\b"
    r"|\b(?:heavy and useless|useless and heavy|gone useless)\b|\bnumb from the (?:knee|hip) down\b"
    r"|\b(?:can't|cannot|can not) (?:way bear|weight bear|weightbear)\b"
    r"|\b(?:slapp?ing|slaps)\b.*\b(?:today|since|just like that)\b"
    rf"|\b{LIMB} (?:has |have |is )?(?:gone|went) (?:pure|right|well|totally) dead\b"
)
"""Words that say a loss of a foot or leg's use or feeling, whenever it came on."""
PAIN = r"(?:pain\w*|hurts?|hurting|sore|aches?|aching)"
"""Pain in its everyday words."""
SEVERE_PAIN = re.compile(
    r"\b(?:pain\w*|hurts?|hurting)\b(?:(?! (?:but|far|properly|very|as)\b).)*\b(?:can't|cannot"
    r"|can not)"
    r"(?: to)? (?:walk|stand)\b(?! (?:far|properly|very|as|for long|much|like))"
    r"|\b(?:agony|agonising|agonizing|excruciating\w*|unbearabl[ey]|slurr\w*|droop\w*)\b"
    r"|\bworst pain\b|\bscream\w*\b|\bin (?:tears|bits)\b|\bcrying\b|\b(?:been|being) sick\b"
    r"|\bthrew up\b|\bnever (?:felt|had|known) (?:\w+ )?(?:pain|anything) like\b"
    r"|\blike nothing else\b"
    r"|\brolling (?:about|around) (?:on the floor )?(?:with|in) (?:the )?pain\b"
    r"|\bshaking and sweating\b"
    r"|\bcan't (?:even )?let (?:the )?(?:sheets?|covers?|duvet|blanket) touch\b"
    rf"|\b(?:crippling|extreme|horrendous|intense|terrible|awful|horrible|unreal|severe) {PAIN}"
    rf"|\b{PAIN}(?: \w+)?(?:'s| is| was| so) (?:\w+ )?"
    r"(?:terrible|unreal|severe|too much|too strong|unbearable)"
    rf"|\b{PAIN}(?: \w+){{0,3}} too much\b|\bso much pain\b|\bcan't think\b"
    r"|(?:^|\b(?:i|mi|me|until|till)(?: just| really| honestly)? )"
    r"(?:can't|cannot|cant|cyaan|no fit|can not)"
    r" (?:bear|take|tek|stand(?! on| up)|tolerate|tahan|cope)"
    r"|\b(?:so|suh|that|too) bad (?:\w+ )?(?:i|mi|me) (?:can't|cannot|cant|cyaan|can not) "
    r"(?:touch|walk|stand|move|think)"
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
VEHICLE = r"(?:bike|motorbike|scooter|skateboard|horse|ladder|board|quad|trampoline|roof|wall)"
"""What people come off: a bike, a horse, a ladder (not their medication)."""
INJURY = re.compile(
    r"\b(?:broken|broke|bruk|break(?! it down| down)|fractured?|snapped|dislocated|deformed"
    r"|squint|sideways"
    r"|crushed|squashed|smashed|gashed|scalded|blistering|ran over|run over|bitten)\b"
    r"|\b(?:snake|dog|spider|insect|something|it) (?:just )?bit\b"
    r"|\bheard a (?:crack|snap|pop)\b|\bpopped\b|\bfunny angle\b|\bwrong way\b|\ball twisted\b"
    r"|\bbone (?:is )?(?:sticking|poking)|\bsee the bone\b|\bdeep cut\b|\bright through\b"
    r"|\b(?:dropped|fell|rolled) (?:\w+ ){0,4}(?:on|onto) (?:my|me|ma|mi) (?:toes?|foot|feet|leg)"
    r"|\b(?:i (?:fell|fall)(?! asleep| for)|i've fallen|i had a fall|fell (?:down|doon)"
    rf"|come a cropper|stacked it|came off (?:my|me|the|his|her|a) {VEHICLE}"
    r"|landed (?:badly|awkwardly|funny|wrong))"
    r"|\b(?:looks?|is|gone|went) (?:all )?(?:bent|crooked)\b"
    r"|\bblood\b|\bbleed\w* (?:a lot|heavily|badly|loads|lots|everywhere|profusely|too much"
    r"|like crazy|nuff|well well|won't stop|non stop)"
    r"|\b(?:won't|will not|doesn't|does not|nah|not) stop bleeding\b"
    r"|\b(?:badly|seriously|really badly) (?:hurt|injured)\b|\bmassive\b"
    r"|\b(?:hurt|injured|cut|twisted) (?:\w+ ){0,3}(?:badly|seriously)\b|\bserious injury\b"
    r"|\b(?:tore|torn|ripped|squished|mangled|stuck in the door|twisted funny|ruptur\w*)\b"
    r"|\b(?:wrong shape|out of shape|misshapen|boiling water|skin(?:'s| is)? coming off|burn(?:ed"
    r"|t) (?:my|me))\b"
    r"|\b(?:can't|cannot) get up\b"
)
"""A fracture or deformity, a crush, a bite, a burn, a deep wound, heavy bleeding, a fall."""
MISHAP = re.compile(
    r"\b(?:twisted|rolled|sprained|slipped|tripped|jumped (?:off|down)|went over on|kicked|knocked"
    r"|banged|hit(?! me)|struck(?! me)|falling|fell|fallen|landed|lifted|felt a pop"
    rf"|came off (?:my|me|the|his|her|a) {VEHICLE}|did my back"
    r"|put my back out"
    r"|went in my back)\b"
    r".*\b(?:numb\w*"
    r"|(?:can't|cannot|can not|couldn't) (?:feel|move|put|stand|walk)|no feeling)"
)
"""A mishap followed by a loss of feeling or use ("twisted my knee and now my leg's numb")."""
STROKE = re.compile(
    r"\b(?:face|smile|mouth|lips?)(?:'s)? (?:is |has )?(?:gone |going |gone all )?"
    r"(?:droop\w*|lopsided|numb|crooked|wonky|saggy)|\bslurr\w*"
    r"|\bwords (?:are )?(?:all )?(?:jumbled|muddled|coming out (?:wrong|muddled|funny))"
    r"|\b(?:having|had) a (?:stroke|struck)\b|\bstroke\b|\blost (?:the )?sight\b"
    r"|\bspeech (?:went|is|has gone|going) (?:all )?(?:funny|slurred|weird|strange)"
    r"|\bchest (?:is |feels |has gone |went )?tight\b"
    r"|\b(?:vision|eyesight) (?:went|is|has gone|goes|going) (?:all )?(?:blurry|double|funny)"
    r"|\b(?:can't|cannot|trouble) (?:speak|talk)"
    r"|\b(?:half|one side of|(?:left|right) side of) (?:my )?(?:body|face)"
    r"|\bface (?:feels|is|looks|has gone|went) (?:funny|weird|numb|droopy|strange)"
    r"|\barm and (?:my )?leg\b|\bleg and (?:my )?arm\b"
    r"|\b(?:left|right|one|whole|entire) side\b(?! of (?:my|the) (?:foot|toe|heel|big))(?:'s)?"
    r"(?: \w+){0,3} (?:numb|weak|dead|paraly\w*)\b|\b(?:short|out) of breath\b"
    r"|\bchest pains?\b|\bpains? in my chest\b|\b(?:can't|cannot|struggling to) breathe\b"
    r"|\b(?:can't|cannot|couldn't) catch (?:my|his|her|their) breath\b|\bface looks (?:odd|funny"
    r"|weird)\b"
)
"""Signs of a stroke (or heart attack) said with a leg or foot sign."""
CONFUSED = re.compile(
    r"\b(?:i'm|i am|i feel|feeling) (?:really |all |very |so )?(?:confused|dizzy)\b"
)
"""Confusion or dizziness: a stroke sign only with a foot or leg gone numb or weak."""
COLOUR = (
    r"(?:dark|dusky|black|blue|bluish|bloo|blew|purple|white|pale|pail|grey|gray|mottled"
    r"|horrible colou?r)"
)
"""A foot or toes gone a colour they should not be."""
COLD = r"(?:cold|colder|ice cold|icy|cauld|freezing)"
"""A chill: with a colour (:data:`COLOUR`), the sign of a blocked artery."""
CIRCULATION = re.compile(
    rf"\b{COLOUR}\b(?: [\w']+){{0,5}} {COLD}\b|\b{COLD}\b(?: [\w']+){{0,5}} {COLOUR}\b"
    r"|\b(?:toes?|foot|feet|legs?|calf|calves|skin|it|and)(?:'s| has| have| is| are)?"
    r" (?:all |just )?"
    r"(?:turned|gone|went|going|become|becoming|looks?|looking) (?:\w+ ){0,2}"
    r"(?:blue|bluish|bloo|black|purple|grey|gray|pale|pail|white|mottled|blotchy|dark|dusky)\b"
    r"|\b(?:looks?|is|gone|going) (?:all )?(?:mottled|blotchy)\b"
    r"|\bred (?:streaks?|lines?)\b|\bpus\b|\boozing\b|\bfever\b|\bshivery\b|\bfeel faint\b"
    r"|\bno pulse\b|\bblew and cold\b|\b(?:cold|freezing) and (?:grey|gray|blue|blew|white)"
)
"""Signs of a blocked artery or a spreading infection (said of a leg or foot)."""
HOT_RED_SWOLLEN = {
    "hot": re.compile(r"\b(?:hot|warm|burning to (?:the )?touch|throbbing)\b"),
    "red": re.compile(r"\b(?:red|shiny|erythema)\b"),
    "swollen": re.compile(
        r"\b(?:swollen|swelling|puffy|bigger|twice the size|huge|going to burst|ballooned"
        r"|tender\w*|o?edema|pitting)\b"
    ),
}
"""Two of these said of a calf or foot are the signs of a clot or a deep infection."""
CLINICAL = re.compile(
    r"\b(?:dvt|deep vein thrombosis|blood clot|clot in my|ischa?emi\w*|pulseless"
    r"|compartment syndrome"
    r"|cauda equina|saddle an(?:a)?esthesia|urinary retention|unable to void|paraplegi\w*"
    r"|monoplegi\w*|hemiplegi\w*|(?<!sleep )paralysis|fractur\w*|tendon rupture|pallor)\b"
)
"""Clinical words for an emergency of the leg or foot: they need no other sign."""
BLADDER = re.compile(
    r"\b(?:bladder|bowels?|wet (?:myself|the bed)|(?:peed|pooed|soiled) myself|incontinen\w*)\b"
    r"|\bhad an accident\b.*\b(?:didn't|did not|never|couldn't) (?:feel|notice|know)"
    r"|\b(?:can't|cannot) (?:pee|wee|hold my wee|feel myself going)"
    r"|\bnumb\w*\b.*\b(?:groin|saddle|bottom(?! of)|between my legs|waist down)\b"
    r"|\b(?:groin|saddle|bottom(?! of)|between my legs)\b.*\bnumb"
)
"""Loss of bladder or bowel control, or numbness where one sits (cauda equina)."""
EMERGENCY = re.compile(
    r"(?<!\bif )(?<!whether )\b(?:it's|it is|this is|having) an emergency\b|\bambulance\b"
    r"|\bcall (?:nine one one|nine nine nine|triple zero|one one two)\b"
    r"|^(?:emergency|help) (?:my )?(?:leg|foot|feet|legs)\b|^(?:\w+ )?(?:leg|foot) (?:numb )?help$"
    r"|\bbleeding (?:and )?(?:it )?(?:won't|will not|doesn't) stop\b|\bpouring (?:with )?blood\b"
    r"|\bblood everywhere\b"
    r"|\bsevere (?:\w+ )?(?:pain|numbness|weakness|swelling|bleeding|injury|cramp)"
)
"""Words that call it an emergency or severe outright."""
LEG = re.compile(rf"\b(?:{LEG_WORDS})")
"""A leg or foot: the places where a colour, a chill or a swelling is this skill's concern."""
