"""Accessibility fixes Streamlit 1.67 offers no option for, injected once per run (WCAG 2.1 AA, issue 12).

- Contrast: captions (st.caption) are drawn at 60 % opacity (#828180 on white, 3,88:1) and the keyboard hint on
  a primary button (the SQL console's Ctrl + Enter) in light blue on our blue (2,86:1); the [theme] section has
  no colour for either, so a small style sheet sets colours of at least 4,5:1.
- Focus: links, buttons, tabs, form fields and grid tables (their canvas) show a clear outline when reached with
  the keyboard (2.4.7).
- Reflow (1.4.10): on a phone a static table (st.table) fits the column and wraps instead of scrolling sideways;
  a box that still scrolls sideways (the organisation matrix) takes keyboard focus so it can be scrolled (2.1.1).
- One download path: the chart and table toolbars (Show data, Download as PNG, Fullscreen, table search and
  CSV download) are English-only and duplicate the app's own downloads, so they are hidden.
- Language of the page (3.1.1): Streamlit always renders <html lang="en">; a one-line script sets the
  document's lang to the interface language.
- Language of parts (3.1.2) and one language at a time: Streamlit writes its own texts in English (the file
  uploader's button, size line and messages, widget hints, placeholders, the labels screen readers hear). A small
  script watches the page (MutationObserver) and writes those texts in the interface language, from the
  catalogue (dashboard/core/strings/streamlit_ui.py); after a language switch it writes them again from
  Streamlit's original text.
"""

from __future__ import annotations

import json

import streamlit as st

from dashboard.core.i18n import t

# #595959 on white is 7,0:1 and on the sidebar grey (#f0f2f6) 6,3:1.
CAPTION_COLOR = "#595959"
# the focus outline: the Okabe-Ito blue of primaryColor, 5,2:1 against white (non-text contrast needs 3:1).
FOCUS_COLOR = "#0072B2"
# below this window width (px) tables wrap to the column; the indicator charts switch to a narrow label column at
# the same width (dashboard.core.charts.indicators.NARROW_WINDOW)
NARROW_WINDOW = 600

STYLE = f"""<style>
/* prefixed with stApp so these rules outrank Streamlit's single-class emotion rules */
[data-testid="stApp"] [data-testid="stCaptionContainer"] {{ opacity: 1; color: {CAPTION_COLOR}; }}
[data-testid="stApp"] [data-testid="stCaptionContainer"] p {{ color: {CAPTION_COLOR}; }}
[data-testid="stApp"] button kbd {{ color: #ffffff; opacity: 1; }}
[data-testid="stApp"] :is(a, button, summary, [role="tab"], [role="option"], input, textarea):focus-visible {{
  outline: 3px solid {FOCUS_COLOR}; outline-offset: 2px;
}}
/* the scrollable main area takes focus on Tab too; its outline is drawn inside so the window edge cannot hide it */
[data-testid="stApp"] main:focus-visible {{ outline: 3px solid {FOCUS_COLOR}; outline-offset: -3px; }}
[data-testid="stApp"] [data-lt-scroll]:focus-visible {{ outline: 3px solid {FOCUS_COLOR}; outline-offset: -3px; }}
/* a grid table (st.dataframe) takes the focus on its canvas; without a chosen cell it drew no mark at all */
[data-testid="stApp"] [data-testid="stDataFrame"] canvas:focus-visible {{
  outline: 3px solid {FOCUS_COLOR}; outline-offset: -3px;
}}
[data-testid="stApp"] [data-testid="stElementToolbar"] {{ display: none; }}
/* a phone: a static table fits the column and wraps its words instead of scrolling sideways (1.4.10 Reflow) */
@media (max-width: {NARROW_WINDOW}px) {{
  [data-testid="stApp"] [data-testid="stTable"] table {{ width: 100%; }}
  [data-testid="stApp"] [data-testid="stTable"] :is(th, td) {{ padding-left: 0.3rem; padding-right: 0.3rem; }}
  /* words may break anywhere, so the columns share the width by how much text they hold */
  [data-testid="stApp"] [data-testid="stTable"] :is(th, td, th *, td *) {{ overflow-wrap: anywhere; hyphens: auto; }}
  /* a cell's text box would otherwise scroll by a rounding pixel */
  [data-testid="stApp"] [data-testid="stTable"] [data-testid="stMarkdownContainer"] {{ overflow: visible; }}
}}
</style>"""

LANGUAGES = ("nl", "en")


def lang_script(lang: str) -> str:
    """A script that sets <html lang> to the interface language (only 'nl' or 'en' ever reach the page)."""
    code = lang if lang in LANGUAGES else "nl"
    return f'<script>document.documentElement.lang = "{code}";</script>'


# Streamlit's English texts: (where, the text as a regular expression, catalogue key, names of the groups kept).
# "text" rewrites text nodes, "attr" the attributes below, "both" either; single words that could be data (Open,
# Help) are rewritten in attributes only. Sizes: Streamlit writes "1MB" or "1.0MB"; the app writes "1 MB".
SIZE = r"(\d+)(?:\.0+)?\s?([KMG]?B)"
STREAMLIT_TEXTS: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("both", r"Upload", "stui_upload", ()),
    ("both", r"Upload directories", "stui_upload_dirs", ()),
    ("both", r"Add files", "stui_add_files", ()),
    ("both", r"Drag and drop a file here", "stui_drop_one", ()),
    ("both", r"Drag and drop files here", "stui_drop_many", ()),
    ("both", r"Drag and drop directories here", "stui_drop_dirs", ()),
    ("both", SIZE + r" per file", "stui_per_file", ("size", "unit")),
    ("attr", r"file upload", "stui_file_input", ()),
    ("text", r"(\d+)\.(\d)([KMG]?B)", "stui_file_size", ("whole", "part", "unit")),
    ("attr", r"(.+), (\d+)\.(\d)([KMG]?B)", "stui_file_entry", ("label", "whole", "part", "unit")),
    ("text", r"add icon", "stui_add_icon", ()),
    ("text", r"Error:", "stui_error", ()),
    ("both", r"File must be " + SIZE + r" or smaller\.", "stui_too_large", ("size", "unit")),
    ("both", r"This type of files are not allowed\.", "stui_type_refused_unknown", ()),
    ("both", r"(\S+) files are not allowed\.", "stui_type_refused", ("kind",)),
    ("both", r"File size is too small\.", "stui_too_small", ()),
    ("both", r"Only one file is allowed\.", "stui_only_one", ()),
    ("both", r"Unexpected error\. Please try again\.", "stui_unexpected", ()),
    ("both", r"Upload failed", "stui_upload_failed", ()),
    ("both", r"Click to retry upload", "stui_retry", ()),
    ("both", r"Error uploading file", "stui_upload_error", ()),
    ("both", r"Error deleting file", "stui_delete_error", ()),
    ("attr", r"Remove (.+)", "stui_remove", ("label",)),
    ("attr", r"Cancel upload of (.+)", "stui_cancel_upload", ("label",)),
    ("both", r"Press Enter to apply", "stui_enter_apply", ()),
    ("both", r"Press Enter to submit form", "stui_enter_submit", ()),
    ("both", r"Press (Ctrl|⌘)\+Enter to apply", "stui_keys_apply", ("keys",)),
    ("both", r"No results", "stui_no_results", ()),
    ("both", r"You can only select up to (\d+) options\. Remove an option first\.", "stui_max_options", ("n",)),
    ("both", r"You can only select up to (\d+) option\. Remove an option first\.", "stui_max_option", ("n",)),
    ("both", r"Choose an option", "stui_choose_option", ()),
    ("both", r"Choose options", "stui_choose_options", ()),
    ("attr", r"Clear all", "stui_clear_all", ()),
    ("attr", r"Clear value", "stui_clear_value", ()),
    ("attr", r"Selected values", "stui_selected_values", ()),
    ("both", r"Select all", "stui_select_all", ()),
    ("attr", r"Open", "stui_open", ()),
    ("attr", r"Help for (.+)", "stui_help_for", ("label",)),
    ("attr", r"Help", "stui_help", ()),
    ("attr", r"Shortcut (.+)", "stui_shortcut", ("keys",)),
    ("attr", r"Link to heading", "stui_link_heading", ()),
    ("attr", r"Copy to clipboard", "stui_copy", ()),
    ("attr", r"Scroll tabs left", "stui_tabs_left", ()),
    ("attr", r"Scroll tabs right", "stui_tabs_right", ()),
    ("attr", r"Sidebar", "stui_sidebar", ()),
    ("attr", r"Collapse sidebar", "stui_sidebar_collapse", ()),
    ("attr", r"Expand sidebar", "stui_sidebar_expand", ()),
    ("attr", r"App pages", "stui_app_pages", ()),
    ("both", r"View (\d+) more", "stui_view_more", ("n",)),
    ("both", r"View less", "stui_view_less", ()),
    ("attr", r"Title text '(.*)'", "stui_chart_title", ("label",)),
    ("attr", r"visualization", "stui_role_visualization", ()),
    ("attr", r"title", "stui_role_title", ()),
    ("attr", r"group mark container", "stui_role_group", ()),
)
TEXT_ATTRS = ("aria-label", "placeholder", "title", "aria-roledescription")
# boxes that may scroll sideways on a phone: they get tabindex=0 while they do (2.1.1; axe scrollable-region-focusable)
SCROLLERS = '[data-testid="stVegaLiteChart"], [data-testid="stTable"] > div'

# The observer is installed once per browser tab (window.__ltStreamlitText); every run hands it the rules of the
# current language. It remembers Streamlit's original of every text it rewrote, so a language switch rewrites
# from the original, and it takes a text React writes again as the new original.
_TEXT_SCRIPT = r"""<script>(() => {
const cfg = __CFG__;
const rules = cfg.rules.map(([where, source, target]) => [where, new RegExp("^" + source + "$"), target]);
let s = window.__ltStreamlitText;
if (!s) {
  s = window.__ltStreamlitText = {rules: [], attrs: cfg.attrs, texts: new WeakMap(), marks: new WeakMap(),
                                  tracked: new Set()};
  // a widget label is markdown, escaped where it holds data; Streamlit puts the escaped text in aria-label
  const escaped = /\\([\\`*_{}\[\]()#+\-.!|~<>$%&=:])/g;
  const unescape = (value, name) => (name === "aria-label" ? value.replace(escaped, "$1") : value);
  const rewrite = (value, kind, name) => {
    const plain = unescape(value, name);
    const core = plain.trim();
    if (!core || core.length > 200) return plain === value ? null : plain;
    for (const [where, re, target] of s.rules) {
      if ((where === "both" || where === kind) && re.test(core)) {
        return plain.replace(core, () => core.replace(re, target));
      }
    }
    return plain === value ? null : plain;
  };
  const fix = (record, current, kind, name) => {
    if (record.shown !== current) { record.original = current; }
    const out = rewrite(record.original, kind, name);
    record.shown = out === null ? record.original : out;
    return record.shown;
  };
  s.text = (node) => {
    let record = s.texts.get(node);
    if (!record) {
      if (rewrite(node.nodeValue, "text") === null) return;
      record = {original: node.nodeValue, shown: node.nodeValue};
      s.texts.set(node, record); s.tracked.add(node);
    }
    const shown = fix(record, node.nodeValue, "text");
    if (node.nodeValue !== shown) node.nodeValue = shown;
  };
  s.attr = (el, name) => {
    const value = el.getAttribute(name);
    if (value === null) return;
    let marks = s.marks.get(el);
    let record = marks && marks[name];
    if (!record) {
      if (rewrite(value, "attr", name) === null) return;
      record = {original: value, shown: value};
      if (!marks) { marks = {}; s.marks.set(el, marks); s.tracked.add(el); }
      marks[name] = record;
    }
    const shown = fix(record, value, "attr", name);
    if (value !== shown) el.setAttribute(name, shown);
  };
  s.scan = (root) => {
    if (root.nodeType === Node.TEXT_NODE) { s.text(root); return; }
    if (root.nodeType !== Node.ELEMENT_NODE) return;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) s.text(walker.currentNode);
    const selector = s.attrs.map((a) => "[" + a + "]").join(",");
    for (const el of [root, ...root.querySelectorAll(selector)]) for (const a of s.attrs) s.attr(el, a);
  };
  // a box that scrolls sideways (a wide chart or table on a phone) can be reached and scrolled with the keyboard
  let pending = false;
  s.scrollers = () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      for (const el of document.querySelectorAll(cfg.scrollers)) {
        const wide = el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== "visible";
        if (wide && !el.hasAttribute("tabindex")) { el.setAttribute("tabindex", "0"); el.dataset.ltScroll = "1"; }
        if (!wide && el.dataset.ltScroll) { el.removeAttribute("tabindex"); delete el.dataset.ltScroll; }
      }
    });
  };
  window.addEventListener("resize", s.scrollers);
  new MutationObserver((changes) => {
    for (const c of changes) {
      if (c.type === "characterData") s.text(c.target);
      else if (c.type === "attributes") s.attr(c.target, c.attributeName);
      else c.addedNodes.forEach(s.scan);
    }
    s.scrollers();
  }).observe(document.body, {subtree: true, childList: true, characterData: true, attributes: true,
                             attributeFilter: cfg.attrs});
}
s.rules = rules;
for (const node of [...s.tracked]) {
  if (!node.isConnected) { s.tracked.delete(node); continue; }
  if (node.nodeType === Node.TEXT_NODE) s.text(node); else for (const a of s.attrs) s.attr(node, a);
}
s.scan(document.body);
s.scrollers();
})();</script>"""


def streamlit_text_rules(lang: str) -> list[tuple[str, str, str]]:
    """(where, regular expression, replacement) for the page script: the replacement is the catalogue text with
    each kept part as a JavaScript group reference ($1, $2 ...)."""
    out = []
    for where, source, key, groups in STREAMLIT_TEXTS:
        target = t(key, lang, **{name: f"${i}" for i, name in enumerate(groups, start=1)})
        out.append((where, source, target))
    return out


def streamlit_text_script(lang: str) -> str:
    """The script that writes Streamlit's own texts in the interface language (safe inside <script>)."""
    code = lang if lang in LANGUAGES else "nl"
    cfg = {"rules": streamlit_text_rules(code), "attrs": list(TEXT_ATTRS), "scrollers": SCROLLERS}
    data = json.dumps(cfg, ensure_ascii=False).replace("<", "\\u003c")
    return _TEXT_SCRIPT.replace("__CFG__", data)


def apply(lang: str) -> None:
    """Inject the style sheet and the language scripts (call once per run, after the language is known)."""
    st.html(STYLE)
    st.html(lang_script(lang), unsafe_allow_javascript=True)
    st.html(streamlit_text_script(lang), unsafe_allow_javascript=True)
