# Sourced by the other scripts: `ensure_venv [EXTRA]` makes .venv (or reuses it) and installs
# cleaner into it in editable mode, with the optional extra (e.g. "test"). It reinstalls only when
# pyproject.toml, setup.py or the C sources (cleaner/_c/) changed since the last install, so running
# a script twice costs nothing.
# pip is upgraded first: old pips (23.2) cannot resolve lxml's `html-clean` extra that trafilatura needs.
# pip's chatter goes to .venv/install.log, which is shown only if the install fails.

_installed() {  # is there an install with this extra (for none: any install) newer than what it builds from?
    local extra="$1" stamp source fresh
    local stamps=(".venv/.installed${extra:+-$extra}")
    [ -n "$extra" ] || stamps+=(.venv/.installed-*)
    for stamp in "${stamps[@]}"; do
        [ -f "$stamp" ] || continue
        fresh=1
        # pyproject.toml, and setup.py with the C accelerators' sources (built at install time)
        for source in pyproject.toml setup.py cleaner/_c/*; do
            if [ -e "$source" ] && [ "$source" -nt "$stamp" ]; then
                fresh=0
            fi
        done
        [ "$fresh" = 1 ] && return 0
    done
    return 1
}

ensure_venv() {
    local extra="${1:-}"
    local python="${PYTHON:-python3}"
    if [ ! -x .venv/bin/python ]; then
        if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
            echo "cleaner needs Python 3.11 or newer; '$python' is $("$python" -V 2>&1 || echo missing)." \
                 "Set PYTHON=/path/to/python3.11 and run again." >&2
            return 1
        fi
        echo "creating .venv with $("$python" -V 2>&1)" >&2
        "$python" -m venv .venv
    fi
    if ! _installed "$extra"; then
        echo "installing cleaner${extra:+[$extra]} into .venv (log: .venv/install.log)" >&2
        if ! { .venv/bin/python -m pip install --disable-pip-version-check --upgrade pip &&
               .venv/bin/python -m pip install --disable-pip-version-check -e ".${extra:+[$extra]}"; } \
               >.venv/install.log 2>&1; then
            cat .venv/install.log >&2
            echo "installing cleaner into .venv failed (log above and in .venv/install.log)" >&2
            return 1
        fi
        touch ".venv/.installed${extra:+-$extra}"
    fi
}
