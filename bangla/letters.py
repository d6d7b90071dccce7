"""Decision letters ক, খ, গ … in the order of the consonants, as government minutes letter them.

After the 32nd (হ) the letters go on in pairs, as spreadsheet columns do: কক, কখ, … কহ, খক ….
"""

LETTERS = tuple("কখগঘঙচছজঝঞটঠডঢণতথদধনপফবভমযরলশষসহ")


def decision_letter(index: int) -> str:
    """The letter of the decision at 0-based position `index`."""
    if index < 0:
        raise ValueError("index starts at 0")
    letters = ""
    number = index + 1
    while number:
        number, remainder = divmod(number - 1, len(LETTERS))
        letters = LETTERS[remainder] + letters
    return letters
