"""Video wall throughput: 16 tiles of 640×360 synthetic clips, next to raw OpenCV decoding of the same files.

Goals: every tile delivers ≥ 10 fps; the GUI event loop's stall p99 ≤ 50 ms (a 5 ms QTimer measures
how late it fires); memory flat over a long run (``--soak-minutes``, which also switches incidents every
15 s so readers are stopped and started all the time). The raw baseline decodes the same files in one
thread per file, as fast as it can, in the same process: what the machine could give if nothing were
paced, shrunk, copied into QImages or painted.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/videowall.py [--seconds 20] [--soak-minutes 0]

No assertions: it prints a table.
"""

from __future__ import annotations

import argparse
import os
import statistics
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import cv2
import psutil
from PySide6.QtWidgets import QApplication
from qt_probe import StallProbe, percentile, wait  # bench/ is on sys.path when run as a script

from dispatch_desktop.domain.city import Camera
from dispatch_desktop.ui.video_wall import VideoWall
from dispatch_desktop.video.clips import ClipSpec, clip_dir, demo_stream_urls, ensure_clips

SPOT_A = (23.1291, 113.2644)
SPOT_B = (23.1375, 113.3240)


def raw_decode(paths: list[Path], seconds: float) -> list[float]:
    """Frames per second each file decodes at, all files at once (one thread each), looping."""
    counts = [0] * len(paths)
    stop = threading.Event()

    def decode(k: int) -> None:
        capture = cv2.VideoCapture(str(paths[k]), cv2.CAP_FFMPEG)
        while not stop.is_set():
            ok, _ = capture.read()
            if not ok:
                capture.set(cv2.CAP_PROP_POS_FRAMES, 0)
                continue
            counts[k] += 1
        capture.release()

    threads = [threading.Thread(target=decode, args=(k,)) for k in range(len(paths))]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    time.sleep(seconds)
    stop.set()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - start
    return [n / elapsed for n in counts]


def cameras_for(urls: list[str], tiles: int) -> list[Camera]:
    """Two groups of cameras, around two spots, so switching incidents swaps every reader."""
    cameras = []
    for group, (lat, lon) in enumerate((SPOT_A, SPOT_B)):
        for k in range(tiles):
            cameras.append(Camera(
                id=f"BENCH-{group}-{k:02d}", name=f"测试点位 {group}-{k:02d}", district="440104", station="S",
                lat=lat + 0.0002 * (k // 5), lon=lon + 0.0002 * (k % 5), stream_url=urls[k % len(urls)],
            ))
    return cameras


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tiles", type=int, default=16, choices=(1, 4, 9, 16, 25))
    parser.add_argument("--seconds", type=float, default=20.0, help="measuring window")
    parser.add_argument("--raw-seconds", type=float, default=5.0, help="raw decode window")
    parser.add_argument("--soak-minutes", type=float, default=0.0)
    args = parser.parse_args()

    paths = ensure_clips(clip_dir(), ClipSpec())
    urls = demo_stream_urls(paths)
    process = psutil.Process()
    cores = psutil.cpu_count() or 1
    print(f"clips: {len(paths)} × 640×360 MJPG, 12 fps, in {paths[0].parent}; {cores} cores; "
          f"OpenCV {cv2.__version__}, {cv2.getNumThreads()} OpenCV threads; "
          f"load average before: {os.getloadavg()[0]:.1f} (other processes share the machine)")

    tile_paths = [paths[k % len(paths)] for k in range(args.tiles)]
    raw = raw_decode(tile_paths, args.raw_seconds)

    app = QApplication.instance() or QApplication([])
    wall = VideoWall(cameras_for(urls, args.tiles), size=args.tiles)
    wall.resize(1600, 940)
    wall.show()
    rss_start = process.memory_info().rss
    wall.show_incident("BENCH-A", *SPOT_A)
    wait(3.0)  # warm-up: open every file, first frames, layout settled

    probe = StallProbe()
    counts_before = {t.index: t.frames for t in wall.tiles()}
    cpu_before = process.cpu_times()
    psutil.cpu_percent(None)
    t0 = time.perf_counter()
    probe.start()
    wait(args.seconds)
    probe.stop()
    elapsed = time.perf_counter() - t0
    machine_cpu = psutil.cpu_percent(None)
    cpu_after = process.cpu_times()
    fps = [(t.frames - counts_before[t.index]) / elapsed for t in wall.tiles()]
    cpu_core = 100 * ((cpu_after.user - cpu_before.user) + (cpu_after.system - cpu_before.system)) / elapsed
    rss_mid = process.memory_info().rss

    rows = [
        ("tiles", f"{args.tiles}", "", ""),
        ("delivered fps per tile, min / median", f"{min(fps):.1f} / {statistics.median(fps):.1f}", "≥ 10", ""),
        ("delivered fps, all tiles", f"{sum(fps):.0f}", "", ""),
        ("raw decode fps per stream, min / median",
         f"{min(raw):.0f} / {statistics.median(raw):.0f}", "", "all streams at once, unpaced"),
        ("raw decode fps, total", f"{sum(raw):.0f}", "",
         f"wall uses {sum(fps) / max(1e-9, sum(raw)):.1%} of it"),
        ("GUI stall p50 / p99 / max (ms)",
         f"{percentile(probe.late_ms, 50):.1f} / {percentile(probe.late_ms, 99):.1f} / "
         f"{max(probe.late_ms, default=0):.1f}", "p99 ≤ 50", f"{len(probe.late_ms)} ticks"),
        ("CPU, % of one core", f"{cpu_core:.0f}", "", "this process"),
        ("CPU, % of the machine", f"{cpu_core / cores:.0f}", "", f"all processes: {machine_cpu:.0f}"),
        ("RSS start / after window (MB)", f"{rss_start / 2**20:.0f} / {rss_mid / 2**20:.0f}", "", ""),
    ]

    if args.soak_minutes > 0:
        samples = [process.memory_info().rss]
        deadline = time.perf_counter() + args.soak_minutes * 60
        switch = 0
        while time.perf_counter() < deadline:
            wait(15.0)
            switch += 1
            spot = SPOT_B if switch % 2 else SPOT_A
            wall.show_incident(f"BENCH-{switch}", *spot)
            samples.append(process.memory_info().rss)
        rows.append((f"soak {args.soak_minutes:g} min, RSS start / end / max (MB)",
                     f"{samples[0] / 2**20:.0f} / {samples[-1] / 2**20:.0f} / {max(samples) / 2**20:.0f}", "flat",
                     f"{switch} incident switches ({switch * args.tiles} reader restarts)"))

    wall.shutdown()
    stopped = wall.wait_stopped(10.0)
    rows.append(("readers stopped after shutdown", "yes" if stopped else "NO", "", ""))
    rows.append(("load average after", f"{os.getloadavg()[0]:.1f}", "", f"{cores} cores"))
    width = max(len(r[0]) for r in rows)
    print(f"\n{'measure':<{width}}  {'value':>17}  {'goal':>9}  note")
    for name, value, goal, note in rows:
        print(f"{name:<{width}}  {value:>17}  {goal:>9}  {note}")
    del app


if __name__ == "__main__":
    main()
