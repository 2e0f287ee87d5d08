#!/usr/bin/env python3
"""Checks every #include under src/ against the folder rules of docs/architecture.md §3.1.

Usage: check_layering.py [REPO_ROOT]
The rules are read from the ```layering block of docs/architecture.md, so the document and the check cannot
drift apart. Prints one line per forbidden include (file:line: folder -> include) and exits 1 when there is
any; exits 2 when the rules cannot be read.
"""
import os
import re
import sys

# Angle-bracket headers that are governed by the rules: third-party libraries and sockets. Anything else in
# angle brackets is the standard library (or a C library header) and is free.
CHECKED_SYSTEM = ("Poco/", "boost/", "openssl/", "expat.h", "gtest/", "gmock/", "sys/socket.h", "poll.h",
                  "winsock2.h", "ws2tcpip.h", "windows.h")
INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')


def read_rules(root):
    path = os.path.join(root, "docs", "architecture.md")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    m = re.search(r"```layering\n(.*?)```", text, re.S)
    if not m:
        sys.exit(f"layering: no ```layering block in {path}")
    rules = {}
    for line in m.group(1).splitlines():
        line = line.strip()
        if not line:
            continue
        folder, _, allowed = line.partition(":")
        if not _:
            sys.exit(f"layering: bad rule line '{line}' in {path}")
        rules[folder.strip()] = allowed.split()
    return rules


def folder_of(path, folders):
    """The longest rule folder the src-relative path lies in, or None."""
    best = None
    for f in folders:
        if path == f or path.startswith(f + "/"):
            if best is None or len(f) > len(best):
                best = f
    return best


def allowed_quoted(src_folder, target, rules, folders):
    tfolder = folder_of(target, folders)
    if tfolder is None:
        return False, "not a folder of src/ with a rule"
    if tfolder == src_folder:
        return True, ""
    for entry in rules[src_folder]:
        if entry.startswith("<"):
            continue
        if entry == "*" or entry == tfolder or entry == target:
            return True, ""
    singles = [e for e in rules[src_folder] if e.startswith(tfolder + "/")]
    only = f" (only {', '.join(singles)})" if singles else ""
    return False, f"{src_folder} may not use {tfolder}{only}"


def allowed_system(src_folder, header, rules):
    if not any(header.startswith(p) for p in CHECKED_SYSTEM):
        return True
    for entry in rules[src_folder]:
        if entry.startswith("<"):
            prefix = entry[1:].rstrip(">")
            if header == prefix or (prefix.endswith("/") and header.startswith(prefix)):
                return True
    return False


def main():
    root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", ".."))
    rules = read_rules(root)
    folders = list(rules)
    src = os.path.join(root, "src")
    problems = []
    checked = 0
    for dirpath, _, files in os.walk(src):
        for name in sorted(files):
            if not name.endswith((".h", ".hpp", ".cpp", ".cc")):
                continue
            full = os.path.join(dirpath, name)
            rel = os.path.relpath(full, src).replace(os.sep, "/")
            sfolder = folder_of(rel, folders)
            if sfolder is None:
                problems.append(f"src/{rel}: its folder has no rule in docs/architecture.md §3.1")
                continue
            with open(full, encoding="utf-8", errors="replace") as f:
                for lineno, line in enumerate(f, 1):
                    m = INCLUDE.match(line)
                    if not m:
                        continue
                    checked += 1
                    kind, header = m.groups()
                    if kind == "<":
                        if not allowed_system(sfolder, header, rules):
                            problems.append(f"src/{rel}:{lineno}: {sfolder} may not include <{header}>")
                        continue
                    if header.startswith("tests/") or header.startswith(".."):
                        problems.append(f"src/{rel}:{lineno}: src/ never includes from tests/ or by a relative path")
                        continue
                    if "/" not in header:
                        continue  # a generated header beside the file (app's BuildInfoValues.h)
                    ok, why = allowed_quoted(sfolder, header, rules, folders)
                    if not ok:
                        problems.append(f'src/{rel}:{lineno}: "{header}": {why}')
    for p in problems:
        print(p)
    print(f"layering: {checked} includes checked, {len(problems)} forbidden "
          f"(rules: docs/architecture.md §3.1)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
