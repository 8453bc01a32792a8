"""The category of a claim: contested (denied or disputed), opinion (judgement, prediction,
belief) or attributed. The cue's verb decides first; the claim's own words can overrule it."""

from __future__ import annotations

import re

DENIAL = re.compile(
    r"\b(not aware of any|no such|not true|untrue|baseless|groundless|unfounded|fake news|false|"
    r"never happened|did not happen|categorically|nonsense|fabricat\w+|(are|is|were|was) lies)\b",
    re.IGNORECASE,
)
EVALUATIVE = (
    "unrealistic|realistic|impossible|unlikely|impractical|important|necessary|crucial|essential|vital|"
    "great|good|bad|horrible|terrible|awful|productive|constructive|frank|successful|paradoxical|dangerous|"
    "unacceptable|wrong|right|fair|unfair|historic|excellent|positive|negative|difficult|popular|unpopular|"
    "disastrous|disaster|better|worse|best|worst|ridiculous|absurd|shameful|outrageous|meaningful|"
    "promising|useless|pointless|reckless|irresponsible|too \\w+|more \\w+ than|so \\w+|not great|"
    "likely|sure|confident|optimistic|pessimistic|hopeful|disappointed|disappointing|pleased|delighted|"
    "concerned|worried|worrying|alarming|troubling|encouraging|welcome|satisfied|proud|sorry|happy|unhappy|"
    "cautious|complex|impressive|remarkable|shocking|appalling|regrettable|unjust|justified|unjustified|"
    "illegal|legitimate|illegitimate|insufficient|inadequate|excessive|unreasonable|reasonable|serious|"
    "necessary|unnecessary|premature|inevitable|doomed|a mistake|a tragedy|a disaster|a betrayal|a success|"
    "a failure|a victory|a puppet|an obstacle|the beginning|great news|tough|hard|easy|reckless|dangerous"
)
OPINION = re.compile(
    r"\b(I|we|We)\s+(\w+\s+)?(think|believe|hope|feel|fear|doubt|am hopeful|am confident|are confident|"
    r"am sure|am optimistic)\b"
    r"|\b(necessity|tragedy|betrayal|disaster|catastrophe|misery|disgrace|nightmare|farce|lies|"
    r"historic day|great news|real attitude|too high|too low|far too)\b"
    r"|\bthe (biggest|greatest|worst|best|most \w+|least \w+) \w+"
    r"|\bwould (not )?have (happened|been)\b"
    r"|\b(shows?|showed|proves?|proved|suggests?|suggested|means|meant)\s+(that|the|a|an|his|her|their|its|our|\w+[’']s)\b"
    r"|\bhopefully\b|\bshould\b|\bmust\b|\bought to\b|\bneed to\b|\bneeds to\b|\bhave to\b|\bhas to\b|\btime to\b"
    r"|\b(it is|it's|it was|is|are|was|were|be|been|seems?|remains?|looks?)\s+(not\s+)?"
    r"((very|extremely|so|quite|rather|fundamentally|highly|likely|absolutely|simply|hardly|really|far|deeply)\s+)*"
    rf"({EVALUATIVE})\b"
    r"|\b(will|would|could|might|may|can)\s+(not\s+|only\s+|never\s+|inevitably\s+|probably\s+)?"
    r"(help|lead|bring|change|damage|harm|hurt|benefit|improve|worsen|cease|fail|succeed|smash|revolutionize|"
    r"revolutionise|cement|destroy|undermine|strengthen|weaken|end|have no|cause)\b"
    r"|\b(believes?|thinks?|hopes?|fears?)\b",
)
STRONG_OPINION_CUES = {"brand", "believe", "think", "hope", "feel", "fear", "expect", "predict", "forecast", "doubt",
                       "consider", "reckon", "suspect", "guess", "anticipate", "argue", "view", "regard", "deem",
                       "praise", "criticize", "criticise", "condemn", "urge", "call", "hail", "speculate",
                       "spoke in favor of", "spoke in favour of", "speaks in favor of", "called on", "calls on",
                       "called for", "calls for", "described as", "describes as", "describing as",
                       "expressed confidence", "expressed hope", "expressed concern", "voiced concern",
                       "is confident", "was confident", "are confident", "were confident"}


def categorise(cue_category: str, lemma: str, claim_text: str) -> tuple[str, str]:
    """(category, reason): the reason names what decided it, for the suggestion's rule."""
    if cue_category == "contested":
        return "contested", "cue"
    if DENIAL.search(claim_text):
        return "contested", "denial"
    if lemma in STRONG_OPINION_CUES or cue_category == "opinion":
        return "opinion", "cue"
    if OPINION.search(claim_text):
        return "opinion", "wording"
    return "attributed", "default"
