"""Django's own messages that our users meet, listed so that `makemessages` keeps their Bangla
in locale/bn (Django's bundled Bangla translation lacks some and words others differently).
Nothing imports this module; it exists for the message extractor."""

from django.utils.translation import gettext_noop

DJANGO_MESSAGES = [
    # django-simple-history's change types, shown in a document's history
    gettext_noop("Created"),
    gettext_noop("Changed"),
    gettext_noop("Deleted"),
    gettext_noop("This field is required."),
    gettext_noop("Select a valid choice. That choice is not one of the available choices."),
    gettext_noop("Select a valid choice. %(value)s is not one of the available choices."),
    gettext_noop(
        "Please enter a correct %(username)s and password. Note that both fields may be case-sensitive."
    ),
    gettext_noop("username"),
    gettext_noop("Password"),
    gettext_noop("Enter a valid email address."),
    gettext_noop("Enter a valid URL."),
    gettext_noop("Enter a valid date."),
    gettext_noop("Enter a valid time."),
    gettext_noop("Enter a whole number."),
    gettext_noop("Ensure this value has at most %(limit_value)d characters (it has %(show_value)d)."),
    gettext_noop("Ensure this value is greater than or equal to %(limit_value)s."),
]
