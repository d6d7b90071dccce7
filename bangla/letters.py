"""Decision letters ক) খ) গ) …: the 32 consonants in alphabet order, as domain.md lists them.

ঙ, ঞ and ণ are kept, as domain.md lists them (some offices skip ঙ and ঞ); ড় ঢ় য় ৎ
and the signs ং ঃ ঁ are not used. After the 32nd (হ) the letters go on in pairs, as spreadsheet
columns do: কক, কখ, … কহ, খক ….
"""

LETTERS = tuple("কখগঘঙচছজঝঞটঠডঢণতথদধনপফবভমযরলশষসহ")


def decision_letter(index: int) -> str:
    """The letter of the decision at 0-based position `index`: 0 -> ক, 31 -> হ, 32 -> কক."""
    if index < 0:
        raise ValueError("index starts at 0")
    letters = ""
    number = index + 1
    while number:
        number, remainder = divmod(number - 1, len(LETTERS))
        letters = LETTERS[remainder] + letters
    return letters
