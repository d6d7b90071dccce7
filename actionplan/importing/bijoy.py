"""Bijoy text: Bangla typed with the Bijoy keyboard in an ASCII font (SutonnyMJ and the like). It
looks like "Kg©m¤úv`b m~PK" (কর্মসম্পাদন সূচক) and is gibberish to everyone else."""

import re

_BENGALI = re.compile("[\u0980-\u09ff]")
_LATIN = re.compile("[A-Za-z]")
# The glyphs Bijoy puts where Unicode has vowel signs and conjuncts: © (র্), ¤ ú ¨ ~ ` | and the
# Latin-1 letters (‡ ˆ Š † ‰ ô Ö …) that no English text uses in such numbers.
_BIJOY_GLYPHS = re.compile("[\u00a1-\u00ff\u0152-\u0192\u02c6-\u02dc\u2013-\u203a`~|^]")


def looks_like_bijoy(text: str) -> bool:
    """No Bengali letter, Latin letters, and at least one of Bijoy's typical glyphs."""
    if not text or _BENGALI.search(text) or not _LATIN.search(text):
        return False
    return len(_BIJOY_GLYPHS.findall(text)) >= 1
