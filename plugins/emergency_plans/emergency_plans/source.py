"""One plan file read from YAML into a ``Plan``, with every problem named by file, line and field.

PyYAML composes the node tree (each node knows its line), the tree is constructed into plain data, and
msgspec converts that into the model; msgspec's error path (``$.steps[2].deadline.from``) is walked back
down the node tree to the line it came from, and its message is rewritten for the person who edits the
file (``expected one of call, created, …, got "start"``). Each top-level field, and each item of a list
such as ``steps``, is converted on its own, so one run reports every broken step, not just the first.

The YAML is read with YAML 1.2's plain scalars: ``23:00`` stays text (YAML 1.1 makes it the number 1380),
``no`` and ``on`` stay words, ``020`` stays text; only ``true`` / ``false`` are booleans.
"""

from __future__ import annotations

import re
import typing
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import msgspec
import yaml

from emergency_plans.model import Plan

Path_ = tuple[str | int, ...]
"""A field's path in the plan: ``("steps", 2, "deadline", "from")``."""


@dataclass(frozen=True, order=True)
class PlanProblem:
    """One thing wrong in a plan file. ``line`` is 1-based (0: the file as a whole)."""

    file: str
    line: int
    field: str  # "steps[2].deadline.from"; "" when it is not about one field
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


def render_path(path: Path_) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


_YAML_11_SCALARS = ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float")


class _PlanLoader(yaml.SafeLoader):
    pass


_PlanLoader.yaml_implicit_resolvers = {  # a copy: SafeLoader's own stay as they are
    first: [(tag, rx) for tag, rx in resolvers if tag not in _YAML_11_SCALARS]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

_PlanLoader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                                  list("tTfF"))
_PlanLoader.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"),
                                  list("-+0123456789"))
_PlanLoader.add_implicit_resolver("tag:yaml.org,2002:float",
                                  re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$"),
                                  list("-+0123456789."))


@dataclass(frozen=True)
class Document:
    """A parsed YAML file: its data and the node tree the lines come from."""

    file: str
    data: Any
    root: yaml.Node

    def node_at(self, path: Path_) -> yaml.Node:
        """The node of the deepest part of ``path`` that exists."""
        node = self.root
        for part in path:
            child = _child(node, part)
            if child is None:
                break
            node = child
        return node

    def line_of(self, path: Path_) -> int:
        return self.node_at(path).start_mark.line + 1

    def key_line(self, path: Path_, key: str) -> int:
        """The line of ``key`` in the mapping at ``path`` (the mapping's line if it has no such key)."""
        node = self.node_at(path)
        if isinstance(node, yaml.MappingNode):
            for key_node, _value in node.value:
                if key_node.value == key:
                    return int(key_node.start_mark.line) + 1
        return int(node.start_mark.line) + 1

    def problem(self, path: Path_, message: str) -> PlanProblem:
        return PlanProblem(self.file, self.line_of(path), render_path(path), message)


def _child(node: yaml.Node, part: str | int) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode) and isinstance(part, str):
        return next((value for key, value in node.value if key.value == part), None)
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
        child: yaml.Node = node.value[part]
        return child
    return None


def parse(text: str, file: str) -> tuple[Document | None, list[PlanProblem]]:
    """The document, or the YAML syntax error (and any key given twice in one mapping)."""
    loader = _PlanLoader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return None, [PlanProblem(file, 0, "", "the file is empty; a plan starts with its id, version and title")]
        problems = _duplicate_keys(root, file)
        data = loader.construct_document(root)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else 0
        what = " ".join(part for part in (error.context, error.problem) if part)
        return None, [PlanProblem(file, line, "", f"not valid YAML: {what}")]
    except yaml.YAMLError as error:
        return None, [PlanProblem(file, 0, "", f"not valid YAML: {error}")]
    finally:
        loader.dispose()
    return Document(file, data, root), problems


def _duplicate_keys(root: yaml.Node, file: str) -> list[PlanProblem]:
    """YAML keeps the last of two equal keys without a word; an editor almost always meant something else."""
    problems = []
    stack: list[tuple[yaml.Node, Path_]] = [(root, ())]
    while stack:
        node, path = stack.pop()
        if isinstance(node, yaml.MappingNode):
            seen: dict[str, int] = {}
            for key, value in node.value:
                name, line = str(key.value), key.start_mark.line + 1
                if name in seen:
                    problems.append(PlanProblem(file, line, render_path((*path, name)),
                                                f"given twice (first on line {seen[name]}); keep one"))
                seen.setdefault(name, line)
                stack.append((value, (*path, name)))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((child, (*path, index)) for index, child in enumerate(node.value))
    return problems


def convert(document: Document) -> tuple[Plan | None, list[PlanProblem]]:
    """The plan, or every shape problem found (each field and list item converted on its own)."""
    if not isinstance(document.data, dict):
        return None, [document.problem((), f"expected a plan (a mapping of id, version, title, trigger, steps…), "
                                            f"got {_describe(document.data)}")]
    problems = _convert_part(document, document.data, Plan, ())
    if problems:
        return None, sorted(problems, key=lambda problem: problem.line)
    return msgspec.convert(document.data, Plan), []


def _convert_part(document: Document, value: Any, target: Any, path: Path_) -> list[PlanProblem]:
    """Nothing if ``value`` converts to ``target``; else the problems of its parts, converted one by one
    down to the smallest part that fails (or the part's own problem when its parts are each fine)."""
    try:
        msgspec.convert(value, target)
        return []
    except msgspec.ValidationError as error:
        whole = _problem(document, path, str(error))
    struct = _struct_type(target)
    item = _item_type(target)
    if struct is not None and isinstance(value, dict):
        parts = _struct_problems(document, value, struct, path)
    elif item is not None and isinstance(value, list):
        parts = [problem for index, element in enumerate(value)
                 for problem in _convert_part(document, element, item, (*path, index))]
    else:
        parts = []
    return parts or [whole]  # the parts are fine: the whole is wrong (a list too short…)


def _struct_problems(document: Document, value: dict[Any, Any], struct: type[msgspec.Struct],
                     path: Path_) -> list[PlanProblem]:
    fields = {field.encode_name: field for field in msgspec.structs.fields(struct)}
    problems = []
    for key, element in value.items():
        field = fields.get(key) if isinstance(key, str) else None
        if field is None:
            comma = ("; a comma in {…} ends a value: put a text with a comma in quotes"
                     if getattr(document.node_at(path), "flow_style", False) else "")
            problems.append(PlanProblem(document.file, document.key_line(path, str(key)), render_path((*path, key)),
                                        f"unknown key; expected one of {', '.join(fields)}{comma}"))
        else:
            problems += _convert_part(document, element, field.type, (*path, key))
    problems += [document.problem((*path, name), "is missing") for name, field in fields.items()
                 if field.required and name not in value]
    return problems


def _struct_type(target: Any) -> type[msgspec.Struct] | None:
    """The Struct among ``target`` (through ``Annotated`` and ``X | None``), else None."""
    if typing.get_origin(target) is typing.Annotated:
        target = typing.get_args(target)[0]
    for member in typing.get_args(target) or (target,):
        if isinstance(member, type) and issubclass(member, msgspec.Struct):
            return member
    return None


def _item_type(target: Any) -> Any:
    """``X`` for ``tuple[X, ...]`` (through ``Annotated`` and ``X | None``), else None."""
    if typing.get_origin(target) is typing.Annotated:
        target = typing.get_args(target)[0]
    for member in (target, *typing.get_args(target)):
        if typing.get_origin(member) is typing.Annotated:
            member = typing.get_args(member)[0]
        args = typing.get_args(member)
        if typing.get_origin(member) is tuple and len(args) == 2 and args[1] is Ellipsis:
            return args[0]
    return None


# --- msgspec's messages, for the person editing the file ---------------------------------------------

_ERROR = re.compile(r"^(?P<message>.*?)(?: - at `\$(?P<path>[^`]*)`)?$", re.DOTALL)
_PATH_PART = re.compile(r"\.([^.\[]+)|\[(\d+)\]")
_TYPE_NAMES = {"str": "text", "int": "a whole number", "float": "a number", "bool": "true or false",
               "array": "a list", "object": "a mapping (key: value)", "null": "nothing"}
_PATTERN_NAMES = {
    r"^[a-z][a-z0-9_]{2,63}$": 'an id of 3 to 64 characters: a lowercase letter, then lowercase letters, digits or "_"',
    r"^[a-z][a-z0-9_]{0,63}$": 'an id: a lowercase letter, then lowercase letters, digits or "_" (64 at most)',
    r"^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$": 'a local time "HH:MM" from 00:00 to 24:00 (in quotes)',
    r"^[0-9+][0-9 ()\-]{2,31}$": 'a phone number (digits, spaces, "-", "+", brackets)',
}


def _parse_path(text: str) -> Path_:
    return tuple(int(index) if index else key for key, index in _PATH_PART.findall(text))


def _problem(document: Document, base: Path_, error: str) -> PlanProblem:
    matched = _ERROR.match(error)
    message, where = (matched["message"], matched["path"] or "") if matched else (error, "")
    path = (*base, *_parse_path(where))  # msgspec's path is relative to the part converted
    value = _value_at(document.data, path)
    return PlanProblem(document.file, document.line_of(path), render_path(path), _reworded(message, path, value))


def _reworded(message: str, path: Path_, value: Any) -> str:
    if enum := re.fullmatch(r"Invalid enum value .*", message):
        allowed = ", ".join(str(v) for v in _allowed_values(path))
        return f"expected one of {allowed}, got {_describe(value)}" if allowed else enum[0]
    if regex := re.fullmatch(r"Expected `str` matching regex '(.*)'", message):
        pattern = regex[1].replace("\\\\", "\\")
        return f"expected {_PATTERN_NAMES.get(pattern, 'text matching ' + pattern)}, got {_describe(value)}"
    if wrong := re.fullmatch(r"Expected `([^`]+)`, got `[^`]+`", message):
        expected = " or ".join(_TYPE_NAMES.get(name.strip(), name.strip()) for name in wrong[1].split("|"))
        if wrong[1] == "str | object":
            expected = "a text, or {zh: …, en: …}"
        hint = "; put it in quotes" if "text" in expected and isinstance(value, int | float) else ""
        return f"expected {expected}, got {_describe(value)}{hint}"
    if bound := re.fullmatch(r"Expected `(?:int|float)` (>=|>|<=|<) (.+)", message):
        words = {">=": "at least", ">": "more than", "<=": "at most", "<": "less than"}[bound[1]]
        latitude = "; a position is [lat, lon], latitude first (about 23 in Guangzhou)" if bound[2] == "90.0" else ""
        return f"must be {words} {bound[2].removesuffix('.0')}, got {_describe(value)}{latitude}"
    if length := re.fullmatch(r"Expected `(array|str)` of length (>=|<=) (\d+)", message):
        if length[1] == "array":
            return "must list at least one item" if length[2] == ">=" else f"may list {length[3]} items at most"
        return "must not be empty" if length[2] == ">=" else f"is too long ({length[3]} characters at most)"
    if count := re.fullmatch(r"Expected `array` of length (\d+), got (\d+)", message):
        return f"expected {count[1]} items ([lat, lon]), got {count[2]}"
    return message[:1].lower() + message[1:]


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, int | float):
        return f"the number {value}"
    if value is None:
        return "nothing"
    return "a list" if isinstance(value, list) else "a mapping" if isinstance(value, dict) else repr(value)


def _value_at(data: Any, path: Path_) -> Any:
    for part in path:
        in_mapping = isinstance(data, dict) and part in data
        if in_mapping or (isinstance(data, list) and isinstance(part, int) and part < len(data)):
            data = data[part]
        else:
            return None
    return data


def _type_at(path: Path_) -> msgspec.inspect.Type | None:
    """The model's type at ``path`` (unions reduced to their struct, list, enum or literal member)."""
    current: msgspec.inspect.Type | None = msgspec.inspect.type_info(Plan)
    for part in path:
        current = _unwrap(current, str if isinstance(part, str) else int)
        if isinstance(current, msgspec.inspect.StructType) and isinstance(part, str):
            current = next((f.type for f in current.fields if f.encode_name == part), None)
        elif isinstance(current, msgspec.inspect.VarTupleType | msgspec.inspect.ListType):
            current = current.item_type
        elif isinstance(current, msgspec.inspect.TupleType) and isinstance(part, int):
            current = current.item_types[part] if part < len(current.item_types) else None
        else:
            return None
    return current


def _unwrap(kind: msgspec.inspect.Type | None, part: type) -> msgspec.inspect.Type | None:
    if isinstance(kind, msgspec.inspect.UnionType):
        wanted = ((msgspec.inspect.StructType,) if part is str
                  else (msgspec.inspect.VarTupleType, msgspec.inspect.ListType, msgspec.inspect.TupleType))
        return next((member for member in kind.types if isinstance(member, wanted)), None)
    return kind


def _allowed_values(path: Path_) -> Sequence[object]:
    kind = _type_at(path)
    members = kind.types if isinstance(kind, msgspec.inspect.UnionType) else (kind,)
    for member in members:
        if isinstance(member, msgspec.inspect.EnumType):
            return [item.value for item in member.cls]
        if isinstance(member, msgspec.inspect.LiteralType):
            return list(member.values)
    return ()

