"""Word lists and patterns the interview coach looks for, kept apart from the engine."""

from __future__ import annotations

import re
from dataclasses import dataclass

_F = re.IGNORECASE


@dataclass(frozen=True)
class Rule:
    """A pattern for one code; negatable rules are skipped when a negation precedes them."""

    pattern: re.Pattern[str]
    negatable: bool = True
    complementable: bool = False


def _r(pattern: str, negatable: bool = True, complementable: bool = False) -> Rule:
    return Rule(re.compile(pattern, _F), negatable, complementable)


NEGATION = re.compile(
    r"\b(?:not|never|no|nothing|rather than|instead of|less about|more than|beyond|other than)\b"
    r"|n't\b",
    _F,
)
"""Words that cancel a following money, status or rigidity phrase in the same clause."""

NEGATIVE_EXCUSE = re.compile(r"\bnot\b[^.;]*\bbecause\b|\bnot that\b|n't\b[^.;]*\bbecause\b", _F)
"""'Not because I'm unhappy' style: the negative word is being denied, not voiced."""

_LOOSE_END = (
    r"(?=\s*(?:[.,;!?]|$|\band\b|\bwith (?:the|this|a|your) (?:company|team|organi[sz]ation)\b"
    r"|\bas a (?:person|professional)\b|\b(?:professionally|personally|here|further|more|really)\b"
    r"|\bin my (?:career|role)\b|\bwithin the (?:company|team)\b))"
)

_NOT_STOPPED = r"(?<!stopped )(?<!stop )(?<!quit )(?<!given up )(?<!gave up )(?<!no longer )"
"""Lookbehinds: 'people who stopped learning' describes others, not the speaker's aim."""

VAGUE: tuple[Rule, ...] = (
    _r(_NOT_STOPPED + r"\b(?:grow|growing|grows)\b" + _LOOSE_END, negatable=False),
    _r(_NOT_STOPPED + r"\b(?:keep |keeps )?(?:learning|improving)\b" + _LOOSE_END, negatable=False),
    _r(r"\blearn(?:ing)? (?:new|more) (?:things|skills|stuff)\b", complementable=True),
    _r(r"\bbe (?:really |very |more |truly )?successful\b"),
    _r(r"\bsucceed\b(?=\s*(?:[.,;!?]|$))"),
    _r(r"\bbe the best (?:I can be|version of myself|I can)\b"),
    _r(r"\bdo my best\b"),
    _r(r"\breach (?:my|our) (?:full )?potential\b"),
    _r(r"\b(?:to|on) the next level\b"),
    _r(r"\bmake a difference\b", complementable=True),
    _r(r"\b(?:develop|improve|better|challenge) myself\b"),
    _r(r"\bnew challenges?\b", complementable=True),
    _r(r"\badvance (?:my|in my) career\b"),
    _r(r"\bsee where (?:it|things|life|that) (?:takes|goes|go|take|lead|leads)\b"),
    _r(r"\bwho knows\b"),
    _r(r"\bsomething meaningful\b", complementable=True),
    _r(r"\bmore responsibilit(?:y|ies)\b", complementable=True),
    _r(r"\b(?:grow|improve|develop|build|expand|broaden) my skill(?:s|set| set)\b",
       complementable=True),
    _r(r"\bwhatever I do\b"),
    _r(r"\bwants? to improve\b(?=\s*[.,;!?])"),
    _r(r"\bgo from there\b"),
    _r(r"\bbest possible\b"),
    _r(r"\b(?:a )?better (?:version of )?(?:myself|person)\b"),
    _r(r"\b(?:keep|continue|continuing) (?:developing|evolving|progressing)\b" + _LOOSE_END),
    _r(r"\bopen to anything\b"),
    _r(r"\bsomewhere I(?:'m| am) (?:valued|appreciated|happy)\b"),
    _r(r"\b(?:learn|absorb|soak up|take in|pick up) as much as (?:possible|I can)\b",
       complementable=True),
    _r(r"\b(?:version|best) of (?:myself|who I am|me)\b"),
    _r(r"\bthe difference I(?:'ve| have)? made\b|\bproud of (?:the path|myself|where I am|what I(?:'ve|"
       r" have)? (?:done|achieved|built))\b"),
    _r(r"\b(?:have |having )?progressed\b" + _LOOSE_END, negatable=False),
    _r(r"\bsomething (?:fulfilling|rewarding|exciting|interesting|worthwhile)\b", complementable=True),
    _r(r"\b(?:achieve|accomplish|do) great things\b"),
    _r(r"\bsee how far I (?:can|could) (?:go|get|take it)\b"),
)

MONEY_STATUS: tuple[Rule, ...] = (
    _r(r"\b(?:salary|salaries|paycheck|pay (?:rise|raise)|bonus(?:es)?|six[- ]figures?|"
       r"compensation|rich|wealthy|wealth|highest[- ]paid|well[- ]paid|paid (?:well|more))\b"),
    _r(r"\b(?:make|making|earn|earning|earns) (?:a lot of |lots of |more |good |big |real |"
       r"serious )?(?:money|cash|more)\b"),
    _r(r"\bearning a lot\b"),
    _r(r"\b(?:all|only|mostly|just) about (?:the )?money\b"),
    _r(r"\bmoney (?:motivates|drives|matters|is what)\b"),
    _r(r"\b(?:fancy|big|impressive|senior|bigger|better) (?:job )?title\b"),
    _r(r"\bprestige\b|\bprestigious\b"),
    _r(r"\bcorner office\b"),
    _r(r"\b(?:be|being|become) (?:the|a|my own) boss\b|\beveryone answers to\b"),
    _r(r"\bmove up (?:quickly|fast)\b|\bclimb the ladder\b|\bclimb (?:up )?(?:quickly|fast)\b"),
    _r(r"\b(?:VP|vice president|director|CEO|CTO|head of \w+|executive|partner)\b[^.;]{0,30}?"
       r"\b(?:as soon as possible|asap|as fast as (?:I can|possible)|as quickly as)\b"),
    _r(r"\bnice car\b|\bbig house\b"),
    _r(r"\b(?:double|triple|increase|grow|boost) my (?:income|salary|pay|earnings)\b"),
    _r(r"\bmy (?:income|earnings)\b"),
    _r(r"\btitle that impresses\b|\bimpress(?:es)? (?:people|others|my friends|everyone)\b"),
    _r(r"\b(?:motivates|drives|excites|matters to) me (?:the )?(?:most |more |mainly |above all )?"
       r"(?:is|are) (?:the |a |my |having (?:a |the )?)?(?:title|status|recognition|prestige|power|"
       r"money|pay|salary|rank)\b"),
    _r(r"\b(?:title|status|rank|position) (?:that|which) (?:people|others|everyone|my \w+)\b"
       r"(?: \w+){0,3}? (?:respect|admire|envy|notice|look up to)\b"),
    _r(r"\b(?:recognition|status|prestige|respect) (?:that|which) comes? with (?:it|the \w+)\b"),
    _r(r"\b(?:best|top|better|highest|most)[- ]paid\b|\bstock options\b|\b(?:pay|salary|compensation) "
       r"package\b"),
    _r(r"\b(?:the )?(?:package|pay|money|salary|compensation|perks|title) (?:matters|counts|comes) "
       r"(?:most|first|above all)\b"),
)

SENIOR_TITLE = re.compile(
    r"\b(?:CTO|CFO|COO|CIO|CMO|VP|vice president|chief \w+(?: \w+)? officer|head of \w+|"
    r"director(?: of \w+)?|\w+ director|run (?:the|this) (?:whole |entire )?company|"
    r"(?:leading|lead|run|running) the (?:whole |entire )\w+ (?:department|organi[sz]ation|org)|"
    r"my (?:manager|boss|lead)'s (?:job|role|position)|partner|"
    r"(?:department|division|organi[sz]ation|org|group|team) of (?:\d\d+|twenty|thirty|forty|fifty|"
    r"sixty|a hundred|hundreds)|(?:run|running|lead|leading|head|heading) (?:the|a|an) (?:whole |entire )?"
    r"(?:\w+ )?(?:department|division|organi[sz]ation|function))\b",
    _F,
)
MID_TITLE = re.compile(
    r"\b(?:principal|staff|distinguished|chief) \w+|\b(?:architect|(?:engineering|team|group) "
    r"manager)\b|\bpromoted (?:twice|three times|several times)\b",
    _F,
)
"""Titles a few rungs up: a stretch within two years, unrealistic within one."""
VERY_SHORT_TIME = re.compile(
    r"\b(?:in|within|during|by the end of) (?:my |the )?first (?:year|months?|\w+ months|weeks?)\b|"
    r"\b(?:within|in) (?:a few|\w+|\d+) (?:months|weeks)\b|\bby next year\b|\bright away\b|"
    r"\bimmediately\b|\bstraight away\b|\bthis year\b",
    _F,
)
TOP_TITLE = re.compile(r"\b(?:CEO|chief executive|managing director|president)\b", _F)
SHORT_TIME = re.compile(
    r"\b(?:within (?:a|one|1|two|2) years?|in (?:a|one|two|1|2) years?|by next year|next year|"
    r"in (?:a few|few|\w+|\d+) months|within (?:a few|\w+|\d+) months|right away|immediately|"
    r"in my first year|straight away|as a first step|by the end of (?:my |the )?first year|"
    r"by the end of (?:next|this) year)\b",
    _F,
)
MEDIUM_TIME = re.compile(
    r"\b(?:within|in) (?:three|four|five|3|4|5|a few|a couple of) years\b", _F
)

RIGID: tuple[Rule, ...] = (
    _r(r"\b(?:whole|entire) (?:career|life|future) (?:is )?(?:mapped|planned|figured) out\b"),
    _r(r"\b(?:mapped|planned) out\b"),
    _r(r"\bno matter what\b", negatable=False),
    _r(r"\bonly interested in\b"),
    _r(r"\bnothing else\b", negatable=False),
    _r(r"\b(?:won't|will not|wouldn't|refuse to) consider\b", negatable=False),
    _r(r"\b(?:don't|do not|can't|cannot) see (?:any )?other (?:way|path|option)\b",
       negatable=False),
    _r(r"\bset in stone\b"),
    _r(r"\bknow exactly (?:where|what|when)\b"),
    _r(r"\bin exactly\b"),
    _r(r"\bI must be\b|\bmust be (?:running|leading|a|an|the)\b"),
    _r(r"\babsolutely (?:have|need|must)\b"),
    _r(r"\banything less\b"),
    _r(r"\bby (?:the age of )?(?:twenty|thirty|forty|fifty|\d\d)(?:-\w+)?,? I (?:will|'ll)\b"),
    _r(r"\bmy plan is (?:very )?(?:precise|fixed|exact|final)\b"),
    _r(r"\bthe only (?:thing|path|role|job) I\b"),
    _r(r"\bnot open to\b", negatable=False),
    _r(r"\b(?:it|this|that) (?:won't|will not|isn't going to) change\b", negatable=False),
    _r(r"\bno plan b\b", negatable=False),
    _r(r"\bplanned (?:this|it|everything|my career) (?:out|carefully|in detail|to the \w+)\b"),
    _r(r"\bfull stop\b", negatable=False),
    _r(r"\b(?:not|never) (?:going to|gonna) change (?:course|direction|my mind|paths?)\b", negatable=False),
    _r(r"\bI(?:'ve| have) (?:already )?decided\b"),
    _r(r"\b(?:all|every|each) (?:step|stage|move|milestone)s? (?:is|are) (?:already )?"
       r"(?:decided|fixed|planned|set|mapped)\b"),
    _r(r"\b(?:not willing|unwilling|not prepared|refuse) to (?:consider|look at|entertain|try)\b",
       negatable=False),
)

NEGATIVE: tuple[Rule, ...] = (
    _r(r"\bget (?:away|out) (?:from|of)\b"),
    _r(r"\bescap(?:e|ing)\b"),
    _r(r"\b(?:tired|sick|fed up|weary) (?:of|with)\b"),
    _r(r"\bhate[sd]?\b|\bcan't stand\b|\bloathe\b"),
    _r(r"\btoxic\b"),
    _r(r"\bdead[- ]end\b"),
    _r(r"\b(?:I'm|I am|I was|I feel|feeling|I get|I got|being|been|to be) stuck\b"),
    _r(r"\bdisaster\b|\btakes? (?:all the )?credit\b|\bnightmare\b"),
    _r(r"\bmicromanag\w*"),
    _r(r"\b(?:useless|incompetent|terrible|awful|horrible|clueless|pathetic)\b"),
    _r(r"\bdesperate\b"),
    _r(r"\bbored\b|\bboring (?:job|work|role|tasks|company)\b|\b(?:is|was|are|so) boring\b"),
    _r(r"\b(?:unhappy|miserable)\b"),
    _r(r"\bwhat I (?:don't|do not) want\b"),
    _r(r"\b(?:bad|worst) (?:manager|boss|company|job)\b"),
    _r(r"\bfrustrat\w+\b"),
    _r(r"\bburn(?:ed|t)? out\b"),
    _r(r"\bhad enough of\b|\bchaotic\b|\bunderpaid\b|\bundervalued\b|\bignored\b"),
    _r(r"\bgoing nowhere\b|\bhopeless\b|\bsinking ship\b"),
    _r(r"\b(?:draining|exhausting|soul[- ]destroying|demoralis\w+|demoraliz\w+|suffocating)\b"),
    _r(r"\bbadly (?:run|managed|led|organi[sz]ed)\b|\bpoorly (?:run|managed|led)\b"),
    _r(r"\b(?:nobody|no one|no-one) (?:listens|cares|appreciates|values)\b"),
    _r(r"\b(?:can't wait|cannot wait|itching|dying|desperate) to (?:leave|quit|get out|be out)\b"),
    _r(r"\b(?:is|was|are|were) (?:a (?:complete |total )?joke|a mess|pointless|a waste of time)\b"),
)
FEELING = re.compile(
    r"^(?:unhappy|miserable|frustrat\w+|bored|desperate|stuck|tired|sick|fed up|weary|burn\w* out|"
    r"draining|exhausting)",
    _F,
)
"""Negative words that describe how someone feels: in a story they are often the situation
(an unhappy client), so there they only count when the speaker says them of themself."""
FIRST_PERSON = re.compile(r"\b(?:I|I'm|I've|I'd|me|my)\b", _F)

_OTHER_JOBS = (
    r"(?:photographer|chef|baker|barista|florist|artist|painter|musician|novelist|author|poet|"
    r"influencer|farmer|pilot|actor|actress|streamer|yoga teacher|personal trainer|fitness coach|"
    r"life coach|therapist|counsell?or|psychologist|nurse|school ?teacher|day trader|doctor|lawyer|"
    r"vet|veterinarian|police officer|firefighter|carpenter|winemaker|potter|ceramicist|jeweller|"
    r"jeweler|tattoo artist|sommelier|(?:surf|ski|diving|dive) instructor|dog trainer|gardener|"
    r"landscaper|tour guide)"
)
"""Occupations outside office work that a candidate may name as the real aim."""
OTHER_JOBS = _OTHER_JOBS

OUTSIDE_AIM: tuple[Rule, ...] = (
    _r(r"\b(?:open|start|launch|run|found|build|have|opening|starting|launching) "
       r"(?:my|our|a) (?:own )?(?:little |small |\w+ )?"
       r"(?:business|company|startup|start-up|shop|caf[eé]|bakery|restaurant|studio|agency|"
       r"brand|firm|store|bar|gym|farm|school|salon|clinic|hotel|bistro|brewery|winery|label)\b"),
    _r(r"\bmy own (?:\w+ )?(?:business|company|startup|start-up|shop|caf[eé]|bakery|"
       r"restaurant|studio|agency|brand|store|school|salon|clinic|hotel|bistro|brewery|label)\b"),
    _r(r"\b(?:switch|move|change|go|pivot) (?:to|into) (?:a |an )?(?:completely |totally |"
       r"entirely )?(?:different|new|another|other) (?:field|industry|career|line of work)\b"),
    _r(r"\bleave (?:tech|the industry|this field|this industry|corporate)\b"),
    _r(r"\bquit (?:to|and)\b"),
    _r(r"\bsave (?:up|enough)\b"),
    _r(r"\bfull[- ]time (?:photographer|artist|writer|musician|chef|coach|influencer|"
       r"author|painter|gamer|streamer)\b"),
    _r(r"\b(?:be|become|becoming|work as|working as|turn|go full[- ]time as) (?:a |an )?"
       r"(?:professional |full[- ]time |freelance |successful |published )?" + _OTHER_JOBS + r"\b"),
    _r(r"\bstepping[- ]stone\b"),
    _r(r"\bmy real passion\b"),
    _r(r"\b(?:serial )?founder\b"),
    _r(r"\brunning a (?:caf[eé]|bakery|restaurant|bar|shop)\b"),
    _r(r"\bgo back to (?:university|school|college)\b"),
    _r(r"\bstudy (?:medicine|law|architecture|music|art)\b"),
    _r(r"\bbecome an? (?:doctor|lawyer|vet|veterinarian|police officer|firefighter)\b"),
    _r(r"\bbecome an? (?:therapist|counsell?or|psychologist|nurse|teacher|day trader|trader)\b"),
    _r(r"\bopen (?:a|my own|my) (?:private )?practice\b"),
    _r(r"\btrade full[- ]time\b|\bmanage my own fund\b|\bmy (?:trading|side) (?:business|strateg\w+)\b"),
)

BRIDGE = re.compile(
    r"\bskills? (?:that )?(?:this|the) (?:role|job|position) (?:builds|teaches|develops|gives)\b"
    r"|\bthis (?:role|job|position) (?:builds|teaches|gives|would give|will give|develops)\b"
    r"|\boverlap\w*\b|\bwhat I learn here\b|\bthe same skills\b|\bexactly the (?:ones|skills)\b"
    r"|\b(?:skills|experience|things) (?:that )?(?:any|every|a) (?:founder|business owner|entrepreneur)"
    r" (?:needs|will need|has to have)\b|\bbuild (?:them|those|these|that) here\b"
    r"|\bwhy this (?:role|job|position) (?:appeals|fits|matters|makes sense)\b",
    _F,
)
"""Phrases that tie a goal outside the role back to what this job teaches."""

NOW = re.compile(
    r"\b(?:right now|currently|at the moment|at this point|today|for now|right away|"
    r"immediately|in this (?:role|job|position)|here I'd|first (?:year|months?|six months|"
    r"90 days|few months|weeks)|in my first|to start|at the start|initially|"
    r"(?:my |first )priority|my focus (?:right now|now|is)|at present|these days|"
    r"I'd start|I would start|start by|to begin with|early on|the first thing|first of all|"
    r"in the short term|short[- ]term|this year|(?:my )?immediate(?:ly)?(?: \w+)?|"
    r"for the time being|at first|at this stage|in the near term|near[- ]term|"
    r"in the beginning|to start with|day one|on day one|at the beginning|from the start|"
    r"(?:at|from) the outset|(?:in )?the early days|for the first (?:while|stretch|bit)|"
    r"when I (?:join|start)|on joining|as a start|in the first (?:stretch|phase|stage)|"
    r"my first (?:goal|step|priority|focus|aim|task|job|months?|weeks?))\b|\bnow:"
    r"|(?:^|[.!?;:]\s*|,\s*(?:and\s+)?|\band\s+)first\b(?!-)|\bfirst(?=\s*[,.;!?])",
    _F,
)
NEXT = re.compile(
    r"\b(?:(?:in|over|within|for) the (?:next|coming) (?:[a-z0-9]+ ){0,4}?years?\b|"
    r"within (?:a |the next )?(?:few|couple of|two|three|2|3|one|a) years?\b|"
    r"in (?:exactly |about |around |roughly )?(?:a|two|three|2|3|a few|a couple of) years?\b|"
    r"(?:in|within) two or three years\b|in a year or two\b|"
    r"(?:in|within) (?:two|2) to (?:three|3|four|4) years\b|within (?:six|nine|\d+|a few) months\b|"
    r"after (?:that|a couple of years|a few years|a year or two|a year)\b|then\b|"
    r"next(?:,|\s+(?:step|I'd|I'll|I want|I would|year)\b)|(?:in )?year (?:two|three|2|3)\b|"
    r"mid[- ]term\b|medium[- ]term\b|after a couple\b|in (?:six|nine|\d+|a few) months\b|"
    r"(?:two|three|2|3|a few|a couple of)(?: or (?:two|three|four|2|3|4))? years from now\b|"
    r"next:|(?:a few|two|three|2|3|a couple of) years down the (?:line|road)\b|"
    r"(?:by |in )?next (?:summer|spring|autumn|fall|winter|quarter)\b|the year after\b|"
    r"(?:a year|a couple of years|a few years|(?:two|three|2|3)(?: or (?:two|three|four|2|3|4))? years) "
    r"(?:in|on|out|later|ahead|into (?:the|this) (?:role|job))\b|"
    r"by the end of (?:my |the )?(?:first|second|next) (?:year|couple of years)\b)",
    _F,
)
FUTURE = re.compile(
    r"\b(?:eventually|long[- ]term|longer[- ]term|in the long run|ultimately|"
    r"down the (?:road|line)|later(?: on| in my career)?|one day|someday|"
    r"in (?:five|ten|5|10|fifteen|6|six|seven|7) years|(?:five|ten) years from now|"
    r"in the future|year (?:five|5|ten|10)|in (?:five|six|5|6|seven|ten) or \w+ years|"
    r"my long-term|over time|(?:over|in) the long haul|in the end|"
    r"further (?:out|down the line|ahead)|beyond that|"
    r"(?:five|ten|5|10)(?: or \w+)? years from now|by (?:the age of )?(?:thirty|forty|fifty|\d\d)\b|"
    r"in (?:five|six|seven|eight|ten|5|6|7|8|10) to (?:\w+|\d+) years|past that|after that point|"
    r"further (?:on|down the road)|(?:five|ten|5|10)(?: or \w+)? years (?:in|on|out|later|ahead)|"
    r"(?:the|my) (?:bigger|biggest|real|ultimate|end|overall|wider|broader|larger|long-term) "
    r"(?:goal|aim|ambition|dream|vision|picture)|(?:what )?I'm (?:really )?working towards?|"
    r"(?:my|the) (?:real )?dream is|what I (?:really |ultimately |truly )want is|"
    r"until I (?:reach|become|get to|make it to)|at (?:the age of )?[2-6]\d\b(?!\s*(?:%|percent|"
    r"per|minutes|hours|days|am|pm|\w*s\b)))\b",
    _F,
)

SEQUENCE = re.compile(
    r"\b(?:then|after that|afterwards|after a (?:year|couple|few)\b[^.,;]*|the year after)\b", _F
)
"""Sequence words: a second step after a 'Next' marker stands for the later, 'Future' part."""

GENERIC_WORDS: frozenset[str] = frozenset(
    """able about absolutely actually advance afterwards again ago ahead aim aiming along also
    always another answer anyone anything anywhere area areas aspect back bad badly basic basics
    become becoming best better big bigger bit both bring build built busy calm can't career
    careers case challenge challenges change chance clear close come comes company contribute
    contributing could couple current currently day days deadline deal decide deliver delivered
    department develop developing difference different difficult direction doing done effort
    else end enjoy enough especially etc eventually ever every everyone everything example
    experience face fact feel felt field figure figured find fine first focus focused following
    found full future get gets getting give given go goal goals goes going gone good got great
    group grow growing grown growth guess handle handled happen happy hard help helped helping
    here high honest honestly hope hoping idea important improve improving initiative
    initiatives interested involved issue issues job jobs just keen keep kept kind know knowing
    large last later lead leader leading learn learned learning least let level life like likely
    little long look looking lot lots love made main make makes making manage management
    manager managers managing many matter maybe mean meaningful meet mentor mentoring might mind
    moment month months more most move much need needed new next nice now often okay once one
    ones open opportunities opportunity organise organize others over own part path people
    perhaps person personal place plan planned point position positions possible potential
    pretty probably problem problems process processes professional professionally progress
    project projects put quite rather reach ready real really reason responsibilities
    responsibility responsible result results right role roles run running said same say see
    seeing senior set settle settled should show showed side simply situation skills skill small
    solution solutions someone something somewhere soon sort start started stay step steps
    still stuff succeed success successful sure take taking talk talked team teams thing things
    think time times today together took top track tried try trying turn understand
    understanding updated use used useful usually value very want wanted wants way ways well
    whatever whole willing work worked working world would year years yes young always
    improve improvement someone who customer customers product products client clients
    satisfied listened stayed solution others day-to-day along looking back again worked
    everyone involved happy afterwards deadline track effort showed same handle calm organise
    difficult things again told good term road quickly priority two three four five six seven
    eight nine ten twenty away later soon evening morning night week weeks late early grateful
    thank thanked fixed fix asked ask help helped call called stay stayed hour hours minutes
    very quite sure happy glad proud pleased hard easy busy quick quickly slow big small high low
    whole half part full thing something anything nothing plenty often sometimes usually once
    twice always never around almost everyone anyone somebody nobody colleague colleagues boss
    bosses office meeting meetings email emails problem tasks task goal stage gain trust trusted
    charge needs needed certain valued somewhere anywhere beginning possible progressed
    fulfilling rewarding exciting interesting worthwhile achieve achieving great far""".split()
)
"""Everyday career words that do not make an answer concrete on their own."""

SELF_WORDS: frozenset[str] = frozenset(
    """aspiration aspirations ambition ambitions ambitious passion passionate confident confidence
    flexible flexibility adaptable motivated motivation dedicated driven curious hardworking
    hard-working reliable impact impactful fulfilment fulfillment meaningful purpose journey
    version peace balance values valued appreciated respected recognised recognized challenging
    exciting excited eager enthusiastic positive energy mindset attitude potential development
    achievement achievements accomplishment achieve excel excellence ready""".split()
)
"""How a person describes their drive and qualities: sincere, but not a concrete specific."""

TAKE_FORMS: frozenset[str] = frozenset(
    """taken given gotten grown known shown chosen became begun began brought thought felt
    wherever whatever whenever however whichever""".split()
)
"""Irregular forms of everyday verbs and wh-ever words, which the light stemmer leaves alone."""

NUMBER_WORDS: frozenset[str] = frozenset(
    """two three four five six seven eight nine ten eleven twelve thirteen fifteen twenty thirty
    forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands million millions
    billion percent half double doubled triple tripled dozen twice""".split()
)
"""Number words that make a story's situation or result measurable."""

SOFT_SKILLS: frozenset[str] = frozenset("communication writing design research testing go".split())
"""Skill words too general (or too ambiguous) to make a story concrete on their own."""

LY_NOUNS: frozenset[str] = frozenset("supply assembly family anomaly monopoly italy reply".split())
"""Words ending in -ly that are not adverbs."""
