"""The GUI's preferences: one typed wrapper over ``QSettings`` (defaults live here and nowhere else)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal, cast

from PySide6.QtCore import QByteArray, QSettings

from engine.config import Device, EngineConfig

UiLanguage = Literal["system", "en", "pt"]
DeviceChoice = Device  # the engine's one definition (engine/devices.py says what each means)


class Settings:
    """Typed access to the user's preferences.

    Args:
        path: an INI file to use instead of the platform's settings store (tests, portable installs).
    """

    def __init__(self, path: Path | None = None) -> None:
        if path is None:
            self._s = QSettings("Palavra", "Palavra")
        else:
            self._s = QSettings(str(path), QSettings.Format.IniFormat)

    def _str(self, key: str, default: str) -> str:
        value = self._s.value(key, default)
        return str(value) if value is not None else default

    def _int(self, key: str, default: int) -> int:
        try:
            return int(str(self._s.value(key, default)))
        except (TypeError, ValueError):
            return default

    def _bool(self, key: str, default: bool) -> bool:
        value = self._s.value(key, default)
        if isinstance(value, str):
            return value.lower() in ("1", "true", "yes")
        return bool(value)

    def sync(self) -> None:
        """Write pending changes to disk."""
        self._s.sync()

    # -- local translation server (Other apps page) --------------------------------------------------------
    @property
    def server_port(self) -> int:
        """The port ``palavra serve`` listens on when started from the app."""
        port = self._int("server/port", 5000)
        return port if 1024 <= port <= 65535 else 5000

    @server_port.setter
    def server_port(self, value: int) -> None:
        self._s.setValue("server/port", value)

    @property
    def server_lan(self) -> bool:
        """Whether other computers on the network may connect (always with the key)."""
        return self._bool("server/lan", False)

    @server_lan.setter
    def server_lan(self, value: bool) -> None:
        self._s.setValue("server/lan", value)

    @property
    def server_api_key(self) -> str:
        """The key clients must send when it is required."""
        return self._str("server/api_key", "")

    @server_api_key.setter
    def server_api_key(self, value: str) -> None:
        self._s.setValue("server/api_key", value)

    @property
    def server_require_key(self) -> bool:
        """Whether programs on this computer must send the key too."""
        return self._bool("server/require_key", False)

    @server_require_key.setter
    def server_require_key(self, value: bool) -> None:
        self._s.setValue("server/require_key", value)

    # -- appearance -------------------------------------------------------------------------------------
    @property
    def ui_language(self) -> UiLanguage:
        """Language of the interface: ``system`` follows the desktop's locale."""
        value = self._str("ui/language", "system")
        return cast(UiLanguage, value if value in ("system", "en", "pt") else "system")

    @ui_language.setter
    def ui_language(self, value: UiLanguage) -> None:
        self._s.setValue("ui/language", value)

    @property
    def window_geometry(self) -> QByteArray | None:
        """Saved main window geometry."""
        value = self._s.value("ui/geometry")
        return value if isinstance(value, QByteArray) else None

    @window_geometry.setter
    def window_geometry(self, value: QByteArray) -> None:
        self._s.setValue("ui/geometry", value)

    @property
    def last_page(self) -> int:
        """Index of the page shown when the app was closed."""
        return self._int("ui/last_page", 0)

    @last_page.setter
    def last_page(self, value: int) -> None:
        self._s.setValue("ui/last_page", value)

    # -- translation ------------------------------------------------------------------------------------
    @property
    def source_language(self) -> str:
        """Source language of the Translate page: ``auto``, ``en`` or ``pt``."""
        value = self._str("translate/source", "auto")
        return value if value in ("auto", "en", "pt") else "auto"

    @source_language.setter
    def source_language(self, value: str) -> None:
        self._s.setValue("translate/source", value)

    @property
    def target_language(self) -> str:
        """Target language of the Translate page."""
        value = self._str("translate/target", "pt")
        return value if value in ("en", "pt") else "pt"

    @target_language.setter
    def target_language(self, value: str) -> None:
        self._s.setValue("translate/target", value)

    @property
    def glossary(self) -> str:
        """Name of the glossary used when translating; empty: none."""
        return self._str("translate/glossary", "")

    @glossary.setter
    def glossary(self, value: str) -> None:
        self._s.setValue("translate/glossary", value)

    @property
    def document_model(self) -> str:
        """Model chosen on the Documents page; empty: the pair's active model."""
        return self._str("documents/model", "")

    @document_model.setter
    def document_model(self, value: str) -> None:
        self._s.setValue("documents/model", value)

    @property
    def last_folder(self) -> str:
        """Folder of the last opened document."""
        return self._str("documents/last_folder", str(Path.home()))

    @last_folder.setter
    def last_folder(self, value: str) -> None:
        self._s.setValue("documents/last_folder", value)

    @property
    def practice_language(self) -> str:
        """Language practised on the Practise page."""
        value = self._str("practise/language", "pt")
        return value if value in ("en", "pt") else "pt"

    @practice_language.setter
    def practice_language(self, value: str) -> None:
        self._s.setValue("practise/language", value)

    @property
    def correction_language(self) -> str:
        """Language of the Correct page's text: ``auto`` (detected per paragraph, the default), ``en`` or ``pt``."""
        value = self._str("correct/language", "auto")
        return value if value in ("auto", "en", "pt") else "auto"

    @correction_language.setter
    def correction_language(self, value: str) -> None:
        self._s.setValue("correct/language", value)

    @property
    def last_checked_language(self) -> str:
        """The main language of the Correct page's last checked text (``en`` or ``pt``; empty before any)."""
        value = self._str("correct/last_checked", "")
        return value if value in ("en", "pt") else ""

    @last_checked_language.setter
    def last_checked_language(self, value: str) -> None:
        self._s.setValue("correct/last_checked", value)

    # -- engine -----------------------------------------------------------------------------------------
    @property
    def device(self) -> DeviceChoice:
        """Inference device: ``auto`` (GPU when available), ``cpu`` or ``cuda``."""
        value = self._str("engine/device", "auto")
        return cast(DeviceChoice, value if value in ("auto", "cpu", "cuda") else "auto")

    @device.setter
    def device(self, value: DeviceChoice) -> None:
        self._s.setValue("engine/device", value)

    @property
    def threads(self) -> int:
        """Inference threads; 0: choose for this machine."""
        return max(0, min(64, self._int("engine/threads", 0)))

    @threads.setter
    def threads(self, value: int) -> None:
        self._s.setValue("engine/threads", int(value))

    @property
    def data_folder(self) -> str:
        """Data folder chosen by the user (takes effect at the next start); empty: the platform default."""
        return self._str("engine/data_folder", "")

    @data_folder.setter
    def data_folder(self, value: str) -> None:
        self._s.setValue("engine/data_folder", value)

    def engine_config(self) -> EngineConfig:
        """The engine configuration these settings describe.

        "Automatic" threads leave one core to the window: inference on every core starves the GUI thread on
        small machines (measured: 50-110 ms stalls while translating a document on 2 cores).
        """
        threads = self.threads or max(1, min(4, (os.cpu_count() or 2) - 1))
        return EngineConfig(device=self.device, threads=threads)
