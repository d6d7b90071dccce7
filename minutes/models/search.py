"""The public search's index: one row per published meeting (minutes/search.py writes it, the
website's search reads it), and the words it holds (for finding a word inside longer words).

The text is kept normalised (bangla.search.search_text: NFC, no ZWJ/ZWNJ, ASCII digits) in three
parts, weighted for relevance: the title (A), the people and the office (B), the body (D). On
PostgreSQL `vector` holds their tsvector ('simple' configuration: there is no Bangla one), written
with the row; GIN indexes serve the searches (migration 0011_search creates them, on PostgreSQL only).
"""

from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import models
from django.db.models import F, Func, TextField, Value
from django.utils.translation import gettext_lazy as _

from minutes.models.meeting import Meeting
from offices.models import Office


def untagged(text):
    """PostgreSQL's parser takes "<…>" for an HTML tag and skips it, and what follows "<script>"
    with it: the text's "<" and ">" (typed as text: the markup is gone) are read as spaces."""
    return Func(text, Value("<>"), Value("  "), function="translate", output_field=TextField())


# The document vector, from the row's own columns (written by minutes/search.py).
VECTOR = (
    SearchVector(untagged(F("title")), weight="A", config="simple")
    + SearchVector(untagged(F("people")), weight="B", config="simple")
    + SearchVector(untagged(F("body")), weight="D", config="simple")
)


class SearchEntry(models.Model):
    meeting = models.OneToOneField(
        Meeting, primary_key=True, on_delete=models.CASCADE, related_name="search_entry"
    )
    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="+")
    fiscal_year = models.PositiveSmallIntegerField(_("fiscal year"))
    issue_date = models.DateField(_("issue date"))
    memo = models.CharField(_("memo number"), max_length=100, blank=True, help_text=_("ASCII digits."))
    title = models.TextField(_("title"))
    people = models.TextField(_("people and office"), blank=True)
    body = models.TextField(_("text"), blank=True)
    vector = SearchVectorField(null=True, editable=False)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        indexes = [
            # On PostgreSQL also GIN (vector) "search_entry_vector", created by migration 0011_search
            # only there (SQLite has no GIN, and would fail to rebuild the table with it in Meta).
            # website/search.py: newest first (many matches), and a memo number's prefix.
            models.Index(fields=["-issue_date", "-meeting"], name="search_entry_newest"),
            models.Index(fields=["memo"], name="search_entry_memo", opclasses=["varchar_pattern_ops"]),
            models.Index(fields=["office", "-issue_date"], name="search_entry_office"),
            models.Index(fields=["fiscal_year"], name="search_entry_fiscal_year"),
        ]

    def __str__(self):
        return self.title

    @property
    def text(self) -> str:
        """The whole text, for the passages shown with a result."""
        return "\n".join(part for part in (self.title, self.people, self.body) if part)


class SearchWord(models.Model):
    """A word of the published minutes (three letters or more), for finding what is typed inside
    longer words ("সচিব" in "উপসচিব") and for near spellings, with pg_trgm on PostgreSQL.
    Words are only added: one left by withdrawn minutes finds nothing."""

    word = models.TextField(primary_key=True)

    class Meta:
        verbose_name = _("search word")
        verbose_name_plural = _("search words")
        # On PostgreSQL, GIN (word gin_trgm_ops) "search_word_trigram" serves LIKE '%…%' and similarity
        # (%) over the words in website/search.py; migration 0011_search creates it there only.

    def __str__(self):
        return self.word
