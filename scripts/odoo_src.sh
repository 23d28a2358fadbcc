#!/usr/bin/env bash
# Make sure $ODOO_SRC holds an Odoo 19.0 source tree; every other script calls this first.
#
# - $ODOO_SRC has odoo-bin: it is used as it is, once its version is checked (19.0).
# - It has none and ODOO_ARCHIVE names a .tar.gz, .tar.xz or .zip of an Odoo 19.0 source
#   tree with one top folder: the archive is unpacked into $ODOO_SRC (the top folder
#   stripped) and a stamp with its sha256 is left there, so that the next call costs nothing.
# - A tree unpacked from another archive (the stamp says so) is replaced by the new one.
# - Anything else at $ODOO_SRC (another Odoo version, a folder that is not Odoo, a checkout
#   of one's own) is never overwritten: the script stops with a message saying what to do.
# Every check of an archive runs on a copy unpacked beside $ODOO_SRC; only a tree that
# passed them all is moved into place, so a damaged or wrong archive changes nothing.
# shellcheck source=scripts/lib.sh
source "$(dirname "$0")/lib.sh"

ARCHIVE="${ODOO_ARCHIVE:-}"
STAMP_NAME=.odoo-archive-stamp     # inside $ODOO_SRC: "sha256 size mtime path" of the archive

# Prints the series (e.g. 19.0) of the Odoo tree in $1, or nothing.
odoo_series() {
    sed -n 's/^version_info = (\([0-9]*\), *\([0-9]*\),.*/\1.\2/p' "$1/odoo/release.py" 2>/dev/null || true
}

# "size mtime" of a file: compared before hashing, so an unchanged archive is not read again.
file_identity() { stat -c '%s %Y' "$1"; }

archive_sha256() { sha256sum "$1" | cut -d' ' -f1; }

# The stamp matches the archive: same path, size and time, or else the same sha256.
stamp_matches() {   # $1 = stamp file, $2 = archive
    local sha size mtime path
    read -r sha size mtime path < "$1" || return 1
    [ "$path $size $mtime" = "$(realpath "$2") $(file_identity "$2")" ] && return 0
    [ "$sha" = "$(archive_sha256 "$2")" ] || return 1
    write_stamp "$1" "$2" "$sha"    # same content, moved or touched: remember the new identity
}

write_stamp() {   # $1 = stamp file, $2 = archive, $3 = its sha256
    echo "$3 $(file_identity "$2") $(realpath "$2")" > "$1"
}

# Unpacks $ARCHIVE beside $ODOO_SRC, checks it, then moves it into place (replacing the
# tree in $ODOO_SRC, which the caller has checked is ours or absent or empty).
unpack_archive() {
    local parent work top entries sha series
    parent="$(dirname "$ODOO_SRC")"
    mkdir -p "$parent" || die "Cannot create $parent for ODOO_SRC=$ODOO_SRC."
    work="$(mktemp -d "$parent/.odoo-unpack-XXXXXX")"
    # shellcheck disable=SC2064  # expand $work now: it is a local
    trap "rm -rf '$work'" EXIT
    mkdir "$work/tree"
    info "Unpacking Odoo from $ARCHIVE into $ODOO_SRC"
    case "$ARCHIVE" in
        *.tar.gz|*.tgz|*.tar.xz|*.txz|*.tar)
            tar -xf "$ARCHIVE" -C "$work/tree" 2> "$work/error" \
                || die "ODOO_ARCHIVE=$ARCHIVE could not be unpacked (damaged or not a tar archive): $(head -n 2 "$work/error" | tr '\n' ' ')— nothing was changed at $ODOO_SRC." ;;
        *.zip)
            python3 -m zipfile -e "$ARCHIVE" "$work/tree" 2> "$work/error" \
                || die "ODOO_ARCHIVE=$ARCHIVE could not be unpacked (damaged or not a zip archive): $(tail -n 1 "$work/error") — nothing was changed at $ODOO_SRC." ;;
        *)  die "ODOO_ARCHIVE=$ARCHIVE: unknown kind of archive. Give a .tar.gz, .tar.xz or .zip of the Odoo 19.0 source." ;;
    esac
    mapfile -t entries < <(find "$work/tree" -mindepth 1 -maxdepth 1)
    [ "${#entries[@]}" -eq 1 ] && [ -d "${entries[0]}" ] \
        || die "ODOO_ARCHIVE=$ARCHIVE does not hold one top folder (it holds ${#entries[@]} entries): it is not an Odoo source archive — nothing was changed at $ODOO_SRC."
    top="${entries[0]}"
    [ -f "$top/odoo-bin" ] \
        || die "ODOO_ARCHIVE=$ARCHIVE is not an Odoo source archive (no odoo-bin in its top folder $(basename "$top")) — nothing was changed at $ODOO_SRC."
    series="$(odoo_series "$top")"
    [ "$series" = "19.0" ] \
        || die "ODOO_ARCHIVE=$ARCHIVE holds Odoo ${series:-of unknown version}; this addon needs Odoo 19.0 (odoo_19.0.latest.tar.gz) — nothing was changed at $ODOO_SRC."
    sha="$(archive_sha256 "$ARCHIVE")"
    write_stamp "$top/$STAMP_NAME" "$ARCHIVE" "$sha"
    if [ -d "$ODOO_SRC" ] && [ -z "$(ls -A "$ODOO_SRC")" ]; then
        # An empty folder (perhaps a mount point) stays; the tree moves into it.
        find "$top" -mindepth 1 -maxdepth 1 -exec mv -t "$ODOO_SRC" {} +
    else
        [ ! -e "$ODOO_SRC" ] || mv "$ODOO_SRC" "$work/previous"
        mv "$top" "$ODOO_SRC"
    fi
    rm -rf "$work"
    trap - EXIT
    info "Odoo 19.0 unpacked at $ODOO_SRC (archive sha256 $sha)"
}

no_odoo_help="Either put an Odoo 19.0 source tree there (a checkout of Odoo's 19.0 branch) or set ODOO_SRC to one, or give the Odoo 19.0 source archive: ODOO_ARCHIVE=/path/to/odoo_19.0.latest.tar.gz (unpacked into ODOO_SRC on first use)."

if [ -n "$ARCHIVE" ]; then
    [ -f "$ARCHIVE" ] || die "ODOO_ARCHIVE=$ARCHIVE: no such file."
fi

if [ -f "$ODOO_SRC/odoo-bin" ]; then
    if [ -n "$ARCHIVE" ]; then
        if [ -f "$ODOO_SRC/$STAMP_NAME" ]; then
            stamp_matches "$ODOO_SRC/$STAMP_NAME" "$ARCHIVE" || unpack_archive
        else
            info "ODOO_SRC=$ODOO_SRC holds an Odoo that was not unpacked from an archive by these scripts; it is used as it is and ODOO_ARCHIVE is ignored."
        fi
    fi
    series="$(odoo_series "$ODOO_SRC")"
    [ "$series" = "19.0" ] \
        || die "The Odoo at ODOO_SRC=$ODOO_SRC is version '${series:-unknown}'; this addon needs Odoo 19.0. It was left as it is: point ODOO_SRC at an Odoo 19.0 tree, or at a new folder together with ODOO_ARCHIVE=/path/to/odoo_19.0.latest.tar.gz."
    exit 0
fi

[ -n "$ARCHIVE" ] || die "No Odoo found at ODOO_SRC=$ODOO_SRC (no odoo-bin). $no_odoo_help"
if [ -e "$ODOO_SRC" ] && { [ ! -d "$ODOO_SRC" ] || [ -n "$(ls -A "$ODOO_SRC")" ]; }; then
    die "ODOO_SRC=$ODOO_SRC exists but holds no Odoo (no odoo-bin); it is not overwritten. Empty or remove it, or set ODOO_SRC to a new folder for the archive."
fi
unpack_archive
