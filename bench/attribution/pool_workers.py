"""Pool(3) workers each build 100 MB; the parent only waits in `with Pool`."""
import multiprocessing as mp
import time


def work(_):
    block = b"w" * (100 * 1024 * 1024)  # TOP
    time.sleep(0.3)
    return len(block)


if __name__ == "__main__":
    with mp.Pool(3) as pool:
        print(sum(pool.map(work, range(3), chunksize=1)))
