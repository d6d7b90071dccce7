"""The plan editor's POST, as a browser sends it: read from the editor's page, changed by name."""

from html.parser import HTMLParser

from django.urls import reverse


class _EditorForm(HTMLParser):
    """The fields of the form #editor-form as a browser would post them (disabled ones left out)."""

    def __init__(self):
        super().__init__()
        self.fields: list[tuple[str, str]] = []
        self.disabled: list[tuple[str, str]] = []  # shown, not posted
        self.inside = False
        self.select = self.textarea = None
        self.selected = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.inside = a.get("id") == "editor-form"
        if not self.inside:
            return
        if "disabled" in a:
            if a.get("name") and tag == "input":
                self.disabled.append((a["name"], a.get("value") or ""))
            return
        if tag == "input" and a.get("name") and a.get("type") not in ("submit", "button"):
            if a.get("type") in ("checkbox", "radio"):
                if "checked" in a:
                    self.fields.append((a["name"], a.get("value", "on")))
            else:
                self.fields.append((a["name"], a.get("value") or ""))
        elif tag == "select" and a.get("name"):
            self.select, self.selected = a["name"], []
        elif tag == "option" and self.select:
            if "selected" in a:
                self.selected.append(a.get("value", ""))
        elif tag == "textarea" and a.get("name"):
            self.textarea = [a["name"], ""]

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select" and self.select:
            self.fields.append((self.select, self.selected[0] if self.selected else ""))
            self.select = None
        elif tag == "textarea" and self.textarea:
            self.fields.append((self.textarea[0], self.textarea[1].removeprefix("\n")))
            self.textarea = None

    def handle_data(self, data):
        if self.textarea:
            self.textarea[1] += data


def editor_fields(html: str) -> tuple[dict[str, list[str]], dict[str, str]]:
    """(the fields a browser posts, {name: value} of the disabled inputs it shows but does not post)."""
    parser = _EditorForm()
    parser.feed(html)
    fields: dict[str, list[str]] = {}
    for name, value in parser.fields:
        fields.setdefault(name, []).append(value)
    return fields, dict(parser.disabled)


class PlanEditorPage:
    """The editor of a plan opened by `client`: its posted fields, changed by name, posted back."""

    def __init__(self, client, plan):
        self.client, self.url = client, reverse("actionplan:edit", args=[plan.pk])
        self.load(client.get(self.url))

    def load(self, response):
        assert response.status_code in (200, 400), response.status_code
        self.response = response
        self.html = response.content.decode()
        self.fields, self.disabled = editor_fields(self.html)
        return self

    def indicator_prefix(self, shown_number: str) -> str:
        """The prefix of the indicator row whose number field shows `shown_number` ("[১.১.১]")."""
        shown = {name: values[0] for name, values in self.fields.items()} | self.disabled
        for name, value in shown.items():
            if "-indicators-" in name and name.endswith("-number") and value == shown_number:
                return name.removesuffix("-number")
        raise KeyError(shown_number)

    def set(self, **values):
        """set(**{"areas-0-marks": "৩০"}) or, with an indicator's number, set_indicator."""
        for name, value in values.items():
            self.fields[name] = value if isinstance(value, list) else [value]
        return self

    def set_indicator(self, shown_number: str, **values):
        prefix = self.indicator_prefix(shown_number)
        return self.set(**{f"{prefix}-{name}": value for name, value in values.items()})

    def post(self, **extra):
        return self.client.post(self.url, {**self.fields, **{k: [v] for k, v in extra.items()}})

    def save(self):
        return self.post(save="1")

    def act(self, action: str):
        """Add, remove or move a row; the page is read again from the answer."""
        return self.load(self.post(action=action))
