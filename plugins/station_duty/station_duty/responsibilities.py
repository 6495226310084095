"""The station responsibility list (派出所职责清单): its model, the file it is read from, and search. Qt-free.

The list is categories of items; each item says what the work is, the law it rests on, and the department
that owns it (``公安`` for police business, otherwise the department a call is referred to, named as the
triage rules name them). The plugin ships an example list (``data/responsibilities.toml``); a command
center imports its own file in the same format (TOML, or JSON with the same keys). A file is read whole
and checked whole: every problem is reported at once, each naming the file, the place in it (the key
path and the item's id) and the field, so that whoever keeps the file can fix it in one go.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

SHIPPED = Path(__file__).with_name("data") / "responsibilities.toml"
POLICE = "公安"

DEPARTMENTS: dict[str, str] = {
    "公安": "Police",
    "街道": "Street office",
    "环保": "Environment",
    "城管": "City management",
    "劳动": "Labour and social security",
    "市场监管": "Market regulation",
    "卫生": "Health",
    "水务": "Water authority",
    "供电": "Power supply",
    "燃气": "Gas supply",
    "交通运输": "Transport",
    "住建": "Housing and construction",
    "民政": "Civil affairs",
    "教育": "Education",
    "消防": "Fire and rescue",
    "急救": "Ambulance (120)",
    "物业": "Property management",
}
"""The departments of the triage rules (/shared/TRIAGE_RULES.md), with their English names: the desk's own
where the referral (F7) offers the department, so one department reads the same everywhere on the desk."""

LIST_FIELDS = ("title_zh", "title_en", "note_zh", "note_en")
CATEGORY_FIELDS = ("id", "name_zh", "name_en")
ITEM_FIELDS = ("id", "name_zh", "name_en", "description_zh", "description_en", "legal_basis", "department",
               "counterpart")
OPTIONAL_FIELDS = frozenset({"counterpart", "note_zh", "note_en"})


class ListError(ValueError):
    """A responsibility list file that cannot be used; ``problems`` lists every one found."""

    def __init__(self, path: Path, problems: Sequence[str]) -> None:
        self.path = path
        self.problems = tuple(problems)
        count = len(self.problems)
        super().__init__(f"{path}: {count} problem{'s' if count != 1 else ''} in the responsibility list:\n"
                         + "\n".join(f"- {problem}" for problem in self.problems))


@dataclass(frozen=True, slots=True)
class Item:
    id: str
    category: str  # the category's id
    name_zh: str
    name_en: str
    description_zh: str
    description_en: str
    legal_basis: str
    department: str
    counterpart: str = ""

    @property
    def police(self) -> bool:
        """Is this police business (rather than a matter to refer to another department)?"""
        return self.department == POLICE

    def name(self, language: str) -> str:
        return self.name_zh if language == "zh_CN" else self.name_en

    def description(self, language: str) -> str:
        return self.description_zh if language == "zh_CN" else self.description_en

    def department_name(self, language: str) -> str:
        return self.department if language == "zh_CN" else DEPARTMENTS.get(self.department, self.department)


@dataclass(frozen=True, slots=True)
class Category:
    id: str
    name_zh: str
    name_en: str
    items: tuple[Item, ...]

    def name(self, language: str) -> str:
        return self.name_zh if language == "zh_CN" else self.name_en


@dataclass(frozen=True)
class ResponsibilityList:
    categories: tuple[Category, ...]
    title_zh: str = ""
    title_en: str = ""
    note_zh: str = ""
    note_en: str = ""
    source: str = ""  # the file it was read from
    _haystacks: tuple[tuple[Item, str, str], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Lower-cased texts made once, so that a search is one substring test per item and word (fast
        # enough to run on every keystroke): the item's name apart, to rank name matches first.
        haystacks = []
        for item in self.items:
            name = f"{item.id} {item.name_zh} {item.name_en}".casefold()
            rest = " ".join((item.description_zh, item.description_en, item.legal_basis, item.department,
                             DEPARTMENTS.get(item.department, ""), item.counterpart)).casefold()
            haystacks.append((item, name, rest))
        object.__setattr__(self, "_haystacks", tuple(haystacks))

    @property
    def items(self) -> tuple[Item, ...]:
        return tuple(item for category in self.categories for item in category.items)

    def item(self, item_id: str) -> Item:
        for item in self.items:
            if item.id == item_id:
                return item
        raise KeyError(f"no item {item_id!r} in the responsibility list")

    def category(self, category_id: str) -> Category:
        for category in self.categories:
            if category.id == category_id:
                return category
        raise KeyError(f"no category {category_id!r} in the responsibility list")

    def title(self, language: str) -> str:
        return self.title_zh if language == "zh_CN" else self.title_en

    def note(self, language: str) -> str:
        return self.note_zh if language == "zh_CN" else self.note_en

    def search(self, query: str) -> list[Item]:
        """The items matching every word of ``query`` (Chinese or English, any case) in their id, names,
        descriptions, legal basis, department or counterpart; those matching in the name first, then in
        list order. An empty query matches everything."""
        words = query.casefold().split()
        if not words:
            return list(self.items)
        in_name: list[Item] = []
        elsewhere: list[Item] = []
        for item, name, rest in self._haystacks:
            if all(word in name or word in rest for word in words):
                (in_name if any(word in name for word in words) else elsewhere).append(item)
        return in_name + elsewhere


# --- reading and checking ----------------------------------------------------------------------------


def load(path: Path) -> ResponsibilityList:
    """The list in ``path`` (``.toml``, or ``.json``); raises ``ListError`` with every problem found."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ListError(path, [f"the file cannot be read ({exc.strerror or exc}); check its path"]) from None
    try:
        text = raw.decode("utf-8-sig")
        document: object = json.loads(text) if path.suffix.lower() == ".json" else tomllib.loads(text)
    except UnicodeDecodeError as exc:
        raise ListError(path, [f"the file is not UTF-8 text (byte {exc.start}); save it as UTF-8"]) from None
    except (tomllib.TOMLDecodeError, json.JSONDecodeError) as exc:
        kind = "JSON" if path.suffix.lower() == ".json" else "TOML"
        raise ListError(path, [f"the file is not valid {kind}: {exc}"]) from None
    return parse(document, path)


def load_shipped() -> ResponsibilityList:
    return load(SHIPPED)


def parse(document: object, path: Path) -> ResponsibilityList:
    """Check a decoded file as a whole: every problem, or the list."""
    problems: list[str] = []
    if not isinstance(document, Mapping):
        raise ListError(path, ["the file must hold a table with [list] and [[categories]]"])
    header = document.get("list", {})
    if not isinstance(header, Mapping):
        problems.append("list: must be a table with title_zh, title_en (and optionally note_zh, note_en)")
        header = {}
    texts = _fields(header, LIST_FIELDS, "list", problems)
    _unknown(header, LIST_FIELDS, "list", problems)
    _unknown(document, ("list", "categories"), "", problems)
    categories: list[Category] = []
    seen_items: dict[str, str] = {}
    seen_categories: dict[str, str] = {}
    raw_categories = document.get("categories")
    if not isinstance(raw_categories, list) or not raw_categories:
        problems.append("categories: the file has no [[categories]]; a list needs at least one category "
                        "with its [[categories.items]]")
        raw_categories = []
    for n, raw in enumerate(raw_categories):
        where = f"categories[{n}]"
        if not isinstance(raw, Mapping):
            problems.append(f"{where}: must be a table (id, name_zh, name_en, items)")
            continue
        category = _category(raw, where, seen_categories, seen_items, problems)
        if category is not None:
            categories.append(category)
    if problems:
        raise ListError(path, problems)
    return ResponsibilityList(tuple(categories), source=str(path), **texts)


def _category(raw: Mapping[str, object], where: str, seen_categories: dict[str, str],
              seen_items: dict[str, str], problems: list[str]) -> Category | None:
    raw_id = raw.get("id")
    if isinstance(raw_id, str) and raw_id.strip():
        where = f"{where} ({raw_id.strip()})"
    texts = _fields(raw, CATEGORY_FIELDS, where, problems)
    _unknown(raw, (*CATEGORY_FIELDS, "items"), where, problems)
    category_id = texts.get("id", "")
    if category_id:
        if category_id in seen_categories:
            problems.append(f"{where}.id: {category_id!r} is already the id of {seen_categories[category_id]}; "
                            "give each category its own id")
        seen_categories.setdefault(category_id, where)
    raw_items = raw.get("items")
    if not isinstance(raw_items, list) or not raw_items:
        problems.append(f"{where}.items: the category has no [[categories.items]]; give it at least one item")
        raw_items = []
    items = []
    for n, raw_item in enumerate(raw_items):
        item_where = f"{where}.items[{n}]"
        if not isinstance(raw_item, Mapping):
            problems.append(f"{item_where}: must be a table ({', '.join(ITEM_FIELDS)})")
            continue
        item = _item(raw_item, item_where, category_id, seen_items, problems)
        if item is not None:
            items.append(item)
    if len(texts) < len(CATEGORY_FIELDS) or len(items) < len(raw_items):
        return None
    return Category(texts["id"], texts["name_zh"], texts["name_en"], tuple(items))


def _item(raw: Mapping[str, object], where: str, category_id: str, seen: dict[str, str],
          problems: list[str]) -> Item | None:
    before = len(problems)
    texts = _fields(raw, ITEM_FIELDS, where, problems, label=f"item {raw.get('id')!r}" if raw.get("id") else "")
    _unknown(raw, ITEM_FIELDS, where, problems)
    item_id = texts.get("id", "")
    if item_id:
        if item_id in seen:
            problems.append(f"{where} (item {item_id!r}).id: {item_id!r} is already the id of {seen[item_id]}; "
                            "give each item its own id")
        seen.setdefault(item_id, where)
    department = texts.get("department", "")
    if department and department not in DEPARTMENTS:
        problems.append(f"{where} (item {item_id!r}).department: {department!r} is not a department of the "
                        f"triage rules; use one of {', '.join(DEPARTMENTS)}")
    if len(problems) > before:
        return None
    return Item(category=category_id, **texts)


def _fields(raw: Mapping[str, object], names: Iterable[str], where: str, problems: list[str], *,
            label: str = "") -> dict[str, str]:
    """The text fields ``names`` of ``raw``, each a non-empty text (optional ones may be missing)."""
    place = f"{where} ({label})" if label else where
    texts: dict[str, str] = {}
    for name in names:
        value = raw.get(name)
        if value is None and name in OPTIONAL_FIELDS:
            continue
        if value is None:
            problems.append(f"{place}.{name}: missing; add {name} = \"…\"")
        elif not isinstance(value, str) or not value.strip():
            problems.append(f"{place}.{name}: must be a non-empty text, not {value!r}")
        else:
            texts[name] = value.strip()
    return texts


def _unknown(raw: Mapping[str, object], known: Iterable[str], where: str, problems: list[str]) -> None:
    # A misspelt key would otherwise be dropped in silence (and its field reported missing, puzzlingly).
    allowed = set(known)
    for key in raw:
        if key not in allowed:
            place = f"{where}.{key}" if where else key
            problems.append(f"{place}: unknown field; the fields here are {', '.join(sorted(allowed))}")


# --- the command center's own list, kept in the plugin's data directory -------------------------------

KEPT_STEM = "responsibilities"
KEPT_SUFFIXES = (".toml", ".json")


def kept_file(data_dir: Path) -> Path | None:
    """The imported list kept in ``data_dir``, if any."""
    for suffix in KEPT_SUFFIXES:
        candidate = data_dir / f"{KEPT_STEM}{suffix}"
        if candidate.is_file():
            return candidate
    return None


def import_file(path: Path, data_dir: Path) -> ResponsibilityList:
    """Check ``path`` and, only if it is a good list, keep a copy in ``data_dir`` (it is the list from now
    on, on this desk); raises ``ListError`` with every problem otherwise, keeping what was kept."""
    imported = load(path)
    suffix = ".json" if path.suffix.lower() == ".json" else ".toml"
    data_dir.mkdir(parents=True, exist_ok=True)
    target = data_dir / f"{KEPT_STEM}{suffix}"
    partial = target.with_name(target.name + ".part")
    partial.write_bytes(path.read_bytes())
    partial.replace(target)  # whole or not at all
    for other in KEPT_SUFFIXES:
        if other != suffix:
            (data_dir / f"{KEPT_STEM}{other}").unlink(missing_ok=True)
    return imported


def forget_imported(data_dir: Path) -> None:
    """Back to the shipped list."""
    for suffix in KEPT_SUFFIXES:
        (data_dir / f"{KEPT_STEM}{suffix}").unlink(missing_ok=True)


def current(data_dir: Path) -> tuple[ResponsibilityList, ListError | None]:
    """The list this desk uses: the imported one, or the shipped one when none was imported or the kept
    file went bad since (edited by hand); then the error says why."""
    kept = kept_file(data_dir)
    if kept is None:
        return load_shipped(), None
    try:
        return load(kept), None
    except ListError as exc:
        return load_shipped(), exc
