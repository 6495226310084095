"""Switching the interface language at run time through Qt's translation system.

Source strings are English; Simplified Chinese is the default catalogue. Installing or removing a
``QTranslator`` makes Qt send ``QEvent.LanguageChange`` to every widget, whose ``changeEvent`` calls its
``retranslate()``; models, which are not widgets, follow ``LanguageManager.languageChanged``.

The ``.qm`` catalogues are built from ``resources/translations/*.ts`` by the setup (``pyside6-lrelease``).
When one is missing or older than its ``.ts`` (a fresh checkout), it is compiled into the cache dir, so
the desk never comes up untranslated for want of a build step.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QObject, QTranslator, Signal

from dispatch_desktop.paths import RESOURCES

log = logging.getLogger(__name__)

CATALOGUE = "dispatch_desktop"
TRANSLATIONS_DIR = RESOURCES / "translations"
DEFAULT_LANGUAGE = "zh_CN"
LANGUAGES: dict[str, str] = {"zh_CN": "中文", "en": "English"}
"""Language code -> its name in that language (a language menu names each language in itself)."""


def QT_TRANSLATE_NOOP(context: str, source_text: str) -> str:
    """Marks ``source_text`` for translation in ``context`` (pyside6-lupdate collects every call by this
    name) and returns it untranslated: it is translated where it is shown, in the language of the moment.
    Qt's own does the same but is typed as taking and returning ``object``, which would leave every label
    table unchecked."""
    return source_text


class TranslationError(RuntimeError):
    """A catalogue could not be built or loaded."""


def lrelease_executable() -> Path:
    """The ``lrelease`` that ships inside the PySide6 wheel (the ``pyside6-lrelease`` script wraps it)."""
    import PySide6

    bundled = Path(PySide6.__file__).resolve().parent / "lrelease"
    if bundled.exists():
        return bundled
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    if found is None:
        raise TranslationError("lrelease not found: install PySide6 with its tools")
    return Path(found)


def compile_catalogue(ts_file: Path, qm_file: Path) -> Path:
    """Compile one ``.ts`` to ``.qm``; raises TranslationError with lrelease's own words on failure."""
    qm_file.parent.mkdir(parents=True, exist_ok=True)
    try:
        result = subprocess.run(
            [str(lrelease_executable()), str(ts_file), "-qm", str(qm_file)],
            capture_output=True, text=True, timeout=60, check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise TranslationError(f"cannot run lrelease on {ts_file}: {exc}") from exc
    if result.returncode != 0 or not qm_file.exists():
        raise TranslationError(f"lrelease failed on {ts_file}: {result.stderr.strip() or result.stdout.strip()}")
    return qm_file


def catalogue_file(language: str, translations_dir: Path, cache_dir: Path | None) -> Path | None:
    """The newest usable ``.qm`` for a language: beside its ``.ts``, else compiled into ``cache_dir``."""
    ts_file = translations_dir / f"{CATALOGUE}_{language}.ts"
    beside = ts_file.with_suffix(".qm")
    if not ts_file.exists():
        return beside if beside.exists() else None
    if beside.exists() and beside.stat().st_mtime >= ts_file.stat().st_mtime:
        return beside
    if cache_dir is None:
        return beside if beside.exists() else None
    cached = cache_dir / beside.name
    if cached.exists() and cached.stat().st_mtime >= ts_file.stat().st_mtime:
        return cached
    return compile_catalogue(ts_file, cached)


class LanguageManager(QObject):
    """Owns the application's translators for this desk and switches them."""

    languageChanged = Signal(str)

    def __init__(
        self,
        translations_dir: Path = TRANSLATIONS_DIR,
        cache_dir: Path | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._translations_dir = translations_dir
        self._cache_dir = cache_dir
        self._installed: list[QTranslator] = []
        self._extra: list[tuple[str, Path]] = []  # plugins' own catalogues: (file prefix, directory)
        self._language = "en"  # what shows with no catalogue installed: the source texts

    @property
    def language(self) -> str:
        return self._language

    def set_language(self, language: str) -> bool:
        """Switch to ``language``; False (and a log line) if its catalogue cannot be had, in which case
        the current language stays."""
        if language not in LANGUAGES:
            raise ValueError(f"unknown language {language!r}; expected one of {sorted(LANGUAGES)}")
        if language == self._language and (self._installed or language == "en"):
            return True
        try:
            translators = self._load(language)
        except TranslationError as exc:
            log.warning("interface language %s unavailable: %s", language, exc)
            return False
        app = QCoreApplication.instance()
        if app is None:
            raise RuntimeError("the interface language is set on the running application: create it first")
        for old in self._installed:
            app.removeTranslator(old)
        for translator in translators:
            app.installTranslator(translator)
        self._installed = translators
        self._language = language
        QLocale.setDefault(QLocale(language))
        # QApplication posts LanguageChange to the widgets; deliver it now, so the whole desk reads in
        # the new language when this returns (no half-translated frame, no test waiting for it).
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        self.languageChanged.emit(language)
        return True

    def add_catalogues(self, prefix: str, directory: Path) -> None:
        """Also load ``directory/<prefix>_<language>.qm`` (a plugin's own texts) for every language from
        now on, the current one included. A language it has no file for shows its source texts."""
        self._extra.append((prefix, directory))
        app = QCoreApplication.instance()
        if app is None or not self._installed:
            return
        translator = self._extra_translator(prefix, directory, self._language)
        if translator is not None:
            app.installTranslator(translator)
            self._installed.append(translator)
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)

    def _extra_translator(self, prefix: str, directory: Path, language: str) -> QTranslator | None:
        translator = QTranslator(self)
        if translator.load(f"{prefix}_{language}", str(directory)):
            return translator
        return None

    def uninstall(self) -> None:
        """Remove this desk's translators from the application (when the desk closes)."""
        app = QCoreApplication.instance()
        if app is not None:
            for old in self._installed:
                app.removeTranslator(old)
        self._installed = []
        self._language = "en"

    def _load(self, language: str) -> list[QTranslator]:
        path = catalogue_file(language, self._translations_dir, self._cache_dir)
        if path is None:
            raise TranslationError(f"no catalogue for {language} in {self._translations_dir}")
        ours = QTranslator(self)
        if not ours.load(str(path)):
            raise TranslationError(f"cannot load {path}")
        translators = [ours]
        qt_own = QTranslator(self)  # Qt's own dialogs and context menus
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if language != "en" and qt_own.load(f"qtbase_{language}", qt_dir):
            translators.append(qt_own)
        for prefix, directory in self._extra:
            extra = self._extra_translator(prefix, directory, language)
            if extra is not None:
                translators.append(extra)
        return translators
