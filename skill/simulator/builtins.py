"""How people usually say Amazon's built-in intents, for resolving typed text offline.

Alexa trains these intents itself, so the interaction model lists no samples for them. This table
stands in for that training: Amazon's documented phrasings plus the common everyday ones, in US,
British, Irish, Indian and Australian forms. A sample in the model for a custom intent wins over
a phrase here.
"""

from __future__ import annotations


def _phrases(text: str) -> tuple[str, ...]:
    """Phrases written one after another, each ended by a semicolon."""
    return tuple(" ".join(phrase.split()) for phrase in text.split(";") if phrase.strip())


BUILTIN_PHRASES: dict[str, tuple[str, ...]] = {
    "AMAZON.YesIntent": _phrases("""
        yes; yeah; yep; yup; ya; yah; yea; aye; yes please; sure; sure thing; for sure; okay; okay
        then; alright; all right; of course; absolutely; definitely; certainly; please do; go for
        it; why not; sounds good; that sounds good; sounds great; that'd be great; that would be
        nice; i'd like that; i would; i'd love that; that's right; correct; exactly; indeed; yes i
        do; yes it is; yes i am; yes there is; yes i have; i do; i have; it is; uh huh; yes let's;
        yes i'd like to; you bet; you betcha; too right; of course yes; yes definitely; yeah sure;
        yeah go on; sure why not; affirmative; positive; totally; i think so; i guess so; probably
        yes; okey dokey; that's fine; that's fine with me; fine by me; that works; works for me;
        fine; very well; by all means;
    """),
    "AMAZON.NoIntent": _phrases("""
        no; nope; nah; naw; no thanks; no thank you; no ta; not now; not really; no way; not at
        all; negative; i'd rather not; no i don't; no it's not; no it isn't; no i'm not; no there
        isn't; no i haven't; i don't think so; not today; not at the moment; not right now; maybe
        later; some other time; another time; i'll pass; pass; i'm good; i'm fine; i'm alright;
        i'm okay; i'm good thanks; i'm fine thanks; no need; not needed; nothing; nothing else;
        not interested; i'm not interested; no keep it; keep it; don't; please don't; don't do
        that; i don't want to; i don't; i haven't; it isn't; it's not; none; no not really;
        absolutely not; definitely not; no chance; don't erase anything; don't delete my data;
        keep my data; keep my diary;
    """),
    "AMAZON.HelpIntent": _phrases("""
        help; help me; help please; can you help me; i need help; i need some help; what can i
        say; what do i say; what should i say; what can i ask; what can i ask you; how does this
        work; how does this skill work; what are my options; what are the options; what can you
        do; what else can you do; what do you do; what is this; instructions; the commands; what
        are the commands; list the commands; tell me what i can say; i'm confused; i'm stuck; i
        don't understand; i don't get it; how do i use this skill; what now; what do i do; what do
        i do now; what do i do next; what happens now; guide me; give me some help; what are you
        for; i need a hand; what are you able to do; what are you capable of;
    """),
    "AMAZON.StopIntent": _phrases("""
        stop; off; shut up; be quiet; quiet; hush; shush; quit; exit; enough; that's enough;
        that'll do; that will do; stop it; stop talking; stop now; i'm done; i'm finished; we're
        done; all done; that's all; that's all for now; goodbye; good bye; bye; bye bye; bye for
        now; see you; see you later; see ya; later; cheerio; ta ra; catch you later; good night;
        goodnight; night night; end; leave; close; turn off; switch off; shut down; end session;
        end this; close this; close the app; exit the skill; quit the skill; go away; i'm off;
        leave me alone; no more;
    """),
    "AMAZON.CancelIntent": _phrases("""
        cancel; cancel that; cancel it; cancel this; cancel everything; cancel the whole thing;
        never mind; nevermind; forget it; forget that; abort; scrap that; scratch that; ignore
        that; ignore me; ignore it; don't worry about it; don't bother; i changed my mind; i've
        changed my mind; changed my mind; undo; call it off; drop it; forget i asked; forget i
        said anything; forget i said that; not that; that's not what i wanted; wrong one;
    """),
    "AMAZON.RepeatIntent": _phrases("""
        repeat; repeat that; repeat it; repeat please; say that again; say it again; say again;
        again please; pardon; pardon me; what did you say; come again; one more time; once more; i
        didn't hear you; i didn't catch that; i missed that; i missed it; sorry what; what; huh;
        you what; what was that; tell me again; can you repeat; go over that again; run that by me
        again; read that again; i couldn't hear;
    """),
    "AMAZON.NextIntent": _phrases("""
        next; skip; skip it; skip this; skip that; skip forward; skip ahead; next one; the next
        one; next stretch; next please; move on; move along; go forward; go on; forward; onward;
        on to the next; the next thing; what's next; carry on to the next; next tip; another tip;
        the next thing; onto the next; on to the next one; next one please;
    """),
    "AMAZON.PreviousIntent": _phrases("""
        previous; go back; back; skip back; back up; previous one; the previous one; previous
        stretch; last one; the last one; the one before; the one before that; before that; rewind;
        back one; one back; take me back; let's go back;
    """),
    "AMAZON.StartOverIntent": _phrases("""
        start over; restart; start again; begin again; from the top; from the beginning; start
        from the beginning; start over again; go back to the beginning; start from scratch; all
        over again; start all over; start all over again; can we start again; start the routine
        again; do it all again;
    """),
    "AMAZON.PauseIntent": _phrases("""
        pause; pause that; pause it; pause there; pause for a second; hold on; hang on; hold it;
        wait; wait a second; wait a minute; just a minute; just a second; give me a minute; give
        me a second; one moment; one second; one sec; take a break; let me catch my breath; let me
        rest; time out; stop for a moment; freeze; hold up; hold on a sec;
    """),
    "AMAZON.ResumeIntent": _phrases("""
        resume; continue; keep going; carry on; unpause; let's continue; back to it; let's get
        back to it; where were we; pick up where i left off; where was i; i'm back; okay i'm back;
        back again; go on from there; continue where we were; get going again;
    """),
    "AMAZON.NavigateHomeIntent": _phrases("""
        go home; home; main menu; menu; the menu; go to the main menu; back to the menu; take me
        home; home screen; go to the home screen; home page; main page; start page; the start;
        back to the start page; the main options;
    """),
}
