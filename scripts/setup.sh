#!/usr/bin/env bash
# Installs what building and testing Tensorchain needs on a Debian machine. Idempotent: run it
# before every build; a second run changes nothing and takes seconds.
#
#   - protoc, clang/libclang (for the networking and C-backed crates);
#   - a `wasm32v1-none` standard library for the runtime's wasm: `rustup target add` where that
#     works, otherwise built offline from Debian's Rust 1.96 and its library source, linked as
#     the rustup toolchain `debian` and selected with WASM_BUILD_TOOLCHAIN in ~/.cargo/config.toml;
#   - a Python virtualenv (outside the repository) with the pinned end-to-end test clients.
#
# Machine-level settings go to the user's cargo config, never into the repository.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${TENSORCHAIN_CACHE:-$HOME/.cache/tensorchain}"
VENV="$CACHE/venv"
CARGO_CONFIG="$HOME/.cargo/config.toml"
WASM_TARGET=wasm32v1-none

say() { printf '[setup] %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

APT_UPDATED=0
apt_install() {
    local missing=()
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
    done
    if [ ${#missing[@]} -eq 0 ]; then
        say "present: $*"
        return 0
    fi
    if [ "$APT_UPDATED" = 0 ]; then
        say "apt-get update"
        as_root apt-get update -qq
        APT_UPDATED=1
    fi
    say "installing: ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Sets KEY = "VALUE" in the [env] table of ~/.cargo/config.toml, creating the table if needed.
cargo_env() {
    local key="$1" value="$2"
    mkdir -p "$(dirname "$CARGO_CONFIG")"
    touch "$CARGO_CONFIG"
    if grep -q "^$key = \"$value\"$" "$CARGO_CONFIG"; then
        say "cargo config already sets $key=$value"
        return 0
    fi
    python3 - "$CARGO_CONFIG" "$key" "$value" <<'PY'
import re, sys
path, key, value = sys.argv[1:]
text = open(path).read()
line = f'{key} = "{value}"'
if re.search(rf'^{re.escape(key)}\s*=.*$', text, re.M):
    text = re.sub(rf'^{re.escape(key)}\s*=.*$', line, text, flags=re.M)
elif re.search(r'^\[env\]\s*$', text, re.M):
    text = re.sub(r'^\[env\]\s*$', '[env]\n' + line, text, count=1, flags=re.M)
else:
    text = text.rstrip('\n') + ('\n\n' if text.strip() else '') + '[env]\n' + line + '\n'
open(path, 'w').write(text)
PY
    say "cargo config: set $key=$value in $CARGO_CONFIG"
}

# --- 1. system packages -------------------------------------------------------------------
apt_install protobuf-compiler clang libclang-dev

# --- 2. the wasm32v1-none standard library ------------------------------------------------
has_wasm_std() { # $1: sysroot
    ls "$1/lib/rustlib/$WASM_TARGET/lib/"libcore-*.rlib >/dev/null 2>&1
}

wasm_via_rustup() {
    command -v rustup >/dev/null 2>&1 || return 1
    local sysroot
    sysroot="$(rustc --print sysroot)"
    if has_wasm_std "$sysroot"; then
        say "$WASM_TARGET std present in the default toolchain ($sysroot)"
        return 0
    fi
    say "trying: rustup target add $WASM_TARGET"
    timeout 180 rustup target add "$WASM_TARGET" >/dev/null 2>&1 || return 1
    has_wasm_std "$sysroot"
}

wasm_via_debian() {
    # Debian's Rust 1.96 with its library source, and an LLVM 22 wasm linker.
    apt_install rustc-web cargo-web rust-web-src lld-22
    local libdir=/usr/lib/rustlib/$WASM_TARGET/lib
    if has_wasm_std /usr; then
        say "$WASM_TARGET std already built for Debian's rustc ($libdir)"
    else
        say "building core and alloc for $WASM_TARGET with Debian's rustc (a minute or two)"
        local work
        work="$(mktemp -d)"
        mkdir -p "$work/src"
        cat >"$work/Cargo.toml" <<'TOML'
[package]
name = "wasm-std-seed"
version = "0.0.0"
edition = "2021"
[lib]
path = "src/lib.rs"
[profile.release]
panic = "abort"
TOML
        printf '#![no_std]\nextern crate alloc;\n' >"$work/src/lib.rs"
        (
            cd "$work"
            # Bitcode is embedded because the runtime build links with LTO.
            RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1 RUSTFLAGS="-C embed-bitcode=yes" \
                CARGO_TARGET_DIR="$work/target" \
                /usr/bin/cargo build --release --target "$WASM_TARGET" \
                -Zbuild-std=core,alloc -q
        )
        as_root mkdir -p "$libdir"
        find "$work/target/$WASM_TARGET/release/deps" -name '*.rlib' ! -name 'libwasm_std_seed*' \
            -exec cp {} "$libdir/" \;
        rm -rf "$work"
        say "installed $(ls "$libdir" | wc -l) rlibs into $libdir"
    fi
    if ! rustup toolchain list 2>/dev/null | grep -q '^debian'; then
        rustup toolchain link debian /usr
        say "linked rustup toolchain 'debian' -> /usr"
    fi
    cargo_env WASM_BUILD_TOOLCHAIN debian
    # Debian's rustc has no bundled rust-lld; LLVM 22's wasm-ld links the runtime.
    cargo_target_linker "$WASM_TARGET" wasm-ld-22
}

# Sets `linker` for a target in ~/.cargo/config.toml (read by the runtime's nested cargo too).
cargo_target_linker() {
    local target="$1" linker="$2"
    mkdir -p "$(dirname "$CARGO_CONFIG")"
    touch "$CARGO_CONFIG"
    if grep -q "^\[target.$target\]" "$CARGO_CONFIG"; then
        say "cargo config already has a [target.$target] section"
        return 0
    fi
    printf '\n[target.%s]\nlinker = "%s"\n' "$target" "$linker" >>"$CARGO_CONFIG"
    say "cargo config: $target links with $linker"
}

# TENSORCHAIN_WASM_FROM_DEBIAN=1 skips rustup, to exercise the offline recipe.
if [ "${TENSORCHAIN_WASM_FROM_DEBIAN:-0}" != 1 ] && wasm_via_rustup; then
    say "wasm std: rustup's $WASM_TARGET target"
else
    say "rustup cannot provide $WASM_TARGET here; using the offline Debian recipe"
    wasm_via_debian
fi

# --- 3. end-to-end test clients ------------------------------------------------------------
REQS="$ROOT/tests/e2e/requirements.txt"
STAMP="$VENV/.requirements.sha256"
want="$(sha256sum "$REQS" | cut -d' ' -f1)"
if [ -x "$VENV/bin/python" ] && [ "$(cat "$STAMP" 2>/dev/null)" = "$want" ]; then
    say "python test clients present ($VENV)"
else
    say "installing python test clients into $VENV"
    mkdir -p "$CACHE"
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q --disable-pip-version-check -r "$REQS"
    echo "$want" >"$STAMP"
fi

say "done"
