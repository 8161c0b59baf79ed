#!/usr/bin/env bash
# Regenerates README.md's transcripts from real runs, so that they cannot go stale.
#
#   docs/transcripts.sh            rewrite every transcript in README.md
#   docs/transcripts.sh --list     list the transcripts and their commands, run nothing
#   docs/transcripts.sh 3 7        rewrite only transcripts 3 and 7 (numbers from --list)
#
# A transcript is a fenced block between two markers in README.md:
#
#   <!-- transcript -->            each "$ command" line (a trailing \ continues it) is run
#   ```                            with bash in a scratch folder, and the lines after it, up
#   $ ./w2v similarity ... a b     to the next "$ ", are replaced by what it printed
#   0.4461                         (stdout and stderr, as a terminal shows them)
#   ```
#   <!-- /transcript -->
#
# Markers with an argument:
#   <!-- transcript: bar COMMAND -->   the block is the last frame of the progress bar that
#                                      COMMAND draws on a 120-column terminal (under script(1))
#   <!-- transcript: server -->        each command runs until it prints "Ctrl-C stops", then
#                                      is stopped (w2v explore)
#
# Every transcript runs in a fresh folder holding ./w2v, data/ (linked), and what README.md's
# examples start from: sst.txt (the SST sentences as plain text) and sstvec/ (vectors trained
# on it, with their evaluation), both made once per run of this script as README.md says.
# Running it again only replaces outputs; it is safe to run at any time, and changes nothing
# outside README.md but a temporary folder, which it removes. The fast trainer's two threads
# make every sstvec/ a little different, so rewriting only some blocks can leave figures of two
# trainings side by side: run it whole before a release. It takes a few minutes (more on a busy
# machine, whose speeds the training transcripts then show).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
exec python3 - "$root" "$@" <<'PY'
import os, re, shutil, signal, subprocess, sys, tempfile, time

root = sys.argv[1]
args = sys.argv[2:]
readme = os.path.join(root, "README.md")

# What README.md's examples start from (its words: "tail -n +2 data/sst/datasetSentences.txt |
# cut -f2 > sst.txt; ./w2v train --trainer fast --corpus sst.txt --set epochs=30 --out sstvec",
# with the evaluation files of the explore section).
SETUP = [
    "tail -n +2 data/sst/datasetSentences.txt | cut -f2 > sst.txt",
    "./w2v train --trainer fast --corpus sst.txt --set epochs=30 --out sstvec"
    " --set analogies=data/questions-words.txt --set similarity=data/wordsim353.tsv",
]

BLOCK = re.compile(
    r"(<!-- transcript(?::\s*(?P<arg>.*?))?\s*-->\n```[a-z]*\n)(?P<body>.*?)(\n```\n<!-- /transcript -->)",
    re.S,
)
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def commands(body):
    """The "$ " commands of a block, each with its continuation lines."""
    out, current = [], None
    for line in body.split("\n"):
        if current is not None and current[-1].endswith("\\"):
            current.append(line)
            continue
        if line.startswith("$ "):
            current = [line]
            out.append(current)
        else:
            current = None
    return ["\n".join(c) for c in out]


def shell_text(command_lines):
    text = command_lines[2:]
    return text.replace("\\\n", " ")


def launcher(folder):
    """./w2v in a folder: the repository's launcher, which finds its jar from its own path."""
    with open(os.path.join(folder, "w2v"), "w") as f:
        f.write('#!/bin/sh\nexec "%s/w2v" "$@"\n' % root)
    os.chmod(os.path.join(folder, "w2v"), 0o755)


def fresh_folder(base):
    work = tempfile.mkdtemp(prefix="block-", dir=base)
    launcher(work)
    os.symlink(os.path.join(root, "data"), os.path.join(work, "data"))
    for name in ("sst.txt", "sstvec"):
        os.symlink(os.path.join(base, "setup", name), os.path.join(work, name))
    return work


def run(command, cwd, server=False):
    env = dict(os.environ)
    env.pop("COLUMNS", None)
    if not server:
        done = subprocess.run(
            ["bash", "-c", command], cwd=cwd, env=env, stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=1800)
        return done.stdout.decode("utf-8", "replace")
    process = subprocess.Popen(
        ["bash", "-c", command], cwd=cwd, env=env, stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    lines = []
    deadline = time.time() + 120
    for raw in process.stdout:
        lines.append(raw.decode("utf-8", "replace"))
        if "Ctrl-C stops" in lines[-1] or time.time() > deadline:
            break
    os.killpg(process.pid, signal.SIGINT)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
    return "".join(lines)


def bar(command, cwd):
    inner = "stty cols 120 rows 40; " + command + " >/dev/null"
    done = subprocess.run(
        ["script", "-qfec", inner, "/dev/null"], cwd=cwd, stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=1800)
    frames = re.split(r"[\r\n]", ANSI.sub("", done.stdout.decode("utf-8", "replace")))
    full = [f.rstrip() for f in frames if "100% [" in f]
    if not full:
        sys.exit("transcripts: no full progress bar in the output of " + command)
    return full[-1]


def main():
    with open(readme, encoding="utf-8") as f:
        text = f.read()
    blocks = list(BLOCK.finditer(text))
    if not blocks:
        sys.exit("transcripts: README.md has no <!-- transcript --> block")
    if args == ["--list"]:
        for i, m in enumerate(blocks, 1):
            kind = (m.group("arg") or "").strip()
            shown = [kind] if kind.startswith("bar ") else commands(m.group("body"))
            print("%2d  %s" % (i, ("[" + kind + "] " if kind == "server" else "") + " | ".join(
                s.replace("\n", " ") for s in shown)))
        return
    wanted = {int(a) for a in args} if args else set(range(1, len(blocks) + 1))

    base = tempfile.mkdtemp(prefix="w2v-transcripts-")
    try:
        # Builds the jar if the sources changed, so that its build log is not a transcript.
        subprocess.run([os.path.join(root, "w2v"), "--version"], check=True,
                       stdout=subprocess.DEVNULL)
        setup = os.path.join(base, "setup")
        os.makedirs(setup)
        os.symlink(os.path.join(root, "data"), os.path.join(setup, "data"))
        launcher(setup)
        for command in SETUP:
            print("setup: " + command, file=sys.stderr)
            subprocess.run(["bash", "-c", command], cwd=setup, check=True,
                           stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
        pieces, last = [], 0
        for i, m in enumerate(blocks, 1):
            pieces.append(text[last:m.start("body")])
            last = m.end("body")
            body = m.group("body")
            if i not in wanted:
                pieces.append(body)
                continue
            kind = (m.group("arg") or "").strip()
            work = fresh_folder(base)
            if kind.startswith("bar "):
                print("transcript %d: %s (progress bar)" % (i, kind[4:]), file=sys.stderr)
                pieces.append(bar(kind[4:], work))
                continue
            lines = []
            for command in commands(body):
                print("transcript %d: %s" % (i, command.replace("\n", " ")), file=sys.stderr)
                output = run(shell_text(command), work, server=(kind == "server"))
                lines.append(command)
                if output.strip():
                    lines.append(output.rstrip("\n"))
            pieces.append("\n".join(lines))
        pieces.append(text[last:])
        new = "".join(pieces)
        if new != text:
            with open(readme, "w", encoding="utf-8") as f:
                f.write(new)
            print("transcripts: README.md rewritten (%d blocks run)" % len(wanted), file=sys.stderr)
        else:
            print("transcripts: README.md unchanged", file=sys.stderr)
    finally:
        shutil.rmtree(base, ignore_errors=True)


main()
PY
