#!/usr/bin/env bash
# Builds the English benchmark corpus of bench/peers.sh from two Debian packages, without
# installing them: the glosses and examples of WordNet 3.0 (wordnet-base) and the definitions
# of the GNU Collaborative International Dictionary of English, Webster's 1913 and WordNet
# (dict-gcide). About 5.5 million tokens, one gloss or dictionary paragraph per line, lower
# case a-z only, as text8 is prepared.
#
# Usage: bench/prepare-corpus.sh [OUTPUT]   (default: out/bench/corpus.txt; never committed)
set -euo pipefail
cd "$(dirname "$0")/.."

output=${1:-out/bench/corpus.txt}
work=$(dirname "$output")/debs
mkdir -p "$work"

if [[ -s $output ]]; then
  echo "corpus: $output already exists ($(wc -w <"$output") tokens); delete it to rebuild" >&2
  exit 0
fi

fetch() {
  local package=$1
  if ! compgen -G "$work/${package}_*.deb" >/dev/null; then
    if ! (cd "$work" && apt-get download "$package" >/dev/null 2>&1); then
      # A fresh machine may have no package lists yet.
      if [[ $(id -u) -eq 0 ]]; then apt-get update -qq; fi
      (cd "$work" && apt-get download "$package" >/dev/null) || {
        echo "prepare-corpus: cannot download Debian package $package; check network access to the Debian mirror" >&2
        exit 1
      }
    fi
  fi
  rm -rf "$work/$package"
  dpkg-deb -x "$work/${package}"_*.deb "$work/$package"
}

fetch wordnet-base
fetch dict-gcide

tmp="$output.tmp"
{
  # WordNet data files: the gloss follows " | "; lines starting with two spaces are the licence.
  for part in noun verb adj adv; do
    grep -v '^  ' "$work/wordnet-base/usr/share/wordnet/data.$part" | sed 's/^[^|]*| //'
  done
  # GCIDE: paragraphs separated by blank lines. Drop the markup: inline character codes such as
  # C[ae]sar or b[=a]the keep their letters; pronunciations \..\, etymologies and sources [..]
  # and the braces around cross-references go.
  gzip -dc "$work/dict-gcide/usr/share/dictd/gcide.dict.dz" | perl -00 -ne '
    s/\[[=\x22\x27`^~:.,;-]*([A-Za-z]{1,3})\]/$1/g;
    s/\\[^\\\n]*\\//g;
    s/\[[^\]]*\]//g;
    tr/{}\n/  /s;
    print "$_\n";'
} | perl -ne '$_ = lc; s/[^a-z]+/ /g; s/^ //; s/ $//; print "$_\n" if length;' >"$tmp"
mv "$tmp" "$output"
echo "corpus: $output, $(wc -l <"$output") lines, $(wc -w <"$output") tokens" >&2
