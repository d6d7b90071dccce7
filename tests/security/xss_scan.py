"""Finding markup that can run: in the sanitiser's output, in the minutes document, in a portal page
(parsed here with Python's html.parser), in a live page (a script evaluated in Chromium), and in a
Content-Security-Policy header.

The allowed tags and attributes are written out here rather than imported from the code under
test, so that loosening the sanitiser fails these tests until someone looks again.
"""

import re
from html.parser import HTMLParser

# What sanitised rich text (a discussion, a decision) may hold (minutes/content/richtext.py). nh3 also keeps its default
# generic attributes, title and lang, on every tag: text only, they cannot run.
RICH_TEXT_TAGS = {
    "p", "br", "b", "strong", "i", "em", "u", "ul", "ol", "li",
    "table", "thead", "tbody", "tr", "th", "td", "caption",
}  # fmt: skip
RICH_TEXT_ATTRIBUTES = {"colspan", "rowspan", "title", "lang"}

# What templates/minutes/document.html writes inside <body>, and nothing else.
DOCUMENT_BODY_TAGS = {
    "article", "header", "section", "nav", "div", "p", "h1", "h2", "span", "strong", "b", "i", "em", "u",
    "br", "a", "ol", "ul", "li", "table", "caption", "thead", "tbody", "tr", "th", "td", "img",
}  # fmt: skip
DOCUMENT_BODY_ATTRIBUTES = {
    "class",
    "id",
    "lang",
    "aria-hidden",
    "href",
    "scope",
    "colspan",
    "rowspan",
    "src",
    "alt",
    "data-running-header",
}

# Never written by any portal template; where they appear, a user's text became markup.
NEVER_IN_PAGES = {
    "iframe", "frame", "frameset", "object", "embed", "applet", "svg", "math", "base", "template",
    "noscript", "xmp", "listing", "plaintext", "noembed", "noframes", "portal", "img", "image", "video",
    "audio", "source", "track", "isindex", "keygen", "marquee", "dialog", "param",
    "area", "map", "canvas", "picture", "xml", "style", "fencedframe",
}  # fmt: skip
URL_ATTRIBUTES = {
    "href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "ping", "cite",
    "codebase", "lowsrc", "dynsrc", "manifest", "icon", "longdesc", "usemap", "srcset",
}  # fmt: skip
SAFE_SCHEMES = {"http", "https", "mailto"}
# Attributes whose value is only ever shown as text: a user's words may land there, escaped.
TEXT_ATTRIBUTES = {
    "value", "content", "title", "alt", "aria-label", "placeholder", "label",
    "data-running-header",  # the document's running header, printed by CSS as text (string-set)
}  # fmt: skip
# Marks of the corpus: where one shows up in any other attribute, a user's text became markup.
MARKS = ("__xss", "evil.invalid")

_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")


def url_scheme(value: str) -> str | None:
    """The scheme a browser would read from an attribute's value (WHATWG: leading and trailing C0
    controls and spaces go, tabs and newlines anywhere go), lower case; None for a relative URL."""
    value = re.sub(r"[\t\n\r]", "", value or "").strip("".join(map(chr, range(0x21))))
    match = _SCHEME.match(value)
    return match[1].lower() if match else None


# The page's icon may be an image in a data: URL (base.html: <link rel="icon" href="data:,">).
ICON_DATA = re.compile(r"^data:(,|image/)", re.IGNORECASE)
# The one image a document writes: its QR code, <img class="qr" src="data:image/svg+xml;…">. The
# document's sanitiser keeps <img> for it and drops any other image's source, so an <img> with no
# source (from HTML stored without sanitising) is inert and allowed too.
QR_DATA = re.compile(r"^data:image/svg\+xml;")


def attribute_problems(
    tag: str, name: str, value: str | None, *, icon: bool = False, qr: bool = False
) -> list[str]:
    """Why this attribute could run code or load something, or carries a user's text where it should not."""
    name, value = name.lower(), value or ""
    where = f"<{tag} {name}={value!r}>"
    problems = []
    if name.startswith("on"):
        problems.append(f"event handler {where}")
    if name in ("srcdoc",) or name.startswith(("hx-on", "data-hx-on")):
        problems.append(f"attribute that runs code {where}")
    if (
        name in URL_ATTRIBUTES
        and not (icon and name == "href" and ICON_DATA.match(value))
        and not (qr and name == "src")
    ):
        scheme = url_scheme(value)
        if scheme is not None and scheme not in SAFE_SCHEMES:
            problems.append(f"{scheme}: URL {where}")
    # A web address (the online link) or a relative one ("java\u200bscript:…" is one) is only a link.
    is_link = name == "href" and url_scheme(value) in (*SAFE_SCHEMES, None)
    if any(mark in value for mark in MARKS) and name not in TEXT_ATTRIBUTES and not is_link:
        problems.append(f"a user's text inside the attribute {where}")
    return problems


class _Scanner(HTMLParser):
    def __init__(self, mode: str):
        super().__init__(convert_charrefs=True)
        self.mode = mode  # "fragment" (sanitised rich text: a discussion, a decision), "document" or "page"
        self.in_body = mode == "fragment"
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        tag = tag.lower()
        if tag == "body":
            self.in_body = True
        attributes = dict(attrs)
        href = attributes.get("href") or ""
        icon = tag == "link" and attributes.get("rel") == "icon" and not self.in_body
        icon = icon and bool(ICON_DATA.match(href) or href.startswith("/static/"))
        qr = tag == "img" and self.mode == "document" and self.in_body
        qr = qr and ("src" not in attributes or bool(QR_DATA.match(attributes.get("src") or "")))
        for name, value in attrs:
            self.problems += attribute_problems(tag, name, value, icon=icon, qr=qr)
        if self.mode == "fragment":
            if tag not in RICH_TEXT_TAGS:
                self.problems.append(f"<{tag}> in sanitised rich text")
            self.problems += [
                f"<{tag} {n}> in sanitised rich text" for n, _v in attrs if n not in RICH_TEXT_ATTRIBUTES
            ]
        elif self.mode == "document" and self.in_body and tag != "body":
            if tag not in DOCUMENT_BODY_TAGS:
                self.problems.append(f"<{tag}> in the document's body")
            self.problems += [
                f"<{tag} {n}> in the document's body" for n, _v in attrs if n not in DOCUMENT_BODY_ATTRIBUTES
            ]
        elif self.mode == "document" and tag not in ("html", "head", "meta", "title", "link", "body"):
            self.problems.append(f"<{tag}> in the document's head")
        if tag in NEVER_IN_PAGES and not qr:
            self.problems.append(f"<{tag}> in the page")
        if tag == "script":
            src = attributes.get("src")
            if self.mode != "page" or not (
                (src and src.startswith("/static/"))
                or (not src and attributes.get("type") == "application/json")
            ):
                self.problems.append(f"<script {attrs}> that is not one of the portal's own")
        if tag == "meta" and ("http-equiv" in attributes or self.in_body):
            self.problems.append(f"<meta {attrs}>")
        own_file = href.startswith("/static/")
        if (
            tag == "link"
            and not icon
            and (self.in_body or attributes.get("rel") != "stylesheet" or not own_file)
        ):
            self.problems.append(f"<link {attrs}> that is not one of the portal's style sheets")

    def handle_comment(self, data):
        if self.mode != "page":  # the sanitisers strip comments (Word's conditional ones included)
            self.problems.append(f"a comment <!--{data}-->")


def _scan(html: str, mode: str) -> list[str]:
    scanner = _Scanner(mode)
    scanner.feed(html)
    scanner.close()
    return scanner.problems


def fragment_problems(html: str) -> list[str]:
    """What in sanitised rich text (a discussion, a decision) is not plain formatting."""
    return _scan(html, "fragment")


def document_problems(html: str) -> list[str]:
    """What in the minutes document (HTML page, stored copy, public page) the template never writes."""
    return _scan(html, "document")


def page_problems(html: str) -> list[str]:
    """What in a portal page (editor, meeting page, lists) could run or came from a user's text."""
    return _scan(html, "page")


# -- Content-Security-Policy ------------------------------------------------------------------------
UNSAFE_SCRIPT_SOURCES = {
    "'unsafe-inline'",
    "'unsafe-eval'",
    "'unsafe-hashes'",
    "*",
    "data:",
    "blob:",
    "http:",
    "https:",
}


def parse_csp(header: str) -> dict[str, list[str]]:
    directives = {}
    for part in (header or "").split(";"):
        words = part.split()
        if words:
            directives.setdefault(words[0].lower(), [w.lower() for w in words[1:]])
    return directives


def csp_problems(header: str | None) -> list[str]:
    """Why this Content-Security-Policy would let an injected script run (or there is none)."""
    if not header:
        return ["no Content-Security-Policy header"]
    directives = parse_csp(header)
    problems = []
    scripts = directives.get("script-src", directives.get("default-src"))
    if scripts is None:
        problems.append("neither script-src nor default-src")
    for name in ("script-src", "script-src-elem", "script-src-attr", "default-src"):
        for source in directives.get(name, []):
            if source in UNSAFE_SCRIPT_SOURCES:
                problems.append(f"{name} allows {source}")
    if directives.get("object-src", directives.get("default-src")) != ["'none'"]:
        problems.append("plugins (object-src) are not 'none'")
    if "base-uri" not in directives:
        problems.append("no base-uri: an injected <base> could move every script")
    return problems


# -- in Chromium ---------------------------------------------------------------------------------------
# Defines the probe every payload calls, before any script of the page. It reports to the test
# through a Playwright binding (window.__xssReport), and CSP violations through another.
PROBE_INIT_SCRIPT = """
(() => {
  const report = (name, value) => { try { window[name](value); } catch (e) {} };
  window.__xss = function (n) { report("__xssReport", String(n)); return n; };
  document.addEventListener("securitypolicyviolation", (e) => report("__cspReport", JSON.stringify({
    directive: e.effectiveDirective || e.violatedDirective, blocked: e.blockedURI, sample: e.sample,
    source: e.sourceFile, line: e.lineNumber, page: location.href,
  })), true);
})();
"""

# Walks the whole DOM (templates' content and shadow roots too) and returns what could run.
DOM_SCAN_SCRIPT = """
({richTags, richAttributes, documentTags, documentAttributes, textAttributes, urlAttributes, marks, isDocument}) => {
  const problems = [];
  const rich = new Set(richTags), richAttrs = new Set(richAttributes);
  const docTags = new Set(documentTags), docAttrs = new Set(documentAttributes);
  const textAttrs = new Set(textAttributes), urlAttrs = new Set(urlAttributes);
  const safe = new Set(["http:", "https:", "mailto:"]);
  const never = new Set(["iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal",
    "img", "image", "video", "audio", "source", "marquee", "details", "style", "noscript", "xmp",
    "listing", "plaintext", "noembed", "template", "fencedframe"]);
  const origin = location.origin;
  let elements = 0, boxes = 0;
  const scheme = (v) => {
    const m = /^([a-zA-Z][a-zA-Z0-9+.\\-]*):/.exec(v.replace(/[\\t\\n\\r]/g, "").replace(/^[\\u0000-\\u0020]+/, ""));
    return m ? m[1].toLowerCase() + ":" : null;
  };
  const own = (value) => {  // a file of the portal's own /static/
    try { const u = new URL(value, location.href); return u.origin === origin && u.pathname.startsWith("/static/"); }
    catch (e) { return false; }
  };
  const ownFeed = (value) => {  // the portal's own Atom feed (/public/feeds/…)
    try { const u = new URL(value, location.href); return u.origin === origin && u.pathname.startsWith("/public/feeds/"); }
    catch (e) { return false; }
  };
  const describe = (el) => "<" + el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
    (el.className && typeof el.className === "string" ? "." + el.className.split(" ").join(".") : "") + ">";
  function walk(root) {
    for (const el of root.querySelectorAll("*")) {
      elements++;
      const tag = el.localName;
      const d = describe(el);
      if (el.namespaceURI !== "http://www.w3.org/1999/xhtml") problems.push("foreign (SVG/MathML) element " + d);
      const qr = tag === "img" && isDocument && (!el.hasAttribute("src") || /^data:image\\/svg\\+xml;/.test(el.getAttribute("src")));
      // The portal's own disclosure boxes, by their ids (rich text keeps no id; escaped text makes no element).
      const portalDetails = tag === "details" && !isDocument && (["delete-draft", "meeting-conventions-box"].includes(el.id) || /^report-\\d+-history$/.test(el.id));
      if (never.has(tag) && !qr && !portalDetails) problems.push("element the portal never writes " + d);
      if (tag === "script") {
        const src = el.getAttribute("src") || el.getAttribute("href") || el.getAttribute("xlink:href");
        const data = !src && el.namespaceURI === "http://www.w3.org/1999/xhtml" && el.getAttribute("type") === "application/json";
        if (!((src && own(src)) || data)) problems.push("script that is not the portal's own " + d + " " + (src || (el.textContent || "").slice(0, 80)));
      }
      if (tag === "meta" && el.hasAttribute("http-equiv")) problems.push("meta http-equiv " + d);
      const href = el.getAttribute("href") || "";
      const icon = tag === "link" && el.getAttribute("rel") === "icon" && (own(href) || /^data:(,|image\\/)/i.test(href));
      // The public pages' feed links: <link rel="alternate" type="application/atom+xml" href="/public/feeds/…">.
      const feed = tag === "link" && el.getAttribute("rel") === "alternate" && ownFeed(href) && !el.closest("body");
      if (tag === "link" && !icon && !feed && !(el.getAttribute("rel") === "stylesheet" && own(href))) {
        problems.push("link " + d + " " + el.getAttribute("href"));
      }
      for (const a of Array.from(el.attributes)) {
        const name = a.name.toLowerCase(), value = a.value;
        if (name.startsWith("on")) problems.push("event handler " + d + " " + name + "=" + value);
        if (name === "srcdoc" || name.startsWith("hx-on") || name.startsWith("data-hx-on")) problems.push("runs code " + d + " " + name);
        const s = scheme(value);
        if ((urlAttrs.has(name) || name === "xlink:href") && s && !safe.has(s) && !(icon && name === "href") && !(qr && name === "src")) problems.push(s + " URL " + d + " " + name + "=" + value);
        if (marks.some((m) => value.includes(m)) && !textAttrs.has(name) && !(name === "href" && (s === null || safe.has(s)))) {
          problems.push("a user's text inside an attribute " + d + " " + name + "=" + value);
        }
      }
      // The public website's frame around a stored document (templates/website/_document_*.html) is the
      // portal's own page, checked as pages are; the document inside it is checked as documents are.
      if (isDocument && el.closest("body") && el !== document.body && !el.closest("[data-public-frame]")) {
        if (!docTags.has(tag)) problems.push("element the document template never writes " + d);
        for (const a of Array.from(el.attributes)) if (!docAttrs.has(a.name)) problems.push("attribute the document never writes " + d + " " + a.name);
      }
      if (el.classList && el.classList.contains("rich-text-box")) {
        boxes++;
        for (const inner of el.querySelectorAll("*")) {
          if (!rich.has(inner.localName)) problems.push("in a rich-text box: " + describe(inner));
          for (const a of Array.from(inner.attributes)) if (!richAttrs.has(a.name)) problems.push("in a rich-text box: " + describe(inner) + " " + a.name);
        }
      }
      if (tag === "template") walk(el.content);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  }
  walk(document);
  return {problems, elements, boxes, url: location.href};
}
"""


def dom_scan_arguments(*, is_document: bool) -> dict:
    return {
        "richTags": sorted(RICH_TEXT_TAGS),
        "richAttributes": sorted(RICH_TEXT_ATTRIBUTES),
        "documentTags": sorted(DOCUMENT_BODY_TAGS),
        "documentAttributes": sorted(DOCUMENT_BODY_ATTRIBUTES),
        "textAttributes": sorted(TEXT_ATTRIBUTES),
        "urlAttributes": sorted(URL_ATTRIBUTES),
        "marks": list(MARKS),
        "isDocument": is_document,
    }


# -- PDF ---------------------------------------------------------------------------------------------
PDF_ACTIVE_KEYS = {"/JS", "/JavaScript", "/Launch", "/OpenAction", "/AA", "/SubmitForm", "/ImportData",
                   "/RichMedia", "/EmbeddedFile", "/EmbeddedFiles", "/XFA", "/AcroForm"}  # fmt: skip


def pdf_problems(data: bytes) -> list[str]:
    """Anything in a PDF that could run or open something: scripts, actions, forms, embedded files,
    and links to anything but http(s) and mail addresses."""
    import io

    from pypdf import PdfReader
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

    if not data.startswith(b"%PDF-"):
        return ["not a PDF"]
    reader = PdfReader(io.BytesIO(data))
    problems, seen = [], set()

    def walk(obj, path):
        if isinstance(obj, IndirectObject):
            if obj.idnum in seen:
                return
            seen.add(obj.idnum)
            obj = obj.get_object()
        if isinstance(obj, DictionaryObject):
            for key, value in obj.items():
                if key in PDF_ACTIVE_KEYS:
                    problems.append(f"{key} at {path}")
                if key == "/URI":
                    uri = str(value.get_object())
                    if url_scheme(uri) not in SAFE_SCHEMES:
                        problems.append(f"link to {uri!r} at {path}")
                if key not in ("/Parent", "/P"):
                    walk(value, f"{path}{key}")
        elif isinstance(obj, ArrayObject):
            for i, value in enumerate(obj):
                walk(value, f"{path}[{i}]")

    walk(reader.trailer, "trailer")
    return problems
