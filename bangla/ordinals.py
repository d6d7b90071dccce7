"""Ordinals: in digits (১ম, ২য়, ৩য়, ৪র্থ, ৬ষ্ঠ, ১১তম) and in words (প্রথম … ত্রিংশ)."""

from bangla.digits import to_bangla_digits

_DIGIT_SUFFIXES = {1: "ম", 2: "য়", 3: "য়", 4: "র্থ", 5: "ম", 6: "ষ্ঠ", 7: "ম", 8: "ম", 9: "ম", 10: "ম"}
WORDS = (
    "প্রথম", "দ্বিতীয়", "তৃতীয়", "চতুর্থ", "পঞ্চম", "ষষ্ঠ", "সপ্তম", "অষ্টম", "নবম", "দশম",
    "একাদশ", "দ্বাদশ", "ত্রয়োদশ", "চতুর্দশ", "পঞ্চদশ", "ষোড়শ", "সপ্তদশ", "অষ্টাদশ", "ঊনবিংশ", "বিংশ",
    "একবিংশ", "দ্বাবিংশ", "ত্রয়োবিংশ", "চতুর্বিংশ", "পঞ্চবিংশ", "ষড়বিংশ", "সপ্তবিংশ", "অষ্টাবিংশ",
    "ঊনত্রিংশ", "ত্রিংশ",
)  # fmt: skip


def ordinal_digits(number: int) -> str:
    if number < 1:
        raise ValueError("ordinals start at 1")
    return to_bangla_digits(number) + _DIGIT_SUFFIXES.get(number, "তম")


def ordinal_word(number: int) -> str:
    """In words up to ৩০ (ত্রিংশ); beyond that the digit form, as offices write it."""
    if number < 1:
        raise ValueError("ordinals start at 1")
    return WORDS[number - 1] if number <= len(WORDS) else ordinal_digits(number)
