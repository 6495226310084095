"""Cutting a description into words (jieba) and finding the rules' words among them.

Words are found among jieba's words, never inside a longer one: "偷偷" (secretly) is not "偷" (steal),
"不停" (non-stop) is not a negation. A rule word jieba still cuts in pieces ("打" "人") is found as the
run of pieces that spells it, so matching never depends on how jieba happened to cut it.
"""

from __future__ import annotations

import logging
import re
import threading
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from station_duty.triage.rules import PATTERN_JOINER, set_name

MAX_PIECES = 4
"""A rule word is found as a run of at most this many of jieba's words."""

PATTERN_GAP = 3
"""In a pattern ``A~B``, at most this many words between A and B (``A~~B``: B anywhere after A)."""

CLAUSE_PUNCTUATION = frozenset(",.;:!?、。，；：！？…\n\t ")

GAP_FILLERS = frozenset({"了", "都", "也", "就", "着", "过", "的", "地", "得", "啊", "呀", "啦", "嘛", "呢", "吧",
                         "咯", "喇", "又", "已经", "一直", "仍然", "竟然", "居然"})
"""Particles and adverbs that a pattern's gap does not count, nor any duration ("行李箱放了一个多钟都没人要" is
the bag, then 没人要, one word apart): how long or how surely a thing happened never separates its parts."""

_NUMBER = r"(?:[0-9]+|[零一二两三四五六七八九十百千几半]+)"
SPOKEN_CLASSES = {
    "<时长>": re.compile(rf"(?:好|大|成)?(?:{_NUMBER}个?|个{_NUMBER}?)(?:多|半)?"
                        r"(?:钟头|小时|个钟|钟|分钟|秒钟|天|日|晚|夜|礼拜|星期|周|个月|月|年)(?:多|半)?"),
    "<时刻>": re.compile(rf"(?:凌晨|半夜|早上|上午|中午|下午|晚上|夜里)?{_NUMBER}(?:点|點)"
                        r"(?:半|钟|多|[0-9一二三四五六七八九十]+分?)?"),
}
"""What a set member written "<时长>" or "<时刻>" stands for: any duration or clock time said with a number
("一个多钟", "十几分钟", "两个礼拜"; "六点半"), which jieba cuts in pieces no word list can hold."""
DURATION = "<时长>"

RESULT_COMPLEMENTS = frozenset("倒伤跌晕哭肿残瘫昏")
"""A one-character verb of the rules inside jieba's two-character verb-and-result ("推倒", "踢伤", "打晕") is that
verb: jieba glues them, and a push that knocks someone down is a push."""

FUNCTION_CHARACTERS = frozenset("一二两几个些的地得了着过我你他她它们有在是这那"
                                "就也都和与把被给说要想问请喂您好下很还又不没吗呢吧啊")
"""A word or run made only of these ("一个", "我想", "问一下", "你好") can weigh for an answer in a model
learned from calls without telling a call-taker anything: the models never show it as a telling word, and
the word model never refers a call on it."""

_lock = threading.Lock()
_base: Any = None  # jieba's tokenizer with its dictionary loaded, shared read-only by every Words


def _base_tokenizer() -> Any:
    """Loads jieba and its dictionary once (about half a second), quietly."""
    global _base
    with _lock:
        if _base is None:
            import jieba  # type: ignore[import-untyped]  # no type hints shipped; loaded lazily: it is slow

            # jieba logs "Building prefix dict..." on stderr at debug level: not a call-taker's business.
            jieba.setLogLevel(logging.WARNING)
            tokenizer = jieba.Tokenizer()
            tokenizer.initialize()
            _base = tokenizer
        return _base


def normalize(text: str) -> str:
    """Full-width letters and digits to half-width (ＫＴＶ → KTV), upper case (ktv → KTV)."""
    return unicodedata.normalize("NFKC", text).upper()


class Tokenizer:
    """jieba with the rules' own words in its dictionary, built per rule set so that two rule files in
    one process (the shipped ones and a command center's) never change each other's cutting."""

    def __init__(self, vocabulary: Iterable[str]) -> None:
        import jieba

        base = _base_tokenizer()
        self._jieba: Any = jieba.Tokenizer()
        # Copying the loaded dictionary (about 10 ms) instead of loading it again (about 500 ms).
        self._jieba.FREQ = dict(base.FREQ)
        self._jieba.total = base.total
        self._jieba.initialized = True
        for word in sorted(vocabulary):
            if word not in SPOKEN_CLASSES:
                self._jieba.add_word(normalize(word))

    def cut(self, text: str) -> list[str]:
        # HMM off: no guessed new words glued across a rule word's edge, and the cut is deterministic.
        pieces: list[str] = self._jieba.lcut(normalize(text), HMM=False)
        return pieces


@dataclass(frozen=True)
class Found:
    word: str  # as written in the rules
    start: int  # index of its first piece
    negated: bool
    said: str = ""  # a pattern's words as the call has them ("上门…说是…供电局…交"); "" for a plain word


class Finder:
    """Finds a set of words (and ``A~B`` patterns) in a cut description, marking negated ones."""

    def __init__(self, words: Iterable[str], negations: Iterable[str], breaks: Iterable[str], scope: int,
                 max_pieces: int = MAX_PIECES, word_sets: Mapping[str, Iterable[str]] | None = None,
                 incidental: Iterable[str] = (), cancellable: Iterable[str] = (), scope_breaks: Iterable[str] = (),
                 police: Iterable[str] = ()) -> None:
        self.plain: dict[str, str] = {}
        self.patterns: list[tuple[str, tuple[_Part, ...]]] = []
        sets = word_sets or {}
        for word in words:
            if PATTERN_JOINER in word or set_name(word) is not None:
                self.patterns.append((word, _parts(word, sets)))
            else:
                self.plain[normalize(word)] = word
        self._pattern_words = frozenset(word for word, _parts in self.patterns)
        self.negations = frozenset(normalize(word) for word in negations)
        self.breaks = frozenset(normalize(word) for word in breaks)
        self.scope = scope
        self.max_pieces = max_pieces
        # an incidental phrase ("沙井盖~不见") covers only the words it may cancel (the police's "不见"), never
        # the others inside it (the water authority's "沙井盖")
        self.incidental = frozenset(incidental)
        self.cancellable = frozenset(cancellable)
        self.scope_breaks = frozenset(normalize(word) for word in scope_breaks)
        # one-character police verbs ("打"): said bare, they may be a trade's verb the call already named
        self.verbs = frozenset(word for word in police if len(word) == 1 and word in self.plain)
        self.police = frozenset(police)

    def find(self, pieces: Sequence[str], negate: bool = True) -> list[Found]:
        clause = self._clauses(pieces)
        runs: dict[str, list[tuple[int, int]]] = {}
        for start in range(len(pieces)):
            text = ""
            for end in range(start, min(start + self.max_pieces, len(pieces))):
                text += pieces[end]
                runs.setdefault(text, []).append((start, end + 1))
                if end == start and len(text) == 2 and text not in self.plain and text[0] in self.verbs \
                        and text[1] in RESULT_COMPLEMENTS:
                    runs.setdefault(text[0], []).append((start, end + 1))  # "推倒" is a "推" ("被人~推" too)
                for name, spoken in SPOKEN_CLASSES.items():
                    if spoken.fullmatch(text):
                        runs.setdefault(name, []).append((start, end + 1))
        gap = _gap_counter(pieces, runs.get(DURATION, ()))
        # (start, end, word, the pieces it is spelled by: itself, or a pattern's parts)
        spans: list[tuple[int, int, str, tuple[tuple[int, int], ...]]] = []
        for text, places in runs.items():
            word = self.plain.get(text)
            if word is not None:
                spans.extend((start, end, word, ((start, end),)) for start, end in places)
        for index, piece in enumerate(pieces):
            if len(piece) > 2 and piece not in self.plain:
                spans.extend((index, index + 1, word, ()) for word in self._inside(piece))
        for word, parts in self.patterns:
            spans.extend((covers[0][0], covers[-1][1], word, covers)
                         for covers in self._pattern(parts, runs, clause, gap))
        # An incidental phrase with a police word in its parts cancels police words only ("铁棍…蛇": the snake
        # stays 消防's); one without cancels an event's word too ("等于被他吞了", "怕会起火").
        policing = {(start, word) for start, _end, word, spelled in spans if word in self.incidental and any(
            inner in self.police and s <= s1 and e1 <= e for s, e in spelled for s1, e1, inner, _ in spans)}
        found = []
        for start, end, word, spelled_by in spans:
            # "打" inside a found "打起来" is the same evidence: count the longer word only; a pattern's
            # parts belong to it ("失踪" in "老板~失踪"), the words between them do not.
            if any(s <= start and end <= e and (len(spelled) > 1 or (e - s) > (end - start))
                   for other_start, other_end, other, spelled in spans
                   if self._may_cover(other, other_start, word, policing)
                   for s, e in (spelled or ((other_start, other_end),))):
                continue
            negated = negate and any(
                pieces[before] in self.negations and clause[before] == clause[start]
                and not self.scope_breaks.intersection(pieces[before + 1:start])
                for before in range(max(0, start - self.scope), start)
            )
            said = "…".join("".join(pieces[s:e]) for s, e in spelled_by) if word in self._pattern_words else ""
            found.append(Found(word, start, negated, said))
        found.sort(key=lambda item: item.start)
        return self._without_trade_verbs(found)

    def _may_cover(self, other: str, other_start: int, word: str, policing: set[tuple[int, str]]) -> bool:
        """Whether a longer find ``other`` stands for ``word`` inside it: any find does, but an incidental phrase
        only for an event's word, and only for a police word when one of its parts is a police word."""
        if other == word:
            return False
        if other not in self.incidental:
            return True
        return word in self.cancellable and (word in self.police or (other_start, other) not in policing)

    def _without_trade_verbs(self, found: list[Found]) -> list[Found]:
        """A bare one-character police verb the call also says as a trade's or an object's verb, in a
        department's word or an incidental phrase ("打吊针 … 打完全身起红疹", "打墙 … 打"), is that trade's verb
        again: it is no blow. Its police words with a person ("打我", "打了他") are words of their own."""
        # (a verb and a particle is the verb itself: "用尺子打的" is a blow, not 交通运输's "打的")
        trades = {verb for item in found if item.word not in self.police or item.word in self.incidental
                  for verb in self.verbs if (said := item.said or item.word).startswith(verb)
                  and said[len(verb):].lstrip("…") not in GAP_FILLERS}
        return [item for item in found if item.word not in trades]

    def _inside(self, piece: str) -> list[str]:
        """Rule words of two or more characters inside one of jieba's longer words ("工资" in "月工资"):
        jieba's dictionary has compounds the rules cannot all list."""
        inside = {piece[start:end] for start in range(len(piece)) for end in range(start + 2, len(piece) + 1)}
        inside.discard(piece)
        return [self.plain[text] for text in inside if text in self.plain]

    def _clauses(self, pieces: Sequence[str]) -> list[int]:
        numbers, current = [], 0
        for piece in pieces:
            if piece in self.breaks or all(ch in CLAUSE_PUNCTUATION for ch in piece):
                current += 1
            numbers.append(current)
        return numbers

    @staticmethod
    def _pattern(parts: tuple[_Part, ...], runs: dict[str, list[tuple[int, int]]],
                 clause: list[int], gap: list[int]) -> list[tuple[tuple[int, int], ...]]:
        """Each match of the parts in order, as the spans of its parts (one per place the first part is at)."""
        head = parts[0].forms
        firsts = runs.get(next(iter(head)), []) if len(head) == 1 else sorted(
            {span for form in head for span in runs.get(form, [])})
        matches = []
        for first in firsts:
            covers = _follow(parts[1:], runs, clause, gap, [first], clause[first[0]])
            if covers is not None:
                matches.append(tuple(covers))
        return matches


def _gap_counter(pieces: Sequence[str], durations: Iterable[tuple[int, int]]) -> list[int]:
    """``counter[i]``: how many of the pieces before ``i`` a pattern's gap counts (not GAP_FILLERS, not durations)."""
    filler = [piece in GAP_FILLERS for piece in pieces]
    for start, end in durations:
        filler[start:end] = [True] * (end - start)
    counter = [0]
    for is_filler in filler:
        counter.append(counter[-1] + (not is_filler))
    return counter


def _follow(parts: Sequence[_Part], runs: dict[str, list[tuple[int, int]]], clause: list[int], gap: list[int],
            covers: list[tuple[int, int]], anchor: int) -> list[tuple[int, int]] | None:
    """The spans of the remaining parts after ``covers``, the nearest first; ``anchor``: the clause the parts
    joined by "~" stay in (a part after "~~" starts a new one); ``gap``: ``_gap_counter``'s. A nearer place that
    leads nowhere gives way to a farther one ("交了 … 发现 …，后来才知道那人根本不是房东": the second 发现)."""
    if not parts:
        return covers
    part, last_end = parts[0], covers[-1][1]
    following = sorted(((s, e) for form in part.forms for s, e in runs.get(form, [])
                        if last_end <= s and (part.anywhere_after or (
                            gap[s] - gap[last_end] <= PATTERN_GAP and clause[s] == anchor))),
                       key=lambda span: (span[1], span[0]))
    for span in following:
        found = _follow(parts[1:], runs, clause, gap, [*covers, span],
                        clause[span[0]] if part.anywhere_after else anchor)
        if found is not None:
            return found
    return None


@dataclass(frozen=True)
class _Part:
    """One part of a pattern: the words that may stand there (one, or a ``{set}``'s), and whether it may come
    anywhere after the part before it (``~~``) rather than a few words later in the same clause (``~``)."""

    forms: frozenset[str]
    anywhere_after: bool = False


def _parts(word: str, sets: Mapping[str, Iterable[str]]) -> tuple[_Part, ...]:
    parts: list[_Part] = []
    far = False
    for text in word.split(PATTERN_JOINER):
        if not text:  # the empty text between the two "~" of "~~"
            far = True
            continue
        name = set_name(text)
        forms = sets.get(name, ()) if name is not None else (text,)
        parts.append(_Part(frozenset(normalize(form) for form in forms), far))
        far = False
    return tuple(parts)


class Substrings:
    """The baseline the bench measures against: each word looked for with ``in`` in the raw text (a
    pattern's parts in order, any of a ``{set}``'s words), no tokenizer, no negation."""

    def __init__(self, words: Iterable[str], word_sets: Mapping[str, Iterable[str]] | None = None) -> None:
        self.words = [(word, _parts(word, word_sets or {})) for word in words]

    def find(self, text: str) -> list[Found]:
        text = normalize(text)
        found = []
        for word, parts in self.words:
            position, start = 0, -1
            for part in parts:
                places = [place for form in part.forms if (place := text.find(form, position)) >= 0]
                if not places:
                    position = -1
                    break
                position = min(places)
                start = position if start < 0 else start
            if position >= 0:
                found.append(Found(word, start, False))
        return found
