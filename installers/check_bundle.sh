#!/usr/bin/env bash
# Build (unless --no-build) the one-folder app and check it: no torch inside, the CLI translates, the window starts
# under Xvfb and translates what is typed into it. Needs xvfb-run (apt-get install xvfb xauth libxcb-cursor0).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" != "--no-build" ]; then
  .venv/bin/pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build installers/palavra.spec
fi
app=dist/palavra/palavra
test -x "$app"
if find dist/palavra -iname 'torch*' | grep -q .; then echo "FAIL: torch is inside the bundle" >&2; exit 1; fi
echo "bundle: $(du -sh dist/palavra | cut -f1), no torch"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PALAVRA_DATA_DIR="$work/data" XDG_CONFIG_HOME="$work/config"
out=$("$app" translate --from en --to pt "Where is the train station?")
echo "CLI: $out"
case "$out" in *esta*) ;; *) echo "FAIL: the CLI did not translate" >&2; exit 1 ;; esac
gui=$(xvfb-run -a -s "-screen 0 1280x800x24" "$app" gui --smoke-test "Good morning, where is the beach? I has a apple." 2>/dev/null)
echo "GUI: $gui"
case "$gui" in *praia*) ;; *) echo "FAIL: the window did not translate" >&2; exit 1 ;; esac
case "$gui" in *"checked: "[1-9]*) ;; *) echo "FAIL: the checker process did not answer" >&2; exit 1 ;; esac
echo "OK"
