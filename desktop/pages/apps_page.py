"""Other apps page: start and stop the local translation server other programs talk to.

The server is ``palavra serve`` run as a child process (``QProcess``), so it never blocks the window and its
models do not share the GUI's memory. Its address and key are shown to copy into a CAT tool, a browser
extension or an editor that speaks the LibreTranslate API.
"""

from __future__ import annotations

import logging
import secrets
import socket
import sys
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QProcess, QProcessEnvironment, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.workers import Workers

if TYPE_CHECKING:
    from desktop.settings import Settings
    from engine.api import Engine

log = logging.getLogger(__name__)

#: How long the server may take to finish in-flight requests when stopped (it answers the rest 503).
STOP_GRACE_MS = 6000


def port_free(host: str, port: int) -> bool:
    """Whether ``port`` can be listened on (checked before starting, to say so in the UI language)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError:
            return False
    return True


class AppsPage(QWidget):
    """Start/stop ``palavra serve``; show its address and key; say how to connect a LibreTranslate client."""

    stopped = Signal()  # the server process has ended

    def __init__(
        self, engine: Engine, workers: Workers, settings: Settings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.engine = engine
        self.settings = settings
        self.process: QProcess | None = None
        self.url = ""

        intro = QLabel(
            self.tr(
                "Let other programs on this computer translate with Palavra: CAT tools, browser extensions "
                "and editors that can use a LibreTranslate server. Everything still stays on this computer."
            ),
            self,
        )
        intro.setWordWrap(True)

        self.port = QSpinBox(self)
        self.port.setRange(1024, 65535)
        self.port.setValue(settings.server_port)
        self.port.setAccessibleName(self.tr("Port"))
        self.port.setMaximumWidth(120)
        self.lan = QCheckBox(self.tr("Also allow other computers on my network (needs the key)"), self)
        self.lan.setChecked(settings.server_lan)
        self.key = QLineEdit(self)
        self.key.setReadOnly(True)
        self.key.setAccessibleName(self.tr("API key"))
        self.key.setText(settings.server_api_key)
        self.new_key = QPushButton(self.tr("New key"), self)
        self.copy_key = QPushButton(self.tr("Copy key"), self)
        self.require_key = QCheckBox(self.tr("Require the key on this computer too"), self)
        self.require_key.setChecked(settings.server_require_key)

        self.address = QLineEdit(self)
        self.address.setReadOnly(True)
        self.address.setAccessibleName(self.tr("Server address"))
        self.copy_address = QPushButton(self.tr("Copy address"), self)
        self.start_button = QPushButton(self.tr("Start server"), self)
        self.start_button.setDefault(True)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setObjectName("serverStatus")

        server = QGroupBox(self.tr("Translation server (LibreTranslate API)"), self)
        form = QFormLayout(server)
        form.addRow(self.tr("Port"), self.port)
        form.addRow("", self.lan)
        keys = QHBoxLayout()
        keys.addWidget(self.key, 1)
        keys.addWidget(self.new_key)
        keys.addWidget(self.copy_key)
        form.addRow(self.tr("API key"), keys)
        form.addRow("", self.require_key)
        addr = QHBoxLayout()
        addr.addWidget(self.address, 1)
        addr.addWidget(self.copy_address)
        form.addRow(self.tr("Address"), addr)
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.status, 1)
        form.addRow(buttons)

        guide = QGroupBox(self.tr("Connecting a program"), self)
        gl = QVBoxLayout(guide)
        steps = QLabel(
            self.tr(
                "1. Start the server.\n"
                "2. In the other program, choose LibreTranslate as the translation service (in some it is "
                "called \u201ccustom LibreTranslate server\u201d).\n"
                "3. Paste the address above as the server URL, and the key if it asks for one.\n"
                "4. Choose English and Portuguese as the languages. Your glossaries can be used by "
                "programs that send the extra field \u201cglossary\u201d."
            ),
            guide,
        )
        steps.setWordWrap(True)
        gl.addWidget(steps)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(server)
        layout.addWidget(guide)
        layout.addStretch(1)

        if not self.key.text():
            self._new_key()
        self.start_button.clicked.connect(self.toggle)
        self.new_key.clicked.connect(self._new_key)
        self.copy_key.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.key.text()))
        self.copy_address.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.address.text()))
        self.port.valueChanged.connect(self._save)
        self.lan.toggled.connect(self._save)
        self.require_key.toggled.connect(self._save)
        self._show_state()

    # -- settings -----------------------------------------------------------------------------------------
    def _new_key(self) -> None:
        self.key.setText(secrets.token_urlsafe(24))
        self._save()

    def _save(self) -> None:
        s = self.settings
        s.server_port = self.port.value()
        s.server_lan = self.lan.isChecked()
        s.server_api_key = self.key.text()
        s.server_require_key = self.require_key.isChecked()
        self._show_state()

    @property
    def host(self) -> str:
        """Where the server listens: loopback unless the network is allowed."""
        return "0.0.0.0" if self.lan.isChecked() else "127.0.0.1"

    @property
    def running(self) -> bool:
        """Whether the server process is up."""
        return self.process is not None and self.process.state() != QProcess.ProcessState.NotRunning

    # -- start / stop ---------------------------------------------------------------------------------------
    def toggle(self) -> None:
        """Start the server, or stop it when it runs."""
        if self.running:
            self.stop()
        else:
            self.start()

    def start(self) -> None:
        """Start ``palavra serve`` with the chosen port, host and key."""
        if self.running:
            return
        port = self.port.value()
        if not port_free(self.host, port):
            self.status.setText(
                self.tr("Port {0} is used by another program. Choose another port.").format(port)
            )
            return
        process = QProcess(self)
        env = QProcessEnvironment.systemEnvironment()
        uses_key = self.lan.isChecked() or self.require_key.isChecked()
        if uses_key:
            env.insert("PALAVRA_API_KEY", self.key.text())  # not on the command line: others can read that
        else:
            env.remove("PALAVRA_API_KEY")
        process.setProcessEnvironment(env)
        process.readyReadStandardOutput.connect(self._read_output)
        process.finished.connect(self._finished)
        process.errorOccurred.connect(self._failed)
        self.process = process
        self._stderr = b""
        process.readyReadStandardError.connect(self._read_errors)
        process.start(sys.executable, ["-m", "engine", "serve", "--host", self.host, "--port", str(port)])
        self.status.setText(self.tr("Starting…"))
        self._show_state()

    def stop(self) -> None:
        """Ask the server to stop (SIGTERM: in-flight requests finish or are answered 503)."""
        if self.process is not None and self.running:
            self.status.setText(self.tr("Stopping…"))
            self.process.terminate()

    def _read_output(self) -> None:
        assert self.process is not None
        data = bytes(self.process.readAllStandardOutput().data()).decode("utf-8", "replace")
        for line in data.splitlines():
            if "serving on " in line:
                self.url = line.split("serving on ", 1)[1].split(" ", 1)[0]
                if self.lan.isChecked():
                    self.url = self.url.replace("0.0.0.0", _lan_address())
                self.status.setText(self.tr("Running. Programs can connect now."))
                self._show_state()

    def _read_errors(self) -> None:
        assert self.process is not None
        self._stderr = (self._stderr + bytes(self.process.readAllStandardError().data()))[-4000:]

    def _finished(self, code: int, status: Any) -> None:
        self.url = ""
        message = self._stderr.decode("utf-8", "replace").strip().splitlines()
        detail = next(
            (m.removeprefix("palavra: ") for m in reversed(message) if m.startswith("palavra: ")), ""
        )
        if code != 0 and detail:
            self.status.setText(self.tr("The server stopped: {0}").format(detail))
        else:
            self.status.setText(self.tr("Stopped."))
        self._show_state()
        self.stopped.emit()

    def _failed(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            self.status.setText(self.tr("The server could not be started."))
            self._show_state()

    def _show_state(self) -> None:
        running = self.running
        self.start_button.setText(self.tr("Stop server") if running else self.tr("Start server"))
        for widget in (self.port, self.lan, self.require_key, self.new_key):
            widget.setEnabled(not running)
        shown = (
            self.url
            or f"http://{'127.0.0.1' if not self.lan.isChecked() else _lan_address()}:{self.port.value()}"
        )
        self.address.setText(shown)
        self.address.setEnabled(bool(self.url))
        self.copy_address.setEnabled(bool(self.url))


def _lan_address() -> str:
    """The name other computers on the network reach this one by (no network lookup is made)."""
    return socket.gethostname() or "127.0.0.1"
