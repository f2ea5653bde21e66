"""Which names of a sentence are people: by what the sentence says of them (X told reporters,
X, our chief financial officer, we thanked X).

Pure text in, answer out. A word of a person's name that is also an ordinary word (Dad of Dad
Cobb, Sterling) cannot be left out or translated, but the ordinary word of a place's or firm's
name often is (Fort Nelson 纳尔逊堡, Miami Herald 邁阿密先驅報): so the checks want to know a
person. A personal title says so (Mr. Sterling); so does what the sentence says of the name:
people are welcomed and hired, hold roles, tell and answer. Verbs a firm or a paper does as
well (said, wrote, was thanked) are no cue.
"""

from __future__ import annotations

import re

from align.names.extract import Entity

# Roles a name is put beside in apposition: "X, our chief financial officer," "X, CEO of".
_ROLE = (
    r"(?:chief|ceo|cfo|coo|cto|cio|president|vice\s+president|vp|chair|chairman|chairwoman"
    r"|founder|co-founder|director|head|analyst|professor|partner|spokesperson|spokesman"
    r"|spokeswoman|senior|executive|managing\s+director|general\s+manager|colleague)"
)
# What a person does right after the name: verbs of speaking in person and of being a person.
# Not "said", "noted", "wrote", "according to", "thanked" or ", who": firms and papers say,
# write, are thanked and are "who" in speech too (Miami Herald said → 邁阿密先驅報表示 is a
# whole name; Major League Baseball, who presented).
_AFTER = re.compile(
    rf"^(?:['’]s\s+)?(?:,\s+(?:(?:the|our|its|their|his|her|a|an)\s+)?(?:[\w-]+\s+){{0,2}}?{_ROLE}\b"
    r"|\s+(?:told|tells|asked|asks|explained|explains|replied|answered|recalled|argued"
    r"|testified|spoke|smiled|laughed|joined)\b)",
    re.IGNORECASE,
)
# What is done to a person, or who they are, right before the name.
_BEFORE = re.compile(
    r"\b(?:welcomed?|welcoming|congratulated?|congratulating|met(?:\s+with)?"
    r"|meet(?:\s+with)?|hired|appointed|interviewed"
    rf"|{_ROLE}(?:\s+officer)?)\s+$",
    re.IGNORECASE,
)


def is_person(text: str, entity: Entity) -> bool:
    """``entity`` of ``text`` is a person: titled, or the sentence has it hold a role, be
    welcomed or hired, or tell and answer."""
    if entity.titled:
        return True
    before = text[max(0, entity.span.start - 40) : entity.span.start]
    return bool(_BEFORE.search(before) or _AFTER.match(text[entity.span.end :]))
