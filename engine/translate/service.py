"""The translation service behind the facade: model resolution, first-use conversion, batching, caching."""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from engine import paths
from engine.cancel import CancelToken, ProgressCallback, check
from engine.config import EngineConfig
from engine.errors import CorruptModelError, InputError, ModelError, StorageError, UnsupportedLanguageError
from engine.models import registry
from engine.translate import store, text
from engine.translate.detect import LanguageGuess, detect
from engine.translate.embeddings import Embeddings
from engine.translate.model_folder import find_source_model, shipped_model_folders
from engine.translate.onnx_translator import LogitsHook, OnnxTranslator
from engine.translate.policy import TermPlan, TermPolicies, TermPolicy
from engine.translate.shortlist import read_shortlist
from engine.translate.vocab import UNK_ID, Vocab

log = logging.getLogger(__name__)

__all__ = ["LanguageGuess", "LoadedModel", "ModelInfo", "Translation", "TranslationService"]

MAX_CHARS = 5_000_000


@dataclass(frozen=True)
class Translation:
    """One translated text."""

    source_text: str
    text: str
    source: str
    target: str
    model: str


@dataclass(frozen=True)
class ModelInfo:
    """A translation model as the user sees it."""

    name: str
    source: str
    target: str
    kind: str
    size_bytes: int
    active: bool
    ready: bool
    path: Path | None


class LoadedModel:
    """An installed model opened for inference: vocabularies, shortlist and ONNX Runtime sessions."""

    def __init__(self, model: store.InstalledModel, config: EngineConfig) -> None:
        store.verify_files(model, reuse=True)
        folder = model.folder
        self.info = model
        self.source_vocab = Vocab(folder / "source.spm")
        files = model.manifest.get("files", {})
        shared = files.get("target.spm") == files.get("source.spm")  # a joint vocabulary, copied twice
        self.target_vocab = (
            Vocab(folder / "target.spm")
            if (folder / "target.spm").is_file() and not shared
            else self.source_vocab
        )
        shortlist_path = folder / "shortlist.bin"
        shortlist = read_shortlist(shortlist_path) if shortlist_path.is_file() else None
        self.translator = OnnxTranslator(
            folder / "encoder.onnx",
            folder / "decoder.onnx",
            Embeddings.load(folder / "embeddings.npz"),
            shortlist,
            device=config.device,
            threads=1,  # parallelism comes from batches on several threads (TranslationService._map)
        )
        self._unknown: dict[str, bool] = {}

    def is_unknown(self, ch: str) -> bool:
        """Whether the source vocabulary cannot represent a character."""
        known = self._unknown.get(ch)
        if known is None:
            known = UNK_ID in self.source_vocab.encode(ch)[:-1]
            self._unknown[ch] = known
        return known


class TranslationService:
    """Translates with the active model of a pair; thread-safe.

    Args:
        config: the engine settings.
        term_policies: builds the term policy of a stored glossary (the glossary package's
            :class:`engine.glossary.decoding.GlossaryTerms`, wired by ``engine.api``); without it a glossary is refused.
    """

    def __init__(self, config: EngineConfig, *, term_policies: TermPolicies | None = None) -> None:
        self.config = config
        self.term_policies = term_policies
        self._lock = threading.RLock()
        self._loaded: dict[str, LoadedModel] = {}
        self._cache: OrderedDict[tuple[str, str], str] = OrderedDict()
        self._pool: ThreadPoolExecutor | None = None
        self._stamp = registry.stamp(paths.models_dir())
        #: Damaged models the last :meth:`prepare_models` could not rebuild (delete them, then import or fine-tune).
        self.unrepairable: list[str] = []
        #: Models repaired by this service (re-converted from the shipped files after failing their checksum).
        self.repaired: list[str] = []

    def _evict_if_changed(self) -> None:
        """Drop loaded models and cached translations when a model was installed, activated or deleted (by this
        process or another one): the next translation uses what is installed now."""
        now = registry.stamp(paths.models_dir())
        if now != self._stamp:
            self._stamp = now
            self._loaded.clear()
            self._cache.clear()

    # -- models ---------------------------------------------------------------------------------------------------
    def list_models(self) -> list[ModelInfo]:
        """Installed models plus shipped models not converted yet."""
        active = store.active_models()
        out: list[ModelInfo] = []
        installed = store.installed_models()
        names = {m.name for m in installed}
        for m in installed:
            pair = f"{m.source}-{m.target}"
            is_active = active.get(pair, pair) == m.name
            out.append(ModelInfo(m.name, m.source, m.target, m.kind, m.size_bytes, is_active, True, m.folder))
        for folder in shipped_model_folders():
            src = find_source_model(folder)
            if src.pair not in names:
                size = sum(p.stat().st_size for p in folder.iterdir() if p.is_file())
                is_active = active.get(src.pair, src.pair) == src.pair
                out.append(
                    ModelInfo(src.pair, src.source, src.target, "shipped", size, is_active, False, None)
                )
        return sorted(out, key=lambda m: (m.source, m.target, m.kind != "shipped", m.name))

    def pairs(self) -> list[tuple[str, str]]:
        """Language pairs that can be translated."""
        return sorted({(m.source, m.target) for m in self.list_models()})

    def needs_preparation(self) -> bool:
        """Whether a shipped model still has to be converted."""
        return any(not m.ready for m in self.list_models())

    def prepare_models(
        self, *, on_progress: ProgressCallback | None = None, cancel: CancelToken | None = None
    ) -> list[ModelInfo]:
        """Convert every shipped model not converted yet, rebuild every model that fails its checksum from the files
        it was made from (shipped models, imports whose folder is still there); adapted models that cannot be rebuilt
        are listed in :attr:`unrepairable`."""
        todo = [
            f
            for f in shipped_model_folders()
            if not _current(store.find_installed(find_source_model(f).pair))
        ]
        self.unrepairable = []
        for i, folder in enumerate(todo):
            check(cancel, "Model preparation")

            def step(done: int, total: int, i: int = i) -> None:
                if on_progress:
                    on_progress(i * total + done, len(todo) * total)

            store.convert(find_source_model(folder), kind="shipped", on_progress=step, cancel=cancel)
        for model in store.installed_models():
            if model.kind == "shipped" or _intact(model):
                continue
            origin = Path(str(model.manifest.get("origin", "")))
            if model.kind == "imported" and (origin / "").is_dir():
                try:
                    source = find_source_model(origin)
                    if store.file_sha256(source.model) == model.manifest.get("origin_sha256"):
                        store.convert(source, name=model.name, kind="imported", cancel=cancel)
                        continue
                except (InputError, ModelError):
                    pass
            self.unrepairable.append(model.name)
        with self._lock:
            self._evict_if_changed()
        return self.list_models()

    def import_model(
        self, path: Path, *, on_progress: ProgressCallback | None = None, cancel: CancelToken | None = None
    ) -> ModelInfo:
        """Import a Firefox Translations model folder under a name of its own (never replacing another model);
        it is validated (sessions open, a sentence translates) before it appears."""
        source = find_source_model(path)
        taken = {m.name for m in store.installed_models()} | {
            find_source_model(f).pair for f in shipped_model_folders()
        }
        name, n = source.pair, 1
        while name in taken:
            n += 1
            name = f"{source.pair} imported" + (f" {n - 1}" if n > 2 else "")
        installed = store.convert(source, name=name, kind="imported", on_progress=on_progress, cancel=cancel)
        with self._lock:
            self._evict_if_changed()
        return next(m for m in self.list_models() if m.name == installed.name)

    def activate_model(self, name: str) -> None:
        """Make ``name`` the model used for its pair (the base model's name switches back to it)."""
        model = store.find_installed(name)
        if model is None:
            raise UnsupportedLanguageError(f"There is no installed model called '{name}'.")
        pair = f"{model.source}-{model.target}"
        store.set_active(pair, None if name == pair else name)
        with self._lock:
            self._evict_if_changed()

    def delete_model(self, name: str) -> None:
        """Delete an imported or adapted model; if it was active, its pair goes back to the base model."""
        with self._lock:
            self._loaded.pop(name, None)
            self._cache.clear()
        store.remove(name)
        with self._lock:
            self._evict_if_changed()

    def model(
        self,
        source: str,
        target: str,
        name: str | None = None,
        *,
        on_progress: ProgressCallback | None = None,
    ) -> LoadedModel:
        """The loaded model for a pair (converting the shipped one on first use)."""
        source, target = _base_language(source), _base_language(target)
        pair = f"{source}-{target}"
        wanted = name or store.active_models().get(pair, pair)
        with self._lock:
            self._evict_if_changed()
            loaded = self._loaded.get(wanted)
            if loaded is not None:
                return loaded
            installed = store.find_installed(wanted)
            if installed is None and name is None and wanted != pair:
                log.warning("active model %s is gone; using the base model", wanted)
                wanted, installed = pair, store.find_installed(pair)
            if installed is None:
                folder = next(
                    (f for f in shipped_model_folders() if find_source_model(f).pair == wanted), None
                )
                if folder is None:
                    raise UnsupportedLanguageError(self._unsupported(source, target, name))
                installed = store.convert(find_source_model(folder), kind="shipped", on_progress=on_progress)
            if (installed.source, installed.target) != (source, target):
                raise UnsupportedLanguageError(
                    f"The model '{installed.name}' translates {installed.source} to {installed.target}, "
                    f"not {source} to {target}."
                )
            if installed.kind == "shipped" and store.outdated(installed):
                installed = self._upgrade(installed, on_progress)
            try:
                loaded = LoadedModel(installed, self.config)
            except CorruptModelError:
                folder = _shipped_folder(installed)
                if folder is None:
                    raise
                log.warning(
                    "The model %s was damaged; it has been rebuilt from the shipped files (repaired).",
                    installed.name,
                )
                installed = store.convert(find_source_model(folder), kind="shipped", on_progress=on_progress)
                loaded = LoadedModel(installed, self.config)
                self.repaired.append(installed.name)
            self._stamp = registry.stamp(paths.models_dir())
            self._loaded[wanted] = loaded
            return loaded

    def _upgrade(
        self, installed: store.InstalledModel, on_progress: ProgressCallback | None
    ) -> store.InstalledModel:
        """Convert a shipped model again when its graphs predate the int8 output layer (once, about a second); the
        old one stays in use when that cannot be done (a read-only folder)."""
        folder = _shipped_folder(installed)
        if folder is None:
            return installed
        try:
            return store.convert(find_source_model(folder), kind="shipped", on_progress=on_progress)
        except (ModelError, StorageError) as exc:
            log.warning("The model %s could not be updated (%s); using it as it is.", installed.name, exc)
            return installed

    def _unsupported(self, source: str, target: str, name: str | None) -> str:
        if name:
            return f"There is no translation model called '{name}'. See 'palavra models list'."
        pairs = ", ".join(f"{s}→{t}" for s, t in self.pairs()) or "none"
        return f"Palavra cannot translate from '{source}' to '{target}'. Installed language pairs: {pairs}."

    # -- translation ----------------------------------------------------------------------------------------------
    def translate(
        self,
        texts: Sequence[str],
        source: str,
        target: str,
        *,
        model: str | None = None,
        glossary: str | None = None,
        hook: LogitsHook | None = None,
        on_progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> list[Translation]:
        """Translate texts; see :meth:`engine.api.Engine.translate`."""
        if isinstance(texts, str):
            raise TypeError("texts must be a sequence of strings, not a string")
        total_chars = sum(len(t) for t in texts)
        if total_chars > MAX_CHARS:
            raise InputError(
                f"The text is too long to translate at once ({total_chars:,} characters; the limit is "
                f"{MAX_CHARS:,}). Split it into smaller documents."
            )
        loaded = self.model(source, target, model)
        policy: TermPolicy | None = None
        if glossary is not None:
            if self.term_policies is None:
                raise InputError("Glossaries are not available in this translation service.")
            policy = self.term_policies(loaded, glossary)
        pieces = [text.split(t) for t in texts]
        sentences = [p.text for ps in pieces for p in ps if p.translate]
        translated = self.translate_sentences(
            loaded, sentences, hook=hook, terms=policy, on_progress=on_progress, cancel=cancel
        )
        out: list[Translation] = []
        it = iter(translated)
        for original, ps in zip(texts, pieces, strict=True):
            mine = [next(it) for p in ps if p.translate]
            out.append(Translation(original, text.join(ps, mine), source, target, loaded.info.name))
        return out

    def translate_sentences(
        self,
        loaded: LoadedModel,
        sentences: Sequence[str],
        *,
        hook: LogitsHook | None = None,
        terms: TermPolicy | None = None,
        on_progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> list[str]:
        """Translate single sentences (no splitting), batched by length, with the cache.

        With ``terms``, the sentences where the policy finds a term are decoded by the policy (cached under the
        glossary's key); the others are plain translations, cached as such.
        """
        name = loaded.info.name
        results: list[str | None] = [None] * len(sentences)
        todo: dict[str, list[int]] = {}
        plans: dict[str, TermPlan] = {}
        prepared_of: dict[str, text.Protected] = {}
        keys: dict[str, tuple[str, str]] = {}
        for s in dict.fromkeys(sentences):
            keys[s] = (name, s)
            if terms is not None:
                protected = text.protect(s, loaded.is_unknown)
                plan = terms.plan(protected.text)
                if plan is not None:
                    plans[s], prepared_of[s] = plan, protected
                    keys[s] = (f"{name}\0{terms.key}", s)
        with self._lock:  # one lock for the whole lookup, not one per sentence
            for i, s in enumerate(sentences):
                hit = self._cache.get(keys[s]) if hook is None else None
                if hit is not None:
                    self._cache.move_to_end(keys[s])
                    results[i] = hit
                else:
                    todo.setdefault(s, []).append(i)
        unique = list(todo)
        prepared = [prepared_of.get(s) or text.protect(s, loaded.is_unknown) for s in unique]
        # a short phrase without a final stop ("Hello", "Good night") is translated as a sentence: on its own this
        # small model rambles ("Olá, Olá", "Obrigado por"); the stop it then writes is taken off again
        closed = {k for k, p in enumerate(prepared) if unique[k] not in plans and text.open_phrase(p.text)}
        encoded = [
            list(plans[s].ids)
            if s in plans
            else loaded.source_vocab.encode(p.text + "." if k in closed else p.text)
            for k, (s, p) in enumerate(zip(unique, prepared, strict=True))
        ]
        order = sorted(range(len(unique)), key=lambda k: (unique[k] in plans, len(encoded[k])))
        batch_size = max(1, self.config.translation_batch_size)
        done = len(sentences) - sum(len(v) for v in todo.values())
        if on_progress:
            on_progress(done, len(sentences))
        workers = 1 if hook is not None else self.config.effective_threads
        if workers > 1 and len(order) < batch_size * workers:
            batch_size = max(1, -(-len(order) // workers))  # spread a small job over every worker
        plain = [k for k in order if unique[k] not in plans]
        termed = [k for k in order if unique[k] in plans]
        chunks = [c[k : k + batch_size] for c in (plain, termed) for k in range(0, len(c), batch_size)]
        if workers > 1:  # longest batches first: the last one to finish is then a short one, not the longest
            chunks.sort(key=lambda c: -sum(len(encoded[k]) for k in c))

        def run(chunk: list[int]) -> tuple[list[int], list[list[int]]]:
            check(cancel, "Translation")
            if terms is not None and unique[chunk[0]] in plans:
                return chunk, terms.decode(loaded.translator, [plans[unique[k]] for k in chunk])
            return chunk, loaded.translator.translate_ids([encoded[k] for k in chunk], hook=hook)

        for chunk, ids in self._map(run, chunks, workers, cancel):
            for k, out_ids in zip(chunk, ids, strict=True):
                sentence = unique[k]
                if terms is not None and sentence in plans:
                    translation = prepared[k].restore(terms.text(out_ids))
                else:
                    decoded = loaded.target_vocab.decode(out_ids)
                    if k in closed and decoded.endswith("."):
                        decoded = decoded[:-1].rstrip()
                    translation = prepared[k].restore(decoded)
                for i in todo[sentence]:
                    results[i] = translation
                done += len(todo[sentence])
                if hook is None:
                    self._remember(keys[sentence], translation)
            if on_progress:
                on_progress(done, len(sentences))
        return [r if r is not None else "" for r in results]

    def _map(
        self,
        fn: Callable[[list[int]], tuple[list[int], list[list[int]]]],
        chunks: list[list[int]],
        workers: int,
        cancel: CancelToken | None,
    ) -> Iterator[tuple[list[int], list[list[int]]]]:
        """Run batches one after another, or on ``workers`` threads (ONNX Runtime releases the GIL while it runs).

        Batches in parallel on single-threaded sessions use two cores better than one batch on two intra-op
        threads: the model's matrices are too small to split well (see benchmarks/mt_speed.py).
        """
        if workers <= 1 or len(chunks) <= 1:
            for chunk in chunks:
                yield fn(chunk)
            return
        with self._lock:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="palavra-translate")
            pool = self._pool
        futures = [pool.submit(fn, chunk) for chunk in chunks]
        try:
            for future in as_completed(futures):
                yield future.result()
                check(cancel, "Translation")
        finally:
            for future in futures:
                future.cancel()

    def _remember(self, key: tuple[str, str], translation: str) -> None:
        with self._lock:
            self._cache[key] = translation
            while len(self._cache) > self.config.cache_size:
                self._cache.popitem(last=False)

    def detect_language(self, value: str) -> LanguageGuess:
        """Guess English or Portuguese."""
        return detect(value)

    def close(self) -> None:
        """Forget loaded models."""
        with self._lock:
            self._loaded.clear()
            self._cache.clear()
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)


def _intact(model: store.InstalledModel | None) -> bool:
    """Whether an installed model exists and every file matches its manifest checksum."""
    if model is None:
        return False
    try:
        store.verify_files(model)
    except CorruptModelError:
        return False
    return True


def _current(model: store.InstalledModel | None) -> bool:
    """Whether a shipped model is installed, intact and converted by this version's exporter."""
    return model is not None and not store.outdated(model) and _intact(model)


def _shipped_folder(model: store.InstalledModel) -> Path | None:
    """The shipped source of a damaged shipped model that can be rebuilt into the data folder, if any."""
    if model.kind != "shipped" or model.folder.parent != paths.models_dir():
        return None
    return next((f for f in shipped_model_folders() if find_source_model(f).pair == model.name), None)


def _base_language(code: str) -> str:
    return code.split("-")[0].split("_")[0].lower()
