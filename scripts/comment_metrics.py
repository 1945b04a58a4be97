#!/usr/bin/env python3
"""scripts/comment_metrics.py: comment density and leading comments of C files.

Usage: scripts/comment_metrics.py [--long N] PATH...  (files or folders)
Prints, per folder/file and in total: comment lines per code line, and the
share of function definitions (PostgreSQL style: name at column 0, body's
"{" at column 0) that have a block comment right above them.  With --long N
also lists functions whose body is longer than N lines.
"""
import os
import re
import sys

FUNC = re.compile(r'^([A-Za-z_]\w*)\s*\(')


def scan(path):
    lines = open(path, encoding='utf-8', errors='replace').read().split('\n')
    comment = code = 0
    incomment = False
    for ln in lines:
        s = ln.strip()
        if not s:
            continue
        is_comment = False
        has_code = False
        i = 0
        while i < len(s):
            if incomment:
                is_comment = True
                j = s.find('*/', i)
                if j < 0:
                    i = len(s)
                else:
                    incomment = False
                    i = j + 2
            elif s.startswith('/*', i):
                incomment = True
                is_comment = True
                i += 2
            elif s.startswith('//', i):
                is_comment = True
                break
            else:
                if not s[i].isspace():
                    has_code = True
                i += 1
        if has_code:
            code += 1
        elif is_comment:
            comment += 1
    funcs = []
    for n, ln in enumerate(lines):
        m = FUNC.match(ln)
        if not m or m.group(1) in ('if', 'while', 'for', 'switch', 'return'):
            continue
        # the body's "{" at column 0 before any ";" at the end of a line
        k = n
        while k < len(lines) and not lines[k].startswith('{'):
            if lines[k].rstrip().endswith(';'):
                k = -1
                break
            k += 1
        if k < 0 or k >= len(lines):
            continue
        end = k + 1
        while end < len(lines) and not lines[end].startswith('}'):
            end += 1
        # the return type is on the line above (static/extern ... type)
        top = n - 1 if n > 0 and lines[n - 1].strip() and not lines[n - 1].strip().endswith('*/') else n
        above = lines[top - 1].rstrip() if top > 0 else ''
        funcs.append((m.group(1), above.endswith('*/'), end - k - 1, n + 1))
    return comment, code, funcs


def main(argv):
    long = None
    if argv[:1] == ['--long']:
        long = int(argv[1])
        argv = argv[2:]
    total = [0, 0, 0, 0]
    for arg in argv:
        files = []
        if os.path.isdir(arg):
            for d, _, fs in os.walk(arg):
                files += [os.path.join(d, f) for f in fs if f.endswith(('.c', '.h'))]
        else:
            files = [arg]
        c = k = nf = nd = 0
        for f in sorted(files):
            cm, cd, fn = scan(f)
            c += cm
            k += cd
            nf += len(fn)
            nd += sum(1 for x in fn if x[1])
            if long is not None:
                for name, _, length, line in fn:
                    if length > long:
                        print(f'  long: {f}:{line} {name} ({length} lines)')
        pct = 100.0 * nd / nf if nf else 100.0
        print(f'{arg:20} comment/code {c:5}/{k:5} = {c / max(k, 1):.2f}   '
              f'functions with a leading comment {nd:3}/{nf:3} = {pct:.0f}%')
        total = [total[0] + c, total[1] + k, total[2] + nd, total[3] + nf]
    c, k, nd, nf = total
    print(f'{"total":20} comment/code {c:5}/{k:5} = {c / max(k, 1):.2f}   '
          f'functions with a leading comment {nd:3}/{nf:3} = {100.0 * nd / max(nf, 1):.0f}%')


if __name__ == '__main__':
    main(sys.argv[1:])
