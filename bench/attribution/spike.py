"""A 150 MiB spike that lives ~20-40 ms between two busy phases."""


def busy(n):
    total = 0
    for i in range(n):
        total += i % 7
    return total


busy(400000)
block = b"x" * (150 * 1024 * 1024)  # TOP
del block
busy(400000)
print("done")
