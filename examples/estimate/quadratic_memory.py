"""Quadratic memory: builds an n×n pairwise matrix over the input's rows.

Usage: python3 quadratic_memory.py requests.csv
A dense float64 matrix of n² cells: doubling the rows quadruples the peak. Run it on 10× the rows and it
needs 100× the memory — the case a linear extrapolation gets badly wrong.
"""
import sys
from array import array


def main(path: str) -> None:
    with open(path) as f:
        next(f)  # header
        durations = [int(line.split(",", 2)[1]) for line in f]
    n = len(durations)
    # One float64 per pair of requests (e.g. a similarity score); the repeat writes every page.
    matrix = array("d", [0.0]) * (n * n)
    for i in range(n):
        matrix[i * n + i] = 1.0
    print(f"{n} rows, {n * n} pairs, {len(matrix) * 8 / 1e6:.1f} MB matrix")


if __name__ == "__main__":
    main(sys.argv[1])
