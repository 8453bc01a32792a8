"""From cues to attributions: who (source) said what (claim) through which words (cue).

Patterns, each named in the suggestion's rule:
- quote-cue       “…,” X said. / “…,” said X. / “…,” TASS quoted X as saying.
- cue-quote       X said: “…” / X said, "…"
- cue-that        X said (to Y / in a statement) that …      X told Y that …
- cue-clause      X said he … / X believes the … / X announced the …
- clause-cue      …, X wrote.   (no quotation marks)
- parenthetical   …, X stressed, it is …
- according-to    According to X, … / …, according to X.
- participle      …, adding that … (the source is the main clause's)
- noun            X's claim that … / the reasoning of X that …
- quote-continuation / quote-alone   a quotation with no cue of its own
"""

from __future__ import annotations

import re
from bisect import bisect_right

from annotator.suggest.classify import EVALUATIVE
from annotator.suggest.cues import Cue, find_cues
from annotator.suggest.lexicon import BARE_CLAUSE_VERBS, OBJECT_VERBS, PREP_COMPLEMENTS, SKIP_BEFORE_VERB, VERB_FORMS
from annotator.suggest.paragraph import CLOSING, PREPOSITIONS, Attribution, ParagraphText, Span
from annotator.suggest.phrases import is_det, is_name, is_plain_noun, is_pronoun, np_after, np_before, subject_of_sentence
from annotator.suggest.quotes import Quote

EVALUATIVE_RE = re.compile(rf"\b({EVALUATIVE})\b", re.IGNORECASE)
CLAUSE_STARTERS = {"there", "this", "that", "these", "those", "no", "not", "only", "all", "none", "nothing", "every"}
CUT_BEFORE = {",", ";", "and", "while", "but", "whereas"}
TO_VERBS = {"promise", "pledge", "vow", "threaten"}  # "vowed to fight it in the courts"
AS_VERBS = {"condemn", "praise", "hail", "criticize", "criticise", "brand", "describe", "view", "regard", "consider"}
TO_OBJECT_VERBS = {"urge", "expect", "ask", "encourage", "advise", "warn", "call", "tell"}  # "urged X to …"


class Paragraph(ParagraphText):
    """The rules that read one paragraph."""

    def attributions(self) -> list[Attribution]:
        found: list[Attribution] = []
        for lo, hi in self.bounds:
            in_sentence: list[Attribution] = []
            for cue in find_cues(self.tokens, self.masked, lo, hi):
                made = self.resolve(cue, lo, hi, in_sentence)
                if made is not None:
                    in_sentence.append(made)
            self.cut_enclosing(in_sentence)
            found += in_sentence
        return found

    def cut_enclosing(self, group: list[Attribution]) -> None:
        """An attribution inside another's claim after a comma or "and" ends that claim there."""
        starts = [t.start for t in self.tokens]
        for outer in group:
            if outer.from_quote or outer.rule == "according-to":
                continue  # "According to X, some said …, while others said …" covers both
            for inner in group:
                if inner is outer or not (outer.claim[0] < inner.frame < outer.claim[1]):
                    continue
                k = bisect_right(starts, inner.frame - 1) - 1
                if k + 1 < len(self.tokens) and self.tokens[k + 1].start == inner.frame and self.tokens[k + 1].lower in CUT_BEFORE:
                    k += 1  # the frame opens with its own "and"
                if k > 0 and self.tokens[k].text in CLOSING and self.tokens[k - 1].text == ",":
                    k -= 1
                if k < 0 or self.tokens[k].lower not in CUT_BEFORE:
                    continue
                if self.tokens[k].lower != "," and k > 0 and self.tokens[k - 1].text == ",":
                    k -= 1
                trimmed = self.claim(outer.claim[0], self.tokens[k].start)
                if trimmed and trimmed[1] - trimmed[0] > 3:
                    outer.claim = trimmed

    def resolve(self, cue: Cue, lo: int, hi: int, before: list[Attribution]) -> Attribution | None:
        toks = self.tokens
        cue_span = self.span((cue.first, cue.last))
        if cue.kind == "according":
            return self.according(cue, cue_span, lo, hi)
        if cue.kind == "noun":
            return self.noun(cue, cue_span, hi)
        quote = self.quote_before(cue.first) if cue.kind in ("verb", "postquote", "phrase") else None
        if quote is not None and self.text[quote.end - 2] in ".!?":
            # “… ended.” He also announced that …: a new sentence with content of its own
            rest = self.platform(cue.last + 1, hi)
            if not self._only_trailer(rest, hi):
                quote = None
        if quote is not None:
            return self.after_quote(cue, cue_span, quote, hi)
        if cue.kind == "postquote":
            return None
        participle = cue.kind == "participle"
        subject = None if participle else np_before(toks, cue.first, lo)
        sources: list[Span] = []
        frame = None
        if subject is not None:
            if cue.passive and toks[subject[0]].lower == "it":
                subject = None
            else:
                sources.append(self.span(subject))
                if doc := self.leading_document_source(lo, subject[0]):
                    sources.append(doc)
        elif participle:
            if before:
                sources = list(before[-1].sources or before[-1].disputers)
            elif (first := subject_of_sentence(toks, lo, cue.first)) is not None:
                sources = [self.span(first)]
        elif (conj := self.coordinated(cue.first, lo)) is not None and before:
            sources = list(before[-1].sources or before[-1].disputers)  # "confirmed … and said …"
            frame = toks[conj].start
        # what follows the cue
        k = cue.last + 1
        after_platform = self.platform(k, hi)
        if after_platform != k:
            cue_span = (cue_span[0], toks[after_platform - 1].end)
            k = after_platform
        doc, k = self.document_source(k, hi)
        if doc:
            sources.append(doc)
        if frame is None and participle:
            j = cue.first - 1
            while j > lo and toks[j].lower in SKIP_BEFORE_VERB:
                j -= 1
            frame = toks[j].start if toks[j].lower in CUT_BEFORE else cue_span[0]
        if frame is None:
            frame = self.tokens[subject[0]].start if subject else cue_span[0]
        made = self.content_after(cue, k, lo, hi)
        rule, confidence = "", 0.0
        if made is not None:
            claim, rule, confidence = made
        else:
            tail = self.claim_before(cue, subject, lo, hi, k)
            if tail is None:
                return None
            claim, rule, confidence, extra = tail
            sources += extra
            frame = cue_span[0]
        if participle:
            rule, confidence = "participle", min(confidence, 0.7)
        if not sources and not cue.passive and rule not in ("clause-cue", "parenthetical"):
            return None  # a verb of saying with nobody saying: rarely an attribution
        if not sources:
            confidence -= 0.15
        return Attribution(claim, [cue_span], sources, [], cue.category, cue.lemma, rule, confidence, frame=frame)

    def content_after(self, cue: Cue, k: int, lo: int, hi: int) -> tuple[Span, str, float] | None:
        toks = self.tokens
        end_char = toks[hi - 1].end
        if cue.lemma in AS_VERBS and k < hi:
            window = [t.lower for t in toks[k : min(hi, k + 8)]]
            if "as" in window:
                return self.evaluation(cue, k, hi)  # "condemned the protest as “reckless”"
        if cue.lemma in ("call", "described as", "describes as", "describing as", "view", "regard", "consider", "describe"):
            if cue.lemma == "call" and (obj := np_after(toks, k, hi, objects=True)) and obj[1] + 2 < hi and toks[obj[1] + 1].lower == "to":
                claim = self.claim(toks[obj[0]].start, end_char)  # "called on X to …" without "on"
                return (claim, "cue-object-to", 0.55) if claim else None
            return self.evaluation(cue, k, hi)
        if cue.lemma in OBJECT_VERBS | {"expect", "call", "ask", "encourage", "advise"} and k < hi and (obj := np_after(toks, k, hi, objects=True)):
            if obj[1] + 2 < hi and toks[obj[1] + 1].lower == "to" and cue.lemma in TO_OBJECT_VERBS:
                claim = self.claim(toks[obj[0]].start, end_char)  # "urged the union to return to talks"
                return (claim, "cue-object-to", 0.6) if claim else None
            k = obj[1] + 1
        # "… (to Y / in a statement / on Thursday) that …"
        for j in range(k, min(hi, k + 14)):
            word = toks[j].lower
            if word == "that" and not self.masked[j]:
                claim = self.claim(toks[j + 1].start, end_char) if j + 1 < hi else None
                if claim and len(self.text[claim[0] : claim[1]].split()) >= 2:
                    return claim, "cue-that", 0.85
                return None
            if word in (".", ";", "?", "!", ":", ",") or self.masked[j]:
                break
            if j > k and word in VERB_FORMS and not (toks[j - 1].possessive or is_det(toks[j - 1])):
                break  # another verb of saying: its own frame
        if k >= hi or cue.weak:
            return None
        nxt = toks[k]
        if nxt.text in (":", ",") and (q := self.quote_at(k + 1)):
            claim = self.claim(*q.inner)
            return (claim, "cue-quote", 0.85) if claim else None
        if nxt.text == ":" and k + 1 < hi:
            claim = self.claim(toks[k + 1].start, end_char)
            return (claim, "cue-quote", 0.75) if claim else None
        if cue.lemma in TO_VERBS and nxt.lower == "to" and k + 1 < hi:
            claim = self.claim(nxt.start, end_char)
            return (claim, "cue-to", 0.6) if claim else None
        for prep in PREP_COMPLEMENTS.get(cue.lemma, ()):
            words = prep.split()
            if [t.lower for t in toks[k : k + len(words)]] == words and k + len(words) < hi:
                claim = self.claim(toks[k + len(words)].start, end_char)
                return (claim, "cue-prep", 0.5) if claim else None
        starts_clause = (
            is_pronoun(nxt) or is_name(nxt) or is_det(nxt) or nxt.lower in CLAUSE_STARTERS
            or self.quote_at(k) is not None or nxt.text[0].isdigit()
            or (cue.kind in ("phrase", "participle") and nxt.is_word)
            or (cue.lemma in BARE_CLAUSE_VERBS and is_plain_noun(nxt) and nxt.lower not in PREPOSITIONS)
        )
        if starts_clause and cue.kind != "postquote":
            claim = self.claim(nxt.start, end_char)
            if claim and len(self.text[claim[0] : claim[1]].split()) >= 2:
                return claim, "cue-clause", 0.65
        return None

    def evaluation(self, cue: Cue, k: int, hi: int) -> tuple[Span, str, float] | None:
        """ "called it “productive”", "described as …", "views this as …": opinions, if they look like one."""
        toks = self.tokens
        if k < hi and (q := self.quote_at(k)):
            claim = self.claim(*q.inner)
            return (claim, "cue-quote", 0.75) if claim else None
        obj = np_after(toks, k, hi, objects=True) if k < hi else None
        after = obj[1] + 1 if obj else k
        if after < hi and toks[after].lower == "as":
            after += 1
        if after < hi and (q := self.quote_at(after)):
            claim = self.claim(*q.inner)
            return (claim, "evaluation", 0.75) if claim else None
        rest = self.text[toks[k].start : toks[hi - 1].end] if k < hi else ""
        if k < hi and (" as " in f" {rest[:80]} " or EVALUATIVE_RE.search(rest)):
            claim = self.claim(toks[k].start, toks[hi - 1].end)
            return (claim, "evaluation", 0.55) if claim else None
        return None

    def claim_before(self, cue: Cue, subject, lo: int, hi: int, k: int):
        """ "…, X wrote." / "…, said X." / "…, X stressed, …": the claim sits outside the frame."""
        toks = self.tokens
        if cue.kind in ("participle", "noun") or cue.weak:
            return None
        if subject is not None and subject[0] - 1 > lo and toks[subject[0] - 1].text == ",":
            comma = subject[0] - 1
            if k < hi and toks[k].text == "," and k + 2 < hi:  # parenthetical
                claim = self.claim(toks[k + 1].start, toks[hi - 1].end)
                return (claim, "parenthetical", 0.6, []) if claim else None
            if self._only_trailer(k, hi) and comma - lo >= 3:
                claim = self.claim(toks[lo].start, toks[comma].start)
                return (claim, "clause-cue", 0.6, []) if claim else None
        if subject is None and cue.first - 1 > lo + 2 and toks[cue.first - 1].text == ",":
            inverted = np_after(toks, cue.last + 1, hi)
            if inverted and self._only_trailer(inverted[1] + 1, hi):
                claim = self.claim(toks[lo].start, toks[cue.first - 1].start)
                return (claim, "clause-cue", 0.55, [self.span(inverted)]) if claim else None
        return None

    def after_quote(self, cue: Cue, cue_span: Span, quote: Quote, hi: int) -> Attribution | None:
        toks = self.tokens
        claim = self.claim(*quote.inner)
        if claim is None:
            return None
        first_after = bisect_right([t.start for t in toks], quote.end - 1)
        subject = np_before(toks, cue.first, first_after) if cue.first > first_after else None
        sources = [self.span(subject)] if subject else []
        cues = [cue_span]
        k = cue.last + 1
        after_platform = self.platform(k, hi)
        if after_platform != k:
            cues = [(cue_span[0], toks[after_platform - 1].end)]
            k = after_platform
        if subject is None or cue.lemma == "quote":
            inverted = np_after(toks, k, hi, objects=cue.lemma == "quote")
            if inverted:
                sources.append(self.span(inverted))
                k = inverted[1] + 1
                if cue.lemma == "quote" and k + 1 < hi and [t.lower for t in toks[k : k + 2]] == ["as", "saying"]:
                    cues.append(self.span((k, k + 1)))
        doc, _ = self.document_source(k, hi)
        if doc:
            sources.append(doc)
        confidence = 0.9 if sources else 0.6
        return Attribution(claim, cues, sources, [], cue.category, cue.lemma, "quote-cue", confidence, True, quote.start)

    def according(self, cue: Cue, cue_span: Span, lo: int, hi: int) -> Attribution | None:
        toks = self.tokens
        source = np_after(toks, cue.last + 1, hi, objects=True)
        if source is None:
            return None
        after = source[1] + 1
        end_char = toks[hi - 1].end
        opens = cue.first == lo or toks[cue.first - 1].text == ","
        claim = None
        if opens and after < hi and toks[after].text == "," and after + 1 < hi:
            claim = self.claim(toks[after + 1].start, end_char)
        elif cue.first - 1 > lo and toks[cue.first - 1].text == "," and not any(t.text in ",;" for t in toks[after:hi]):
            claim = self.claim(toks[lo].start, toks[cue.first - 1].start)  # "…, according to a study published …"
        if claim is None:
            return None
        return Attribution(claim, [cue_span], [self.span(source)], [], "attributed", "according to", "according-to", 0.85, frame=cue_span[0])

    def noun(self, cue: Cue, cue_span: Span, hi: int) -> Attribution | None:
        toks = self.tokens
        i = cue.first
        if i > 0 and toks[i - 1].possessive and is_name(toks[i - 1]):
            owner = np_before(toks, i, max(0, i - 8))
            owner = owner if owner and owner[1] == i - 1 else (i - 1, i - 1)
        else:
            owner = np_after(toks, i + 2, hi)
        that = next(j for j in range(i + 1, hi) if toks[j].lower == "that")
        claim = self.claim(toks[that + 1].start, toks[hi - 1].end) if that + 1 < hi else None
        if claim is None or owner is None:
            return None
        return Attribution(claim, [cue_span], [self.span(owner)], [], "attributed", cue.lemma, "noun", 0.7, frame=cue_span[0])


def _resumes(text: str, speaker: Attribution | None, q: Quote) -> bool:
    """ “…,” she said on a call, “but …”: the quotation goes on after its own cue."""
    if speaker is None or not speaker.from_quote or not speaker.cues:
        return False
    cue_end = max(end for _, end in speaker.cues)
    between = text[cue_end : q.start]
    return speaker.claim[1] <= speaker.cues[0][0] and cue_end <= q.start and len(between) < 60 and not any(c in between for c in ".!?")


def continuation(paragraph: Paragraph, found: list[Attribution], last: Attribution | None) -> list[Attribution]:
    """Quotations with no cue of their own: the last speaker's, when there is one."""
    out = []
    claimed = [a.claim for a in found]
    for q in paragraph.closed:
        inner = paragraph.claim(*q.inner)
        if inner is None or len(paragraph.text[inner[0] : inner[1]].split()) < 3:
            continue
        if any(c[0] <= q.end and q.start <= c[1] for c in claimed):
            continue
        previous = [a for a in found if a.claim[1] <= q.start] or ([last] if last else [])
        speaker = previous[-1] if previous else None
        if not any(s.start == q.start for s in paragraph.sentences) and not _resumes(paragraph.text, speaker, q):
            continue  # a quotation inside a sentence of the outlet's own: a phrase, not a statement
        if speaker is not None and speaker.sources:
            sources = speaker.sources[-1:] if speaker.lemma == "quote" else speaker.sources
            confidence = 0.55 if speaker.from_quote else 0.45
            out.append(Attribution(inner, [], list(sources), [], "attributed", "", "quote-continuation", confidence, True, q.start))
        elif len(paragraph.text[inner[0] : inner[1]].split()) >= 6:
            out.append(Attribution(inner, [], [], [], "attributed", "", "quote-alone", 0.3, True, q.start))
        claimed.append(inner)
    return out
