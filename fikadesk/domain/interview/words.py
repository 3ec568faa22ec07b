"""Word lists, light stemming and tokenizing shared by key terms and the interview coach."""

from __future__ import annotations

import re

STOP_WORDS: frozenset[str] = frozenset(
    """a about above across after again against all almost also am among an and any are around
    as at be been before being below between both but by can could did do does doing done down
    during each either else etc even ever every few for from further had has have having he her
    here hers him his how i if in into is it its itself just least less let like may me might
    more most much must my myself near neither no nor not now of off often on once one only or
    other others our ours ourselves out over own per please plus quite rather really same she
    should since so some such than that the their theirs them then there these they this those
    though through to too toward towards under until up upon us very via was we well were what
    whatever when where whether which while who whom whose why will with within without would
    yet you your yours yourself yourselves i'm i'd i'll i've you'll you're you've we're we'll
    we've it's don't can't won't isn't aren't wasn't""".split()
)
"""Plain English function words, never a key term on their own."""

JOB_AD_WORDS: frozenset[str] = frozenset(
    """ability able apply applicant applicants benefits bonus candidate candidates company
    day days degree desired environment equivalent excellent experience experienced fast-paced
    good great ideal ideally including join key knowledge looking nice offer opportunity
    opportunities paced passion passionate preferred proven related required requirement
    requirements responsibilities responsibility role salary seeking skills skill strong
    successful team teams understanding work working year years you'll we're what's world
    wide new help make ensure using use based across within closely""".split()
)
"""Words every job advert uses; they carry no information about this particular job."""

SKILL_HINTS: frozenset[str] = frozenset(
    """sql python java javascript typescript go rust kotlin swift react vue angular django
    flask spring kubernetes docker terraform aws azure gcp linux git airflow spark kafka dbt
    tableau looker excel figma sketch salesforce hubspot zendesk jira seo sem analytics
    statistics testing automation security accessibility research writing communication
    negotiation modelling modeling forecasting budgeting design prototyping""".split()
)
"""Single words that name a skill or tool even outside a requirements list."""

ACTION_WORDS: frozenset[str] = frozenset(
    """build builds building maintain maintains own owns lead leads run runs manage manages
    develop develops create creates drive drives support supports write writes deliver
    delivers improve improves partner partners collaborate collaborates define defines
    work works bring brings report reports familiarity solid proficiency proficient hands-on
    comfortable""".split()
)
"""Verbs and qualifiers that start requirement bullets; they split phrases like stop words."""

GENERIC_AD_WORDS: frozenset[str] = frozenset(
    """engineer engineers developer developers manager managers specialist lead leads person people
    money move moves moved moving mission chance difference track record comfort fluency fluent
    expert expertise deep basic basics clear clean fast affordable similar shared daily weekly
    monthly quarterly real small large big other together everywhere ruthlessly calm plain
    approach eye detail details background backgrounds attitude mindset self-starter things
    thing stuff way ways lots lot kind plus bonus minimum least yrs idea ideas first-class
    world-class top tier best fun exciting amazing awesome love loves hear hearing
    today tomorrow always everything something anything whatever favourite favorite
    starting started start decide decides shows show know knows explain care cares
    dreamers lovers builders see sees stay stays helps written part parts running operating
    shipping need needs two three four five six seven eight nine ten""".split()
)
"""More words of job adverts and their adjectives: they split phrases and are never a term."""

CLAUSE_VERBS: frozenset[str] = frozenset(
    """design review model plan document lead run own mentor segment test report share build
    write define manage handle coach present develop maintain monitor partner prioritise
    prioritize make grow turn take work improve keep analyse analyze orchestrate evolve ship
    pair automate train coordinate measure track support deliver drive collaborate create
    implement operate scale migrate research understand identify translate champion set
    establish""".split()
)
"""Verbs that open a task ("Design payment systems"); there they are not part of a term,
elsewhere ("system design") they are."""

TOOL_WORDS: frozenset[str] = frozenset(
    """sql python java javascript typescript go rust kotlin swift react vue angular django flask
    spring kubernetes docker terraform aws azure gcp linux git airflow spark kafka dbt tableau
    looker excel figma sketch salesforce hubspot zendesk jira pandas numpy pytorch tensorflow
    postgresql postgres mysql redis snowflake bigquery""".split()
)
"""Tools and languages whose capital at the start of a bullet belongs to the name."""

WORK_NOUNS: frozenset[str] = frozenset(
    """roadmap roadmaps discovery wireframes prototypes runbooks backlog dashboards pipelines
    postmortems storyboards escalations documentation on-call""".split()
)
"""Plain nouns for a piece of work that are a key term on their own."""

SKILL_SUFFIXES: tuple[str, ...] = (
    "ing", "ings", "ity", "ics", "tion", "tions", "sion", "ment", "ogy", "ship", "ism",
)
"""Endings of lowercase single words that name a skill or practice (testing, accessibility)."""

_WORD = re.compile(r"[a-z0-9\u00c0-\u024f][a-z0-9\u00c0-\u024f+#'\u2019.\-/]*[a-z0-9\u00c0-\u024f+#]"
                   r"|[a-z0-9\u00c0-\u024f]", re.IGNORECASE)


def stem(word: str) -> str:
    """Light stemming: folds case, possessives, plurals and -ing/-ed endings, nothing more."""
    if len(word) > 2 and word.endswith("s") and word[:-1].isupper():
        word = word[:-1]
    w = word.lower().replace("\u2019", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) <= 3 or not w.isalpha():
        return w
    if w.endswith("ies") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith(("sses", "shes", "ches", "xes")):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    for suffix in ("ing", "ed"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)]
            if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsz":
                w = w[:-1]
            break
    if w.endswith("e") and len(w) > 3:
        w = w[:-1]
    return w


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """Split text into (word, start, end) triples; keeps tokens like c++, node.js, ci/cd."""
    return [(m.group(0).rstrip("."), m.start(), m.start() + len(m.group(0).rstrip(".")))
            for m in _WORD.finditer(text)]
