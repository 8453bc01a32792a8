"""Word lists of attribution: reporting verbs with their inflections, cue nouns, source words.

The verb lists are small and closed, so their forms are generated here (with a table of the
irregular ones) rather than pulled from an inflection library with a model to ship.
"""

from __future__ import annotations

# Verbs that introduce what someone says; the category they give the claim.
SAY_VERBS = """
say tell report write state note add announce confirm explain declare stress emphasize emphasise
underline underscore mention remark comment recall reiterate repeat assert claim insist maintain
acknowledge admit concede reveal disclose indicate inform assure promise pledge vow warn caution hint
signal conclude observe specify clarify tweet post testify allege contend complain brief quote answer
reply respond estimate calculate agree affirm suggest recount describe boast lament threaten retort
counter notify remind explain summarize summarise highlight point speak speculate
""".split()
OPINION_VERBS = """
believe think hope feel fear expect predict forecast doubt consider reckon suspect guess anticipate
argue worry view regard deem judge praise criticize criticise condemn urge call hail speculate brand
""".split()
CONTEST_VERBS = """
deny dispute reject refute rebut dismiss contest contradict challenge disavow repudiate debunk
""".split()

# Verbs that take the addressee as an object before the content ("told reporters that").
OBJECT_VERBS = {"tell", "inform", "assure", "warn", "remind", "notify", "brief", "promise", "urge", "caution", "quote"}
# Verbs that count only right after a quotation ("…,” reads the statement).
POST_QUOTE_ONLY = {"read": ("reads", "read", "read", "reading"), "continue": ("continues", "continued", "continued", "continuing")}

IRREGULAR = {
    "say": ("says", "said", "said", "saying"),
    "tell": ("tells", "told", "told", "telling"),
    "write": ("writes", "wrote", "written", "writing"),
    "think": ("thinks", "thought", "thought", "thinking"),
    "feel": ("feels", "felt", "felt", "feeling"),
    "speak": ("speaks", "spoke", "spoken", "speaking"),
    "forecast": ("forecasts", "forecast", "forecast", "forecasting"),
    "admit": ("admits", "admitted", "admitted", "admitting"),
    "rebut": ("rebuts", "rebutted", "rebutted", "rebutting"),
    "quote": ("quotes", "quoted", "quoted", "quoting"),
    "hold": ("holds", "held", "held", "holding"),
}
VOWELS = set("aeiou")


def inflections(verb: str) -> tuple[str, ...]:
    """The base, third person, past, past participle and -ing forms of a regular or listed verb."""
    if verb in IRREGULAR:
        return (verb, *IRREGULAR[verb])
    if verb.endswith(("s", "sh", "ch", "x", "z", "o")):
        third = verb + "es"
    elif verb.endswith("y") and verb[-2] not in VOWELS:
        third = verb[:-1] + "ies"
    else:
        third = verb + "s"
    if verb.endswith("e"):
        past, ing = verb + "d", (verb + "ing" if verb.endswith("ee") else verb[:-1] + "ing")
    elif verb.endswith("y") and verb[-2] not in VOWELS:
        past, ing = verb[:-1] + "ied", verb + "ing"
    else:
        past, ing = verb + "ed", verb + "ing"
    return (verb, third, past, past, ing)


def _forms(verbs: list[str]) -> dict[str, str]:
    table: dict[str, str] = {}
    for verb in verbs:
        for form in inflections(verb):
            table.setdefault(form, verb)
    return table


# form -> lemma, and lemma -> category
VERB_FORMS: dict[str, str] = {**_forms(SAY_VERBS), **_forms(OPINION_VERBS), **_forms(CONTEST_VERBS)}
for _lemma, _forms_of in POST_QUOTE_ONLY.items():
    for _form in (_lemma, *_forms_of):
        VERB_FORMS.setdefault(_form, _lemma)
CATEGORY: dict[str, str] = {v: "attributed" for v in SAY_VERBS}
CATEGORY.update({v: "opinion" for v in OPINION_VERBS})
CATEGORY.update({v: "contested" for v in CONTEST_VERBS})
# "warn", "insist" and "suggest" stay neutral: what is warned of is often a checkable plan.

# Base and third-person forms that are more often nouns ("the call", "a report", "Secretary of State").
NOUN_LIKE = {
    "report", "reports", "claim", "claims", "state", "states", "note", "notes", "comment", "comments",
    "post", "posts", "call", "calls", "view", "views", "hope", "hopes", "doubt", "doubts", "fear", "fears",
    "promise", "promises", "answer", "answers", "reply", "replies", "estimate", "estimates", "quote",
    "quotes", "brief", "counter", "signal", "signals", "point", "points", "challenge", "challenges",
    "warning", "statement", "tweet", "tweets", "judge", "dispute", "disputes", "vow", "vows", "pledge",
    "pledges", "reading", "read", "continue", "contest", "speak", "hold",
}
# Complements that a verb of saying takes with a preposition ("insisted on the necessity of …").
PREP_COMPLEMENTS = {
    "insist": ("on",), "call": ("for", "on"), "warn": ("against", "of"), "argue": ("for", "against"),
    "speak": ("in favor of", "in favour of", "against", "out against"), "push": ("for",),
    "urge": (), "hint": ("at",),
}
# Nouns of saying that head a content clause: "Trump's claim that …", "the reasoning of X that …".
CUE_NOUNS = {
    "claim", "claims", "assertion", "assertions", "statement", "statements", "allegation", "allegations",
    "reasoning", "thesis", "argument", "arguments", "belief", "view", "warning", "assurance",
    "assurances", "promise", "suggestion", "insistence", "conclusion", "announcement", "remarks",
    "accusation", "accusations", "contention", "position", "prediction", "forecast",
}
# Phrases: token sequences (lowercase) -> category. "X" stands for any noun phrase.
PHRASE_CUES = {
    ("made", "it", "clear"): "attributed", ("make", "it", "clear"): "attributed",
    ("makes", "it", "clear"): "attributed", ("making", "it", "clear"): "attributed",
    ("pointed", "out"): "attributed", ("points", "out"): "attributed", ("pointing", "out"): "attributed",
    ("point", "out"): "attributed",
    ("spoke", "in", "favor", "of"): "opinion", ("spoke", "in", "favour", "of"): "opinion",
    ("speaks", "in", "favor", "of"): "opinion", ("called", "on"): "opinion", ("calls", "on"): "opinion",
    ("called", "for"): "opinion", ("calls", "for"): "opinion",
    ("described", "as"): "opinion", ("describes", "as"): "opinion", ("describing", "as"): "opinion",
    ("expressed", "confidence"): "opinion", ("expressed", "hope"): "opinion", ("expressed", "concern"): "opinion",
    ("voiced", "concern"): "opinion", ("is", "confident"): "opinion", ("was", "confident"): "opinion",
    ("are", "confident"): "opinion", ("were", "confident"): "opinion",
    ("made", "a", "post"): "attributed", ("makes", "a", "post"): "attributed",
}
# Posts on a platform belong to the cue ("wrote on Truth Social", "said in a post on X").
PLATFORM_WORDS = {"truth", "social", "x", "twitter", "facebook", "telegram", "instagram", "linkedin", "threads",
                  "bluesky", "weibo", "vk", "youtube", "tiktok", "mastodon", "the", "his", "her", "its", "their", "a",
                  "post", "posts", "message", "video"}
# Documents that are themselves sources ("she said in a statement to CBS").
DOCUMENT_NOUNS = {"statement", "commentary", "interview", "letter", "briefing", "speech", "address", "op-ed",
                  "report", "communique", "communiqué", "declaration", "press", "release", "memo"}
PARTICIPLE_CUES = {
    "adding", "stating", "saying", "noting", "suggesting", "urging", "promising", "warning", "insisting",
    "stressing", "arguing", "claiming", "explaining", "calling", "writing", "emphasizing", "emphasising",
    "describing", "denying", "rejecting", "recalling", "acknowledging", "pledging", "vowing", "insisting",
    "reiterating", "predicting", "hinting", "indicating", "conceding", "admitting", "asserting",
}

# Words that name people and bodies (lowercase; a capitalised word counts as a name anyway).
ROLE_NOUNS = set("""
president presidents aide aides spokesman spokeswoman spokesperson spokespeople minister ministers secretary
government governments ministry official officials analyst analysts expert experts leader leaders head chief
director adviser advisers advisor advisors ambassador envoy diplomat diplomats politician politicians
correspondent journalist journalists reporter reporters source sources agency office party department
administration authorities authority side sides parties member members representative representatives
commission council committee service services media outlet newspaper magazine website channel broadcaster
statement report poll survey study residents critics observers supporters opponents officer officers
lawmaker lawmakers senator senators governor mayor chairman chairwoman chair ceo founder editor
editor-in-chief economist economists scientist scientists researcher researchers professor doctor doctors
police prosecutor prosecutors court judge lawyer lawyers attorney company firm bank group organisation
organization union ministry kremlin embassy army military navy coalition opposition campaign team staff
staffer staffers insider insiders person people man woman men women owner owners worker workers employee
employees forecasters forecaster activist activists investor investors executive executives manager
managers negotiator negotiators mediator mediators chancellor premier king queen prince pope cardinal
bishop general commander commanders colonel generals troops counterpart counterparts colleague colleagues
deputy deputies candidate candidates voter voters citizen citizens patient patients user users victim
victims witness witnesses family families relatives neighbour neighbours neighbor neighbors doctor nurse
teacher teachers student students fan fans club league federation association institute institution
university center centre think-tank tank thinktank foundation regulator regulators watchdog board
cabinet parliament congress senate assembly delegation delegations administration presidency capital
author authors co-author writer writers columnist host presenter anchor commentator councillor councilor
hospital school airport operator operators provider regulator spokesman organiser organizer organisers
organizers protester protesters demonstrator demonstrators passenger passengers driver drivers eyewitness
eyewitnesses survivor survivors farmer farmers nurse nurses soldier soldiers pilot pilots official
diplomats rebels militants insurgents inspector inspectors investigator investigators auditor auditors
""".split())
# Words that may stand before such a noun inside a name ("foreign ministry", "former aide").
MODIFIERS = set("""
foreign former senior deputy chief military political national top local international official federal
presidential press security defense defence state regional economic financial industry health interior
trade energy intelligence justice finance central joint prime vice general special main leading key
unnamed anonymous western eastern european american russian ukrainian chinese indian independent
public private acting first second new old other several two three four five many some
""".split())
DETERMINERS = {"the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "both", "some", "many",
               "several", "other", "others", "all", "most", "few", "this", "these", "those", "one", "two",
               "three", "four", "five", "each", "every", "another"}
SUBJECT_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you"}
OBJECT_PRONOUNS = {"him", "her", "them", "us", "me"}
# Capitalised words that are not names when they open a sentence or follow a quote.
CAPITAL_STOPWORDS = set("""
the a an in on at but and or however meanwhile according so later earlier moreover also for after before
when while as if this that these those it there what why how who where then still yet his her their its our
my we i he she they you of to from by with without during since although though because once now today
yesterday tomorrow here both all some many several other most no not nor only even just first second
finally separately incidentally notably obviously clearly indeed instead besides furthermore nevertheless
nonetheless thus therefore again further previously recently soon given despite
""".split())
# Between a subject and its verb: auxiliaries and adverbs to step over.
SKIP_BEFORE_VERB = set("""
has have had was were is are be been will would could can may might shall should must did does do also
later then reportedly publicly repeatedly previously earlier again further recently once first not never
already still just now today yesterday consistently partially even too last finally clearly openly
subsequently immediately separately formally officially explicitly essentially quickly reportedly often
always allegedly apparently personally initially himself herself themselves itself also however
""".split())
# Short asides between commas that do not belong to a subject (", in turn,").
ASIDES = {("in", "turn"), ("however",), ("for", "his", "part"), ("for", "her", "part"), ("for", "its", "part"),
          ("for", "their", "part"), ("meanwhile",), ("too",), ("also",), ("though",), ("in", "addition"),
          ("in", "particular"), ("moreover",), ("instead",), ("in", "response"), ("as", "promised"),
          ("in", "turn"), ("at", "the", "same", "time"), ("again",), ("later",)}
CONNECTORS = {"of", "for", "at", "and", "to", "-", "–", "&"}

# Verbs with a common sense that is not saying ("troops maintain the initiative", "it underscored
# the shift"): they count only with a "that" clause (or "as" for the verbs of viewing).
WEAK_VERBS = set("""
maintain indicate suggest signal feel consider view regard observe hold praise criticize criticise condemn
hail brand underscore underline highlight describe expect fear judge comment continue answer counter point speak
brief caution remind post quote calculate estimate agree challenge contest contradict reply respond
""".split())
# Verbs that take a bare clause ("the secretary said waiting lists had fallen").
BARE_CLAUSE_VERBS = set("""
say tell claim insist argue admit add note state write report believe think hope estimate predict warn
deny confirm announce assert reckon suspect guess acknowledge concede allege contend declare explain
""".split())
# Quantifiers that stand alone as a subject ("some said …, while others said …").
QUANTIFIER_SUBJECTS = {"some", "others", "many", "most", "few", "several", "all", "both", "none", "one"}
NEGATIONS = {"not", "never", "n't", "no"}
# Lowercase words that never belong to a name or a description of a source.
FUNCTION_WORDS = CAPITAL_STOPWORDS | SKIP_BEFORE_VERB | {
    "that", "which", "who", "whom", "whose", "with", "by", "from", "into", "over", "under", "about",
    "between", "against", "than", "like", "per", "via", "up", "out", "off", "down", "away",
}
