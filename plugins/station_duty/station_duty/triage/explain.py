"""Why the triage suggested what it did, as data (``Explanation``) and as a sentence in the desk's language.

The engine records what decided (the rule kind, the police triggers, the words matched, the noise source
and how the time was read, the model's telling words); ``chinese`` writes the sentence the rules' own
language uses (``Suggestion.reason``, the CLI's default), ``english`` the English desk's, through the
plugin's catalogue (``tr``) so a translation of the desk can take it up. Words matched stay as the caller
said them, in quotes: they are evidence, not prose.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from station_duty.responsibilities import DEPARTMENTS

POLICE = "police"  # police triggers decided
NOISE = "noise"  # the noise rule (source and time of day)
DEPARTMENT = "department"  # a department's words (and the incident type's hint)
TYPE_POLICE = "type_police"  # the incident type is police business and nothing points elsewhere
MAYBE_POLICE = "maybe_police"  # police words below the threshold, nothing points elsewhere
NOTHING = "nothing"  # no rule matched: the police keep it
MODEL = "model"  # no rule matched; the model, trained on labelled calls, referred it
READER = "reader"  # the second reader (reader.py) disagreed with the rules and decided; ``rival``: the rules' answer

CLOCK, WORD, CALL_HOUR, UNKNOWN = "clock", "word", "call_hour", "unknown"  # how the noise rule read the time


@dataclass(frozen=True)
class Explanation:
    kind: str
    department: str
    words: tuple[str, ...] = ()  # the rule words (or, for MODEL, the call's telling words) that decided
    rules: tuple[str, ...] = ()  # the police triggers' names
    rival: str = ""  # a department the call also concerns, overruled by police words
    rival_words: tuple[str, ...] = ()
    incident_type: str = ""  # the type whose hint counted
    noise_source: str = ""
    night: bool | None = None  # None: the source's department is the same at any hour
    time_basis: str = ""  # CLOCK, WORD, CALL_HOUR or UNKNOWN
    time_value: str = ""  # the hour or the word the time was read from; UNKNOWN: "night" or "day" (assumed)
    negated: tuple[str, ...] = ()  # words not counted: a negation word comes before them
    police_department: str = "公安"  # the rules' name for the police (READER: whether the answer is the police)


Translate = Callable[[str], str]

DEPARTMENT_NAMES: dict[str, str] = {**DEPARTMENTS, "工商": DEPARTMENTS["市场监管"]}  # 工商: merged in 2018
"""The shipped rules' department names in English (a command center's own names are shown as written)."""

RULE_NAMES: dict[str, str] = {
    "暴力": "violence", "威胁": "threats", "凶器": "weapons", "侵财犯罪": "property crime",
    "黄赌毒": "vice, gambling, drugs", "放火、高空抛物、假币假证": "arson, things thrown from height, forgery",
    "性侵、骚扰": "sexual assault, harassment", "拘禁、劫持": "confinement, hijacking",
    "聚集堵路": "crowds blocking roads", "可疑人员物品": "suspicious persons or objects",
    "人员走失": "missing persons", "轻生": "suicide", "尸体": "dead body", "遗失物品": "lost property",
    "醉酒": "drunkenness", "交通事故、交通秩序": "traffic accidents, traffic order",
    "建筑施工噪音": "construction noise", "工业噪音": "industrial noise", "商铺喇叭噪音": "shop loudspeakers",
    "家庭装修噪音": "home renovation", "动物噪音": "animal noise", "社会生活噪音": "people's noise",
}
"""The shipped rules' police triggers and noise sources in English."""


def chinese(explanation: Explanation) -> str:
    """The sentence in the rules' language (the shipped rules: Chinese), as ``Suggestion.reason`` gives it."""
    e = explanation
    matched = f"命中{_quoted(e.words)}"
    if e.kind == POLICE:
        text = f"警情优先（{'、'.join(e.rules)}）：{matched}"
        if e.rival:
            text += f"，虽涉及{e.rival}事项（{_quoted(e.rival_words)}），仍按警情处理"
    elif e.kind == NOISE:
        when = "任何时段" if e.night is None else ("夜间" if e.night else "白天")
        basis = {CLOCK: f"描述中为{e.time_value}点", WORD: f"描述提到“{e.time_value}”",
                 CALL_HOUR: f"来电{e.time_value}点",
                 UNKNOWN: "时间不明，按" + ("白天" if e.time_value == "day" else "夜间")}[e.time_basis]
        text = f"噪音规则：{e.noise_source}，{when}（{basis}）→ {e.department}：{matched}"
    elif e.kind == DEPARTMENT:
        parts = [matched] if e.words else []
        if e.incident_type:
            parts.append(f"警情类型“{e.incident_type}”指向{e.department}")
        text = f"非警务，{e.department}职责：" + "；".join(parts)
    elif e.kind == TYPE_POLICE:
        text = f"警情类型“{e.incident_type}”属公安，描述未指向其他部门"
    elif e.kind == MAYBE_POLICE:
        text = f"可能涉警（{'、'.join(e.rules)}）：{matched}，未指向其他部门"
    elif e.kind == MODEL:
        text = f"规则未命中；按相似的已标注来电，判为{e.department}职责" + (
            f"（相近词{_quoted(e.words)}）" if e.words else "")
    elif e.kind == READER:
        answer = "属警情" if e.department == e.police_department else f"属{e.department}职责"
        text = f"与已标注来电比对，{answer}" + (f"（相近说法{_quoted(e.words)}）" if e.words else "")
        text += f"；规则判为{e.rival}" + (f"（命中{_quoted(e.rival_words)}）" if e.rival_words else "") + "，未采用"
    else:
        text = "未命中任何规则，留公安处理"
    if e.negated:
        text += f"；{_quoted(e.negated)}前有否定词，未计"
    return text + "。"


def english(explanation: Explanation, tr: Translate = str, type_name: Translate = str) -> str:
    """The sentence for the English desk; ``tr``: the desk's catalogue, ``type_name``: an incident type's name."""
    e = explanation
    department = department_name(e.department, tr)
    words = _quoted(e.words, ", ")
    if e.kind == POLICE:
        text = tr("Police business first ({rules}): matched {words}").format(rules=_rules(e.rules, tr), words=words)
        if e.rival:
            text += tr(", although it is also a matter for {department} ({words}); it stays with the police").format(
                department=department_name(e.rival, tr), words=_quoted(e.rival_words, ", "))
    elif e.kind == NOISE:
        when = tr("at any hour") if e.night is None else (tr("at night") if e.night else tr("by day"))
        basis = {CLOCK: tr("the description says {hour}:00"), WORD: tr("the description says “{word}”"),
                 CALL_HOUR: tr("called at {hour}:00"),
                 UNKNOWN: tr("time unknown, read as day") if e.time_value == "day"
                 else tr("time unknown, read as night")}[e.time_basis].format(hour=e.time_value, word=e.time_value)
        text = tr("Noise rule: {source}, {when} ({basis}) → {department}: matched {words}").format(
            source=_rule(e.noise_source, tr), when=when, basis=basis, department=department, words=words)
    elif e.kind == DEPARTMENT:
        parts = [tr("matched {words}").format(words=words)] if e.words else []
        if e.incident_type:
            parts.append(tr("the incident type “{type}” points to {department}").format(
                type=type_name(e.incident_type), department=department))
        text = tr("Not police business, a matter for {department}: {evidence}").format(
            department=department, evidence="; ".join(parts))
    elif e.kind == TYPE_POLICE:
        text = tr("The incident type “{type}” is police business; the description points to no other department"
                  ).format(type=type_name(e.incident_type))
    elif e.kind == MAYBE_POLICE:
        text = tr("Possibly police business ({rules}): matched {words}; no other department is named").format(
            rules=_rules(e.rules, tr), words=words)
    elif e.kind == MODEL:
        text = tr("No rule matched; like similar labelled calls, a matter for {department}").format(
            department=department)
        if e.words:
            text += tr(" (telling words: {words})").format(words=words)
    elif e.kind == READER:
        if e.department == e.police_department:
            text = tr("Read against the labelled calls: police business")
        else:
            text = tr("Read against the labelled calls: a matter for {department}").format(department=department)
        if e.words:
            text += tr(" (telling words: {words})").format(words=words)
        text += tr("; the rules said {department}").format(department=department_name(e.rival, tr))
        if e.rival_words:
            text += tr(" (matched {words})").format(words=_quoted(e.rival_words, ", "))
        text += tr(", not followed")
    else:
        text = tr("No rule matched; it stays with the police")
    if e.negated:
        text += tr("; {words} not counted: a negation word comes before them").format(words=_quoted(e.negated, ", "))
    return text + "."


def department_name(name: str, tr: Translate = str) -> str:
    """A department in English ("城管" → "City management"); a name the shipped rules do not know, as written."""
    english_name = DEPARTMENT_NAMES.get(name)
    return tr(english_name) if english_name else name


def _rule(name: str, tr: Translate) -> str:
    english_name = RULE_NAMES.get(name)
    return tr(english_name) if english_name else f"“{name}”"


def _rules(names: Sequence[str], tr: Translate) -> str:
    return ", ".join(_rule(name, tr) for name in names)


def _quoted(words: Sequence[str], joiner: str = "") -> str:
    shown = joiner.join(f"“{word}”" for word in words[:6])
    return shown + (("等" if not joiner else ", …") if len(words) > 6 else "")
