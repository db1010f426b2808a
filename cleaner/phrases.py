"""Generic phrase tables, grouped by concept, each entry with the reason it is there.

These are the deny-lists the pattern cleaners share; each cleaner pairs its deny-list with an
allow-list so that body sentences that merely mention a word ("Read more about...", a quoted
"Published") survive. Site-specific phrases belong in site rule files, not here.
"""
from __future__ import annotations

import re

# --- UI controls: a whole line that is one control's label (compared lower-cased, bullets stripped).
UI_CONTROL_LABELS = frozenset({
    # theme and display toggles
    "theme", "light", "dark", "dark mode", "light mode", "auto", "system", "font", "font size",
    "text size", "a+", "a-", "a", "aa", "a a", "a a a", "increase font", "decrease font", "reset",
    # language switchers
    "language", "english", "français", "español", "deutsch", "العربية", "عربي", "中文", "русский",
    # page chrome
    "menu", "open menu", "close menu", "close", "search", "toggle navigation", "skip to content",
    "skip to main content", "skip to navigation", "back to top", "scroll to top", "print", "share",
    "share this", "share this article", "share on facebook", "share on twitter", "email", "tweet",
    "comments", "comment", "copy link", "link copied", "listen", "listen to this article",
    "bookmark", "save", "more", "loading", "loading...", "advertisement", "advertisements", "ad",
    "sponsored", "sign in", "log in", "login", "register", "subscribe", "sign up", "home",
})
# A line with no letter or digit at all: dot lines, lone bullets, separators.
NO_WORD_CHARS = re.compile(r"^[\W_]+$")

# --- "Read more" markers: short lines that announce a list of links to other pages.
RELATED_MARKERS = re.compile(
    r"^(?:read more|read next|read also|also read|see also|more from [\w .'&-]{1,30}|related"
    r"|related (?:stories|articles|posts|content|coverage|news|topics|links|reading)"
    r"|recommended(?: for you| stories| reading)?|you (?:may|might) also (?:like|enjoy)"
    r"|more (?:stories|news|articles|to read|on this|like this)|what to read next"
    r"|don'?t miss|further reading)\s*[:»›>.]*$", re.I)
# Rails: headed boxes of teasers that, when nothing but teasers follows, run to the page's end.
RAIL_MARKERS = re.compile(
    r"^(?:editor'?s'? (?:choice|picks?)|top (?:content|stories|news)|before you go|explore more"
    r"|trending(?: now| stories)?|most (?:read|popular|viewed|shared)|popular(?: posts| stories)?"
    r"|latest (?:news|stories|articles|posts)|in case you missed it|more in [\w .'&-]{1,30}"
    r"|around the web|from around the web|you may have missed|recent posts)\s*[:»›>.]*$", re.I)
# The first words of RELATED_MARKERS' and RAIL_MARKERS' alternatives, whole (the cue takes them
# as words, so "Instagram" does not open with "in": "dont" and "editors" are there for "dont miss"
# and "editors choice"): other lines skip both.
MARKER_OPENINGS = ("read", "also", "see", "more", "related", "recommended", "you", "what", "don", "dont",
                   "further", "editor", "editors", "top", "before", "explore", "trending", "most", "popular",
                   "latest", "in", "around", "from", "recent")
# An inline teaser: the marker and the linked headline on one line ("Read more: Headline").
INLINE_TEASER = re.compile(r"^(?:read more|read next|also read|see also|related|more)\s*[:»›|-]\s*\S", re.I)
# What INLINE_TEASER's lines open with.
INLINE_TEASER_OPENINGS = ("read more", "read next", "also read", "see also", "related", "more")

# --- Promos: calls to follow, subscribe, install, or accept cookies.
# Matched at the start of a line (after any bullet): promos open with their call to action.
PROMO = re.compile(
    r"^[\W_]{0,3}(?:follow (?:us|our|@|[\w.]+ on\b)|for the latest (?:headlines|news|updates)"
    r"|get the latest (?:stories|news|headlines|updates)|(?:get|read|find) [\w ]{0,30}on google news\b"
    r"|(?:sign up|subscribe|register) (?:for|to|now)\b[\w ]{0,30}(?:newsletter|channel|podcast|alerts|updates)"
    r"|join (?:our|us on) (?:newsletter|mailing list|telegram|whatsapp|community)"
    r"|(?:download|get|install) (?:our|the) [\w ]{0,20}app\b|available on the (?:app store|google play)"
    r"|we use cookies|this (?:site|website) uses cookies|(?:i )?accept (?:all )?cookies|cookie (?:policy|settings)"
    r"|by continuing to (?:use|browse)|click here to (?:subscribe|sign up)"
    r"|support (?:our|independent) journalism|never miss a (?:story|thing)|enable push notifications)",
    re.I)
# A promo is a short line; a long sentence that mentions a newsletter is body.
PROMO_MAX_WORDS = 30
# Every PROMO alternative opens with one of these (after its bullets): other lines skip it.
PROMO_OPENINGS = ("follow ", "for the latest ", "get ", "read ", "find ", "sign up ", "subscribe ",
                  "register ", "join ", "download ", "install ", "available on the ", "we use cookies",
                  "this site ", "this website ", "i accept ", "accept ", "cookie ", "by continuing to ",
                  "click here to ", "support ", "never miss a ", "enable push notifications")

# --- Bylines and date lines.
DATE_LINE = re.compile(
    r"^(?:published|updated|posted|last updated|first published|modified|date)(?: on| at)?\s*:?"
    r"(?:\s*(?:published|updated)\s*:?)*\s*[\w ,.:/+-]{0,40}$", re.I)
BYLINE = re.compile(r"^(?:by|written by|words by|reporting by|author|authors|posted by)\s*:?\s+"
                    r"[A-Z\u00C0-\u024F][\w.'\u00C0-\u024F-]*(?:\s+[\w.'\u00C0-\u024F-]+){0,5}"
                    r"(?:\s*(?:,|and|&)\s*[\w.'\u00C0-\u024F -]{2,40})?$", re.I)
AUTHOR_BOX = re.compile(r"^(?:author|about the author|written by)\s*:\s*(?P<name>.{3,60})$", re.I)
ABOUT_AUTHOR = re.compile(r"^about the (?:author|writer|contributor)s?\s*:?$", re.I)
# The first words each metadata pattern's alternatives open with (a digit opens READING_TIME_LINE's
# other alternative): a metadata line opening with none of a pattern's skips it. Kept by hand
# beside the patterns; tests/test_accel.py checks that every alternative is covered.
AUTHOR_BOX_OPENINGS = ("about", "author", "written")
ABOUT_AUTHOR_OPENINGS = ("about",)
DATE_LINE_OPENINGS = ("date", "first", "last", "modified", "posted", "published", "updated")
READING_TIME_OPENINGS = ("read",)
BYLINE_OPENINGS = ("author", "by", "posted", "reporting", "words", "written")
# Metadata lines open with one of these words; other lines skip the metadata patterns.
METADATA_FIRST_WORDS = frozenset({
    "published", "updated", "posted", "last", "first", "modified", "date", "by", "written", "words",
    "reporting", "author", "authors", "about", "reading", "read",
})
# Wire agencies that appear alone on a line as a credit.
AGENCIES = frozenset({
    "afp", "ap", "reuters", "associated press", "the associated press", "upi", "dpa", "efe", "ansa",
    "xinhua", "bloomberg", "pa", "pa media", "aap", "cnn", "bbc", "ians", "pti", "ani", "tass",
    "yonhap", "kyodo", "anadolu", "wafa", "sputnik", "staff", "agencies", "wire services",
})
# Reading-time and timestamp fragments glued to the first words of a sentence.
GLUED_FRAGMENT = re.compile(
    r"^(?:\d{1,3}\s*(?:min(?:ute)?s?|hours?|hrs?)(?:\s+(?:read|ago))?\s*[.:|·•-]\s*"
    r"|(?:reading time|read time)\s*:?\s*\d{1,3}\s*min(?:ute)?s?\s*[.:|·•-]?\s*)(?=[A-Z\"“‘'])",
    re.I)
READING_TIME_LINE = re.compile(r"^(?:\d{1,3}\s*(?:min(?:ute)?s?|m)\.?\s*(?:read|reading time)?"
                               r"|(?:reading|read) time\s*:?\s*\d{1,3}\s*min(?:ute)?s?)$", re.I)

# --- Captions and photo credits.
# A credit ending a caption: "Name/Getty Images", "File Photo by KCNA/UPI |", "(AFP)". Each form
# is matched from its own anchor (the last "/", "(", or photo word) so long lines cost little.
CREDIT_TAIL_CHARS = 120
PHOTO_WORDS = ("photo", "image", "picture", "illustration")
PHOTO_BY = re.compile(r"(?:photo|image|picture|illustration)s?\s*(?:by|credit:?|courtesy(?: of)?|:)\s*"
                      r"[^.]{1,80}$", re.I)
AGENCY_AFTER_SLASH = re.compile(
    r"\s*(?:getty images|afp|reuters|ap|epa|upi|shutterstock|istock|ap photo|alamy|xinhua|efe|anadolu"
    r"|sipa|zuma|bloomberg|kcna|pool|handout|file)\b[\w /.-]{0,30}\|?$", re.I)
PAREN_CREDIT = re.compile(
    r"\((?:photo:?\s*)?(?:afp|reuters|ap|epa|getty images?|file|supplied|handout|xinhua|ap photo)"
    r"(?:\s*(?:photo|/[\w ]{1,30}))?\)$", re.I)
# What PAREN_CREDIT's bracket opens with.
PAREN_CREDIT_OPENINGS = ("photo", "afp", "reuters", "ap", "epa", "getty", "file", "supplied", "handout", "xinhua")
# A whole line that is only a credit or a photo control; only lines that start like one (or hold a
# "/" or start with a digit) are matched against CREDIT_LINE.
CREDIT_LINE_PREFIXES = frozenset({"lice", "view", "enla", "expa", "open", "phot", "imag", "pict",
                                  "cred", "gett", "shut", "isto"})
# A whole line that is only a credit or a photo control.
CREDIT_LINE = re.compile(
    r"^(?:license photo|view (?:photo|image|gallery)|enlarge (?:photo|image)|expand|open gallery"
    r"|(?:photo|image|picture)s?\s*(?:credit|source|courtesy)?\s*:\s*.{1,60}"
    r"|(?:image |photo )?credits?\s*:\s*.{1,60}|(?:getty images|shutterstock|istock)(?: ?/ ?[\w .]{1,30})?"
    r"|[\w. -]{2,40}\s*(?://|/)\s*(?:getty images|shutterstock|istock|afp|reuters|ap|epa)"
    r"|\d+\s*(?:of|/)\s*\d+\s*(?:photos?|images?)?)$", re.I)
# Words that make a doubled line read as a caption rather than as text.
CAPTION_CUES = re.compile(r"\b(?:picture|photo|image|pictured|shows?|seen|file|taken|handout)\b"
                          r"|\((?:afp|reuters|ap|epa|getty|file)[^)]*\)\s*$", re.I)

# --- Reader comments: the chrome around each comment and the comment form, not the comments.
# Matched against whole lines (lower-cased, bullets and separators stripped); each line is short.
COMMENT_CONTROLS = frozenset({
    # per-comment buttons and links
    "reply", "replies", "report", "report abuse", "report comment", "report this comment", "flag",
    "like", "upvote", "downvote", "quote", "permalink", "reply to this comment", "log in to reply",
    "login to reply", "share this comment", "cancel reply", "leave a reply cancel reply",
    # the form and the thread's own headings
    "leave a reply", "leave a comment", "post a comment", "add a comment", "write a comment",
    "post comment", "submit comment", "join the discussion", "join the conversation",
    "comments are closed", "comments are closed.", "be the first to comment", "be the first to comment.",
    "show more comments", "show all comments", "load more comments", "view comments",
    "view all comments", "show more replies", "view replies", "no comments", "no comments yet",
})
COMMENT_CHROME = re.compile(
    # "Rating: 25 Votes", "Score: -3"
    r"^(?:(?:rating|score)\s*:?\s*[+-]?\d+(?:\s+(?:votes?|points?))?"
    # "2 days ago at 07:50 am", "an hour ago" (a comment's timestamp on its own line)
    r"|(?:posted\s+)?(?:\d+|an?|one)\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?"
    r"|years?)\s+ago(?:\s+at\s+\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?)?"
    # "12 Comments", "3 replies", "40 likes" (a counter, not a sentence)
    r"|\d[\d,.]*\s*k?\s+(?:comments?|responses?|repl(?:y|ies)|likes?|votes?|points?|upvotes?|reactions?)"
    # the comment form's small print
    r"|notify me of (?:new|follow-up) (?:comments|posts)\b.{0,40}"
    r"|save my name, email,? and website in this browser for the next time i comment\.?"
    r"|your email address will not be published\.?.{0,60}|required fields are marked.{0,20}"
    r"|you must be (?:logged|signed) in to post a comment\.?"
    r"|please log in using one of these methods to post your comment:?)$", re.I)
# The heading WordPress and its themes print over an article's comment list: a count and the post's
# own title in quotes, "34 responses to “Title”", "6 thoughts on “Title”", or Blogger's "10 comments:".
# In neither benchmark's gold does one of these headings, or what follows it, belong to the body.
THREAD_HEADING = re.compile(
    r"^(?:\d[\d,.]*|one)\s+(?:responses?|comments?|thoughts?|repl(?:y|ies)|reactions?)(?:\s+(?:to|on)\s*"
    r"[“\"'‘«„].*[”\"'’»“]|\s*:)$", re.I)
# A thread heading is a count, a few words and a headline.
THREAD_HEADING_MAX_WORDS = 40
# Comment chrome is short; a longer line that matches is someone's sentence.
COMMENT_CHROME_MAX_WORDS = 20
# How a line COMMENT_CHROME can match starts (lower-cased), besides a digit: other lines skip it.
COMMENT_CHROME_STARTS = ("rating", "score", "posted", "a", "one", "notify", "save", "your", "required",
                         "you", "please")

# --- Markup other dumpers print: list bullets and Markdown heading, quote and emphasis marks.
# A line's leading marks (any mix, e.g. "* ### Title", "> > quoted"); each needs a space after it.
LEADING_MARKS = re.compile(r"^(?:(?:[*+-]|#{1,6}|>)[ \t]+)+")
# A list item's leading marks as any dumper prints them (w3m's "•" and "○", lynx's "*" and "o",
# html2text's "-"): the same menu item or teaser headline, bulleted on one page and not on another.
LIST_MARKS = re.compile(r"^(?:[*+•·◦▪○●■□☆o-][ \t]+)+")
# A whole line in emphasis marks: "**Bold line**", "_Caption_", "__Label__".
EMPHASIS_WRAP = re.compile(r"^(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1$")


# --- Images other dumpers print by name (cleaners/images.py). w3m prints an image with no alt
# text as "[its file name]" (without the extension, often cut to ten characters), links and w3m a
# picture's file name or address, w3m "[INS::INS]" for an empty <ins> ad slot.
_IMAGE_BULLETS = r"[\s•·□☆◦▪■●○◆◇*+-]*"    # w3m's "•", "□" and "☆" for list items, others' "*"
_IMAGE_EXTENSIONS = r"\.(?:jpe?g|png|gif|webp|svg|avif|bmp|tiff?)"
# One bracketed word of five or more characters (no spaces: an alt text has them).
IMAGE_STEM_LINE = re.compile(rf"^{_IMAGE_BULLETS}\[([^\s\[\]]{{5,}})\]\s*$")
# A file name's marks: a digit, "-" or "_" (a word alone, "[Unit]", is a config file's section).
IMAGE_STEM_MARKS = re.compile(r"[-_0-9]")
# Bracketed words a documentation page or a paper keeps, not file names: citation keys
# ("[Barak-Steurer]"), lowercase terms ("[super-user-command]", "[build-system]"), character
# ranges ("[0-9A-Za-z]"); a dot is a config table ("[tool.poetry]"), not a stem (w3m cuts the
# extension).
_CITED_NAME = r"[A-Z][A-Za-z']*[a-z][A-Za-z']*"
IMAGE_STEM_NOT = re.compile(rf"^(?:{_CITED_NAME}(?:-{_CITED_NAME})+|[a-z]+(?:-[a-z]+)+|(?:\w-\w)+|[^A-Za-z]+|.*\..*)$")
# A file name with its extension: bracketed (an address too), or bare with a file name's marks
# ("IMG_2067.jpeg", not an article's "testB.svg").
IMAGE_FILE_LINE = re.compile(
    rf"^{_IMAGE_BULLETS}(?:(?=[\w.%~+]*[-_0-9])[\w.%~+-]+|\[[^\s\[\]]+){_IMAGE_EXTENSIONS}\]?\s*$",
    re.IGNORECASE)
# links' mark for an image with no alt text, alone or before a card's text ("[IMG] [IMG] The Best
# Graphic Design Courses"): its "IMG" is a word the scorers count.
IMAGE_MARK = re.compile(r"\[IMG\]\s*")
# Empty brackets and the marks of an empty inserted or deleted span.
IMAGE_EMPTY_LINE = re.compile(rf"^{_IMAGE_BULLETS}\[\s*\]\s*$|^\[(?:INS|DEL)::(?:INS|DEL)\]$")


# Bullets and separators a dumper prints before a short label ("• Dark", "| Reply"): stripped
# before a label is compared with a list of controls.
LABEL_BULLETS = " •·◦▪▸►‣-–—|*>›»"

# --- Sections of a shop's page about other things than its item: its buyers' reviews and rails
# of other items. Matched against a whole heading (stripped, any closing punctuation allowed), so
# the match is its own allow-list: a heading that only mentions reviews ("Submitting product
# reviews to Google", a review's own "Review", "What people are saying about us", "FAQ") is no
# such heading, and what follows it stays. Held out on WCXB's product pages, the golds keep a
# product's description and specifications and drop its reviews and "similar items" rails.
# The buyers' reviews: "Customer reviews", "Top reviews from the United States", "Ratings &
# Reviews", "Reviews (76)", "Reviews with images", "Be the first to review this item".
REVIEWS_HEADING = re.compile(
    r"^(?:(?:(?:customer|user|product|top|verified|featured|guest|all|latest|recent|most recent"
    r"|read|see|show|real|photos from)\s+)*(?:reviews|ratings?\s*(?:&|and)?\s*reviews)"
    r"(?:\s+(?:from|for|of|on|with)\b.{0,40}|\s*\(?\d[\d,.]*\)?)?"
    r"|be the first to review\b.{0,30})\W*$", re.I)
OTHER_ITEMS_HEADING = re.compile(
    # other items: "Similar items", "Explore related items", "Compare with similar products"
    r"^(?:(?:explore\s+|shop\s+|compare\s+with\s+)?(?:similar|related)\s+(?:items?|products?)(?:\s+.{0,30})?"
    r"|you\s+(?:may|might)\s+also\s+(?:like|love|need|want|be interested in)"
    r"|customers\s+(?:who\s+\w+\s+this\s+(?:item\s+)?)?also\s+(?:bought|viewed|liked|purchased)\b.{0,20}"
    r"|frequently\s+bought\s+together|recently\s+viewed(?:\s+(?:items?|products?))?|recommended\s+for\s+you"
    # the seller, not the item
    r"|more\s+from\s+this\s+(?:seller|shop|store|brand)|about\s+this\s+seller"
    # outfits and add-ons built from other items
    r"|complete\s+the\s+look|shop\s+the\s+look|pairs?\s+well\s+with)\W*$", re.I)

# --- Fine print: a long note that opens with a footnote's mark ("* Image simulated. ** Color and
# model availability may vary...", "† Rates are between 0%-36% APR...", "◊ Apple Card Monthly
# Installments (ACMI) is a 0% APR payment option..."), the terms a shop or a service prints under
# its offer (html/fineprint.py). Superscript digits mark numbered notes ("²The insurance coverages
# discussed here..."); a bracketed number does not (a reference list's "[1] Smith, J. ...").
FOOTNOTE_MARK = re.compile(r"^\s*[*†‡◊¹²³⁴⁵⁶⁷⁸⁹⁰]")

# --- A sign-up form's terms: the consent note under a newsletter, SMS, quote or contact form ("By
# entering your email address you agree to our Terms of Use...", "In submitting this form, you
# agree to receive information from...", "By signing up, you will receive ... offers"): a sentence
# that opens with the form's action and, within 200 characters, the reader's agreement
# (html/signup.py). Such a sentence opens a note or follows another ("New accounts only. By
# submitting your email you agree to our Privacy Policy"), and speaks to the reader or for them
# ("you", "your", "I", "my"): a story's "By completing the bridge early, the builder will receive
# a bonus" is no form's note.
SIGNUP_TERMS = re.compile(
    r"(?:^|[.!?:]\s)\W{0,3}(?:by|in) (?:signing up|subscribing|submitting|clicking|registering"
    r"|entering|providing|continuing|creating|checking|sharing|completing)\b"
    r"(?=.{0,200}?\b(?:you|your|I|my)\b).{0,200}?"
    r"\b(?:agree|consent|acknowledge|accept|will receive)", re.I | re.S)
# The expression is tried only on a block holding one of these as written, lower-case (found with
# `in`, faster than the expression on the blocks, nearly all, that hold none): a note in capitals
# ("YOU AGREE") is left alone.
SIGNUP_TERMS_WORDS = ("agree", "consent", "cknowledge", "accept", "receive")

# --- A forum reply quoting an earlier post: the attribution that opens the quote ("Minoa wrote:",
# "nhs76 wrote: Sat Feb 24, 2024 5:43 pm", "@JonB said in Which Qt6 version?:", "solaeros said:"),
# up to three words of the poster's name before it. Matched against the text right before a copy
# of an earlier post (html/quotes.py), never alone: the copy is the evidence, so "He said:" in a
# story does not match unless a whole earlier paragraph follows it word for word, and a post
# that says "as I wrote:" and then writes something new keeps it.
QUOTE_ATTRIBUTION = re.compile(
    r"(?:^|(?<=\s)|(?<=:))(?:[^\s:]+\s+){0,3}?[^\s:]*\s*\b(?:wrote|said|posted)(?:\s+in\s+[^:]{1,150})?\s*:\s*"
    # an optional date after it: "Sat Feb 24, 2024 5:43 pm", "24 Feb 2024"
    r"(?:(?:(?:mon|tue|wed|thu|fri|sat|sun)\w*,?\s+)?(?:[\w,]+\s+){0,3}\d{4},?(?:\s+\d{1,2}:\d\d\s*(?:am|pm)?)?\s*)?$",
    re.I)
