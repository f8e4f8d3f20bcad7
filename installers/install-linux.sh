#!/usr/bin/env sh
# Install the one-folder build (dist/palavra) for the current user: ~/.local/opt/palavra, a `palavra` command in
# ~/.local/bin, the desktop entry and the icon. Run from the repository root after building with PyInstaller.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
prefix=${PREFIX:-$HOME/.local}
test -x "$here/dist/palavra/palavra" || { echo "build first: .venv/bin/pyinstaller installers/palavra.spec" >&2; exit 1; }
mkdir -p "$prefix/opt" "$prefix/bin" "$prefix/share/applications" "$prefix/share/icons/hicolor/256x256/apps"
rm -rf "$prefix/opt/palavra.new"
cp -a "$here/dist/palavra" "$prefix/opt/palavra.new"
rm -rf "$prefix/opt/palavra"
mv "$prefix/opt/palavra.new" "$prefix/opt/palavra"
ln -sf "$prefix/opt/palavra/palavra" "$prefix/bin/palavra"
cp "$here/installers/palavra.png" "$prefix/share/icons/hicolor/256x256/apps/palavra.png"
sed "s|^Exec=palavra|Exec=$prefix/bin/palavra|" "$here/installers/palavra.desktop" > "$prefix/share/applications/palavra.desktop"
command -v update-desktop-database >/dev/null && update-desktop-database "$prefix/share/applications" || true
echo "Palavra installed in $prefix/opt/palavra; start it from the menu or with: palavra"
