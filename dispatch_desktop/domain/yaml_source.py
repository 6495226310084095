"""A YAML file read into a msgspec Struct, with every problem named by file, line and field.

PyYAML composes the node tree (each node knows its line), the tree is constructed into plain data, and
msgspec converts that into the model; msgspec's error path (``$.steps[2].deadline.from``) is walked back
down the node tree to the line it came from, and its message is rewritten for the person who edits the
file (``expected one of call, created, …, got "start"``). Each top-level field, and each item of a list
such as ``steps``, is converted on its own, so one run reports every broken item, not just the first.

The YAML is read with YAML 1.2's plain scalars: ``23:00`` stays text (YAML 1.1 makes it the number 1380),
``no`` and ``on`` stay words, ``020`` stays text; only ``true`` / ``false`` are booleans.

What a file holds is a ``Schema``: the Struct of its root, how to name it when the file is something else,
and plain words for the model's regex patterns. The emergency plans and the drill scenarios use it.
"""

from __future__ import annotations

import re
import typing
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

import msgspec
import yaml

Path_ = tuple[str | int, ...]
"""A field's path in the file: ``("steps", 2, "deadline", "from")``."""

RootT = TypeVar("RootT", bound=msgspec.Struct)


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in a file. ``line`` is 1-based (0: the file as a whole)."""

    file: str
    line: int
    field: str  # "steps[2].deadline.from"; "" when it is not about one field
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


@dataclass(frozen=True)
class Schema(Generic[RootT]):
    """What a file holds: ``root`` (a frozen Struct), the words for a file that is not a mapping at all
    (``"a plan (a mapping of id, version, title…)"``), and plain words for the model's regex patterns."""

    root: type[RootT]
    what: str
    patterns: Mapping[str, str] = field(default_factory=dict)


def render_path(path: Path_) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


_YAML_11_SCALARS = ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float")


class _Yaml12Loader(yaml.SafeLoader):
    pass


_Yaml12Loader.yaml_implicit_resolvers = {  # a copy: SafeLoader's own stay as they are
    first: [(tag, rx) for tag, rx in resolvers if tag not in _YAML_11_SCALARS]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

_Yaml12Loader.add_implicit_resolver("tag:yaml.org,2002:bool",
                                    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
_Yaml12Loader.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"),
                                    list("-+0123456789"))
_Yaml12Loader.add_implicit_resolver("tag:yaml.org,2002:float",
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
        return int(self.node_at(path).start_mark.line) + 1

    def key_line(self, path: Path_, key: str) -> int:
        """The line of ``key`` in the mapping at ``path`` (the mapping's line if it has no such key)."""
        node = self.node_at(path)
        if isinstance(node, yaml.MappingNode):
            for key_node, _value in node.value:
                if key_node.value == key:
                    return int(key_node.start_mark.line) + 1
        return int(node.start_mark.line) + 1

    def problem(self, path: Path_, message: str) -> Problem:
        return Problem(self.file, self.line_of(path), render_path(path), message)


def _child(node: yaml.Node, part: str | int) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode) and isinstance(part, str):
        return next((value for key, value in node.value if key.value == part), None)
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
        child: yaml.Node = node.value[part]
        return child
    return None


def parse(text: str, file: str, *, empty: str = "the file is empty") -> tuple[Document | None, list[Problem]]:
    """The document, or the YAML syntax error (and any key given twice in one mapping). ``empty``: what to
    say of a file with nothing in it."""
    loader = _Yaml12Loader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return None, [Problem(file, 0, "", empty)]
        problems = _duplicate_keys(root, file)
        data = loader.construct_document(root)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else 0
        what = " ".join(part for part in (error.context, error.problem) if part)
        return None, [Problem(file, line, "", f"not valid YAML: {what}")]
    except yaml.YAMLError as error:
        return None, [Problem(file, 0, "", f"not valid YAML: {error}")]
    finally:
        loader.dispose()
    return Document(file, data, root), problems


def _duplicate_keys(root: yaml.Node, file: str) -> list[Problem]:
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
                    problems.append(Problem(file, line, render_path((*path, name)),
                                            f"given twice (first on line {seen[name]}); keep one"))
                seen.setdefault(name, line)
                stack.append((value, (*path, name)))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((child, (*path, index)) for index, child in enumerate(node.value))
    return problems


def convert(document: Document, schema: Schema[RootT]) -> tuple[RootT | None, list[Problem]]:
    """The file's root Struct, or every shape problem found (each field and list item converted on its own)."""
    if not isinstance(document.data, dict):
        return None, [document.problem((), f"expected {schema.what}, got {describe(document.data)}")]
    problems = _Converter(document, schema).part(document.data, schema.root, ())
    if problems:
        return None, sorted(problems, key=lambda problem: problem.line)
    return msgspec.convert(document.data, schema.root), []


@dataclass(frozen=True)
class _Converter:
    document: Document
    schema: Schema[Any]

    def part(self, value: Any, target: Any, path: Path_) -> list[Problem]:
        """Nothing if ``value`` converts to ``target``; else the problems of its parts, converted one by one
        down to the smallest part that fails (or the part's own problem when its parts are each fine)."""
        try:
            msgspec.convert(value, target)
            return []
        except msgspec.ValidationError as error:
            whole = self.problem(path, str(error))
        struct = _struct_type(target)
        item = _item_type(target)
        if struct is not None and isinstance(value, dict):
            parts = self.struct_parts(value, struct, path)
        elif item is not None and isinstance(value, list):
            parts = [problem for index, element in enumerate(value)
                     for problem in self.part(element, item, (*path, index))]
        else:
            parts = []
        return parts or [whole]  # the parts are fine: the whole is wrong (a list too short…)

    def struct_parts(self, value: dict[Any, Any], struct: type[msgspec.Struct], path: Path_) -> list[Problem]:
        document = self.document
        fields = {field.encode_name: field for field in msgspec.structs.fields(struct)}
        problems = []
        for key, element in value.items():
            field_ = fields.get(key) if isinstance(key, str) else None
            if field_ is None:
                comma = ("; a comma in {…} ends a value: put a text with a comma in quotes"
                         if getattr(document.node_at(path), "flow_style", False) else "")
                problems.append(Problem(document.file, document.key_line(path, str(key)),
                                        render_path((*path, key)),
                                        f"unknown key; expected one of {', '.join(fields)}{comma}"))
            else:
                problems += self.part(element, field_.type, (*path, key))
        problems += [document.problem((*path, name), "is missing") for name, field_ in fields.items()
                     if field_.required and name not in value]
        return problems

    def problem(self, base: Path_, error: str) -> Problem:
        matched = _ERROR.match(error)
        message, where = (matched["message"], matched["path"] or "") if matched else (error, "")
        path = (*base, *_parse_path(where))  # msgspec's path is relative to the part converted
        value = _value_at(self.document.data, path)
        return Problem(self.document.file, self.document.line_of(path), render_path(path),
                       self.reworded(message, path, value))

    def reworded(self, message: str, path: Path_, value: Any) -> str:
        if enum := re.fullmatch(r"Invalid enum value .*", message):
            allowed = ", ".join(str(v) for v in _allowed_values(self.schema.root, path))
            return f"expected one of {allowed}, got {describe(value)}" if allowed else enum[0]
        if regex := re.fullmatch(r"Expected `str` matching regex '(.*)'", message):
            pattern = regex[1].replace("\\\\", "\\")
            return f"expected {self.schema.patterns.get(pattern, 'text matching ' + pattern)}, got {describe(value)}"
        return _reworded_shape(message, value)


def _reworded_shape(message: str, value: Any) -> str:
    if wrong := re.fullmatch(r"Expected `([^`]+)`, got `[^`]+`", message):
        expected = " or ".join(_TYPE_NAMES.get(name.strip(), name.strip()) for name in wrong[1].split("|"))
        if wrong[1] == "str | object":
            expected = "a text, or {zh: …, en: …}"
        hint = "; put it in quotes" if "text" in expected and isinstance(value, int | float) else ""
        return f"expected {expected}, got {describe(value)}{hint}"
    if bound := re.fullmatch(r"Expected `(?:int|float)` (>=|>|<=|<) (.+)", message):
        words = {">=": "at least", ">": "more than", "<=": "at most", "<": "less than"}[bound[1]]
        latitude = "; a position is [lat, lon], latitude first (about 23 in Guangzhou)" if bound[2] == "90.0" else ""
        return f"must be {words} {bound[2].removesuffix('.0')}, got {describe(value)}{latitude}"
    if length := re.fullmatch(r"Expected `(array|str)` of length (>=|<=) (\d+)", message):
        if length[1] == "array":
            return "must list at least one item" if length[2] == ">=" else f"may list {length[3]} items at most"
        return "must not be empty" if length[2] == ">=" else f"is too long ({length[3]} characters at most)"
    if count := re.fullmatch(r"Expected `array` of length (\d+), got (\d+)", message):
        return f"expected {count[1]} items ([lat, lon]), got {count[2]}"
    return message[:1].lower() + message[1:]


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


def _parse_path(text: str) -> Path_:
    return tuple(int(index) if index else key for key, index in _PATH_PART.findall(text))


def describe(value: Any) -> str:
    """A value as a message quotes it: ``"start"``, ``the number 3``, ``a list``."""
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


def _type_at(root: type, path: Path_) -> msgspec.inspect.Type | None:
    """The model's type at ``path`` (unions reduced to their struct, list, enum or literal member)."""
    current: msgspec.inspect.Type | None = msgspec.inspect.type_info(root)
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


def _allowed_values(root: type, path: Path_) -> Sequence[object]:
    kind = _type_at(root, path)
    members = kind.types if isinstance(kind, msgspec.inspect.UnionType) else (kind,)
    for member in members:
        if isinstance(member, msgspec.inspect.EnumType):
            return [item.value for item in member.cls]
        if isinstance(member, msgspec.inspect.LiteralType):
            return list(member.values)
    return ()
